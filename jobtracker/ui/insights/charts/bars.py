"""Bar charts: vertical bars over time (applications per week) and labelled horizontal bars."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from jobtracker.ui.insights.charts.base import SERIES, Chart, blend


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class BarChart(Chart):
    """Vertical bars with labels under them (every label that fits) and a light grid."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 color: str = SERIES[0]) -> None:
        super().__init__(title, parent)
        self.color = color
        self.items: list[tuple[str, float]] = []

    def set_items(self, items: Sequence[tuple[str, float]]) -> None:
        """The (label, value) bars, left to right."""
        self.items = list(items)
        self.update()

    def has_data(self) -> bool:
        return any(value for _, value in self.items)

    def draw(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        metrics = painter.fontMetrics()
        top = _nice_max(max(value for _, value in self.items))
        axis_width = max(metrics.horizontalAdvance(_number(top)), 12) + 8
        plot = rect.adjusted(axis_width, 4, 0, -(metrics.height() + 6))
        painter.setPen(QPen(blend(text, window, 0.15), 1))
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        painter.setPen(blend(text, window, 0.65))
        for step in (0, 2, 4):
            y = plot.bottom() - plot.height() * step / 4
            painter.drawText(QRectF(rect.left(), y - metrics.height() / 2, axis_width - 6,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _number(top * step / 4))
        slot = plot.width() / len(self.items)
        gap = min(6.0, slot * 0.25)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.color))
        for number, (_label, value) in enumerate(self.items):
            height = plot.height() * value / top
            painter.drawRect(QRectF(plot.left() + number * slot + gap / 2,
                                    plot.bottom() - height, max(1.0, slot - gap), height))
        # Labels: as many as fit without overlapping, evenly spaced.
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.items) + 10
        every = max(1, math.ceil(widest / slot))
        painter.setPen(blend(text, window, 0.65))
        for number in range(0, len(self.items), every):
            centre = plot.left() + (number + 0.5) * slot
            if centre - widest / 2 < rect.left() or centre + widest / 2 > rect.right():
                continue  # would be cut at the edge
            painter.drawText(QRectF(centre - widest / 2, plot.bottom() + 4, widest,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.items[number][0])


class HBarChart(Chart):
    """Labelled horizontal bars, largest scale first, each with its value written after it."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 value_text: Callable[[float], str] = _number,
                 colors: Sequence[str] = SERIES) -> None:
        super().__init__(title, parent)
        self.value_text = value_text
        self.colors = list(colors)
        self.items: list[tuple[str, float]] = []

    def set_items(self, items: Sequence[tuple[str, float]]) -> None:
        """The (label, value) bars, top to bottom."""
        self.items = list(items)
        self.update()

    def has_data(self) -> bool:
        return any(value for _, value in self.items)

    def draw(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        labels = min(rect.width() * 0.4,
                     max(metrics.horizontalAdvance(label) for label, _ in self.items) + 14)
        values = max(metrics.horizontalAdvance(self.value_text(v)) for _, v in self.items) + 8
        top = max(value for _, value in self.items) or 1.0
        row = min(rect.height() / len(self.items), metrics.height() * 2.2)
        bar = min(row * 0.7, metrics.height() * 1.3)
        for number, (label, value) in enumerate(self.items):
            y = rect.top() + number * row
            painter.setPen(text)
            painter.drawText(QRectF(rect.left(), y, labels - 10, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                int(labels - 8)))
            width = (rect.width() - labels - values) * value / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colors[number % len(self.colors)]))
            painter.drawRoundedRect(QRectF(rect.left() + labels, y + (row - bar) / 2,
                                           max(width, 1.0), bar), 3, 3)
            painter.setPen(text)
            painter.drawText(QRectF(rect.left() + labels + width + 6, y, values, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.value_text(value))
