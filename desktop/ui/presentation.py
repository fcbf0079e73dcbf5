"""Presentation mode: one agenda case per full screen, key facts and the response chart in
large type (readable at 3 m on a 1080p screen: body text 28 pt and more).

Right, Down, Page Down and Space move on; Left, Up and Page Up go back; Home and End jump;
Esc leaves. The facts are the clinical layer's `Evaluation` with the rules file the app applies.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.logic.clinical import Evaluation, evaluate, meeting_decision
from desktop.logic.model import Case, Rules, term
from desktop.logic.store import Store
from desktop.ui.chart import ResponseChart, series_for
from desktop.ui.dialogs import disclaimer
from desktop.ui.settings import Settings

TITLE_PT, BODY_PT, CHART_PT, FOOTER_PT = 44, 30, 24, 28
MAX_REVISIONS_FOR_MARKERS = 200
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def age_on(birth: dt.date | None, on: dt.date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


class PresentationWindow(QWidget):
    """Full-screen slides over a list of case ids (the agenda, in order).

    Signals:
        closed(): the presenter left with Esc (or the window closed).
        caseShown(case_id): a case was put on screen.
    """

    closed = Signal()
    caseShown = Signal(str)

    def __init__(
        self,
        store: Store,
        case_ids: list[str],
        settings: Settings,
        rules: Rules,
        meeting: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self.rules = store, settings, rules
        self.case_ids = list(case_ids)
        self.meeting = meeting or dt.date.today()
        self.index = -1
        self.setWindowTitle(self.tr("MDT presentation"))
        self.setAutoFillBackground(True)
        self.setStyleSheet("PresentationWindow { background: white; }")
        self._build()
        self.show_index(0)

    def _build(self) -> None:
        self.title = self._label(TITLE_PT, bold=True)
        self.position = self._label(BODY_PT)
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(24)
        self.facts.setVerticalSpacing(10)
        self.chart = ResponseChart(self)
        self.chart.setFont(_font(CHART_PT))
        self.question = self._label(BODY_PT)
        self.question.setWordWrap(True)
        self.title.setWordWrap(True)
        self.footer = self._label(FOOTER_PT)
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet("color: #444444;")
        self.footer.setText(disclaimer())
        self.setToolTip(self.tr("→ next · ← previous · Esc leave"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.position)
        body = QHBoxLayout()
        facts_box = QWidget(self)
        facts_box.setLayout(self.facts)
        body.addWidget(facts_box, 1)
        body.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addLayout(header)
        layout.addWidget(self.question)
        layout.addLayout(body, 1)
        layout.addWidget(self.footer)

    def _label(self, points: int, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setFont(_font(points, bold))
        return label

    def current_case_id(self) -> str | None:
        return self.case_ids[self.index] if 0 <= self.index < len(self.case_ids) else None

    def show_index(self, index: int) -> None:
        if not self.case_ids:
            self.index = -1
            self.title.setText(self.tr("The agenda is empty"))
            self.position.setText("")
            self.question.setText(self.tr("Add cases to the meeting's agenda, then present it."))
            self._clear_facts()
            self.chart.set_series(None)
            return
        self.index = max(0, min(index, len(self.case_ids) - 1))
        case_id = self.case_ids[self.index]
        case = self.store.get_case(case_id).case
        self._show_case(case_id, case)
        self.position.setText(f"{self.index + 1} / {len(self.case_ids)}")
        self.caseShown.emit(case_id)

    def on_next(self) -> None:
        self.show_index(self.index + 1)

    def on_previous(self) -> None:
        self.show_index(self.index - 1)

    def on_first(self) -> None:
        self.show_index(0)

    def on_last(self) -> None:
        self.show_index(len(self.case_ids) - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 -- Qt override
        key = event.key()
        if key in NEXT_KEYS:
            self.on_next()
        elif key in PREVIOUS_KEYS:
            self.on_previous()
        elif key == Qt.Key.Key_Home:
            self.on_first()
        elif key == Qt.Key.Key_End:
            self.on_last()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        self.closed.emit()
        super().closeEvent(event)

    def _show_case(self, case_id: str, case: Case) -> None:
        lang = self.settings.language
        result = evaluate(case, self.rules)
        age = age_on(case.patient.birth_date, case.assessed_on)
        details = [case.patient.mrn]
        if age is not None:
            details.append(self.tr("%1 years").replace("%1", str(age)))
        if case.patient.sex:
            details.append(term(f"term.sex.{case.patient.sex}", lang))
        self.title.setText(f"{case.patient.name}   ·   " + "  ·  ".join(details))
        decision = meeting_decision(case, self.meeting)
        question = decision.question if decision and decision.question else ""
        self.question.setText(
            self.tr("Question: %1").replace("%1", question)
            if question
            else self.tr("No question recorded for this meeting.")
        )
        self._clear_facts()
        for row, (label, value) in enumerate(self.fact_rows(case, result, lang)):
            self.facts.addWidget(self._fact(label, bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(self._fact(value), row, 1, Qt.AlignmentFlag.AlignTop)
        self.facts.setRowStretch(self.facts.rowCount(), 1)
        self.chart.set_series(series_for(self._revisions(case_id, case)))

    def _fact(self, text: str, bold: bool = False) -> QLabel:
        label = self._label(BODY_PT, bold)
        label.setText(text)
        label.setWordWrap(True)
        return label

    def _clear_facts(self) -> None:
        while self.facts.count():
            item = self.facts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def fact_rows(self, case: Case, result: Evaluation, lang: str) -> list[tuple[str, str]]:
        """(label, value) lines of the slide, in reading order."""
        tumour = " + ".join(f"{size:g}" for size in case.tumor.nodules_cm) + " cm"
        tumour += " · " + self.tr("portal vein %1").replace(
            "%1", term(f"term.pvi.{case.tumor.portal_vein_invasion}", lang)
        )
        tumour += " · " + (
            self.tr("extrahepatic spread")
            if case.tumor.extrahepatic_spread
            else self.tr("no extrahepatic spread")
        )
        meld = result.meld.meld if result.meld.meld is not None else "—"
        rows = [
            (self.tr("Stage"), f"BCLC {result.bclc.stage} · CNLC {result.cnlc.stage}"),
            (
                self.tr("Liver"),
                f"Child-Pugh {result.child_pugh.label} · ALBI {result.albi.grade}"
                f" · MELD {meld} · ECOG {case.ecog}",
            ),
            (self.tr("Tumour"), tumour),
            (self.tr("Markers"), self._markers(case)),
            (self.tr("Response"), self._response(result)),
            (self.tr("Regimen"), self._regimen(case, result, lang)),
            (self.tr("Surgery"), self._surgery(result, lang)),
        ]
        return rows

    def _markers(self, case: Case) -> str:
        parts = []
        if case.labs.afp:
            parts.append(f"AFP {case.labs.afp.ng_ml:g} ng/mL")
        if case.labs.pivka_ii:
            parts.append(f"PIVKA-II {case.labs.pivka_ii.value:g} mAU/mL")
        return (" · ".join(parts) or self.tr("not recorded")) + f"  ({case.assessed_on})"

    def _response(self, result: Evaluation) -> str:
        if result.response is None:
            return self.tr("not assessable (fewer than two scans)")
        series = result.response
        return (
            self.tr("%1: now %2, best %3")
            .replace("%1", series.criteria)
            .replace("%2", series.current)
            .replace("%3", series.best)
        )

    def _regimen(self, case: Case, result: Evaluation, lang: str) -> str:
        current = next((t for t in reversed(case.treatments) if t.stopped is None), None)
        if current is None:
            suitable = sum(1 for v in result.regimens if v.verdict == "suitable")
            return (
                self.tr("none running · %1 of %2 regimens suitable")
                .replace("%1", str(suitable))
                .replace("%2", str(len(result.regimens)))
            )
        found = next((v for v in result.regimens if v.regimen.id == current.regimen), None)
        name = found.regimen.name.render(lang) if found else current.regimen
        since = self.tr("since %1").replace("%1", str(current.started))
        started = f" · {since}" if current.started else ""
        verdict = f" · {term(f'term.verdict.{found.verdict}', lang)}" if found else ""
        return f"{name}{started}{verdict}"

    def _surgery(self, result: Evaluation, lang: str) -> str:
        surgery = result.surgery
        if surgery.earliest_date is None:
            first = surgery.blockers[0].render(lang) if surgery.blockers else ""
            return self.tr("no date can be given") + (f": {first}" if first else "")
        # Never a date without liver_ok, the largest resection and flr_ok beside it.
        text = self.tr("earliest %1").replace("%1", surgery.earliest_date.isoformat())
        liver = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("not known")}
        extent = surgery.resection_extent_max
        flr = {
            True: self.tr("sufficient"),
            False: self.tr("FLR too small"),
            None: self.tr("not known"),
        }
        return " · ".join(
            (
                text,
                self.tr("liver ready: %1").replace("%1", liver[surgery.liver_ok]),
                self.tr("largest resection: %1").replace(
                    "%1", term(f"resection.extent.{extent}", lang) if extent else liver[None]
                ),
                self.tr("FLR: %1").replace("%1", flr[surgery.flr_ok]),
            )
        )

    def _revisions(self, case_id: str, current: Case) -> list[Case]:
        """Earlier revisions (for the AFP/PIVKA-II history), oldest first, then the current."""
        try:
            history = self.store.history(case_id)[-MAX_REVISIONS_FOR_MARKERS:-1]
            earlier = [self.store.get_revision(case_id, info.revision) for info in history]
        except Exception:  # noqa: BLE001 -- the chart still shows the current values
            earlier = []
        return [*earlier, current]
