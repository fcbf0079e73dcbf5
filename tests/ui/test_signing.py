"""Signing in the app on a database with accounts: each signer's own password at that moment;
absent attendees are "present, not signed" and sign the sealed record later."""

import pytest

from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store
from desktop.ui.settings import Settings
from desktop.ui.workspace import CaseWorkspace
from tests.factories import make_case
from tests.ui.answers import answer_modals, give_password

WHY = "The MDT decides on what is recorded; the rest follows at restaging."  # items missing
LI, WANG = ("Li Ming", "hepatobiliary surgeon"), ("Wang Fang", "medical oncologist")


@pytest.fixture
def workspace(qtbot, tmp_path):
    store = Store.open(tmp_path / "c.sqlite")
    store.add_account(*LI, "li-password")
    store.add_account(*WANG, "initial-pw")
    store.change_password(WANG[0], "initial-pw", "wang-password")
    store.sign_in(*[LI[0], "li-password"])
    case_id = store.new_case(make_case()).case_id
    page = CaseWorkspace(store, case_id, Settings.at(tmp_path / "s.ini"), default_rules())
    qtbot.addWidget(page)
    page.sidebar.setCurrentRow(5)
    yield page
    store.close()


def draft_with_two_attendees(step):
    assert step.on_start_draft() == []
    step.question.edit.setPlainText("Resect now?")
    assert step.on_add_attendee(*LI) == []
    assert step.on_add_attendee(*WANG) == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_signing_asks_the_attendees_own_password_and_a_wrong_one_is_refused(workspace, qtbot):
    step = workspace.steps[5]
    draft_with_two_attendees(step)
    seen = []

    def wrong_then_cancel(widget):
        seen.append(widget.windowTitle())
        widget.password.setText("wang-password")  # Wang Fang's password typed for Li Ming
        widget.on_accept()
        seen.append(widget.problem.text())
        widget.reject()
        return True

    answer_modals(wrong_then_cancel)
    assert step.on_sign(0) == ["Not signed: Li Ming is present, not signed."]
    assert seen == ["Sign as Li Ming", "Wrong password for Li Ming."]
    answer_modals(give_password("li-password"))
    assert step.on_sign(0) == []
    assert step.on_finalize_confirmed(WHY) == []
    text = step.signatures.text()
    fingerprint = workspace.store.accounts()[0].fingerprint
    assert "Li Ming (hepatobiliary surgeon), signed" in text
    assert fingerprint in text
    assert "Wang Fang (medical oncologist): present, not signed" in text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_absent_attendee_signs_the_sealed_record_later(workspace):
    step = workspace.steps[5]
    draft_with_two_attendees(step)
    answer_modals(give_password("li-password"))
    step.on_sign(0)
    step.on_finalize_confirmed(WHY)
    assert step.sign_later_button.isVisibleTo(step)
    answer_modals(give_password("wang-password"))
    assert step.on_sign_final(1) == []
    assert "present, not signed" not in step.signatures.text()
    assert step.signatures.text().count(", signed ") == 2
