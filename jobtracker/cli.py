"""The ``jobtracker`` command: no subcommand opens the app, subcommands work headless.

Imports are deferred into the commands so that ``jobtracker --version`` and
``--help`` load neither SQLAlchemy nor Qt nor requests.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from jobtracker import __version__
from jobtracker.errors import UnknownStageError

if TYPE_CHECKING:
    from jobtracker.tracker import ApplicationInput, Tracker
    from jobtracker.tracker.data_exchange import BackupImport

PROG = "jobtracker"
LIST_FORMATS = ("table", "csv", "json")
# What `edit --clear NAME` empties: every optional field of an application.
CLEARABLE = {
    "location": ("location",), "remote": ("remote",), "employment-type": ("employment_type",),
    "salary": ("salary_min", "salary_max", "salary_currency", "salary_period"),
    "url": ("url",), "source": ("source",), "applied": ("applied_on",),
    "follow-up": ("follow_up_on",), "description": ("description",), "tags": ("tags",),
}


class UsageError(Exception):
    """A command-line mistake found after parsing; exits 2 like argparse's own."""


# -- argument types --------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-03") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than zero")
    return value


def _priority(text: str) -> int:
    value = _positive(text)
    if value > 5:
        raise argparse.ArgumentTypeError("priority is from 1 (low) to 5 (high)")
    return value


def _datetime(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time like '2026-12-01 14:30'") from None


_FOLDS = {"0": 0, "earlier": 0, "1": 1, "later": 1}


def _fold(text: str) -> int:
    try:
        return _FOLDS[text.strip().casefold()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"{text!r} is not earlier, later, 0 or 1") from None


# -- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, kept in one place so ``--help`` is the reference."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="JobTracker: keep your whole job search in one private, offline file. "
                    "Without a command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: $JOBTRACKER_DB, else the per-user data "
                             "folder)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the desktop app on a temporary database (or --db), show "
                             "the window with its data, and exit: 0 when everything works")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add", help="add an application; prints its id")
    _application_options(add, required=True)
    add.set_defaults(run=cmd_add)

    edit = commands.add_parser("edit", help="change fields of an application")
    edit.add_argument("id", type=_positive)
    _application_options(edit, required=False)
    edit.set_defaults(run=cmd_edit)

    lst = commands.add_parser("list", help="list applications")
    lst.add_argument("--stage", action="append", default=[], help="only this stage (repeatable)")
    lst.add_argument("--search", default="", help="full-text search (title, company, location, "
                                                  "notes, description, tags): every word, as "
                                                  "a prefix; C++, C#, .NET as written")
    lst.add_argument("--tag", help="only applications with this tag")
    state = lst.add_mutually_exclusive_group()
    state.add_argument("--open", action="store_true", help="only applications still open")
    state.add_argument("--closed", action="store_true", help="only finished applications")
    state.add_argument("--trash", action="store_true", help="the trash instead")
    lst.add_argument("--sort", default="last_change",
                     choices=["company", "title", "stage", "applied", "last_change", "location",
                              "salary", "priority", "next_interview", "follow_up", "created",
                              "id"],
                     help="order by this (default: last_change); salary groups currencies "
                          "and compares yearly amounts within each (an hour counts 2080 "
                          "times, a day 260, a week 52, a month 12; the top of a range, else "
                          "its bottom; no salary last)")
    lst.add_argument("--asc", action="store_true", help="ascending order")
    lst.add_argument("--limit", type=_positive)
    lst.add_argument("--format", choices=LIST_FORMATS, default="table")
    lst.set_defaults(run=cmd_list)

    show = commands.add_parser("show", help="everything about one application")
    show.add_argument("id", type=_positive)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=cmd_show)

    move = commands.add_parser("move", help="record a stage change")
    move.add_argument("id", type=_positive)
    move.add_argument("stage")
    move.add_argument("--at", type=_date, metavar="YYYY-MM-DD",
                      help="when (default today); not before the current stage's date")
    move.add_argument("--note", help="a remark kept with the change")
    move.set_defaults(run=cmd_move)

    from jobtracker.cli_records import add_record_commands, record_group

    note = record_group(commands, "note").add_parser(
        "add", help="add a Markdown note ('-' reads standard input); prints its id")
    note.add_argument("id", type=_positive)
    note.add_argument("text")
    note.set_defaults(run=cmd_note)

    interview = record_group(commands, "interview").add_parser(
        "add", help="schedule an interview round; prints its id")
    interview.add_argument("id", type=_positive)
    interview.add_argument("--kind", default="Interview", help="e.g. Phone screen, Technical")
    interview.add_argument("--at", type=_datetime, required=True, metavar="'YYYY-MM-DD HH:MM'",
                           help="the local time in --tz, or with its offset: "
                                "'2025-10-26 02:30+02:00'")
    interview.add_argument("--tz", help="IANA time zone of --at, e.g. Europe/Berlin "
                                        "(default: this computer's)")
    interview.add_argument("--fold", type=_fold, metavar="earlier|later",
                           help="which of the two when --at falls in the hour that repeats "
                                "as clocks go back (also 0 or 1)")
    interview.add_argument("--duration", type=_positive, default=60, help="minutes")
    interview.add_argument("--location")
    interview.add_argument("--link", help="video call address")
    interview.add_argument("--with", dest="interviewers", help="who interviews")
    interview.set_defaults(run=cmd_interview)

    delete = commands.add_parser("delete", help="move an application to the trash")
    delete.add_argument("id", type=_positive)
    delete.set_defaults(run=cmd_delete)
    restore = commands.add_parser(
        "restore", help="bring an application back from the trash (ID), or make a backup "
                        "FILE the database (a copy of the current data is kept first)")
    restore.add_argument("id", metavar="ID|FILE",
                         help="a number restores that application from the trash; anything "
                              "else is a backup file (write ./12 for a file called 12)")
    restore.set_defaults(run=cmd_restore)
    backup = commands.add_parser("backup", help="copy the database now (safe while the app "
                                                "is open); prints where")
    backup.add_argument("-o", "--output", metavar="FILE",
                        help="file or folder (default: the backups folder beside the database)")
    backup.set_defaults(run=cmd_backup)
    backups_cmd = commands.add_parser("backups", help="list the backups: daily, manual, "
                                                      "pre-restore and pre-migration copies")
    backups_cmd.set_defaults(run=cmd_backups)
    salvage = commands.add_parser(
        "salvage", help="copy every row still readable in a damaged database into a new "
                        "file (the damaged one is only read)")
    salvage.add_argument("-o", "--output", metavar="FILE", required=True,
                         help="the new database file (must not exist)")
    salvage.set_defaults(run=cmd_salvage)
    empty = commands.add_parser("empty-trash", help="delete trashed applications for good "
                                                    "(asks first)")
    empty.add_argument("--yes", action="store_true",
                       help="do not ask (needed when there is no terminal to ask on)")
    empty.set_defaults(run=cmd_empty_trash)

    stats = commands.add_parser("stats", help="counts per stage and the funnel")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(run=cmd_stats)

    export = commands.add_parser("export", help="write applications to a file")
    export_kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    export_csv = export_kinds.add_parser("csv", help="a spreadsheet (RFC 4180, UTF-8)")
    export_csv.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_csv.add_argument("--excel", action="store_true",
                            help="add a byte-order mark so Excel reads UTF-8")
    export_csv.set_defaults(run=cmd_export_csv)
    export_json = export_kinds.add_parser("json", help="everything, lossless")
    export_json.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_json.set_defaults(run=cmd_export_json)
    export_ics = export_kinds.add_parser("ics", help="interviews and dated tasks as iCalendar "
                                                     "(RFC 5545)")
    export_ics.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_ics.set_defaults(run=cmd_export_ics)
    export_vcard = export_kinds.add_parser("vcard", help="contacts as vCard 4.0")
    export_vcard.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export_vcard.set_defaults(run=cmd_export_vcard)

    imp = commands.add_parser("import", help="read applications from a file")
    import_kinds = imp.add_subparsers(dest="kind", metavar="KIND", required=True)
    import_csv = import_kinds.add_parser("csv", help="a spreadsheet (ours, Huntr, Teal, "
                                                     "hand-made)")
    import_csv.add_argument("file", type=Path)
    import_csv.add_argument("--dry-run", action="store_true",
                            help="check everything and report; save nothing")
    import_csv.add_argument("--encoding", help="force a text encoding (default: detect)")
    import_csv.add_argument("--allow-duplicates", action="store_true",
                            help="also import rows already tracked (same posting URL, or same "
                                 "company, title and applied date), which are skipped otherwise")
    import_csv.set_defaults(run=cmd_import_csv)
    import_json = import_kinds.add_parser("json", help="a JobTracker JSON export (merged in)")
    import_json.add_argument("file", type=Path)
    import_json.set_defaults(run=cmd_import_json)
    import_url = import_kinds.add_parser("url", help="a job posting from a web address "
                                                     "(ATS boards, schema.org pages)")
    import_url.add_argument("url")
    import_url.add_argument("--dry-run", action="store_true",
                            help="show what the posting says; save nothing")
    import_url.add_argument("--format", choices=("text", "json"), default="text")
    import_url.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                            help="give up after this long (default 30)")
    import_url.set_defaults(run=cmd_import_url)

    demo = commands.add_parser("demo", help="add realistic sample data to try the app")
    demo.add_argument("--count", type=_positive, default=200)
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--force", action="store_true",
                      help="add it even to a database that holds applications (they mix)")
    demo.set_defaults(run=cmd_demo)

    from jobtracker.cli_mail import add_mail_commands

    add_record_commands(commands)
    add_mail_commands(commands, _date)
    return parser


def _application_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--title", required=required)
    parser.add_argument("--company", required=required)
    parser.add_argument("--url")
    parser.add_argument("--stage", help="default: Applied with --applied, else Saved"
                        if required else argparse.SUPPRESS)
    parser.add_argument("--location")
    parser.add_argument("--remote", choices=("remote", "hybrid", "onsite"))
    parser.add_argument("--employment-type", choices=("full_time", "part_time", "contract",
                                                      "temporary", "internship", "volunteer",
                                                      "other"))
    parser.add_argument("--salary", help="e.g. '120000-150000 USD/year' or '62.50 EUR/hour'")
    parser.add_argument("--priority", type=_priority, help="1 (low) to 5 (high)")
    parser.add_argument("--tag", action="append", help="a tag (repeatable)" if required else
                        "replace all tags by these (repeatable); see --add-tag, --remove-tag")
    if not required:
        parser.add_argument("--add-tag", action="append", default=[], metavar="TAG",
                            help="add a tag, keeping the others (repeatable)")
        parser.add_argument("--remove-tag", action="append", default=[], metavar="TAG",
                            help="remove a tag, keeping the others (repeatable)")
        parser.add_argument("--clear", action="append", default=[], choices=sorted(CLEARABLE),
                            metavar="FIELD", help="empty a field (repeatable): "
                                                  + ", ".join(sorted(CLEARABLE)))
    parser.add_argument("--applied", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--follow-up", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--source", help="where you found it")
    parser.add_argument("--description")


# -- running ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    from jobtracker.cli_records import implicit_add

    args_list = implicit_add(_glue_salary(list(sys.argv[1:] if argv is None else argv)))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.smoke_test:
        if args.command is not None:
            parser.error("--smoke-test takes no command")
        if _no_display():
            # A check, not a session: the window is drawn off-screen, as in CI.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from jobtracker.ui.mainwindow.smoke import run_smoke_test

        return run_smoke_test(args.db)
    from jobtracker.logs import configure_logging

    configure_logging()  # only once a command runs: --version and --help stay fast
    try:
        if args.command is None:
            return _open_app(args, args_list)
        _refuse_missing_db_folder(args)
        _refuse_output_onto_database(args)
        _check_output_folder(args)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except UsageError as error:
        parser.error(str(error))
    except UnknownStageError as error:  # a word the command line got wrong, like any option
        parser.error(str(error))
    except BrokenPipeError:
        # `jobtracker list | head` closed the pipe: not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing half-saved", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: one line, no traceback
        return _report(_plain_damage(error, args), args)
    return 0  # pragma: no cover - parser.error exits


def _refuse_output_onto_database(args: argparse.Namespace) -> None:
    """Every command that writes a file (-o) refuses the database or its files as the target.

    Checked before the command runs, so nothing is read, opened or written first.
    """
    output = getattr(args, "output", None)
    if output and output != "-":
        from jobtracker.paths import refuse_database_target

        refuse_database_target(Path(output), _db_path(args))


def _refuse_missing_db_folder(args: argparse.Namespace) -> None:
    """A chosen database (--db, JOBTRACKER_DB) in a folder that does not exist is a typo.

    Every command refuses it, reading or writing: creating the folders and an empty
    database there would answer "No applications." as if the search were lost.
    """
    from jobtracker.paths import db_path_is_chosen

    if not db_path_is_chosen(args.db):
        return  # the default location: its folders are created, as on a first run
    from jobtracker.dbfile import refuse_missing_folder  # no SQLAlchemy: export csv is fast

    refuse_missing_folder(_db_path(args))


def _check_output_folder(args: argparse.Namespace) -> None:
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


def _plain_damage(error: Exception, args: argparse.Namespace) -> Exception:
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

        path = _db_path(args).expanduser().resolve()
        if not damaged_by(path, error):
            return error  # never a JobTracker database: "not a JobTracker database" says it
        cause = error.__cause__ if isinstance(error.__cause__, Exception) else error
        problem = health.check(path) or str(getattr(cause, "orig", None) or cause)
        return damaged_error(path, problem, "nothing was changed")
    except Exception:  # the original error is still a plain line
        return error


def _glue_salary(argv: list[str]) -> list[str]:
    """``--salary -5000EUR`` as ``--salary=-5000EUR``.

    argparse takes a value starting with '-' for an option unless it is a plain negative
    number, and would answer only "expected one argument"; glued, the value reaches
    _salary, which says it is negative. No option of ours starts with '-' and a non-letter.
    """
    glued: list[str] = []
    items = iter(argv)
    for item in items:
        glued.append(item)
        if item == "--":  # what follows is positional
            glued.extend(items)
            break
        if len(item) > 3 and "--salary".startswith(item):  # argparse also takes "--sal"
            value = next(items, None)
            if value is None:
                break
            if (len(value) > 1 and value[0] == "-" and value[1] != "-"
                    and not (value[1].isascii() and value[1].isalpha())):
                glued[-1] = f"--salary={value}"
            else:
                glued.append(value)
    return glued


def _report(error: Exception, args: argparse.Namespace | None = None) -> int:
    from jobtracker.diskspace import full_folder, full_message, no_room
    from jobtracker.errors import JobTrackerError

    full = no_room(error)
    if full is not None:
        # The database's folder for SQLite's own writes; the file's for everything else.
        database = None
        if args is not None:
            with contextlib.suppress(Exception):  # without it the message still holds
                database = _db_path(args).expanduser().absolute().parent
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


def _n(count: int, singular: str, plural: str | None = None) -> str:
    from jobtracker.cli_records import counted

    return counted(count, singular, plural)


def _db_path(args: argparse.Namespace) -> Path:
    from jobtracker.paths import resolve_db_path

    return resolve_db_path(args.db)


# Commands that only read the database: they skip the check before writing (a damaged
# file they meet is reported by _plain_damage). Every other command may write.
_READ_ONLY = frozenset({"list", "show", "stats", "export", "backups"})


def _tracker(args: argparse.Namespace) -> Tracker:
    from jobtracker.dbfile import is_writable
    from jobtracker.errors import ReadOnlyDatabaseError
    from jobtracker.paths import db_path_is_chosen
    from jobtracker.tracker import Tracker

    path = _db_path(args)
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
    _print_warnings(tracker.db.warnings)
    return tracker


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)


def _no_display() -> bool:
    """No desktop session for Qt to show a window in (only X11/Wayland systems lack one)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return False  # Windows and macOS always have their display
    return not any(os.environ.get(name) for name in
                   ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def _open_app(args: argparse.Namespace, argv: list[str]) -> int:
    if _no_display():
        # Qt would abort (SIGABRT, exit 134) with a page about platform plugins.
        print(f"{PROG}: error: no display: the window needs a desktop session (DISPLAY or "
              f"WAYLAND_DISPLAY is not set); the commands work without one — see {PROG} "
              f"--help", file=sys.stderr)
        return 1
    try:
        from jobtracker.ui.mainwindow.app import run
    except ImportError as error:
        print(f"{PROG}: the desktop window cannot start ({error}); the commands work without "
              f"it: {PROG} --help", file=sys.stderr)
        return 1
    from jobtracker.paths import db_path_is_chosen

    # Like a write command: a new file in an existing folder, but no folders for a typo.
    status: int = run(_db_path(args), argv, make_folder=not db_path_is_chosen(args.db))
    return status


@contextlib.contextmanager
def _out(path: str | None, *, newline: str | None = None) -> Iterator[TextIO]:
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


# -- commands --------------------------------------------------------------------------------


def _draft_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    simple = {"title": "title", "company": "company", "url": "url", "location": "location",
              "remote": "remote", "employment_type": "employment_type", "priority": "priority",
              "applied": "applied_on", "follow_up": "follow_up_on", "source": "source",
              "description": "description"}
    for arg, field in simple.items():
        value = getattr(args, arg, None)
        if value is not None:
            fields[field] = value
    if getattr(args, "tag", None):
        fields["tags"] = tuple(args.tag)
    if args.salary:
        fields.update(_salary(args.salary))
    return fields


def _salary(text: str) -> dict[str, Any]:
    from jobtracker import money

    try:
        low, high, currency, period = money.parse_salary_text(text)
    except ValueError as error:
        raise UsageError(f"--salary: {error}") from None
    if currency is None:
        raise UsageError(f"--salary: {text!r} has no currency; say which, e.g. "
                         "'120000 USD/year'")
    try:
        return {"salary_min": money.to_minor(low, currency) if low is not None else None,
                "salary_max": money.to_minor(high, currency) if high is not None else None,
                "salary_currency": currency, "salary_period": period}
    except ValueError as error:
        raise UsageError(f"--salary: {error}") from None


def cmd_add(args: argparse.Namespace) -> int:
    """Add an application and print its id."""
    from jobtracker.tracker import ApplicationInput

    fields = _draft_fields(args)
    draft: ApplicationInput = ApplicationInput(stage=args.stage, **fields)
    with _tracker(args) as tracker:
        print(tracker.add_application(draft))
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    """Change the given fields of an application."""
    fields = _draft_fields(args)
    for name in args.clear:
        if any(fields.get(field) is not None for field in CLEARABLE[name]):
            raise UsageError(f"edit: --clear {name} and a new {name} at once; choose one")
        fields.update(dict.fromkeys(CLEARABLE[name]))
    if "tags" in fields and (args.add_tag or args.remove_tag):
        raise UsageError("edit: --tag or --clear tags replace every tag; --add-tag and "
                         "--remove-tag change some: choose one")
    if not fields and not args.add_tag and not args.remove_tag:
        raise UsageError("edit: say what to change, e.g. --title, --priority or --clear salary")
    if "tags" in fields and fields["tags"] is None:
        fields["tags"] = ()
    with _tracker(args) as tracker:
        if args.add_tag or args.remove_tag:
            removed = {tag.strip().casefold() for tag in args.remove_tag}
            kept = [t for t in tracker.get_application(args.id).tags
                    if t.casefold() not in removed]
            fields["tags"] = (*kept, *args.add_tag)
        tracker.edit_application(args.id, **fields)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """List applications as a table, CSV or JSON."""
    from jobtracker.models import StageKind
    from jobtracker.tracker import ApplicationFilter, SortKey

    kinds: tuple[StageKind, ...] = ()
    if args.open:
        kinds = (StageKind.OPEN, StageKind.OFFER)
    elif args.closed:
        kinds = (StageKind.WON, StageKind.LOST)
    from jobtracker.stage_words import find_stage

    with _tracker(args) as tracker:
        stages = tracker.stages()
        wanted: list[str] = []
        for text in args.stage:
            # The same names and synonyms as move and CSV import ("phone screen" is Screening).
            found = find_stage(text, stages)
            if found is None:
                names = ", ".join(s.name for s in stages)
                raise UsageError(f"--stage: no stage named {text!r}; valid: {names}")
            wanted.append(found.name)
        filters = ApplicationFilter(search=args.search, stages=tuple(wanted), kinds=kinds,
                                    tag=args.tag, trashed=args.trash)
        rows = tracker.iter_applications(filters, sort=SortKey(args.sort),
                                         descending=not args.asc, limit=args.limit)
        if args.format == "csv":
            from jobtracker.exchange.csv_export import write_csv

            with _out(None, newline="") as out:
                write_csv(rows, out, extras=tracker.export_extras)
        elif args.format == "json":
            from jobtracker.exchange.text_output import rows_as_json

            print(rows_as_json(rows, extras=tracker.export_extras))
        else:
            from jobtracker.exchange.text_output import format_table

            print(format_table(list(rows)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print everything about one application."""
    from jobtracker.exchange.text_output import detail_as_json, format_detail

    with _tracker(args) as tracker:
        detail = tracker.get_application(args.id)
    print(detail_as_json(detail) if args.format == "json" else format_detail(detail))
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    """Record a stage change."""
    from jobtracker.tracker.applications import AlreadyAtStageError

    with _tracker(args) as tracker:
        try:
            tracker.move_stage(args.id, args.stage, on=args.at, note=args.note)
        except AlreadyAtStageError as notice:
            # The state asked for already holds: a script that ensures it succeeds.
            print(f"{PROG}: {notice.reason}", file=sys.stderr)
        detail = tracker.get_application(args.id)
    print(f"{detail.id}: {detail.stage} since {detail.last_change.isoformat()}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    """Add a note (from the argument or standard input)."""
    text = sys.stdin.read() if args.text == "-" else args.text
    with _tracker(args) as tracker:
        print(tracker.add_note(args.id, text))
    return 0


def cmd_interview(args: argparse.Namespace) -> int:
    """Schedule an interview; prints its id."""
    from jobtracker.errors import ValidationError
    from jobtracker.tracker import InterviewInput

    zone = args.tz or (None if args.at.tzinfo else _local_zone_name())
    interview = InterviewInput(kind=args.kind, starts_at=_interview_start(args, zone),
                               timezone=zone, duration_minutes=args.duration,
                               location=args.location, meeting_url=args.link,
                               interviewers=args.interviewers)
    try:
        interview = interview.validated()
    except ValidationError as error:
        if error.field == "starts_at":
            raise UsageError(f"--at: {error.reason}") from None
        raise
    with _tracker(args) as tracker:
        print(tracker.add_interview(args.id, interview))
    return 0


def _interview_start(args: argparse.Namespace, zone_name: str | None) -> dt.datetime:
    """``--at`` as one instant: in ``zone_name``, resolved by ``--fold``, or by its offset."""
    import zoneinfo

    from jobtracker.errors import ValidationError
    from jobtracker.tracker.inputs import AmbiguousTimeError, check_wall_time, offset_text

    at: dt.datetime = args.at
    zone = None
    if zone_name:
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise UsageError(f"--tz: unknown time zone {zone_name!r}") from None
    if at.tzinfo is not None:
        if args.fold is not None:
            raise UsageError("--fold: --at already gives the offset, which says which")
        offset = at.utcoffset() or dt.timedelta()
        if zone is not None:
            # The offset must be one the zone has at that wall time, or --at and --tz
            # name different moments.
            possible = sorted({at.replace(tzinfo=zone, fold=fold).utcoffset() or offset
                               for fold in (0, 1)}, reverse=True)
            if offset not in possible:
                valid = " or ".join(offset_text(o) for o in possible)
                raise UsageError(f"--at: {offset_text(offset)} is not the offset of {zone_name} "
                                 f"at {at:%H:%M} on {at:%Y-%m-%d} (it is {valid})")
        return at
    if zone is None:
        return _local_start(at, args.fold)
    starts = at.replace(tzinfo=zone)
    try:
        check_wall_time("starts_at", starts)
    except AmbiguousTimeError as error:
        if args.fold is not None:
            return error.later if args.fold else error.earlier
        first, then = (offset_text(when.utcoffset() or dt.timedelta())
                       for when in (error.earlier, error.later))
        raise UsageError(f"--at: {error.situation}: add --fold earlier for {first} or "
                         f"--fold later for {then}, or give the offset, e.g. --at "
                         f"'{at:%Y-%m-%d %H:%M}{first}'") from None
    except ValidationError as error:
        raise UsageError(f"--at: {error.reason}") from None
    return starts


def _local_start(at: dt.datetime, fold: int | None) -> dt.datetime:
    """``at`` in this computer's zone when its name is unknown, by the system's own rules."""
    from jobtracker.tracker.inputs import offset_text

    earlier, later = at.replace(fold=0).astimezone(), at.replace(fold=1).astimezone()
    if earlier.utcoffset() == later.utcoffset():
        return earlier
    wall = f"{at:%H:%M} on {at:%Y-%m-%d}"
    if earlier.astimezone().replace(tzinfo=None) != at:
        raise UsageError(f"--at: {wall} does not exist in this computer's time zone (the "
                         "clocks skip it)")
    if fold is None:
        first, then = (offset_text(when.utcoffset() or dt.timedelta())
                       for when in (earlier, later))
        raise UsageError(f"--at: {wall} happens twice in this computer's time zone: add "
                         f"--fold earlier for {first} or --fold later for {then}")
    return later if fold else earlier


def _local_zone_name() -> str | None:
    """This computer's IANA time zone name, where the system tells it (TZ, /etc/localtime)."""
    import zoneinfo

    candidates: list[str] = []
    tz = os.environ.get("TZ")
    if tz:
        candidates.append(tz.removeprefix(":"))
    else:
        with contextlib.suppress(OSError, ValueError):
            target = str(Path("/etc/localtime").resolve())
            if "zoneinfo/" in target:
                candidates.append(target.split("zoneinfo/", 1)[1])
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            zoneinfo.ZoneInfo(name)
            return name
    return None


def cmd_delete(args: argparse.Namespace) -> int:
    """Move to the trash."""
    with _tracker(args) as tracker:
        tracker.delete_application(args.id)
    print(f"{args.id}: moved to the trash ({PROG} restore {args.id} brings it back)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore an application from the trash, or the whole database from a backup file."""
    if args.id.isdigit():
        try:
            application_id = _positive(args.id)
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"restore: {error}") from None
        with _tracker(args) as tracker:
            tracker.restore_application(application_id)
        print(f"{application_id}: restored from the trash")
        return 0
    from jobtracker.dbfile import is_writable
    from jobtracker.errors import ReadOnlyDatabaseError
    from jobtracker.file_backups import restore_backup

    database = _db_path(args).expanduser().absolute()
    if database.exists() and not is_writable(database):
        raise ReadOnlyDatabaseError(database)
    report = restore_backup(_db_path(args), Path(args.id))
    from jobtracker.file_backups import _read_facts

    _, live = _read_facts(report.restored_from)  # a backup is read-only: counted as it is
    held = f" ({_n(live, 'application')}, trash aside)" if live is not None else ""
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

    path = _db_path(args).expanduser().resolve()
    _print_warnings([w for w in (wal_problem(path),) if w])
    print(make_backup(path, Path(args.output) if args.output else None))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List the backups, newest first, each with the verdict of SQLite's check."""
    from jobtracker.file_backups import OK, list_backups

    # Checked lazily: a backup is checked (quick_check) once, its verdict then recorded.
    rows = list_backups(_db_path(args), check=True)
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

    path = _db_path(args)
    report = salvage(path, Path(args.output))
    print(f"{_n(report.total, 'row')} salvaged from {path} into {report.output}")
    for table, stretches in sorted(report.damaged_stretches.items()):
        print(f"{PROG}: warning: {table}: {stretches} damaged stretch"
              f"{'es' if stretches > 1 else ''} could not be read", file=sys.stderr)
    for table, dropped in sorted(report.dropped.items()):
        print(f"{PROG}: warning: {table}: {_n(dropped, 'row')} dropped (unreadable, or what they "
              "belonged to was lost)", file=sys.stderr)
    print(f"check it with: {PROG} --db {report.output} list; then make it your database "
          f"with: {PROG} --db {path} restore {report.output}")
    return 0


def cmd_empty_trash(args: argparse.Namespace) -> int:
    """Purge the trash."""
    from jobtracker.cli_records import confirm
    from jobtracker.tracker import ApplicationFilter

    with _tracker(args) as tracker:
        waiting = tracker.count_applications(ApplicationFilter(trashed=True))
        if not waiting:
            print("the trash is empty")
            return 0
        held = _n(waiting, "application")
        confirm(f"Delete {held} for good?", yes=args.yes,
                flag_hint=f"empty-trash deletes {held} for good")
        print(f"{_n(tracker.empty_trash(), 'application')} deleted for good")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Counts per stage and the funnel."""
    from jobtracker.exchange.text_output import format_stats, stats_as_json

    with _tracker(args) as tracker:
        stats = tracker.stats()
    print(stats_as_json(stats) if args.format == "json" else format_stats(stats))
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    """Write every live application as CSV."""
    from jobtracker.dbfile import BUSY_TIMEOUT_MS, is_writable, read_revision
    from jobtracker.exchange.csv_export import write_records
    from jobtracker.migrations import HEAD

    path = _db_path(args).expanduser().resolve()
    from jobtracker.health import wal_problem

    _print_warnings([w for w in (wal_problem(path),) if w])
    # In id order (stable, and what a re-import into a new database reproduces), read as
    # plain stored values in one query. An up-to-date file is read with sqlite3 alone:
    # SQLAlchemy's import would cost as much as writing 50,000 rows. Anything else (a
    # new file, an older schema to migrate first, a read-only file) goes through the tracker.
    if path.is_file() and is_writable(path) and read_revision(path) == HEAD:
        from jobtracker.exchange.export_query import export_records_from_file

        with _out(args.output, newline="") as out:
            count = write_records(export_records_from_file(path, dt.datetime.now(dt.UTC),
                                                           BUSY_TIMEOUT_MS), out,
                                  excel=args.excel)
    else:
        with _tracker(args) as tracker, _out(args.output, newline="") as out:
            count = write_records(tracker.iter_export_records(), out, excel=args.excel)
    if args.output:
        print(f"{_n(count, 'application')} written to {args.output}", file=sys.stderr)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write everything as JSON."""
    import json

    with _tracker(args) as tracker:
        payload = tracker.export_everything()
    with _out(args.output) as out:
        json.dump(payload, out, ensure_ascii=False, indent=1)
        out.write("\n")
    if args.output:
        tables = payload.get("tables", {})
        parts = [_n(len(tables.get(table, ())), *noun) for table, noun in (
            ("application", ("application",)), ("stage_event", ("stage change",)),
            ("interview", ("interview",)), ("note", ("note",)), ("contact", ("contact",)),
            ("task", ("task",)), ("document", ("document",)))
            if table == "application" or tables.get(table)]
        print(f"{', '.join(parts)} written to {args.output}", file=sys.stderr)
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    """Write interviews (and dated tasks) as an iCalendar file."""
    import io

    from jobtracker.exchange.ics_export import write_ics

    with _tracker(args) as tracker:
        entries = tracker.calendar_entries()
    buffer = io.BytesIO()
    count = write_ics(entries, buffer)
    with _out(args.output, newline="") as out:
        out.write(buffer.getvalue().decode("utf-8"))
    if args.output:
        print(f"{_n(count, 'calendar entry', 'calendar entries')} written to {args.output}",
              file=sys.stderr)
    return 0


def cmd_export_vcard(args: argparse.Namespace) -> int:
    """Write contacts as vCard 4.0."""
    from jobtracker.exchange.vcard_export import write_vcards

    with _tracker(args) as tracker:
        contacts = tracker.list_contacts()
    with _out(args.output, newline="") as out:
        count = write_vcards(contacts, out)
    if args.output:
        print(f"{_n(count, 'contact')} written to {args.output}", file=sys.stderr)
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    """Import a spreadsheet, all or nothing; rows already tracked are skipped unless asked."""
    from jobtracker.exchange.csv_import import read_csv
    from jobtracker.tracker.bulk import RecordsImport

    with _tracker(args) as tracker:
        result = read_csv(args.file, stages=tracker.stages(), encoding=args.encoding,
                          today=tracker.today())
        for warning in result.warnings:
            print(f"{PROG}: warning: {warning}", file=sys.stderr)
        done = (RecordsImport(tracker.import_records(result.records, dry_run=args.dry_run))
                if args.allow_duplicates else
                tracker.import_new_records(result.records, dry_run=args.dry_run))
    ids, skipped = done.ids, done.already_tracked

    def row(number: int) -> object:
        return result.records[number - 1].extra.get("row", f"record {number}")

    for number, earlier in done.identical:
        both = "both would be imported" if args.dry_run else "both imported"
        print(f"{PROG}: warning: row {row(number)} is identical to row {row(earlier)}; {both} "
              "(delete one if it was pasted twice)", file=sys.stderr)
    summary = [f"{_n(len(ids), 'application')} "
               + ("would be imported" if args.dry_run else "imported")]
    if skipped:
        rows = ", ".join(str(row(number)) for number in skipped[:10])
        summary.append(f"{len(skipped)} already tracked, "
                       + ("would be skipped" if args.dry_run else "skipped")
                       + f" ({'row' if len(skipped) == 1 else 'rows'} {rows}"
                       + (", ..." if len(skipped) > 10 else "")
                       + "; --allow-duplicates imports them too)")
    print("; ".join(summary) + (" (dry run: nothing saved)" if args.dry_run else ""))
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    """Merge a JSON export into this database."""
    from jobtracker.errors import InputFileError
    from jobtracker.exchange.json_file import read_json_export

    payload = read_json_export(args.file)
    with _tracker(args) as tracker:
        try:
            result = tracker.import_everything(payload)
        except InputFileError as error:
            raise InputFileError(f"{args.file}: {error}") from None
    for line in _backup_import_report(result):
        print(line)
    if result.unmatchable and result.added.get("application"):
        print(f"{PROG}: warning: {args.file} is a backup of format 1 (before rows had "
              "lasting identities): its applications cannot be matched with this database's, "
              "so any it already held are now there twice", file=sys.stderr)
    left_out = result.left_out.get("stage_event", 0)
    if left_out:
        print(f"{PROG}: warning: {_n(left_out, 'stage change')} of applications already "
              "present left out: their history stays as it is in the database", file=sys.stderr)
    return 0


def _backup_import_report(result: BackupImport) -> list[str]:
    """What import json added and kept, applications first, in the user's words."""
    added, kept = result.added.get("application", 0), result.kept.get("application", 0)
    differing = result.differing.get("application", 0)
    lines = [f"{_n(added, 'application')} imported"
             + (f"; {kept} already present, kept as in the database" if kept else "")
             + (f" ({differing} {'differs' if differing == 1 else 'differ'} from the file)"
                if differing else "")]
    others = (("note", "note"), ("interview", "interview"), ("contact", "contact"),
              ("task", "task"), ("stage_event", "stage change"))
    added_others, kept_others = (", ".join(_n(counts[table], noun) for table, noun in others
                                           if counts.get(table))
                                 for counts in (result.added, result.kept))
    parts = [f"added: {added_others}" if added_others else "",
             f"already present: {kept_others}" if kept_others else ""]
    if any(parts):
        lines.append("; ".join(part for part in parts if part))
    return lines


def cmd_import_url(args: argparse.Namespace) -> int:
    """Import one posting from a URL: print it (--dry-run) or save it with a snapshot."""
    import json

    from jobtracker.importers import import_posting
    from jobtracker.importers.to_application import to_application

    draft = import_posting(args.url, timeout=args.timeout)
    summary = draft.summary()
    if args.dry_run:
        if args.format == "json":
            print(json.dumps(summary, ensure_ascii=False, indent=1))
        else:
            for key, value in summary.items():
                if key != "description_text" and value is not None:
                    print(f"{key}: {value}")
            print("(dry run: nothing saved)")
        return 0
    with _tracker(args) as tracker:
        imported = to_application(draft, args.url, now=tracker.now())
        for warning in imported.warnings:
            print(f"{PROG}: warning: {warning}", file=sys.stderr)
        for row in tracker.find_duplicates(imported.application.url,
                                           imported.application.company, draft.title):
            when = (f"you applied on {row.applied_on.isoformat()}" if row.applied_on else
                    f"last change {row.last_change.isoformat()}")
            print(f"{PROG}: warning: possible duplicate of {row.id} ({row.company}, "
                  f"{row.title}; {row.stage}, {when}; {row.reason})", file=sys.stderr)
        new_id = tracker.add_application(imported.application, snapshot=imported.snapshot)
    print(new_id)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Add sample data; refused on a database that holds applications unless --force."""
    from jobtracker.demo import populate
    from jobtracker.errors import JobTrackerError
    from jobtracker.tracker import ApplicationFilter

    with _tracker(args) as tracker:
        # Sample applications are indistinguishable from real ones once added (stats,
        # exports, the trash's empty-trash), so they never go into real data unasked.
        # Trashed ones count: they are the user's, waiting to be restored.
        live = tracker.count_applications()
        trashed = tracker.count_applications(ApplicationFilter(trashed=True))
        if live + trashed and not args.force:
            held = f"{live + trashed} application{'s' if live + trashed != 1 else ''}"
            if trashed:
                held += f" ({trashed} in the trash)"
            raise JobTrackerError(
                f"{_db_path(args)} already holds {held}; sample data would mix with them. "
                "Try it in a new file (--db jobtracker-demo.db), or add --force")
        added = populate(tracker, args.count, seed=args.seed)
    print(f"{_n(added, 'sample application')} added to {_db_path(args)}")
    return 0
