"""The safety history the regimen checks read, as form fields (clinical-rules.md).

Shown at the top of the Regimen step, where the verdicts that need it are read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.forms import BoundField, NumberField, heading, yes_no_field
from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryForm", text)


def history_fields(document: CaseDocument) -> list[BoundField]:
    """One field per history item of hcc-mdt-case/1, in the order a clinician asks them."""
    d = document
    return [
        yes_no_field(d, "history.autoimmune_disease_active", _tr("Active autoimmune disease")),
        yes_no_field(d, "history.organ_transplant", _tr("Organ transplant")),
        yes_no_field(d, "history.uncontrolled_hypertension", _tr("Uncontrolled hypertension")),
        NumberField(d, "history.proteinuria_g_per_24h", _tr("Urine protein (g/24 h)")),
        yes_no_field(
            d, "history.major_surgery_within_28_days", _tr("Major surgery within 28 days")
        ),
    ]


def history_heading() -> QWidget:
    return heading(_tr("Safety history (the regimen checks read these)"))
