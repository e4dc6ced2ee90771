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


def db_with_many(path: Path, migrated_template: Path, count: int = 40) -> Path:
    """A database whose applications (long descriptions) span several pages of the table."""
    shutil.copyfile(migrated_template, path)
    with Tracker.open(path) as tracker:
        for number in range(count):
            tracker.add_application(ApplicationInput(f"Job {number}", "Acme",
                                                     description="Write code. " * 60))
    return path


def corrupt(path: Path, table: str = "application") -> int:
    """Scribble over the first leaf page of ``table``, as a bad sector would.

    The table's root stays readable, so the file opens and a write that touches other
    pages succeeds; SQLite's ``quick_check`` reports the page every time. Returns its number.
    """
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        page = con.execute("SELECT min(pageno) FROM dbstat WHERE name = ? "
                           "AND pagetype = 'leaf'", (table,)).fetchone()[0]
    finally:
        con.close()
    assert page is not None, f"the {table} table needs rows over more than one page"
    with path.open("r+b") as handle:
        # Past the 8-byte page header: the cell pointers and cells become garbage.
        handle.seek((page - 1) * page_size + 8)
        handle.write(b"\xa5" * (page_size - 8))
    return int(page)
