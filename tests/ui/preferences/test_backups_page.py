"""The Backups page of Preferences: listing, back up now, keep-N, and restore through the window."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from jobtracker import file_backups
from jobtracker.paths import backups_dir
from jobtracker.ui.mainwindow import main_window as main_window_module
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.startup_backup import backup_at_close
from jobtracker.ui.preferences.backups_page import BackupsPage
from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog
from jobtracker.ui.settings import Settings
from tests.ui.helpers import add_apps, titles

DAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def _column(page: BackupsPage, column: int) -> list[str]:
    tree = page.ui.backupsTree
    return [tree.topLevelItem(row).text(column)  # type: ignore[union-attr]
            for row in range(tree.topLevelItemCount())]


def _open_backups(window: MainWindow) -> PreferencesDialog:
    dialog = window.open_preferences()
    dialog.ui.tabs.setCurrentIndex(dialog.backups_tab_index)
    return dialog


def _select(page: BackupsPage, path: Path) -> None:
    tree = page.ui.backupsTree
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None
        if item.data(0, Qt.ItemDataRole.UserRole) == str(path):
            tree.setCurrentItem(item)
            return
    raise AssertionError(f"{path} is not listed")


def _answer(qtbot: QtBot, page: BackupsPage, restore: bool) -> None:
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert "copy of your current data is kept first" in box.informativeText()
    button = next(b for b in box.buttons()
                  if (box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole) == restore)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_page_lists_backups_with_kind_size_and_count(window: MainWindow, db_path: Path,
                                                         qtbot: QtBot):
    add_apps(window.tracker, ("One", "Acme"), ("Two", "Globex"))
    file_backups.backup_if_due(db_path, now=DAY)
    file_backups.make_backup(db_path, now=DAY + dt.timedelta(hours=1))
    page = _open_backups(window).backups_page
    assert _column(page, 1) == ["Manual", "Daily"]
    assert _column(page, 3) == ["2", "2"]
    assert all(text.endswith(("KB", "KiB", "MB", "MiB")) for text in _column(page, 2))
    assert page.ui.restoreButton.isEnabled()


def test_back_up_now_adds_a_row_off_the_ui_thread(window: MainWindow, qtbot: QtBot):
    page = _open_backups(window).backups_page
    assert page.ui.backupsTree.topLevelItemCount() == 0
    assert not page.ui.restoreButton.isEnabled()
    qtbot.mouseClick(page.ui.backupNowButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.backupsTree.topLevelItemCount() == 1)
    assert page.ui.backupNowButton.isEnabled()
    assert "Backed up to" in page.ui.backupsStatus.text()
    assert _column(page, 1) == ["Manual"]


def test_keep_n_is_kept_on_ok_and_used_at_close(window: MainWindow, settings: Settings,
                                                db_path: Path, qtbot: QtBot):
    assert settings.backup_keep() == 14
    dialog = _open_backups(window)
    dialog.backups_page.ui.keepSpin.setValue(2)
    dialog.accept()
    assert window.settings.backup_keep() == 2
    for day in range(3):
        file_backups.backup_if_due(db_path, keep=14, now=DAY - dt.timedelta(days=day + 1))
    backup_at_close(db_path, window.settings.backup_keep())
    dailies = [row for row in file_backups.list_backups(db_path) if row.kind == "daily"]
    assert len(dailies) == 2  # today's, and the newest older one


def test_restore_through_preferences_reopens_the_window_on_the_backup(
        window: MainWindow, db_path: Path, qtbot: QtBot):
    add_apps(window.tracker, ("Kept in the backup", "Acme"))
    saved = file_backups.make_backup(db_path, now=DAY)
    add_apps(window.tracker, ("Added later", "Globex"))
    window.refresh()
    assert len(titles(window)) == 2
    dialog = _open_backups(window)
    page = dialog.backups_page
    _select(page, saved)

    # Cancel first: nothing happens.
    qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    _answer(qtbot, page, restore=False)
    assert len(titles(window)) == 2 and dialog.isVisible()

    qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    _answer(qtbot, page, restore=True)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert titles(window) == ["Kept in the backup"]
    assert "Restored the backup" in window.statusBar().currentMessage()
    [before] = [row for row in file_backups.list_backups(db_path) if row.kind == "pre-restore"]
    assert before.applications == 2
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    # The window works on the restored file: a new application lands in it.
    add_apps(window.tracker, ("After the restore", "Initech"))
    window.refresh()
    assert sorted(titles(window)) == ["After the restore", "Kept in the backup"]


def test_a_bad_backup_is_refused_and_the_window_keeps_its_data(
        window: MainWindow, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):
    add_apps(window.tracker, ("Safe", "Acme"))
    window.refresh()
    folder = backups_dir(db_path)
    folder.mkdir()
    bad = folder / "jobtracker.manual.2026-11-27T080000Z.db"
    bad.write_bytes(b"not a database " * 200)
    shown: list[str] = []
    monkeypatch.setattr(main_window_module.QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text: shown.append(text)))
    dialog = _open_backups(window)
    page = dialog.backups_page
    _select(page, bad)
    assert _column(page, 3) == ["?"]
    qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    _answer(qtbot, page, restore=True)
    assert shown and "not a JobTracker database" in shown[0]
    assert "nothing was changed" in shown[0]
    assert dialog.isVisible()
    assert titles(window) == ["Safe"]
    add_apps(window.tracker, ("Still writable", "Globex"))
    window.refresh()
    assert len(titles(window)) == 2
