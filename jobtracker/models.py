"""The JobTracker schema, in one place, as SQLAlchemy 2 typed ORM classes."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from jobtracker.vocabulary import (
    DocumentRole,
    EmploymentType,
    InterviewOutcome,
    MailSecurity,
    RemotePolicy,
    SalaryPeriod,
    StageKind,
    SuggestionKind,
    SuggestionStatus,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A fresh random UUID as text: the identity a row keeps in every export and copy."""
    return str(uuid.uuid4())


def _uuid_column() -> Mapped[str]:
    # The server default only lets migration 0004 add the column to filled tables;
    # a trigger there replaces '' at once, so rows always differ.
    return mapped_column(String(36), default=new_uuid, server_default="", unique=True,
                         index=True)


def utcnow() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as naive UTC text; returns them aware in UTC.

    Refusing naive datetimes on the way in is deliberate: a naive value is
    ambiguous and would silently shift by the machine's offset.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is stored")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    # Stored as the plain value with a CHECK constraint: readable in any SQLite
    # browser and stable if member names change.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


application_tag = Table(
    "application_tag",
    Base.metadata,
    Column("application_id", ForeignKey("application.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)

application_contact = Table(
    "application_contact",
    Base.metadata,
    Column("application_id", ForeignKey("application.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Stage(Base):
    """A step of the search, ordered by ``position``; users may rename and add stages."""

    __tablename__ = "stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60, collation="NOCASE"), unique=True)
    kind: Mapped[StageKind] = mapped_column(_enum(StageKind, "stage_kind"))
    position: Mapped[int] = mapped_column(Integer)
    color: Mapped[str | None] = mapped_column(String(7))
    # Set when the user removed a stage that has history: its events keep naming
    # it, but no lookup, list or picker offers it any more.
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


class Company(Base):
    """An employer; applications and contacts belong to one."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)
    website: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Application(Base):
    """One job being tracked, from saved to its end."""

    __tablename__ = "application"
    __table_args__ = (
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority_range"),
        CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max",
            name="salary_order",
        ),
        CheckConstraint(
            "(salary_min IS NULL AND salary_max IS NULL) OR salary_currency IS NOT NULL",
            name="salary_currency",
        ),
        Index("ix_application_live_changed", "deleted_at", "stage_changed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    title: Mapped[str] = mapped_column(String(300))
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="RESTRICT"),
                                            index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="RESTRICT"), index=True)
    location: Mapped[str | None] = mapped_column(String(300))
    remote: Mapped[RemotePolicy | None] = mapped_column(_enum(RemotePolicy, "remote_policy"))
    employment_type: Mapped[EmploymentType | None] = mapped_column(
        _enum(EmploymentType, "employment_type")
    )
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(_enum(SalaryPeriod, "salary_period"))
    url: Mapped[str | None] = mapped_column(String(2000))
    source: Mapped[str | None] = mapped_column(String(100))
    priority: Mapped[int] = mapped_column(Integer, default=3)
    applied_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    stage_changed_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    company: Mapped[Company] = relationship(lazy="raise")
    stage: Mapped[Stage] = relationship(lazy="raise")
    tags: Mapped[list[Tag]] = relationship(secondary=application_tag)


class StageEvent(Base):
    """A dated move from one stage to another; the timeline and statistics come from these."""

    __tablename__ = "stage_event"
    __table_args__ = (Index("ix_stage_event_application_occurred", "application_id",
                            "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    from_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="RESTRICT"))
    to_stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="RESTRICT"),
                                             index=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class Interview(Base):
    """A scheduled round: when (UTC, plus the zone it was set in), where, with whom, outcome."""

    __tablename__ = "interview"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(60))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(300))
    meeting_url: Mapped[str | None] = mapped_column(String(2000))
    interviewers: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[InterviewOutcome] = mapped_column(
        _enum(InterviewOutcome, "interview_outcome"), default=InterviewOutcome.PENDING
    )
    notes: Mapped[str | None] = mapped_column(Text)


class Contact(Base):
    """A person met during the search, optionally at a company, linked to applications."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"),
                                                   index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    linkedin_url: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Note(Base):
    """A Markdown note on an application."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"),
                                                index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Task(Base):
    """A reminder or to-do, for one application or for the search in general."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Tag(Base):
    """A free label; names are unique regardless of case."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60, collation="NOCASE"), unique=True)


class Document(Base):
    """A file actually sent (resume, cover letter), stored once by its SHA-256."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str | None] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApplicationDocument(Base):
    """Which document went with which application, and as what."""

    __tablename__ = "application_document"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    role: Mapped[DocumentRole] = mapped_column(_enum(DocumentRole, "document_role"),
                                               primary_key=True)
    attached_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostingSnapshot(Base):
    """What a posting said when it was imported, kept after the ad disappears online."""

    __tablename__ = "posting_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"),
                                                index=True)
    source_url: Mapped[str] = mapped_column(String(2000))
    final_url: Mapped[str | None] = mapped_column(String(2000))
    http_status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    extractor: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str | None] = mapped_column(String(300))
    description_html: Mapped[str | None] = mapped_column(Text)
    description_text: Mapped[str | None] = mapped_column(Text)
    raw_data: Mapped[str | None] = mapped_column(Text)


class MailAccountRow(Base):
    """An IMAP mailbox the user asked JobTracker to read; the password lives in the keyring."""

    __tablename__ = "mail_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100, collation="NOCASE"), unique=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[MailSecurity] = mapped_column(_enum(MailSecurity, "mail_security"))
    user: Mapped[str] = mapped_column(String(320))
    # Folder names, one per line: IMAP names may hold spaces and commas but no newline.
    folders: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_scan_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class MailFolderState(Base):
    """How far a folder has been read: the UID validity and the highest UID seen."""

    __tablename__ = "mail_folder_state"
    __table_args__ = (UniqueConstraint("account_id", "folder",
                                       name="uq_mail_folder_state_account_folder"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("mail_account.id", ondelete="CASCADE"))
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer)


class MailSuggestion(Base):
    """A proposed change drawn from one message; never the message body itself."""

    __tablename__ = "mail_suggestion"
    __table_args__ = (
        UniqueConstraint("account_id", "message_id", name="uq_mail_suggestion_account_message"),
        Index("ix_mail_suggestion_status_date", "status", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("mail_account.id", ondelete="CASCADE"))
    message_id: Mapped[str] = mapped_column(String(998))
    date: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sender: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(1000))
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="SET NULL"), index=True)
    kind: Mapped[SuggestionKind] = mapped_column(_enum(SuggestionKind, "suggestion_kind"))
    proposed_stage: Mapped[str | None] = mapped_column(String(60))
    interview_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The offset the message stated, so the proposal prints as it was written.
    interview_utc_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[SuggestionStatus] = mapped_column(
        _enum(SuggestionStatus, "suggestion_status"), default=SuggestionStatus.PENDING)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # What accepting created, so undo removes exactly that and nothing else.
    created_stage_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("stage_event.id", ondelete="SET NULL"))
    created_interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview.id", ondelete="SET NULL"))
    created_application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="SET NULL"))
    # The application accepting linked to (may differ from the proposal after an edit).
    accepted_application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="SET NULL"))
