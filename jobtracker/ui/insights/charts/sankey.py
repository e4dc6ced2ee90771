"""A Sankey diagram of the whole search: stages as nodes, applications flowing between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QWidget

from jobtracker.tracker import SankeyFlow
from jobtracker.ui.insights.charts.base import Chart, blend

NODE_WIDTH = 12.0
OTHER_COLOR = "#9CA3AF"


class SankeyChart(Chart):
    """Nodes in columns by how far along they are (ends on the right), bands sized by count."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.flows: list[SankeyFlow] = []
        self.order: dict[str, int] = {}
        self.colors: dict[str, str] = {}
        self.setMinimumHeight(300)

    def set_flows(self, flows: Sequence[SankeyFlow], order: Sequence[str] = (),
                  colors: dict[str, str] | None = None) -> None:
        """The flows; ``order`` ranks nodes top to bottom, ``colors`` by node name."""
        self.flows = [f for f in flows if f.count > 0]
        self.order = {name: number for number, name in enumerate(order)}
        self.colors = dict(colors or {})
        self.update()

    def has_data(self) -> bool:
        return bool(self.flows)

    def node_columns(self) -> tuple[dict[str, int], list[list[str]]]:
        """Each node's column (sources left, nodes with no way out in the last one)."""
        outgoing: dict[str, list[str]] = defaultdict(list)
        nodes: list[str] = []
        for flow in self.flows:
            outgoing[flow.source].append(flow.target)
            for name in (flow.source, flow.target):
                if name not in nodes:
                    nodes.append(name)
        depth: dict[str, int] = {}

        def visit(name: str, level: int, seen: frozenset[str]) -> None:
            if depth.get(name, -1) >= level or name in seen:
                return
            depth[name] = level
            for target in outgoing.get(name, []):
                visit(target, level + 1, seen | {name})

        targets = {f.target for f in self.flows}
        for name in nodes:
            if name not in targets:
                visit(name, 0, frozenset())
        for name in nodes:
            depth.setdefault(name, 0)
        last = max(depth.values(), default=0)
        for name in nodes:
            if not outgoing.get(name):
                depth[name] = last
        columns: list[list[str]] = [[] for _ in range(last + 1)]
        for name in sorted(nodes, key=lambda n: (self.order.get(n, len(self.order)), n)):
            columns[depth[name]].append(name)
        return depth, columns

    def draw(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        metrics = painter.fontMetrics()
        depth, columns = self.node_columns()
        inflow: dict[str, int] = defaultdict(int)
        outflow: dict[str, int] = defaultdict(int)
        for flow in self.flows:
            outflow[flow.source] += flow.count
            inflow[flow.target] += flow.count
        value = {name: max(inflow[name], outflow[name]) for name in depth}
        label_room = max(metrics.horizontalAdvance(f"{n} {value[n]:,}") for n in depth) + 10
        plot = rect.adjusted(0, 2, -label_room, -2)
        gap = max(6.0, metrics.height() * 0.6)
        scale = min((plot.height() - gap * (len(column) - 1)) / max(1, sum(
            value[n] for n in column)) for column in columns)
        step = (plot.width() - NODE_WIDTH) / max(1, len(columns) - 1)
        boxes: dict[str, QRectF] = {}
        for number, column in enumerate(columns):
            used = sum(value[n] for n in column) * scale + gap * (len(column) - 1)
            y = plot.top() + (plot.height() - used) / 2
            for name in column:
                height = max(1.0, value[name] * scale)
                boxes[name] = QRectF(plot.left() + number * step, y, NODE_WIDTH, height)
                y += height + gap
        # Bands: leave each source from the top down, enter each target from the top down.
        out_at = {name: box.top() for name, box in boxes.items()}
        in_at = dict(out_at)
        flows = sorted(self.flows, key=lambda f: (self.order.get(f.source, 99),
                                                  self.order.get(f.target, 99)))
        for flow in flows:
            source, target = boxes[flow.source], boxes[flow.target]
            thick = flow.count * scale
            y0, y1 = out_at[flow.source], in_at[flow.target]
            out_at[flow.source] += thick
            in_at[flow.target] += thick
            x0, x1 = source.right(), target.left()
            middle = (x0 + x1) / 2
            path = QPainterPath(QPointF(x0, y0))
            path.cubicTo(QPointF(middle, y0), QPointF(middle, y1), QPointF(x1, y1))
            path.lineTo(x1, y1 + thick)
            path.cubicTo(QPointF(middle, y1 + thick), QPointF(middle, y0 + thick),
                         QPointF(x0, y0 + thick))
            path.closeSubpath()
            color = QColor(self.colors.get(flow.source) or OTHER_COLOR)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(color, window, 0.35))
            painter.drawPath(path)
        for name, box in boxes.items():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colors.get(name) or OTHER_COLOR))
            painter.drawRect(box)
            label = f"{name} {value[name]:,}"
            centre = box.center().y()
            where = QRectF(box.right() + 4, centre - metrics.height() / 2 - 1,
                           metrics.horizontalAdvance(label) + 6, metrics.height() + 2)
            if depth[name] < len(columns) - 1:  # over the bands: on a backing to stay legible
                painter.setBrush(blend(window, text, 0.85))
                painter.drawRoundedRect(where, 3, 3)
            painter.setPen(text)
            painter.drawText(where, Qt.AlignmentFlag.AlignCenter, label)
