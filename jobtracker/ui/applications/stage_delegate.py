"""Paints an application's stage as a coloured, rounded chip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jobtracker.ui.applications.applications_model import StageColorRole

DEFAULT_CHIP = "#8E8E93"


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
                 + 0.0722 * channel(background.blueF()))
    return QColor("#111111") if luminance > 0.4 else QColor("#FFFFFF")


class StageChipDelegate(QStyledItemDelegate):
    """Draws the stage name on a pill in the stage's colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        color = QColor(index.data(StageColorRole) or DEFAULT_CHIP)
        # Let the style draw selection and focus first, then the chip on top.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        metrics = option.fontMetrics
        pad_x, pad_y = 8, 2
        width = min(metrics.horizontalAdvance(text) + 2 * pad_x, option.rect.width() - 4)
        height = min(metrics.height() + 2 * pad_y, option.rect.height() - 2)
        chip = QRectF(option.rect.left() + 3, option.rect.center().y() - height / 2 + 0.5,
                      width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(text_color_on(color))
        # Elide only when the column is really too narrow (rounding must not cut "Saved").
        room = int(width - 2 * pad_x) + 2
        elided = text if metrics.horizontalAdvance(text) <= room else metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 8))
