"""The case list's status column painted as a coloured rounded badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.case_list_model import STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    "new": "#5b6b7a",
    "draft decision": "#b45f06",
    "follow-up": "#1f6f43",
    "decided": "#1f4e79",
}


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status as a coloured rounded badge with white text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        status = index.data(STATUS_ROLE)
        if status not in STATUS_COLOURS:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        rect = QRectF(option.rect.x() + 4, option.rect.y() + 3, width, option.rect.height() - 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS[status]))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, max(size.height(), option.fontMetrics.height() + 10))
