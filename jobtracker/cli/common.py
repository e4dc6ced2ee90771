"""What the command modules share: usage errors, argument types, the tracker, output."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from jobtracker.tracker import Tracker

PROG = "jobtracker"


class UsageError(Exception):
    """A command-line mistake found after parsing; exits 2 like argparse's own."""


# -- argument types --------------------------------------------------------------------------


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-03") from None


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than zero")
    return value


def priority(text: str) -> int:
    value = positive(text)
    if value > 5:
        raise argparse.ArgumentTypeError("priority is from 1 (low) to 5 (high)")
    return value


def iso_datetime(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time like '2026-12-01 14:30'") from None


_FOLDS = {"0": 0, "earlier": 0, "1": 1, "later": 1}


def fold_choice(text: str) -> int:
    try:
        return _FOLDS[text.strip().casefold()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"{text!r} is not earlier, later, 0 or 1") from None


# -- the database ----------------------------------------------------------------------------


def db_path(args: argparse.Namespace) -> Path:
    """The database file the command line names (--db, $JOBTRACKER_DB, else the default)."""
    from jobtracker.paths import resolve_db_path

    return resolve_db_path(args.db)


# Commands that only read the database: they skip the check before writing (a damaged
# file they meet is reported by failures.plain_damage). Every other command may write.
_READ_ONLY = frozenset({"list", "show", "stats", "export", "backups"})


def open_tracker(args: argparse.Namespace) -> Tracker:
    """The tracker on the command's database, checked first when the command may write."""
    from jobtracker.dbfile import is_writable
    from jobtracker.errors import ReadOnlyDatabaseError
    from jobtracker.paths import db_path_is_chosen
    from jobtracker.tracker import Tracker

    path = db_path(args)
    # A group's list subcommand (contact list, ...) says it reads only by read_only=True.
    reads = (getattr(args, "command", None) in _READ_ONLY
             or getattr(args, "read_only", False))
    if not reads and is_writable(path.expanduser().absolute()):
        # quick_check before any write: 0.12 s at 50,000 applications (an `add` takes
        # 0.8 s), and writing into a damaged file spreads the damage and hides it.
        from jobtracker.file_backups import refuse_if_damaged

        refuse_if_damaged(path)
    # Reading never creates a database (a missing file is a mistyped path, not an empty
    # search); writing may start one in an existing folder, and only the default location
    # gets its folders made.
    tracker = Tracker.open(path, create=not reads, make_folder=not db_path_is_chosen(args.db))
    if not reads and tracker.db.read_only:
        # Opened first, so a read-only file that is not a usable database says that instead.
        tracker.close()
        raise ReadOnlyDatabaseError(tracker.db.path)
    print_warnings(tracker.db.warnings)
    return tracker


# -- output ----------------------------------------------------------------------------------


def print_warnings(warnings: Sequence[str]) -> None:
    """Each warning as a ``jobtracker: warning:`` line on standard error."""
    for warning in warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``1 application``, ``2 applications``: the number with its noun in the right form."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


@contextlib.contextmanager
def open_output(path: str | None, *, newline: str | None = None) -> Iterator[TextIO]:
    """An output stream: the file, written whole or not at all, or standard output.

    On any failure (a full disk, an error while exporting, Ctrl+C) no partial file is left
    and an existing file of that name is left as it was.
    """
    if path is None or path == "-":
        if newline == "":
            sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
        try:
            yield sys.stdout
            sys.stdout.flush()
        except OSError as error:
            if not error.filename:
                error.filename = _stdout_file()  # `> FILE` onto a full disk: say which
            raise
        return
    from jobtracker.exchange.whole_file import whole_text_file

    with whole_text_file(Path(path), newline=newline) as handle:
        yield handle


def _stdout_file() -> str | None:
    """The file standard output was redirected to, where the system tells (Linux)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        target = Path(f"/proc/self/fd/{sys.stdout.fileno()}").readlink()
        if target.is_absolute():  # not a pipe or a terminal ("pipe:[1234]")
            return str(target)
    return None


# -- asking ----------------------------------------------------------------------------------


def confirm(question: str, *, yes: bool, flag_hint: str) -> None:
    """Ask ``question`` on a terminal unless ``yes``; refuse without one.

    Without a terminal nobody can answer, so the command refuses as a usage error
    (exit 2) naming --yes: a script must say it means it. "No" on a terminal
    changes nothing and exits 1.
    """
    from jobtracker.errors import JobTrackerError

    if yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(f"{flag_hint}; add --yes to confirm (no terminal to ask on)")
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().casefold()
    if answer not in ("y", "yes"):
        raise JobTrackerError("nothing deleted")
