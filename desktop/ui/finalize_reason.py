"""Finalizing a decision: the confirmation, and with items missing the reason kept in the record.

The reason is an override of item "completeness" (computed "incomplete", chosen "finalize"): a
field hcc-mdt-case/1 already has, so the record stays in the exchange format and is sealed with
everything else in it. The reason is typed in a dialog a keyboard can leave: Tab goes from the
text to the buttons (Qt's multi-line input dialog keeps Tab in the text), Ctrl+Enter is OK.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.model import msg
from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionStep", text)


class MissingReasonDialog(QDialog):
    """What is missing, and a text box for why the MDT decides without it."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Finalize with items missing?"))
        self.setMinimumWidth(520)
        text = QLabel(
            _tr(
                "These items are missing:\n{0}\n\nFinalizing seals the record; it can only "
                "be amended afterwards. Say why the MDT decides without them (kept in the "
                "record):"
            ).format("\n".join(f"\u2022 {line}" for line in missing)),
            self,
        )
        text.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(_tr("Reason"))
        self.reason.setFixedHeight(96)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.toPlainText()


def ask_missing_reason(parent: QWidget, missing: list[str]) -> str | None:
    """Show what is missing and ask why the MDT decides without it; None when cancelled."""
    dialog = MissingReasonDialog(missing, parent)
    return dialog.text() if dialog.exec() else None


def confirm_finalize(parent: QWidget) -> bool:
    """Ask before sealing (nothing missing): Yes seals, No (or Esc) leaves the draft as it is."""
    answer = QMessageBox.question(
        parent,
        _tr("Finalize the decision?"),
        _tr(
            "Finalizing seals this decision record with its signatures. It can never be "
            "changed afterwards, only amended by a new record. Finalize now?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


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


def record_missing_reason(
    document: CaseDocument,
    index: int,
    missing: list[str],
    reason: str | None,
    user: tuple[str, str] | None,
    lang: str,
) -> list[str]:
    """Put the reason (with what is missing) in draft `index`; refused when it is blank."""
    if not (reason or "").strip():
        return [missing_reason_needed(len(missing))]
    override = completeness_override(missing, reason or "", user, lang)
    return document.add_item(f"decisions.{index}.overrides", override)
