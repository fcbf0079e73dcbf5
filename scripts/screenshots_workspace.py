"""Screenshots of every case-workspace step for the shared example cases, at 1280x800.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_workspace.py [OUT_DIR] [LANG]
(default docs/screenshots/, en; LANG zh_CN shows the Chinese app). Uses a throw-away database,
never the user's.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.logic.model.case_io import parse_case  # noqa: E402
from desktop.logic.store.database import Store  # noqa: E402
from desktop.logic.store.values import User  # noqa: E402
from desktop.ui.app import install_translators  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402
from desktop.ui.workspace import workspace_screenshots  # noqa: E402

EXAMPLES = REPO.parent / "shared" / "examples"


def main(out_dir: Path, lang: str = "en") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translators(app, lang)
    paths: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "cases.sqlite", user=User("Li Ming", "surgeon"))
        settings = Settings.at(Path(tmp) / "settings.ini")
        settings.set_language(lang)
        for example in sorted(EXAMPLES.glob("*.json")):
            case = parse_case(json.loads(example.read_text(encoding="utf-8")), str(example))
            case_id = store.new_case(case).case_id
            paths += workspace_screenshots(store, case_id, settings, out_dir)
        store.close()
    app.processEvents()
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    for path in main(target, language):
        print(path)
