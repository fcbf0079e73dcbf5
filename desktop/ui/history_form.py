"""The safety history the regimen checks read, as form fields (clinical-rules.md).

Shown at the top of the Regimen step, where the verdicts that need it are read. The last major
surgery date and the 28-day flag must agree when both are given (case-format.md, additions of
2026-12): a disagreeing entry is refused beside the field being entered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.logic.model import surgery_disagreement, term
from desktop.ui.forms import (
    BoundField,
    DateField,
    Guard,
    NumberField,
    field_label,
    heading,
    yes_no_field,
)
from desktop.ui.palette import colour_style
from desktop.ui.undo import CaseDocument

FLAG = "history.major_surgery_within_28_days"
LAST_SURGERY = "history.last_major_surgery_date"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryForm", text)


def history_fields(document: CaseDocument) -> list[BoundField]:
    """One field per history item of hcc-mdt-case/1, in the order a clinician asks them."""
    d, lang = document, document.lang
    flag = yes_no_field(d, FLAG, _tr("Major surgery within 28 days"))
    last = DateField(d, LAST_SURGERY, field_label(LAST_SURGERY, lang))
    flag.guards.append(surgery_guard(d, "flag"))
    last.guards.append(surgery_guard(d, "date"))

    def asked(path: str) -> BoundField:
        return yes_no_field(d, path, field_label(path, lang))

    return [
        yes_no_field(d, "history.autoimmune_disease_active", _tr("Active autoimmune disease")),
        yes_no_field(d, "history.organ_transplant", _tr("Organ transplant")),
        yes_no_field(d, "history.uncontrolled_hypertension", _tr("Uncontrolled hypertension")),
        NumberField(d, "history.proteinuria_g_per_24h", _tr("Urine protein (g/24 h)")),
        flag,
        last,
        NumberField(
            d,
            "history.systemic_steroids_mg_prednisone_per_day",
            field_label("history.systemic_steroids_mg_prednisone_per_day", lang),
        ),
        asked("history.interstitial_lung_disease"),
        asked("history.prior_immune_related_ae_grade3plus"),
        asked("history.bleeding_or_arterial_thrombosis_within_6_months"),
    ]


def surgery_guard(document: CaseDocument, edited: Literal["date", "flag"]) -> Guard:
    """Refuse a date or flag that disagrees with the other one as of today, in words."""

    def check(value: Any) -> list[str]:
        flag = value if edited == "flag" else document.value(FLAG)
        day = value if edited == "date" else document.value(LAST_SURGERY)
        last = dt.date.fromisoformat(day) if day else None
        found = surgery_disagreement(edited, flag, last, dt.date.today())
        return [found.render(document.lang)] if found else []

    return check


def history_heading() -> QWidget:
    return heading(_tr("Safety history (the regimen checks read these)"))


def history_note(lang: str) -> QLabel:
    """Where the other inputs of the safety checks are entered (the to-do list names them)."""
    note = QLabel(term("entry.safety_inputs_elsewhere", lang))
    note.setWordWrap(True)
    note.setStyleSheet(colour_style("muted"))
    return note
