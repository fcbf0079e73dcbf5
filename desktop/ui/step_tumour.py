"""Workspace step "Tumour and staging": nodules, vascular invasion, spread, ECOG; BCLC and CNLC."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.logic.clinical import cheng_note, cheng_type
from desktop.logic.model import lifecycle
from desktop.ui.choice_sets import ChoiceSetField
from desktop.ui.forms import (
    ChoiceField,
    NumberListField,
    enum_field,
    error_style,
    field_label,
    heading,
    yes_no_field,
)
from desktop.ui.palette import colour_style, panel_style
from desktop.ui.step_base import ResultCard, StepPage, rich_label
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation
    from desktop.ui.settings import Settings

BCLC_STAGES = ["0", "A", "B", "C", "D"]
COUINAUD_SEGMENTS = [f"S{n}" for n in range(1, 9)]
CNLC_STAGES = ["Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV"]


class TumourStep(StepPage):
    """Tumour findings; BCLC and CNLC side by side with reasons, discordance and overrides."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self._computed: dict[str, str] = {}
        self._build_fields()
        self._build_override()
        self._build_results()
        self.finish_form()

    def _build_fields(self) -> None:
        d, lang = self.document, self.lang
        self.add_full(heading(self.tr("Tumour")))
        self.add_full(
            NumberListField(
                d,
                "tumor.nodules_cm",
                self.tr("Intrahepatic nodules: longest diameter of each, cm (e.g. 8.5, 2)"),
            )
        )
        self._build_extent()
        self.pvi = enum_field(
            d, "tumor.portal_vein_invasion", self.tr("Portal vein invasion"), "pvi", lang
        )
        self.cheng = QLabel()
        self.cheng.setWordWrap(True)
        self.cheng.setToolTip(cheng_note().render(lang))
        self.add_pair(self.pvi, self.cheng)
        self.add_pair(
            enum_field(
                d,
                "tumor.hepatic_vein_invasion",
                self.tr("Hepatic vein invasion"),
                "hvi",
                lang,
                optional=True,
            ),
            yes_no_field(
                d, "tumor.extrahepatic_spread", self.tr("Extrahepatic spread"), optional=False
            ),
        )
        ecog = ChoiceField(
            d, "ecog", self.tr("ECOG performance status"), [(n, str(n)) for n in range(5)]
        )
        note = QLabel(
            self.tr("PS should reflect cancer-related symptoms, not comorbidity (BCLC, Reig 2022).")
        )
        note.setWordWrap(True)
        note.setStyleSheet(colour_style("muted"))
        self.add_pair(
            yes_no_field(d, "tumor.lymph_node_metastasis", self.tr("Lymph-node metastasis")),
            ecog,
        )
        self.add_pair(QLabel(), note)

    def _build_extent(self) -> None:
        """Where the tumour lies and how it grows (case-format.md, additions of 2026-12)."""
        d = self.document
        segments = "tumor.segments"
        self.segments = ChoiceSetField(
            d,
            segments,
            field_label(segments, self.lang),
            [(name, name) for name in COUINAUD_SEGMENTS],
            per_row=len(COUINAUD_SEGMENTS),
        )
        self.add_full(self.segments)
        self.add_pair(
            yes_no_field(d, "tumor.infiltrative", field_label("tumor.infiltrative", self.lang)),
            yes_no_field(d, "tumor.bilobar", field_label("tumor.bilobar", self.lang)),
        )

    def _build_override(self) -> None:
        self.add_full(heading(self.tr("Override a computed stage")))
        self.override_item = QComboBox()
        self.override_item.addItem("BCLC", "bclc")
        self.override_item.addItem("CNLC", "cnlc")
        self.override_item.currentIndexChanged.connect(self._fill_stage_choices)
        self.override_stage = QComboBox()
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("Reason (required)"))
        self.override_button = QPushButton(self.tr("Record override"))
        self.override_button.clicked.connect(self.on_override_clicked)
        self.override_error = QLabel()
        self.override_error.setStyleSheet(error_style())
        self.override_error.setWordWrap(True)
        self.override_list = rich_label()
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.override_item)
        row.addWidget(self.override_stage)
        row.addWidget(self.override_reason, 1)
        row.addWidget(self.override_button)
        grid.addLayout(row, 0, 0)
        grid.addWidget(self.override_error, 1, 0)
        grid.addWidget(self.override_list, 2, 0)
        self.add_full(host)
        self._fill_stage_choices()

    def _build_results(self) -> None:
        row = QHBoxLayout()
        self.bclc = ResultCard(self.tr("BCLC"))
        self.cnlc = ResultCard(self.tr("CNLC"))
        row.addWidget(self.bclc)
        row.addWidget(self.cnlc)
        self.results.addLayout(row)
        self.discordance = rich_label()
        self.discordance.setStyleSheet(panel_style("QLabel", "warning"))
        self.discordance.setMargin(6)
        self.results.addWidget(self.discordance)
        self.milan = ResultCard(self.tr("Milan criteria"))
        self.up_to_seven = ResultCard(self.tr("Up-to-seven"))
        self.results.addWidget(self.milan)
        self.results.addWidget(self.up_to_seven)

    def _fill_stage_choices(self) -> None:
        self.override_stage.clear()
        item = self.override_item.currentData()
        self.override_stage.addItems(BCLC_STAGES if item == "bclc" else CNLC_STAGES)

    def on_override(self, item: str, chosen: str, reason: str) -> list[str]:
        """Record an override of `item` (bclc/cnlc) with its reason, in the draft or pending."""
        if not reason.strip():
            problems = [
                self.tr("An override needs a reason: say why the MDT chose {0}.").format(chosen)
            ]
            self.override_error.setText(problems[0])
            return problems
        computed = self._computed.get(item)
        user = self.settings.user()
        override: dict[str, Any] = {
            "item": item,
            "computed": computed,
            "chosen": chosen,
            "reason": reason.strip(),
            "at": dt.datetime.now().replace(microsecond=0).isoformat(),
        }
        if user:
            override["by"] = user[0]
        index = lifecycle.draft_index(self.document.case.decisions)
        if index is None:
            self.document.pending_overrides.append(override)
            refused: list[str] = []
            self.refresh()
        else:
            refused = self.document.add_item(f"decisions.{index}.overrides", override)
        self.override_error.setText("\n".join(refused))
        if not refused:
            self.override_reason.clear()
        return refused

    def on_override_clicked(self) -> None:
        self.on_override(
            self.override_item.currentData(),
            self.override_stage.currentText(),
            self.override_reason.text(),
        )

    def refresh(self) -> None:
        super().refresh()
        vp = self.document.value("tumor.portal_vein_invasion")
        cheng = cheng_type(vp) if vp else None
        self.cheng.setText(
            self.tr("Cheng type {0} (reference only; the record keeps Vp)").format(cheng)
            if cheng
            else self.tr("Cheng type: not applicable")
        )
        self._show_overrides()

    def _show_overrides(self) -> None:
        draft = lifecycle.draft(self.document.case.decisions)
        lines = [
            self.tr("{0}: computed {1}, chosen {2} \u2014 {3}").format(
                o.item.upper(), o.computed or "\u2014", o.chosen, o.reason
            )
            for o in (draft.overrides if draft else [])
        ]
        pending = [
            self.tr(
                "{0}: chosen {1} \u2014 {2} (pending: stored with the next draft decision)"
            ).format(o["item"].upper(), o["chosen"], o["reason"])
            for o in self.document.pending_overrides
        ]
        self.override_list.setText("<br>".join(lines + pending))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for widget in (
            self.override_item,
            self.override_stage,
            self.override_reason,
            self.override_button,
        ):
            widget.setEnabled(not read_only)

    def show_results(self, evaluation: Evaluation) -> None:
        self._computed = {"bclc": evaluation.bclc.stage, "cnlc": evaluation.cnlc.stage}
        for card, stage in ((self.bclc, evaluation.bclc), (self.cnlc, evaluation.cnlc)):
            card.set_result(stage.stage, self.sentences(stage.why), stage.system_name(self.lang))
        discordance = evaluation.discordance
        self.discordance.setText(discordance.render(self.lang) if discordance else "")
        self.discordance.setVisible(discordance is not None)
        for card, criterion in (
            (self.milan, evaluation.milan),
            (self.up_to_seven, evaluation.up_to_seven),
        ):
            word = self.tr("within") if criterion.within else self.tr("beyond")
            card.set_result(word, self.sentences(criterion.why))
        self._show_overrides()
