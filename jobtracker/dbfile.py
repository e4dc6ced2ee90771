"""The database file as the standard library sees it: its schema revision, the lock wait.

Separate from ``db`` (which loads SQLAlchemy) so that commands that only read an
up-to-date file, like ``export csv``, can check and read it without paying for SQLAlchemy.
"""

from __future__ import annotations

import os
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


SQLITE_HEADER = b"SQLite format 3\x00"


def head_bytes(path: Path) -> bytes:
    """The first 16 bytes of ``path`` (b"" when it is missing or empty).

    Read rather than trusting the size: /proc files say 0 bytes and hold text.
    """
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return b""
    except IsADirectoryError:
        raise DatabaseOpenError(f"{path} is a folder, not a database file") from None
    except OSError as error:
        raise DatabaseOpenError(f"cannot read {path}: {error.strerror or error}") from None


def is_writable(path: Path) -> bool:
    """Whether this process may change the database ``path``.

    The folder counts too: SQLite keeps its -wal and -shm beside the file. ``os.access``
    also sees a read-only mount and an immutable file (chattr +i), which bind root too.
    """
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK)


def refuse_missing_folder(path: Path) -> None:
    """Refuse a database path whose folder does not exist: most likely a typo."""
    path = path.expanduser().absolute()
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"no folder {path.parent} for the database {path}; check the "
                                "path (nothing was created)")


def _quiet(path: Path) -> bool:
    """No -wal or -journal with content beside ``path``: no writer is changing it now.

    In WAL mode (every JobTracker file) the main file only changes through a checkpoint of
    a -wal, and a rollback-mode writer keeps a -journal, so without either it is at rest.
    """
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size:
                return False
        except OSError:
            continue
    return True


def read_only_params(path: Path) -> dict[str, str]:
    """URI parameters that read ``path`` read-only, creating nothing beside it when at rest.

    ``immutable=1`` tells SQLite the file cannot change, so it takes no locks and needs no
    -shm: the only way to read a WAL file in a read-only folder. That is safe only while
    nobody writes it, so it is used only when no -wal or -journal says someone does; a
    read-only file or mount cannot be written by JobTracker (nor, mostly, by anyone) anyway.
    """
    params = {"mode": "ro"}
    if _quiet(path):
        params["immutable"] = "1"
    return params


def uri(path: Path, params: dict[str, str]) -> str:
    """A ``file:`` URI for ``path``; as_uri() escapes '?', '#' and '%' a plain one misreads."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.resolve().as_uri()}?{query}"


def read_revision(path: Path) -> str:
    """The schema revision stored in ``path`` (empty for a new or empty file), read-only.

    A file at rest is read as immutable, so a foreign SQLite file (another program's, in
    WAL mode) gets no -wal or -shm beside it from being looked at.
    """
    head = head_bytes(path)
    if not head:
        return NEW
    if head != SQLITE_HEADER:
        # Said before SQLite reads it (a text file, /proc/version); the cause lets a caller
        # that knows of backups call a JobTracker file overwritten like this damaged.
        raise DatabaseOpenError(f"{path} is not a JobTracker database (not an SQLite file); "
                                "nothing was changed") from sqlite3.DatabaseError(
                                    "file is not a database")
    try:
        return _read_revision(path, read_only_params(path))
    except DatabaseOpenError as error:
        if getattr(error.__cause__, "sqlite_errorname", None) not in _NEEDS_RECOVERY:
            raise
    # A process killed while writing (e.g. switching the file to WAL) left a hot
    # journal only a writer may roll back. Any SQLite client opening the file does
    # that first; it restores the last committed state and changes no data.
    return _read_revision(path, {"mode": "rw"})


def _read_revision(path: Path, params: dict[str, str]) -> str:
    try:
        con = sqlite3.connect(uri(path, params), uri=True)
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
