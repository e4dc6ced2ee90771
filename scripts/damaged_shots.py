"""Screenshots of a damaged database: the banner with the restore button, light and dark."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jobtracker import file_backups
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.startup_backup import backup_when_painted
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.theme import apply_theme

SIZE = (1280, 800)  # the window's default size


def _scribble_over_a_page(path: Path, table: str) -> None:
    """Overwrite the first leaf page of ``table``, as a bad sector would."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        page = con.execute("SELECT min(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'",
                           (table,)).fetchone()[0]
    finally:
        con.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write(b"\xa5" * 64)


def shoot_damaged(app: QApplication, theme: str, out: Path, work: Path) -> None:
    """The main window over a damaged file, once its check has run after the first paint."""
    apply_theme(app, theme)
    path = work / f"damaged-{theme}.db"
    with Tracker.open(path) as tracker:
        for number in range(24):
            tracker.add_application(ApplicationInput(f"Backend Engineer {number + 1}",
                                                     ("Acme", "Globex", "Initech")[number % 3],
                                                     location="Berlin"))
        for number in range(30):  # notes over several pages, one of which is damaged
            tracker.add_note(1, f"Note {number}: " + "remember this. " * 40)
    file_backups.make_backup(path, now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=20))
    _scribble_over_a_page(path, "note")
    settings = Settings(QSettings(str(work / f"damaged-{theme}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Tracker.open(path), settings, home_path=path)
    window.resize(*SIZE)
    window.show()
    backup_when_painted(window, path, settings.backup_keep(),
                        status=window.statusBar().showMessage, damaged=window.show_damage,
                        warnings=window.tracker.db.warnings, warn=window.show_open_warning)
    window.update()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (
            getattr(window, "damage_banner", None) and window.damage_banner.isVisible()):
        app.processEvents()
        time.sleep(0.05)
    for _ in range(5):
        app.processEvents()
    target = out / f"damaged-database-{theme}.png"
    window.grab().save(str(target))
    print(target)
    window.close()
    window.tracker.close()
