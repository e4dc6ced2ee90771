"""CSV export: RFC 4180, our column list, plain values, defused formulas, streaming."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from jobtracker.exchange.csv_columns import COLUMNS
from jobtracker.exchange.csv_export import write_csv
from jobtracker.tracker import ApplicationInput, ApplicationRow, InterviewInput, Tracker

FORMULA = '=HYPERLINK("http://example.com")'


def export(tracker: Tracker, path: Path, *, excel: bool = False) -> bytes:
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv(tracker.iter_applications(), out, excel=excel, extras=tracker.export_extras)
    return path.read_bytes()


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_header_is_our_column_list_and_lines_end_in_crlf(tracker: Tracker,
                                                         tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    data = export(tracker, tmp_path / "out.csv")
    assert data.startswith(b"ID,Company,Title,Stage,Applied,Last change,")
    assert data.count(b"\r\n") == 2 and data.endswith(b"\r\n")
    assert parse(data)[0] == list(COLUMNS)


def test_values_are_plain(tracker: Tracker, tmp_path: Path) -> None:
    app = tracker.add_application(ApplicationInput(
        title="Engineer", company="Acme", stage="Applied", applied_on=dt.date(2026, 10, 1),
        location="Berlin", remote="remote", employment_type="full_time", salary_min=12000000,
        salary_max=15000000, salary_currency="USD", salary_period="year", priority=5,
        tags=("python", "Remote-first"), url="https://example.com/jobs/1", source="LinkedIn",
        follow_up_on=dt.date(2026, 12, 5)))
    tracker.add_note(app, "Called the recruiter")
    tracker.add_interview(app, InterviewInput(
        kind="phone", starts_at=dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.UTC)))
    row = dict(zip(COLUMNS, parse(export(tracker, tmp_path / "out.csv"))[1], strict=True))
    # ISO 8601 with the offset (no zone given: this computer's), and the
    # notes' text rather than their count.
    local = dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.UTC).astimezone()
    assert row == {
        "ID": str(app), "Company": "Acme", "Title": "Engineer", "Stage": "Applied",
        "Applied": "2026-10-01", "Last change": "2026-10-01", "Location": "Berlin",
        "Remote": "remote", "Salary min": "120000", "Salary max": "150000", "Currency": "USD",
        "Salary period": "year", "Employment type": "full_time", "Priority": "5",
        "Tags": "python; Remote-first", "URL": "https://example.com/jobs/1",
        "Source": "LinkedIn", "Next interview": local.isoformat(timespec="seconds"),
        "Follow-up": "2026-12-05", "Notes": "Called the recruiter",
    }


def test_salaries_keep_their_minor_units(tracker: Tracker, tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title="Barista", company="Café", salary_min=6250,
                                             salary_max=6250, salary_currency="EUR",
                                             salary_period="hour"))
    tracker.add_application(ApplicationInput(title="Engineer", company="Tokyo KK",
                                             salary_min=5000000, salary_currency="JPY"))
    tracker.add_application(ApplicationInput(title="Analyst", company="Gulf",
                                             salary_max=1234567, salary_currency="BHD"))
    rows = {r[2]: r for r in parse(export(tracker, tmp_path / "out.csv"))[1:]}
    assert rows["Barista"][8:12] == ["62.50", "62.50", "EUR", "hour"]
    assert rows["Engineer"][8:11] == ["5000000", "", "JPY"]
    assert rows["Analyst"][8:11] == ["", "1234.567", "BHD"]


def test_formulas_are_defused_in_the_file(tracker: Tracker, tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title=FORMULA, company="+Plus", location="@home",
                                             source="-1", tags=("=tag",)))
    data = export(tracker, tmp_path / "out.csv")
    for cells in parse(data):
        for cell in cells:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    row = parse(data)[1]
    assert row[2] == "'" + FORMULA
    assert row[1] == "'+Plus" and row[6] == "'@home" and row[16] == "'-1"
    assert row[14] == "'=tag"


def test_commas_quotes_and_line_breaks_are_quoted(tracker: Tracker, tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title='Lead "Platform", EU',
                                             company="Acme, Inc.",
                                             location="Zürich\r\nBuilding 2"))
    data = export(tracker, tmp_path / "out.csv")
    assert b'"Acme, Inc."' in data
    assert b'"Lead ""Platform"", EU"' in data
    assert '"Zürich\r\nBuilding 2"'.encode() in data
    row = parse(data)[1]
    assert row[1:3] == ["Acme, Inc.", 'Lead "Platform", EU']
    assert row[6] == "Zürich\r\nBuilding 2"


def test_excel_flag_writes_a_utf8_bom(tracker: Tracker, tmp_path: Path) -> None:
    tracker.add_application(ApplicationInput(title="Ingénieur", company="Société"))
    assert export(tracker, tmp_path / "excel.csv", excel=True).startswith(b"\xef\xbb\xbfID,")
    plain = export(tracker, tmp_path / "plain.csv")
    assert plain.startswith(b"ID,")
    assert "Société".encode() in plain


def test_returns_the_number_of_rows_and_streams(tracker: Tracker) -> None:
    for n in range(3):
        tracker.add_application(ApplicationInput(title=f"Job {n}", company="Acme"))
    out = io.StringIO()
    seen: list[int] = []

    def rows() -> Iterator[ApplicationRow]:
        for row in tracker.iter_applications():
            # Each row is written before the next is asked for: nothing is buffered.
            seen.append(out.getvalue().count("\r\n"))
            yield row

    assert write_csv(rows(), out) == 3
    assert seen == [1, 2, 3]


def test_empty_export_is_just_the_header() -> None:
    out = io.StringIO()
    assert write_csv(iter(()), out) == 0
    assert out.getvalue() == ",".join(COLUMNS) + "\r\n"
