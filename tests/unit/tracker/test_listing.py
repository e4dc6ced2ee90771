"""Listing and full-text search: one query, plain rows, safe against FTS syntax in input."""

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from jobtracker.demo import populate
from jobtracker.tracker import (
    ApplicationFilter,
    ApplicationInput,
    ApplicationRow,
    InterviewInput,
    SortKey,
    Tracker,
)
from jobtracker.tracker.listing import fts_query
from jobtracker.vocabulary import StageKind


@pytest.fixture
def filled(tracker: Tracker) -> Tracker:
    acme = tracker.add_application(ApplicationInput(
        title="Senior Backend Engineer", company="Acme Robotics", location="München",
        applied_on=dt.date(2026, 11, 1), tags=("python", "robots"), priority=5,
        salary_min=9000000, salary_max=11000000, salary_currency="EUR", salary_period="year"))
    tracker.add_note(acme, "Asked about their **Kubernetes** migration")
    tracker.add_interview(acme, InterviewInput(
        kind="Technical", starts_at=dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)))
    tracker.add_application(ApplicationInput(
        title="Site Reliability Engineer", company="Globex", location="Remote",
        description="On-call rotation, Terraform, PostgreSQL", priority=2))
    rejected = tracker.add_application(ApplicationInput(
        title="Data Engineer", company="Initech", applied_on=dt.date(2026, 10, 1)))
    tracker.move_stage(rejected, "Rejected", on=dt.date(2026, 10, 20))
    return tracker


def _titles(tracker: Tracker, **filters) -> list[str]:
    return [row.title for row in tracker.list_applications(ApplicationFilter(**filters),
                                                           sort=SortKey.TITLE,
                                                           descending=False)]


@pytest.mark.parametrize(("query", "expected"), [
    ("back", ["Senior Backend Engineer"]),            # prefix of a title word
    ("acme", ["Senior Backend Engineer"]),            # company
    ("munchen", ["Senior Backend Engineer"]),         # location, diacritics folded
    ("kubernetes", ["Senior Backend Engineer"]),      # note text
    ("terraform", ["Site Reliability Engineer"]),     # description
    ("engineer", ["Data Engineer", "Senior Backend Engineer", "Site Reliability Engineer"]),
    ("engineer globex", ["Site Reliability Engineer"]),  # every word must match
    ("", ["Data Engineer", "Senior Backend Engineer", "Site Reliability Engineer"]),
])
def test_search(filled: Tracker, query: str, expected: list[str]):
    assert _titles(filled, search=query) == expected


@pytest.mark.parametrize("hostile", ['"', "AND", "NEAR(", "title:", "-x", "*", "'; DROP TABLE",
                                     "(((", "a OR"])
def test_fts_syntax_in_input_never_errors(filled: Tracker, hostile: str):
    filled.list_applications(ApplicationFilter(search=hostile))


def test_fts_query_quotes_every_token():
    assert fts_query('Java "AND" x') == '"Java"* "AND"* "x"*'
    assert fts_query("C++, C# and .NET") == '"C" "C" "and"* "NET"'  # whole words, see below
    assert fts_query("!!!") is None


def test_search_follows_note_edits_and_company_renames(filled: Tracker):
    filled.rename_company("Globex", "Umbrella Corp")
    assert _titles(filled, search="umbrella") == ["Site Reliability Engineer"]
    assert _titles(filled, search="globex") == []
    note_id = filled.get_application(filled.search_ids("acme")[0]).notes[0].id
    filled.edit_note(note_id, "Nomad, not k8s")
    assert _titles(filled, search="kubernetes") == []
    assert _titles(filled, search="nomad") == ["Senior Backend Engineer"]


def test_filters(filled: Tracker):
    assert _titles(filled, stages=("Rejected",)) == ["Data Engineer"]
    assert _titles(filled, kinds=(StageKind.LOST,)) == ["Data Engineer"]
    assert _titles(filled, tag="python") == ["Senior Backend Engineer"]
    assert _titles(filled, applied_from=dt.date(2026, 10, 15)) == ["Senior Backend Engineer"]
    assert _titles(filled, applied_to=dt.date(2026, 10, 15)) == ["Data Engineer"]


def test_rows_carry_what_the_table_shows(filled: Tracker):
    row = filled.list_applications(ApplicationFilter(search="acme"))[0]
    assert (row.company, row.stage, row.stage_kind) == ("Acme Robotics", "Applied",
                                                        StageKind.OPEN)
    assert row.tags == ("python", "robots")
    assert row.notes_count == 1
    assert row.next_interview == dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)
    assert (row.salary_min, row.salary_currency) == (9000000, "EUR")


@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_key_works_both_ways(filled: Tracker, key: SortKey):
    forward = [r.id for r in filled.list_applications(sort=key, descending=False)]
    backward = [r.id for r in filled.list_applications(sort=key, descending=True)]
    assert sorted(forward) == sorted(backward) and len(forward) == 3


def test_sort_by_priority_and_paging(filled: Tracker):
    rows = filled.list_applications(sort=SortKey.PRIORITY, descending=True)
    assert [r.priority for r in rows] == [5, 3, 2]
    page = filled.list_applications(sort=SortKey.PRIORITY, descending=True, limit=1, offset=1)
    assert [r.priority for r in page] == [3]
    assert filled.count_applications(ApplicationFilter(search="engineer")) == 3


def test_trashed_rows_leave_the_list_and_the_search(filled: Tracker):
    app_id = filled.search_ids("globex")[0]
    filled.delete_application(app_id)
    assert "Site Reliability Engineer" not in _titles(filled)
    assert filled.search_ids("globex") == []
    assert _titles(filled, trashed=True) == ["Site Reliability Engineer"]


# -- pages against a reference ---------------------------------------------------------
# The list picks a page from the matches first and reads the row's extras for that page
# only; these tests hold every sort key, direction and filter to a plain Python reference.

_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _amount(row: ApplicationRow) -> int | None:
    return row.salary_max if row.salary_max is not None else row.salary_min


def _yearly(row: ApplicationRow) -> int | None:
    """The yearly equivalent, by 40 h x 52 weeks, 260 days, 52 weeks, 12 months."""
    per_year = {"hour": 2080, "day": 260, "week": 52, "month": 12}.get(row.salary_period or "", 1)
    amount = _amount(row)
    return None if amount is None else amount * per_year


def _reference_keys(tracker: Tracker, key: SortKey) -> Callable[[ApplicationRow], list[Any]]:
    """The values each sort key orders by, as SQLite compares them (NOCASE: ASCII only)."""
    position = {stage.id: stage.position for stage in tracker.stages()}
    return {
        SortKey.COMPANY: lambda r: [r.company.translate(_ASCII_FOLD), r.title],
        SortKey.TITLE: lambda r: [r.title],
        SortKey.STAGE: lambda r: [position[r.stage_id]],
        SortKey.APPLIED: lambda r: [r.applied_on],
        SortKey.LAST_CHANGE: lambda r: [r.last_change],
        SortKey.LOCATION: lambda r: [r.location],
        SortKey.SALARY: lambda r: [r.salary_currency if _amount(r) is not None else None,
                                   _yearly(r)],
        SortKey.PRIORITY: lambda r: [r.priority],
        SortKey.NEXT_INTERVIEW: lambda r: [r.next_interview],
        SortKey.FOLLOW_UP: lambda r: [r.follow_up_on],
        SortKey.CREATED: lambda r: [r.created_at],
        SortKey.ID: lambda r: [r.id],
    }[key]


def _reference_order(tracker: Tracker, rows: list[ApplicationRow], key: SortKey,
                     descending: bool) -> list[int]:
    """Ids sorted by ``key`` with NULLs last either way and ties broken by id, like the list."""
    values = _reference_keys(tracker, key)
    sign = -1 if descending else 1

    def compare(a: ApplicationRow, b: ApplicationRow) -> int:
        for x, y in [*zip(values(a), values(b), strict=True), (a.id, b.id)]:
            if x == y:
                continue
            if x is None or y is None:
                return 1 if x is None else -1
            return sign * (1 if x > y else -1)
        return 0

    return [row.id for row in sorted(rows, key=functools.cmp_to_key(compare))]


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    """A few hundred demo applications (ties on every key), some of them in the trash."""
    populate(tracker, 300, seed=3)
    for row in tracker.list_applications(sort=SortKey.ID)[::7]:
        tracker.delete_application(row.id)
    return tracker


_DEMO_FILTERS = {
    "all": ApplicationFilter(),
    "search": ApplicationFilter(search="engineer"),
    "stage": ApplicationFilter(stages=("Applied", "Rejected")),
    "open": ApplicationFilter(kinds=(StageKind.OPEN,)),
    "dates": ApplicationFilter(applied_from=dt.date(2026, 6, 1), applied_to=dt.date(2026, 10, 31)),
    "trash": ApplicationFilter(trashed=True),
    "search open": ApplicationFilter(search="engineer", kinds=(StageKind.OPEN,)),
}


@pytest.mark.parametrize("name", [*_DEMO_FILTERS, "tag"])
def test_pages_follow_the_reference_order_for_every_key(demo: Tracker, name: str):
    if name == "tag":
        tags = Counter(tag for row in demo.list_applications() for tag in row.tags)
        filters = ApplicationFilter(tag=tags.most_common(1)[0][0])
    else:
        filters = _DEMO_FILTERS[name]
    everything = demo.list_applications(filters)  # no limit: the plain single select
    assert 37 < len(everything) < 300, len(everything)  # several pages, not everything
    by_id = {row.id: row for row in everything}
    for key in SortKey:
        for descending in (False, True):
            expected = _reference_order(demo, everything, key, descending)
            where = (key, descending)
            whole = demo.list_applications(filters, sort=key, descending=descending)
            assert [row.id for row in whole] == expected, where
            paged: list[ApplicationRow] = []
            while page := demo.list_applications(filters, sort=key, descending=descending,
                                                 limit=37, offset=len(paged)):
                paged.extend(page)
            assert [row.id for row in paged] == expected, where
            assert all(row == by_id[row.id] for row in paged), where  # same extras
            total, first = demo.list_page(filters, sort=key, descending=descending, limit=37)
            assert total == len(expected) == demo.count_applications(filters), where
            assert first == paged[:37], where


def test_a_page_reports_its_total_even_when_empty(demo: Tracker):
    assert demo.list_page(ApplicationFilter(search="zzzqqq"), limit=10) == (0, [])
    assert demo.list_page(ApplicationFilter(search="!!"), limit=10) == (0, [])
    total, rows = demo.list_page(ApplicationFilter(search="engineer"), limit=5)
    assert len(rows) == 5 and total == demo.count_applications(
        ApplicationFilter(search="engineer")) > 5


def test_salary_sort_compares_yearly_amounts_within_each_currency(tracker: Tracker):
    def add(title: str, amount: int | None, currency: str | None = None,
            period: str | None = None) -> None:
        tracker.add_application(ApplicationInput(
            title=title, company="Acme", salary_min=amount, salary_currency=currency,
            salary_period=period))

    add("none", None)
    add("eur 70k/year", 7_000_000, "EUR", "year")
    add("usd 50/hour", 5_000, "USD", "hour")           # 104,000 a year
    add("usd 9000/month", 900_000, "USD", "month")     # 108,000 a year
    add("eur 400/day", 40_000, "EUR", "day")           # 104,000 a year
    add("usd 100k", 10_000_000, "USD")                 # no period: yearly
    add("jpy 9m/year", 9_000_000, "JPY", "year")       # more units, another currency
    ascending = [row.title for row in tracker.list_applications(sort=SortKey.SALARY,
                                                                descending=False)]
    assert ascending == ["eur 70k/year", "eur 400/day", "jpy 9m/year", "usd 100k",
                         "usd 50/hour", "usd 9000/month", "none"]
    descending = [row.title for row in tracker.list_applications(sort=SortKey.SALARY)]
    assert descending == ["usd 9000/month", "usd 50/hour", "usd 100k", "jpy 9m/year",
                          "eur 400/day", "eur 70k/year", "none"]


@pytest.fixture
def languages(tracker: Tracker) -> Tracker:
    for title, description, tags in [
        ("C++ Developer", "Modern C++17, CMake", ()),
        ("C# Engineer", "ASP.NET Core and .NET 8", ()),
        ("C Programmer", "Embedded C on Cortex-M; CI with Jenkins", ()),
        ("Network Engineer", "Cisco, jobs.netflix.com, net admin", ()),
        ("Backend Developer", "Go and Rust", ("C++", "Fintech")),
        ("Data Engineer", "Cobol migration", ("Remote-first", "Café")),
    ]:
        tracker.add_application(ApplicationInput(title=title, company="Acme",
                                                 description=description, tags=tags))
    return tracker


@pytest.mark.parametrize(("query", "expected"), [
    ("C++", ["Backend Developer", "C++ Developer"]),     # the text, or a tag, says C++
    ("c++", ["Backend Developer", "C++ Developer"]),
    ("C#", ["C# Engineer"]),
    (".NET", ["C# Engineer"]),                             # ASP.NET and .NET, not netflix.com
    ("asp.net", ["C# Engineer"]),
    ("C", ["Backend Developer", "C Programmer", "C# Engineer", "C++ Developer",
           "Data Engineer", "Network Engineer"]),          # every word starting with C
    ("C++ fintech", ["Backend Developer"]),
    ("C++ cmake", ["C++ Developer"]),
    ("C# cmake", []),
    ("fintech", ["Backend Developer"]),                    # a tag's name
    ("first", ["Data Engineer"]),                          # a word of a tag's name
    ("remote", ["Data Engineer"]),
    ("cafe", ["Data Engineer"]),                           # accents folded, as in the text
    ("fintech go", ["Backend Developer"]),                 # one word by tag, one by text
    ("fintech cobol", []),
    ("remote first cafe cobol", ["Data Engineer"]),         # three words by tag, one by text
    ("remote first cafe caf data", ["Data Engineer"]),      # more than three: set per word
    ("remote first cafe caf go", []),
])
def test_search_finds_words_with_symbols_and_tags(languages: Tracker, query: str,
                                                  expected: list[str]):
    assert _titles(languages, search=query) == expected
    assert languages.count_applications(ApplicationFilter(search=query)) == len(expected)
    total, rows = languages.list_page(ApplicationFilter(search=query), sort=SortKey.TITLE,
                                      descending=False, limit=2)
    assert total == len(expected) and [row.title for row in rows] == expected[:2]


def test_search_ids_find_words_with_symbols(languages: Tracker):
    titles = {row.id: row.title for row in languages.list_applications()}
    assert [titles[i] for i in languages.search_ids(".net")] == ["C# Engineer"]
    assert [titles[i] for i in languages.search_ids("C++")] == ["C++ Developer"]  # text only
