"""Use cases on applications themselves: add, edit, move stage, trash, tags, detail."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import (
    Application,
    ApplicationDocument,
    Company,
    Contact,
    Document,
    Interview,
    Note,
    PostingSnapshot,
    Stage,
    StageEvent,
    Tag,
    Task,
    application_contact,
    application_tag,
)
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.files import insert_snapshot
from jobtracker.tracker.inputs import (
    EDITABLE_FIELDS,
    ApplicationInput,
    SnapshotInput,
)
from jobtracker.tracker.rows import (
    ApplicationDetail,
    ContactRow,
    DocumentRow,
    EventRow,
    InterviewRow,
    NoteRow,
    SnapshotRow,
    StageRow,
    TaskRow,
)
from jobtracker.vocabulary import StageKind


class ApplicationsMixin(TrackerBase):
    """Applications: the heart of the tracker."""

    def stages(self) -> list[StageRow]:
        """All stages in board order."""
        with self.db.read() as session:
            return self._stage_rows(session)

    def company_names(self) -> list[str]:
        """Every company name, for completion."""
        with self.db.read() as session:
            return list(session.scalars(select(Company.name).order_by(Company.name)))

    def tag_names(self) -> list[str]:
        """Every tag name, for completion and filters."""
        with self.db.read() as session:
            return list(session.scalars(select(Tag.name).order_by(Tag.name)))

    def add_application(self, draft: ApplicationInput, *, stage_on: dt.date | None = None,
                        snapshot: SnapshotInput | None = None) -> int:
        """Save a new application with its first stage event; returns its id.

        Without a stage it starts in Applied when an applied date is given,
        otherwise in the first open stage (Saved). An imported posting's
        snapshot is archived in the same transaction: both or neither.
        """
        draft = draft.validated()
        snapshot = snapshot.validated() if snapshot is not None else None
        with self.db.write() as session:
            app_id = self._insert_application(session, draft, stage_on)
            if snapshot is not None:
                insert_snapshot(session, app_id, snapshot)
            return app_id

    def _insert_application(self, session: Session, draft: ApplicationInput,
                            stage_on: dt.date | None) -> int:
        initial = self._initial_stage(session)
        stages = self._stage_rows(session)
        if draft.stage:
            stage = self._find_stage(session, draft.stage)
        elif draft.applied_on is not None:
            stage = applied_stage(stages) or initial
        else:
            stage = initial
        today = self._today()
        history = initial_history(stages, stage, draft.applied_on, stage_on, today)
        # One definition of the applied date: the first event that counts as applied.
        applied_on = applied_date(history, initial)
        now = self._now()
        app = Application(
            title=draft.title,
            company_id=self._company_id(session, draft.company),
            stage_id=stage.id,
            location=draft.location,
            remote=draft.remote,
            employment_type=draft.employment_type,
            salary_min=draft.salary_min,
            salary_max=draft.salary_max,
            salary_currency=draft.salary_currency,
            salary_period=draft.salary_period,
            url=draft.url,
            source=draft.source,
            priority=draft.priority,
            applied_on=applied_on,
            follow_up_on=draft.follow_up_on,
            stage_changed_on=history[-1][1],
            description=draft.description,
            created_at=now,
            updated_at=now,
        )
        app.tags = self._tags(session, draft.tags)
        session.add(app)
        session.flush()
        previous: int | None = None
        for event_stage, on in history:
            session.add(StageEvent(application_id=app.id, from_stage_id=previous,
                                   to_stage_id=event_stage.id, occurred_on=on, recorded_at=now))
            previous = event_stage.id
        return app.id

    def edit_application(self, application_id: int, **changes: Any) -> None:
        """Change some fields of an application; unknown or invalid fields change nothing."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field that can be edited")
        with self.db.write() as session:
            app = self._application(session, application_id)
            current = ApplicationInput(
                title=app.title,
                company=session.get_one(Company, app.company_id).name,
                location=app.location,
                remote=app.remote,
                employment_type=app.employment_type,
                salary_min=app.salary_min,
                salary_max=app.salary_max,
                salary_currency=app.salary_currency,
                salary_period=app.salary_period,
                url=app.url,
                source=app.source,
                priority=app.priority,
                applied_on=app.applied_on,
                follow_up_on=app.follow_up_on,
                description=app.description,
            )
            merged = dataclasses.replace(current, **changes).validated()
            if merged.applied_on != app.applied_on:
                self._redate_applied(session, app, merged.applied_on)
            for name in EDITABLE_FIELDS - {"company", "tags", "applied_on"}:
                setattr(app, name, getattr(merged, name))
            if "company" in changes:
                app.company_id = self._company_id(session, merged.company)
            if "tags" in changes:
                app.tags = self._tags(session, merged.tags)
            app.updated_at = self._now()

    def _redate_applied(self, session: Session, app: Application, on: dt.date | None) -> None:
        """A new applied date is a new date for the Applied event: that event is edited.

        The date shows no more than the timeline does: none can be set before
        the application was sent, and it is not cleared while the Applied event stands.
        """
        check_event_date("applied_on", on, self._today())  # a wrong date is named first
        stages = self._stage_rows(session, retired=True)
        applied = first_applied(timeline(session, app.id), {s.id: s for s in stages},
                                self._initial_stage(session))
        if applied is None:
            if on is None:
                app.applied_on = None  # a date no event showed (older versions allowed it)
                return
            stage = session.get_one(Stage, app.stage_id).name
            sent = applied_stage(stages)
            target = sent.name if sent is not None else "a later stage"
            raise ValidationError("applied_on", f"the application is at {stage} and its "
                                                "timeline shows it not sent yet; record the "
                                                f"move to {target} with its date instead")
        if on is None:
            raise ValidationError("applied_on", f"the timeline shows it sent on "
                                                f"{applied.occurred_on.isoformat()}; to clear "
                                                "the date, remove that stage change in the "
                                                "Timeline tab")
        redate_event(session, app, applied, on, stages, self._today())

    def set_tags(self, application_id: int, tags: list[str] | tuple[str, ...]) -> None:
        """Replace an application's tags."""
        self.edit_application(application_id, tags=tuple(tags))

    def move_stage(self, application_id: int, stage: str, *, on: dt.date | None = None,
                   note: str | None = None) -> int:
        """Record that the application reached ``stage`` on ``on`` (today by default).

        The history is append-only: a move goes after the current stage's event
        and never changes another event. A move dated before that event is
        refused (an old date is corrected by editing that event), and a move to
        the stage the application is already in records nothing and raises
        ``AlreadyAtStageError``. Returns the new event's id.
        """
        today = self._today()
        on = on or today
        check_event_date("date", on, today)
        with self.db.write() as session:
            app = self._application(session, application_id)
            target = self._find_stage(session, stage)
            self._check_not_before_current(session, app, target, on)
            if target.id == app.stage_id:
                current = session.get_one(Stage, app.stage_id).name
                raise AlreadyAtStageError(
                    "stage", f"application {application_id} is already at {current} (since "
                             f"{app.stage_changed_on.isoformat()}); nothing recorded")
            event = self._add_event(session, app, target, on, note.strip() if note else None)
            app.updated_at = self._now()
            return event.id

    @staticmethod
    def _check_not_before_current(session: Session, app: Application, target: StageRow,
                                  on: dt.date) -> None:
        """Refuse a move that would slot in before the current stage's event (rewriting it)."""
        if on < app.stage_changed_on:
            current = session.get_one(Stage, app.stage_id).name
            raise ValidationError(
                "date", f"the current stage's event is dated {app.stage_changed_on.isoformat()} "
                        f"({current}); a move to {target.name} cannot be dated before it "
                        f"({on.isoformat()}) — to change that date, edit the event in the "
                        "Timeline tab (select it, then Set date)")

    def _add_event(self, session: Session, app: Application, target: StageRow, on: dt.date,
                   note: str | None) -> StageEvent:
        """Append a move to ``target`` on ``on`` (not before the current event) to the timeline."""
        stages = {s.id: s for s in self._stage_rows(session, retired=True)}
        initial = self._initial_stage(session)
        sent_before = first_applied(timeline(session, app.id), stages, initial) is not None
        event = StageEvent(application_id=app.id, from_stage_id=app.stage_id,
                           to_stage_id=target.id, occurred_on=on, recorded_at=self._now(),
                           note=note)
        session.add(event)
        session.flush()
        app.stage_id = target.id
        app.stage_changed_on = on
        if not sent_before and counts_as_applied(target, initial):
            app.applied_on = on  # this move is the Applied event
        return event

    def undo_stage_event(self, event_id: int) -> None:
        """Remove one recorded stage change (a mistaken move); the first event stays."""
        with self.db.write() as session:
            event = session.get(StageEvent, event_id)
            if event is None:
                raise NotFoundError(f"no stage change with id {event_id}")
            app = self._application(session, event.application_id)
            first = session.scalar(select(func.min(StageEvent.id)).where(
                StageEvent.application_id == app.id))
            if event.id == first:
                raise ValidationError("stage", "the first stage of an application stays")
            self._delete_event(session, app, event)

    def reinsert_stage_event(self, application_id: int, stage: str, on: dt.date,
                             note: str | None = None) -> int:
        """Put back a stage change removed from the timeline (the undo of removing it).

        Unlike a move it returns to where its date puts it: it restores what the
        user had recorded, it is not news. Later events only get their "from"
        stage mended, never a date. Returns the new event's id.
        """
        check_event_date("date", on, self._today())
        with self.db.write() as session:
            app = self._application(session, application_id)
            target = self._find_stage(session, stage)
            event = StageEvent(application_id=app.id, to_stage_id=target.id, occurred_on=on,
                               recorded_at=self._now(), note=note)
            session.add(event)
            session.flush()
            self._rethread_events(session, app)
            applied = first_applied(timeline(session, app.id),
                                    {s.id: s for s in self._stage_rows(session, retired=True)},
                                    self._initial_stage(session))
            if applied is not None and applied.id == event.id:
                app.applied_on = on
            app.updated_at = self._now()
            return event.id

    def _delete_event(self, session: Session, app: Application, event: StageEvent) -> None:
        """Remove ``event`` from ``app``'s timeline and mend what depended on it."""
        stages = {s.id: s for s in self._stage_rows(session, retired=True)}
        initial = self._initial_stage(session)
        applied = first_applied(timeline(session, app.id), stages, initial)
        was_applied = applied is not None and applied.id == event.id
        session.delete(event)
        session.flush()
        self._rethread_events(session, app)
        if was_applied:
            # The applied date came from this very move: the next step that counts
            # as applied dates it now, or nothing does.
            remaining = first_applied(timeline(session, app.id), stages, initial)
            app.applied_on = remaining.occurred_on if remaining is not None else None
        app.updated_at = self._now()

    @staticmethod
    def _rethread_events(session: Session, app: Application) -> None:
        """Make each event's ``from`` the stage before it, after one was removed or put back.

        Never changes a date. The application's stage is the latest event's.
        """
        events = timeline(session, app.id)
        previous: int | None = None
        for event in events:
            if event.from_stage_id != previous:
                event.from_stage_id = previous
            previous = event.to_stage_id
        app.stage_id = events[-1].to_stage_id
        app.stage_changed_on = events[-1].occurred_on

    # -- trash --------------------------------------------------------------------------------

    def delete_application(self, application_id: int) -> None:
        """Move an application to the trash (restorable)."""
        with self.db.write() as session:
            app = self._application(session, application_id, trashed=None)
            if app.deleted_at is not None:  # keeps the date it was trashed on
                raise NotFoundError(f"application {application_id} is already in the trash")
            app.deleted_at = self._now()

    def restore_application(self, application_id: int) -> None:
        """Bring an application back from the trash."""
        with self.db.write() as session:
            self._application(session, application_id, trashed=True).deleted_at = None

    def purge_application(self, application_id: int) -> None:
        """Delete a trashed application for good, with its notes, events and interviews."""
        with self.db.write() as session:
            session.delete(self._application(session, application_id, trashed=True))

    def empty_trash(self) -> int:
        """Delete every trashed application for good; returns how many."""
        with self.db.write() as session:
            result = session.execute(delete(Application).where(Application.deleted_at.is_not(None)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    # -- reading one ------------------------------------------------------------------------

    def get_application(self, application_id: int) -> ApplicationDetail:
        """Everything about one application (also when it is in the trash)."""
        with self.db.read() as session:
            app = self._application(session, application_id, trashed=None)
            stage = session.get_one(Stage, app.stage_id)
            company = session.get_one(Company, app.company_id)
            stage_names = {s.id: s for s in self._stage_rows(session, retired=True)}
            tags = session.scalars(
                select(Tag.name).join(application_tag).where(
                    application_tag.c.application_id == app.id).order_by(Tag.name)
            ).all()
            events = [
                EventRow(e.id, stage_names[e.from_stage_id].name if e.from_stage_id else None,
                         stage_names[e.to_stage_id].name, stage_names[e.to_stage_id].kind,
                         e.occurred_on, e.recorded_at, e.note)
                for e in session.scalars(select(StageEvent).where(
                    StageEvent.application_id == app.id).order_by(StageEvent.occurred_on,
                                                                  StageEvent.id))
            ]
            notes = [NoteRow(n.id, n.application_id, n.body, n.created_at, n.updated_at)
                     for n in session.scalars(select(Note).where(Note.application_id == app.id)
                                              .order_by(Note.created_at, Note.id))]
            interviews = [interview_row(i) for i in session.scalars(
                select(Interview).where(Interview.application_id == app.id)
                .order_by(Interview.starts_at))]
            contacts = [
                ContactRow(c.id, c.name, company_name, c.role, c.email, c.phone, c.linkedin_url,
                           c.notes)
                for c, company_name in session.execute(
                    select(Contact, Company.name).join(application_contact)
                    .outerjoin(Company, Company.id == Contact.company_id)
                    .where(application_contact.c.application_id == app.id).order_by(Contact.name))
            ]
            tasks = [TaskRow(t.id, t.application_id, t.title, t.due_on, t.done_at)
                     for t in session.scalars(select(Task).where(Task.application_id == app.id)
                                              .order_by(Task.due_on, Task.id))]
            documents = [
                DocumentRow(d.id, d.sha256, d.filename, d.media_type, d.size_bytes, role)
                for d, role in session.execute(
                    select(Document, ApplicationDocument.role).join(ApplicationDocument)
                    .where(ApplicationDocument.application_id == app.id)
                    .order_by(ApplicationDocument.attached_at))
            ]
            snapshots = [
                SnapshotRow(*row) for row in session.execute(
                    select(PostingSnapshot.id, PostingSnapshot.source_url,
                           PostingSnapshot.fetched_at, PostingSnapshot.extractor,
                           PostingSnapshot.title)
                    .where(PostingSnapshot.application_id == app.id)
                    .order_by(PostingSnapshot.fetched_at))
            ]
            return ApplicationDetail(
                id=app.id, title=app.title, company=company.name, stage=stage.name,
                stage_kind=stage.kind, location=app.location,
                remote=app.remote.value if app.remote else None,
                employment_type=app.employment_type.value if app.employment_type else None,
                salary_min=app.salary_min, salary_max=app.salary_max,
                salary_currency=app.salary_currency,
                salary_period=app.salary_period.value if app.salary_period else None,
                url=app.url, source=app.source, priority=app.priority,
                applied_on=app.applied_on, follow_up_on=app.follow_up_on,
                last_change=app.stage_changed_on, description=app.description,
                created_at=app.created_at, updated_at=app.updated_at, deleted_at=app.deleted_at,
                tags=tuple(tags), events=tuple(events), notes=tuple(notes),
                interviews=tuple(interviews), contacts=tuple(contacts), tasks=tuple(tasks),
                documents=tuple(documents), snapshots=tuple(snapshots),
            )


def interview_row(i: Interview) -> InterviewRow:
    """Plain row of an interview."""
    return InterviewRow(i.id, i.application_id, i.kind, i.starts_at, i.timezone,
                        i.duration_minutes, i.location, i.meeting_url, i.interviewers,
                        i.outcome.value, i.notes)


def initial_history(stages: list[StageRow], stage: StageRow, applied_on: dt.date | None,
                    stage_on: dt.date | None, today: dt.date) -> list[tuple[StageRow, dt.date]]:
    """The events a new application starts with, from what the user told us and nothing more.

    Without an applied date: one event, the stage it is in, dated ``stage_on``
    (else today). With one, the Applied event is dated by it: the application is
    in Applied since then, or, entered at a later stage (Screening, Rejected),
    it went through Applied on that date and reached its stage on ``stage_on``
    (else today) — so the applied date always is the Applied event's date.
    Every date is checked (not in the future, not before 1970).
    """
    check_event_date("applied_on", applied_on, today)
    check_event_date("stage date", stage_on, today)
    if applied_on is None:
        return [(stage, stage_on or today)]
    initial = next((s for s in stages if s.kind == StageKind.OPEN), stage)
    applied = applied_stage(stages)
    if applied is None:
        raise ValidationError("applied_on", f"there is no open stage after {initial.name} "
                                            "to record the application in")
    if stage.id == applied.id:
        if stage_on is not None and stage_on != applied_on:
            raise ValidationError("stage date", f"{stage_on.isoformat()} is not the applied "
                                                f"date {applied_on.isoformat()}")
        return [(applied, applied_on)]
    if stage.kind != StageKind.LOST and not counts_as_applied(stage, initial):
        raise ValidationError("applied_on", f"an application at {stage.name} has not been "
                                            "sent yet; leave out the applied date or choose "
                                            "a later stage")
    stage_on = stage_on or today
    if stage_on < applied_on:
        raise ValidationError("stage date", f"{stage_on.isoformat()} ({stage.name}) is before "
                                            f"the applied date {applied_on.isoformat()}")
    return [(applied, applied_on), (stage, stage_on)]


def applied_stage(stages: list[StageRow]) -> StageRow | None:
    """The stage an application enters when it is sent: the open stage after the first."""
    open_stages = [s for s in stages if s.kind == StageKind.OPEN and s.retired_on is None]
    return open_stages[1] if len(open_stages) > 1 else None


def counts_as_applied(stage: StageRow, initial: StageRow) -> bool:
    # Leaving the first stage for any later open/offer/won stage means the
    # application went out; a lost stage (Withdrawn from Saved) does not.
    return stage.kind != StageKind.LOST and stage.position > initial.position


def applied_date(history: list[tuple[StageRow, dt.date]], initial: StageRow) -> dt.date | None:
    """The applied date a history implies: that of its first step that counts as applied."""
    return next((on for s, on in history if counts_as_applied(s, initial)), None)


def timeline(session: Session, application_id: int) -> list[StageEvent]:
    """An application's events in timeline order (date, then the order they were recorded)."""
    return list(session.scalars(
        select(StageEvent).where(StageEvent.application_id == application_id)
        .order_by(StageEvent.occurred_on, StageEvent.id)))


def first_applied(events: list[StageEvent], stages: dict[int, StageRow], initial: StageRow
                  ) -> StageEvent | None:
    """The Applied event: the first of ``events`` that counts as applied, if any."""
    return next((e for e in events if counts_as_applied(stages[e.to_stage_id], initial)), None)


def redate_event(session: Session, app: Application, event: StageEvent, on: dt.date,
                 stages: list[StageRow], today: dt.date) -> None:
    """Give ``event`` the date ``on`` where it stands: between its neighbours, never past them.

    A date correction keeps the order the stages were recorded in: re-sorting
    would silently change which stage other events came from (and maybe the
    current stage), rewriting events the user did not edit.
    """
    check_event_date("date", on, today)
    events = timeline(session, app.id)
    by_id = {s.id: s for s in stages}
    index = next(i for i, e in enumerate(events) if e.id == event.id)
    before = events[index - 1] if index > 0 else None
    after = events[index + 1] if index + 1 < len(events) else None
    # Compared with the id too: on the same day the order recorded decides.
    if before is not None and (on, event.id) < (before.occurred_on, before.id):
        raise ValidationError(
            "date", f"{on.isoformat()} would put it before the change to "
                    f"{by_id[before.to_stage_id].name} of {before.occurred_on.isoformat()}; "
                    "a stage change keeps its place in the timeline, so change that date first")
    if after is not None and (on, event.id) > (after.occurred_on, after.id):
        raise ValidationError(
            "date", f"{on.isoformat()} would put it after the change to "
                    f"{by_id[after.to_stage_id].name} of {after.occurred_on.isoformat()}; "
                    "a stage change keeps its place in the timeline, so change that date first")
    event.occurred_on = on
    if after is None:
        app.stage_changed_on = on
    initial = next((s for s in stages if s.kind == StageKind.OPEN and s.retired_on is None),
                   None)
    applied = first_applied(events, by_id, initial) if initial is not None else None
    if applied is not None and applied.id == event.id:
        app.applied_on = on  # the applied date is the Applied event's date


# Stage events happen in a job search: none before the Unix epoch (a typo such
# as 0202-11-03, or a spreadsheet's zero date 1899-12-30).
EARLIEST_EVENT_DATE = dt.date(1970, 1, 1)


def check_event_date(field: str, value: dt.date | None, today: dt.date) -> None:
    """Refuse a stage date in the future or before 1970."""
    if value is None:
        return
    if value > today:
        raise ValidationError(field, f"{value.isoformat()} is in the future")
    if value < EARLIEST_EVENT_DATE:
        raise ValidationError(field, f"{value.isoformat()} is before 1970")


class AlreadyAtStageError(ValidationError):
    """A move to the stage the application is already in: nothing was recorded.

    A ValidationError, so callers that only show messages need nothing new; the
    command line tells it apart, since the state asked for already holds.
    """
