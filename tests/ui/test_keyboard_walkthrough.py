"""One whole case walked with the keyboard, in English and in Chinese, on a database with
accounts: from the first account and a later sign-in, through New case (Ctrl+N) and every step
of the workspace in turn (Ctrl+1..6), to a signed, finalized decision and its PDF.

Every value goes in by key presses: Tab and Shift+Tab to a field (the test fails, naming the
widgets passed, when Tab never reaches it), the arrow keys in lists and combo boxes, Space on
check boxes and buttons, Enter on a dialog's default button, typed text (Chinese as an input
method commits it). The test only reads widgets to know where the focus should go; it never
sets a value, calls a slot or places the focus (setFocus is never used: each step's own tab
order is the subject); it only gives the window its activation back after a dialog, which the
offscreen platform does not do (back_to). Dialogs are answered by handlers bounded in time
(tests/ui/keyboard.py): one left open, or one nobody expected, is closed and fails the walk.

"Nothing typed twice": every clinical value typed is kept in `keys.typed`, which must hold no
value twice; what the case already knows arrives by itself (the intake nodules in the baseline
scan, the chosen regimen as the new treatment's regimen, the team member's role with their
name, the adjuvant option's duration, the meeting date, the PDF's file name and folder). The
person's name and password, typed to create the account, to sign in and to sign, prove who
they are each time and are not counted.
"""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QFileDialog, QLineEdit

from desktop.logic.model import msg, term
from desktop.ui.app import install_translators, start
from desktop.ui.dialogs import mdt_roles
from desktop.ui.response_panels import regimen_name
from desktop.ui.settings import Settings
from tests.ui.keyboard import CONTROL, SHIFT, Keyboard, Modals, activate

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TODAY = dt.date.today()
PASSWORD = "walk-password-1"
REGIMEN = "atezolizumab-bevacizumab"
ADJUVANT = "adjuvant-atezolizumab-bevacizumab"
WORDS = {
    "en": {"patient": "Chen Jun", "account": "Li Ming", "guest": "Zhang Hua",
           "question": "Resect now, or two more cycles first?",
           "recommendation": "Two more cycles, then restage and resect if the liver allows."},
    "zh_CN": {"patient": "王伟", "account": "李明", "guest": "张华",
              "question": "现在手术还是再做两个周期？",
              "recommendation": "再做两个周期后复查，肝功能允许则手术。"},
}  # fmt: skip


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    before = qapp.findChildren(QTranslator)
    install_translators(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        if translator not in before:
            QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def keys(qtbot):
    return Keyboard(qtbot)


@pytest.fixture
def modals():  # every dialog answered or closed within its bound
    watch = Modals()
    yield watch
    watch.stop()


@pytest.fixture
def settings(tmp_path, lang):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set_language(lang)
    settings.set_last_folder(tmp_path)
    return settings


def enter_password(keys, dialog) -> None:
    activate(keys.qtbot, dialog)
    assert keys.holds_focus(dialog.password), "the password is not where the typing goes"
    keys.type(PASSWORD, remember=False)
    keys.press(Qt.Key.Key_Return)


def first_start(keys, modals, db, settings, words) -> None:
    """The first account (name, role chosen by arrows, password twice), then No to the
    demonstration cases; Ctrl+Q quits."""

    def create(dialog) -> None:
        activate(keys.qtbot, dialog)
        assert keys.holds_focus(dialog.name)
        keys.type(words["account"], remember=False)
        keys.tab_to(dialog.role)
        keys.choose(dialog.role, 0)
        for field in (dialog.password, dialog.again):
            keys.tab_to(field)
            keys.type(PASSWORD, remember=False)
        keys.press(Qt.Key.Key_Return)

    def no_demo(box) -> None:
        activate(keys.qtbot, box)
        keys.press(Qt.Key.Key_Escape)

    modals.answer("first account", create)
    window, store = start(db, settings)
    assert window is not None, modals.problems
    keys.qtbot.addWidget(window)
    modals.answer("demonstration cases", no_demo)
    keys.qtbot.waitUntil(lambda: modals.settled("demonstration cases"), timeout=20_000)
    activate(keys.qtbot, window)
    keys.press(Qt.Key.Key_Q, CONTROL)
    assert not window.isVisible()
    QThreadPool.globalInstance().waitForDone(30_000)  # the start-up backup
    store.close()


def sign_in(keys, modals, db, settings, words):
    def answer(dialog) -> None:
        activate(keys.qtbot, dialog)
        assert keys.holds_focus(dialog.name)
        keys.type(words["account"], remember=False)
        keys.tab_to(dialog.password)
        keys.type(PASSWORD, remember=False)
        keys.press(Qt.Key.Key_Return)

    modals.answer("sign in", answer)
    window, store = start(db, settings)
    assert window is not None, modals.problems
    keys.qtbot.addWidget(window)
    activate(keys.qtbot, window)
    return window, store


def new_case(keys, modals, window, words) -> None:
    """Ctrl+N: MRN, name, (the day kept), ECOG 0, bilirubin, albumin, INR, ascites none,
    encephalopathy none, nodules 9 and 2 cm, Vp2, no spread; Enter."""

    def fill(dialog) -> None:
        activate(keys.qtbot, dialog)
        assert keys.holds_focus(dialog.mrn)
        keys.type("K-0001")
        for target, value in (
            (dialog.name, words["patient"]), (dialog.ecog, 0), (dialog.bilirubin, "15"),
            (dialog.albumin, "40"), (dialog.inr, "1"), (dialog.ascites, "none"),
            (dialog.encephalopathy, "none"), (dialog.nodules, "9, 2"), (dialog.portal, "vp2"),
            (dialog.spread, False),
        ):  # fmt: skip
            keys.enter(target, value)
        keys.press(Qt.Key.Key_Return)

    modals.answer("new case", fill)
    keys.press(Qt.Key.Key_N, CONTROL)
    keys.qtbot.waitUntil(lambda: len(window.workspaces()) == 1)
    back_to(keys, window)


def back_to(keys, window) -> None:
    """After a dialog: the offscreen platform does not give the window its activation back
    as a window manager does, so the test does; the focus must be where the window left it."""
    activate(keys.qtbot, window)
    assert window.isAncestorOf(keys.focused()), "the focus left the window after the dialog"


def go_to_step(keys, workspace, number: int):  # Ctrl+number: the focus in its first field
    keys.press(Qt.Key(Qt.Key.Key_0 + number), CONTROL)
    step = workspace.steps[number - 1]
    assert workspace.current_step() is step
    assert step.isAncestorOf(keys.focused()), f"Ctrl+{number}: the focus is not in the step"
    return step, {field.path: field for field in step.fields()}


def answer_fields(keys, fields, answers) -> None:
    """(path, value) in form order: text typed, a combo's item (by value) chosen by arrows."""
    for path, value in answers:
        keys.enter(getattr(fields[path], "combo", None) or fields[path].edit, value)


def press_button(keys, button, backwards: bool = False, dialog: bool = False) -> None:
    """Tab to `button`, Space; the focus stays in the window (after a dialog: back_to)."""
    keys.tab_to(button, backwards)
    window = button.window()
    keys.press(Qt.Key.Key_Space)
    if not dialog:
        assert window.isAncestorOf(keys.focused()), "the focus left the window"


def patient(keys, workspace) -> None:
    step, fields = go_to_step(keys, workspace, 1)
    answer_fields(keys, fields, [("patient.sex", "male"), ("patient.birth_date", "1961-04-02"),
                                 ("patient.weight_kg", "64")])  # fmt: skip
    keys.tab_to(fields["etiology"].boxes["hbv"])
    keys.press(Qt.Key.Key_Space)
    answer_fields(keys, fields, [
        ("virology.hbsag_positive", True), ("virology.hbv_antiviral", True),
        ("virology.hbv_dna_iu_per_ml", "120"), ("virology.hbv_dna_date", ago(20)),
        ("virology.hcv_rna_detectable", False), ("labs.creatinine", "76"),
        ("labs.sodium", "139"), ("labs.platelets", "160"), ("labs.afp", "850"),
        ("labs.pivka_ii", "1200"), ("liver.varices", "small"),
        ("liver.varices_assessed_on", ago(60)), ("liver.variceal_bleeding_within_6_months", False),
        ("liver.cirrhosis", True), ("liver.dialysis_twice_in_past_week", False),
        ("liver.icg_r15_percent", "9"), ("liver.icg_r15_date", ago(6)),
        ("liver.future_liver_remnant_percent", "45"), ("liver.flr_date", ago(5)),
    ])  # fmt: skip


def tumour(keys, workspace) -> None:
    step, fields = go_to_step(keys, workspace, 2)
    assert fields["tumor.nodules_cm"].edit.text() == "9, 2"  # from New case, not typed again
    answer_fields(keys, fields, [("tumor.hepatic_vein_invasion", "none"),
                                 ("tumor.lymph_node_metastasis", False)])  # fmt: skip
    for segment in ("S7", "S8"):
        keys.tab_to(fields["tumor.segments"].boxes[segment])
        keys.press(Qt.Key.Key_Space)
    answer_fields(keys, fields, [("tumor.bilobar", False), ("tumor.infiltrative", False)])


def regimen(keys, workspace) -> str:
    """The safety history, then the regimen chosen in the table (arrows) and Choose."""
    step, fields = go_to_step(keys, workspace, 3)
    answer_fields(keys, fields, [
        ("history.autoimmune_disease_active", False), ("history.organ_transplant", False),
        ("history.uncontrolled_hypertension", False), ("history.proteinuria_g_per_24h", "0.1"),
        ("history.major_surgery_within_28_days", False),
        ("history.systemic_steroids_mg_prednisone_per_day", "0"),
        ("history.interstitial_lung_disease", False),
        ("history.prior_immune_related_ae_grade3plus", False),
        ("history.bleeding_or_arterial_thrombosis_within_6_months", False),
    ])  # fmt: skip
    keys.tab_to(step.table)
    for _ in range(step.proxy.rowCount()):
        if step.selected_ids() == [REGIMEN]:
            break
        keys.press(Qt.Key.Key_Down)
    assert step.selected_ids() == [REGIMEN]
    press_button(keys, step.choose_button, backwards=True)
    verdict = next(v for v in workspace.evaluation.regimens if v.regimen.id == REGIMEN)
    assert verdict.verdict == "suitable", [c.rule for c in verdict.checks if c.outcome != "ok"]
    return verdict.regimen.name.render(workspace.lang)


def response(keys, workspace) -> None:
    """Baseline scan (diameters from intake), a treatment from the catalogue with the last
    doses, a follow-up scan, the timing strategy."""
    step, fields = go_to_step(keys, workspace, 4)
    imaging, treatments = step.imaging, step.treatments
    keys.enter(imaging.scan_date.edit, ago(100))
    assert imaging.diameters.text() == "90, 20"  # the intake nodules, in mm
    press_button(keys, imaging.add_scan_button)
    keys.tab_to(imaging.scan_date.edit, backwards=True)
    keys.type(ago(10))
    keys.enter(imaging.diameters, "40, 8")
    press_button(keys, imaging.add_scan_button)
    keys.tab_to(treatments.regimen)
    assert treatments.regimen.currentData() == REGIMEN  # the decision's regimen, offered
    keys.enter(treatments.started.edit, ago(90))
    press_button(keys, treatments.add_treatment_button)
    keys.enter(treatments.agent, "atezolizumab")
    keys.enter(treatments.last_dose.edit, ago(21))
    press_button(keys, treatments.add_agent_button)
    keys.tab_to(treatments.agent, backwards=True)
    keys.choose_data(treatments.agent, "bevacizumab")
    press_button(keys, treatments.add_agent_button)  # the same last dose, still there
    answer_fields(keys, fields, [("decisions.0.timing_strategy", "opportunistic")])


def adjuvant(keys, workspace) -> None:
    step, _fields = go_to_step(keys, workspace, 5)
    assert keys.holds_focus(step.option_choice)
    keys.choose_data(step.option_choice, ADJUVANT)
    press_button(keys, step.choose_button)
    assert step.duration.edit.text()  # the option's duration, from the catalogue


def decision(keys, modals, workspace, words) -> None:
    """Question, recommendation, the signed-in member and a guest as attendees, the member's
    signature with their password, finalize (Enter on Yes)."""
    step, fields = go_to_step(keys, workspace, 6)
    assert keys.holds_focus(step.meeting.edit)
    answer_fields(
        keys,
        fields,
        [
            ("decisions.0.question", words["question"]),
            ("decisions.0.recommendation", words["recommendation"]),
        ],
    )
    people = step.attendee_input
    keys.tab_to(people.name)
    keys.choose(people.name, 0)  # the team member: their role comes with them
    assert people.role.currentText() == mdt_roles()[0]
    press_button(keys, people.add_button)
    keys.tab_to(people.name, backwards=True)
    keys.type(words["guest"])
    keys.tab_to(people.role)
    keys.choose(people.role, 1)
    press_button(keys, people.add_button)
    keys.tab_to(step.signer)
    keys.choose(step.signer, 0)
    modals.answer("signature", lambda dialog: enter_password(keys, dialog))
    press_button(keys, step.sign_button, dialog=True)
    back_to(keys, workspace.window())

    def yes(box) -> None:
        activate(keys.qtbot, box)
        keys.press(Qt.Key.Key_Return)

    modals.answer("finalize", yes)
    press_button(keys, step.finalize_button, dialog=True)
    keys.qtbot.waitUntil(lambda: workspace.document.case.decisions[-1].status == "final")
    back_to(keys, workspace.window())


def export_pdf(keys, modals, window, tmp_path):
    """Ctrl+Shift+E; Enter on the options; Enter on the proposed name in the last folder."""
    written = []

    def save(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        activate(keys.qtbot, dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        written.append(tmp_path / name.text())
        assert dialog.directory().absolutePath() == str(tmp_path)
        keys.press(Qt.Key.Key_Return)

    def options(dialog) -> None:
        activate(keys.qtbot, dialog)
        modals.answer("save as", save)
        keys.press(Qt.Key.Key_Return)

    modals.answer("export options", options)
    keys.press(Qt.Key.Key_E, CONTROL | SHIFT)
    assert written == [tmp_path / f"MDT-summary_K-0001_{TODAY.isoformat()}.pdf"], modals.problems
    keys.qtbot.waitUntil(written[0].exists, timeout=60_000)
    keys.qtbot.waitUntil(window.exports.written_bar.isVisible, timeout=10_000)
    return written[0]


def test_one_whole_case_with_the_keyboard(qtbot, keys, modals, lang, settings, tmp_path):
    words, db = WORDS[lang], tmp_path / "cases.sqlite3"
    first_start(keys, modals, db, settings, words)
    window, store = sign_in(keys, modals, db, settings, words)
    try:
        new_case(keys, modals, window, words)
        workspace = window.workspaces()[0]
        patient(keys, workspace)
        tumour(keys, workspace)
        chosen = regimen(keys, workspace)
        response(keys, workspace)
        adjuvant(keys, workspace)
        decision(keys, modals, workspace, words)
        pdf = export_pdf(keys, modals, window, tmp_path)
        assert modals.problems == []
        states = workspace.step_states()
        texts = [workspace.sidebar.item(row).text() for row in range(6)]
        assert states == ["complete"] * 6, texts
        assert all(text.startswith("\u2713") for text in texts), texts
        assert len(keys.typed) == len(set(keys.typed)), keys.typed
        stored = store.get_case(workspace.case_id).case
        final = stored.decisions[-1]
        assert final.status == "final"
        assert final.record_hash
        assert [s.name for s in final.signed_by] == [words["account"]]
        assert stored.imaging[0].lesions[0].viable_diameter_mm == 90
        assert stored.treatments[0].regimen == final.regimen_id == REGIMEN
        [account] = store.accounts()
        first_page(pdf, lang, words, chosen, account.fingerprint)
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(30_000)
        store.close()


def first_page(pdf, lang, words, chosen, fingerprint) -> None:
    """The PDF's first page is the decision: question, recommendation, the regimen with its
    verdict, timing, adjuvant plan, attendees, and the signature with its key fingerprint."""
    text = "".join(pypdf.PdfReader(str(pdf)).pages[0].extract_text().split())
    roles = mdt_roles()
    for expected in (
        words["question"],
        words["recommendation"],
        msg("report.decision.final").render(lang),
        chosen,
        term("term.verdict.suitable", lang),
        term("term.timing.opportunistic", lang),
        regimen_name(ADJUVANT, lang),
        f"{words['account']} ({roles[0]})",
        f"{words['guest']} ({roles[1]})",
        fingerprint,
    ):
        assert "".join(expected.split()) in text, expected
