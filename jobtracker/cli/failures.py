"""A failed command as one plain line on standard error, the unexpected ones logged in full."""

from __future__ import annotations

import argparse
import contextlib
import sys

from jobtracker import __version__
from jobtracker.cli.common import PROG, db_path


def plain_damage(error: Exception, args: argparse.Namespace) -> Exception:
    """A corruption error met while reading, as the one-line damaged-file message."""
    from jobtracker.errors import DamagedDatabaseError
    from jobtracker.file_backups import BackupError
    from jobtracker.health import is_corruption

    if isinstance(error, BackupError | DamagedDatabaseError) or args.command == "salvage":
        return error  # already says which file and what to do
    if not is_corruption(error):
        return error
    try:
        from jobtracker import health
        from jobtracker.file_backups import damaged_by, damaged_error

        path = db_path(args).expanduser().resolve()
        if not damaged_by(path, error):
            return error  # never a JobTracker database: "not a JobTracker database" says it
        cause = error.__cause__ if isinstance(error.__cause__, Exception) else error
        problem = health.check(path) or str(getattr(cause, "orig", None) or cause)
        return damaged_error(path, problem, "nothing was changed")
    except Exception:  # the original error is still a plain line
        return error


def report_failure(error: Exception, args: argparse.Namespace | None = None) -> int:
    """Say ``error`` in one line on standard error; the unexpected ones go to the log in full."""
    from jobtracker.diskspace import full_folder, full_message, no_room
    from jobtracker.errors import JobTrackerError

    full = no_room(error)
    if full is not None:
        # The database's folder for SQLite's own writes; the file's for everything else.
        database = None
        if args is not None:
            with contextlib.suppress(Exception):  # without it the message still holds
                database = db_path(args).expanduser().absolute().parent
        print(f"{PROG}: error: {full_message(full, full_folder(full, database))}",
              file=sys.stderr)
        return 1
    if isinstance(error, JobTrackerError):
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    if isinstance(error, OSError):
        name = f"{error.filename}: " if error.filename else ""
        print(f"{PROG}: error: {name}{error.strerror or error}", file=sys.stderr)
        return 1
    import logging

    from jobtracker.logs import configure_logging, exception_message

    log = configure_logging()
    logging.getLogger("jobtracker.cli").error("unexpected error (jobtracker %s)", __version__,
                                              exc_info=error)
    # The message goes through the log's redaction too: it may quote the user's data.
    print(f"{PROG}: unexpected error: {type(error).__name__}: {exception_message(error)}"
          + (f" (details in {log})" if log.exists() else ""), file=sys.stderr)
    return 1
