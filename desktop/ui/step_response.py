"""Workspace step "Response and timing": scans, mRECIST, treatments, adverse events, surgery."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTableView, QWidget

from desktop.logic.clinical import response_chart_series
from desktop.logic.model import lifecycle, msg, term
from desktop.ui.chart import ResponseChart
from desktop.ui.forms import DateField, NumberField, enum_field, field_label, heading
from desktop.ui.imaging_panel import ImagingPanel
from desktop.ui.marker_panel import MarkersPanel
from desktop.ui.panel_widgets import table_view
from desktop.ui.response_panels import AdverseEventsPanel, TreatmentsPanel
from desktop.ui.step_base import ResultCard, StepPage
from desktop.ui.tables import PlainRowsModel
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation, Markers, ResponseSeries, SurgeryTiming
    from desktop.ui.settings import Settings


UNBOUND_STRATEGY = "decisions.none.timing_strategy"


class ResponseStep(StepPage):
    """The response series, what was given and tolerated, and when surgery could be done."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self.imaging = ImagingPanel(document)
        self.markers = MarkersPanel(document, self.lang)
        self.treatments = TreatmentsPanel(document, lang=self.lang)
        self.adverse_events = AdverseEventsPanel(document, lang=self.lang)
        self.add_full(heading(self.tr("Imaging time points")))
        self.add_full(self.imaging)
        self.add_full(heading(term("entry.markers.title", self.lang)))
        self.add_full(self.markers)
        self.add_full(heading(self.tr("Treatments and last doses")))
        self.add_full(self.treatments)
        self.add_full(heading(self.tr("Adverse events (CTCAE v5.0)")))
        self.add_full(self.adverse_events)
        self._build_surgery_fields()
        self._build_results()
        self.finish_form()

    def _build_surgery_fields(self) -> None:
        d = self.document
        self.add_full(heading(self.tr("Surgery")))
        self.add_pair(DateField(d, "planned_surgery_date", self.tr("Planned surgery date")))
        self.add_pair(
            NumberField(
                d, "liver.future_liver_remnant_percent", self.tr("Future liver remnant (%)")
            ),
            DateField(d, "liver.flr_date", field_label("liver.flr_date", self.lang)),
        )
        self.strategy = enum_field(
            d,
            UNBOUND_STRATEGY,
            self.tr("Timing strategy (of the decision)"),
            "timing",
            self.lang,
            optional=True,
        )
        self.strategy_note = QLabel()
        self.strategy_note.setWordWrap(True)
        self.add_pair(self.strategy, self.strategy_note)

    def _build_results(self) -> None:
        self.chart = ResponseChart()
        self.chart.setMinimumHeight(220)
        self.results.addWidget(self.chart)
        self.series_summary = ResultCard(self.tr("Response (mRECIST, Lencioni & Llovet 2010)"))
        self.results.addWidget(self.series_summary)
        self.timepoints = PlainRowsModel(
            [
                self.tr("Date"),
                self.tr("Sum (mm)"),
                self.tr("vs baseline"),
                self.tr("vs nadir"),
                self.tr("Category"),
            ],
            self,
        )
        self.timepoint_view: QTableView = table_view(self.timepoints, 2, 10)
        self.results.addWidget(self.timepoint_view)
        self.marker_changes = ResultCard(term("entry.markers.card", self.lang))
        self.marker_changes.value.hide()
        self.results.addWidget(self.marker_changes)
        self.surgery = ResultCard(self.tr("Earliest surgery date, with liver readiness and FLR"))
        self.results.addWidget(self.surgery)
        self.flr = ResultCard(self.tr("Future liver remnant"))
        self.results.addWidget(self.flr)
        self.facts = ResultCard(self.tr("Opportunistic or conservative? (review, section 6)"))
        self.results.addWidget(self.facts)

    def refresh(self) -> None:
        decisions = self.document.case.decisions
        draft = lifecycle.draft_index(decisions)
        shown = lifecycle.current_index(decisions)  # a sealed record's strategy is shown too
        self.strategy.path = (
            f"decisions.{shown}.timing_strategy" if shown is not None else UNBOUND_STRATEGY
        )
        self.strategy.setEnabled(shown is not None)
        self.strategy_note.setText(
            ""
            if draft is not None or shown is not None
            else self.tr("Start a draft decision (Decision step) to record the timing strategy.")
        )
        super().refresh()
        for panel in (self.imaging, self.markers, self.treatments, self.adverse_events):
            panel.refresh()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for panel in (self.imaging, self.markers, self.treatments, self.adverse_events):
            panel.set_read_only(read_only)

    def show_results(self, evaluation: Evaluation) -> None:
        self.chart.set_series(response_chart_series(self.document.case))
        self._show_response(evaluation.response)
        self._show_markers(evaluation.markers)
        surgery = evaluation.surgery
        earliest = (
            surgery.earliest_date.isoformat()
            if surgery.earliest_date
            else self.tr("no date can be given")
        )
        lines = self.sentences(
            [*surgery.blockers, surgery.planned_date_check, *surgery.why, *surgery.liver_why]
        )
        word = {
            True: self.tr("sufficient"),
            False: self.tr("insufficient"),
            None: self.tr("unknown"),
        }[surgery.flr_ok]
        # The date is never shown without liver_ok, the largest resection and flr_ok beside it.
        readiness = self.readiness_text(surgery, word)
        self.surgery.set_result(
            f"{earliest}<br><span style='font-size:small'>{readiness}</span>", lines
        )
        flr_lines = self.sentences(surgery.flr_why)
        if surgery.icg_r15_percent is not None:
            flr_lines.append(self.tr("ICG-R15: {0} %").format(surgery.icg_r15_percent))
        self.flr.set_result(word, flr_lines)
        self.facts.set_result("", self.sentences(surgery.facts))
        self.facts.value.hide()

    def readiness_text(self, surgery: SurgeryTiming, flr_word: str) -> str:
        liver = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("not known")}[
            surgery.liver_ok
        ]
        extent = surgery.resection_extent_max
        largest = term(f"resection.extent.{extent}", self.lang) if extent else self.tr("not known")
        return " \u00b7 ".join(
            (
                self.tr("liver ready: {0}").format(liver),
                self.tr("largest resection: {0}").format(largest),
                self.tr("FLR: {0}").format(flr_word),
            )
        )

    def _show_response(self, response: ResponseSeries | None) -> None:
        if response is None:
            self.series_summary.set_result(
                self.tr("not assessable"),
                [self.tr("Response needs a baseline and at least one follow-up scan.")],
            )
            self.timepoints.set_rows([])
            return
        current = term(f"term.response.{response.current}", self.lang)
        best = term(f"term.response.{response.best}", self.lang)
        self.series_summary.set_result(
            self.tr("Current: {0} \u00b7 best: {1}").format(current, best),
            self.sentences(response.why),
            response.criteria,
        )
        self.timepoints.set_rows(
            [
                [
                    p.date.isoformat(),
                    _millimetres(p.sum_mm),
                    _pct(p.change_from_baseline_pct),
                    _pct(p.change_from_nadir_pct),
                    self._category(p.category),
                ]
                for p in response.timepoints
            ]
        )

    def _show_markers(self, markers: Markers) -> None:
        """Each AFP and PIVKA-II value with its change from the first (clinical.markers)."""
        lines = [
            msg(
                "entry.markers.change",
                marker=name,
                date=point.date.isoformat(),
                value=point.value,
                unit=point.unit,
                change=_pct(point.change_from_first_pct),
            ).render(self.lang)
            for name, points in (("AFP", markers.afp), ("PIVKA-II", markers.pivka_ii))
            for point in points
        ]
        self.marker_changes.set_result("", lines or [term("entry.markers.none", self.lang)])

    def _category(self, category: str) -> str:
        """CR/PR/SD/PD as both languages' reports write them; the baseline in words."""
        if category == "baseline":
            return term("term.response.baseline", self.lang)
        return category


def _millimetres(value: float | None) -> str:
    """A sum of diameters as measured: whole millimetres without ".0", else to 0.01 mm."""
    if value is None:
        return "\u2014"
    return str(int(value)) if value.is_integer() else str(round(value, 2))


def _pct(value: float | None) -> str:
    return "\u2014" if value is None else f"{value:+.1f} %"
