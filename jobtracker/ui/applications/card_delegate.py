"""Paints a board card: company, title, days in stage, next interview, priority and tags."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jobtracker.tracker import ApplicationRow
from jobtracker.ui.applications.applications_model import RowRole
from jobtracker.ui.applications.board_model import DaysInStageRole
from jobtracker.ui.applications.card_avatar import paint_initials
from jobtracker.ui.applications.stage_delegate import DEFAULT_CHIP
from jobtracker.ui.widgets.contrast import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    warning_color,
    with_contrast,
)
from jobtracker.ui.widgets.formatting import format_date
from jobtracker.vocabulary import StageKind

MARGIN = 4  # around a card, inside its item rectangle
PAD = 8  # inside a card


def _blend(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of ``a`` over ``b``."""
    return QColor.fromRgbF(*(share * x + (1 - share) * y for x, y in (
        (a.redF(), b.redF()), (a.greenF(), b.greenF()), (a.blueF(), b.blueF()))))


class CardDelegate(QStyledItemDelegate):
    """Draws a card per application; every card has the same size, so long columns stay fast."""

    def __init__(self, parent: object = None, *, stale_days: int = 21) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.stale_days = stale_days

    def days_text(self, days: int) -> str:
        """How long the card has been in its stage: "12 days in stage"."""
        if days == 1:
            return self.tr("1 day in stage")
        return self.tr("%1 days in stage").replace("%1", f"{days:,}")

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return card_size(option.fontMetrics)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(RowRole)
        if not isinstance(row, ApplicationRow):
            return
        days = int(index.data(DaysInStageRole) or 0)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = _blend(text, base, 0.62)
        card = QRectF(option.rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else _blend(
            text, base, 0.18)
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        fill = (_blend(palette.color(QPalette.ColorRole.Highlight), base, 0.12)
                if selected else base)
        painter.setBrush(fill)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        # The stage's colour, a shade deeper (or lighter) where it would fade into the card.
        stripe = with_contrast(QColor(row.stage_color or DEFAULT_CHIP), [fill], GRAPHIC_CONTRAST)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(QRectF(card.left() + 1.5, card.top() + 5, 4, card.height() - 10),
                                2, 2)

        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        inner = card.toRect().adjusted(PAD + 4, PAD - 2, -PAD, -PAD + 2)
        # Lines 1 and 2 beside the company's initials: the company (bold), the job title.
        disc = 2 * line - 4
        paint_initials(painter, row.company, QRectF(inner.left(), inner.top() + 2, disc, disc),
                       fill, font)
        left = inner.left() + disc + 8
        room = inner.right() - left
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QRect(left, inner.top(), room, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(row.company, Qt.TextElideMode.ElideRight, room))
        painter.setFont(font)
        painter.drawText(QRect(left, inner.top() + line, room, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, room))
        # Line 3: days in stage, spelled out, and the priority on the right.
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        y = inner.top() + 2 * line + 2
        stars = f"★ {row.priority}"
        stars_width = small_metrics.horizontalAdvance(stars)
        painter.setPen(muted)
        painter.drawText(QRect(inner.right() - stars_width, y, stars_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, stars)
        stale = days >= self.stale_days and row.stage_kind == StageKind.OPEN
        painter.setPen(with_contrast(warning_color(palette), [fill], TEXT_CONTRAST)
                       if stale else muted)
        room = inner.width() - stars_width - 8
        painter.drawText(QRect(inner.left(), y, room, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         small_metrics.elidedText(self.days_text(days),
                                                  Qt.TextElideMode.ElideRight, room))
        # Line 4: the next interview, then tags as small pills, as many as fit.
        x = inner.left()
        y += line + 2
        if row.next_interview is not None:
            interview = small_metrics.elidedText(
                self.tr("Interview %1").replace(
                    "%1", format_date(row.next_interview.astimezone().date())),
                Qt.TextElideMode.ElideRight, inner.width())
            width = small_metrics.horizontalAdvance(interview)
            painter.setPen(with_contrast(palette.color(QPalette.ColorRole.Link), [fill],
                                         TEXT_CONTRAST))
            painter.drawText(QRect(x, y, width + 1, small_metrics.height() + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             interview)
            x += width + 8
        height = small_metrics.height() + 2
        for tag in row.tags:
            width = small_metrics.horizontalAdvance(tag) + 12
            if x + width > inner.right():
                if x + small_metrics.horizontalAdvance("…") <= inner.right():
                    painter.setPen(muted)
                    painter.drawText(QRect(x, y, 20, height), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            pill = QRectF(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_blend(text, base, 0.1))
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(muted)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, tag)
            x += width + 4
        if focused and not selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1,
                                Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), 5, 5)
        painter.restore()


def card_size(metrics: QFontMetrics) -> QSize:
    """Every card's size for a font: four lines of text and the padding around them."""
    # 31 characters: room for a company name beside its initials; five open stages still fit
    # side by side in a 1280-pixel window at 100% text.
    return QSize(metrics.averageCharWidth() * 31, 4 * metrics.height() + 2 * PAD + MARGIN + 6)
