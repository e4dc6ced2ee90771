"""The ``contact``, ``task``, ``note``, ``interview`` and ``event`` command groups.

Each group is a singular noun with subcommands (``contact add|list|edit|delete|link|unlink``).
``note ID TEXT`` and ``interview ID --at ...`` were the add commands before the groups
existed; ``implicit_add`` keeps them working by reading them as ``note add ...``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from jobtracker.cli.common import (
    UsageError,
    confirm,
    fold_choice,
    iso_date,
    iso_datetime,
    open_tracker,
    positive,
)
from jobtracker.cli.interview_times import interview_start, local_zone_name

if TYPE_CHECKING:
    from jobtracker.tracker import Tracker
    from jobtracker.tracker.rows import ContactRow, EventRow, InterviewRow, NoteRow, TaskRow

FORMATS = ("text", "json")
# Kept as text, not read from the models: importing them would load SQLAlchemy for --help.
# tests/unit/cli/test_records.py checks they match InterviewOutcome.
OUTCOMES = ("pending", "passed", "failed", "cancelled")

GROUPS = {
    "contact": ("people you met: add, list, edit, delete, link to an application, unlink",
                None),
    "task": ("reminders and to-dos: add, list, edit, done, undone, delete", None),
    "note": ("an application's Markdown notes: add, list, edit, delete",
             "'note ID TEXT' is short for 'note add ID TEXT'."),
    "interview": ("an application's interview rounds: add, list, edit (outcome too), delete",
                  "'interview ID --at ...' is short for 'interview add ID --at ...'."),
    "event": ("an application's dated stage changes: list, edit the date, delete", None),
}
# Groups whose add command was once the group's own name (kept for scripts).
IMPLICIT_ADD = frozenset({"note", "interview"})

_CONTACT_FIELDS = {"company": "company", "role": "role", "email": "email", "phone": "phone",
                   "linkedin": "linkedin_url", "notes": "notes"}
_INTERVIEW_CLEARABLE = {"location": "location", "link": "meeting_url",
                        "with": "interviewers", "notes": "notes", "duration": "duration_minutes"}


def implicit_add(argv: list[str]) -> list[str]:
    """``note 3 TEXT`` as ``note add 3 TEXT`` (and ``interview 3 --at ...`` likewise).

    The first word that is not a global option is the command; when it is one of
    IMPLICIT_ADD and what follows is an id or an option (not a subcommand, not
    --help), ``add`` goes in between. A mistyped subcommand still gets argparse's
    "invalid choice" answer, since it starts with neither a digit nor a dash.
    """
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return argv
        if word.startswith("-"):
            if "=" not in word and len(word) >= 3 and "--db".startswith(word):
                index += 1  # --db PATH: skip the path too
            index += 1
            continue
        if word in IMPLICIT_ADD and index + 1 < len(argv):
            following = argv[index + 1]
            if following not in ("-h", "--help") and (following[:1].isdigit()
                                                       or following.startswith("-")):
                return [*argv[: index + 1], "add", *argv[index + 1:]]
        return argv
    return argv


def record_group(commands: Any, name: str) -> Any:
    """Create the ``name`` group on the main parser's subcommands; returns its subcommands."""
    summary, shorthand = GROUPS[name]
    group = commands.add_parser(name, help=summary,
                                description=f"{summary[0].upper()}{summary[1:]}."
                                            + (f" {shorthand}" if shorthand else ""))
    return group.add_subparsers(dest=f"{name}_command", metavar=f"{name.upper()}_COMMAND",
                                required=True)


def _subcommands(commands: Any, name: str) -> Any:
    """The subcommands of an existing group (made by ``record_group``)."""
    group = commands.choices[name]
    for action in group._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(name)  # pragma: no cover - record_group made it


def add_record_commands(commands: Any) -> None:
    """Register the record groups (``note`` and ``interview`` already hold their ``add``)."""
    contacts = record_group(commands, "contact")
    add = contacts.add_parser("add", help="save a person; prints the contact's id")
    add.add_argument("name", metavar="NAME")
    _contact_options(add)
    add.set_defaults(run=cmd_contact_add)
    lst = contacts.add_parser("list", help="every contact by name, or those of one "
                                           "application")
    lst.add_argument("application", metavar="APPLICATION_ID", type=positive, nargs="?")
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_contact_list, read_only=True)
    edit = contacts.add_parser("edit", help="change fields of a contact")
    edit.add_argument("id", metavar="CONTACT_ID", type=positive)
    edit.add_argument("--name")
    _contact_options(edit)
    _clear_option(edit, _CONTACT_FIELDS)
    edit.set_defaults(run=cmd_contact_edit)
    delete = contacts.add_parser("delete", help="delete a contact for good (and its links)")
    delete.add_argument("id", metavar="CONTACT_ID", type=positive)
    _yes_option(delete)
    delete.set_defaults(run=cmd_contact_delete)
    for verb, run, what in (("link", cmd_contact_link, "say this person is part of an "
                                                        "application"),
                            ("unlink", cmd_contact_unlink, "undo a link")):
        sub = contacts.add_parser(verb, help=what)
        sub.add_argument("id", metavar="CONTACT_ID", type=positive)
        sub.add_argument("application", metavar="APPLICATION_ID", type=positive)
        sub.set_defaults(run=run)

    tasks = record_group(commands, "task")
    add = tasks.add_parser("add", help="add a reminder; prints the task's id")
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD")
    add.add_argument("--application", type=positive, metavar="ID",
                     help="the application it is about (default: the search in general)")
    add.set_defaults(run=cmd_task_add)
    lst = tasks.add_parser("list", help="open tasks by due date, or one application's")
    lst.add_argument("application", metavar="APPLICATION_ID", type=positive, nargs="?")
    lst.add_argument("--all", action="store_true", help="done tasks too")
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_task_list, read_only=True)
    edit = tasks.add_parser("edit", help="change a task's title or due date")
    edit.add_argument("id", metavar="TASK_ID", type=positive)
    edit.add_argument("--title")
    edit.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD")
    _clear_option(edit, {"due": "due_on"})
    edit.set_defaults(run=cmd_task_edit)
    for verb, run, what in (("done", cmd_task_done, "tick a task off"),
                            ("undone", cmd_task_undone, "reopen a task ticked off")):
        sub = tasks.add_parser(verb, help=what)
        sub.add_argument("id", metavar="TASK_ID", type=positive)
        sub.set_defaults(run=run)
    delete = tasks.add_parser("delete", help="delete a task for good")
    delete.add_argument("id", metavar="TASK_ID", type=positive)
    _yes_option(delete)
    delete.set_defaults(run=cmd_task_delete)

    notes = _subcommands(commands, "note")
    lst = notes.add_parser("list", help="an application's notes, oldest first")
    lst.add_argument("application", metavar="APPLICATION_ID", type=positive)
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_note_list, read_only=True)
    edit = notes.add_parser("edit", help="replace a note's text ('-' reads standard input)")
    edit.add_argument("id", metavar="NOTE_ID", type=positive)
    edit.add_argument("text", metavar="TEXT")
    edit.set_defaults(run=cmd_note_edit)
    delete = notes.add_parser("delete", help="delete a note for good")
    delete.add_argument("id", metavar="NOTE_ID", type=positive)
    _yes_option(delete)
    delete.set_defaults(run=cmd_note_delete)

    interviews = _subcommands(commands, "interview")
    lst = interviews.add_parser("list", help="upcoming interviews, or every round of one "
                                             "application")
    lst.add_argument("application", metavar="APPLICATION_ID", type=positive, nargs="?")
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_interview_list, read_only=True)
    edit = interviews.add_parser("edit", help="change an interview round, its outcome too")
    edit.add_argument("id", metavar="INTERVIEW_ID", type=positive)
    edit.add_argument("--kind", help="e.g. Phone screen, Technical")
    edit.add_argument("--at", type=iso_datetime, metavar="'YYYY-MM-DD HH:MM'",
                      help="new start, in --tz (default: the round's own time zone)")
    edit.add_argument("--tz", help="IANA time zone; alone, the same clock time in this zone")
    edit.add_argument("--fold", type=fold_choice, metavar="earlier|later",
                      help="which of a clock time that happens twice (when clocks go back)")
    edit.add_argument("--duration", type=positive, help="minutes")
    edit.add_argument("--location")
    edit.add_argument("--link", help="video call address")
    edit.add_argument("--with", dest="interviewers", help="who interviews")
    edit.add_argument("--outcome", choices=OUTCOMES)
    edit.add_argument("--notes", help="your notes on the round ('-' reads standard input)")
    _clear_option(edit, _INTERVIEW_CLEARABLE)
    edit.set_defaults(run=cmd_interview_edit)
    delete = interviews.add_parser("delete", help="delete an interview round for good")
    delete.add_argument("id", metavar="INTERVIEW_ID", type=positive)
    _yes_option(delete)
    delete.set_defaults(run=cmd_interview_delete)

    events = record_group(commands, "event")
    lst = events.add_parser("list", help="an application's timeline, with each change's id")
    lst.add_argument("application", metavar="APPLICATION_ID", type=positive)
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_event_list, read_only=True)
    edit = events.add_parser("edit", help="correct the date of a stage change (between the "
                                          "changes before and after it)")
    edit.add_argument("id", metavar="EVENT_ID", type=positive)
    edit.add_argument("--at", type=iso_date, metavar="YYYY-MM-DD", required=True)
    edit.set_defaults(run=cmd_event_edit)
    delete = events.add_parser("delete", help="remove a mistaken stage change (the first "
                                              "stays)")
    delete.add_argument("id", metavar="EVENT_ID", type=positive)
    _yes_option(delete)
    delete.set_defaults(run=cmd_event_delete)


def _contact_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--company", help="where they work")
    parser.add_argument("--role", help="e.g. Recruiter, Hiring manager")
    parser.add_argument("--email")
    parser.add_argument("--phone")
    parser.add_argument("--linkedin", metavar="URL", help="profile address")
    parser.add_argument("--notes", help="free text")


def _clear_option(parser: argparse.ArgumentParser, fields: dict[str, str]) -> None:
    parser.add_argument("--clear", action="append", default=[], choices=sorted(fields),
                        metavar="FIELD", help="empty a field (repeatable): "
                                              + ", ".join(sorted(fields)))


def _yes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true",
                        help="do not ask (needed when there is no terminal to ask on)")


# -- shared ----------------------------------------------------------------------------------


def _clears(args: argparse.Namespace, fields: dict[str, str], given: dict[str, Any]
            ) -> dict[str, Any]:
    """The --clear fields as changes to None; clearing and setting one field is a mistake."""
    changes: dict[str, Any] = {}
    for name in args.clear:
        field = fields[name]
        if given.get(field) is not None:
            raise UsageError(f"--clear {name}: it is also given a new value; choose one")
        changes[field] = None
    return changes


def _text(value: str) -> str:
    """The argument, or standard input for '-'."""
    return sys.stdin.read() if value == "-" else value


def _rows_json(rows: Iterable[Any]) -> str:
    from jobtracker.plain import plain

    return json.dumps([{f.name: plain(getattr(row, f.name)) for f in dataclasses.fields(row)}
                       for row in rows], ensure_ascii=False, indent=1)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    from jobtracker.exchange.text_output import display_width, pad_width

    # By terminal columns, not characters: a CJK name takes two per character.
    widths = [max(display_width(headers[i]), *(display_width(row[i]) for row in rows))
              for i in range(len(headers))]
    lines = [headers, *rows]
    return "\n".join("  ".join(pad_width(cell, width)
                               for cell, width in zip(line, widths, strict=True))
                     .rstrip() for line in lines)


def _print_rows(args: argparse.Namespace, rows: Sequence[Any], empty: str,
                text: Callable[[Sequence[Any]], str]) -> int:
    if args.format == "json":
        print(_rows_json(rows))
    elif not rows:
        print(empty)
    else:
        print(text(rows))
    return 0


# -- contacts --------------------------------------------------------------------------------


def _contact_changes(args: argparse.Namespace) -> dict[str, Any]:
    return {field: getattr(args, arg) for arg, field in _CONTACT_FIELDS.items()
            if getattr(args, arg) is not None}


def cmd_contact_add(args: argparse.Namespace) -> int:
    """Save a contact; prints its id."""
    from jobtracker.tracker import ContactInput

    contact = ContactInput(name=args.name, **_contact_changes(args))
    with open_tracker(args) as tracker:
        print(tracker.add_contact(contact))
    return 0


def cmd_contact_list(args: argparse.Namespace) -> int:
    """Every contact, or those linked to one application."""
    with open_tracker(args) as tracker:
        rows = (tracker.list_contacts() if args.application is None
                else list(tracker.get_application(args.application).contacts))
    return _print_rows(args, rows, "No contacts.", _contacts_text)


def _contacts_text(rows: Sequence[ContactRow]) -> str:
    return _table(("ID", "Name", "Company", "Role", "Email", "Phone"),
                  [(str(c.id), c.name, c.company or "", c.role or "", c.email or "",
                    c.phone or "") for c in rows])


def cmd_contact_edit(args: argparse.Namespace) -> int:
    """Change some fields of a contact."""
    changes = _contact_changes(args)
    if args.name is not None:
        changes["name"] = args.name
    changes.update(_clears(args, _CONTACT_FIELDS, changes))
    if not changes:
        raise UsageError("contact edit: say what to change, e.g. --email or --clear phone")
    with open_tracker(args) as tracker:
        tracker.edit_contact(args.id, **changes)
    return 0


def cmd_contact_delete(args: argparse.Namespace) -> int:
    """Delete a contact for good, after asking."""
    from jobtracker.errors import NotFoundError

    with open_tracker(args) as tracker:
        found = [c for c in tracker.list_contacts() if c.id == args.id]
        if not found:
            raise NotFoundError(f"no contact with id {args.id}")
        confirm(f"Delete contact {args.id} ({found[0].name}) for good?", yes=args.yes,
                flag_hint=f"contact delete deletes {found[0].name} for good")
        tracker.delete_contact(args.id)
    print(f"contact {args.id} deleted")
    return 0


def cmd_contact_link(args: argparse.Namespace) -> int:
    """Link a contact to an application (linking twice is harmless)."""
    with open_tracker(args) as tracker:
        tracker.link_contact(args.application, args.id)
    print(f"contact {args.id} linked to application {args.application}")
    return 0


def cmd_contact_unlink(args: argparse.Namespace) -> int:
    """Remove the link between a contact and an application."""
    from jobtracker.errors import NotFoundError

    with open_tracker(args) as tracker:
        if not tracker.unlink_contact(args.application, args.id):
            raise NotFoundError(f"contact {args.id} is not linked to application "
                                f"{args.application}")
    print(f"contact {args.id} unlinked from application {args.application}")
    return 0


# -- tasks -----------------------------------------------------------------------------------


def cmd_task_add(args: argparse.Namespace) -> int:
    """Add a task; prints its id."""
    with open_tracker(args) as tracker:
        print(tracker.add_task(args.title, due_on=args.due, application_id=args.application))
    return 0


def cmd_task_list(args: argparse.Namespace) -> int:
    """Open tasks (or all, with --all), of everything or of one application."""
    with open_tracker(args) as tracker:
        if args.application is not None:
            tracker.get_application(args.application)  # an unknown id is named, not "no tasks"
        rows = tracker.list_tasks(application_id=args.application, include_done=args.all)
    return _print_rows(args, rows, "No tasks." if args.all else "No open tasks.", _tasks_text)


def _tasks_text(rows: Sequence[TaskRow]) -> str:
    return _table(("ID", "Done", "Due", "Application", "Title"),
                  [(str(t.id), "x" if t.done_at else "", t.due_on.isoformat() if t.due_on
                    else "", str(t.application_id or ""), t.title) for t in rows])


def cmd_task_edit(args: argparse.Namespace) -> int:
    """Change a task's title or due date."""
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.due is not None:
        changes["due_on"] = args.due
    changes.update(_clears(args, {"due": "due_on"}, changes))
    if not changes:
        raise UsageError("task edit: say what to change: --title, --due or --clear due")
    with open_tracker(args) as tracker:
        tracker.edit_task(args.id, **changes)
    return 0


def cmd_task_done(args: argparse.Namespace) -> int:
    """Tick a task off."""
    return _set_done(args, done=True)


def cmd_task_undone(args: argparse.Namespace) -> int:
    """Reopen a task."""
    return _set_done(args, done=False)


def _set_done(args: argparse.Namespace, *, done: bool) -> int:
    with open_tracker(args) as tracker:
        tracker.set_task_done(args.id, done)
    print(f"task {args.id} {'done' if done else 'open again'}")
    return 0


def cmd_task_delete(args: argparse.Namespace) -> int:
    """Delete a task for good, after asking."""
    return _delete_for_good(args, "task", lambda tracker: tracker.delete_task(args.id))


def _delete_for_good(args: argparse.Namespace, noun: str,
                     delete: Callable[[Tracker], object]) -> int:
    """Ask (or take --yes), then delete record ``args.id`` of kind ``noun`` in one action."""
    with open_tracker(args) as tracker:
        confirm(f"Delete {noun} {args.id} for good?", yes=args.yes,
                flag_hint=f"{noun} delete deletes {noun} {args.id} for good")
        delete(tracker)
    print(f"{noun} {args.id} deleted")
    return 0


# -- notes -----------------------------------------------------------------------------------


def cmd_note_add(args: argparse.Namespace) -> int:
    """Add a note (from the argument or standard input)."""
    text = _text(args.text)
    with open_tracker(args) as tracker:
        print(tracker.add_note(args.id, text))
    return 0


def cmd_note_list(args: argparse.Namespace) -> int:
    """An application's notes, oldest first."""
    with open_tracker(args) as tracker:
        rows = list(tracker.get_application(args.application).notes)
    return _print_rows(args, rows, "No notes.", _notes_text)


def _notes_text(rows: Sequence[NoteRow]) -> str:
    lines: list[str] = []
    for note in rows:
        edited = (f", edited {_local(note.updated_at)}"
                  if note.updated_at != note.created_at else "")
        lines.append(f"-- note {note.id}, {_local(note.created_at)}{edited}")
        lines += [f"  {line}" for line in note.body.splitlines()]
    return "\n".join(lines)


def cmd_note_edit(args: argparse.Namespace) -> int:
    """Replace a note's text."""
    text = _text(args.text)
    with open_tracker(args) as tracker:
        tracker.edit_note(args.id, text)
    return 0


def cmd_note_delete(args: argparse.Namespace) -> int:
    """Delete a note for good, after asking."""
    return _delete_for_good(args, "note", lambda tracker: tracker.delete_note(args.id))


# -- interviews ------------------------------------------------------------------------------


def cmd_interview_add(args: argparse.Namespace) -> int:
    """Schedule an interview; prints its id."""
    from jobtracker.errors import ValidationError
    from jobtracker.tracker import InterviewInput

    zone = args.tz or (None if args.at.tzinfo else local_zone_name())
    interview = InterviewInput(kind=args.kind, starts_at=interview_start(args, zone),
                               timezone=zone, duration_minutes=args.duration,
                               location=args.location, meeting_url=args.link,
                               interviewers=args.interviewers)
    try:
        interview = interview.validated()
    except ValidationError as error:
        if error.field == "starts_at":
            raise UsageError(f"--at: {error.reason}") from None
        raise
    with open_tracker(args) as tracker:
        print(tracker.add_interview(args.id, interview))
    return 0


def cmd_interview_list(args: argparse.Namespace) -> int:
    """Upcoming interviews, or every round of one application."""
    with open_tracker(args) as tracker:
        rows = (tracker.upcoming_interviews() if args.application is None
                else list(tracker.get_application(args.application).interviews))
    return _print_rows(args, rows, "No upcoming interviews." if args.application is None
                       else "No interviews.", _interviews_text)


def _interviews_text(rows: Sequence[InterviewRow]) -> str:
    return _table(("ID", "Application", "Starts", "Kind", "Outcome", "With"),
                  [(str(i.id), str(i.application_id), zoned(i.starts_at, i.timezone), i.kind,
                    i.outcome, i.interviewers or "") for i in rows])


def zoned(moment: dt.datetime, zone: str | None) -> str:
    """``2026-12-01 14:30 Europe/Berlin`` (its own zone), else local time with its offset."""
    import zoneinfo

    if zone:
        try:
            return f"{moment.astimezone(zoneinfo.ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}"
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass  # a zone this computer does not know: the local time says it
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.isoformat()[-6:]}"


def _local(moment: dt.datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _start(args: argparse.Namespace, current: InterviewRow) -> dt.datetime | None:
    """The new start: --at read in --tz (else the round's own zone), as ``interview add`` does.

    --tz alone keeps the clock time and changes the zone: the round was entered
    in the wrong zone, its hour was right.
    """
    import zoneinfo

    if args.at is None and args.tz is None:
        return None
    at = args.at
    if at is None:
        try:
            old = zoneinfo.ZoneInfo(current.timezone) if current.timezone else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            old = None  # a zone this computer does not know: its local clock time
        at = current.starts_at.astimezone(old).replace(tzinfo=None)
    return interview_start(argparse.Namespace(at=at, fold=args.fold),
                           args.tz or current.timezone)


def cmd_interview_edit(args: argparse.Namespace) -> int:
    """Change some fields of an interview round."""
    changes: dict[str, Any] = {}
    for arg, field in (("kind", "kind"), ("duration", "duration_minutes"),
                       ("location", "location"), ("link", "meeting_url"),
                       ("interviewers", "interviewers"), ("outcome", "outcome")):
        if getattr(args, arg) is not None:
            changes[field] = getattr(args, arg)
    if args.notes is not None:
        changes["notes"] = _text(args.notes)
    if args.tz is not None:
        changes["timezone"] = args.tz
    changes.update(_clears(args, _INTERVIEW_CLEARABLE, changes))
    if not changes and args.at is None:
        raise UsageError("interview edit: say what to change, e.g. --at or --outcome")
    with open_tracker(args) as tracker:
        starts = _start(args, tracker.get_interview(args.id))
        if starts is not None:
            changes["starts_at"] = starts
        tracker.edit_interview(args.id, **changes)
    return 0


def cmd_interview_delete(args: argparse.Namespace) -> int:
    """Delete an interview round for good, after asking."""
    with open_tracker(args) as tracker:
        row = tracker.get_interview(args.id)
        confirm(f"Delete interview {args.id} ({row.kind}, "
                f"{zoned(row.starts_at, row.timezone)}) for good?", yes=args.yes,
                flag_hint=f"interview delete deletes interview {args.id} for good")
        tracker.delete_interview(args.id)
    print(f"interview {args.id} deleted")
    return 0


# -- stage events ----------------------------------------------------------------------------


def cmd_event_list(args: argparse.Namespace) -> int:
    """An application's timeline with the ids ``event edit`` and ``event delete`` take."""
    with open_tracker(args) as tracker:
        rows = list(tracker.get_application(args.application).events)
    return _print_rows(args, rows, "No stage changes.", _events_text)


def _events_text(rows: Sequence[EventRow]) -> str:
    return _table(("ID", "Date", "From", "To", "Note"),
                  [(str(e.id), e.occurred_on.isoformat(), e.from_stage or "", e.to_stage,
                    e.note or "") for e in rows])


def cmd_event_edit(args: argparse.Namespace) -> int:
    """Correct the date of a stage change."""
    with open_tracker(args) as tracker:
        tracker.redate_stage_event(args.id, args.at)
    print(f"stage change {args.id} dated {args.at.isoformat()}")
    return 0


def cmd_event_delete(args: argparse.Namespace) -> int:
    """Remove a stage change, after asking."""
    with open_tracker(args) as tracker:
        confirm(f"Remove stage change {args.id} from its timeline?", yes=args.yes,
                flag_hint=f"event delete removes stage change {args.id} for good")
        tracker.undo_stage_event(args.id)
    print(f"stage change {args.id} removed")
    return 0
