"""Small readers of database files for tests that check a file from outside the app."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from jobtracker.tracker import ApplicationInput, Tracker


def db_with(path: Path, migrated_template: Path, *titles: str) -> Path:
    """A database at ``path`` holding one application per title (company Acme)."""
    shutil.copyfile(migrated_template, path)
    with Tracker.open(path) as tracker:
        for title in titles:
            tracker.add_application(ApplicationInput(title, "Acme"))
    return path


def titles(path: Path) -> list[str]:
    """The applications' titles in id order, read with plain sqlite3."""
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT title FROM application ORDER BY id")]
    finally:
        con.close()


def integrity(path: Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when whole)."""
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()
