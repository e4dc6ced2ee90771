"""The CSV is for people: the notes' text, ISO 8601 times in the interview's own zone."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo
from pathlib import Path

from jobtracker.exchange.csv_columns import COLUMNS
from jobtracker.exchange.csv_export import write_csv, write_records
from jobtracker.exchange.csv_import import read_csv
from jobtracker.tracker import ApplicationInput, InterviewInput, SortKey, Tracker
from tests.conftest import NOW
from tests.unit.cli.test_main import jt, ok

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _set_clock(tracker: Tracker, when: dt.datetime) -> None:
    tracker._now = lambda: when  # type: ignore[method-assign]  # notes are dated by the clock


def _fast(tracker: Tracker) -> str:
    out = io.StringIO(newline="")
    write_records(tracker.iter_export_records(), out)
    return out.getvalue()


def _slow(tracker: Tracker) -> str:
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(sort=SortKey.ID, descending=False), out,
              extras=tracker.export_extras)
    return out.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_notes_column_holds_the_notes_newest_first(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    # Added out of order on purpose: the column follows when they were written.
    for hours, body in ((2, "second"), (1, "first"), (3, "=SUM(A1) third\nline two")):
        _set_clock(tracker, NOW + dt.timedelta(hours=hours))
        tracker.add_note(app, body)
    other = tracker.add_application(ApplicationInput(title="Silent", company="Acme"))
    fast = _fast(tracker)
    by_id = {row["ID"]: row for row in _rows(fast)}
    # Formula escaping applies to the cell as a spreadsheet sees it: the newest note first.
    assert by_id[str(app)]["Notes"] == "'=SUM(A1) third\nline two\n\nsecond\n\nfirst"
    assert by_id[str(other)]["Notes"] == ""
    assert fast == _slow(tracker)


def test_next_interview_is_iso_8601_in_the_interviews_own_zone(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    tracker.add_interview(app, InterviewInput(
        kind="onsite", timezone="Europe/Amsterdam",
        starts_at=dt.datetime(2026, 12, 1, 14, 30, tzinfo=AMSTERDAM)))
    later = tracker.add_interview(app, InterviewInput(
        kind="final", timezone="America/New_York",
        starts_at=dt.datetime(2026, 12, 9, 9, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))))
    fast = _fast(tracker)
    assert _rows(fast)[0]["Next interview"] == "2026-12-01T14:30:00+01:00"
    assert _rows(fast)[0]["Applied"] == "" and _rows(fast)[0]["Last change"] == "2026-11-28"
    assert fast == _slow(tracker)
    tracker.edit_interview(later, starts_at=dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    # Still in its own zone once it is the next one, whatever zone it was edited in.
    assert _rows(_fast(tracker))[0]["Next interview"] == "2026-11-30T04:00:00-05:00"
    assert _fast(tracker) == _slow(tracker)


def test_an_imported_notes_cell_becomes_one_note_with_its_text(tracker: Tracker,
                                                             tmp_path: Path) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    _set_clock(tracker, NOW + dt.timedelta(hours=1))
    tracker.add_note(app, "first")
    _set_clock(tracker, NOW + dt.timedelta(hours=2))
    tracker.add_note(app, "=2+2 is what they asked")
    path = tmp_path / "out.csv"
    path.write_text(_fast(tracker), encoding="utf-8", newline="")
    [record] = read_csv(path, stages=tracker.stages(), today=tracker.today()).records
    assert record.notes == (("=2+2 is what they asked\n\nfirst", None),)


def test_export_csv_and_list_csv_write_the_notes_text(db_path: Path, tmp_path: Path) -> None:
    ok(jt(db_path, "add", "--title", "Engineer", "--company", "Acme", "--applied", "2026-11-02"))
    ok(jt(db_path, "add", "--title", "SRE", "--company", "Globex"))
    ok(jt(db_path, "note", "1", "Asked about *Kubernetes*"))
    ok(jt(db_path, "interview", "1", "--at", "2099-12-01 14:30", "--tz", "Europe/Amsterdam"))
    exported = tmp_path / "all.csv"
    ok(jt(db_path, "export", "csv", "-o", str(exported)))
    listed = ok(jt(db_path, "list", "--sort", "id", "--asc", "--format", "csv",
                   env={"TZ": "Asia/Tokyo"}))
    data = exported.read_text(encoding="utf-8")
    assert listed.replace("\r\n", "\n") == data.replace("\r\n", "\n")
    first = _rows(data)[0]
    assert list(first) == list(COLUMNS)
    assert (first["Notes"], first["Next interview"], first["Applied"]) == (
        "Asked about *Kubernetes*", "2099-12-01T14:30:00+01:00", "2026-11-02")
    # Imported into a new file, the notes come back as a note.
    other = tmp_path / "other.db"
    ok(jt(other, "import", "csv", str(exported)))
    assert "Asked about *Kubernetes*" in ok(jt(other, "show", "1"))
