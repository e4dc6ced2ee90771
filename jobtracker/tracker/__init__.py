"""The use cases: the only way the UI and the CLI read or change data.

``Tracker`` is one facade over subject mixins (applications, stages,
listing, activity, people, files, duplicates, stats, insights, bulk,
backup, mail); each public method is one user
action in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from jobtracker.db import Database, open_database
from jobtracker.tracker.activity import ActivityMixin
from jobtracker.tracker.applications import ApplicationsMixin
from jobtracker.tracker.bulk import BulkMixin
from jobtracker.tracker.data_exchange import DataExchangeMixin
from jobtracker.tracker.duplicates import DuplicatesMixin
from jobtracker.tracker.files import FilesMixin
from jobtracker.tracker.inputs import (
    ApplicationInput,
    ApplicationRecord,
    ContactInput,
    InterviewInput,
    SnapshotInput,
)
from jobtracker.tracker.insights import InsightsMixin
from jobtracker.tracker.listing import ListingMixin
from jobtracker.tracker.mail import AcceptResult, MailMixin, SuggestionRow
from jobtracker.tracker.people import PeopleMixin
from jobtracker.tracker.rows import (
    ApplicationDetail,
    ApplicationFilter,
    ApplicationRow,
    SortKey,
    StageRow,
    Stats,
)
from jobtracker.tracker.stages import StagesMixin
from jobtracker.tracker.stats import StatsMixin

__all__ = [
    "AcceptResult",
    "ApplicationDetail",
    "ApplicationFilter",
    "ApplicationInput",
    "ApplicationRecord",
    "ApplicationRow",
    "ContactInput",
    "Database",
    "InterviewInput",
    "SnapshotInput",
    "SortKey",
    "StageRow",
    "Stats",
    "SuggestionRow",
    "Tracker",
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
    def open(cls, path: Path, *, create: bool = True, make_folder: bool = True) -> Tracker:
        """Open (and migrate) the database at ``path`` (see ``open_database``)."""
        return cls(open_database(path, create=create, make_folder=make_folder))

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

