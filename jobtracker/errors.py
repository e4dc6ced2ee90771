"""Exceptions whose message is meant for the user, shown as one plain line."""

from __future__ import annotations

from pathlib import Path


class JobTrackerError(Exception):
    """A failure the user can act on; ``str(error)`` is the whole message."""


class NotFoundError(JobTrackerError):
    """An id or name that names nothing in the database."""


class ValidationError(JobTrackerError):
    """A value refused by a use case; ``field`` names what was wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class UnknownStageError(ValidationError):
    """A stage name that names no stage: on the command line, a usage error."""


class DatabaseOpenError(JobTrackerError):
    """The database file cannot be opened (newer schema, not a database, ...)."""


class InputFileError(JobTrackerError):
    """A file to import is malformed; names the row and column when known."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)
        self.row = row
        self.column = column
        self.reason = message


class DamagedDatabaseError(DatabaseOpenError):
    """The database file fails SQLite's check; nothing is written to it.

    The message names the file, the problem, the newest backup that passes the
    check and the command that restores it (or salvage, when there is none).
    """

    def __init__(self, message: str, *, path: Path | None = None, problem: str = "",
                 backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem
        self.backup = backup  # the newest backup that passes the check, if any


class ReadOnlyDatabaseError(DatabaseOpenError):
    """The database file (or its folder, or its disk) cannot be written; it is only read."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is read-only; nothing was changed")
        self.path = path
