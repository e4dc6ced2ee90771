"""The check and daily backup the app runs once its window has painted, and again at exit."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from jobtracker.errors import DamagedDatabaseError, JobTrackerError
from jobtracker.file_backups import backup_if_due, refuse_if_damaged
from jobtracker.ui.widgets.background import run_in_background


class _FirstPaint(QObject):
    """Calls back once, after the window's first paint (so start-up is not slowed)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def check_and_back_up(path: Path, keep: int) -> Path | None:
    """SQLite's quick_check of the database, then today's daily backup if due (a worker's job)."""
    refuse_if_damaged(path)  # every start, not only when a backup is due
    return backup_if_due(path, keep=keep)


def backup_when_painted(window: QWidget, path: Path, keep: int, *,
                        status: Callable[[str, int], object],
                        damaged: Callable[[DamagedDatabaseError], object],
                        warnings: Iterable[str] = (),
                        warn: Callable[[str], object] = lambda _text: None) -> None:
    """Once ``window`` has painted: check the database at ``path`` and back it up, in a worker.

    ``status(text, milliseconds)`` tells how the backup went; a damaged file goes to
    ``damaged`` (the window refuses writes); ``warnings`` found on opening (a -wal cut
    short) go to ``warn`` first. ``keep``: how many daily backups to keep.
    """
    def done(made: object) -> None:
        if isinstance(made, Path):
            status(QCoreApplication.translate("StartupBackup", "Today's backup is in %1")
                   .replace("%1", str(made.parent)), 5000)

    def failed(error: BaseException) -> None:
        if isinstance(error, DamagedDatabaseError):
            damaged(error)
            return
        status(QCoreApplication.translate("StartupBackup", "The daily backup failed: %1")
               .replace("%1", str(error)), 15000)

    def start() -> None:
        for warning in warnings:
            warn(warning)
        run_in_background(lambda: check_and_back_up(path, keep), done, failed)

    _FirstPaint(window, start)


def backup_at_close(db_path: Path, keep: int) -> Path | None:
    """The daily backup at exit, when none was taken today (quick to skip, so on this thread)."""
    try:
        return backup_if_due(db_path, keep=keep)
    except (JobTrackerError, OSError, sqlite3.Error) as error:
        # The app is closing: say it on stderr, never block the exit with a dialog.
        print(f"jobtracker: the daily backup failed: {error}", file=sys.stderr)
        return None
