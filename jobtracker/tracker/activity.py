"""Use cases on what happens around an application: notes, interviews, tasks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import Application, Interview, Note, Task
from jobtracker.tracker.applications import interview_row
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import MAX_TEXT, InterviewInput, optional_text, required_text
from jobtracker.tracker.rows import InterviewRow, TaskRow


class ActivityMixin(TrackerBase):
    """Notes, interviews and tasks."""

    # -- notes ------------------------------------------------------------------------------

    def add_note(self, application_id: int, body: str) -> int:
        """Add a Markdown note to an application; returns the note id."""
        body = required_text("note", body, MAX_TEXT)
        with self.db.write() as session:
            app = self._application(session, application_id)
            now = self._now()
            note = Note(application_id=app.id, body=body, created_at=now, updated_at=now)
            session.add(note)
            app.updated_at = now
            session.flush()
            return note.id

    def edit_note(self, note_id: int, body: str) -> None:
        """Replace the text of a note."""
        body = required_text("note", body, MAX_TEXT)
        with self.db.write() as session:
            note = session.get(Note, note_id)
            if note is None:
                raise NotFoundError(f"no note with id {note_id}")
            note.body = body
            note.updated_at = self._now()

    def delete_note(self, note_id: int) -> str:
        """Delete a note; returns its text so the caller can offer to undo."""
        with self.db.write() as session:
            note = session.get(Note, note_id)
            if note is None:
                raise NotFoundError(f"no note with id {note_id}")
            body = note.body
            session.delete(note)
            return body

    # -- interviews -------------------------------------------------------------------------

    def add_interview(self, application_id: int, interview: InterviewInput) -> int:
        """Schedule an interview round; returns its id."""
        interview = interview.validated()
        with self.db.write() as session:
            app = self._application(session, application_id)
            row = Interview(application_id=app.id, **_interview_fields(interview))
            session.add(row)
            app.updated_at = self._now()
            session.flush()
            return row.id

    def edit_interview(self, interview_id: int, **changes: Any) -> None:
        """Change some fields of an interview."""
        with self.db.write() as session:
            row = session.get(Interview, interview_id)
            if row is None:
                raise NotFoundError(f"no interview with id {interview_id}")
            current = InterviewInput(**{f.name: getattr(row, f.name)
                                        for f in dataclasses.fields(InterviewInput)})
            try:
                merged = dataclasses.replace(current, **changes).validated()
            except TypeError as error:
                raise ValidationError("interview", str(error)) from error
            for name, value in _interview_fields(merged).items():
                setattr(row, name, value)

    def delete_interview(self, interview_id: int) -> None:
        """Remove an interview round."""
        with self.db.write() as session:
            row = session.get(Interview, interview_id)
            if row is None:
                raise NotFoundError(f"no interview with id {interview_id}")
            session.delete(row)

    def get_interview(self, interview_id: int) -> InterviewRow:
        """One interview round, for editing it from the command line."""
        with self.db.read() as session:
            row = session.get(Interview, interview_id)
            if row is None:
                raise NotFoundError(f"no interview with id {interview_id}")
            return interview_row(row)

    def upcoming_interviews(self, *, limit: int = 50) -> list[InterviewRow]:
        """Interviews from now on, soonest first, of live applications."""
        with self.db.read() as session:
            rows = session.scalars(
                select(Interview).join(Application)
                .where(Interview.starts_at >= self._now(), Application.deleted_at.is_(None))
                .order_by(Interview.starts_at).limit(limit)
            )
            return [interview_row(i) for i in rows]

    # -- tasks ------------------------------------------------------------------------------

    def add_task(self, title: str, *, due_on: dt.date | None = None,
                 application_id: int | None = None) -> int:
        """Add a reminder, for one application or for the search in general."""
        title = required_text("title", title, 300)
        with self.db.write() as session:
            if application_id is not None:
                self._application(session, application_id)
            task = Task(title=title, due_on=due_on, application_id=application_id,
                        created_at=self._now())
            session.add(task)
            session.flush()
            return task.id

    def edit_task(self, task_id: int, **changes: Any) -> None:
        """Change a task's ``title`` and/or ``due_on`` (None clears the date)."""
        unknown = set(changes) - {"title", "due_on"}
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a task")
        with self.db.write() as session:
            task = self._task(session, task_id)
            if "title" in changes:
                task.title = required_text("title", changes["title"], 300)
            if "due_on" in changes:
                due_on = changes["due_on"]
                if due_on is not None and not isinstance(due_on, dt.date):
                    raise ValidationError("due_on", "must be a date")
                task.due_on = due_on

    def set_task_done(self, task_id: int, done: bool = True) -> None:
        """Tick a task off, or reopen it."""
        with self.db.write() as session:
            self._task(session, task_id).done_at = self._now() if done else None

    def delete_task(self, task_id: int) -> None:
        """Remove a task."""
        with self.db.write() as session:
            session.delete(self._task(session, task_id))

    def open_tasks(self, *, application_id: int | None = None) -> list[TaskRow]:
        """Tasks not done yet, by due date (undated last)."""
        with self.db.read() as session:
            query = select(Task).where(Task.done_at.is_(None))
            if application_id is not None:
                query = query.where(Task.application_id == application_id)
            rows = session.scalars(query.order_by(Task.due_on.asc().nulls_last(), Task.id))
            return [TaskRow(t.id, t.application_id, t.title, t.due_on, t.done_at) for t in rows]

    def list_tasks(self, *, application_id: int | None = None, include_done: bool = False
                   ) -> list[TaskRow]:
        """Tasks by due date (undated last), open ones only unless ``include_done``.

        Tasks of applications in the trash are left out, as they are from Today.
        """
        with self.db.read() as session:
            query = (select(Task).outerjoin(Application, Application.id == Task.application_id)
                     .where(Application.deleted_at.is_(None)))
            if not include_done:
                query = query.where(Task.done_at.is_(None))
            if application_id is not None:
                query = query.where(Task.application_id == application_id)
            rows = session.scalars(query.order_by(Task.due_on.asc().nulls_last(), Task.id))
            return [TaskRow(t.id, t.application_id, t.title, t.due_on, t.done_at) for t in rows]

    @staticmethod
    def _task(session: Any, task_id: int) -> Task:
        task = session.get(Task, task_id)
        if task is None:
            raise NotFoundError(f"no task with id {task_id}")
        assert isinstance(task, Task)
        return task


def _interview_fields(interview: InterviewInput) -> dict[str, Any]:
    return {
        "kind": interview.kind,
        "starts_at": interview.starts_at,
        "timezone": interview.timezone,
        "duration_minutes": interview.duration_minutes,
        "location": interview.location,
        "meeting_url": interview.meeting_url,
        "interviewers": interview.interviewers,
        "outcome": interview.outcome,
        "notes": optional_text("notes", interview.notes, MAX_TEXT),
    }
