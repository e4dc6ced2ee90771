"""What every command checks before it runs: the database's folder and any -o target."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path

from jobtracker.cli.common import db_path


def refuse_output_onto_database(args: argparse.Namespace) -> None:
    """Every command that writes a file (-o) refuses the database or its files as the target.

    Checked before the command runs, so nothing is read, opened or written first.
    """
    output = getattr(args, "output", None)
    if output and output != "-":
        from jobtracker.paths import refuse_database_target

        refuse_database_target(Path(output), db_path(args))


def refuse_missing_db_folder(args: argparse.Namespace) -> None:
    """A chosen database (--db, JOBTRACKER_DB) in a folder that does not exist is a typo.

    Every command refuses it, reading or writing: creating the folders and an empty
    database there would answer "No applications." as if the search were lost.
    """
    from jobtracker.paths import db_path_is_chosen

    if not db_path_is_chosen(args.db):
        return  # the default location: its folders are created, as on a first run
    from jobtracker.dbfile import refuse_missing_folder  # no SQLAlchemy: export csv is fast

    refuse_missing_folder(db_path(args))


def check_output_folder(args: argparse.Namespace) -> None:
    """An -o target is a file name in a folder that exists and may be written.

    Checked before anything is read or written, and worded with the user's own names:
    the hidden partial file written first is ours, not theirs.
    """
    output = getattr(args, "output", None)
    if not output or output == "-":
        return
    from jobtracker.errors import JobTrackerError

    target = Path(output).expanduser().absolute()
    if target.is_dir():
        if args.command != "backup":  # backup -o FOLDER names the copy itself
            raise JobTrackerError(f"{output} is a folder; give a file name")
        folder = target
    else:
        folder = target.parent
        if not folder.is_dir():
            raise JobTrackerError(f"no folder {folder} for {output}; check the path (nothing "
                                  "was created)")
    if not os.access(folder, os.W_OK):
        read_only = False
        with contextlib.suppress(OSError, AttributeError):  # no statvfs on Windows
            read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        raise JobTrackerError(f"cannot write {folder}: "
                              + ("read-only file system" if read_only else "permission denied")
                              + " (nothing was written)")
