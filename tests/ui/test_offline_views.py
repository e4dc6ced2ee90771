"""The window stays offline: every sidebar view, detail tab and dialog, with sockets guarded.

tests/integration/test_offline.py does the same to whole processes.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from jobtracker.demo import populate
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.main_window import MainWindow

from .loopback import LoopbackServer

INET = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to reach a network from this process, recorded and refused.

    AF_UNIX sockets stay allowed: Qt and the keyring use them for D-Bus, not a network.
    """
    attempts: list[str] = []

    def refuse(what: str, target: object) -> OSError:
        attempts.append(f"{what} {target!r}")
        return OSError(101, f"network blocked by the offline test ({what})")

    def guard_method(name: str) -> None:
        original: Callable[..., Any] = getattr(socket.socket, name)

        def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
            if self.family in INET:
                raise refuse(f"socket.{name}", args[-1] if args else None)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(socket.socket, name, guarded)

    def guard_function(name: str) -> None:
        def guarded(*args: Any, **_kwargs: Any) -> Any:
            raise refuse(f"socket.{name}", args[0] if args else None)

        monkeypatch.setattr(socket, name, guarded)

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        guard_method(name)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr"):
        guard_function(name)
    return attempts


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let background loads finish and the window paint what it shows."""
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(10)
    assert not window.grab().isNull()


def test_every_view_tab_and_dialog_makes_no_network_call(
        qtbot: QtBot, make_window: Callable[[Path], MainWindow], db_path: Path,
        network_attempts: list[str]) -> None:
    with Tracker.open(db_path) as tracker:
        populate(tracker, 40, seed=3)
    window = make_window(db_path)
    settle(qtbot, window)

    views = []
    for row in range(window.sidebar.count()):  # a view added later is visited too
        window.sidebar.setCurrentRow(row)
        views.append(window.current_view())
        settle(qtbot, window)
    assert {"applications", "board", "today", "dashboard", "calendar", "contacts",
            "trash"} <= set(views)

    window.show_view("applications")
    model = window.applications.model
    assert model.rowCount() > 0
    assert window.applications.select_id(model.application(0).id)
    tabs = window.detail.ui.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot, window)
    assert tabs.count() >= 4  # details, activity (timeline to notes), contacts, posting

    preferences = window.open_preferences()
    qtbot.waitExposed(preferences)
    settle(qtbot, window)
    preferences.reject()
    dialog = window.new_application()
    qtbot.waitExposed(dialog)
    settle(qtbot, window)
    dialog.reject()

    assert network_attempts == []


def test_the_guard_sees_the_one_call_the_user_asked_for(
        qtbot: QtBot, fetch_window: MainWindow, loopback: LoopbackServer,
        network_attempts: list[str]) -> None:
    """The positive control: importing from a URL does reach for the network; the guard
    records it and stops it before the server on 127.0.0.1 gets the request."""
    url = loopback.page("/posting", "<html><title>Engineer</title></html>")
    fetch_window.import_from_url(url, start=True)
    qtbot.waitUntil(lambda: bool(network_attempts), timeout=10_000)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert loopback.hits == {}
