"""Finalizing with items missing: the question asked, and the reason kept in the sealed record.

The reason is an override of item "completeness" (computed "incomplete", chosen "finalize"): a
field hcc-mdt-case/1 already has, so the record stays in the exchange format and is sealed with
everything else in it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.logic.model import msg


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionStep", text)


def ask_missing_reason(parent: QWidget, missing: list[str]) -> str | None:
    """Show what is missing and ask why the MDT decides without it; None when cancelled."""
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        _tr("Finalize with items missing?"),
        _tr(
            "These items are missing:\n{0}\n\nFinalizing seals the record; it can only "
            "be amended afterwards. Say why the MDT decides without them (kept in the "
            "record):"
        ).format("\n".join(f"\u2022 {line}" for line in missing)),
    )
    return text if accepted else None


def missing_reason_needed(count: int) -> str:
    return _tr(
        "Items are missing ({0}); finalizing needs the reason the MDT decides without them."
    ).format(count)


def completeness_override(
    missing: list[str], reason: str, user: tuple[str, str] | None, lang: str
) -> dict[str, Any]:
    """The override entry that records the missing items and the reason in the decision."""
    text = msg("completeness.missing_reason", items="; ".join(missing), reason=reason.strip())
    override: dict[str, Any] = {
        "item": "completeness",
        "computed": "incomplete",
        "chosen": "finalize",
        "reason": text.render(lang)[:2000],
        "at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    if user:
        override["by"] = user[0]
    return override
