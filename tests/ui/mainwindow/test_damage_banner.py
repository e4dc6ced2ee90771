"""A damaged database in the window: the banner after the first paint, refused writes, restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from jobtracker import file_backups, health
from jobtracker.errors import DamagedDatabaseError
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.startup_backup import backup_when_painted
from jobtracker.ui.settings import Settings
from tests.db_files import corrupt, db_with, db_with_many
from tests.db_files import titles as file_titles
from tests.ui.helpers import titles

DAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def _check_after_paint(window: MainWindow) -> None:
    """What the app does once its window shows: check (and back up) in a worker."""
    backup_when_painted(window, window.home_path, window.settings.backup_keep(),
                        status=window.statusBar().showMessage, damaged=window.show_damage,
                        warnings=window.tracker.db.warnings, warn=window.show_open_warning)
    window.update()  # the check waits for a paint


def test_a_damaged_file_gets_the_banner_refuses_writes_and_restores(
        make_window, db_path: Path, migrated_template: Path, qtbot: QtBot):  # type: ignore[no-untyped-def]
    db_with(db_path, migrated_template, "Kept")
    with Tracker.open(db_path) as tracker:
        for number in range(30):  # notes over several pages, not read to show the window
            tracker.add_note(1, f"Note {number}: " + "remember this. " * 40)
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path, "note")
    window: MainWindow = make_window(db_path)
    assert titles(window) == ["Kept"]
    _check_after_paint(window)
    qtbot.waitUntil(lambda: getattr(window, "damage_banner", None) is not None
                    and window.damage_banner.isVisible(), timeout=15_000)
    banner = window.damage_banner
    text = banner.label.text()
    assert f"{db_path} is damaged (quick_check: " in text and str(good) in text
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert banner.restore_button.isVisible() and not banner.dismiss_button.isVisible()
    # Writes are refused: greyed out in the window, and by the core whatever the path.
    assert not window.new_action.isEnabled() and not window.detail.isEnabled()
    with pytest.raises(DamagedDatabaseError):
        window.editor.add_application(ApplicationInput("Not saved", "Acme"))
    assert [row.kind for row in file_backups.list_backups(db_path)] == ["manual"]  # no daily copy
    # Another file (the sample data) is writable; back on the damaged one, writes are refused.
    other = db_with(db_path.with_name("jobtracker-demo.db"), migrated_template, "Sample")
    window.switch_database(other)
    assert window.new_action.isEnabled() and banner.isVisible()
    window.leave_demo()
    assert not window.new_action.isEnabled()
    with pytest.raises(DamagedDatabaseError):
        window.editor.add_application(ApplicationInput("Not saved either", "Acme"))
    window.switch_database(other)  # the restore goes to the user's own file from anywhere

    qtbot.mouseClick(banner.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert window.tracker.db.path == db_path and file_titles(other) == ["Sample"]
    [kept] = [row for row in file_backups.list_backups(db_path) if row.kind == "damaged"]
    assert health.check(kept.path) is not None  # the damaged file, set aside as it was
    assert health.check(db_path) is None
    assert window.new_action.isEnabled() and window.detail.isEnabled()
    window.editor.add_application(ApplicationInput("Saved again", "Acme"))
    window.refresh()
    assert sorted(titles(window)) == ["Kept", "Saved again"]
    # Preferences ▸ Backups tells the set-aside damaged file from the backups.
    dialog = window.open_preferences()
    dialog.ui.tabs.setCurrentIndex(dialog.backups_tab_index)
    tree = dialog.backups_page.ui.backupsTree
    kinds = [tree.topLevelItem(row).text(1)  # type: ignore[union-attr]
             for row in range(tree.topLevelItemCount())]
    assert kinds == ["Damaged file, set aside", "Manual"]
    dialog.reject()


def test_a_file_too_damaged_to_show_is_offered_its_backup_at_start(
        db_path: Path, migrated_template: Path, settings: Settings, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch):
    from jobtracker.ui.mainwindow import app, damage_banner

    db_with_many(db_path, migrated_template)
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)  # the applications the window lists first
    offered: list[DamagedDatabaseError] = []

    def decline(error: DamagedDatabaseError) -> Path | None:
        offered.append(error)
        return None

    monkeypatch.setattr(damage_banner, "ask_to_restore", decline)
    assert app._open_window(db_path, settings) is None
    assert offered[0].backup == good and f"{db_path} is damaged" in str(offered[0])
    assert health.check(db_path) is not None  # declined: nothing changed

    monkeypatch.setattr(damage_banner, "ask_to_restore", lambda error: error.backup)
    window = app._open_window(db_path, settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert len(titles(window)) == 40 and health.check(db_path) is None
        assert [row.kind for row in file_backups.list_backups(db_path)] == ["damaged", "manual"]
    finally:
        window.tracker.close()


def test_a_wal_cut_short_gets_a_warning_that_refuses_nothing(
        make_window, db_path: Path, migrated_template: Path, qtbot: QtBot):  # type: ignore[no-untyped-def]
    db_with(db_path, migrated_template, "Checkpointed")
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE application SET title = 'Only in the WAL'")
    main, wal = db_path.read_bytes(), Path(f"{db_path}-wal").read_bytes()
    writer.close()
    db_path.write_bytes(main)
    Path(f"{db_path}-wal").write_bytes(wal[:-1000])
    window: MainWindow = make_window(db_path)
    _check_after_paint(window)
    qtbot.waitUntil(lambda: getattr(window, "damage_banner", None) is not None
                    and window.damage_banner.isVisible(), timeout=15_000)
    banner = window.damage_banner
    assert "cut short" in banner.label.text() and "sync tool" in banner.label.text()
    assert banner.dismiss_button.isVisible() and not banner.restore_button.isVisible()
    assert window.new_action.isEnabled()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    # The daily backup of the (sound) file still runs.
    qtbot.waitUntil(lambda: any(row.kind == "daily" for row in file_backups.list_backups(db_path)),
                    timeout=15_000)
