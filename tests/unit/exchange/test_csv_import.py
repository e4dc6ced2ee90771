"""CSV import: our own export round-trips, other sheets map, bad files are refused by row/column."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobtracker.db import open_database
from jobtracker.errors import InputFileError, ValidationError
from jobtracker.exchange.csv_export import write_csv
from jobtracker.exchange.csv_import import CsvImport, parse_date, read_csv
from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker

TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
FORMULA = '=HYPERLINK("http://example.com")'


# -- helpers ---------------------------------------------------------------------------------


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def export(tracker: Tracker, path: Path, *, excel: bool = False) -> bytes:
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv(tracker.iter_applications(), out, excel=excel, extras=tracker.export_extras)
    return path.read_bytes()


def load(tracker: Tracker, path: Path, **options: object) -> CsvImport:
    return read_csv(path, stages=tracker.stages(), **options)  # type: ignore[arg-type]


def refused(tracker: Tracker, path: Path, match: str, *, row: int | None,
            column: str | None = None) -> InputFileError:
    before = tracker.count_applications()
    with pytest.raises(InputFileError, match=match) as caught:
        tracker.import_records(load(tracker, path).records)
    assert caught.value.row == row
    assert caught.value.column == column
    if row is not None:
        assert str(caught.value).startswith(f"row {row}")
    assert tracker.count_applications() == before
    return caught.value


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Tracker]:
    """A second, new database: where a file exported from ``tracker`` is imported."""
    with Tracker(open_database(tmp_path / "other.db"), today=lambda: TODAY,
                 now=lambda: NOW) as tracker:
        yield tracker


def fill(tracker: Tracker) -> None:
    """Applications exercising every column and the awkward characters."""
    tracker.add_application(ApplicationInput(
        title=FORMULA, company="Acme, Inc.", stage="Applied", applied_on=dt.date(2026, 10, 1),
        location='Zürich "HQ"\nBuilding 2', remote="hybrid", employment_type="full_time",
        salary_min=12000000, salary_max=15000000, salary_currency="USD", salary_period="year",
        priority=5, tags=("python", "remote-first", "Zoë"), url="https://example.com/j?a=1,2",
        source="LinkedIn", follow_up_on=dt.date(2026, 12, 5)))
    tracker.add_application(ApplicationInput(
        title="Barista", company="Café Grün", stage="Rejected", applied_on=dt.date(2026, 9, 1),
        salary_min=6250, salary_max=6250, salary_currency="EUR", salary_period="hour",
        employment_type="part_time", remote="onsite", priority=1))
    moved = tracker.add_application(ApplicationInput(
        title="Ingénieur·e — ML 🚀", company="株式会社テスト", stage="Applied",
        applied_on=dt.date(2026, 11, 1), salary_min=5000000, salary_max=7000000,
        salary_currency="JPY", salary_period="year", tags=("日本",)))
    tracker.move_stage(moved, "Interviewing", on=dt.date(2026, 11, 10))
    tracker.add_application(ApplicationInput(title="'quoted +1", company="-Minus Corp",
                                             location="@home", source="\tTabbed"))
    tracker.add_application(ApplicationInput(
        title="Analyst", company="Gulf", salary_min=1234567, salary_currency="BHD",
        salary_period="month", applied_on=dt.date(2026, 11, 2)))
    offer = tracker.add_application(ApplicationInput(title="Staff", company="Acme, Inc.",
                                                     applied_on=dt.date(2026, 8, 1)))
    tracker.move_stage(offer, "Screening", on=dt.date(2026, 8, 10))
    tracker.move_stage(offer, "Offer", on=dt.date(2026, 9, 30))


# -- our own export ----------------------------------------------------------------------------


def test_round_trip_gives_identical_bytes(tracker: Tracker, other: Tracker,
                                          tmp_path: Path) -> None:
    fill(tracker)
    first = export(tracker, tmp_path / "first.csv")
    result = load(other, tmp_path / "first.csv")
    assert result.warnings == [] and result.ignored_columns == []
    other.import_records(result.records)
    assert export(other, tmp_path / "second.csv") == first


def test_round_trip_keeps_values_and_history(tracker: Tracker, other: Tracker,
                                             tmp_path: Path) -> None:
    fill(tracker)
    export(tracker, tmp_path / "out.csv")
    ids = other.import_records(load(other, tmp_path / "out.csv").records)
    assert sorted(ids) == [1, 2, 3, 4, 5, 6]
    first = other.get_application(1)
    assert first.title == FORMULA
    assert first.location == 'Zürich "HQ"\nBuilding 2'
    assert first.tags == ("python", "remote-first", "Zoë")
    assert first.url == "https://example.com/j?a=1,2"
    barista = other.get_application(2)
    assert (barista.salary_min, barista.salary_currency, barista.salary_period) == (
        6250, "EUR", "hour")
    assert [(e.to_stage, e.occurred_on) for e in barista.events] == [
        ("Applied", dt.date(2026, 9, 1)), ("Rejected", TODAY)]
    japan = other.get_application(3)
    assert (japan.salary_min, japan.salary_max, japan.salary_currency) == (
        5000000, 7000000, "JPY")
    assert [(e.to_stage, e.occurred_on) for e in japan.events] == [
        ("Applied", dt.date(2026, 11, 1)), ("Interviewing", dt.date(2026, 11, 10))]
    quoted = other.get_application(4)
    assert (quoted.title, quoted.company, quoted.location, quoted.source) == (
        "'quoted +1", "-Minus Corp", "@home", "Tabbed")
    assert other.get_application(5).salary_min == 1234567
    offer = other.get_application(6)
    assert (offer.stage, offer.last_change, offer.applied_on) == (
        "Offer", dt.date(2026, 9, 30), dt.date(2026, 8, 1))


def test_round_trip_through_excel_bom(tracker: Tracker, other: Tracker,
                                      tmp_path: Path) -> None:
    fill(tracker)
    excel = export(tracker, tmp_path / "excel.csv", excel=True)
    assert excel.startswith(codecs.BOM_UTF8)
    other.import_records(load(other, tmp_path / "excel.csv").records)
    assert export(other, tmp_path / "again.csv") == excel[len(codecs.BOM_UTF8):]


def test_notes_text_becomes_a_note_and_next_interview_is_read_only(
        tracker: Tracker, other: Tracker, tmp_path: Path) -> None:
    # the Notes column holds the notes' text now (it held their count, which
    # an import ignored); read back, it is one note with that text.
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    tracker.add_note(app, "first")
    tracker.add_note(app, "second")
    tracker.add_interview(app, InterviewInput(
        kind="onsite", starts_at=dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)))
    export(tracker, tmp_path / "out.csv")
    result = load(other, tmp_path / "out.csv")
    assert result.warnings == [] and result.ignored_columns == []
    assert [body for body, _ in result.records[0].notes] == ["second\n\nfirst"]
    assert result.records[0].interviews == ()


def test_a_note_typed_into_our_notes_column_is_kept(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "ID,Company,Title,Last change,Notes\r\n"
                                      "1,Acme,Engineer,2026-11-01,Ask about the team\r\n"
                                      "2,Acme,Manager,2026-11-01,4\r\n")
    records = load(tracker, path).records
    assert records[0].notes == (("Ask about the team", None),)
    assert records[1].notes == ()


def test_records_follow_the_id_column_and_know_their_row(tracker: Tracker,
                                                         tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "ID,Company,Title\r\n9,A,x\r\n2,B,y\r\n\r\n5,C,z\r\n")
    records = load(tracker, path).records
    assert [r.application.company for r in records] == ["B", "C", "A"]
    assert [r.extra["row"] for r in records] == [3, 5, 2]


def test_injected_formula_comes_back_unchanged(tracker: Tracker, other: Tracker,
                                               tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title=FORMULA, company="Acme"))
    data = export(tracker, tmp_path / "out.csv")
    cells = [c for row in csv.reader(data.decode().splitlines()) for c in row]
    assert not any(c.startswith("=") for c in cells)
    other.import_records(load(other, tmp_path / "out.csv").records)
    assert other.list_applications()[0].title == FORMULA


# -- other sheets -----------------------------------------------------------------------------


HAND_MADE = (
    "Employer,Job Title,Application Status,Date Applied,Job Link,Salary,Comments,City,"
    "Work Model,Job Type,Excitement,Labels,Follow up,Job Board,Job Description,Favourite\r\n"
    'Acme,Backend Engineer,Phone Screen,11/03/2026,www.acme.example/jobs/1,'
    '"$120,000 - $150,000 / year","Spoke to Ann, nice",Austin,Remote,Full-time,★★★★,'
    '"python, aws",11/20/2026,LinkedIn,Build APIs,blue\r\n'
    ",,,,,,,,,,,,,,,\r\n"
    "Globex,Data Analyst,wishlist,,https://globex.example/j/2,Competitive,,,Hybrid,"
    "Contract,5.0,,,,,\r\n"
    "Initech,QA,Not selected,10/15/2026,,62.50 EUR/hour,,,on-site,,2,remote;eu,,,,\r\n"
)


def test_a_hand_made_sheet(tracker: Tracker, tmp_path: Path) -> None:
    result = load(tracker, write(tmp_path / "in.csv", HAND_MADE))
    assert result.ignored_columns == ["Favourite"]
    assert any("Favourite" in w for w in result.warnings)
    assert any("without a number" in w and "4" in w for w in result.warnings)
    acme, globex, initech = (r.application for r in result.records)
    assert (acme.company, acme.title, acme.stage) == ("Acme", "Backend Engineer", "Screening")
    assert acme.applied_on == dt.date(2026, 11, 3)
    assert acme.follow_up_on == dt.date(2026, 11, 20)
    assert acme.url == "https://www.acme.example/jobs/1"
    assert (acme.salary_min, acme.salary_max, acme.salary_currency, acme.salary_period) == (
        12000000, 15000000, "USD", "year")
    assert (acme.remote, acme.employment_type, acme.priority) == ("remote", "full_time", 4)
    assert acme.tags == ("python", "aws")
    assert (acme.source, acme.description, acme.location) == ("LinkedIn", "Build APIs",
                                                             "Austin")
    assert result.records[0].notes == (("Spoke to Ann, nice", None),)
    assert (globex.stage, globex.priority, globex.salary_min) == ("Saved", 5, None)
    assert (globex.remote, globex.employment_type) == ("hybrid", "contract")
    assert (initech.stage, initech.salary_min, initech.salary_currency) == (
        "Rejected", 6250, "EUR")
    assert initech.remote == "onsite" and initech.tags == ("remote", "eu")
    assert [r.extra["row"] for r in result.records] == [2, 4, 5]
    tracker.import_records(result.records)
    assert tracker.count_applications() == 3
    rejected = tracker.get_application(3)
    assert [(e.to_stage, e.occurred_on) for e in rejected.events] == [
        ("Applied", dt.date(2026, 10, 15)), ("Rejected", TODAY)]


HUNTR_LIKE = (
    "Job Title,Employer,List,Job URL,Location,Salary,Excitement,Created At,Date Applied,"
    "Description,Notes,Color\n"
    "Frontend Developer,Initrode,Wishlist,https://initrode.example/1,Remote,,3,"
    "2026-10-02T09:15:00.000Z,,Vue and TypeScript,,#ff0000\n"
    "Platform Engineer,Hooli,Applied,https://hooli.example/2,\"Palo Alto, CA\","
    "\"$180k - $210k\",4,2026-10-03T14:22:11.000Z,2026-10-05T08:00:00.000Z,,Referral,#00ff00\n"
    "SRE,Pied Piper,Interview,,,,5,2026-09-01T10:00:00Z,2026-09-04T10:00:00Z,,,\n"
    "Designer,Umbrella,Offer,,,,1,2026-08-01T10:00:00Z,2026-08-02T10:00:00Z,,,\n"
    "PM,Vandelay,Rejected,,,,2,2026-07-01T10:00:00Z,2026-07-02T10:00:00Z,,,\n"
)


def test_a_huntr_like_export(tracker: Tracker, tmp_path: Path) -> None:
    result = load(tracker, write(tmp_path / "huntr.csv", HUNTR_LIKE))
    assert result.ignored_columns == ["Color"]
    apps = [r.application for r in result.records]
    assert [a.stage for a in apps] == ["Saved", "Applied", "Interviewing", "Offer", "Rejected"]
    assert apps[1].applied_on == dt.date(2026, 10, 5)
    assert (apps[1].salary_min, apps[1].salary_max, apps[1].salary_currency) == (
        18000000, 21000000, "USD")
    assert apps[1].location == "Palo Alto, CA"
    assert [a.priority for a in apps] == [3, 4, 5, 1, 2]
    # The saved date dates the Saved stage instead of "today".
    assert result.records[0].events == (("Saved", dt.date(2026, 10, 2)),)
    assert result.records[1].events == (("Saved", dt.date(2026, 10, 3)),
                                        ("Applied", dt.date(2026, 10, 5)))
    assert result.records[1].notes == (("Referral", None),)
    tracker.import_records(result.records)
    assert tracker.count_applications() == 5


TEAL_LIKE = (
    "Company,Job Position,Location,Min Salary,Max Salary,Currency,Status,Excitement,Date Saved,"
    "Date Applied,Follow Up,Deadline,Job Description,Notes,URL\n"
    "Stark,Engineer,NYC,\"$140,000\",\"$160,000\",,Bookmarked,★★★,10/20/2026,,,,,,"
    "https://stark.example/1\n"
    "Wayne,Analyst,Gotham,90000,110000,USD,Applying,★★,10/01/2026,10/02/2026,,,,,\n"
    "Oscorp,Scientist,,,,,Interviewing,★★★★★,09/01/2026,09/03/2026,11/30/2026,,,,\n"
    "Cyberdyne,Engineer,,,,,Negotiating,4,08/01/2026,08/05/2026,,,,,\n"
    "Tyrell,Replicant QA,,,,,Accepted,,07/01/2026,07/02/2026,,,,,\n"
    "Weyland,Pilot,,,,,I Withdrew,,06/01/2026,06/02/2026,,,,,\n"
    "Soylent,Chef,,,,,Not Selected,,06/01/2026,06/12/2026,,,,,\n"
    "Massive Dynamic,Researcher,,,,,No Response,,05/01/2026,05/13/2026,,,,,\n"
)


def test_a_teal_like_export(tracker: Tracker, tmp_path: Path) -> None:
    result = load(tracker, write(tmp_path / "teal.csv", TEAL_LIKE))
    assert result.ignored_columns == ["Deadline"]
    apps = [r.application for r in result.records]
    assert [a.stage for a in apps] == ["Saved", "Applied", "Interviewing", "Offer", "Accepted",
                                       "Withdrawn", "Rejected", "Ghosted"]
    assert (apps[0].salary_min, apps[0].salary_max, apps[0].salary_currency) == (
        14000000, 16000000, "USD")
    assert (apps[1].salary_min, apps[1].salary_currency) == (9000000, "USD")
    assert [a.priority for a in apps[:4]] == [3, 2, 5, 4]
    assert apps[2].follow_up_on == dt.date(2026, 11, 30)
    assert result.records[1].events == (("Saved", dt.date(2026, 10, 1)),
                                        ("Applied", dt.date(2026, 10, 2)))
    # Month/day was decided by 10/20, 11/30 and the like: no ambiguity warning.
    assert not any("could be" in w for w in result.warnings)
    tracker.import_records(result.records)
    assert tracker.count_applications() == 8


def test_semicolon_and_tab_files_are_recognised(tracker: Tracker, tmp_path: Path) -> None:
    semi = write(tmp_path / "semi.csv", "Firma;Company;Title;Salary min;Currency\r\n"
                                        "x;Acme, Inc.;Dev;62,50;EUR\r\n")
    result = load(tracker, semi)
    assert result.records[0].application.company == "Acme, Inc."
    assert result.records[0].application.salary_min == 6250
    tab = write(tmp_path / "tab.tsv", "Company\tTitle\tNotes\nAcme\tDev\thello, world\n")
    assert load(tracker, tab).records[0].notes == (("hello, world", None),)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_honoured(tracker: Tracker, tmp_path: Path,
                                       encoding: str) -> None:
    text = "Company,Title\r\nSociété Générale,Ingénieur 日本\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    app = load(tracker, write(tmp_path / "in.csv", data)).records[0].application
    assert (app.company, app.title) == ("Société Générale", "Ingénieur 日本")


def test_windows_1252_is_the_fallback(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title\r\nCafé Müller,Barista – Teilzeit\r\n",
                 encoding="cp1252")
    result = load(tracker, path)
    assert result.records[0].application.company == "Café Müller"
    assert result.records[0].application.title == "Barista – Teilzeit"
    assert any("Windows-1252" in w for w in result.warnings)


def test_an_encoding_can_be_forced(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title\nÅbo Ltd,Dev\n", encoding="latin-1")
    records = load(tracker, path, encoding="latin-1").records
    assert records[0].application.company == "Åbo Ltd"
    with pytest.raises(InputFileError, match="unknown text encoding 'klingon'"):
        load(tracker, path, encoding="klingon")
    with pytest.raises(InputFileError, match="not valid utf-8"):
        load(tracker, path, encoding="utf-8")


def test_spreadsheet_quote_prefix_is_handled(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title\r\n'hello,'=1+2\r\n''x,'-5 team\r\n")
    apps = [r.application for r in load(tracker, path).records]
    assert (apps[0].company, apps[0].title) == ("'hello", "=1+2")
    assert (apps[1].company, apps[1].title) == ("'x", "-5 team")


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-03", dt.date(2026, 11, 3)),
    ("2026-11-03T10:00:00", dt.date(2026, 11, 3)),
    ("2026-11-03 23:30:00+01:00", dt.date(2026, 11, 3)),
    ("2026/11/03", dt.date(2026, 11, 3)),
    ("11/03/2026", dt.date(2026, 11, 3)),
    ("11/3/26", dt.date(2026, 11, 3)),
    ("3.11.2026", dt.date(2026, 11, 3)),
    ("Nov 3, 2026", dt.date(2026, 11, 3)),
    ("3 Nov 2026", dt.date(2026, 11, 3)),
    ("Tuesday, November 3, 2026", dt.date(2026, 11, 3)),
])
def test_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["Nov 2026", "3 Nov", "yesterday", "2026-13-01", "31/31/2026",
                                  "2026", "11/03", "soon, Nov 2026", "Nov 3 2026 foo bar"])
def test_garbage_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(text))):
        parse_date(text)


def test_day_first_is_decided_per_file(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Date Applied\r\n"
                                      "A,x,03/11/2026\r\nB,y,25/10/2026\r\n")
    result = load(tracker, path)
    assert [r.application.applied_on for r in result.records] == [
        dt.date(2026, 11, 3), dt.date(2026, 10, 25)]
    assert any("day/month/year" in w and "row 3" in w for w in result.warnings)


def test_ambiguous_dates_are_read_as_us_with_a_warning(tracker: Tracker,
                                                       tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Date Applied\r\nA,x,03/11/2026\r\n")
    result = load(tracker, path)
    assert result.records[0].application.applied_on == dt.date(2026, 3, 11)
    assert any("03/11/2026" in w and "month/day/year" in w for w in result.warnings)


def test_mixed_date_orders_are_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Date Applied,Follow up\r\n"
                                      "A,x,25/10/2026,\r\nB,y,,10/25/2026\r\n")
    refused(tracker, path, "mix day/month/year", row=3, column="Follow up")


def test_unparseable_date_names_row_and_column(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Date Applied\r\nA,x,2026-10-01\r\n"
                                      "B,y,last Tuesday\r\n")
    refused(tracker, path, "'last Tuesday' is not a date", row=3, column="Date Applied")


def test_future_dates_fail_the_import_and_change_nothing(tracker: Tracker,
                                                         tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Applied\r\nA,x,2026-11-01\r\n"
                                      "B,y,2027-01-01\r\n")
    records = load(tracker, path).records
    with pytest.raises(ValidationError, match=r"record 2.*in the future"):
        tracker.import_records(records)
    assert tracker.count_applications() == 0
    with pytest.raises(InputFileError, match="in the future") as caught:
        load(tracker, path, today=TODAY)
    assert (caught.value.row, caught.value.column) == (3, "Applied")


def test_a_later_stage_with_an_applied_date_goes_through_applied(tracker: Tracker,
                                                                 tmp_path: Path) -> None:
    # the applied date is always the Applied event's date, as for `add`.
    path = write(tmp_path / "in.csv", "Company,Title,Status,Applied,Last change\r\n"
                                      "A,x,Screening,2026-11-03,\r\n"
                                      "B,y,Offer,2026-10-01,2026-11-20\r\n"
                                      "C,z,Applied,2026-10-05,2026-10-09\r\n")
    tracker.import_records(load(tracker, path, today=TODAY).records)
    histories = [[(e.to_stage, e.occurred_on) for e in tracker.get_application(i).events]
                 for i in (1, 2, 3)]
    assert histories == [
        [("Applied", dt.date(2026, 11, 3)), ("Screening", TODAY)],
        [("Applied", dt.date(2026, 10, 1)), ("Offer", dt.date(2026, 11, 20))],
        [("Applied", dt.date(2026, 10, 5))]]
    assert [tracker.get_application(i).applied_on for i in (1, 2, 3)] == [
        dt.date(2026, 11, 3), dt.date(2026, 10, 1), dt.date(2026, 10, 5)]


@pytest.mark.parametrize(("row", "message", "column"), [
    ("A,x,Applied,1969-12-31,", "1969-12-31 is before 1970", "Applied"),
    ("A,x,Rejected,2026-10-01,1899-12-30", "1899-12-30 is before 1970", "Last change"),
    ("A,x,Screening,2026-11-10,2026-11-05",
     "applied on 2026-11-10, after the Screening date 2026-11-05", "Applied"),
    ("A,x,Saved,2026-11-10,", "at Saved has not been sent yet", "Applied"),
])
def test_contradictory_or_impossible_stage_dates_name_row_and_column(
        tracker: Tracker, tmp_path: Path, row: str, message: str, column: str) -> None:
    path = write(tmp_path / "in.csv", f"Company,Title,Status,Applied,Last change\r\n"
                                      f"B,y,Applied,2026-10-01,\r\n{row}\r\n")
    with pytest.raises(InputFileError, match=message) as caught:
        load(tracker, path, today=TODAY)
    assert (caught.value.row, caught.value.column) == (3, column)
    assert tracker.count_applications() == 0


def test_bulk_records_keep_the_applied_date_on_the_applied_event(tracker: Tracker) -> None:
    from jobtracker.tracker import ApplicationRecord

    def record(applied: dt.date | None, *events: tuple[str, dt.date]) -> ApplicationRecord:
        return ApplicationRecord(ApplicationInput("x", "A", stage=events[-1][0],
                                                  applied_on=applied), events=events)

    with pytest.raises(ValidationError, match=r"applied_on: record 1: 2026-10-02 is not the "
                                              r"Applied date: its first step that counts as "
                                              r"applied is on 2026-10-01"):
        tracker.import_records([record(dt.date(2026, 10, 2), ("Applied", dt.date(2026, 10, 1)),
                                       ("Screening", dt.date(2026, 10, 9)))])
    with pytest.raises(ValidationError, match="never shows it sent"):
        tracker.import_records([record(dt.date(2026, 10, 2), ("Saved", dt.date(2026, 10, 1)))])
    with pytest.raises(ValidationError, match="stage date: record 1: 1969-07-20 is before 1970"):
        tracker.import_records([record(None, ("Saved", dt.date(1969, 7, 20)))])
    assert tracker.count_applications() == 0
    tracker.import_records([record(None, ("Saved", dt.date(2026, 9, 1)),
                                   ("Screening", dt.date(2026, 10, 1)))])
    assert tracker.get_application(1).applied_on == dt.date(2026, 10, 1)


# -- refused files -----------------------------------------------------------------------------


def test_a_50_mb_file_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(b"Company,Title\r\n")
        out.truncate(50_000_000)  # sparse: no need to write 50 MB
    error = refused(tracker, path, "too large .*40 MiB", row=None)
    assert "47.7 MiB" in str(error)


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", codecs.BOM_UTF8, b",,,\r\n"])
def test_an_empty_file_is_refused(tracker: Tracker, tmp_path: Path, content: bytes) -> None:
    refused(tracker, write(tmp_path / "in.csv", content), "^the file is empty$", row=None)


def test_header_only_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title\r\n\r\n,\r\n")
    refused(tracker, path, "no applications after the header", row=2)


def test_a_missing_file_is_an_input_error(tracker: Tracker, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="cannot read"):
        load(tracker, tmp_path / "nope.csv")
    with pytest.raises(InputFileError, match="cannot read"):
        load(tracker, tmp_path)


def test_unknown_encoding_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    # 0x81 and 0x8D are neither UTF-8 nor Windows-1252.
    path = write(tmp_path / "in.csv", b"Company,Title\r\nA\x81\x8d,x\r\n")
    refused(tracker, path, r"byte 16 \(0x81\) is neither UTF-8 nor Windows-1252 text; "
                           "save the file as UTF-8 CSV", row=2)


def test_binary_files_are_refused_by_row(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", b"Company,Title\r\nA,x\r\nB,\x00\x01\x02\r\n")
    refused(tracker, path, "NUL bytes", row=3)
    bad_utf16 = write(tmp_path / "w.csv", "Company,Title\r\nA,\x00\r\n".encode("utf-16"))
    refused(tracker, bad_utf16, "NUL characters", row=2)


def test_invalid_text_after_a_bom_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", codecs.BOM_UTF8 + b"Company,Title\r\nA,\xff\r\n")
    refused(tracker, path, "not valid UTF-8", row=2)


def test_an_over_long_cell_is_refused_and_the_limit_restored(tracker: Tracker,
                                                            tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    path = write(tmp_path / "in.csv", "Company,Title,Description\r\nA,x,short\r\n"
                                      f'B,y,"{"z" * (3 * 2**20)}"\r\n')
    refused(tracker, path, "longer than 2 MiB", row=3)
    assert csv.field_size_limit() == limit


def test_a_long_description_within_the_limit_is_read(tracker: Tracker, tmp_path: Path) -> None:
    text = "word " * 150_000  # 750,000 characters: above csv's default 128 KiB
    path = write(tmp_path / "in.csv", f'Company,Title,Description\r\nA,x,"{text}"\r\n')
    assert load(tracker, path).records[0].application.description == text.strip()


def test_an_unclosed_quote_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", 'Company,Title\r\nA,x\r\nB,"never closed\r\nC,z\r\n')
    refused(tracker, path, "never closed", row=3)


def test_duplicate_columns_are_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Employer\r\nA,x,B\r\n")
    error = refused(tracker, path, "'Company' and 'Employer' both", row=1, column="Employer")
    assert "company" in error.reason


def test_missing_required_columns_are_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Name,Status\r\nA,Applied\r\n")
    error = refused(tracker, path, "missing: Company, Title", row=1)
    assert "'Name', 'Status'" in str(error)
    path = write(tmp_path / "in2.csv", "Company,Status\r\nA,Applied\r\n")
    refused(tracker, path, "missing: Title ", row=1)


def test_an_unknown_status_lists_the_stages(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Status\r\nA,x,Applied\r\nB,y,Pondering\r\n")
    error = refused(tracker, path, "unknown status 'Pondering'", row=3, column="Status")
    assert "Saved, Applied, Screening, Interviewing, Offer" in str(error)


def test_status_words_map_to_stages(tracker: Tracker, tmp_path: Path) -> None:
    words = {"APPLIED": "Applied", "offer-received": "Offer", "Recruiter call": "Screening",
             "final round": "Interviewing", "hired": "Accepted", "withdrew": "Withdrawn",
             "offer declined": "Declined", "no reply": "Ghosted", "to apply": "Saved",
             "declined by company": "Rejected", "ghosted": "Ghosted"}
    lines = "".join(f"A,x,{word}\r\n" for word in words)
    records = load(tracker, write(tmp_path / "in.csv", "Company,Title,Status\r\n" + lines)
                   ).records
    assert [r.application.stage for r in records] == list(words.values())


def test_synonyms_only_map_to_stages_that_exist(tracker: Tracker, tmp_path: Path) -> None:
    stages = [s for s in tracker.stages() if s.name != "Ghosted"]
    path = write(tmp_path / "in.csv", "Company,Title,Status\r\nA,x,no response\r\n")
    with pytest.raises(InputFileError, match="unknown status 'no response'"):
        read_csv(path, stages=stages)


@pytest.mark.parametrize(("text", "expected"), [("5", 5), ("5.0", 5), ("★★★", 3),
                                                ("★★☆☆☆", 2), ("", 3), ("1", 1)])
def test_priority_forms(tracker: Tracker, tmp_path: Path, text: str, expected: int) -> None:
    path = write(tmp_path / "in.csv", f"Company,Title,Priority\r\nA,x,{text}\r\n")
    assert load(tracker, path).records[0].application.priority == expected


@pytest.mark.parametrize("text", ["6", "0", "high", "2.5", "☆☆☆"])
def test_bad_priority_is_refused(tracker: Tracker, tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "in.csv", f"Company,Title,Excitement\r\nA,x,{text}\r\n")
    refused(tracker, path, "priority", row=2, column="Excitement")


def test_short_rows_are_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,Location,Source\r\nA,x,Berlin,web\r\n"
                                      "B,y\r\n")
    refused(tracker, path, "row has 2 cells, the header has 4", row=3, column="Location")


def test_long_rows_are_refused_unless_the_extra_cells_are_empty(tracker: Tracker,
                                                                tmp_path: Path) -> None:
    fine = write(tmp_path / "ok.csv", "Company,Title\r\nA,x,,\r\n")
    assert len(load(tracker, fine).records) == 1
    path = write(tmp_path / "in.csv", "Company,Title\r\nA,x\r\nB,y,,oops\r\n")
    refused(tracker, path, "row has 4 cells, the header has 2", row=3)


def test_blank_rows_are_skipped_but_counted(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Title,URL\r\n\r\nA,x,\r\n , ,\r\n"
                                      "B,y,javascript:alert(1)\r\n")
    refused(tracker, path, "not an http or https address", row=5, column="URL")


@pytest.mark.parametrize(("header", "row", "column", "match"), [
    ("Company,Title", "A,   ", "Title", "must not be empty"),
    ("Employer,Role", "   ,x", "Employer", "must not be empty"),
    ("Company,Title,Link", "A,x,ftp://example.com/job", "Link", "not an http"),
    ("Company,Title,Link", "A,x,http://[::1", "Link", "not an http or https address"),
    ("Company,Title,Salary min,Currency", "A,x,100,XYZ", "Currency", "ISO 4217"),
    ("Company,Title,Salary min,Currency", "A,x,100,", "Currency", "currency is needed"),
    ("Company,Title,Salary", "A,x,120000", "Salary", "add a Currency column"),
    ("Company,Title,Salary", "A,x,about 120k-ish maybe", "Salary", "is not a salary"),
    ("Company,Title,Salary min,Salary max,Currency", "A,x,200,100,USD", "Salary max",
     "smaller than the minimum"),
    ("Company,Title,Salary min,Currency", "A,x,62.5,JPY", "Salary min", "decimals"),
    ("Company,Title,Salary min,Currency", "A,x,1" + "0" * 20 + ",USD", "Salary min",
     "believable"),
    ("Company,Title,Remote", "A,x,sometimes", "Remote", "not one of remote"),
    ("Company,Title,Job Type", "A,x,gig", "Job Type", "not one of full_time"),
    ("Company,Title,Salary,Pay Period", "A,x,$5,fortnight", "Pay Period", "not one of hour"),
    ("Company,Title,Tags", "A,x," + "t" * 61, "Tags", "longer than 60"),
])
def test_invalid_values_name_row_and_column(tracker: Tracker, tmp_path: Path, header: str,
                                            row: str, column: str, match: str) -> None:
    path = write(tmp_path / "in.csv", f"{header}\r\n{row}\r\n")
    refused(tracker, path, match, row=2, column=column)


def test_unknown_and_unnamed_columns_are_reported(tracker: Tracker, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "Company,Mood,Title,,Next Interview\r\n"
                                      "A,happy,x,stray,2026-12-01\r\n")
    result = load(tracker, path)
    assert result.ignored_columns == ["Mood", "Next Interview"]
    assert any("Mood" in w for w in result.warnings)
    assert any("without a header" in w and "column 4" in w for w in result.warnings)


# -- anything at all ---------------------------------------------------------------------------


_CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "Applied", "wishlist", "2026-11-03", "13/01/2026", "01/13/2026",
                     "Nov 3, 2026", "$120,000 - $150,000 / year", "62.50", "EUR", "hour",
                     "★★★", "5.0", "https://example.com", "http://[", "'=1", "remote"]),
)
_HEADERS = ["Company", "Title", "Status", "Date Applied", "Salary", "Currency", "Priority",
            "URL", "Tags", "Follow up", "Remote", "Notes", "Salary min", "Last change"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_give_records_or_an_input_error(tracker: Tracker, tmp_path: Path,
                                                        data: bytes) -> None:
    path = write(tmp_path / "fuzz.csv", data)
    with contextlib.suppress(InputFileError):
        read_csv(path, stages=tracker.stages())


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_CELLS, min_size=len(_HEADERS), max_size=len(_HEADERS) + 1),
                     min_size=1, max_size=4),
       header=st.permutations(_HEADERS))
def test_arbitrary_cells_give_records_or_an_input_error(tracker: Tracker, tmp_path: Path,
                                                        rows: list[list[str]],
                                                        header: list[str]) -> None:
    path = tmp_path / "fuzz.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    try:
        result = read_csv(path, stages=tracker.stages())
    except InputFileError as error:
        assert str(error)
    else:
        assert len(result.records) <= len(rows)


@pytest.mark.slow
def test_fifty_thousand_rows(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["ID", "Company", "Title", "Stage", "Applied", "Last change",
                         "Salary min", "Salary max", "Currency", "Tags", "URL", "Notes"])
        for n in range(1, 50_001):
            writer.writerow([n, f"Company {n % 997}", f"Engineer {n}", "Interviewing",
                             "2026-10-01", "2026-10-20", "120000", "150000.50", "USD",
                             "python; remote", f"https://example.com/{n}", "0"])
    result = load(tracker, path)
    assert len(result.records) == 50_000 and result.warnings == []
    last = result.records[-1]
    assert last.application.title == "Engineer 50000"
    assert last.application.salary_max == 15000050
    assert last.events == (("Applied", dt.date(2026, 10, 1)),
                           ("Interviewing", dt.date(2026, 10, 20)))
