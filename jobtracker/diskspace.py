"""Running out of room: recognising a full disk (or quota, or size limit), saying so plainly."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

# EDQUOT is a full quota; EFBIG a file-size limit (RLIMIT_FSIZE): no room either way.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def no_room(error: BaseException) -> BaseException | None:
    """The "no room left" failure behind ``error``, if that is what it is.

    SQLite says SQLITE_FULL ("database or disk is full"), SQLAlchemy wraps it (``orig``),
    a write says ENOSPC, EDQUOT or EFBIG; each may sit in the chain of causes.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for candidate in (current, getattr(current, "orig", None)):
            if isinstance(candidate, OSError) and candidate.errno in _NO_ROOM:
                return candidate
            if type(candidate).__module__ == "sqlite3" and (
                    getattr(candidate, "sqlite_errorname", None) == "SQLITE_FULL"
                    or "database or disk is full" in str(candidate)):
                return candidate
        current = current.__cause__ or (None if current.__suppress_context__
                                        else current.__context__)
    return None


def full_folder(full: BaseException, database: Path | None) -> Path | None:
    """The folder on the full disk, when known.

    That of the file that could not be written; for SQLite's own writes (which name no
    file) the database's folder; else None.
    """
    filename = getattr(full, "filename", None)
    if isinstance(filename, str | bytes | os.PathLike) and filename:
        return Path(os.fsdecode(filename)).expanduser().absolute().parent
    return None if isinstance(full, OSError) else database


def free_space(folder: Path) -> str:
    """The room left on the disk holding ``folder``, e.g. "0.3 MB" or "1,024 MB"."""
    for place in (folder, *folder.parents):
        try:
            free = shutil.disk_usage(place).free
        except OSError:
            continue
        return f"{free / 1e6:.1f} MB" if free < 10e6 else f"{free / 1e6:,.0f} MB"
    return "no room"


def full_message(full: BaseException, folder: Path | None) -> str:
    """One plain sentence: which disk is full, how much is free, and that nothing changed."""
    if folder is None:
        return "the disk is full; nothing was changed"
    if getattr(full, "errno", None) == errno.EFBIG:
        problem = "takes no file this large (a file-size limit)"
    else:
        problem = f"is full ({free_space(folder)} free)"
    return f"the disk holding {folder} {problem}; nothing was changed"
