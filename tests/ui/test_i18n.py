"""Simplified Chinese throughout: the .ts is complete and in sync, the .qm compiled from it, and
every screen built in zh_CN shows no English word that bypassed translation."""

import datetime as dt
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop.logic.store.database import User
from desktop.ui.settings import Settings

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
DEMO = REPO / "resources" / "demo"

# Abbreviations, proper names, units and key names that stay as written in Chinese text.
_ALLOWED_WORDS = """BCLC CNLC ECOG ALBI MELD INR AFP PIVKA II TACE HAIC TKI ICI CT MRI mRECIST
    RECIST CTCAE
    FOLFOX PD L1 PD-1 VEGF HBV HCV ALT AST ICG R15 FLR CR PR SD PE PD OK Child Pugh MDT CSV JSON
    PDF ID SQLite MAU mAU ng mL dL mg g L mmol mol umol kg cm mm U IU h d Gy Ctrl Shift Alt Esc
    Del Tab Enter Return PgUp PgDown Home End Up Down Left Right Space Backspace F1 F5 Y90 TARE
    SBRT RT LR HAIC-FOLFOX NASH MASLD NAFLD AI vp Vp vp1 vp2 vp3 vp4 Vp1 Vp2 Vp3 Vp4 HVTT PVTT
    BSC pCR CTP Milan SHARP REFLECT IMbrave HIMALAYA CARES EMERALD LEAP GOTHAM ORR OS PFS DCR AE
    GI IV III Ia Ib IIa IIb IIIa IIIb H x e English PS Vv1 Vv2 Vv3 RECIST1 FOLFOX-HAIC SIRT
    MELD-Na mALBI log10 HBsAg IMbrave150 v5 sha256 YYYY-MM-DD Page Down Up Home End ICG-R15
    Mazzaferro Engl Med Lancet Oncol Johnson Clin Hiraoka Cancer Br Surg Eisenhauer Lencioni
    Llovet Reig et al Hepatol J N OPTN Pugh Cheng Child-Pugh PIVKA-II PD-L1 up-to-seven n db i
    Liver MIT Apache Qt PySide6 GNU LGPL GPL DNA VEGFR STORM IMbrave050 LEAP-002 LEAP-012
    Makuuchi Semin Finn Kudo Cancers ASCO Hwang EASL nucleos RNA Couinaud"""
ALLOWED = set(_ALLOWED_WORDS.split())
# a citation "(Author, Journal Year)" is written as published, in either language
WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z0-9\-]*")
ROMAN_STAGE = re.compile(r"^(?:[IV]+[ab]?|[0ABCD]|[A-Z]\d*|L\d+)$")


FREE_TEXT = {
    "name", "mrn", "id", "notes", "reason", "role", "by", "question", "recommendation", "dissent",
    "reopen_conditions", "follow_up_reason", "stop_rules", "text", "summary", "rationale",
}  # fmt: skip


def demo_words() -> set[str]:
    """People, MRNs and free text of the demonstration cases: data, not interface text."""
    words: set[str] = set()

    def walk(node, path: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for value in node:
                walk(value, path)
        elif isinstance(node, str) and path[-1] in FREE_TEXT and "agents" not in path:
            words.update(WORD.findall(node))

    for path in DEMO.glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")), ("",))
    return words


def english_words(text: str, allowed: set[str]) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    text = re.sub(r"&\w+;", " ", text)
    text = re.sub(r"(?:/[\w.\-]+)+", " ", text)  # file paths
    text = re.sub(r"\b\d{4}-\d{2}-\d{2}\b", " ", text)
    text = re.sub(r"[\w\-]+\.(?:sqlite3|json|pdf|ini)\b", " ", text)  # file names
    text = re.sub(r"\b[0-9a-f]{8,}\b", " ", text)  # record hashes
    text = re.sub(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", " ", text)  # codes typed as stored
    return [
        w
        for w in WORD.findall(text)
        if w not in allowed and w.strip("-") not in allowed and not ROMAN_STAGE.match(w)
    ]


def model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount()),
        (Qt.Orientation.Vertical, 0),
    ):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            texts.append(str(value) if value is not None else "")
    for row in range(min(model.rowCount(), 40)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """Every text one widget shows (or shows on hover)."""
    texts = [widget.toolTip(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView):
        texts += model_texts(widget)
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            if action.menu() is not None:
                texts += menu_texts(action.menu())
    if isinstance(widget, QMenu):
        texts += menu_texts(widget)
    return [t for t in texts if t]


def untranslated(root: QWidget, allowed: set[str]) -> list[str]:
    """'ClassName: text -> [words]' for each visible text with English words left in it."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        for text in widget_texts(widget):
            words = english_words(text, allowed)
            if words:
                found.append(f"{type(widget).__name__}: {text[:90]!r} -> {words}")
    return sorted(set(found))


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- the .ts and the .qm


@pytest.fixture(scope="module")
def translations():
    return load_script("update_translations")


@pytest.fixture(scope="module")
def fresh_ts(translations):
    return translations.updated("zh_CN")


def test_ts_has_no_unfinished_translation(translations):
    committed = translations.ET.parse(translations.ts_path("zh_CN"))
    entries = translations.entries(committed)
    assert len(entries) > 300
    assert [e.source for e in entries if not e.finished] == []
    assert 'type="unfinished"' not in translations.ts_path("zh_CN").read_text(encoding="utf-8")


def test_ts_is_in_sync_with_the_sources(translations, fresh_ts):
    committed = translations.ET.parse(translations.ts_path("zh_CN"))
    in_sources = {(e.context, e.source) for e in translations.entries(fresh_ts)}
    in_ts = {(e.context, e.source) for e in translations.entries(committed)}
    assert sorted(in_sources - in_ts) == []  # strings not yet extracted: run the script
    assert sorted(in_ts - in_sources) == []  # strings no longer in the code


def test_qm_is_compiled_from_the_committed_ts(translations):
    with tempfile.TemporaryDirectory() as folder:
        compiled = Path(folder) / "check.qm"
        translations.release(translations.ts_path("zh_CN"), compiled)
        assert compiled.read_bytes() == translations.qm_path("zh_CN").read_bytes()


def test_every_string_translates_through_the_committed_qm(qapp, translations):
    translator = QTranslator()
    assert translator.load(str(translations.qm_path("zh_CN")))
    for entry in translations.entries(translations.ET.parse(translations.ts_path("zh_CN"))):
        n = 2 if entry.numerus else -1
        text = translator.translate(entry.context, entry.source, None, n)
        assert text, (entry.context, entry.source)
        assert re.search(r"[\u4e00-\u9fff]", text) or not english_words(text, ALLOWED), text


def test_numerus_strings_keep_their_count(qapp, translations):
    translator = QTranslator()
    assert translator.load(str(translations.qm_path("zh_CN")))
    for entry in translations.entries(translations.ET.parse(translations.ts_path("zh_CN"))):
        if entry.numerus:
            assert "%n" in entry.translations[0], entry.source
        for marker in re.findall(r"%\d|\{\d\}", entry.source):
            assert marker in entry.translations[0], (entry.source, marker)


# ---------------------------------------------------------------- the widget walk


@pytest.fixture
def chinese(qapp):
    """The zh_CN translators installed as the app installs them; removed afterwards."""
    from desktop.ui.app import install_translators

    before = QCoreApplication.instance().findChildren(QTranslator)
    loaded = install_translators(qapp, "zh_CN")
    assert loaded == ["qtbase_zh_CN", "mdt_planner_zh_CN"]
    yield
    for translator in QCoreApplication.instance().findChildren(QTranslator):
        if translator not in before:
            QCoreApplication.removeTranslator(translator)
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def zh_settings(tmp_path):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set_language("zh_CN")
    settings.set_user("Li Ming", "hepatobiliary surgeon")
    return settings


@pytest.fixture
def user():
    return User("Li Ming", "肝胆外科医师")  # the shared `store` works as a Chinese-titled user


@pytest.fixture
def main_window(qtbot, chinese, store, zh_settings):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, zh_settings)
    qtbot.addWidget(window)
    window.case_actions.on_load_demo()
    return window


@pytest.fixture(scope="module")
def allowed():
    return ALLOWED | demo_words()


def test_main_window_lists_show_no_english(main_window, allowed):
    main_window.resize(1280, 800)
    problems = untranslated(main_window, allowed)
    main_window.tabs.setCurrentWidget(main_window.agenda)
    main_window.agenda.table.selectRow(0)
    problems += untranslated(main_window, allowed)
    main_window.tabs.setCurrentWidget(main_window.follow_up)
    main_window.follow_up.refresh()
    problems += untranslated(main_window, allowed)
    assert sorted(set(problems)) == []


def test_every_workspace_step_shows_no_english(main_window, store, allowed):
    problems = []
    for row in store.list_cases(limit=20):
        workspace = main_window.open_case(row.case_id)
        for step in range(workspace.sidebar.count()):
            workspace.sidebar.setCurrentRow(step)
            problems += untranslated(workspace, allowed)
        main_window.on_close_current()
    assert sorted(set(problems)) == []


def test_presentation_shows_no_english(qtbot, main_window, store, zh_settings, allowed):
    from desktop.ui.presentation import PresentationWindow

    ids = [row.case_id for row in store.list_cases(limit=20)]
    slides = PresentationWindow(store, ids, zh_settings, main_window.rules.rules)
    qtbot.addWidget(slides)
    problems = []
    for number in range(len(ids)):
        slides.show_index(number)
        problems += untranslated(slides, allowed)
    assert sorted(set(problems)) == []


def test_dialogs_show_no_english(qtbot, chinese, store, allowed):
    from desktop.ui import dialogs
    from desktop.ui.agenda_dialogs import CarryOverDialog, CasePickerDialog
    from desktop.ui.new_case import NewCaseDialog

    shown = [
        dialogs.WhoIsWorkingDialog(),
        dialogs.ShortcutsDialog(),
        dialogs.AboutDialog("2026.1"),
        dialogs.LicencesDialog(),
        dialogs.DamagedDatabaseDialog(store.path, "", store.path.with_name("b.sqlite3")),
        dialogs.DamagedDatabaseDialog(store.path, "", None),
        dialogs.BusyDatabaseDialog(store.path, ""),
        NewCaseDialog("zh_CN"),
        CasePickerDialog(store),
        CarryOverDialog(dt.date(2026, 12, 1)),
    ]
    problems = []
    for dialog in shown:
        qtbot.addWidget(dialog)
        problems += untranslated(dialog, allowed)
    assert sorted(set(problems)) == []


def test_the_language_menu_offers_both_languages(main_window):
    menus = [a.menu() for a in main_window.menuBar().actions() if a.menu() is not None]
    texts = [t for m in menus for t in menu_texts(m)]
    assert "简体中文" in texts
    assert "English" in texts
    assert "设置(&S)" in texts or any(t.startswith("设置") for t in texts)


def test_application_translators_follow_the_setting(qapp):
    from desktop.ui.app import install_translators

    assert install_translators(qapp, "en") == []


def test_language_follows_the_system_until_chosen(tmp_path):
    from desktop.ui.settings import system_language

    settings = Settings.at(tmp_path / "fresh.ini")
    assert settings.language == system_language()
    settings.set_language("zh_CN")
    assert settings.language == "zh_CN"
    settings.set_language("en")
    assert settings.language == "en"


# ---------------------------------------------------------------- Qt's own dialogs


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_qts_own_dialogs_speak_chinese(qtbot, chinese, tmp_path):
    """The file dialog's "Look in" and "Files of type", message box and print dialog buttons
    come from Qt's base translations (qtbase_zh_CN.qm, shipped in PySide6-Essentials)."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QFileIconProvider, QMessageBox

    from desktop.ui.settings import file_dialog_options

    dialog = QFileDialog(None, "", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes)
    box.addButton(QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} >= {"取消"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text() == "确定"
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    assert english_words_in(dialog, allowed={str(tmp_path), "PDF (*.pdf)"}) == []
    assert english_words_in(printing) == []
    # the type column names a folder through a context Qt's translation lacks
    (tmp_path / "a folder").mkdir()
    provider = QFileIconProvider()
    assert provider.type(QFileInfo(str(tmp_path / "a folder"))) == "文件夹"
    # the system's file dialog would speak the system's language: Qt's is used instead
    assert file_dialog_options("zh_CN") == QFileDialog.Option.DontUseNativeDialog


def english_words_in(dialog, allowed=frozenset()) -> list[str]:
    """Labels, buttons, group titles and tooltips of `dialog` with English words and no
    Chinese (paths and file-type patterns named in `allowed` excepted)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    texts = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    return sorted(
        {
            text
            for text in texts
            if re.search(r"[A-Za-z]{3,}", text)
            and not re.search(r"[\u4e00-\u9fff]", text)
            and text not in allowed
        }
    )
