"""Keeping data safe and getting it back: backup, backups, restore (trash or file), salvage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobtracker.cli.common import (
    PROG,
    UsageError,
    counted,
    db_path,
    open_tracker,
    positive,
    print_warnings,
)


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore an application from the trash, or the whole database from a backup file."""
    if args.id.isdigit():
        try:
            application_id = positive(args.id)
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"restore: {error}") from None
        with open_tracker(args) as tracker:
            tracker.restore_application(application_id)
        print(f"{application_id}: restored from the trash")
        return 0
    from jobtracker.dbfile import is_writable
    from jobtracker.errors import ReadOnlyDatabaseError
    from jobtracker.file_backups import restore_backup

    database = db_path(args).expanduser().absolute()
    if database.exists() and not is_writable(database):
        raise ReadOnlyDatabaseError(database)
    report = restore_backup(db_path(args), Path(args.id))
    from jobtracker.file_backups import _read_facts

    _, live = _read_facts(report.restored_from)  # a backup is read-only: counted as it is
    held = f" ({counted(live, 'application')}, trash aside)" if live is not None else ""
    print(f"restored {report.database} from {report.restored_from}{held}")
    if report.previous_copy is not None and report.previous_damaged:
        print(f"the damaged file is kept, as it was, in {report.previous_copy} ({PROG} "
              f"--db {report.previous_copy} salvage -o FILE copies what it can still read)")
    elif report.previous_copy is not None:
        print(f"the data from before the restore is kept in {report.previous_copy}")
    if report.migrates_on_open:
        print("the backup has an older schema; it is upgraded when next opened")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the database with SQLite's online backup API; prints the copy's path."""
    from jobtracker.file_backups import make_backup
    from jobtracker.health import wal_problem

    path = db_path(args).expanduser().resolve()
    print_warnings([w for w in (wal_problem(path),) if w])
    print(make_backup(path, Path(args.output) if args.output else None))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List the backups, newest first, each with the verdict of SQLite's check."""
    from jobtracker.file_backups import OK, list_backups

    # Checked lazily: a backup is checked (quick_check) once, its verdict then recorded.
    rows = list_backups(db_path(args), check=True)
    if not rows:
        print("no backups yet", file=sys.stderr)
    for row in rows:
        taken = row.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        count = "?" if row.applications is None else str(row.applications)
        verdict = "ok" if row.verdict == OK else "DAMAGED"
        print(f"{taken}  {row.kind:<11}  {row.size / 1024:>9,.0f} KiB  {count:>6} apps  "
              f"{verdict:<7}  {row.path}")
    return 0


def cmd_salvage(args: argparse.Namespace) -> int:
    """Copy every readable row of a damaged database into a new file."""
    from jobtracker.salvage import salvage

    path = db_path(args)
    report = salvage(path, Path(args.output))
    print(f"{counted(report.total, 'row')} salvaged from {path} into {report.output}")
    for table, stretches in sorted(report.damaged_stretches.items()):
        print(f"{PROG}: warning: {table}: {stretches} damaged stretch"
              f"{'es' if stretches > 1 else ''} could not be read", file=sys.stderr)
    for table, dropped in sorted(report.dropped.items()):
        print(f"{PROG}: warning: {table}: {counted(dropped, 'row')} dropped (unreadable, or "
              "what they belonged to was lost)", file=sys.stderr)
    print(f"check it with: {PROG} --db {report.output} list; then make it your database "
          f"with: {PROG} --db {path} restore {report.output}")
    return 0
