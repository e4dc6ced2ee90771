"""The check and daily backup after the first paint, told through callbacks (no window needed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from jobtracker import file_backups
from jobtracker.errors import DamagedDatabaseError
from jobtracker.ui.mainwindow.startup_backup import backup_when_painted


def test_the_backup_waits_for_the_first_paint_then_says_where_it_went(
        qtbot: QtBot, db_path: Path, migrated_template: Path) -> None:
    shutil.copyfile(migrated_template, db_path)
    widget = QWidget()
    qtbot.addWidget(widget)
    said: list[tuple[str, int]] = []
    damaged: list[DamagedDatabaseError] = []
    warned: list[str] = []
    backup_when_painted(widget, db_path, 3, status=lambda text, ms: said.append((text, ms)),
                        damaged=damaged.append, warnings=("a -wal cut short",),
                        warn=warned.append)
    qtbot.wait(50)
    assert said == [] and warned == []  # nothing before the widget paints
    widget.show()
    qtbot.waitUntil(lambda: bool(said), timeout=15_000)
    [daily] = [row for row in file_backups.list_backups(db_path) if row.kind == "daily"]
    assert said == [(f"Today's backup is in {daily.path.parent}", 5000)]
    assert warned == ["a -wal cut short"] and damaged == []
