"""Charts drawn with QPainter that also save themselves as PNG and SVG."""

from jobtracker.ui.charts.bars import BarChart, HBarChart
from jobtracker.ui.charts.base import Chart
from jobtracker.ui.charts.funnel import FunnelChart
from jobtracker.ui.charts.sankey import SankeyChart

__all__ = ["BarChart", "Chart", "FunnelChart", "HBarChart", "SankeyChart"]
