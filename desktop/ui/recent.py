"""File → Recent cases: the cases opened last on this computer, newest first.

The list lives in the app's settings (case ids only); names are read from the store each time
the menu opens, and a case no longer in the database drops out of the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.settings import Settings

NameOf = Callable[[str], str | None]  # a case's label ("王伟 · H-000123"), None when gone


class RecentCasesMenu(QMenu):
    """Rebuilt each time it opens; choosing an entry calls `open_case(case_id)`."""

    def __init__(
        self,
        settings: Settings,
        name_of: NameOf,
        open_case: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Recent &cases"), parent)
        self._settings, self._name_of, self._open_case = settings, name_of, open_case
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        shown = 0
        for case_id in self._settings.recent_cases():
            label = self._name_of(case_id)
            if label is None:
                self._settings.forget_recent_case(case_id)
                continue
            shown += 1
            action = self.addAction(f"&{shown}  {label}" if shown < 10 else label)
            action.triggered.connect(lambda _=False, cid=case_id: self._open_case(cid))
        if not shown:
            self.addAction(self.tr("No case opened yet")).setEnabled(False)
