"""Decision step: the draft record, attendees and signatures, finalize (sealed) and amend."""

import pytest

from desktop.logic.model.records import chain_problems
from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store
from desktop.logic.store.values import User
from desktop.ui.settings import Settings
from desktop.ui.workspace import CaseWorkspace
from tests.factories import make_case
from tests.ui.answers import answer_modals, give_password

CHEN = ("Chen Jie", "interventional radiologist")
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the signing dialog, offscreen


def mounted(qtbot, tmp_path, store):
    case_id = store.new_case(make_case()).case_id
    page = CaseWorkspace(store, case_id, Settings.at(tmp_path / "s.ini"), default_rules())
    qtbot.addWidget(page)
    page.sidebar.setCurrentRow(5)
    return page


@pytest.fixture
def workspace(qtbot, tmp_path):
    store = Store.open(tmp_path / "c.sqlite")
    store.add_account(*CHEN, "chen-password")  # the first account: signed in
    yield mounted(qtbot, tmp_path, store)
    store.close()


def signed_draft(step):
    assert step.on_start_draft() == []
    step.question.edit.setPlainText("Resect now?")
    assert step.on_add_attendee(*CHEN) == []
    answer_modals(give_password("chen-password"))
    assert step.on_sign(0) == []


def test_without_accounts_nobody_signs_or_finalizes_by_a_typed_name(qtbot, tmp_path):
    store = Store.open(tmp_path / "plain.sqlite", user=User(*CHEN))
    step = mounted(qtbot, tmp_path, store).steps[5]
    step.on_start_draft()
    assert step.on_add_attendee(*CHEN) == []
    [refusal] = step.on_sign(0)
    assert refusal.startswith("Signing needs personal accounts, and this database has none")
    assert "Create the first account" in refusal
    assert step.on_finalize_confirmed("Urgent.") == [refusal]
    assert step.document.case.decisions[-1].signed_by == []
    assert step.document.case.decisions[-1].status == "draft"
    store.close()


def test_no_decision_offers_to_start_a_draft(workspace):
    step = workspace.steps[5]
    assert step.status.text() == "No decision yet for this case."
    assert not step.start_button.isHidden()
    assert step.question.edit.isReadOnly()


def test_finalizing_needs_a_signature(workspace):
    step = workspace.steps[5]
    step.on_start_draft()
    assert "signature" in step.on_finalize_confirmed()[0]
    assert workspace.document.case.decisions[-1].status == "draft"


def test_an_attendee_signs_once(workspace):
    step = workspace.steps[5]
    signed_draft(step)
    assert "already signed" in step.on_sign(0)[0]
    assert "Chen Jie" in step.signatures.text()


def test_finalize_seals_then_amend_opens_a_draft_naming_it(workspace):
    step = workspace.steps[5]
    signed_draft(step)
    assert step.on_finalize_confirmed("Urgent: the tumour board meets once.") == []
    stored = workspace.store.get_case(workspace.case_id).case
    final = stored.decisions[0]
    assert (final.status, final.question) == ("final", "Resect now?")
    assert (
        chain_problems([d.model_dump(mode="json", exclude_unset=True) for d in stored.decisions])
        == []
    )
    assert "sealed, read-only" in step.status.text()
    assert workspace.undo_stack.count() == 0
    assert step.on_amend() == []
    amended = workspace.store.get_case(workspace.case_id).case.decisions[-1]
    assert (amended.status, amended.amends) == ("draft", final.record_hash)
    assert not workspace.is_read_only()
    assert not step.question.edit.isReadOnly()


def test_finalizing_with_items_missing_needs_a_reason(workspace):
    step = workspace.steps[5]
    signed_draft(step)
    problems = step.on_finalize_confirmed()
    assert "finalizing needs the reason" in problems[0]
    assert workspace.document.case.decisions[-1].status == "draft"


def test_the_reason_for_missing_items_goes_into_the_sealed_record(workspace, monkeypatch):
    step = workspace.steps[5]
    signed_draft(step)
    asked = []

    def answer(missing):
        asked.append(missing)
        return "Surgeon on leave; decided with what was available."

    monkeypatch.setattr(step, "ask_missing_reason", answer)
    step.on_finalize_requested()
    assert "Aetiology (HBV, HCV, alcohol...): not recorded" in asked[0]
    final = workspace.store.get_case(workspace.case_id).case.decisions[0]
    assert final.status == "final"
    [override] = [o for o in final.overrides if o.item == "completeness"]
    assert (override.computed, override.chosen, override.by) == (
        "incomplete",
        "finalize",
        "Chen Jie",
    )
    assert "Surgeon on leave" in override.reason
    assert "Aetiology (HBV, HCV, alcohol...): not recorded" in override.reason


def test_cancelling_the_reason_finalizes_nothing(workspace, monkeypatch):
    step = workspace.steps[5]
    signed_draft(step)
    monkeypatch.setattr(step, "ask_missing_reason", lambda missing: None)
    step.on_finalize_requested()
    assert workspace.document.case.decisions[-1].status == "draft"


def test_a_decision_without_attendees_is_not_complete(workspace):
    step = workspace.steps[5]
    step.on_start_draft()
    step.question.edit.setPlainText("Resect now?")
    assert "No attendee recorded" in workspace.sidebar.item(5).toolTip()
    assert workspace.step_states()[5] == "incomplete"


def test_a_sealed_case_says_why_it_is_read_only_and_offers_an_amendment(workspace):
    step = workspace.steps[5]
    signed_draft(step)
    assert step.on_finalize_confirmed("Decided without the missing labs.") == []
    bar = workspace.sealed_bar
    assert not bar.isHidden()
    meeting = workspace.document.case.decisions[0].meeting_date.isoformat()
    assert f"the decision of the meeting of {meeting} was sealed on" in workspace.sealed_text.text()
    assert "start an amendment" in workspace.sealed_text.text()
    workspace.amend_button.click()
    assert not workspace.is_read_only()
    assert bar.isHidden()


def test_an_attendee_added_by_mistake_is_removed(workspace):
    step = workspace.steps[5]
    step.on_start_draft()
    assert step.on_add_attendee("Chen Jie", "interventional radiologist") == []
    assert step.on_add_attendee("Wrong Person", "nobody") == []
    step.attendee_view.selectRow(1)
    assert step.on_remove_attendee() == []
    assert [a.name for a in workspace.document.case.decisions[-1].attendees] == ["Chen Jie"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("leave", ["tab_then_space", "ctrl_enter"])
def test_the_reason_for_missing_items_is_typed_and_sent_with_the_keyboard(qtbot, leave):
    from PySide6.QtCore import Qt

    from desktop.ui.finalize_reason import MissingReasonDialog
    from tests.ui.keyboard import CONTROL, Keyboard, activate

    dialog = MissingReasonDialog(["Aetiology: not recorded"])
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    keys = Keyboard(qtbot)
    assert keys.holds_focus(dialog.reason)
    keys.type("Decided on what is recorded.")
    if leave == "tab_then_space":
        keys.tab_to(dialog.ok_button)  # Tab leaves the text: it types no tab character
        keys.press(Qt.Key.Key_Space)
    else:
        keys.press(Qt.Key.Key_Return, CONTROL)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.text() == "Decided on what is recorded."


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_team_member_chosen_as_attendee_brings_their_role(qtbot, tmp_path):
    store = Store.open(tmp_path / "c.sqlite")
    store.add_account("Li Ming", "hepatobiliary surgeon", "li-password")
    store.sign_in("Li Ming", "li-password")
    case_id = store.new_case(make_case()).case_id
    page = CaseWorkspace(store, case_id, Settings.at(tmp_path / "s.ini"), default_rules())
    qtbot.addWidget(page)
    page.show()
    page.sidebar.setCurrentRow(5)
    step = page.steps[5]
    step.on_start_draft()
    people = step.attendee_input
    assert [people.name.itemText(i) for i in range(people.name.count())] == ["Li Ming"]
    people.name.setCurrentIndex(0)
    assert people.values() == ("Li Ming", "hepatobiliary surgeon")
    people.add_button.click()
    assert [(a.name, a.role) for a in page.document.case.decisions[0].attendees] == [
        ("Li Ming", "hepatobiliary surgeon")
    ]
    assert people.values() == ("", "")
    store.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_record_summary_gives_the_chosen_regimen_its_verdict(lang):
    """Beside the form, the regimen of the record carries its verdict for this case, with the
    checks not done counted (a bare name read as if it were suitable)."""
    from desktop.logic.clinical import evaluate, verdict_label
    from desktop.logic.model import Case
    from desktop.ui.decision_summary import summary_html
    from tests.conftest import example_data

    case = Case.model_validate(example_data("advanced-pvtt-conversion"))
    record = case.decisions[-1]
    evaluation = evaluate(case)
    chosen = next(v for v in evaluation.regimens if v.regimen.id == record.regimen_id)
    label = verdict_label(chosen.verdict, chosen.checks_not_done).render(lang)
    shown = summary_html(evaluation, case.decisions, record, lang)
    assert chosen.regimen.name.render(lang) in shown
    assert label in shown
