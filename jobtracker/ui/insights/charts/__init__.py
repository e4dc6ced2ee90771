"""Charts drawn with QPainter that also save themselves as PNG and SVG."""

from jobtracker.ui.insights.charts.bars import BarChart, HBarChart
from jobtracker.ui.insights.charts.base import Chart
from jobtracker.ui.insights.charts.funnel import FunnelChart
from jobtracker.ui.insights.charts.sankey import SankeyChart

__all__ = ["BarChart", "Chart", "FunnelChart", "HBarChart", "SankeyChart"]
