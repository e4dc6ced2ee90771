"""Where JobTracker keeps its files: the database, attached documents, backups, logs."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import PlatformDirs

from jobtracker import APP_NAME

DB_ENV_VAR = "JOBTRACKER_DB"
_DIRS = PlatformDirs(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``JOBTRACKER_DB`` names one."""
    return Path(_DIRS.user_data_dir) / "jobtracker.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins over ``JOBTRACKER_DB``, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def db_path_is_chosen(explicit: str | os.PathLike[str] | None) -> bool:
    """Whether ``--db`` or ``JOBTRACKER_DB`` names the database (not the default location).

    Only the default location gets its folders created: a chosen path whose folder is
    missing is most likely mistyped, and a new empty file there would look like lost data.
    """
    return bool(explicit or os.environ.get(DB_ENV_VAR))


def documents_dir(db_path: Path) -> Path:
    """Attached files live beside their database so a copied folder stays whole."""
    return db_path.parent / f"{db_path.stem}-documents"


def backups_dir(db_path: Path) -> Path:
    """Where copies of the database go: before migrations, daily, manual, and damaged files kept."""
    return db_path.parent / f"{db_path.stem}-backups"


def log_dir() -> Path:
    """Where unexpected errors are written in full, since the user only sees one line."""
    return Path(_DIRS.user_log_dir)



# What SQLite (write-ahead log, shared memory, rollback journal) and the app (its lock file)
# keep beside a database: writing over any of them damages or unlocks it.
_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


def database_files(db_path: Path) -> list[Path]:
    """The database file and what SQLite and the app keep beside it."""
    names = {db_path.expanduser().absolute()}
    with contextlib.suppress(OSError, RuntimeError):
        names.add(db_path.expanduser().resolve())  # SQLite keeps its -wal beside the real file
    return [path.with_name(path.name + suffix) for path in sorted(names)
            for suffix in ("", *_COMPANIONS)]


def database_file_named(target: Path, db_path: Path) -> Path | None:
    """Which of ``db_path``'s files ``target`` is, or None.

    By name, through symbolic links, or as another name for the same file (same device and
    inode: a hard link, a case-insensitive file system, a bind mount).
    """
    target = target.expanduser()
    candidates = {target.absolute()}
    try:
        candidates.add(target.resolve())
        facts = target.stat()  # follows symlinks: a link to the database is the database
    except (OSError, RuntimeError):
        facts = None
    for own in database_files(db_path):
        if own in candidates:
            return own
        if facts is not None:
            try:
                theirs = own.stat()
            except OSError:
                continue
            if (theirs.st_dev, theirs.st_ino) == (facts.st_dev, facts.st_ino):
                return own
    return None


def refuse_database_target(target: Path, db_path: Path) -> None:
    """Refuse to write ``target`` when it is the database or one of its files.

    Opening it for writing would empty the user's whole search before a byte of the export
    exists, so this runs before anything is opened.
    """
    own = database_file_named(target, db_path)
    if own is None:
        return
    from jobtracker.errors import JobTrackerError

    companion = next((s for s in _COMPANIONS if own.name.endswith(s)), None)
    what = f"the database's {companion} file" if companion else "the database"
    raise JobTrackerError(f"{target} is {what} ({own}); choose another file. Nothing was "
                          "written")
