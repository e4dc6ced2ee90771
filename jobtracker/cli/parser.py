"""The whole command line as one argparse parser: ``--help`` is the reference."""

from __future__ import annotations

import argparse
from pathlib import Path

from jobtracker import __version__
from jobtracker.cli.applications import (
    CLEARABLE,
    LIST_FORMATS,
    cmd_add,
    cmd_delete,
    cmd_edit,
    cmd_empty_trash,
    cmd_list,
    cmd_move,
    cmd_show,
    cmd_stats,
)
from jobtracker.cli.common import (
    PROG,
    fold_choice,
    iso_date,
    iso_datetime,
    positive,
    priority,
)
from jobtracker.cli.demo import cmd_demo
from jobtracker.cli.exchange import (
    cmd_export_csv,
    cmd_export_ics,
    cmd_export_json,
    cmd_export_vcard,
    cmd_import_csv,
    cmd_import_json,
    cmd_import_url,
)
from jobtracker.cli.mail import add_mail_commands
from jobtracker.cli.records import (
    add_record_commands,
    cmd_interview_add,
    cmd_note_add,
    record_group,
)
from jobtracker.cli.recovery import cmd_backup, cmd_backups, cmd_restore, cmd_salvage


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
    edit.add_argument("id", type=positive)
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
    lst.add_argument("--limit", type=positive)
    lst.add_argument("--format", choices=LIST_FORMATS, default="table")
    lst.set_defaults(run=cmd_list)

    show = commands.add_parser("show", help="everything about one application")
    show.add_argument("id", type=positive)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=cmd_show)

    move = commands.add_parser("move", help="record a stage change")
    move.add_argument("id", type=positive)
    move.add_argument("stage")
    move.add_argument("--at", type=iso_date, metavar="YYYY-MM-DD",
                      help="when (default today); not before the current stage's date")
    move.add_argument("--note", help="a remark kept with the change")
    move.set_defaults(run=cmd_move)

    note = record_group(commands, "note").add_parser(
        "add", help="add a Markdown note ('-' reads standard input); prints its id")
    note.add_argument("id", type=positive)
    note.add_argument("text")
    note.set_defaults(run=cmd_note_add)

    interview = record_group(commands, "interview").add_parser(
        "add", help="schedule an interview round; prints its id")
    interview.add_argument("id", type=positive)
    interview.add_argument("--kind", default="Interview", help="e.g. Phone screen, Technical")
    interview.add_argument("--at", type=iso_datetime, required=True, metavar="'YYYY-MM-DD HH:MM'",
                           help="the local time in --tz, or with its offset: "
                                "'2025-10-26 02:30+02:00'")
    interview.add_argument("--tz", help="IANA time zone of --at, e.g. Europe/Berlin "
                                        "(default: this computer's)")
    interview.add_argument("--fold", type=fold_choice, metavar="earlier|later",
                           help="which of the two when --at falls in the hour that repeats "
                                "as clocks go back (also 0 or 1)")
    interview.add_argument("--duration", type=positive, default=60, help="minutes")
    interview.add_argument("--location")
    interview.add_argument("--link", help="video call address")
    interview.add_argument("--with", dest="interviewers", help="who interviews")
    interview.set_defaults(run=cmd_interview_add)

    delete = commands.add_parser("delete", help="move an application to the trash")
    delete.add_argument("id", type=positive)
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
    demo.add_argument("--count", type=positive, default=200)
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--force", action="store_true",
                      help="add it even to a database that holds applications (they mix)")
    demo.set_defaults(run=cmd_demo)

    add_record_commands(commands)
    add_mail_commands(commands)
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
    parser.add_argument("--priority", type=priority, help="1 (low) to 5 (high)")
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
    parser.add_argument("--applied", type=iso_date, metavar="YYYY-MM-DD")
    parser.add_argument("--follow-up", type=iso_date, metavar="YYYY-MM-DD")
    parser.add_argument("--source", help="where you found it")
    parser.add_argument("--description")


def glue_salary(argv: list[str]) -> list[str]:
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
