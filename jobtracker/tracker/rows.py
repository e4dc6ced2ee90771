"""Plain, immutable rows the use cases return: what views and commands show, never ORM objects."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from jobtracker.vocabulary import StageKind


@dataclass(frozen=True, slots=True)
class StageRow:
    """A stage as shown in pickers and filters."""

    id: int
    name: str
    kind: StageKind
    position: int
    color: str | None
    # Only history shows a retired stage (by name); lists and lookups skip it.
    retired_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """One line of the applications list, read with every other line in one query."""

    id: int
    company: str
    title: str
    stage_id: int
    stage: str
    stage_kind: StageKind
    stage_color: str | None
    applied_on: dt.date | None
    last_change: dt.date
    location: str | None
    remote: str | None
    salary_min: int | None
    salary_max: int | None
    salary_currency: str | None
    salary_period: str | None
    employment_type: str | None
    priority: int
    tags: tuple[str, ...]
    url: str | None
    source: str | None
    next_interview: dt.datetime | None
    follow_up_on: dt.date | None
    notes_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None


class SortKey(enum.StrEnum):
    """Columns the list can be ordered by."""

    COMPANY = "company"
    TITLE = "title"
    STAGE = "stage"
    APPLIED = "applied"
    LAST_CHANGE = "last_change"
    LOCATION = "location"
    SALARY = "salary"
    PRIORITY = "priority"
    NEXT_INTERVIEW = "next_interview"
    FOLLOW_UP = "follow_up"
    CREATED = "created"
    ID = "id"


@dataclass(frozen=True, slots=True)
class ApplicationFilter:
    """Which applications a list shows; empty means all live (not trashed) ones."""

    search: str = ""
    stages: tuple[str, ...] = ()
    kinds: tuple[StageKind, ...] = ()
    tag: str | None = None
    applied_from: dt.date | None = None
    applied_to: dt.date | None = None
    trashed: bool = False


@dataclass(frozen=True, slots=True)
class EventRow:
    """A dated stage change in an application's timeline."""

    id: int
    from_stage: str | None
    to_stage: str
    to_kind: StageKind
    occurred_on: dt.date
    recorded_at: dt.datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A Markdown note."""

    id: int
    application_id: int
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class InterviewRow:
    """A scheduled interview round."""

    id: int
    application_id: int
    kind: str
    starts_at: dt.datetime
    timezone: str | None
    duration_minutes: int | None
    location: str | None
    meeting_url: str | None
    interviewers: str | None
    outcome: str
    notes: str | None


@dataclass(frozen=True, slots=True)
class ContactRow:
    """A person, with the company they are at."""

    id: int
    name: str
    company: str | None
    role: str | None
    email: str | None
    phone: str | None
    linkedin_url: str | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A reminder or to-do."""

    id: int
    application_id: int | None
    title: str
    due_on: dt.date | None
    done_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored file attached to an application."""

    id: int
    sha256: str
    filename: str
    media_type: str | None
    size_bytes: int
    role: str


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    """An archived copy of a posting (its body is read on demand)."""

    id: int
    source_url: str
    fetched_at: dt.datetime
    extractor: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class SnapshotDetail:
    """An archived copy of a posting with its bodies, for showing and comparing."""

    id: int
    source_url: str
    final_url: str | None
    http_status: int | None
    fetched_at: dt.datetime
    extractor: str | None
    title: str | None
    description_html: str | None
    description_text: str | None


@dataclass(frozen=True, slots=True)
class ApplicationDetail:
    """Everything about one application, for its detail view and ``show``."""

    id: int
    title: str
    company: str
    stage: str
    stage_kind: StageKind
    location: str | None
    remote: str | None
    employment_type: str | None
    salary_min: int | None
    salary_max: int | None
    salary_currency: str | None
    salary_period: str | None
    url: str | None
    source: str | None
    priority: int
    applied_on: dt.date | None
    follow_up_on: dt.date | None
    last_change: dt.date
    description: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    tags: tuple[str, ...] = ()
    events: tuple[EventRow, ...] = ()
    notes: tuple[NoteRow, ...] = ()
    interviews: tuple[InterviewRow, ...] = ()
    contacts: tuple[ContactRow, ...] = ()
    tasks: tuple[TaskRow, ...] = ()
    documents: tuple[DocumentRow, ...] = ()
    snapshots: tuple[SnapshotRow, ...] = ()


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """How many applications reached a stage, and what share of the step before."""

    stage: str
    reached: int
    rate: float | None


@dataclass(frozen=True, slots=True)
class StageCount:
    """Live applications currently at a stage."""

    stage: StageRow
    count: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Headline numbers of the search."""

    total: int
    by_stage: tuple[StageCount, ...]
    funnel: tuple[FunnelStep, ...]
    by_kind: dict[str, int] = field(default_factory=dict)
