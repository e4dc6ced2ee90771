"""The database file as the standard library sees it: its schema revision, the lock wait.

Separate from ``db`` (which loads SQLAlchemy) so that commands that only read an
up-to-date file, like ``export csv``, can check and read it without paying for SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jobtracker.errors import DatabaseOpenError

# How long a connection waits for another writer (the app beside the CLI) before failing.
BUSY_TIMEOUT_MS = 10_000

NEW = ""  # revision of a file that holds no schema yet


# What a read-only connection says when a writer killed midway left a hot
# rollback journal or a WAL whose index must be rebuilt first.
_NEEDS_RECOVERY = frozenset({"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY",
                             "SQLITE_READONLY_CANTINIT"})


def read_revision(path: Path) -> str:
    """The schema revision stored in ``path`` (empty for a new or empty file), read-only."""
    if not path.exists() or path.stat().st_size == 0:
        return NEW
    try:
        return _read_revision(path, "ro")
    except DatabaseOpenError as error:
        if getattr(error.__cause__, "sqlite_errorname", None) not in _NEEDS_RECOVERY:
            raise
    # A process killed while writing (e.g. switching the file to WAL) left a hot
    # journal only a writer may roll back. Any SQLite client opening the file does
    # that first; it restores the last committed state and changes no data.
    return _read_revision(path, "rw")


def _read_revision(path: Path, mode: str) -> str:
    try:
        con = sqlite3.connect(f"file:{path}?mode={mode}", uri=True)
    except sqlite3.Error as error:
        raise DatabaseOpenError(f"cannot open {path}: {error}") from error
    try:
        tables = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseOpenError(
                    f"{path} is an SQLite file but not a JobTracker database; nothing was changed"
                )
            return NEW
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else NEW
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(f"{path} is not a JobTracker database ({error})") from error
    finally:
        con.close()
