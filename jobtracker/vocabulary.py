"""The fixed words of JobTracker (stage kinds, outcomes, ...) as plain enums, no SQLAlchemy.

The schema stores these values, the use cases check them, and the UI shows them; this module
is their one home, so the UI can name them without reaching for the database models.
"""

from __future__ import annotations

import enum

__all__ = [
    "DocumentRole",
    "EmploymentType",
    "InterviewOutcome",
    "MailSecurity",
    "RemotePolicy",
    "SalaryPeriod",
    "StageKind",
    "SuggestionKind",
    "SuggestionStatus",
]


class StageKind(enum.StrEnum):
    """What reaching a stage means for the search."""

    OPEN = "open"
    OFFER = "offer"
    WON = "won"
    LOST = "lost"


class RemotePolicy(enum.StrEnum):
    """Where the work happens."""

    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"


class EmploymentType(enum.StrEnum):
    """The contract the job comes with."""

    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    CONTRACT = "contract"
    TEMPORARY = "temporary"
    INTERNSHIP = "internship"
    VOLUNTEER = "volunteer"
    OTHER = "other"


class SalaryPeriod(enum.StrEnum):
    """What span of time a salary amount pays for."""

    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class InterviewOutcome(enum.StrEnum):
    """How an interview round went."""

    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class DocumentRole(enum.StrEnum):
    """Why a document is attached to an application."""

    RESUME = "resume"
    COVER_LETTER = "cover_letter"
    OTHER = "other"


class MailSecurity(enum.StrEnum):
    """How the connection to an IMAP server is protected."""

    SSL = "ssl"
    STARTTLS = "starttls"
    PLAIN = "plain"


class SuggestionKind(enum.StrEnum):
    """What a message from an employer says about an application."""

    RECEIVED = "received"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    REJECTION = "rejection"
    OFFER = "offer"
    OTHER = "other"


class SuggestionStatus(enum.StrEnum):
    """Whether the user has answered a suggestion yet."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
