"""The application commands: add, edit, list, show, move, delete, empty-trash, stats."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from jobtracker.cli.common import (
    PROG,
    UsageError,
    confirm,
    counted,
    open_output,
    open_tracker,
)

if TYPE_CHECKING:
    from jobtracker.tracker import ApplicationInput

LIST_FORMATS = ("table", "csv", "json")
# What `edit --clear NAME` empties: every optional field of an application.
CLEARABLE = {
    "location": ("location",), "remote": ("remote",), "employment-type": ("employment_type",),
    "salary": ("salary_min", "salary_max", "salary_currency", "salary_period"),
    "url": ("url",), "source": ("source",), "applied": ("applied_on",),
    "follow-up": ("follow_up_on",), "description": ("description",), "tags": ("tags",),
}


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
    with open_tracker(args) as tracker:
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
    with open_tracker(args) as tracker:
        if args.add_tag or args.remove_tag:
            removed = {tag.strip().casefold() for tag in args.remove_tag}
            kept = [t for t in tracker.get_application(args.id).tags
                    if t.casefold() not in removed]
            fields["tags"] = (*kept, *args.add_tag)
        tracker.edit_application(args.id, **fields)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """List applications as a table, CSV or JSON."""
    from jobtracker.tracker import ApplicationFilter, SortKey
    from jobtracker.vocabulary import StageKind

    kinds: tuple[StageKind, ...] = ()
    if args.open:
        kinds = (StageKind.OPEN, StageKind.OFFER)
    elif args.closed:
        kinds = (StageKind.WON, StageKind.LOST)
    from jobtracker.stage_words import find_stage

    with open_tracker(args) as tracker:
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

            with open_output(None, newline="") as out:
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

    with open_tracker(args) as tracker:
        detail = tracker.get_application(args.id)
    print(detail_as_json(detail) if args.format == "json" else format_detail(detail))
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    """Record a stage change."""
    from jobtracker.tracker.applications import AlreadyAtStageError

    with open_tracker(args) as tracker:
        try:
            tracker.move_stage(args.id, args.stage, on=args.at, note=args.note)
        except AlreadyAtStageError as notice:
            # The state asked for already holds: a script that ensures it succeeds.
            print(f"{PROG}: {notice.reason}", file=sys.stderr)
        detail = tracker.get_application(args.id)
    print(f"{detail.id}: {detail.stage} since {detail.last_change.isoformat()}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """Move to the trash."""
    with open_tracker(args) as tracker:
        tracker.delete_application(args.id)
    print(f"{args.id}: moved to the trash ({PROG} restore {args.id} brings it back)")
    return 0


def cmd_empty_trash(args: argparse.Namespace) -> int:
    """Purge the trash."""
    from jobtracker.tracker import ApplicationFilter

    with open_tracker(args) as tracker:
        waiting = tracker.count_applications(ApplicationFilter(trashed=True))
        if not waiting:
            print("the trash is empty")
            return 0
        held = counted(waiting, "application")
        confirm(f"Delete {held} for good?", yes=args.yes,
                flag_hint=f"empty-trash deletes {held} for good")
        print(f"{counted(tracker.empty_trash(), 'application')} deleted for good")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Counts per stage and the funnel."""
    from jobtracker.exchange.text_output import format_stats, stats_as_json

    with open_tracker(args) as tracker:
        stats = tracker.stats()
    print(stats_as_json(stats) if args.format == "json" else format_stats(stats))
    return 0
