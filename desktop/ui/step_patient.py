"""Workspace step "Patient and liver function": identity, labs with units, liver, scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.choice_sets import enum_set_field
from desktop.ui.forms import (
    DateField,
    NumberField,
    TextField,
    enum_field,
    field_label,
    heading,
    yes_no_field,
)
from desktop.ui.panel_widgets import wrapped
from desktop.ui.step_base import ResultCard, StepPage
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation
    from desktop.ui.settings import Settings

LAB_UNITS = {
    "bilirubin": ["umol/L", "mg/dL"],
    "albumin": ["g/L", "g/dL"],
    "creatinine": ["umol/L", "mg/dL"],
    "sodium": ["mmol/L"],
    "platelets": ["10^9/L"],
    "alt": ["U/L"],
    "ast": ["U/L"],
    "afp": ["ng/mL", "IU/mL"],
    "pivka_ii": ["mAU/mL"],
}


class PatientStep(StepPage):
    """Identity, labs, liver findings; Child-Pugh, ALBI and MELD beside them as you type."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self._build_identity()
        self._build_labs()
        self._build_virology()
        self._build_liver()
        self.child_pugh = ResultCard(self.tr("Child-Pugh (Pugh, Br J Surg 1973)"))
        self.albi = ResultCard(self.tr("ALBI / mALBI (Johnson 2015; Hiraoka 2017)"))
        self.meld = ResultCard(self.tr("MELD / MELD-Na (OPTN 2016)"))
        for card in (self.child_pugh, self.albi, self.meld):
            self.results.addWidget(card)
        self.finish_form()

    def _build_identity(self) -> None:
        d = self.document
        self.add_full(heading(self.tr("Patient")))
        self.add_pair(
            TextField(d, "patient.name", self.tr("Name")),
            TextField(d, "patient.mrn", self.tr("Medical record number (MRN)")),
        )
        self.add_pair(
            enum_field(d, "patient.sex", self.tr("Sex"), "sex", self.lang, optional=True),
            DateField(d, "patient.birth_date", self.tr("Birth date")),
        )
        self.weight = NumberField(d, "patient.weight_kg", self.label("patient.weight_kg"))
        # Lenvatinib's label dose by body weight (REFLECT), from the evaluation's dose note.
        self.dose_note = wrapped("")
        self.add_pair(self.weight, self.dose_note)
        self.add_pair(DateField(d, "assessed_on", self.tr("Labs and assessment dated")))
        self.add_full(enum_set_field(d, "etiology", self.tr("Aetiology"), "etiology", self.lang))

    def _build_labs(self) -> None:
        d = self.document
        self.add_full(heading(self.tr("Laboratory values")))
        labels = {
            "bilirubin": self.tr("Total bilirubin"),
            "albumin": self.tr("Albumin"),
            "creatinine": self.tr("Creatinine"),
            "sodium": self.tr("Sodium"),
            "platelets": self.tr("Platelets"),
            "alt": self.tr("ALT"),
            "ast": self.tr("AST"),
            "afp": self.tr("AFP"),
            "pivka_ii": self.tr("PIVKA-II"),
        }
        fields = [NumberField(d, f"labs.{n}", labels[n], LAB_UNITS[n]) for n in LAB_UNITS]
        fields.insert(2, NumberField(d, "labs.inr", self.tr("INR")))
        self.lab_fields = {field.path: field for field in fields}
        for left, right in zip(fields[::2], [*fields[1::2], None], strict=False):
            self.add_pair(left, right)

    def label(self, path: str) -> str:
        """The glossary's words for the field at `path` in the page's language."""
        return field_label(path, self.lang)

    def _build_virology(self) -> None:
        """Hepatitis B and C status (case-format.md, additions of 2026-12)."""
        d = self.document
        self.add_full(heading(self.label("virology")))
        self.add_pair(
            yes_no_field(d, "virology.hbsag_positive", self.label("virology.hbsag_positive")),
            yes_no_field(d, "virology.hbv_antiviral", self.label("virology.hbv_antiviral")),
        )
        self.add_pair(
            NumberField(d, "virology.hbv_dna_iu_per_ml", self.label("virology.hbv_dna_iu_per_ml")),
            DateField(d, "virology.hbv_dna_date", self.label("virology.hbv_dna_date")),
        )
        self.add_pair(
            yes_no_field(
                d, "virology.hcv_rna_detectable", self.label("virology.hcv_rna_detectable")
            )
        )

    def _build_liver(self) -> None:
        d = self.document
        lang = self.lang
        self.add_full(heading(self.tr("Liver")))
        self.add_pair(
            enum_field(d, "liver.ascites", self.tr("Ascites"), "ascites", lang),
            enum_field(
                d, "liver.encephalopathy", self.tr("Encephalopathy"), "encephalopathy", lang
            ),
        )
        self.add_pair(
            enum_field(d, "liver.varices", self.tr("Varices"), "varices", lang, optional=True),
            DateField(d, "liver.varices_assessed_on", self.label("liver.varices_assessed_on")),
        )
        self.add_pair(
            yes_no_field(
                d,
                "liver.variceal_bleeding_within_6_months",
                self.tr("Variceal bleeding within 6 months"),
            ),
            yes_no_field(d, "liver.cirrhosis", self.tr("Cirrhosis")),
        )
        self.add_pair(
            yes_no_field(
                d, "liver.dialysis_twice_in_past_week", self.tr("Dialysis twice in the past week")
            )
        )
        self.add_pair(
            NumberField(d, "liver.icg_r15_percent", self.tr("ICG-R15 (%)")),
            DateField(d, "liver.icg_r15_date", self.label("liver.icg_r15_date")),
        )
        self.add_pair(
            NumberField(
                d, "liver.future_liver_remnant_percent", self.tr("Future liver remnant (%)")
            ),
            DateField(d, "liver.flr_date", self.label("liver.flr_date")),
        )

    def show_results(self, evaluation: Evaluation) -> None:
        cp = evaluation.child_pugh
        self.child_pugh.set_result(
            self.tr("Class {0} ({1} points)").format(cp.cls, cp.points), self.sentences(cp.why)
        )
        albi = evaluation.albi
        self.albi.set_result(
            self.tr("Grade {0} (score {1})").format(albi.grade, albi.display),
            self.sentences(albi.why),
        )
        meld = evaluation.meld
        self.meld.set_result(
            self.tr("MELD {0} \u00b7 MELD-Na {1}").format(
                _or_dash(meld.meld), _or_dash(meld.meld_na)
            ),
            self.sentences(meld.why),
        )
        notes = [row.dose_note for row in evaluation.regimens if row.dose_note is not None]
        self.dose_note.setText(notes[0].render(self.lang) if notes else "")


def _or_dash(value: int | None) -> str:
    return "\u2014" if value is None else str(value)
