"""What callers hand to the use cases, and the checks every value passes before it is saved."""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar
from urllib.parse import urlsplit

from jobtracker import money
from jobtracker.errors import ValidationError
from jobtracker.vocabulary import EmploymentType, InterviewOutcome, RemotePolicy, SalaryPeriod

E = TypeVar("E", bound=enum.StrEnum)

MAX_TITLE = 300
MAX_NAME = 200
MAX_URL = 2000
MAX_TEXT = 1_000_000  # a 1 MB note is already absurd; beyond this it is a mistake
# Dates a job search can have. Beyond them a date is a typo, and four-digit-year
# formats, local-time conversion and the calendar export break near years 1 and 9999.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)


@dataclass(frozen=True)
class ApplicationInput:
    """A new application as a caller describes it; ``validated()`` returns the normalised form."""

    title: str
    company: str
    stage: str | None = None
    location: str | None = None
    remote: RemotePolicy | str | None = None
    employment_type: EmploymentType | str | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None
    salary_period: SalaryPeriod | str | None = None
    url: str | None = None
    source: str | None = None
    priority: int = 3
    applied_on: dt.date | None = None
    follow_up_on: dt.date | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()

    def validated(self) -> ApplicationInput:
        """This input checked and normalised; ValidationError names the bad field."""
        currency = clean_currency(self.salary_currency)
        salary_min, salary_max = check_salary(self.salary_min, self.salary_max, currency)
        return replace(
            self,
            title=required_text("title", self.title, MAX_TITLE),
            company=required_text("company", self.company, MAX_NAME),
            stage=optional_text("stage", self.stage, 60),
            location=optional_text("location", self.location, 300),
            remote=to_enum("remote", RemotePolicy, self.remote),
            employment_type=to_enum("employment_type", EmploymentType, self.employment_type),
            salary_min=salary_min,
            salary_max=salary_max,
            salary_currency=currency,
            salary_period=to_enum("salary_period", SalaryPeriod, self.salary_period),
            url=clean_url("url", self.url),
            source=optional_text("source", self.source, 100),
            priority=check_priority(self.priority),
            applied_on=check_date("applied_on", self.applied_on),
            follow_up_on=check_date("follow_up_on", self.follow_up_on),
            description=optional_text("description", self.description, MAX_TEXT),
            tags=clean_tags(self.tags),
        )


# Fields of an application that ``edit_application`` accepts.
EDITABLE_FIELDS = frozenset(
    {
        "title", "company", "location", "remote", "employment_type", "salary_min", "salary_max",
        "salary_currency", "salary_period", "url", "source", "priority", "applied_on",
        "follow_up_on", "description", "tags",
    }
)  # fmt: skip


@dataclass(frozen=True)
class InterviewInput:
    """An interview round; ``starts_at`` must be timezone-aware."""

    kind: str
    starts_at: dt.datetime
    timezone: str | None = None
    duration_minutes: int | None = 60
    location: str | None = None
    meeting_url: str | None = None
    interviewers: str | None = None
    outcome: InterviewOutcome | str = InterviewOutcome.PENDING
    notes: str | None = None

    def validated(self) -> InterviewInput:
        """Checked and normalised copy."""
        if self.starts_at.tzinfo is None:
            raise ValidationError("starts_at", "needs a time zone")
        check_date("starts_at", self.starts_at.date())
        check_wall_time("starts_at", self.starts_at)
        if self.timezone:
            try:
                zoneinfo.ZoneInfo(self.timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
                raise ValidationError("timezone", f"unknown time zone {self.timezone!r}") from error
        if self.duration_minutes is not None and not 0 < self.duration_minutes <= 24 * 60:
            raise ValidationError("duration_minutes", "must be between 1 and 1440 minutes")
        outcome = to_enum("outcome", InterviewOutcome, self.outcome)
        return replace(
            self,
            kind=required_text("kind", self.kind, 60),
            location=optional_text("location", self.location, 300),
            meeting_url=clean_url("meeting_url", self.meeting_url),
            interviewers=optional_text("interviewers", self.interviewers, MAX_TEXT),
            outcome=outcome or InterviewOutcome.PENDING,
            notes=optional_text("notes", self.notes, MAX_TEXT),
        )


class AmbiguousTimeError(ValidationError):
    """A wall time that happens twice in its zone; ``earlier``/``later`` are the two instants."""

    def __init__(self, field: str, situation: str, earlier: dt.datetime,
                 later: dt.datetime) -> None:
        first, then = (offset_text(when.utcoffset() or dt.timedelta()) for when in (earlier, later))
        super().__init__(field, f"{situation}: first at {first}, then at {then}; give the "
                                "offset to say which")
        self.situation = situation  # "02:30 on 2025-10-26 happens twice in ..."
        self.earlier = earlier
        self.later = later


def check_wall_time(field: str, value: dt.datetime) -> None:
    """Refuse a wall time in a named zone that does not exist or happens twice there.

    A time with a named zone (a ``ZoneInfo``) is what the user read off a clock; around
    a daylight-saving change it may name no instant (the skipped hour) or two (the
    repeated one), and datetime silently picks one. A fixed offset (``+02:00``, UTC)
    names exactly one instant and passes: it is how a caller says which of the two.
    """
    zone = value.tzinfo
    if not isinstance(zone, zoneinfo.ZoneInfo):
        return
    earlier, later = value.replace(fold=0), value.replace(fold=1)
    before, after = earlier.utcoffset(), later.utcoffset()
    if before is None or after is None or before == after:
        return
    # The change's instant lies between the two readings of the wall time.
    low, high = sorted((earlier.astimezone(dt.UTC), later.astimezone(dt.UTC)))
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == after:
            high = middle
        else:
            low = middle
    change = high.replace(microsecond=0)
    old_clock = (change + before).strftime("%H:%M")
    new_clock = (change + after).strftime("%H:%M")
    wall = f"{value:%H:%M} on {value:%Y-%m-%d}"
    if earlier.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != value.replace(
            tzinfo=None, fold=0):
        raise ValidationError(field, f"{wall} does not exist in {zone}: clocks go from "
                                     f"{old_clock} to {new_clock}")
    raise AmbiguousTimeError(
        field, f"{wall} happens twice in {zone} (clocks go back from {old_clock} to "
               f"{new_clock})",
        earlier.astimezone(dt.timezone(before)), later.astimezone(dt.timezone(after)))


def offset_text(offset: dt.timedelta) -> str:
    """``+02:00``, ``-03:30``: an offset from UTC as ISO 8601 writes it."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True)
class ContactInput:
    """A person met during the search."""

    name: str
    company: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin_url: str | None = None
    notes: str | None = None

    def validated(self) -> ContactInput:
        """Checked and normalised copy."""
        email = optional_text("email", self.email, 320)
        if email and ("@" not in email or " " in email):
            raise ValidationError("email", f"{email!r} is not an e-mail address")
        return replace(
            self,
            name=required_text("name", self.name, MAX_NAME),
            company=optional_text("company", self.company, MAX_NAME),
            role=optional_text("role", self.role, 200),
            email=email,
            phone=optional_text("phone", self.phone, 50),
            linkedin_url=clean_url("linkedin_url", self.linkedin_url),
            notes=optional_text("notes", self.notes, MAX_TEXT),
        )


@dataclass(frozen=True)
class SnapshotInput:
    """An archived posting as an importer produced it (HTML already sanitised)."""

    source_url: str
    fetched_at: dt.datetime
    final_url: str | None = None
    http_status: int | None = None
    extractor: str | None = None
    title: str | None = None
    description_html: str | None = None
    description_text: str | None = None
    raw_data: str | None = None

    def validated(self) -> SnapshotInput:
        """Checked and normalised copy."""
        if self.fetched_at.tzinfo is None:
            raise ValidationError("fetched_at", "needs a time zone")
        source_url = clean_url("source_url", self.source_url)
        assert source_url is not None
        if self.http_status is not None and not 100 <= self.http_status <= 599:
            raise ValidationError("http_status", f"{self.http_status} is not an HTTP status")
        return replace(
            self,
            source_url=source_url,
            final_url=clean_url("final_url", self.final_url),
            extractor=optional_text("extractor", self.extractor, 60),
            title=optional_text("title", self.title, MAX_TITLE),
        )


@dataclass(frozen=True)
class ApplicationRecord:
    """A whole application with its history, for bulk imports (CSV, demo data)."""

    application: ApplicationInput
    events: tuple[tuple[str, dt.date], ...] = ()
    notes: tuple[tuple[str, dt.datetime | None], ...] = ()
    interviews: tuple[InterviewInput, ...] = ()
    created_at: dt.datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)


def required_text(name: str, value: str | None, limit: int) -> str:
    """Stripped, non-empty text of at most ``limit`` characters."""
    text = optional_text(name, value, limit)
    if not text:
        raise ValidationError(name, "must not be empty")
    return text


def optional_text(name: str, value: str | None, limit: int) -> str | None:
    """Stripped text or None for blank; refuses NUL characters and over-long values."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(name, "must be text")
    text = value.strip()
    if "\x00" in text:
        raise ValidationError(name, "contains a NUL character")
    if len(text) > limit:
        raise ValidationError(name, f"is longer than {limit} characters")
    return text or None


def clean_url(name: str, value: str | None) -> str | None:
    """An http(s) URL or None; other schemes (javascript:, file:) are refused."""
    text = optional_text(name, value, MAX_URL)
    if text is None:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = urlsplit("")
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ValidationError(name, f"{text!r} is not an http or https address")
    return text


def check_date(name: str, value: dt.date | None) -> dt.date | None:
    """A date between EARLIEST and LATEST, or None."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(name, f"{value.isoformat()} is not between "
                                    f"{EARLIEST.isoformat()} and {LATEST.isoformat()}")
    return value


def check_priority(value: int) -> int:
    """Priority is an integer from 1 (low) to 5 (high)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("priority", f"must be a whole number from 1 to 5, not {value!r}")
    return value


def clean_currency(value: str | None) -> str | None:
    """An ISO 4217 code in upper case, or None."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if not money.is_currency(code):
        raise ValidationError("salary_currency", f"{value!r} is not an ISO 4217 currency code")
    return code


def check_salary(low: int | None, high: int | None, currency: str | None) -> tuple[int | None,
                                                                                  int | None]:
    """Minor-unit integers, non-negative, ordered, and only with a currency."""
    for name, amount in (("salary_min", low), ("salary_max", high)):
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
            raise ValidationError(name, "must be a whole number of minor units (cents)")
        if amount is not None and amount < 0:
            raise ValidationError(name, "must not be negative")
        # Also keeps the minor units inside SQLite's 64-bit integers (an OverflowError).
        if amount is not None and amount > money.max_minor(currency or "USD"):
            raise ValidationError(name, f"is more than {money.MAX_SALARY:,}; "
                                        "not a believable salary")
    if low is not None and high is not None and low > high:
        raise ValidationError("salary_max", "is smaller than the minimum")
    if (low is not None or high is not None) and currency is None:
        raise ValidationError("salary_currency", "is needed when a salary is given")
    return low, high


def to_enum(name: str, cls: type[E], value: E | str | None) -> E | None:
    """Accept the enum, its value, or a loose spelling (``Full-time``, ``on-site``)."""
    if value is None or isinstance(value, cls):
        return value
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    if not text:
        return None
    text = {"on_site": "onsite", "in_office": "onsite", "office": "onsite", "fulltime": "full_time",
            "parttime": "part_time", "wfh": "remote", "remote_first": "remote"}.get(text, text)
    try:
        return cls(text)
    except ValueError:
        allowed = ", ".join(member.value for member in cls)
        raise ValidationError(name, f"{value!r} is not one of {allowed}") from None


def clean_tags(names: Iterable[str]) -> tuple[str, ...]:
    """Stripped, de-duplicated (ignoring case) tag names, in the order given."""
    seen: dict[str, str] = {}
    for raw in names:
        name = optional_text("tags", raw, 60)
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())
