"""The use cases: the only way the UI and the CLI read or change data.

``Tracker`` is one facade over subject mixins (applications, stages,
listing, activity, people, files, duplicates, stats, insights, bulk,
data exchange, mail); each public method is one user action in one
transaction. Every row and input type the callers see is exported here,
so the UI never imports a submodule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from jobtracker.db import Database, open_database
from jobtracker.models import utcnow
from jobtracker.tracker.activity import ActivityMixin
from jobtracker.tracker.applications import AlreadyAtStageError, ApplicationsMixin
from jobtracker.tracker.bulk import BulkMixin, RecordsImport
from jobtracker.tracker.data_exchange import BackupImport, DataExchangeMixin
from jobtracker.tracker.duplicates import DuplicateRow, DuplicatesMixin
from jobtracker.tracker.files import FilesMixin
from jobtracker.tracker.inputs import (
    AmbiguousTimeError,
    ApplicationInput,
    ApplicationRecord,
    ContactInput,
    InterviewInput,
    SnapshotInput,
    offset_text,
)
from jobtracker.tracker.insights import (
    NO_ANSWER,
    NOT_STATED,
    UNKNOWN_SOURCE,
    CalendarEntry,
    CalendarItem,
    Dashboard,
    InsightsMixin,
    SankeyFlow,
    TodayItem,
    TodayList,
    WeekCount,
)
from jobtracker.tracker.listing import ListingMixin
from jobtracker.tracker.mail import AcceptResult, MailMixin, SuggestionRow
from jobtracker.tracker.people import PeopleMixin
from jobtracker.tracker.rows import (
    ApplicationDetail,
    ApplicationFilter,
    ApplicationRow,
    ContactRow,
    DocumentRow,
    EventRow,
    FunnelStep,
    InterviewRow,
    NoteRow,
    SnapshotDetail,
    SnapshotRow,
    SortKey,
    StageCount,
    StageRow,
    Stats,
    TaskRow,
)
from jobtracker.tracker.stages import StagesMixin
from jobtracker.tracker.stats import StatsMixin

# The package's whole public face: the UI imports from here only, never a submodule.
__all__ = [
    "NOT_STATED",
    "NO_ANSWER",
    "UNKNOWN_SOURCE",
    "AcceptResult",
    "AlreadyAtStageError",
    "AmbiguousTimeError",
    "ApplicationDetail",
    "ApplicationFilter",
    "ApplicationInput",
    "ApplicationRecord",
    "ApplicationRow",
    "BackupImport",
    "CalendarEntry",
    "CalendarItem",
    "ContactInput",
    "ContactRow",
    "Dashboard",
    "Database",
    "DocumentRow",
    "DuplicateRow",
    "EventRow",
    "FunnelStep",
    "InterviewInput",
    "InterviewRow",
    "NoteRow",
    "RecordsImport",
    "RetireResult",
    "SankeyFlow",
    "SnapshotDetail",
    "SnapshotInput",
    "SnapshotRow",
    "SortKey",
    "StageCount",
    "StageRow",
    "Stats",
    "SuggestionRow",
    "TaskRow",
    "TodayItem",
    "TodayList",
    "Tracker",
    "WeekCount",
    "offset_text",
]


class Tracker(
    MailMixin,  # builds on ApplicationsMixin, so it comes before it
    ApplicationsMixin,
    StagesMixin,
    ListingMixin,
    ActivityMixin,
    PeopleMixin,
    DataExchangeMixin,
    FilesMixin,
    DuplicatesMixin,
    StatsMixin,
    InsightsMixin,
    BulkMixin,
):
    """Every use case of JobTracker over one open database."""

    @classmethod
    def open(cls, path: Path, *, create: bool = True, make_folder: bool = True,
             today: Callable[[], dt.date] = dt.date.today,
             now: Callable[[], dt.datetime] = utcnow) -> Tracker:
        """Open (and migrate) the database at ``path`` (see ``open_database``).

        A worker thread opens its own tracker this way, passing the clocks of the one it
        works for (``today``, ``now``), rather than sharing that tracker's database.
        """
        return cls(open_database(path, create=create, make_folder=make_folder), today=today,
                   now=now)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

