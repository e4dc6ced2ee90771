"""Paints an application's stage as a coloured, rounded chip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jobtracker.ui.applications.applications_model import StageColorRole
from jobtracker.ui.widgets.contrast import (
    GRAPHIC_CONTRAST,
    contrast_ratio,
    readable_fill,
    readable_text_on,
    with_contrast,
)

DEFAULT_CHIP = "#8E8E93"


RING = 1.5  # px, inside the chip's edge


@dataclass(frozen=True)
class ChipColors:
    """How one chip is painted: its fill, its text, and a ring when the fill alone blends in."""

    fill: QColor
    text: QColor
    ring: QColor | None


def chip_colors(stage_color: QColor, palette: QPalette, *, selected: bool,
                row: QColor | None = None) -> ChipColors:
    """The colours of a chip in ``stage_color`` on a row of ``palette`` (``row``: its own brush).

    The text is near-black or white on the fill (the fill shifted a shade where a mid-tone
    lets neither reach 4.5:1). The chip stands out from its row by its fill when that reaches
    3:1 against the row, else by a ring: the stage colour deepened (or lightened) on plain
    rows, the highlighted-text colour on the selection, where every stage colour blends into
    the blue.
    """
    fill = readable_fill(stage_color)
    text = readable_text_on(fill)
    if selected:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        return ChipColors(fill, text, with_contrast(
            palette.color(QPalette.ColorRole.HighlightedText), [highlight], GRAPHIC_CONTRAST))
    # Both row colours, so that a stage's chips look the same on alternating rows.
    rows = [palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.AlternateBase)]
    if row is not None:
        rows.append(row)
    if all(contrast_ratio(fill, ground) >= GRAPHIC_CONTRAST for ground in rows):
        return ChipColors(fill, text, None)
    return ChipColors(fill, text, with_contrast(stage_color, rows, GRAPHIC_CONTRAST))


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
        # Whole pixels: the ring's outer edge then covers full pixels instead of blending.
        chip = QRectF(option.rect.left() + 3,
                      option.rect.top() + (option.rect.height() - height) // 2, width, height)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        row = (opt.backgroundBrush.color()
               if opt.backgroundBrush.style() != Qt.BrushStyle.NoBrush else None)
        palette = QPalette(option.palette)
        # The colour group the style painted the selection in (an unfocused window's differs).
        palette.setCurrentColorGroup(
            QPalette.ColorGroup.Disabled if not option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive)
        colors = chip_colors(color, palette, selected=selected, row=row)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = height / 2
        if colors.ring is not None:
            painter.setBrush(colors.ring)
            painter.drawRoundedRect(chip, radius, radius)
            chip_inside = chip.adjusted(RING, RING, -RING, -RING)
            painter.setBrush(colors.fill)
            painter.drawRoundedRect(chip_inside, radius - RING, radius - RING)
        else:
            painter.setBrush(colors.fill)
            painter.drawRoundedRect(chip, radius, radius)
        painter.setPen(colors.text)
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
