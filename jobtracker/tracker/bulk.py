"""Bulk import of whole applications (CSV, demo data) in one transaction with set-based inserts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from jobtracker.errors import ValidationError
from jobtracker.models import (
    Application,
    Company,
    Interview,
    Note,
    StageEvent,
    Tag,
    application_tag,
)
from jobtracker.tracker.applications import (
    applied_date,
    applied_stage,
    check_event_date,
    initial_history,
)
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import MAX_TEXT, ApplicationRecord, required_text
from jobtracker.tracker.rows import StageRow


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class BulkMixin(TrackerBase):
    """Many applications at once, all or nothing."""

    def import_records(self, records: Sequence[ApplicationRecord], *,
                       dry_run: bool = False) -> list[int]:
        """Save every record with its history, notes and interviews; returns the new ids.

        One transaction: a bad record (named by its 1-based position) saves
        nothing. With ``dry_run`` everything is checked and inserted, then
        rolled back, so the database's own constraints are part of the check.
        """
        return self._import(records, dry_run=dry_run, skip_tracked=False).ids

    def import_new_records(self, records: Sequence[ApplicationRecord], *,
                           dry_run: bool = False) -> RecordsImport:
        """Like ``import_records``, but a record already tracked here is skipped, not doubled.

        Already tracked: an application (in the trash too) with the same posting URL
        (scheme and host in any case, with or without a trailing slash), or at the
        same company (any case) with the same title and applied date. Records are
        compared with the database as it was before, not with each other: two rows
        of one sheet may well be two openings, so both are saved (identical ones
        are reported in ``identical``).
        """
        return self._import(records, dry_run=dry_run, skip_tracked=True)

    def _import(self, records: Sequence[ApplicationRecord], *, dry_run: bool,
                skip_tracked: bool) -> RecordsImport:
        try:
            with self.db.write() as session:
                result = self._insert_records(session, records, skip_tracked=skip_tracked)
                if dry_run:
                    raise _DryRun
                return result
        except _DryRun:
            return result

    def _insert_records(self, session: Session, records: Sequence[ApplicationRecord], *,
                        skip_tracked: bool = False) -> RecordsImport:
        stages = self._stage_rows(session)
        by_name = {stage.name.casefold(): stage for stage in stages}
        initial = self._initial_stage(session)
        applied = applied_stage(stages) or initial
        companies = {name.casefold(): cid for cid, name in
                     session.execute(select(Company.id, Company.name))}
        tags = {name.casefold(): tid for tid, name in session.execute(select(Tag.id, Tag.name))}
        ids = _IdAllocator(session)
        today, now = self._today(), self._now()
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
            "company", "tag", "application", "stage_event", "note", "interview", "app_tag")}
        new_ids: list[int] = []
        tracked = _TrackedJobs(session) if skip_tracked else None
        skipped: list[int] = []
        seen: dict[Any, int] = {}
        identical: list[tuple[int, int]] = []

        for number, record in enumerate(records, start=1):
            try:
                draft = record.application.validated()
                interviews = [i.validated() for i in record.interviews]
                if draft.stage:
                    stage = by_name.get(draft.stage.casefold())
                    if stage is None:
                        valid = ", ".join(s.name for s in stages)
                        raise ValidationError("stage", f"no stage named {draft.stage!r}; "
                                                       f"valid stages: {valid}")
                else:
                    stage = applied if draft.applied_on else initial
                history = self._history(record, draft.applied_on, stage, stages, by_name, today)
                # One definition of the applied date, as for one application added.
                applied_on = applied_date(history, initial)
                if draft.applied_on is not None and draft.applied_on != applied_on:
                    first = (f"its first step that counts as applied is on "
                             f"{applied_on.isoformat()}" if applied_on else
                             "its stage history never shows it sent")
                    raise ValidationError("applied_on", f"{draft.applied_on.isoformat()} is "
                                                        f"not the Applied date: {first}")
                if draft.stage and history[-1][0].id != stage.id:
                    raise ValidationError("stage", f"the stage history ends at "
                                                   f"{history[-1][0].name}, not {stage.name}")
                notes = [(required_text("note", body, MAX_TEXT),
                          _timestamp("note time", written or now, now))
                         for body, written in record.notes]
                created = _timestamp("created_at", record.created_at or now, now)
            except ValidationError as error:
                raise ValidationError(error.field, f"record {number}: {error.reason}") from None
            if tracked is not None and tracked.holds(draft.url, draft.company, draft.title,
                                                     applied_on):
                skipped.append(number)
                continue
            sameness = (draft, tuple(interviews), record.events, record.notes, record.created_at)
            if sameness in seen:
                identical.append((number, seen[sameness]))
            seen.setdefault(sameness, number)

            company_id = companies.get(draft.company.casefold())
            if company_id is None:
                company_id = companies[draft.company.casefold()] = ids.next("company")
                rows["company"].append({"id": company_id, "name": draft.company,
                                        "created_at": now})
            app_id = ids.next("application")
            new_ids.append(app_id)
            fields = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)
                      if f.name not in {"company", "stage", "tags"}}
            rows["application"].append({
                **fields, "id": app_id, "company_id": company_id, "stage_id": history[-1][0].id,
                "applied_on": applied_on, "stage_changed_on": history[-1][1],
                "created_at": created, "updated_at": created, "deleted_at": None,
            })
            previous: int | None = None
            for event_stage, on in history:
                rows["stage_event"].append({
                    "id": ids.next("stage_event"), "application_id": app_id,
                    "from_stage_id": previous, "to_stage_id": event_stage.id, "occurred_on": on,
                    "recorded_at": now, "note": None,
                })
                previous = event_stage.id
            for body, written in notes:
                rows["note"].append({"id": ids.next("note"), "application_id": app_id,
                                     "body": body, "created_at": written,
                                     "updated_at": written})
            for interview in interviews:
                # A shallow copy: dataclasses.asdict deep-copies every datetime.
                rows["interview"].append({
                    "id": ids.next("interview"), "application_id": app_id,
                    **{f.name: getattr(interview, f.name)
                       for f in dataclasses.fields(interview)}})
            for tag in draft.tags:
                tag_id = tags.get(tag.casefold())
                if tag_id is None:
                    tag_id = tags[tag.casefold()] = ids.next("tag")
                    rows["tag"].append({"id": tag_id, "name": tag})
                rows["app_tag"].append({"application_id": app_id, "tag_id": tag_id})

        # Notes go in before their applications, with foreign keys checked at
        # commit instead of per statement: the application's insert trigger then
        # indexes it once with its notes, instead of re-indexing it per note.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        tables: list[tuple[str, Table]] = [
            ("company", Company.__table__), ("tag", Tag.__table__),  # type: ignore[list-item]
            ("note", Note.__table__),  # type: ignore[list-item]
            ("application", Application.__table__),  # type: ignore[list-item]
            ("stage_event", StageEvent.__table__),  # type: ignore[list-item]
            ("interview", Interview.__table__),  # type: ignore[list-item]
            ("app_tag", application_tag),
        ]
        for key, table in tables:
            if rows[key]:
                session.execute(insert(table), rows[key])
        return RecordsImport(new_ids, skipped, identical)

    @staticmethod
    def _history(record: ApplicationRecord, applied_on: Any, stage: StageRow,
                 stages: list[StageRow], by_name: dict[str, StageRow], today: Any
                 ) -> list[tuple[StageRow, Any]]:
        if not record.events:
            return initial_history(stages, stage, applied_on, None, today)
        history = []
        for name, on in sorted(record.events, key=lambda event: event[1]):
            event_stage = by_name.get(name.casefold())
            if event_stage is None:
                raise ValidationError("stage", f"no stage named {name!r}")
            check_event_date("stage date", on, today)
            history.append((event_stage, on))
        return history


@dataclass(frozen=True)
class RecordsImport:
    """What a bulk import saved and what it left out.

    ``ids``: the new applications. ``already_tracked``: 1-based positions of the
    records skipped as already tracked. ``identical``: (position, earlier position)
    of records equal to an earlier one in the same import (both saved).
    """

    ids: list[int]
    already_tracked: list[int] = field(default_factory=list)
    identical: list[tuple[int, int]] = field(default_factory=list)


def posting_url_key(url: str | None) -> str | None:
    """A posting URL compared loosely: scheme and host in any case, no trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                       parts.query, parts.fragment))


class _TrackedJobs:
    """Every application in the database (trash included), by posting URL and by job."""

    def __init__(self, session: Session) -> None:
        self._urls: set[str] = set()
        self._jobs: set[tuple[str, str, dt.date | None]] = set()
        for url, company, title, applied_on in session.execute(
                select(Application.url, Company.name, Application.title, Application.applied_on)
                .join(Company, Company.id == Application.company_id)):
            key = posting_url_key(url)
            if key is not None:
                self._urls.add(key)
            self._jobs.add((company.casefold(), title.casefold(), applied_on))

    def holds(self, url: str | None, company: str, title: str, applied_on: dt.date | None
              ) -> bool:
        key = posting_url_key(url)
        return ((key is not None and key in self._urls)
                or (company.casefold(), title.casefold(), applied_on) in self._jobs)


def _timestamp(field: str, value: dt.datetime, now: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValidationError(field, "needs a time zone")
    if value > now:
        raise ValidationError(field, f"{value.isoformat()} is in the future")
    return value


class _IdAllocator:
    """Hands out primary keys above the current maximum of each table.

    Safe because the whole import holds SQLite's write lock (BEGIN IMMEDIATE),
    and it lets related rows be inserted with plain executemany, no RETURNING.
    """

    _TABLES: ClassVar[dict[str, Any]] = {
        "company": Company.id, "tag": Tag.id, "application": Application.id,
        "stage_event": StageEvent.id, "note": Note.id, "interview": Interview.id}

    def __init__(self, session: Session) -> None:
        self._session = session
        self._next: dict[str, int] = {}

    def next(self, table: str) -> int:
        if table not in self._next:
            current = self._session.scalar(select(func.max(self._TABLES[table])))
            self._next[table] = (current or 0) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value
