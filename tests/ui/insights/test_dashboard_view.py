"""The dashboard: renders on demo data and on an empty database; charts save as PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QThreadPool
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from jobtracker import demo
from jobtracker.tracker import ApplicationInput
from jobtracker.tracker.insights import SankeyFlow
from jobtracker.tracker.rows import FunnelStep
from jobtracker.ui.insights.charts import BarChart, FunnelChart, HBarChart, SankeyChart
from jobtracker.ui.insights.dashboard_view import CUSTOM, DashboardView
from jobtracker.ui.mainwindow.main_window import MainWindow

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _no_worker_outlives_the_test() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


def show_dashboard(qtbot: QtBot, window: MainWindow) -> DashboardView:
    view = window.view("dashboard")
    assert isinstance(view, DashboardView)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.sidebar.setCurrentRow(window.pages.indexOf(view))
    return view


def test_dashboard_renders_on_an_empty_database(qtbot: QtBot, window: MainWindow) -> None:
    view = show_dashboard(qtbot, window)
    assert view.data is not None and view.data.total == 0
    assert view.total_tile.value.text() == "0"
    assert view.response_tile.value.text() == "–"
    for chart in view.charts:
        assert chart.grab().width() > 0  # paints the empty state without errors
        assert not chart.render_image().isNull()
        ET.fromstring(chart.svg_bytes())


def test_dashboard_renders_on_demo_data_and_follows_the_range(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    demo.populate(window.tracker, 150, seed=0)
    view = show_dashboard(qtbot, window)
    assert view.data is not None and view.data.total == 150
    assert view.total_tile.value.text() == "150"
    assert view.response_tile.value.text().endswith("%")
    assert view.weeks_chart.has_data() and view.sankey_chart.has_data()
    assert view.funnel_chart.has_data() and view.source_chart.has_data()
    for chart in view.charts:
        chart.grab()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.range_combo.setCurrentIndex(view.range_combo.findData(30))
    assert view.data.date_from is not None and view.data.total < 150
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.range_combo.setCurrentIndex(view.range_combo.findData(CUSTOM))
    assert view.from_edit.isVisible() and view.to_edit.isVisible()


def test_an_edit_recomputes_the_shown_dashboard(qtbot: QtBot, window: MainWindow) -> None:
    view = show_dashboard(qtbot, window)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.editor.add_application(ApplicationInput("Dev", "Acme"))
    assert view.data is not None and view.data.total == 1


def sample_charts() -> list[BarChart | HBarChart | FunnelChart | SankeyChart]:
    weeks = BarChart("Per week")
    weeks.set_items([("2026-11-02", 3), ("2026-11-09", 0), ("2026-11-16", 7)])
    bars = HBarChart("By source")
    bars.set_items([("LinkedIn", 12), ("Referral", 4)])
    funnel = FunnelChart("Funnel")
    funnel.set_steps([FunnelStep("Saved", 20, None), FunnelStep("Applied", 15, 0.75),
                      FunnelStep("Interviewing", 3, 0.2)])
    sankey = SankeyChart("Sankey")
    sankey.set_flows([SankeyFlow("Applied", "Screening", 5), SankeyFlow("Applied", "Rejected", 8),
                      SankeyFlow("Screening", "Rejected", 2), SankeyFlow("Screening", "Offer", 3)],
                     ["Applied", "Screening", "Offer", "Rejected"], {"Applied": "#3B82F6"})
    return [weeks, bars, funnel, sankey]


def test_every_chart_saves_a_non_empty_png_and_a_valid_svg(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    for number, chart in enumerate(sample_charts()):
        qtbot.addWidget(chart)
        chart.resize(QSize(600, 320))
        png = tmp_path / f"chart{number}.png"
        svg = tmp_path / f"chart{number}.svg"
        chart.save(png)
        chart.save(svg)
        image = QImage(str(png))
        assert not image.isNull() and image.width() >= 600
        # Not a blank picture: more than the background colour is in it.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 3
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg"
        shapes = [e for e in root.iter() if e.tag in (f"{SVG}path", f"{SVG}rect",
                                                      f"{SVG}polygon", f"{SVG}polyline")]
        assert shapes, chart.title
        if not isinstance(chart, BarChart):  # rounded bars and bands are paths
            assert any(e.tag == f"{SVG}path" for e in root.iter()), chart.title
        texts = "".join(e.text or "" for e in root.iter() if e.tag == f"{SVG}text")
        assert chart.title in texts


def test_sankey_puts_ends_in_the_last_column(qtbot: QtBot) -> None:
    sankey = sample_charts()[3]
    assert isinstance(sankey, SankeyChart)
    depth, columns = sankey.node_columns()
    assert depth["Applied"] == 0 and depth["Screening"] == 1
    assert depth["Rejected"] == depth["Offer"] == len(columns) - 1
