"""Interviews out as iCalendar, parsed back with icalendar and checked field by field."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from jobtracker.exchange.ics_export import PRODID, attendees, write_ics
from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker
from jobtracker.tracker.insights import CalendarEntry, InsightsMixin

STAMP = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


class _Insightful(Tracker, InsightsMixin):
    pass


@pytest.fixture
def entries(tracker: Tracker) -> list[CalendarEntry]:
    t = _Insightful(tracker.db, today=tracker.today, now=tracker.now)
    app = t.add_application(ApplicationInput(title="Backend Engineer", company="Acme, Inc.",
                                             applied_on=dt.date(2026, 11, 2)))
    t.move_stage(app, "Interviewing", on=dt.date(2026, 11, 20))
    other = t.add_application(ApplicationInput(title="SRE", company="Beta",
                                               applied_on=dt.date(2026, 11, 3)))
    gone = t.add_application(ApplicationInput(title="Gone", company="Gamma",
                                              applied_on=dt.date(2026, 11, 3)))
    berlin = dt.datetime(2026, 12, 1, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    t.add_interview(app, InterviewInput(
        kind="Technical", starts_at=berlin, timezone="Europe/Berlin", duration_minutes=90,
        location="Room 4; 2nd floor", meeting_url="https://meet.example.com/abc",
        interviewers="Jane Doe <jane@acme.example>, Raj Patel; bob@acme.example",
        notes="Bring laptop\nAsk about on-call, pager"))
    t.add_interview(other, InterviewInput(
        kind="Phone screen", starts_at=dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC),
        duration_minutes=None, outcome="cancelled"))
    t.add_interview(gone, InterviewInput(kind="Onsite",
                                         starts_at=dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)))
    t.add_task("Send thank-you note", due_on=dt.date(2026, 12, 2), application_id=app)
    done = t.add_task("Update CV", due_on=dt.date(2026, 11, 20))
    t.set_task_done(done)
    t.add_task("Undated", due_on=None)
    t.add_task("Of a trashed one", due_on=dt.date(2026, 12, 1), application_id=gone)
    t.delete_application(gone)
    return t.calendar_entries()


def _parse(entries: list[CalendarEntry]) -> tuple[int, Calendar, bytes]:
    out = io.BytesIO()
    count = write_ics(entries, out, stamp=STAMP)
    data = out.getvalue()
    return count, Calendar.from_ical(data), data


def test_calendar_entries_are_live_and_in_order(entries: list[CalendarEntry]):
    assert [(e.entry, e.title) for e in entries] == [
        ("interview", "SRE"), ("interview", "Backend Engineer"),
        ("task", None), ("task", "Backend Engineer")]
    assert entries[1].company == "Acme, Inc." and entries[1].stage == "Interviewing"
    assert entries[1].starts_at == dt.datetime(2026, 12, 1, 13, 30, tzinfo=dt.UTC)


def test_interviews_become_events_field_by_field(entries: list[CalendarEntry]):
    count, calendar, data = _parse(entries)
    assert count == 4
    assert b"\r\n" in data and data.replace(b"\r\n", b"").count(b"\n") == 0
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"interview-{e.id}@jobtracker.local" for e in entries
                           if e.entry == "interview"}

    technical = events[f"interview-{entries[1].id}@jobtracker.local"]
    start = technical["DTSTART"]
    assert start.params["TZID"] == "Europe/Berlin"
    assert start.dt == dt.datetime(2026, 12, 1, 13, 30, tzinfo=dt.UTC)  # the stored instant
    assert start.dt.utcoffset() == dt.timedelta(hours=1)
    assert start.dt.replace(tzinfo=None) == dt.datetime(2026, 12, 1, 14, 30)
    assert technical["DTEND"].dt - start.dt == dt.timedelta(minutes=90)
    assert technical["DTSTAMP"].dt == STAMP
    assert str(technical["SUMMARY"]) == "Technical: Backend Engineer at Acme, Inc."
    assert str(technical["LOCATION"]) == "Room 4; 2nd floor"
    assert str(technical["URL"]) == "https://meet.example.com/abc"
    assert str(technical["STATUS"]) == "CONFIRMED"
    assert str(technical["DESCRIPTION"]) == (
        "Interviewers: Jane Doe <jane@acme.example>, Raj Patel; bob@acme.example\n"
        "Stage: Interviewing\nLink: https://meet.example.com/abc\n\n"
        "Bring laptop\nAsk about on-call, pager")
    people = technical["ATTENDEE"]
    assert [str(a) for a in people] == ["mailto:jane@acme.example", "mailto:bob@acme.example"]
    assert people[0].params["CN"] == "Jane Doe"
    assert "CN" not in people[1].params

    zones = {str(z["TZID"]): z for z in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/Berlin"}
    assert zones["Europe/Berlin"].to_tz().utcoffset(dt.datetime(2026, 12, 1, 14, 30)) \
        == dt.timedelta(hours=1)

    screen = events[f"interview-{entries[0].id}@jobtracker.local"]
    assert "TZID" not in screen["DTSTART"].params
    assert screen["DTSTART"].dt == dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
    assert screen["DTSTART"].dt.utcoffset() == dt.timedelta(0)
    assert "DTEND" not in screen  # no duration known: none invented
    assert str(screen["SUMMARY"]) == "Phone screen: SRE at Beta"
    assert str(screen["STATUS"]) == "CANCELLED"
    assert "LOCATION" not in screen and "URL" not in screen and "ATTENDEE" not in screen
    assert str(screen["DESCRIPTION"]) == "Stage: Applied\nOutcome: cancelled"


def test_dated_tasks_become_todos(entries: list[CalendarEntry]):
    _, calendar, _ = _parse(entries)
    todos = {str(t["SUMMARY"]): t for t in calendar.walk("VTODO")}
    assert set(todos) == {"Send thank-you note", "Update CV"}
    thanks = todos["Send thank-you note"]
    assert thanks["DUE"].dt == dt.date(2026, 12, 2)
    assert not isinstance(thanks["DUE"].dt, dt.datetime)  # dates stay dates
    assert str(thanks["STATUS"]) == "NEEDS-ACTION"
    assert str(thanks["DESCRIPTION"]) == "For: Backend Engineer at Acme, Inc. (Interviewing)"
    assert str(thanks["UID"]).startswith("task-")
    cv = todos["Update CV"]
    assert str(cv["STATUS"]) == "COMPLETED" and cv["COMPLETED"].dt.tzinfo is not None
    assert "DESCRIPTION" not in cv


def test_unknown_zone_falls_back_to_utc_and_empty_is_valid():
    entry = CalendarEntry("interview", 1, 1, "Dev", "Acme", "Applied", "Call",
                          dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), "Mars/Olympus", 30)
    _, calendar, _ = _parse([entry])
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    assert calendar.walk("VTIMEZONE") == []
    count, empty, _ = _parse([])
    assert count == 0 and empty.walk("VEVENT") == [] and str(empty["VERSION"]) == "2.0"


def test_attendees_need_an_address():
    assert attendees(None) == []
    assert attendees("Jane, Raj") == []
    assert attendees("Jane Doe <jane@x.example>\nraj@y.example (Raj)") == [
        ("Jane Doe", "jane@x.example"), ("Raj", "raj@y.example")]
