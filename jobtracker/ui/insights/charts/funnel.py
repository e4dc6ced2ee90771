"""The funnel: how many applications reached each stage, and the share of the step before."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QWidget

from jobtracker.tracker import FunnelStep
from jobtracker.ui.insights.charts.base import SERIES, Chart, blend


class FunnelChart(Chart):
    """Centred bars narrowing stage by stage, joined by shaded bands; counts and rates beside."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.steps: list[FunnelStep] = []
        self.colors: dict[str, str] = {}

    def set_steps(self, steps: Sequence[FunnelStep], colors: dict[str, str] | None = None
                  ) -> None:
        """The funnel steps, first stage first; ``colors`` by stage name."""
        self.steps = list(steps)
        self.colors = dict(colors or {})
        self.update()

    def has_data(self) -> bool:
        return bool(self.steps) and self.steps[0].reached > 0

    def step_text(self, step: FunnelStep) -> str:
        """``1,668 · 83%``: how many reached the stage, and the share of the step before."""
        if step.rate is None:
            return f"{step.reached:,}"
        return f"{step.reached:,} · {step.rate:.0%}"

    def draw(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        metrics = painter.fontMetrics()
        labels = max(metrics.horizontalAdvance(s.stage) for s in self.steps) + 12
        values = max(metrics.horizontalAdvance(self.step_text(s)) for s in self.steps) + 12
        room = rect.width() - labels - values
        centre = rect.left() + labels + room / 2
        first = self.steps[0].reached or 1
        row = min(rect.height() / len(self.steps), metrics.height() * 2.4)
        bar = row * 0.62
        previous: tuple[float, float] | None = None
        for number, step in enumerate(self.steps):
            y = rect.top() + number * row + (row - bar) / 2
            half = max(1.5, room * step.reached / first / 2)
            color = QColor(self.colors.get(step.stage) or SERIES[number % len(SERIES)])
            if previous is not None:
                top_y, top_half = previous
                band = QPolygonF([QPointF(centre - top_half, top_y),
                                  QPointF(centre + top_half, top_y),
                                  QPointF(centre + half, y), QPointF(centre - half, y)])
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(blend(color, window, 0.22))
                painter.drawPolygon(band)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(centre - half, y, 2 * half, bar), 3, 3)
            previous = (y + bar, half)
            painter.setPen(text)
            painter.drawText(QRectF(rect.left(), y, labels - 12, bar),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             step.stage)
            painter.drawText(QRectF(centre + half + 8, y, values, bar),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.step_text(step))
