"""Where JobTracker keeps its files: the database, attached documents, backups, logs."""

from __future__ import annotations

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


def documents_dir(db_path: Path) -> Path:
    """Attached files live beside their database so a copied folder stays whole."""
    return db_path.parent / f"{db_path.stem}-documents"


def backups_dir(db_path: Path) -> Path:
    """Backups taken before migrations (and later, the rolling daily ones)."""
    return db_path.parent / f"{db_path.stem}-backups"


def log_dir() -> Path:
    """Where unexpected errors are written in full, since the user only sees one line."""
    return Path(_DIRS.user_log_dir)
