"""The dashboard: headline numbers and charts of the search over a chosen date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import NO_ANSWER, NOT_STATED, UNKNOWN_SOURCE, Dashboard, Tracker
from jobtracker.ui.insights.charts import BarChart, Chart, FunnelChart, HBarChart, SankeyChart
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.background import BackgroundJob, run_in_background
from jobtracker.ui.widgets.formatting import format_date, from_qdate, to_qdate
from jobtracker.ui.widgets.lazy_view import LazyView

CUSTOM = -1
_RANGES = ((QT_TRANSLATE_NOOP("DashboardView", "All time"), None),
           (QT_TRANSLATE_NOOP("DashboardView", "Last 30 days"), 30),
           (QT_TRANSLATE_NOOP("DashboardView", "Last 90 days"), 90),
           (QT_TRANSLATE_NOOP("DashboardView", "Last 365 days"), 365),
           (QT_TRANSLATE_NOOP("DashboardView", "Custom range…"), CUSTOM))


def compute_dashboard(path: Path, today: Callable[[], dt.date], now: Callable[[], dt.datetime],
                      date_from: dt.date | None, date_to: dt.date | None) -> Dashboard:
    """The dashboard numbers, read through a tracker of its own (runs in a worker thread)."""
    with Tracker.open(path, today=today, now=now) as tracker:
        return tracker.dashboard(date_from=date_from, date_to=date_to)


class Tile(QFrame):
    """One headline number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        """Show ``text`` as the number."""
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption.text()}: {text}")


class DashboardView(LazyView):
    """Range selector, headline tiles and charts; numbers are computed off the UI thread."""

    loaded = Signal()

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self.pool = pool
        self.data: Dashboard | None = None
        self._job: BackgroundJob | None = None  # the latest computation
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._start)

        self.range_combo = QComboBox(self)
        self.range_combo.setAccessibleName(self.tr("Date range"))
        for label, days in _RANGES:
            self.range_combo.addItem(self.tr(label), days)
        self.from_edit = QDateEdit(self)
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit = QDateEdit(self)
        self.to_edit.setAccessibleName(self.tr("Until"))
        for edit, day in ((self.from_edit, to_qdate(today()).addDays(-90)),
                          (self.to_edit, to_qdate(today()))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.dateChanged.connect(lambda _day: self.reload())
        self.range_combo.currentIndexChanged.connect(lambda _i: self._range_changed())
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may show an error's own words
        bar = QHBoxLayout()
        range_label = QLabel(self.tr("&Range:"), self)
        range_label.setBuddy(self.range_combo)
        bar.addWidget(range_label)
        bar.addWidget(self.range_combo)
        bar.addWidget(self.from_edit)
        self.dash = QLabel("–", self)
        bar.addWidget(self.dash)
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        bar.addWidget(self.status)

        self.total_tile = Tile(self.tr("applications in the range"))
        self.sent_tile = Tile(self.tr("sent (reached Applied or later)"))
        self.response_tile = Tile(self.tr("response rate: share of sent ones that got an "
                                          "answer"))
        self.median_tile = Tile(self.tr("median days from applying to the first answer"))
        tiles = QHBoxLayout()
        for tile in (self.total_tile, self.sent_tile, self.response_tile, self.median_tile):
            tiles.addWidget(tile, 1)

        self.weeks_chart = BarChart(self.tr("Applications sent per week"))
        self.funnel_chart = FunnelChart(self.tr("Funnel: reached each stage · share of the "
                                                "step before"))
        self.sankey_chart = SankeyChart(self.tr("The whole search: where applications went"))
        self.days_chart = HBarChart(self.tr("Median days spent in each stage"),
                                    value_text=lambda v: self.tr("%1 d").replace(
                                        "%1", f"{v:,.0f}"))
        self.source_chart = HBarChart(self.tr("Applications by source"))
        self.remote_chart = HBarChart(self.tr("Applications by remote policy"))
        self.charts: list[Chart] = [self.weeks_chart, self.funnel_chart, self.sankey_chart,
                                    self.days_chart, self.source_chart, self.remote_chart]
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.weeks_chart, 0, 0, 1, 2)
        grid.addWidget(self.sankey_chart, 1, 0, 1, 2)
        grid.addWidget(self.funnel_chart, 2, 0)
        grid.addWidget(self.days_chart, 2, 1)
        grid.addWidget(self.source_chart, 3, 0)
        grid.addWidget(self.remote_chart, 3, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(tiles)
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        self._range_changed()

    # -- loading -----------------------------------------------------------------------------

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The range chosen (open ends are None)."""
        days = self.range_combo.currentData()
        if days == CUSTOM:
            start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            return (start, end) if start <= end else (end, start)
        if days:
            return self._today() - dt.timedelta(days=days), None
        return None, None

    def refresh_now(self) -> None:
        # Even on show, the figures are computed in a worker started from the event loop.
        self._timer.start()

    def _range_changed(self) -> None:
        custom = self.range_combo.currentData() == CUSTOM
        for widget in (self.from_edit, self.dash, self.to_edit):
            widget.setVisible(custom)
        self.reload()

    def _start(self) -> None:
        self._stale = False
        if self._job is not None:
            self._job.cancel()  # its figures are for a range or state no longer asked for
        tracker = self.editor.tracker
        path = tracker.db.path
        date_from, date_to = self.date_range()
        self.status.setText(self.tr("Counting…"))
        self._job = run_in_background(
            lambda: compute_dashboard(path, tracker.today, tracker.now, date_from, date_to),
            self._done, self._failed, self.pool, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not compute the dashboard: %1").replace(
            "%1", str(error)))

    def _done(self, data: Dashboard) -> None:
        self.data = data
        self.show_data(data)
        self.loaded.emit()

    def show_data(self, data: Dashboard) -> None:
        """Fill tiles and charts from ``data``."""
        colors = {s.name: s.color or "#8E8E93" for s in self.editor.tracker.stages()}
        colors[NO_ANSWER] = "#9CA3AF"
        order = [s.name for s in self.editor.tracker.stages()]
        sent = next((s.reached for s in data.funnel[1:2]), 0)
        self.total_tile.set_value(f"{data.total:,}")
        self.sent_tile.set_value(f"{sent:,}")
        self.response_tile.set_value("–" if data.response_rate is None
                                     else f"{data.response_rate:.0%}")
        self.median_tile.set_value("–" if data.median_days_to_response is None
                                   else f"{data.median_days_to_response:,.0f}")
        self.weeks_chart.set_items([(format_date(week.week_start), week.count)
                                    for week in data.applied_per_week])
        self.funnel_chart.set_steps(data.funnel, colors)
        self.sankey_chart.set_flows(data.sankey, [*order, NO_ANSWER], colors)
        self.days_chart.set_items(data.days_in_stage)
        self.days_chart.colors = [colors.get(name, "#8E8E93") for name, _ in data.days_in_stage]
        names = {UNKNOWN_SOURCE: self.tr("Unknown"), NOT_STATED: self.tr("Not stated"),
                 "remote": self.tr("Remote"), "hybrid": self.tr("Hybrid"),
                 "onsite": self.tr("On-site")}
        self.source_chart.set_items([(names.get(k, k), v) for k, v in data.by_source[:10]])
        self.remote_chart.set_items([(names.get(k, k), v) for k, v in data.by_remote])
        start = format_date(data.date_from) if data.date_from else self.tr("the start")
        end = format_date(data.date_to) if data.date_to else self.tr("today")
        self.status.setText(self.tr("From %1 to %2").replace("%1", start).replace("%2", end))
