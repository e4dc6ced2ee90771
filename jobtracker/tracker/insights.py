"""Dashboard numbers, the Today list and ghosting, computed from stage events.

Everything here reads a few plain queries (no ORM object per row) and computes in
Python, so it stays quick with tens of thousands of applications. The numbers come
from the recorded stage events, never from guesses about the current state:

- an application *was sent* when its timeline reaches a stage past the first open
  stage that is not a lost one (or it has an applied date);
- a *response* is a later event to a stage past Applied, or to a lost stage other
  than Ghosted, Withdrawn and Declined (the candidate's own decisions or silence);
- a move back to an earlier stage never undoes what was reached: the funnel counts
  the furthest stage ever reached, and the Sankey diagram follows each application's
  distinct forward stages only.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    Date,
    false,
    literal,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from jobtracker.errors import ValidationError
from jobtracker.models import Application, Company, Interview, Stage, StageEvent, Task
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.rows import FunnelStep, StageRow
from jobtracker.vocabulary import InterviewOutcome, StageKind

NO_ANSWER = "No answer yet"
UNKNOWN_SOURCE = "Unknown"
NOT_STATED = "Not stated"
REMOTE_ORDER = ("remote", "hybrid", "onsite", NOT_STATED)
# Lost stages that are not an answer from the employer.
_SILENT_LOST = frozenset({"ghosted", "withdrawn", "declined"})


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Applications sent in one ISO week (``week_start`` is its Monday)."""

    week_start: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class SankeyFlow:
    """How many applications went from one stage (node) straight to another."""

    source: str
    target: str
    count: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    """The numbers of the search over a date range (``None`` ends are open)."""

    date_from: dt.date | None
    date_to: dt.date | None
    total: int
    applied_per_week: tuple[WeekCount, ...]
    funnel: tuple[FunnelStep, ...]
    response_rate: float | None
    median_days_to_response: float | None
    days_in_stage: tuple[tuple[str, float], ...]
    by_source: tuple[tuple[str, int], ...]
    by_remote: tuple[tuple[str, int], ...]
    sankey: tuple[SankeyFlow, ...]


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One line of the Today list."""

    kind: str  # "follow_up" | "interview" | "task" | "no_reply"
    application_id: int | None
    company: str | None
    title: str
    due: dt.date | None
    starts_at: dt.datetime | None
    stage: str | None
    detail: str | None
    task_id: int | None
    interview_id: int | None
    # The application's follow-up date, on "no_reply" items: a silent application with a
    # follow-up planned in the future is being waited on deliberately (Today's Snooze).
    follow_up_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class TodayList:
    """What needs attention now."""

    overdue_follow_ups: tuple[TodayItem, ...]
    upcoming_interviews: tuple[TodayItem, ...]
    open_tasks: tuple[TodayItem, ...]
    no_reply: tuple[TodayItem, ...]


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """An interview (``entry == "interview"``) or a dated task (``"task"``) with its context.

    ``id`` is the interview's or the task's id. ``title``, ``company`` and ``stage``
    describe the application (``None`` for a task about the search in general).
    Interview fields are ``None`` for tasks and the task fields ``None`` for interviews.
    """

    entry: str
    id: int
    application_id: int | None
    title: str | None
    company: str | None
    stage: str | None
    kind: str | None = None
    starts_at: dt.datetime | None = None
    timezone: str | None = None
    duration_minutes: int | None = None
    location: str | None = None
    meeting_url: str | None = None
    interviewers: str | None = None
    outcome: str | None = None
    notes: str | None = None
    task_title: str | None = None
    due_on: dt.date | None = None
    done_at: dt.datetime | None = None



@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One line of the calendar: an interview (``entry == "interview"``) or a task due that day.

    ``label`` is the interview's kind or the task's title; ``title``, ``company`` and
    ``stage`` describe the application (``None`` for a task about the search in general).
    The interview fields are ``None`` for tasks, ``due_on`` is ``None`` for interviews.
    """

    entry: str
    id: int
    application_id: int | None
    title: str | None
    company: str | None
    stage: str | None
    label: str
    starts_at: dt.datetime | None = None
    timezone: str | None = None
    duration_minutes: int | None = None
    location: str | None = None
    meeting_url: str | None = None
    interviewers: str | None = None
    outcome: str | None = None
    due_on: dt.date | None = None
    done: bool = False

@dataclass(frozen=True, slots=True)
class _App:
    id: int
    title: str
    company: str
    stage_id: int
    applied_on: dt.date | None
    stage_changed_on: dt.date
    source: str | None
    remote: str | None
    follow_up_on: dt.date | None


@dataclass(frozen=True, slots=True)
class _Story:
    """One application's timeline, digested."""

    app: _App
    path: tuple[tuple[StageRow, dt.date], ...]  # events by (date, id)
    applied: dt.date | None  # None: never sent
    first_response: dt.date | None
    furthest: int | None  # furthest non-lost position reached

    @property
    def range_day(self) -> dt.date:
        """The date a date range filters on: sent date, else the first event's."""
        return self.applied or self.path[0][1]


class _Stages:
    """The stage list with the roles the statistics need."""

    def __init__(self, rows: Sequence[StageRow]) -> None:
        self.rows = list(rows)
        self.by_id = {s.id: s for s in rows}
        # A retired stage's events still count under its name, but it plays no role.
        live = [s for s in rows if s.retired_on is None]
        opens = [s for s in live if s.kind == StageKind.OPEN]
        self.initial = opens[0] if opens else None
        self.applied = opens[1] if len(opens) > 1 else None
        lost = [s for s in live if s.kind == StageKind.LOST]
        self.ghosted = next((s for s in lost if s.name.casefold() == "ghosted"),
                            lost[-1] if lost else None)

    def sent(self, stage: StageRow) -> bool:
        """Reaching this stage means the application went out."""
        return (stage.kind != StageKind.LOST and self.initial is not None
                and stage.position > self.initial.position)

    def response(self, stage: StageRow) -> bool:
        """Reaching this stage (after sending) means the employer answered."""
        if stage.kind == StageKind.LOST:
            return (stage.name.casefold() not in _SILENT_LOST
                    and (self.ghosted is None or stage.id != self.ghosted.id))
        floor = self.applied or self.initial
        return floor is not None and stage.position > floor.position


def _digest(app: _App, path: list[tuple[StageRow, dt.date]], stages: _Stages) -> _Story:
    sent_at = next((i for i, (s, _) in enumerate(path) if stages.sent(s)), None)
    applied = app.applied_on
    if applied is None and sent_at is not None:
        applied = path[sent_at][1]
    first_response = None
    if applied is not None:
        start = sent_at if sent_at is not None else 0
        first_response = next((on for s, on in path[start:] if stages.response(s)), None)
    positions = [s.position for s, _ in path if s.kind != StageKind.LOST]
    if applied is not None and stages.applied is not None:
        positions.append(stages.applied.position)
    return _Story(app, tuple(path), applied, first_response,
                  max(positions) if positions else None)


def _median(values: list[float] | list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class InsightsMixin(TrackerBase):
    """The dashboard, the Today list, ghosting and calendar entries."""

    # -- reading ------------------------------------------------------------------------------

    def _stories(self, session: Session, stages: _Stages) -> list[_Story]:
        apps = {
            row[0]: _App(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                         row[7].value if row[7] is not None else None, row[8])
            for row in session.execute(
                select(Application.id, Application.title, Company.name, Application.stage_id,
                       Application.applied_on, Application.stage_changed_on,
                       Application.source, Application.remote, Application.follow_up_on)
                .join(Company, Company.id == Application.company_id)
                .where(Application.deleted_at.is_(None)))
        }
        paths: dict[int, list[tuple[StageRow, dt.date]]] = defaultdict(list)
        for app_id, stage_id, occurred_on in session.execute(
            select(StageEvent.application_id, StageEvent.to_stage_id, StageEvent.occurred_on)
            .join(Application, Application.id == StageEvent.application_id)
            .where(Application.deleted_at.is_(None))
            .order_by(StageEvent.application_id, StageEvent.occurred_on, StageEvent.id)
        ):
            paths[app_id].append((stages.by_id[stage_id], occurred_on))
        stories = []
        for app_id, app in apps.items():
            path = paths.get(app_id)
            if not path:  # cannot happen through the tracker; never crash a dashboard on it
                path = [(stages.by_id[app.stage_id], app.stage_changed_on)]
            stories.append(_digest(app, path, stages))
        return stories

    # -- the dashboard ------------------------------------------------------------------------

    def dashboard(self, *, date_from: dt.date | None = None,
                  date_to: dt.date | None = None) -> Dashboard:
        """The numbers of the search for applications sent (or saved) in the date range."""
        if date_from is not None and date_to is not None and date_from > date_to:
            raise ValidationError("date_from", f"{date_from.isoformat()} is after "
                                               f"{date_to.isoformat()}")
        today = self._today()
        with self.db.read() as session:
            stages = _Stages(self._stage_rows(session, retired=True))
            stories = self._stories(session, stages)
        chosen = [s for s in stories
                  if (date_from is None or s.range_day >= date_from)
                  and (date_to is None or s.range_day <= date_to)]
        sent = [s for s in chosen if s.applied is not None]
        responded = [s for s in sent if s.first_response is not None]
        days = [max(0, (s.first_response - s.applied).days)
                for s in responded if s.first_response is not None and s.applied is not None]
        return Dashboard(
            date_from=date_from,
            date_to=date_to,
            total=len(chosen),
            applied_per_week=_weeks(sent, date_from, date_to, today),
            funnel=_funnel(chosen, stages),
            response_rate=len(responded) / len(sent) if sent else None,
            median_days_to_response=_median(days),
            days_in_stage=_days_in_stage(chosen, stages, today),
            by_source=tuple(sorted(
                Counter(s.app.source or UNKNOWN_SOURCE for s in chosen).items(),
                key=lambda item: (-item[1], item[0].casefold()))),
            by_remote=_by_remote(chosen),
            sankey=_sankey(sent, stages),
        )

    # -- today --------------------------------------------------------------------------------

    def today_list(self, *, no_reply_days: int = 21, horizon_days: int = 7) -> TodayList:
        """Overdue follow-ups, upcoming interviews, open tasks and silent applications."""
        if no_reply_days < 1:
            raise ValidationError("no_reply_days", "must be at least 1")
        if horizon_days < 0:
            raise ValidationError("horizon_days", "must not be negative")
        today, now = self._today(), self._now()
        until = now + dt.timedelta(days=horizon_days)
        cutoff = today - dt.timedelta(days=no_reply_days)
        with self.db.read() as session:
            stages = _Stages(self._stage_rows(session, retired=True))
            live = Application.deleted_at.is_(None)
            apps = [
                _App(*row[:7], row[7].value if row[7] is not None else None, row[8])
                for row in session.execute(
                    select(Application.id, Application.title, Company.name,
                           Application.stage_id, Application.applied_on,
                           Application.stage_changed_on, Application.source,
                           Application.remote, Application.follow_up_on)
                    .join(Company, Company.id == Application.company_id)
                    .join(Stage, Stage.id == Application.stage_id)
                    .where(live, Stage.kind.in_((StageKind.OPEN, StageKind.OFFER)),
                       # Only the two lists below: this runs every minute for reminders,
                       # so a long search must not read every open application.
                       or_(Application.follow_up_on <= today,
                           Application.stage_changed_on <= cutoff)))
            ]
            # Started at most a day ago: an interview in progress still shows.
            interviews = session.execute(
                select(Interview.id, Interview.application_id, Interview.kind,
                       Interview.starts_at, Interview.duration_minutes, Interview.location,
                       Interview.meeting_url, Application.title, Company.name,
                       Application.stage_id)
                .join(Application, Application.id == Interview.application_id)
                .join(Company, Company.id == Application.company_id)
                # The unary + keeps SQLite off ix_application_live_changed, which would
                # walk every live application; the time window on ix_interview_starts_at
                # then drives (a few rows instead of 50,000, every minute).
                .where(literal_column("+application.deleted_at").is_(None),
                       Interview.outcome == InterviewOutcome.PENDING,
                       Interview.starts_at >= now - dt.timedelta(days=1),
                       Interview.starts_at <= until)
                .order_by(Interview.starts_at, Interview.id)
            ).all()
            tasks = session.execute(
                select(Task.id, Task.title, Task.due_on, Task.application_id,
                       Application.title, Company.name, Application.stage_id)
                .outerjoin(Application, Application.id == Task.application_id)
                .outerjoin(Company, Company.id == Application.company_id)
                .where(Task.done_at.is_(None),
                       (Task.application_id.is_(None)) | live,
                       Task.due_on.is_(None)
                       | (Task.due_on <= today + dt.timedelta(days=horizon_days)))
                .order_by(Task.due_on.asc().nulls_last(), Task.id)
            ).all()

        def stage_name(stage_id: int | None) -> str | None:
            return stages.by_id[stage_id].name if stage_id is not None else None

        follow_ups = sorted((a for a in apps if a.follow_up_on and a.follow_up_on <= today),
                            key=lambda a: (a.follow_up_on, a.id))
        upcoming = []
        waiting_on_interview = set()
        for (iid, app_id, kind, starts_at, minutes, location, url, title, company,
             stage_id) in interviews:
            if starts_at + dt.timedelta(minutes=minutes or 0) < now:
                continue  # over already
            waiting_on_interview.add(app_id)
            where = location or url
            upcoming.append(TodayItem("interview", app_id, company, title, starts_at.date(),
                                      starts_at, stage_name(stage_id),
                                      f"{kind} · {where}" if where else kind, None, iid))
        # Silence: an open stage at or after Applied with no change for no_reply_days,
        # and no interview on the way that explains the wait.
        floor = stages.applied or stages.initial
        silent = sorted(
            (a for a in apps
             if stages.by_id[a.stage_id].kind == StageKind.OPEN and floor is not None
             and stages.by_id[a.stage_id].position >= floor.position
             and a.stage_changed_on <= cutoff and a.id not in waiting_on_interview),
            key=lambda a: (a.stage_changed_on, a.id))
        return TodayList(
            overdue_follow_ups=tuple(
                TodayItem("follow_up", a.id, a.company, a.title, a.follow_up_on, None,
                          stage_name(a.stage_id), _overdue(a.follow_up_on, today), None, None)
                for a in follow_ups),
            upcoming_interviews=tuple(upcoming),
            open_tasks=tuple(
                TodayItem("task", app_id, company, title, due, None, stage_name(stage_id),
                          app_title, tid, None)
                for tid, title, due, app_id, app_title, company, stage_id in tasks),
            no_reply=tuple(
                TodayItem("no_reply", a.id, a.company, a.title, a.stage_changed_on, None,
                          stage_name(a.stage_id),
                          f"no stage change for {(today - a.stage_changed_on).days} days",
                          None, None, a.follow_up_on)
                for a in silent),
        )

    def mark_ghosted(self, application_id: int, *, on: dt.date | None = None) -> int:
        """Move an application to Ghosted (else the last lost stage); returns the event id."""
        from jobtracker.tracker.applications import ApplicationsMixin

        if not isinstance(self, ApplicationsMixin):
            raise TypeError("mark_ghosted needs a Tracker (with move_stage)")
        with self.db.read() as session:
            ghosted = _Stages(self._stage_rows(session)).ghosted
        if ghosted is None:
            raise ValidationError("stage", "there is no lost stage to mark as ghosted")
        return self.move_stage(application_id, ghosted.name, on=on)

    # -- calendar -----------------------------------------------------------------------------

    def calendar_entries(self) -> list[CalendarEntry]:
        """Every interview, then every dated task, of live applications (in time order)."""
        with self.db.read() as session:
            stages = {s.id: s.name for s in self._stage_rows(session, retired=True)}
            live = Application.deleted_at.is_(None)
            entries = [
                CalendarEntry("interview", iid, app_id, title, company, stages[stage_id], kind,
                              starts_at, zone, minutes, location, url, interviewers,
                              outcome.value, notes)
                for (iid, app_id, title, company, stage_id, kind, starts_at, zone, minutes,
                     location, url, interviewers, outcome, notes) in session.execute(
                    select(Interview.id, Interview.application_id, Application.title,
                           Company.name, Application.stage_id, Interview.kind,
                           Interview.starts_at, Interview.timezone, Interview.duration_minutes,
                           Interview.location, Interview.meeting_url, Interview.interviewers,
                           Interview.outcome, Interview.notes)
                    .join(Application, Application.id == Interview.application_id)
                    .join(Company, Company.id == Application.company_id)
                    .where(live).order_by(Interview.starts_at, Interview.id))
            ]
            entries.extend(
                CalendarEntry("task", tid, app_id, title, company,
                              stages[stage_id] if stage_id is not None else None,
                              task_title=task_title, due_on=due_on, done_at=done_at)
                for tid, app_id, title, company, stage_id, task_title, due_on, done_at
                in session.execute(
                    select(Task.id, Task.application_id, Application.title, Company.name,
                           Application.stage_id, Task.title, Task.due_on, Task.done_at)
                    .outerjoin(Application, Application.id == Task.application_id)
                    .outerjoin(Company, Company.id == Application.company_id)
                    .where(Task.due_on.is_not(None), Task.application_id.is_(None) | live)
                    .order_by(Task.due_on, Task.id)))
            return entries


    def calendar_items(self, first: dt.date, last: dt.date, *,
                       zone: dt.tzinfo | None = None) -> list[CalendarItem]:
        """Interviews starting on the days ``first`` to ``last`` and tasks due on them.

        The days are local days in ``zone`` (the machine's zone when None): an interview at
        23:30 UTC may fall on the next day. Live applications only; done tasks included.
        One query, driven by ix_interview_starts_at and ix_task_due_on, so a month reads
        only its own rows however long the search. Interviews come first in start order,
        then the tasks by due date.
        """
        if last < first:
            return []
        start, end = _local_midnight(first, zone), _local_midnight(
            last + dt.timedelta(days=1), zone)
        # The unary + keeps SQLite off ix_application_live_changed (a walk of every live
        # application): the date range drives, the application is found by its key.
        live = literal_column("+application.deleted_at").is_(None)
        interviews = (
            select(literal("interview").label("entry"), Interview.id, Interview.application_id,
                   Application.title, Company.name, Stage.name, Interview.kind,
                   Interview.starts_at, Interview.timezone, Interview.duration_minutes,
                   Interview.location, Interview.meeting_url, Interview.interviewers,
                   Interview.outcome, type_coerce(null(), Date).label("due_on"),
                   false().label("done"))
            .join(Application, Application.id == Interview.application_id)
            .join(Company, Company.id == Application.company_id)
            .join(Stage, Stage.id == Application.stage_id)
            .where(Interview.starts_at >= start, Interview.starts_at < end, live))
        tasks = (
            select(literal("task"), Task.id, Task.application_id, Application.title,
                   Company.name, Stage.name, Task.title, null(), null(), null(), null(),
                   null(), null(), null(), Task.due_on, Task.done_at.is_not(None))
            .outerjoin(Application, Application.id == Task.application_id)
            .outerjoin(Company, Company.id == Application.company_id)
            .outerjoin(Stage, Stage.id == Application.stage_id)
            .where(Task.due_on >= first, Task.due_on <= last,
                   Task.application_id.is_(None) | live))
        with self.db.read() as session:
            # Positional ORDER BY (entry, start, due date, id): the columns of a compound
            # select have no table to name them by.
            rows: list[Any] = list(session.execute(union_all(interviews, tasks).order_by(
                literal_column("1"), literal_column("8"), literal_column("15"),
                literal_column("2"))))
        return [
            CalendarItem(entry, item_id, app_id, title, company, stage, label or "", starts_at,
                         zone_name, minutes, location, url, interviewers,
                         outcome.value if outcome is not None else None, due_on, bool(done))
            for (entry, item_id, app_id, title, company, stage, label, starts_at, zone_name,
                 minutes, location, url, interviewers, outcome, due_on, done) in rows
        ]

# -- the pieces of the dashboard ------------------------------------------------------------



def _local_midnight(day: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    """The start of ``day`` in ``zone`` (the machine's zone when None), as an aware time."""
    if zone is None:
        return dt.datetime.combine(day, dt.time()).astimezone()  # naive reads as local
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)

def _overdue(due: dt.date | None, today: dt.date) -> str | None:
    if due is None:
        return None
    late = (today - due).days
    if late == 0:
        return "due today"
    return f"overdue by {late} day{'s' if late != 1 else ''}"


def _weeks(sent: Iterable[_Story], date_from: dt.date | None, date_to: dt.date | None,
           today: dt.date) -> tuple[WeekCount, ...]:
    counts = Counter(_monday(s.applied) for s in sent if s.applied is not None)
    if date_from is None and not counts:
        return ()
    first = _monday(date_from) if date_from is not None else min(counts)
    last = _monday(date_to if date_to is not None else max(today, *counts, first))
    weeks = []
    week = first
    while week <= last:
        weeks.append(WeekCount(week, counts.get(week, 0)))
        week += dt.timedelta(days=7)
    return tuple(weeks)


def _funnel(chosen: list[_Story], stages: _Stages) -> tuple[FunnelStep, ...]:
    steps: list[FunnelStep] = []
    previous: int | None = None
    for index, stage in enumerate(s for s in stages.rows if s.kind != StageKind.LOST):
        if index == 0:
            reached = len(chosen)  # every application was at least saved
        else:
            reached = sum(1 for s in chosen
                          if s.furthest is not None and s.furthest >= stage.position)
        steps.append(FunnelStep(stage.name, reached, reached / previous if previous else None))
        previous = reached
    return tuple(steps)


def _days_in_stage(chosen: Iterable[_Story], stages: _Stages,
                   today: dt.date) -> tuple[tuple[str, float], ...]:
    """Median days per stage of the total time each application spent in it.

    Closed stays end at the next event; the stay in the current stage runs to
    today when that stage is still open (or an offer). Time in won/lost stages
    is not counted: it is the end of the story, not a wait.
    """
    per_stage: dict[int, list[int]] = defaultdict(list)
    for story in chosen:
        spent: Counter[int] = Counter()
        path = story.path
        for (stage, start), (_, end) in pairwise(path):
            if stage.kind in (StageKind.OPEN, StageKind.OFFER):
                spent[stage.id] += (end - start).days
        last, since = path[-1]
        if last.kind in (StageKind.OPEN, StageKind.OFFER):
            spent[last.id] += max(0, (today - since).days)
        for stage_id, days in spent.items():
            per_stage[stage_id].append(days)
    return tuple((s.name, float(statistics.median(per_stage[s.id])))
                 for s in stages.rows if per_stage.get(s.id))


def _by_remote(chosen: Iterable[_Story]) -> tuple[tuple[str, int], ...]:
    counts = Counter(s.app.remote or NOT_STATED for s in chosen)
    return tuple((name, counts.get(name, 0)) for name in REMOTE_ORDER)


def _sankey(sent: Iterable[_Story], stages: _Stages) -> tuple[SankeyFlow, ...]:
    """Flows of sent applications from Applied along their forward stages to where they end.

    Each application's path is Applied, then each later event's stage when it is
    further on than the last one kept (so moves back never make cycles), then its
    end: the lost stage it closed in, or for a still-open application the stage it
    is in now (cut back to it after a move back; "No answer yet" while at Applied).
    """
    if stages.applied is None:
        return ()
    applied = stages.applied
    flows: Counter[tuple[str, str]] = Counter()
    order: dict[str, float] = {s.name: s.position for s in stages.rows}
    order[NO_ANSWER] = float("inf")
    for story in sent:
        nodes = [applied]
        for stage, _ in story.path:
            if stage.kind != StageKind.LOST and stage.position > nodes[-1].position:
                nodes.append(stage)
        current = story.path[-1][0]
        if current.kind == StageKind.LOST:
            nodes.append(current)
        elif current.kind in (StageKind.OPEN, StageKind.OFFER):
            nodes = [n for n in nodes if n.position <= current.position] or [applied]
        names = [n.name for n in nodes]
        if len(names) == 1:
            names.append(NO_ANSWER)
        for source, target in pairwise(names):
            flows[source, target] += 1
    return tuple(SankeyFlow(source, target, count) for (source, target), count in sorted(
        flows.items(), key=lambda item: (order[item[0][0]], order[item[0][1]], item[0])))
