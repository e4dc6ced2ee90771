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
    StageKind,
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
        if draft.stage:
            stage = self._find_stage(session, draft.stage)
        elif draft.applied_on is not None:
            stage = next((s for s in self._stage_rows(session)
                          if s.kind == StageKind.OPEN and s.position > initial.position), initial)
        else:
            stage = initial
        today = self._today()
        applied_on = draft.applied_on
        if applied_on is None and counts_as_applied(stage, initial):
            applied_on = stage_on or today
        check_not_future("applied_on", applied_on, today)
        history = initial_history(self._stage_rows(session), stage, applied_on, stage_on,
                                  today)
        for _, on in history:
            check_not_future("stage date", on, today)
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
            check_not_future("applied_on", merged.applied_on, self._today())
            for name in EDITABLE_FIELDS - {"company", "tags"}:
                setattr(app, name, getattr(merged, name))
            if "company" in changes:
                app.company_id = self._company_id(session, merged.company)
            if "tags" in changes:
                app.tags = self._tags(session, merged.tags)
            app.updated_at = self._now()

    def set_tags(self, application_id: int, tags: list[str] | tuple[str, ...]) -> None:
        """Replace an application's tags."""
        self.edit_application(application_id, tags=tuple(tags))

    def move_stage(self, application_id: int, stage: str, *, on: dt.date | None = None,
                   note: str | None = None) -> int:
        """Record that the application reached ``stage`` on ``on`` (today by default).

        A back-dated move slots into the timeline where it belongs; the current
        stage is always the one of the latest event. Returns the event id.
        """
        today = self._today()
        on = on or today
        check_not_future("date", on, today)
        with self.db.write() as session:
            app = self._application(session, application_id)
            target = self._find_stage(session, stage)
            if target.id == app.stage_id and on >= app.stage_changed_on:
                raise ValidationError("stage", f"application {application_id} is already at "
                                               f"{target.name}")
            event = self._add_event(session, app, target, on, note.strip() if note else None)
            app.updated_at = self._now()
            return event.id

    def _add_event(self, session: Session, app: Application, target: StageRow, on: dt.date,
                   note: str | None) -> StageEvent:
        """Put a move to ``target`` on ``on`` into ``app``'s timeline, where its date belongs."""
        event = StageEvent(application_id=app.id, to_stage_id=target.id, occurred_on=on,
                           recorded_at=self._now(), note=note)
        session.add(event)
        session.flush()
        self._rethread_events(session, app)
        if app.applied_on is None and counts_as_applied(target, self._initial_stage(session)):
            app.applied_on = on
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

    def _delete_event(self, session: Session, app: Application, event: StageEvent) -> None:
        """Remove ``event`` from ``app``'s timeline and mend what depended on it."""
        removed_on = event.occurred_on
        session.delete(event)
        session.flush()
        self._rethread_events(session, app)
        if app.applied_on == removed_on:
            # The applied date may have come from this very move; keep it only
            # if what remains of the timeline still shows the application sent.
            stages = {s.id: s for s in self._stage_rows(session)}
            initial = self._initial_stage(session)
            remaining = session.scalars(
                select(StageEvent).where(StageEvent.application_id == app.id)
                .order_by(StageEvent.occurred_on, StageEvent.id)).all()
            app.applied_on = next(
                (e.occurred_on for e in remaining
                 if counts_as_applied(stages[e.to_stage_id], initial)), None)
        app.updated_at = self._now()

    @staticmethod
    def _rethread_events(session: Session, app: Application) -> None:
        """Order the timeline by date and make each event's ``from`` the stage before it.

        The event that created the application stays first: if a move is
        back-dated before it ("I applied last Tuesday" on something saved
        today), the creation is moved back to that day, since it cannot have
        happened later. The application's stage is the latest event's.
        """
        events = list(session.scalars(
            select(StageEvent).where(StageEvent.application_id == app.id)
            .order_by(StageEvent.id)
        ))
        first, rest = events[0], sorted(events[1:], key=lambda e: (e.occurred_on, e.id))
        if rest and rest[0].occurred_on < first.occurred_on:
            first.occurred_on = rest[0].occurred_on
        previous: int | None = None
        for event in [first, *rest]:
            if event.from_stage_id != previous:
                event.from_stage_id = previous
            previous = event.to_stage_id
        latest = rest[-1] if rest else first
        app.stage_id = latest.to_stage_id
        app.stage_changed_on = latest.occurred_on

    # -- trash --------------------------------------------------------------------------------

    def delete_application(self, application_id: int) -> None:
        """Move an application to the trash (restorable)."""
        with self.db.write() as session:
            self._application(session, application_id).deleted_at = self._now()

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
            stage_names = {s.id: s for s in self._stage_rows(session)}
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

    One event normally: the stage it is in, dated ``stage_on``, else the applied
    date when the stage is Applied itself, else today. An application entered
    as already closed (Rejected, Ghosted) with an applied date also gets the
    Applied step it evidently went through, so statistics count it as sent.
    """
    open_stages = [s for s in stages if s.kind == StageKind.OPEN]
    applied = open_stages[1] if len(open_stages) > 1 else None
    if stage_on is None:
        stage_on = applied_on if applied_on and applied and stage.id == applied.id else today
    if stage.kind == StageKind.LOST and applied_on is not None and applied is not None:
        return [(applied, applied_on), (stage, max(stage_on, applied_on))]
    return [(stage, stage_on)]


def counts_as_applied(stage: StageRow, initial: StageRow) -> bool:
    # Leaving the first stage for any later open/offer/won stage means the
    # application went out; a lost stage (Withdrawn from Saved) does not.
    return stage.kind != StageKind.LOST and stage.position > initial.position


def check_not_future(field: str, value: dt.date | None, today: dt.date) -> None:
    if value is not None and value > today:
        raise ValidationError(field, f"{value.isoformat()} is in the future")
