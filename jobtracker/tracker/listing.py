"""Listing and searching applications: one query, plain rows, full-text search over FTS5."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    ScalarSelect,
    column,
    false,
    func,
    literal_column,
    select,
    text,
)

from jobtracker.models import (
    Application,
    Company,
    Interview,
    InterviewOutcome,
    Note,
    Stage,
    Tag,
    application_tag,
)
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.rows import ApplicationFilter, ApplicationRow, SortKey

TAG_SEPARATOR = "\x1f"  # cannot appear in a tag name typed by a user
_TOKEN = re.compile(r"\w+", re.UNICODE)
ALL = ApplicationFilter()  # every live application


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, as a prefix.

    Quoting each token keeps FTS5 operators (AND, NEAR, ``-``, ``:``) in user
    input from being interpreted; None means there is nothing to search for.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def _tags_subquery() -> ColumnElement[str | None]:
    return (
        select(func.group_concat(Tag.name, TAG_SEPARATOR))
        .join(application_tag, application_tag.c.tag_id == Tag.id)
        .where(application_tag.c.application_id == Application.id)
        .scalar_subquery()
    )


def _next_interview(now_value: object) -> ScalarSelect[Any]:
    return (
        select(func.min(Interview.starts_at))
        .where(Interview.application_id == Application.id,
               Interview.starts_at >= now_value,
               Interview.outcome == InterviewOutcome.PENDING)
        .scalar_subquery()
    )


def _split_tags(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split(TAG_SEPARATOR), key=str.casefold)) if joined else ()


def _notes_count() -> ColumnElement[int]:
    return (select(func.count(Note.id)).where(Note.application_id == Application.id)
            .scalar_subquery())


_SORT_COLUMNS: dict[SortKey, list[Any]] = {
    SortKey.COMPANY: [Company.name, Application.title],
    SortKey.TITLE: [Application.title],
    SortKey.STAGE: [Stage.position],
    SortKey.APPLIED: [Application.applied_on],
    SortKey.LAST_CHANGE: [Application.stage_changed_on],
    SortKey.LOCATION: [Application.location],
    SortKey.SALARY: [func.coalesce(Application.salary_max, Application.salary_min)],
    SortKey.PRIORITY: [Application.priority],
    SortKey.FOLLOW_UP: [Application.follow_up_on],
    SortKey.CREATED: [Application.created_at],
    SortKey.ID: [Application.id],
}


class ListingMixin(TrackerBase):
    """Reading many applications at once."""

    def list_applications(
        self,
        filters: ApplicationFilter = ALL,
        *,
        sort: SortKey = SortKey.LAST_CHANGE,
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ApplicationRow]:
        """The applications matching ``filters``, sorted, as plain rows (one query)."""
        return list(self.iter_applications(filters, sort=sort, descending=descending,
                                           limit=limit, offset=offset))

    def iter_applications(
        self,
        filters: ApplicationFilter = ALL,
        *,
        sort: SortKey = SortKey.LAST_CHANGE,
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[ApplicationRow]:
        """Like ``list_applications`` but streamed, for exports of any size."""
        next_interview = _next_interview(self._now()).label("next_interview")
        query = select(
            Application.id, Company.name, Application.title, Application.stage_id, Stage.name,
            Stage.kind, Stage.color, Application.applied_on, Application.stage_changed_on,
            Application.location, Application.remote, Application.salary_min,
            Application.salary_max, Application.salary_currency, Application.salary_period,
            Application.employment_type, Application.priority, _tags_subquery(),
            Application.url, Application.source, next_interview, Application.follow_up_on,
            _notes_count(), Application.created_at, Application.updated_at,
            Application.deleted_at,
        ).join(Company, Company.id == Application.company_id).join(
            Stage, Stage.id == Application.stage_id
        )
        query = query.where(*_where(filters))
        order: list[Any] = (
            [literal_column("next_interview")] if sort == SortKey.NEXT_INTERVIEW
            else list(_SORT_COLUMNS[sort])
        )
        direction = [c.desc().nulls_last() if descending else c.asc().nulls_last() for c in order]
        query = query.order_by(*direction, Application.id.desc() if descending
                               else Application.id.asc())
        if limit is not None:
            query = query.limit(limit).offset(offset)
        with self.db.read() as session:
            for row in session.execute(query):
                (app_id, company, title, stage_id, stage, kind, color, applied_on, changed,
                 location, remote, salary_min, salary_max, currency, period, employment,
                 priority, tags, url, source, interview, follow_up, notes, created, updated,
                 deleted) = row
                yield ApplicationRow(
                    app_id, company, title, stage_id, stage, kind, color, applied_on, changed,
                    location, remote.value if remote else None, salary_min, salary_max,
                    currency, period.value if period else None,
                    employment.value if employment else None, priority,
                    _split_tags(tags), url, source, interview, follow_up, notes, created,
                    updated, deleted,
                )

    def count_applications(self, filters: ApplicationFilter = ALL) -> int:
        """How many applications match ``filters``."""
        query = select(func.count(Application.id)).join(Stage, Stage.id == Application.stage_id)
        query = query.where(*_where(filters))
        with self.db.read() as session:
            return int(session.scalar(query) or 0)

    def search_ids(self, text_query: str) -> list[int]:
        """Ids of live applications whose text matches, best match first."""
        match = fts_query(text_query)
        if match is None:
            return []
        with self.db.read() as session:
            return list(session.scalars(
                text("SELECT f.rowid FROM application_fts AS f JOIN application AS a "
                     "ON a.id = f.rowid WHERE application_fts MATCH :q AND a.deleted_at IS NULL "
                     "ORDER BY rank").bindparams(q=match)
            ))


def _where(filters: ApplicationFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        Application.deleted_at.is_not(None) if filters.trashed
        else Application.deleted_at.is_(None)
    ]
    if filters.stages:
        clauses.append(Stage.name.in_(filters.stages))
    if filters.kinds:
        clauses.append(Stage.kind.in_(filters.kinds))
    if filters.tag:
        clauses.append(Application.id.in_(
            select(application_tag.c.application_id).join(Tag).where(Tag.name == filters.tag)
        ))
    if filters.applied_from:
        clauses.append(Application.applied_on >= filters.applied_from)
    if filters.applied_to:
        clauses.append(Application.applied_on <= filters.applied_to)
    match = fts_query(filters.search)
    if match is not None:
        clauses.append(Application.id.in_(
            text("SELECT rowid FROM application_fts WHERE application_fts MATCH :q")
            .bindparams(q=match).columns(column("rowid", Integer))
        ))
    elif filters.search.strip():
        clauses.append(false())  # only punctuation typed: nothing can match
    return clauses

