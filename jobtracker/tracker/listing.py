"""Listing and searching applications: one query, plain rows, full-text search over FTS5."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    ScalarSelect,
    Select,
    TextClause,
    bindparam,
    case,
    column,
    false,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from jobtracker.exchange.export_query import TAG_SEPARATOR, export_extras, export_records
from jobtracker.models import Application, Company, Interview, Note, Stage, Tag, application_tag
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.rows import ApplicationFilter, ApplicationRow, SortKey
from jobtracker.vocabulary import InterviewOutcome, SalaryPeriod

_TOKEN = re.compile(r"\w+", re.UNICODE)
# A word whose symbols are part of its name: C++, C#, F#, .NET. Not the dot inside ASP.NET
# or node.js: the words on either side find those already.
_SYMBOL_WORD = re.compile(r"(?<![\w.])\.\w+|\w+[+#]+", re.UNICODE)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_NOT_WORD = "[^a-z0-9_]"  # the GLOB class; SQLite's lower() folds ASCII only, so does the text
_FTS_COLUMNS = ("title", "company", "location", "notes", "description")
ALL = ApplicationFilter()  # every live application


def _fts_text(table: str) -> str:
    """An FTS row's text, lower case, each column between line breaks (a word never spans two)."""
    joined = " || char(10) || ".join(f"coalesce({table}.{name}, '')" for name in _FTS_COLUMNS)
    return f"(char(10) || lower({joined}) || char(10))"


@dataclass(frozen=True)
class SearchTerm:
    """One word of a search: found in an application's text or in the name of one of its tags."""

    token: str
    # C++, C#, .NET: the whole word in ASCII lower case, which the text must also hold
    # (the index keeps letters and digits only, so "C++" alone would find every "C").
    literal: str | None = None

    @property
    def fts(self) -> str:
        """The word as an FTS5 query, quoted so that FTS5 operators in input stay words."""
        # A word typed with its symbol is complete ("c" of C++ is no prefix of "cobol");
        # others are prefixes, for search as you type.
        return f'"{self.token}"' if self.literal else f'"{self.token}"*'

    @property
    def glob(self) -> str | None:
        """A GLOB pattern for the literal where a word starts (C++) or ends (.NET) with it.

        So ".net" is not found in "jobs.netflix.com", nor "c#" in "abc#"; literals hold
        letters, digits, ``.``, ``+`` and ``#`` only, none of which GLOB treats specially.
        """
        if self.literal is None:
            return None
        if self.literal.startswith("."):
            return f"*{self.literal}{_NOT_WORD}*"
        return f"*{_NOT_WORD}{self.literal}*"

    def matches_tag(self, name: str) -> bool:
        """Whether a tag of this name finds the application, as its text would."""
        token = _fold(self.token)
        words = _words(name)
        if self.literal is not None:
            # The GLOB's rule (fnmatch has no negated class as GLOB writes it).
            literal = re.escape(self.literal)
            pattern = (f"{literal}(?![a-z0-9_])" if self.literal.startswith(".")
                       else f"(?<![a-z0-9_]){literal}")
            return token in words and re.search(pattern, name.translate(_ASCII_LOWER)) is not None
        return any(word.startswith(token) for word in words)


def _fold(text: str) -> str:
    """Case and accents folded, as the FTS index's unicode61 remove_diacritics tokenizer does."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    """A tag name's folded words: every keystroke compares them again, so folded once."""
    return tuple(_TOKEN.findall(_fold(name)))


def search_terms(text: str) -> list[SearchTerm]:
    """The words of what a user typed, each of which must match; empty: nothing to search for."""
    symbols = [(found.start(), found.end(), found.group().translate(_ASCII_LOWER))
               for found in _SYMBOL_WORD.finditer(text)]
    terms = []
    for word in _TOKEN.finditer(text):
        literal = next((lit for start, end, lit in symbols
                        if start <= word.start() and word.end() <= end), None)
        terms.append(SearchTerm(word.group(), literal))
    return terms


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, as a prefix.

    Quoting each token keeps FTS5 operators (AND, NEAR, ``-``, ``:``) in user
    input from being interpreted; None means there is nothing to search for. A word
    written with its symbols (C++, .NET) is a whole word, checked by ``_text_matches``.
    """
    terms = search_terms(text)
    return " ".join(term.fts for term in terms) if terms else None


def _text_sql(terms: list[SearchTerm], select_sql: str = "SELECT rowid FROM application_fts",
              table: str = "application_fts", name: str = "q"
              ) -> tuple[str, list[BindParameter[str]]]:
    """A select of the applications whose indexed text holds every one of ``terms``.

    With its parameters, named after ``name``; ``select_sql`` may join more tables to
    ``application_fts`` (named ``table`` there).
    """
    # Unique parameters: one statement can hold several of these selects (tags, below).
    params: list[BindParameter[str]] = [
        bindparam(name, " ".join(term.fts for term in terms), unique=True)]
    sql = f"{select_sql} WHERE application_fts MATCH :{name}"
    # The literal check reads only the rows FTS5 found for the word itself (the "net" of
    # .NET), never the whole table. LIKE (no copy, case-blind) first: lowering every
    # candidate's text for the GLOB costs 6x more (python+ on 50k demo rows: 300 ms).
    literals = {t.literal: t.glob for t in terms if t.literal is not None and t.glob is not None}
    for number, (literal, pattern) in enumerate(sorted(literals.items())):
        like = "%{}%".format(literal.replace("_", "\\_"))
        like_name, glob_name = f"{name}_like{number}", f"{name}_glob{number}"
        params += [bindparam(like_name, like, unique=True),
                   bindparam(glob_name, pattern, unique=True)]
        anywhere = " OR ".join(f"{table}.{column} LIKE :{like_name} ESCAPE '\\'"
                               for column in _FTS_COLUMNS)
        sql += f" AND ({anywhere}) AND {_fts_text(table)} GLOB :{glob_name}"
    return sql, params


def _text_matches(terms: list[SearchTerm], select_sql: str = "SELECT rowid FROM application_fts",
                  rest_sql: str = "", table: str = "application_fts") -> TextClause:
    """``_text_sql`` as a statement, ``rest_sql`` (more conditions, an order) after it."""
    sql, params = _text_sql(terms, select_sql, table)
    return text(f"{sql} {rest_sql}").bindparams(*params)


# Beyond this many words that name tags, each is matched on its own (see _search_matches).
_MAX_TAG_WORDS = 3


def _tagged(ids: list[int], application_id: str) -> str:
    """SQL: the application ``application_id`` has one of the tags ``ids`` (an index lookup)."""
    return (f"EXISTS (SELECT 1 FROM application_tag WHERE application_id = {application_id} "
            f"AND tag_id IN ({', '.join(str(int(tag_id)) for tag_id in ids)}))")


def _search_matches(terms: list[SearchTerm],
                    tags: Sequence[tuple[int, str]]) -> list[TextClause]:
    """Selects of ids that the matches of every one of ``terms`` are in (text or tags).

    A word that names a tag matches in the text or by the tag. For each way of choosing
    which of those words are matched by tag, one branch: FTS5 finds the rows holding all
    the other words and an index lookup checks their tags, so the search stays driven by
    the FTS index. ("python london", python also a tag, at 50k: 11 ms, against 34 ms for
    intersecting a set per word, which reads every python first.)
    """
    by_tag = [(term, ids) for term in terms
              if (ids := [tag_id for tag_id, name in tags if term.matches_tag(name)])]
    if not by_tag:
        return [_text_matches(terms)]
    if len(by_tag) > _MAX_TAG_WORDS:  # 2^n branches: one set per such word instead
        plain = [term for term in terms if all(term is not t for t, _ in by_tag)]
        return [*([_text_matches(plain)] if plain else []),
                *(_text_matches([term], rest_sql="UNION ALL SELECT application_id FROM "
                                f"application_tag WHERE tag_id IN ({', '.join(map(str, ids))})")
                  for term, ids in by_tag)]
    branches: list[str] = []
    params: list[BindParameter[str]] = []
    for number, choice in enumerate(itertools.product((False, True), repeat=len(by_tag))):
        tagged = [ids for (_, ids), chosen in zip(by_tag, choice, strict=True) if chosen]
        in_text = [term for term in terms if not any(
            term is t and chosen for (t, _), chosen in zip(by_tag, choice, strict=True))]
        if in_text:
            sql, more = _text_sql(in_text, name=f"q{number}")  # one name per branch
            params += more
            branches.append(" AND ".join([sql, *(_tagged(ids, "application_fts.rowid")
                                                 for ids in tagged)]))
        else:
            first, *others = tagged
            branches.append(" AND ".join([
                "SELECT t.application_id FROM application_tag AS t WHERE t.tag_id IN "
                f"({', '.join(map(str, first))})",
                *(_tagged(ids, "t.application_id") for ids in others)]))
    return [text(" UNION ALL ".join(branches)).bindparams(*params)]


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


# What one period's pay comes to in a year: 40 hours x 52 weeks, 5 days x 52 weeks. A
# salary without a period is taken as yearly, the way postings usually state one.
YEAR_MULTIPLIERS = {SalaryPeriod.HOUR: 2080, SalaryPeriod.DAY: 260, SalaryPeriod.WEEK: 52,
                    SalaryPeriod.MONTH: 12, SalaryPeriod.YEAR: 1}


def _salary_amount() -> ColumnElement[int | None]:
    # The top of the range says what a job can pay; an open-ended "from" has only a min.
    return func.coalesce(Application.salary_max, Application.salary_min)


def _salary_currency() -> ColumnElement[str | None]:
    """The currency of a stated salary: amounts are only compared within one currency."""
    return case((_salary_amount().is_not(None), Application.salary_currency))


def _yearly_salary() -> ColumnElement[int | None]:
    """The salary's amount (minor units) per year, so 60/hour and 120,000/year compare."""
    period: ColumnElement[Any] = Application.salary_period.expression
    return _salary_amount() * case(
        *((period == unit, factor) for unit, factor in YEAR_MULTIPLIERS.items() if factor != 1),
        else_=1)


_SORT_COLUMNS: dict[SortKey, list[Any]] = {
    SortKey.COMPANY: [Company.name, Application.title],
    SortKey.TITLE: [Application.title],
    SortKey.STAGE: [Stage.position],
    SortKey.APPLIED: [Application.applied_on],
    SortKey.LAST_CHANGE: [Application.stage_changed_on],
    SortKey.LOCATION: [Application.location],
    SortKey.SALARY: [_salary_currency(), _yearly_salary()],
    SortKey.PRIORITY: [Application.priority],
    SortKey.FOLLOW_UP: [Application.follow_up_on],
    SortKey.CREATED: [Application.created_at],
    SortKey.ID: [Application.id],
}


def _list_query(filters: ApplicationFilter, sort: SortKey, descending: bool,
                limit: int | None, offset: int, now: dt.datetime,
                *, with_total: bool = False,
                tags: Sequence[tuple[int, str]] = ()) -> Select[*tuple[Any, ...]]:
    """The list query: the rows of ``filters`` in ``sort`` order, ``limit`` of them from ``offset``.

    With a limit, the page is chosen first from the narrow set (ids and the sort key
    only) and the row's extras (company, stage, tags, next interview, notes count) are
    read for the page's rows alone: in the single-select form SQLite computed the three
    correlated subqueries for every match before sorting and cutting (a search hitting
    1,100 of 50,000 applications paid them 1,100 times for a page of 200). Without a
    limit every row is read anyway, so the plain single select is kept.

    ``with_total`` (needs a limit) adds a last column: how many rows match in all,
    counted by the same pass over the matches that chooses the page. ``tags`` are
    every tag's (id, name), for a search (``_search_tags``).
    """
    def ordered(keys: list[Any], tiebreak: Any) -> list[Any]:
        return [*(key.desc().nulls_last() if descending else key.asc().nulls_last()
                  for key in keys), tiebreak.desc() if descending else tiebreak.asc()]

    def joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
        # Inner joins on both sides, as in the single select, so the page holds exactly
        # the rows the full list would.
        return query.join(Company, Company.id == Application.company_id).join(
            Stage, Stage.id == Application.stage_id)

    # Ordering by the label (not the expression) keeps SQLite from running the
    # subquery twice per row.
    next_interview: ColumnElement[Any] = _next_interview(now).label("next_interview")
    keys: list[Any] = ([next_interview] if sort == SortKey.NEXT_INTERVIEW
                       else list(_SORT_COLUMNS[sort]))
    page = None
    if limit is not None:
        # The one extra that can be a sort key is computed for every match (it decides
        # the page); it is then read off the page instead of computed twice.
        narrow: list[ColumnElement[Any]] = [Application.id.label("id")]
        if sort == SortKey.NEXT_INTERVIEW:
            narrow.append(next_interview)
        if with_total:
            narrow.append(func.count().over().label("total"))
        page = (joined(select(*narrow).select_from(Application)).where(*_where(filters, tags))
                .order_by(*ordered(keys, Application.id)).limit(limit).offset(offset)
                .subquery("page"))
        if sort == SortKey.NEXT_INTERVIEW:
            next_interview = page.c.next_interview.label("next_interview")
            keys = [next_interview]
    query = joined(select(
        Application.id, Company.name, Application.title, Application.stage_id, Stage.name,
        Stage.kind, Stage.color, Application.applied_on, Application.stage_changed_on,
        Application.location, Application.remote, Application.salary_min,
        Application.salary_max, Application.salary_currency, Application.salary_period,
        Application.employment_type, Application.priority, _tags_subquery(),
        Application.url, Application.source, next_interview,
        Application.follow_up_on, _notes_count(), Application.created_at,
        Application.updated_at, Application.deleted_at,
    ).select_from(Application))
    if page is None:
        return query.where(*_where(filters, tags)).order_by(*ordered(keys, Application.id))
    # The page's order is not kept through the join: sort its (at most ``limit``) rows
    # again by the same keys, which the outer query reads off the same rows.
    if with_total:
        query = query.add_columns(page.c.total)
    return query.join(page, page.c.id == Application.id).order_by(*ordered(keys, page.c.id))


def _application_row(values: Any) -> ApplicationRow:
    """A plain row from the list query's columns (any extra columns after them ignored)."""
    (app_id, company, title, stage_id, stage, kind, color, applied_on, changed, location,
     remote, salary_min, salary_max, currency, period, employment, priority, tags, url,
     source, interview, follow_up, notes, created, updated, deleted) = values[:26]
    return ApplicationRow(
        app_id, company, title, stage_id, stage, kind, color, applied_on, changed,
        location, remote.value if remote else None, salary_min, salary_max,
        currency, period.value if period else None,
        employment.value if employment else None, priority,
        _split_tags(tags), url, source, interview, follow_up, notes, created,
        updated, deleted,
    )


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
        with self.db.read() as session:
            query = _list_query(filters, sort, descending, limit, offset, self._now(),
                                tags=_search_tags(session, filters))
            # Core execution: plain rows without the ORM's loading layer, which this
            # column-only select does not need (a third less time per row).
            for values in session.connection().execute(query):
                yield _application_row(values)

    def list_page(
        self,
        filters: ApplicationFilter = ALL,
        *,
        sort: SortKey = SortKey.LAST_CHANGE,
        descending: bool = True,
        limit: int,
    ) -> tuple[int, list[ApplicationRow]]:
        """How many applications match ``filters`` in all, and the first ``limit`` of them.

        What a table shows when its filter changes. While searching, one pass over the
        matches both counts them and picks the page (a window count): a separate count
        would find and look up every match a second time per keystroke. Without a
        search the count reads a covering index alone, cheaper than a window over
        every live row, so it stays its own query.
        """
        if not search_terms(filters.search):
            return (self.count_applications(filters),
                    self.list_applications(filters, sort=sort, descending=descending,
                                           limit=limit))
        with self.db.read() as session:
            query = _list_query(filters, sort, descending, limit, 0, self._now(),
                                with_total=True, tags=_search_tags(session, filters))
            found = session.connection().execute(query).all()
        return (found[0][-1] if found else 0), [_application_row(values) for values in found]

    def iter_export_records(self) -> Iterator[tuple[Any, ...]]:
        """Every live application in id order, as stored values in the CSV export's columns.

        The whole-file export path: one query read straight off the driver's cursor,
        without ORM rows or type conversion (about 4x faster than ``iter_applications``
        at 50,000 applications). Each tuple holds, in ``csv_columns.COLUMNS`` order:
        id, company, title, stage, applied and last change (ISO date text or None),
        location, remote, salary min and max (minor units), currency, period,
        employment type, priority, tags joined by ``TAG_SEPARATOR`` (unordered), url,
        source, next pending interview (``<naive UTC text>|<zone>`` or None), follow-up
        (ISO date text or None) and the notes' bodies, newest first, or None.
        ``exchange.csv_export.write_records`` writes them exactly as ``write_csv`` writes
        the rows of ``iter_applications`` with ``export_extras``.
        """
        with self.db.read() as session:
            connection = session.connection().connection.driver_connection
            yield from export_records(connection, self._now())  # type: ignore[arg-type]

    def export_extras(self, ids: Sequence[int]) -> dict[int, tuple[str | None, str | None]]:
        """The next-interview and notes cells of ``iter_export_records`` for these ids."""
        with self.db.read() as session:
            connection = session.connection().connection.driver_connection
            return export_extras(connection, ids, self._now())  # type: ignore[arg-type]

    def count_applications(self, filters: ApplicationFilter = ALL) -> int:
        """How many applications match ``filters``."""
        query = select(func.count(Application.id))
        if filters.stages or filters.kinds:
            # Joined only when filtering by it: without, the count is read off the
            # covering ix_application_live_changed alone (50k: 8 ms instead of 140 ms,
            # and the table model counts on every reset).
            query = query.join(Stage, Stage.id == Application.stage_id)
        with self.db.read() as session:
            query = query.where(*_where(filters, _search_tags(session, filters)))
            return int(session.scalar(query) or 0)

    def search_ids(self, text_query: str) -> list[int]:
        """Ids of live applications whose text matches, best match first."""
        terms = search_terms(text_query)
        if not terms:
            return []
        with self.db.read() as session:
            return list(session.scalars(_text_matches(
                terms, "SELECT f.rowid FROM application_fts AS f JOIN application AS a "
                       "ON a.id = f.rowid", "AND a.deleted_at IS NULL ORDER BY rank", "f")))


def _where(filters: ApplicationFilter,
           tags: Sequence[tuple[int, str]] = ()) -> list[ColumnElement[bool]]:
    """The conditions of ``filters``; ``tags`` are the (id, name) of every tag, for the search."""
    terms = search_terms(filters.search)
    deleted_at: ColumnElement[Any] = Application.deleted_at.expression
    if terms:
        # Searching: let the few ids the FTS index finds drive the query. On the bare
        # column SQLite walks every live row through ix_application_live_changed and
        # tests each against the matches (the whole table per keystroke: 35 ms at 50k);
        # SQLite's unary + keeps it off that index, so matches are looked up by id.
        deleted_at = literal_column("+application.deleted_at")
    clauses: list[ColumnElement[bool]] = [
        deleted_at.is_not(None) if filters.trashed else deleted_at.is_(None)
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
    if terms:
        clauses += [Application.id.in_(select_ids.columns(column("rowid", Integer)))
                    for select_ids in _search_matches(terms, tags)]
    if not terms and filters.search.strip():
        clauses.append(false())  # only punctuation typed: nothing can match
    return clauses


def _search_tags(session: Session, filters: ApplicationFilter) -> list[tuple[int, str]]:
    """Every tag's id and name when ``filters`` search (a user has tens, not thousands)."""
    if not search_terms(filters.search):
        return []
    # Plain SQL: the ORM's select costs more than reading the few rows (per keystroke).
    rows = session.connection().exec_driver_sql("SELECT id, name FROM tag")
    return [(tag_id, name) for tag_id, name in rows]
