"""The export and import commands: CSV, JSON, iCalendar and vCard files, and postings by URL."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from jobtracker.cli.common import PROG, counted, db_path, open_output, open_tracker, print_warnings

if TYPE_CHECKING:
    from jobtracker.tracker.data_exchange import BackupImport


def cmd_export_csv(args: argparse.Namespace) -> int:
    """Write every live application as CSV."""
    from jobtracker.dbfile import BUSY_TIMEOUT_MS, is_writable, read_revision
    from jobtracker.exchange.csv_export import write_records
    from jobtracker.migrations import HEAD

    path = db_path(args).expanduser().resolve()
    from jobtracker.health import wal_problem

    print_warnings([w for w in (wal_problem(path),) if w])
    # In id order (stable, and what a re-import into a new database reproduces), read as
    # plain stored values in one query. An up-to-date file is read with sqlite3 alone:
    # SQLAlchemy's import would cost as much as writing 50,000 rows. Anything else (a
    # new file, an older schema to migrate first, a read-only file) goes through the tracker.
    if path.is_file() and is_writable(path) and read_revision(path) == HEAD:
        from jobtracker.exchange.export_query import export_records_from_file

        with open_output(args.output, newline="") as out:
            count = write_records(export_records_from_file(path, dt.datetime.now(dt.UTC),
                                                           BUSY_TIMEOUT_MS), out,
                                  excel=args.excel)
    else:
        with open_tracker(args) as tracker, open_output(args.output, newline="") as out:
            count = write_records(tracker.iter_export_records(), out, excel=args.excel)
    if args.output:
        print(f"{counted(count, 'application')} written to {args.output}", file=sys.stderr)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write everything as JSON."""
    import json

    with open_tracker(args) as tracker:
        payload = tracker.export_everything()
    with open_output(args.output) as out:
        json.dump(payload, out, ensure_ascii=False, indent=1)
        out.write("\n")
    if args.output:
        tables = payload.get("tables", {})
        parts = [counted(len(tables.get(table, ())), *noun) for table, noun in (
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

    with open_tracker(args) as tracker:
        entries = tracker.calendar_entries()
    buffer = io.BytesIO()
    count = write_ics(entries, buffer)
    with open_output(args.output, newline="") as out:
        out.write(buffer.getvalue().decode("utf-8"))
    if args.output:
        print(f"{counted(count, 'calendar entry', 'calendar entries')} written to {args.output}",
              file=sys.stderr)
    return 0


def cmd_export_vcard(args: argparse.Namespace) -> int:
    """Write contacts as vCard 4.0."""
    from jobtracker.exchange.vcard_export import write_vcards

    with open_tracker(args) as tracker:
        contacts = tracker.list_contacts()
    with open_output(args.output, newline="") as out:
        count = write_vcards(contacts, out)
    if args.output:
        print(f"{counted(count, 'contact')} written to {args.output}", file=sys.stderr)
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    """Import a spreadsheet, all or nothing; rows already tracked are skipped unless asked."""
    from jobtracker.exchange.csv_import import read_csv
    from jobtracker.tracker.bulk import RecordsImport

    with open_tracker(args) as tracker:
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
    summary = [f"{counted(len(ids), 'application')} "
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
    with open_tracker(args) as tracker:
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
        print(f"{PROG}: warning: {counted(left_out, 'stage change')} of applications already "
              "present left out: their history stays as it is in the database", file=sys.stderr)
    return 0


def _backup_import_report(result: BackupImport) -> list[str]:
    """What import json added and kept, applications first, in the user's words."""
    added, kept = result.added.get("application", 0), result.kept.get("application", 0)
    differing = result.differing.get("application", 0)
    lines = [f"{counted(added, 'application')} imported"
             + (f"; {kept} already present, kept as in the database" if kept else "")
             + (f" ({differing} {'differs' if differing == 1 else 'differ'} from the file)"
                if differing else "")]
    others = (("note", "note"), ("interview", "interview"), ("contact", "contact"),
              ("task", "task"), ("stage_event", "stage change"))
    added_others, kept_others = (", ".join(counted(counts[table], noun) for table, noun in others
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
    with open_tracker(args) as tracker:
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
