"""Presentation mode: one agenda case per full screen, key facts and the response chart in
large type (readable at 3 m: body text 30 pt on a 1080-line screen).

Type sizes are set for a 1080-line screen and scaled to the real one (a 720-line projector
shows the same picture, so the same share of its height); when a slide's words still do not
fit, every size shrinks together until they do. Nothing is cut or elided: values wrap, fact
names stay whole. Colours come from the palette.

Right, Down, Page Down and Space move on; Left, Up and Page Up go back; Home and End jump;
Esc leaves. The facts are the clinical layer's `Evaluation` with the rules file the app applies.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.clinical import Evaluation, evaluate, meeting_decision
from desktop.logic.model import Case, Rules, term
from desktop.logic.store import Store
from desktop.ui.chart import ResponseChart, series_for
from desktop.ui.dialogs import disclaimer
from desktop.ui.settings import Settings
from desktop.ui.slide_text import joined, text_fits

TITLE_PT, BODY_PT, CHART_PT, FOOTER_PT = 44, 30, 24, 24
NOMINAL_SIZE = (1920, 1080)  # the screen the sizes above are for
SMALLEST_SCALE = 0.3  # never below 30 % of the nominal sizes (9 pt body text)
MAX_REVISIONS_FOR_MARKERS = 200
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
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
        self.scale = 1.0
        self._sized: list[tuple[QWidget, int, bool]] = []  # each text widget's nominal size
        self._facts: list[QLabel] = []
        self.setWindowTitle(self.tr("MDT presentation"))
        self.setAccessibleName(self.tr("MDT presentation"))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._build()
        self.show_index(0)

    def _build(self) -> None:
        self.title = self._label(TITLE_PT, bold=True, wrap=True)
        self.position = self._label(BODY_PT)
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.facts = QGridLayout()
        self.facts.setColumnStretch(1, 1)
        self.chart = ResponseChart(self)
        self.chart.setMinimumSize(1, 1)  # the slide's fitting decides its size
        self._sized.append((self.chart, CHART_PT, False))
        self.question = self._label(BODY_PT, wrap=True)
        self.footer = self._label(FOOTER_PT, wrap=True)
        self.footer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.footer.setText(disclaimer())
        self.setToolTip(self.tr("→ next · ← previous · Esc leave"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.position, 0, Qt.AlignmentFlag.AlignTop)
        body = QHBoxLayout()
        body.addLayout(self.facts, 3)
        body.addWidget(self.chart, 2)
        self._slide = layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the screen's size
        layout.addLayout(header)
        layout.addWidget(self.question)
        layout.addLayout(body, 1)
        layout.addWidget(self.footer)
        self._apply_scale(1.0)

    def _label(self, points: int, bold: bool = False, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(wrap)
        if wrap:
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setFont(_font(points, bold))
        self._sized.append((label, points, bold))
        return label

    # fitting the slide to the screen

    def _apply_scale(self, scale: float) -> None:
        self.scale = scale
        for widget, points, bold in self._sized:
            widget.setFont(_font(points * scale, bold))
        margin = round(40 * scale)
        self._slide.setContentsMargins(margin, round(margin * 0.7), margin, round(margin * 0.6))
        self._slide.setSpacing(round(16 * scale))
        self.facts.setHorizontalSpacing(round(28 * scale))
        self.facts.setVerticalSpacing(round(10 * scale))

    def screen_scale(self) -> float:
        """The nominal sizes' share of this screen (1.0 at 1920x1080, 0.67 at 1280x720)."""
        width, height = NOMINAL_SIZE
        return min(self.width() / width, self.height() / height)

    def fit(self) -> float:
        """Lay the slide out at the screen's scale, or the largest smaller one at which every
        text fits whole; returns the scale used."""
        top = max(self.screen_scale(), SMALLEST_SCALE)
        if self._fits_at(top):
            return top
        low, high = SMALLEST_SCALE, top
        for _ in range(7):
            middle = (low + high) / 2
            low, high = (middle, high) if self._fits_at(middle) else (low, middle)
        self._fits_at(low)
        return low

    def _fits_at(self, scale: float) -> bool:
        self._apply_scale(scale)
        self._slide.activate()
        return not self.clipped_texts()

    def clipped_texts(self) -> list[str]:
        """Texts of the slide that do not fit where they are (an empty list when all do)."""
        window = self.rect()
        clipped = []
        for label in self.findChildren(QLabel):
            if label.isHidden() or not label.text():
                continue
            where = QRect(label.mapTo(self, QPoint(0, 0)), label.size())
            if not text_fits(label) or not window.contains(where):
                clipped.append(label.text())
        chart_area = QRect(QPoint(0, 0), self.chart.size())
        for placed in self.chart.chart_layout().texts:
            if not chart_area.toRectF().contains(placed.rect):
                clipped.append(placed.text)
        return clipped

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 -- Qt override
        super().resizeEvent(event)
        self.fit()

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
            self.fit()
            return
        self.index = max(0, min(index, len(self.case_ids) - 1))
        case_id = self.case_ids[self.index]
        case = self.store.get_case(case_id).case
        self._show_case(case_id, case)
        self.position.setText(f"{self.index + 1} / {len(self.case_ids)}")
        self.fit()
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
        self.title.setText(f"{case.patient.name}   ·   " + joined(details))
        decision = meeting_decision(case, self.meeting)
        question = decision.question if decision and decision.question else ""
        self.question.setText(
            self.tr("Question: %1").replace("%1", question)
            if question
            else self.tr("No question recorded for this meeting.")
        )
        self._clear_facts()
        for row, (label, value) in enumerate(self.fact_rows(case, result, lang)):
            self.facts.addWidget(self._fact(label, bold=True), row, 0)
            self.facts.addWidget(self._fact(value, wrap=True), row, 1)
        self.facts.setRowStretch(self.facts.rowCount(), 1)
        self.chart.set_series(series_for(self._revisions(case_id, case)))

    def _fact(self, text: str, bold: bool = False, wrap: bool = False) -> QLabel:
        """A fact's name (whole, never wrapped) or its value (wrapped), top-aligned."""
        label = self._label(BODY_PT, bold, wrap)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setFont(_font(BODY_PT * self.scale, bold))
        label.setText(text)
        label.show()  # laid out (and measured by fit) now, not after the next event loop turn
        self._facts.append(label)
        return label

    def _clear_facts(self) -> None:
        gone = set(self._facts)
        self._sized = [entry for entry in self._sized if entry[0] not in gone]
        self._facts = []
        while self.facts.count():
            item = self.facts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def fact_rows(self, case: Case, result: Evaluation, lang: str) -> list[tuple[str, str]]:
        """(label, value) lines of the slide, in reading order."""
        tumour = [
            " + ".join(f"{size:g}" for size in case.tumor.nodules_cm) + " cm",
            self.tr("portal vein %1").replace(
                "%1", term(f"term.pvi.{case.tumor.portal_vein_invasion}", lang)
            ),
            self.tr("extrahepatic spread")
            if case.tumor.extrahepatic_spread
            else self.tr("no extrahepatic spread"),
        ]
        meld = result.meld.meld if result.meld.meld is not None else "—"
        liver = [
            f"Child-Pugh {result.child_pugh.label}",
            f"ALBI {result.albi.grade}",
            f"MELD {meld}",
            f"ECOG {case.ecog}",
        ]
        return [
            (self.tr("Stage"), joined([f"BCLC {result.bclc.stage}", f"CNLC {result.cnlc.stage}"])),
            (self.tr("Liver"), joined(liver)),
            (self.tr("Tumour"), joined(tumour)),
            (self.tr("Markers"), joined(self._markers(case))),
            (self.tr("Response"), self._response(result)),
            (self.tr("Regimen"), joined(self._regimen(case, result, lang))),
            (self.tr("Surgery"), joined(self._surgery(result, lang))),
        ]

    def _markers(self, case: Case) -> list[str]:
        parts = []
        if case.labs.afp:
            parts.append(f"AFP {case.labs.afp.ng_ml:g} ng/mL")
        if case.labs.pivka_ii:
            parts.append(f"PIVKA-II {case.labs.pivka_ii.value:g} mAU/mL")
        parts = parts or [self.tr("not recorded")]
        parts[-1] += f" ({case.assessed_on})"  # the day of the values, beside the last one
        return parts

    def _response(self, result: Evaluation) -> str:
        if result.response is None:
            return self.tr("not assessable (fewer than two scans)")
        series = result.response
        return (
            self.tr("%1: now %2, best %3")
            .replace("%1", "RECIST 1.1" if series.criteria == "RECIST1.1" else series.criteria)
            .replace("%2", series.current)
            .replace("%3", series.best)
        )

    def _regimen(self, case: Case, result: Evaluation, lang: str) -> list[str]:
        current = next((t for t in reversed(case.treatments) if t.stopped is None), None)
        if current is None:
            suitable = sum(1 for v in result.regimens if v.verdict == "suitable")
            return [
                self.tr("none running"),
                self.tr("%1 of %2 regimens suitable")
                .replace("%1", str(suitable))
                .replace("%2", str(len(result.regimens))),
            ]
        found = next((v for v in result.regimens if v.regimen.id == current.regimen), None)
        parts = [found.regimen.name.render(lang) if found else current.regimen]
        if current.started:
            parts.append(self.tr("since %1").replace("%1", str(current.started)))
        if found:
            parts.append(term(f"term.verdict.{found.verdict}", lang))
        return parts

    def _surgery(self, result: Evaluation, lang: str) -> list[str]:
        surgery = result.surgery
        if surgery.earliest_date is None:
            first = surgery.blockers[0].render(lang) if surgery.blockers else ""
            return [self.tr("no date can be given") + (f": {first}" if first else "")]
        # Never a date without liver_ok, the largest resection and flr_ok beside it.
        liver = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("not known")}
        extent = surgery.resection_extent_max
        flr = {
            True: self.tr("sufficient"),
            False: self.tr("FLR too small"),
            None: self.tr("not known"),
        }
        return [
            self.tr("earliest %1").replace("%1", surgery.earliest_date.isoformat()),
            self.tr("liver ready: %1").replace("%1", liver[surgery.liver_ok]),
            self.tr("largest resection: %1").replace(
                "%1", term(f"resection.extent.{extent}", lang) if extent else liver[None]
            ),
            self.tr("FLR: %1").replace("%1", flr[surgery.flr_ok]),
        ]

    def _revisions(self, case_id: str, current: Case) -> list[Case]:
        """Earlier revisions (for the AFP/PIVKA-II history), oldest first, then the current."""
        try:
            history = self.store.history(case_id)[-MAX_REVISIONS_FOR_MARKERS:-1]
            earlier = [self.store.get_revision(case_id, info.revision) for info in history]
        except Exception:  # noqa: BLE001 -- the chart still shows the current values
            earlier = []
        return [*earlier, current]
