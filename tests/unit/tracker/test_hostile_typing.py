"""Everything a user can type: huge notes, emoji and right-to-left text, edge dates and salaries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from jobtracker import money
from jobtracker.db import open_database
from jobtracker.errors import ValidationError
from jobtracker.exchange.csv_export import write_csv
from jobtracker.exchange.csv_import import read_csv
from jobtracker.exchange.ics_export import write_ics
from jobtracker.exchange.text_output import format_detail, salary_text
from jobtracker.exchange.vcard_export import write_vcards
from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput, Tracker

TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)

# ZWJ sequences, skin tones, a flag, a keycap and a variation selector.
EMOJI = "👩🏽‍💻 🧑🏿‍🚀 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵 ❤️‍🔥 1️⃣"
# Arabic with right-to-left marks, Hebrew in an embedding, an isolate and an override.
RTL = "مهندس برمجيات \u200f(أول)\u200f · \u202bמפתחת תוכנה\u202c \u2067עברית\u2069 \u202eabc\u202c"
BOTH = f"{EMOJI} {RTL}"


def _text(field: str, limit: int | None = None) -> str:
    value = f"{field} {BOTH}"
    return value[:limit].rstrip() if limit else value


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Tracker]:
    """A second database, where exports of ``tracker`` are read back."""
    with Tracker(open_database(tmp_path / "other.db"), today=lambda: TODAY,
                 now=lambda: NOW) as tracker:
        yield tracker


# -- a 100,000-character note ---------------------------------------------------------------


def test_a_hundred_thousand_character_note(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Dev", company="Acme"))
    filler = " ".join(f"{RTL} wörd{n} {EMOJI}" for n in range(2_000))
    # A word at each end: the whole note is indexed, not its first part.
    body = "Grüße " + filler[:100_000 - len("Grüße  needlezebra")] + " needlezebra"
    assert len(body) == 100_000
    note = tracker.add_note(app, body)
    [saved] = tracker.get_application(app).notes
    assert (saved.id, saved.body) == (note, body)
    assert tracker.search_ids("needlezebra") == [app]
    assert tracker.search_ids("grüße") == [app]
    assert tracker.search_ids("wörd1000") == [app]
    tracker.edit_note(note, body[::-1])
    assert tracker.get_application(app).notes[0].body == body[::-1]


# -- emoji and right-to-left text in every field ---------------------------------------------


def _fill(tracker: Tracker) -> int:
    app = tracker.add_application(ApplicationInput(
        title=_text("title"), company=_text("company"), location=_text("location"),
        source=_text("source", 100), description=_text("description"),
        url="https://例え.jp/وظيفة?q=👩🏽‍💻", tags=(_text("tag", 60), "עברית", "🇯🇵"),
        salary_min=0, salary_max=10**12 * 100, salary_currency="USD", salary_period="year",
        applied_on=dt.date(2026, 1, 1), follow_up_on=dt.date(2027, 1, 1)))
    tracker.add_note(app, _text("note"))
    tracker.add_interview(app, InterviewInput(
        kind=_text("kind", 60), starts_at=dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC),
        timezone="Asia/Jerusalem", location=_text("room"), interviewers=_text("interviewers"),
        meeting_url="https://meet.example/مرحبا", notes=_text("notes")))
    tracker.add_task(_text("task"), due_on=dt.date(2027, 1, 1), application_id=app)
    contact = tracker.add_contact(ContactInput(
        name=_text("name"), company=_text("company"), role=_text("role"),
        email="رنا@例え.jp", phone="+972 (3) 555-0100", notes=_text("contact notes")))
    tracker.link_contact(app, contact)
    return app


def test_every_text_field_keeps_emoji_and_bidi_text(tracker: Tracker) -> None:
    app = _fill(tracker)
    tracker.rename_stage("Screening", _text("stage", 60))
    tracker.rename_company(_text("company"), _text("renamed"))
    detail = tracker.get_application(app)
    assert (detail.title, detail.company) == (_text("title"), _text("renamed"))
    assert (detail.location, detail.source) == (_text("location"), _text("source", 100))
    assert detail.description == _text("description")
    assert detail.tags == (_text("tag", 60), "עברית", "🇯🇵")
    assert detail.url == "https://例え.jp/وظيفة?q=👩🏽‍💻"
    assert detail.notes[0].body == _text("note")
    [interview] = detail.interviews
    assert (interview.kind, interview.location) == (_text("kind", 60), _text("room"))
    assert (interview.interviewers, interview.notes) == (_text("interviewers"), _text("notes"))
    assert detail.tasks[0].title == _text("task")
    [contact] = detail.contacts
    assert (contact.name, contact.role, contact.notes) == (
        _text("name"), _text("role"), _text("contact notes"))
    assert contact.email == "رنا@例え.jp"
    assert _text("stage", 60) in [stage.name for stage in tracker.stages()]
    assert _text("renamed") in tracker.company_names()
    assert tracker.search_ids("مهندس") == [app]
    assert tracker.search_ids("מפתחת") == [app]
    # The text rendering of the CLI shows it unchanged too.
    assert _text("title") in format_detail(detail)


def test_emoji_and_bidi_text_survive_every_export(tracker: Tracker, other: Tracker) -> None:
    app = _fill(tracker)
    # CSV, read back into a new database.
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(), out)
    path = Path(str(other.db.path)).with_name("export.csv")
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    [record] = read_csv(path, stages=other.stages(), today=other.today()).records
    other.import_records([record])
    [row] = list(other.iter_applications())
    assert (row.title, row.company, row.location) == (
        _text("title"), _text("company"), _text("location"))
    assert row.tags == (_text("tag", 60), "עברית", "🇯🇵")

    # JSON: everything, into another database.
    payload = json.loads(json.dumps(tracker.export_everything(), ensure_ascii=False))
    with Tracker(open_database(path.with_name("json.db")), today=lambda: TODAY,
                 now=lambda: NOW) as restored:
        restored.import_everything(payload)
        copy = restored.get_application(app)
        assert copy.title == _text("title") and copy.notes[0].body == _text("note")
        assert copy.contacts[0].name == _text("name")

    # iCalendar: the interview and the task.
    data = io.BytesIO()
    write_ics(tracker.calendar_entries(), data, stamp=NOW)
    calendar = Calendar.from_ical(data.getvalue())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]).startswith(_text("kind", 60))
    assert str(event["location"]) == _text("room")
    assert _text("notes") in str(event["description"])
    [todo] = calendar.walk("VTODO")
    assert str(todo["summary"]) == _text("task")

    # vCard: fields come back once unfolded and unescaped.
    cards = io.StringIO(newline="")
    write_vcards(tracker.list_contacts(), cards)
    raw = cards.getvalue()
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    lines = raw.replace("\r\n ", "").split("\r\n")
    fields = {line.split(":", 1)[0].split(";")[0]: line.split(":", 1)[1] for line in lines
              if ":" in line}
    assert re.sub(r"\\(.)", r"\1", fields["FN"]) == _text("name")
    assert re.sub(r"\\(.)", r"\1", fields["NOTE"]) == _text("contact notes")


# -- dates at the year boundaries ------------------------------------------------------------

BOUNDARIES = [dt.date(1999, 12, 31), dt.date(2000, 1, 1), dt.date(2026, 1, 1),
              dt.date(2028, 2, 29)]
# 1970-01-01 is the earliest stage date (older ones are typos); see test_applications.
PAST_BOUNDARIES = [dt.date(1970, 1, 1), dt.date(1999, 12, 31), dt.date(2000, 1, 1),
                   dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2026, 1, 1)]


@pytest.mark.parametrize("day", PAST_BOUNDARIES)
def test_applied_dates_at_year_boundaries_round_trip(tracker: Tracker, other: Tracker,
                                                      day: dt.date) -> None:
    app = tracker.add_application(ApplicationInput(title="Dev", company="Acme", applied_on=day))
    tracker.edit_application(app, applied_on=day)
    assert tracker.get_application(app).applied_on == day
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(), out)
    assert day.isoformat() in out.getvalue()
    path = Path(str(other.db.path)).with_name("dates.csv")
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    other.import_records(read_csv(path, stages=other.stages(), today=other.today()).records)
    assert [row.applied_on for row in other.iter_applications()] == [day]
    payload = json.loads(json.dumps(tracker.export_everything(), default=str))
    assert day.isoformat() in json.dumps(payload["tables"]["application"])


@pytest.mark.parametrize("day", [dt.date(2026, 12, 31), dt.date(2027, 1, 1),
                                 dt.date(2028, 2, 29), dt.date(2199, 12, 31)])
def test_future_dates_at_year_boundaries_round_trip(tracker: Tracker, day: dt.date) -> None:
    app = tracker.add_application(ApplicationInput(title="Dev", company="Acme",
                                                   follow_up_on=day))
    start = dt.datetime.combine(day, dt.time(23, 30), ZoneInfo("Pacific/Kiritimati"))
    tracker.add_interview(app, InterviewInput(kind="Final", starts_at=start,
                                              timezone="Pacific/Kiritimati",
                                              duration_minutes=60))
    task = tracker.add_task("Send thanks", due_on=day, application_id=app)
    detail = tracker.get_application(app)
    assert detail.follow_up_on == day
    assert detail.interviews[0].starts_at == start
    assert [t.due_on for t in detail.tasks if t.id == task] == [day]
    data = io.BytesIO()
    write_ics(tracker.calendar_entries(), data, stamp=NOW)
    calendar = Calendar.from_ical(data.getvalue())
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == start + dt.timedelta(hours=1)  # into the next year
    [todo] = calendar.walk("VTODO")
    assert todo.decoded("due") == day


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(1899, 12, 31),
                                 dt.date(2200, 1, 1), dt.date(9999, 12, 31)])
def test_dates_outside_the_product_range_are_refused(tracker: Tracker, day: dt.date) -> None:
    app = tracker.add_application(ApplicationInput(title="Dev", company="Acme"))
    with pytest.raises(ValidationError, match=r"^follow_up_on: .* is not between "
                                              r"1900-01-01 and 2199-12-31$"):
        tracker.edit_application(app, follow_up_on=day)
    with pytest.raises(ValidationError, match=r"^starts_at: "):
        tracker.add_interview(app, InterviewInput(
            kind="x", starts_at=dt.datetime.combine(day, dt.time(12), dt.UTC)))
    if day < TODAY:
        with pytest.raises(ValidationError, match=r"^applied_on: "):
            tracker.add_application(ApplicationInput(title="Dev", company="Acme",
                                                     applied_on=day))
    assert tracker.count_applications() == 1
    # Every export still works on what was kept.
    write_ics(tracker.calendar_entries(), io.BytesIO(), stamp=NOW)


def test_a_csv_date_outside_the_range_names_row_and_column(tracker: Tracker,
                                                           tmp_path: Path) -> None:
    from jobtracker.errors import InputFileError

    path = tmp_path / "old.csv"
    path.write_text("Company,Title,Date Applied\r\nA,B,2000-01-01\r\nC,D,1899-12-31\r\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        read_csv(path, stages=tracker.stages(), today=tracker.today())
    assert (error.value.row, error.value.column) == (3, "Date Applied")


# -- salaries of 0 and 10^12 ----------------------------------------------------------------


@pytest.mark.parametrize("currency", ["USD", "JPY", "BHD"])
def test_salaries_of_zero_and_a_trillion_round_trip(tracker: Tracker, other: Tracker,
                                                    currency: str) -> None:
    # 10^12 in major units is 10^14 cents (10^15 for BHD): far inside SQLite's int64.
    trillion = money.to_minor(10**12, currency)
    app = tracker.add_application(ApplicationInput(
        title="Dev", company="Acme", salary_min=0, salary_max=trillion,
        salary_currency=currency, salary_period="year"))
    detail = tracker.get_application(app)
    assert (detail.salary_min, detail.salary_max) == (0, trillion)
    assert salary_text(0, trillion, currency, "year") == f"0–1000000000000 {currency}/year"
    assert money.format_plain(0, currency) == "0"
    assert money.format_plain(trillion, currency) == "1000000000000"
    # CSV out and back in.
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(), out)
    [header, row] = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert (row[header.index("Salary min")], row[header.index("Salary max")]) == (
        "0", "1000000000000")
    path = Path(str(other.db.path)).with_name("salary.csv")
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    other.import_records(read_csv(path, stages=other.stages()).records)
    [copy] = list(other.iter_applications())
    assert (copy.salary_min, copy.salary_max, copy.salary_currency) == (0, trillion, currency)
    # JSON keeps the exact integers.
    payload = json.loads(json.dumps(tracker.export_everything(), default=str))
    [saved] = payload["tables"]["application"]
    assert (saved["salary_min"], saved["salary_max"]) == (0, trillion)
    # Editing to zero keeps a zero, not "no salary".
    tracker.edit_application(app, salary_max=0)
    assert tracker.get_application(app).salary_max == 0


@pytest.mark.parametrize("minor", [2**63, 10**20, money.max_minor("USD") + 1])
def test_salaries_beyond_belief_are_refused_not_crashed(tracker: Tracker, minor: int) -> None:
    app = tracker.add_application(ApplicationInput(title="Dev", company="Acme"))
    with pytest.raises(ValidationError, match=r"^salary_max: is more than 10,000,000,000,000; "):
        tracker.add_application(ApplicationInput(title="Dev", company="Acme", salary_max=minor,
                                                 salary_currency="USD"))
    with pytest.raises(ValidationError, match=r"^salary_min: "):
        tracker.edit_application(app, salary_min=minor, salary_currency="USD")
    assert tracker.get_application(app).salary_min is None
    assert tracker.count_applications() == 1
