"""Query plans of the hot queries: each uses its index (or the FTS index), never a table walk.

The SQL is captured while the product's own code runs (an engine event), so these tests follow
the code; SQLite's ``EXPLAIN QUERY PLAN`` then says how it would run on a migrated database
with realistic rows. No timings: a plan that walks a table is the regression, at any size.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from jobtracker.demo import populate
from jobtracker.exchange.export_query import EXPORT_SQL
from jobtracker.tracker import ApplicationFilter, ApplicationInput, SortKey, Tracker
from jobtracker.vocabulary import StageKind

# The main query of the applications list (and of the board, and count_applications).
LIST_QUERY = "FROM application JOIN company"
LIVE_WALK = "SEARCH application USING INDEX ix_application_live_changed"
FTS = "SCAN application_fts VIRTUAL TABLE"
BY_ID = "SEARCH application USING INTEGER PRIMARY KEY"
SORT = "USE TEMP B-TREE FOR ORDER BY"
# What every per-application subquery of the list must look up by index, never scan.
TAGS_LOOKUP = "SEARCH application_tag USING COVERING INDEX sqlite_autoindex_application_tag_1"
INTERVIEW_LOOKUP = "SEARCH interview USING INDEX ix_interview_application_id"
NOTES_LOOKUP = "SEARCH note USING COVERING INDEX ix_note_application_id"
SUBQUERY_INDEXES = (TAGS_LOOKUP, INTERVIEW_LOOKUP, NOTES_LOOKUP)


@pytest.fixture
def filled(tracker: Tracker) -> Tracker:
    """A migrated database with a few hundred realistic applications, and a known one."""
    populate(tracker, 300, seed=5)
    tracker.add_application(ApplicationInput(title="Platform Engineer", company="Known GmbH",
                                             url="https://boards.greenhouse.io/known/jobs/42"))
    return tracker


@contextlib.contextmanager
def captured(tracker: Tracker) -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT the product sends to SQLite while the block runs, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(tracker.db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(tracker.db.engine, "before_cursor_execute", listen)


def plan(tracker: Tracker, statement: str, parameters: Any = ()) -> list[str]:
    """SQLite's plan for ``statement``: one line per step (``SCAN x``, ``SEARCH x USING ...``)."""
    con = sqlite3.connect(tracker.db.path)
    try:
        return [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    finally:
        con.close()


def plans_of(tracker: Tracker, action: Callable[[], object], marker: str) -> list[list[str]]:
    """The plans of the statements ``action`` runs that contain ``marker``."""
    with captured(tracker) as seen:
        action()
    found = [plan(tracker, sql, params) for sql, params in seen if marker in sql]
    assert found, f"no statement containing {marker!r} ran"
    return found


def no_table_walk(steps: list[str]) -> None:
    """No ``SCAN`` of a real table (a virtual FTS scan is the index itself)."""
    walks = [step for step in steps if step.startswith("SCAN ") and "VIRTUAL TABLE" not in step
             and not step.startswith("SCAN stage")  # ten rows, read whole by design
             and step != "SCAN page"  # the chosen page (at most its limit), not a table
             and not step.startswith("SCAN (subquery-")]  # the window count's own rows
    assert not walks, f"table walk in plan: {steps}"


def page_first(steps: list[str]) -> tuple[list[str], list[str]]:
    """A paged list's plan split in two: choosing the page, then reading the page's rows.

    The page (ids and the sort key) is materialized first and the outer loop scans it,
    so what the row's extras cost is paid for the page's rows only, never for every match.
    """
    assert steps[0] == "MATERIALIZE page", steps
    assert "SCAN page" in steps, steps
    scan = steps.index("SCAN page")
    return steps[1:scan], steps[scan + 1:]


def extras_for_the_page_only(steps: list[str], *, except_: tuple[str, ...] = ()) -> None:
    """Tags, next interview and notes are looked up by index, for the page's rows alone."""
    page, rows = page_first(steps)
    for lookup in SUBQUERY_INDEXES:
        if lookup in except_:
            continue
        assert any(step.startswith(lookup) for step in rows), (lookup, steps)
        assert not any(step.startswith(lookup) for step in page), (lookup, steps)


def test_default_list_page_reads_the_live_index_in_order(filled: Tracker) -> None:
    [steps] = plans_of(filled, lambda: filled.list_applications(limit=200), LIST_QUERY)
    page, _ = page_first(steps)
    assert page[0].startswith(LIVE_WALK), steps
    assert SORT not in page  # the index gives "last change, newest first" with no sort
    no_table_walk(steps)
    extras_for_the_page_only(steps)


def test_next_interview_sort_computes_only_that_extra_for_every_row(filled: Tracker) -> None:
    # The key decides the page, so it is computed for every live row; the other
    # extras are still read for the page alone, and the key is not computed twice.
    [steps] = plans_of(filled, lambda: filled.list_applications(
        sort=SortKey.NEXT_INTERVIEW, limit=200), LIST_QUERY)
    page, rows = page_first(steps)
    assert [step for step in page if step.startswith(INTERVIEW_LOOKUP)] != [], steps
    assert not any(step.startswith(INTERVIEW_LOOKUP) for step in rows), steps
    extras_for_the_page_only(steps, except_=(INTERVIEW_LOOKUP,))
    no_table_walk(steps)


def test_a_whole_list_without_a_limit_stays_one_plain_select(filled: Tracker) -> None:
    # Exports and the board read every row: no page to choose, nothing to materialize.
    [steps] = plans_of(filled, filled.list_applications, LIST_QUERY)
    assert "MATERIALIZE page" not in steps and steps[0].startswith(LIVE_WALK), steps
    no_table_walk(steps)


@pytest.mark.parametrize("descending", [True, False])
def test_last_change_sort_needs_no_sort_step_either_way(filled: Tracker, descending: bool
                                                        ) -> None:
    [steps] = plans_of(filled, lambda: filled.list_applications(
        sort=SortKey.LAST_CHANGE, descending=descending, limit=200), LIST_QUERY)
    page, _ = page_first(steps)
    assert page[0].startswith(LIVE_WALK) and SORT not in page, steps


@pytest.mark.parametrize("key", [key for key in SortKey if key != SortKey.LAST_CHANGE])
def test_other_sorts_read_live_rows_by_index_and_look_up_the_rest(filled: Tracker,
                                                                  key: SortKey) -> None:
    # Not index-ordered (one sort of the live rows), but never a walk of a whole table.
    [steps] = plans_of(filled, lambda: filled.list_applications(sort=key, limit=200),
                       LIST_QUERY)
    page, _ = page_first(steps)
    assert page[0].startswith(LIVE_WALK), steps
    no_table_walk(steps)
    if key != SortKey.NEXT_INTERVIEW:
        extras_for_the_page_only(steps)


TAG_INDEX = "USING INDEX ix_application_tag_tag_id (tag_id=?)"


# "python" is also a tag's name: the applications so tagged join the text's matches.
@pytest.mark.parametrize("word", ["python", "engineer", "C++"])
def test_search_is_driven_by_the_fts_index(filled: Tracker, word: str) -> None:
    search = ApplicationFilter(search=word)
    [listed] = plans_of(filled, lambda: filled.list_applications(search, limit=200), LIST_QUERY)
    [paged] = plans_of(filled, lambda: filled.list_page(search, limit=200), LIST_QUERY)
    [count] = plans_of(filled, lambda: filled.count_applications(search), "count(")
    # The window count reads the matches through a co-routine: its steps come after it.
    counted = [step for step in page_first(paged)[0] if not step.startswith("CO-ROUTINE")]
    for steps in (page_first(listed)[0], counted, count):
        # Matches are looked up by id; walking every live row and testing each against
        # the matches would cost the whole table per keystroke.
        assert any(step.startswith(FTS) for step in steps), steps
        assert steps[0].startswith(BY_ID), steps
        # The tagged applications are found by the tag index, joined to the text's matches.
        assert any(step.endswith(TAG_INDEX) for step in steps) == (word == "python"), steps
        assert not any(step.startswith(LIVE_WALK) for step in steps), steps
        no_table_walk(steps)
    extras_for_the_page_only(listed)
    extras_for_the_page_only(paged)


def test_a_search_page_is_counted_by_the_same_pass(filled: Tracker) -> None:
    # The table's first page while searching: one statement finds, counts and pages.
    with captured(filled) as seen:
        filled.list_page(ApplicationFilter(search="python"), limit=200)
    tags, *rest = seen  # the tags' names first (a few), to see which the search names
    assert tags[0] == "SELECT id, name FROM tag", seen
    assert len(rest) == 1 and "count(*) OVER ()" in rest[0][0], seen


def test_search_ids_start_from_the_fts_index(filled: Tracker) -> None:
    [steps] = plans_of(filled, lambda: filled.search_ids("python"), "application_fts")
    assert steps[0].startswith("SCAN f VIRTUAL TABLE"), steps
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in steps


def test_counting_everything_reads_only_the_covering_live_index(filled: Tracker) -> None:
    [steps] = plans_of(filled, filled.count_applications, "count(")
    assert steps == ["SEARCH application USING COVERING INDEX ix_application_live_changed "
                     "(deleted_at=?)"]


@pytest.mark.parametrize("filters", [ApplicationFilter(stages=("Applied",)),
                                     ApplicationFilter(kinds=(StageKind.OPEN,))],
                         ids=["stage", "open kinds"])
def test_stage_filters_use_indexes(filled: Tracker, filters: ApplicationFilter) -> None:
    [steps] = plans_of(filled, lambda: filled.list_applications(filters, limit=200),
                       LIST_QUERY)
    assert any(step.startswith(LIVE_WALK) for step in page_first(steps)[0]), steps
    no_table_walk(steps)


def test_board_reads_each_card_with_indexed_lookups(filled: Tracker) -> None:
    from_board = ApplicationFilter()  # the board's own read: every live card, by priority
    [steps] = plans_of(filled, lambda: list(filled.iter_applications(
        from_board, sort=SortKey.PRIORITY)), LIST_QUERY)
    no_table_walk(steps)
    for lookup in SUBQUERY_INDEXES:
        assert any(step.startswith(lookup) for step in steps), (lookup, steps)


def test_today_interviews_come_from_the_time_index(filled: Tracker) -> None:
    [steps] = plans_of(filled, filled.today_list, "FROM interview JOIN application")
    assert steps[0].startswith("SEARCH interview USING INDEX ix_interview_starts_at "
                               "(starts_at>? AND starts_at<?)"), steps
    no_table_walk(steps)


def test_today_tasks_use_the_due_date_index(filled: Tracker) -> None:
    [steps] = plans_of(filled, filled.today_list, "FROM task")
    assert any("ix_task_due_on" in step for step in steps), steps


def test_calendar_reads_interviews_per_application_by_index(filled: Tracker) -> None:
    interviews, tasks = plans_of(filled, filled.calendar_entries, "FROM ")[1:]
    no_table_walk(interviews)
    assert "SEARCH interview USING INDEX ix_interview_application_id (application_id=?)" \
        in interviews
    assert any(step.startswith("SEARCH task USING INDEX ix_task_due_on") for step in tasks)


def test_duplicate_lookup_by_company_uses_its_index(filled: Tracker) -> None:
    [steps] = plans_of(filled, lambda: filled.find_duplicates(
        None, "Known GmbH", "Platform Engineer"), "JOIN stage")
    assert any("ix_application_company_id" in step for step in steps), steps
    no_table_walk(steps)


def test_csv_export_reads_the_table_once_in_id_order(tracker: Tracker) -> None:
    # On purpose: nearly every row is live, so one pass in rowid order beats an index
    # lookup per row followed by a sort of every id.
    now = dt.datetime(2026, 11, 28).isoformat(" ")
    steps = plan(tracker, EXPORT_SQL, ("; ", now, "\n\n"))
    assert steps[0] == "SCAN a", steps
    assert "SEARCH i USING INDEX ix_interview_application_id (application_id=?)" in steps
    # The one sort is of each application's own notes, newest first (the Notes
    # column holds their text), found by index; the applications themselves are not sorted.
    notes = steps.index("SEARCH n USING INDEX ix_note_application_id (application_id=?)")
    assert steps.count(SORT) == 1 and steps[notes + 1] == SORT, steps


def test_a_dropped_index_shows_as_a_table_walk(filled: Tracker) -> None:
    # The checks above can fail: without the note index every list row scans the notes.
    con = sqlite3.connect(filled.db.path)
    con.execute("DROP INDEX ix_note_application_id")
    con.commit()
    con.close()
    [steps] = plans_of(filled, lambda: filled.list_applications(limit=200), LIST_QUERY)
    with pytest.raises(AssertionError, match="table walk"):
        no_table_walk(steps)
