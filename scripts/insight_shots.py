"""Screenshots of the board, Today, dashboard and calendar on 2,000 sample applications."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from jobtracker import demo
from jobtracker.tracker import Tracker
from jobtracker.ui.applications.board_view import BoardView
from jobtracker.ui.insights.dashboard_view import DashboardView
from jobtracker.ui.insights.today_view import TodayView
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.theme import apply_theme

COUNT = 2000
SIZE = (1280, 800)  # the window's default size


def _settle(app: QApplication, done: object = None, limit: float = 20.0) -> None:
    end = time.monotonic() + limit
    while callable(done) and not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def sample(path: Path) -> Path:
    """The 2,000-application sample database, made once and copied per theme."""
    if not path.exists():
        with Tracker.open(path) as tracker:
            demo.populate(tracker, COUNT, seed=0)  # tasks and contacts included
    return path


def shoot_insights(app: QApplication, theme: str, out: Path, work: Path) -> None:
    """Board, Today, dashboard and calendar in one theme."""
    apply_theme(app, theme)
    settings = Settings(QSettings(str(work / f"insights-{theme}.ini"),
                                  QSettings.Format.IniFormat))
    tracker = Tracker.open(sample(work / "insights.db"))
    window = MainWindow(tracker, settings)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    pages = {name: window.view(name) for name in ("board", "today", "dashboard", "calendar")}
    board, today, dashboard = pages["board"], pages["today"], pages["dashboard"]
    assert isinstance(board, BoardView) and isinstance(today, TodayView)
    assert isinstance(dashboard, DashboardView)
    for name, page in pages.items():
        started = time.monotonic()
        window.sidebar.setCurrentRow(window.pages.indexOf(page))
        if page is dashboard:
            _settle(app, lambda: dashboard.data is not None)
        else:
            _settle(app)
        print(f"{name}: shown in {time.monotonic() - started:.2f} s")
        if page is board:
            applied = board.column_of("Applied")
            if applied is not None and applied.model.rowCount():
                board.select_id(applied.model.application(0).id)
                _settle(app)
        if page is today:
            today.select_first("interview")
            _settle(app)
        path = out / f"{name}-{theme}.png"
        window.grab().save(str(path))
        print(path)
        if page is dashboard:  # the charts below the fold
            bar = dashboard.area.verticalScrollBar()
            bar.setValue(bar.maximum())
            _settle(app)
            path = out / f"dashboard-charts-{theme}.png"
            window.grab().save(str(path))
            print(path)
            bar.setValue(0)
    dashboard.sankey_chart.save(out / f"sankey-{theme}.svg")
    window.close()
    tracker.close()
    # Delete the window now, not at interpreter exit (PySide's late teardown can crash).
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
