"""Interviews (and dated tasks) out as RFC 5545 iCalendar: Google Calendar, Outlook, Thunderbird.

Built with the ``icalendar`` library. An interview set in an IANA time zone keeps it
(``DTSTART;TZID=...`` plus the matching ``VTIMEZONE``); one without a zone is written
in UTC. Attendees are written only for interviewers given with an e-mail address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Todo, vCalAddress

from jobtracker import __version__
from jobtracker.tracker.insights import CalendarEntry

PRODID = f"-//JobTracker//JobTracker {__version__}//EN"
UID_DOMAIN = "jobtracker.local"
_EMAIL = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+\.[^\s<>()\[\],;:\"']+")


def interview_uid(interview_id: int) -> str:
    """Stable UID of an interview's event: re-importing updates rather than duplicates."""
    return f"interview-{interview_id}@{UID_DOMAIN}"


def task_uid(task_id: int) -> str:
    """Stable UID of a task's to-do."""
    return f"task-{task_id}@{UID_DOMAIN}"


def attendees(interviewers: str | None) -> list[tuple[str | None, str]]:
    """(name, e-mail) of each interviewer given with an address; the others are left out."""
    found: list[tuple[str | None, str]] = []
    for part in re.split(r"[,;\n]", interviewers or ""):
        match = _EMAIL.search(part)
        if match:
            name = (part[:match.start()] + part[match.end():]).strip(" \t<>()\"'")
            found.append((name or None, match.group()))
    return found


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _description(entry: CalendarEntry) -> str:
    lines = []
    if entry.interviewers:
        lines.append(f"Interviewers: {entry.interviewers}")
    if entry.stage:
        lines.append(f"Stage: {entry.stage}")
    if entry.meeting_url and entry.location:
        lines.append(f"Link: {entry.meeting_url}")
    if entry.outcome and entry.outcome != "pending":
        lines.append(f"Outcome: {entry.outcome}")
    if entry.notes:
        lines.extend(["", entry.notes])
    return "\n".join(lines)


def _event(entry: CalendarEntry, stamp: dt.datetime) -> Event:
    assert entry.starts_at is not None
    event = Event()
    event.add("uid", interview_uid(entry.id))
    event.add("dtstamp", stamp)
    zone = _zone(entry.timezone)
    start = entry.starts_at.astimezone(zone or dt.UTC)
    event.add("dtstart", start)
    if entry.duration_minutes:
        event.add("dtend", start + dt.timedelta(minutes=entry.duration_minutes))
    where = f" at {entry.company}" if entry.company else ""
    event.add("summary", f"{entry.kind}: {entry.title}{where}")
    if entry.location or entry.meeting_url:
        event.add("location", entry.location or entry.meeting_url)
    if entry.meeting_url:
        event.add("url", entry.meeting_url)
    description = _description(entry)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if entry.outcome == "cancelled" else "CONFIRMED")
    for name, email in attendees(entry.interviewers):
        address = vCalAddress(f"mailto:{email}")
        if name:
            address.params["CN"] = name
        address.params["ROLE"] = "REQ-PARTICIPANT"
        event.add("attendee", address, encode=False)
    return event


def _todo(entry: CalendarEntry, stamp: dt.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", task_uid(entry.id))
    todo.add("dtstamp", stamp)
    todo.add("summary", entry.task_title or "")
    todo.add("due", entry.due_on)
    if entry.title:
        where = f" at {entry.company}" if entry.company else ""
        stage = f" ({entry.stage})" if entry.stage else ""
        todo.add("description", f"For: {entry.title}{where}{stage}")
    if entry.done_at is not None:
        todo.add("status", "COMPLETED")
        todo.add("completed", entry.done_at.astimezone(dt.UTC))
    else:
        todo.add("status", "NEEDS-ACTION")
    return todo


def write_ics(interviews_with_context: Iterable[CalendarEntry], out: BinaryIO, *,
              stamp: dt.datetime | None = None) -> int:
    """Write one VEVENT per interview and one VTODO per dated task; returns how many.

    ``stamp`` is the DTSTAMP of every component (the export time; UTC now by default).
    """
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "JobTracker")
    count = 0
    starts: list[dt.date] = []
    for entry in interviews_with_context:
        if entry.entry == "interview" and entry.starts_at is not None:
            calendar.add_component(_event(entry, stamp))
            starts.append(entry.starts_at.date())
        elif entry.entry == "task" and entry.due_on is not None:
            calendar.add_component(_todo(entry, stamp))
        else:
            continue
        count += 1
    if starts:
        # Only the transitions around the interviews, not 1970-2038 of them.
        calendar.add_missing_timezones(first_date=min(starts) - dt.timedelta(days=366),
                                       last_date=max(starts) + dt.timedelta(days=366))
    out.write(calendar.to_ical())
    return count
