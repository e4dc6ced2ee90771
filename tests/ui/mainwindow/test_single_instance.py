"""One app per database, with real processes; CLI writes beside the open window stay whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jobtracker.app_lock import app_lock_holder, app_lock_path
from jobtracker.paths import backups_dir
from jobtracker.ui.mainwindow import app as app_module
from jobtracker.ui.mainwindow.single_instance import Claim, SingleInstance
from tests.ui.helpers import add_apps, titles

ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT_MS = 60_000


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def _jobtracker(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "jobtracker", "--db", str(db), *args]


@pytest.fixture
def first_app(db_path: Path, qtbot: QtBot) -> Iterator[subprocess.Popen[bytes]]:
    """The real app running on ``db_path``, once its window has been painted."""
    process = subprocess.Popen(_jobtracker(db_path), env=_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        # The daily backup starts after the first paint: then the event loop is running.
        qtbot.waitUntil(lambda: process.poll() is not None or any(
            backups_dir(db_path).glob("*.daily.*.db")), timeout=START_TIMEOUT_MS)
        assert process.poll() is None, "the first instance did not start"
        assert app_lock_holder(db_path) == process.pid
        yield process
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGCONT)
            process.kill()
        process.wait()


def test_a_second_start_raises_the_first_window_and_exits_0(first_app, db_path: Path):
    second = subprocess.run(_jobtracker(db_path), env=_env(), capture_output=True, text=True,
                            timeout=120)
    assert second.returncode == 0
    assert f"already open on {db_path}" in second.stderr
    assert "brought to the front" in second.stderr
    assert first_app.poll() is None  # the first one carries on


def test_another_database_is_an_independent_instance(first_app, tmp_path: Path):
    other = SingleInstance(tmp_path / "other.db")
    try:
        assert other.claim() is Claim.OWNER
        assert app_lock_holder(tmp_path / "other.db") == os.getpid()
    finally:
        other.release()


def test_a_stale_lock_from_a_killed_app_is_taken_over(first_app, db_path: Path):
    first_app.kill()
    first_app.wait()
    assert app_lock_path(db_path).exists()  # a kill leaves the file behind
    assert app_lock_holder(db_path) is None
    instance = SingleInstance(db_path)
    try:
        assert instance.claim() is Claim.OWNER
        assert app_lock_holder(db_path) == os.getpid()
    finally:
        instance.release()
    assert not app_lock_path(db_path).exists()


def test_a_first_app_that_does_not_answer_gets_a_clear_message_and_exit_1(
        first_app, db_path: Path, monkeypatch: pytest.MonkeyPatch):
    os.kill(first_app.pid, signal.SIGSTOP)  # alive and locking, but answering nothing
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, text: shown.append(text)))
    assert app_module.run(db_path, []) == 1
    assert shown and f"JobTracker is already open on {db_path}" in shown[0]
    assert str(first_app.pid) in shown[0]
    assert app_lock_holder(db_path) == first_app.pid  # its lock was not touched


def test_cli_writes_while_the_window_is_open_show_after_refresh(make_window, db_path: Path,
                                                                qtbot: QtBot):
    window = make_window(db_path)
    add_apps(window.tracker, ("Open in the app", "Acme"))
    window.refresh()
    writer = subprocess.Popen(_jobtracker(db_path, "add", "--title", "From the CLI",
                                          "--company", "Initech"),
                              env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    # The app writes too while the CLI runs: both wait their turn (WAL + busy timeout).
    add_apps(window.tracker, *[(f"App {n}", "Globex") for n in range(20)])
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    assert "From the CLI" not in titles(window)
    assert window.refresh_action in window.view_menu.actions()
    assert window.refresh_action.shortcut().toString() == "F5"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.applications.table, Qt.Key.Key_F5)
    assert "From the CLI" in titles(window)
    assert len(titles(window)) == 22
    assert out.strip().isdigit()


def test_cli_restore_is_refused_while_the_app_has_the_database_open(first_app, db_path: Path):
    copy = subprocess.run(_jobtracker(db_path, "backup"), env=_env(), capture_output=True,
                          text=True, timeout=120)
    assert copy.returncode == 0, copy.stderr
    before = db_path.read_bytes()
    refused = subprocess.run(_jobtracker(db_path, "restore", copy.stdout.strip()), env=_env(),
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1
    assert f"JobTracker is open on {db_path} (process {first_app.pid})" in refused.stderr
    assert "nothing was changed" in refused.stderr and "Traceback" not in refused.stderr
    assert db_path.read_bytes() == before
