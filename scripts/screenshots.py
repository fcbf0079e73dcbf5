"""Save a PNG of every screen, offscreen, in English, in Chinese and on a dark palette, and the
pages of the PDF summary in both languages.

Run: `.venv/bin/python scripts/screenshots.py OUT_DIR` (default docs/screenshots). It writes
OUT_DIR/en, OUT_DIR/zh_CN and OUT_DIR/dark (English on a dark palette, as macOS's dark
appearance gives), each in its own process: the case list, agenda and follow-up; every step of
the workspace for a case just created, the same case filled in, and its sealed decision; the
presentation at 1280x720 and 1920x1080; every dialog (desktop/ui dialogs and the ones a
function runs: file, print, questions). Then OUT_DIR/pdf/summary-<lang>-<page>.png, the
summary of the sealed case rendered with pdftoppm (poppler-utils). `--variant en|zh_CN|dark`
makes one set only. Uses a throw-away database with accounts, never the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshots_dialogs import dialog_screens  # noqa: E402
from screenshots_workspace import filled_case, grab_steps, intake_case  # noqa: E402

from desktop.logic.model import Case, Rules  # noqa: E402
from desktop.logic.store import Store  # noqa: E402
from desktop.ui import workers  # noqa: E402
from desktop.ui.app import install_translators  # noqa: E402
from desktop.ui.dialogs import mdt_roles  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.presentation import PresentationWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402

VARIANTS = {"en": "en", "zh_CN": "zh_CN", "dark": "en"}  # variant: language
MAIN_SIZE = (1280, 800)
PRESENTATION_SIZES = ((1280, 720), (1920, 1080))
PASSWORD = "screens-password"
DARK = {
    QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e20", QPalette.ColorRole.AlternateBase: "#2a2a2d",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#3a3a3d",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Mid: "#5a5a5e",
    QPalette.ColorRole.Highlight: "#3d6ea8", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9a9a9e", QPalette.ColorRole.ToolTipBase: "#3a3a3d",
    QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.Light: "#4a4a4e",
    QPalette.ColorRole.Dark: "#202022", QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.BrightText: "#ffffff", QPalette.ColorRole.Link: "#8cc4ff",
}  # fmt: skip


DISABLED = "#7a7a7e"  # disabled text, as a dark desktop theme greys it


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    return palette


def grab(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    if size:
        widget.resize(*size)
    widget.show()
    for _ in range(3):  # the status bar's rules version is set by a timer after showing
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)
    return path


def main_screens(window: MainWindow, out: Path) -> None:
    grab(window, out / "case-list.png", MAIN_SIZE)
    window.cases.search.setText("wang")
    grab(window, out / "case-list-filtered.png")
    window.cases.set_filters({})
    window.tabs.setCurrentWidget(window.agenda)
    window.agenda.table.selectRow(1)
    grab(window, out / "agenda.png")
    window.tabs.setCurrentWidget(window.follow_up)
    window.follow_up.table.selectRow(0)
    grab(window, out / "follow-up.png")
    window.tabs.setCurrentWidget(window.cases)


def presentation_screens(window: MainWindow, out: Path, extra: list[str]) -> None:
    """Every slide of the next meeting's agenda and the filled case, at both sizes."""
    store, meeting = window.store, window.agenda.meeting()
    ids = [item.case_id for item in store.agenda.items(meeting.isoformat())] + extra
    slides = PresentationWindow(store, ids, window.settings, window.rules.rules, meeting)
    for width, height in PRESENTATION_SIZES:
        for number in range(len(ids)):
            slides.show_index(number)
            grab(slides, out / f"presentation-{width}x{height}-{number + 1}.png", (width, height))
    slides.close()


def cases(store: Store, lang: str) -> tuple[str, str, str]:
    """(just created, filled with a draft decision, filled and sealed) case ids."""
    signer = (store.signed_in.name, store.signed_in.role)
    empty = store.new_case(Case.model_validate(intake_case("K-0001", lang))).case_id
    filled = store.new_case(filled_case("K-0002", lang, signer)).case_id
    sealed = store.new_case(filled_case("K-0003", lang, signer)).case_id
    store.finalize_decision(sealed, 0, signers=[(signer[0], PASSWORD)],
                            expected_revision=store.get_case(sealed).revision)  # fmt: skip
    return empty, filled, sealed


def workspace_screens(window: MainWindow, ids: tuple[str, str, str], out: Path) -> None:
    rules: Rules = window.rules.rules
    for case_id, prefix in zip(ids, ("workspace-new", "workspace-filled", "workspace-sealed"),
                               strict=True):  # fmt: skip
        grab_steps(window.store, case_id, window.settings, rules, out, prefix)


def pdf_pages(window: MainWindow, case_id: str, lang: str, out: Path) -> None:
    """The sealed case's summary in `lang`, each page as a PNG (pdftoppm, 110 dpi); the PDF
    itself is made in a throw-away folder."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / f"summary-{lang}.pdf"
        work = workers.summary_pdf(
            lambda: window.store.open_again(), case_id, pdf, workers.ReportOptions(lang=lang),
            window.rules.rules,
        )  # fmt: skip
        work(workers.TaskControl(workers.TaskSignals()))
        for old in out.glob(f"summary-{lang}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(out / f"summary-{lang}")],
                       check=True)  # fmt: skip
    for page in sorted(out.glob(f"summary-{lang}-*.png")):
        print(page)


def variant(name: str, out: Path) -> int:
    lang = VARIANTS[name]
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    if name == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    install_translators(app, lang)
    folder = Path(tempfile.mkdtemp(prefix="mdt-screens-"))
    settings = Settings.at(folder / "settings.ini")
    settings.set_language(lang)
    settings.set_last_folder(folder)
    store = Store.open(folder / "cases.sqlite3")
    store.add_account("Li Ming" if lang == "en" else "李明", mdt_roles()[0], PASSWORD)
    store.sign_in(store.accounts()[0].name, PASSWORD)
    try:
        window = MainWindow(store, settings)
        window.case_actions.on_load_demo()
        ids = cases(store, lang)
        window.cases.refresh()
        main_screens(window, out)
        workspace_screens(window, ids, out)
        presentation_screens(window, out, [ids[1]])
        dialog_screens(window, ids[1], out)
        if name != "dark":
            pdf_pages(window, ids[2], lang, out.parent / "pdf")
        window.close()
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def main(argv: list[str]) -> int:
    if "--variant" in argv:
        at = argv.index("--variant")
        name, rest = argv[at + 1], argv[:at] + argv[at + 2 :]
        if name not in VARIANTS:
            raise SystemExit(f"--variant needs one of {', '.join(VARIANTS)}")
        return variant(name, Path(rest[0]) if rest else REPO / "docs" / "screenshots" / name)
    out = Path(argv[0]) if argv else REPO / "docs" / "screenshots"
    for name in VARIANTS:
        subprocess.run([sys.executable, __file__, str(out / name), "--variant", name], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
