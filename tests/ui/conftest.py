"""Qt fixtures: isolated QSettings, a tracker with a fixed clock, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from jobtracker.db import open_database
from jobtracker.importers import FetchOptions
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.app import make_application
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.settings import Settings

from .helpers import NOW, TODAY
from .loopback import LoopbackServer


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # "No Qt warnings": any Qt message of WARNING or worse fails the UI test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform says this for every top-level window it shows.
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def qt_app(qapp: object) -> object:
    """The QApplication set up as the real app does it (names, style, icon)."""
    make_application([])
    return qapp


@pytest.fixture
def open_ui_tracker() -> Iterator[object]:
    opened: list[Tracker] = []

    def open_tracker(path: Path) -> Tracker:
        tracker = Tracker(open_database(path), today=lambda: TODAY, now=lambda: NOW)
        opened.append(tracker)
        return tracker

    yield open_tracker
    for tracker in opened:
        tracker.close()


@pytest.fixture
def ui_tracker(db_path: Path, open_ui_tracker) -> Tracker:  # type: ignore[no-untyped-def]
    return open_ui_tracker(db_path)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> Settings:
    return Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path, open_ui_tracker):  # type: ignore[no-untyped-def]
    """Build a main window over the database at a path, like a start of the app."""
    def make(path: Path) -> MainWindow:
        tracker = open_ui_tracker(path)
        window = MainWindow(tracker, Settings(QSettings(str(settings_path),
                                                        QSettings.Format.IniFormat)),
                            today=lambda: TODAY, open_tracker=open_ui_tracker, home_path=path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, db_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(db_path)


@pytest.fixture
def loopback(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1; at teardown every stall ends and no worker outlives it."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = LoopbackServer()
    yield server
    server.release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000), "a fetch outlived its test"
    qtbot.wait(10)  # deliver the workers' last (ignored) reports while the widgets still exist
    server.close()


@pytest.fixture
def fetch_window(window: MainWindow) -> MainWindow:
    """The main window with short network limits, so a broken test fails fast."""
    window.set_fetch_options(FetchOptions(connect_timeout=2, read_timeout=8, deadline=10,
                                          retries=0))
    return window
