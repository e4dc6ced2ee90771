"""The Editor: every undoable action a view can take, as one method each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import (
    ApplicationInput,
    ContactInput,
    ContactRow,
    DocumentRow,
    EventRow,
    InterviewInput,
    InterviewRow,
    SnapshotInput,
    TaskRow,
    Tracker,
)
from jobtracker.ui.undo_commands.activity import (
    AddInterviewCommand,
    AddLinkedContactCommand,
    AddNoteCommand,
    AttachDocumentCommand,
    DeleteInterviewCommand,
    DeleteNoteCommand,
    DetachDocumentCommand,
    EditContactCommand,
    EditInterviewCommand,
    EditNoteCommand,
    LinkContactCommand,
)
from jobtracker.ui.undo_commands.applications import (
    AddApplicationCommand,
    DeleteApplicationCommand,
    EditApplicationCommand,
    MoveStageCommand,
    RedateEventCommand,
    RemoveEventCommand,
)
from jobtracker.ui.undo_commands.base import TrackerCommand
from jobtracker.ui.undo_commands.mail import AcceptSuggestionCommand, DismissSuggestionCommand
from jobtracker.ui.undo_commands.stages import StageEdit, StageEditsCommand
from jobtracker.ui.undo_commands.tasks import (
    AddTaskCommand,
    DeleteTaskCommand,
    EditTaskCommand,
    MarkGhostedCommand,
    MoveWithFollowUpCommand,
    SetTaskDoneCommand,
)


class Editor(QObject):
    """Runs undoable actions on the current tracker and tells views that data changed."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, tracker: Tracker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.stack = QUndoStack(self)
        # A task deleted and brought back (or re-added by redo) gets a new id: commands keep
        # the id they were made with and look up the task's id now here.
        self._task_ids: dict[int, int] = {}

    def set_tracker(self, tracker: Tracker) -> None:
        """Work on another database; the history of the old one no longer applies."""
        self.tracker = tracker
        self.stack.clear()
        self._task_ids.clear()

    def task_id(self, task_id: int) -> int:
        """The id the task first known as ``task_id`` has now."""
        seen = {task_id}
        while (newer := self._task_ids.get(task_id)) is not None and newer not in seen:
            seen.add(newer)
            task_id = newer
        return task_id

    def task_readded(self, old_id: int, new_id: int) -> None:
        """Remember that the task ``old_id`` came back as ``new_id``."""
        if old_id != new_id:
            self._task_ids[old_id] = new_id

    def _push(self, command: TrackerCommand) -> None:
        # Private so that views go through the methods below: each undoable action has one
        # way in, whatever view offers it.
        command.do()  # raises on refusal, before anything lands on the stack
        command.skip_next_redo = True
        self.stack.push(command)
        self.changed.emit()

    def attempt(self, action: Callable[[], object], *,
                report: Callable[[str], None] | None = None) -> bool:
        """Run ``action`` (usually one of the methods below); False when it was refused.

        A JobTrackerError becomes its plain message, given to ``report`` (a view's own
        message signal) or else emitted as ``failed``; any other error propagates.
        """
        try:
            action()
        except JobTrackerError as error:
            (report or self.failed.emit)(str(error))
            return False
        return True

    # -- the application ----------------------------------------------------------------------

    def add_application(self, draft: ApplicationInput, *, stage_on: dt.date | None = None
                        ) -> int:
        """Add an application; undo moves it to the trash."""
        command = AddApplicationCommand(self, draft, stage_on)
        self._push(command)
        assert command.application_id is not None
        return command.application_id

    def add_imported_application(self, draft: ApplicationInput, snapshot: SnapshotInput) -> int:
        """Add an application with its archived posting (one transaction); undo trashes it."""
        command = AddApplicationCommand(self, draft, None, snapshot)
        self._push(command)
        assert command.application_id is not None
        return command.application_id

    def edit_application(self, application_id: int, changes: dict[str, Any],
                         old: dict[str, Any]) -> None:
        """Change fields; undo puts the old values back."""
        if changes != old:
            self._push(EditApplicationCommand(self, application_id, changes, old))

    def delete_application(self, application_id: int, label: str) -> None:
        """Move to the trash; undo restores."""
        self._push(DeleteApplicationCommand(self, application_id, label))

    # -- the timeline -------------------------------------------------------------------------

    def move_stage(self, application_id: int, stage: str, on: dt.date | None = None) -> None:
        """Record a stage change; undo removes that event."""
        self._push(MoveStageCommand(self, application_id, stage, on))

    def redate_event(self, event_id: int, on: dt.date, old: dt.date) -> None:
        """Change the date of a stage event; undo puts the old date back."""
        self._push(RedateEventCommand(self, event_id, on, old))

    def remove_event(self, application_id: int, event: EventRow) -> None:
        """Remove a stage change; undo records the same stage, date and note again."""
        self._push(RemoveEventCommand(self, application_id, event))

    def move_stage_with_follow_up(self, application_id: int, stage: str,
                                  follow_up_on: dt.date, old_follow_up: dt.date | None) -> None:
        """Move today and set the follow-up date, as one action; undo reverses both."""
        self._push(MoveWithFollowUpCommand(self, application_id, stage, follow_up_on,
                                           old_follow_up))

    def mark_ghosted(self, application_id: int, label: str) -> None:
        """Close a silent application as Ghosted; undo removes that stage change."""
        self._push(MarkGhostedCommand(self, application_id, label))

    # -- tasks --------------------------------------------------------------------------------

    def add_task(self, title: str, due_on: dt.date | None = None,
                 application_id: int | None = None) -> None:
        """Add a task (tied to an application or not); undo deletes it."""
        self._push(AddTaskCommand(self, title, due_on, application_id))

    def edit_task(self, task_id: int, changes: dict[str, Any], old: dict[str, Any]) -> None:
        """Change a task's title and/or due date; undo puts the old values back."""
        if changes != old:
            self._push(EditTaskCommand(self, task_id, changes, old))

    def set_task_done(self, task_id: int, done: bool = True) -> None:
        """Tick a task off (or open it again); undo does the opposite."""
        self._push(SetTaskDoneCommand(self, task_id, done))

    def delete_task(self, task: TaskRow) -> None:
        """Delete a task; undo adds the same task back."""
        self._push(DeleteTaskCommand(self, task))

    # -- notes --------------------------------------------------------------------------------

    def add_note(self, application_id: int, body: str) -> None:
        """Write a new note; undo deletes it."""
        self._push(AddNoteCommand(self, application_id, body))

    def edit_note(self, note_id: int, body: str, old: str) -> None:
        """Replace a note's text; undo puts the old text back."""
        if body != old:
            self._push(EditNoteCommand(self, note_id, body, old))

    def delete_note(self, application_id: int, note_id: int) -> None:
        """Delete a note; undo adds its text back."""
        self._push(DeleteNoteCommand(self, application_id, note_id))

    # -- interviews ---------------------------------------------------------------------------

    def add_interview(self, application_id: int, interview: InterviewInput) -> None:
        """Schedule a round; undo removes it."""
        self._push(AddInterviewCommand(self, application_id, interview))

    def edit_interview(self, old: InterviewRow, interview: InterviewInput) -> None:
        """Change a round; undo puts the old fields back."""
        self._push(EditInterviewCommand(self, old, interview))

    def delete_interview(self, row: InterviewRow) -> None:
        """Remove a round; undo schedules it again."""
        self._push(DeleteInterviewCommand(self, row))

    # -- contacts -----------------------------------------------------------------------------

    def link_contact(self, application_id: int, contact: ContactRow) -> None:
        """Link a person to an application; undo unlinks."""
        self._push(LinkContactCommand(self, application_id, contact))

    def unlink_contact(self, application_id: int, contact: ContactRow) -> None:
        """Take a person off an application; undo links again."""
        self._push(LinkContactCommand(self, application_id, contact, unlink=True))

    def add_linked_contact(self, application_id: int, contact: ContactInput) -> None:
        """Save a new person and link them; undo removes them."""
        self._push(AddLinkedContactCommand(self, application_id, contact))

    def edit_contact(self, old: ContactRow, contact: ContactInput) -> None:
        """Change a person's details; undo puts the old ones back."""
        self._push(EditContactCommand(self, old, contact))

    # -- documents ----------------------------------------------------------------------------

    def attach_document(self, application_id: int, path: Path, role: str) -> None:
        """Store and attach a file; undo takes it off."""
        self._push(AttachDocumentCommand(self, application_id, path, role))

    def detach_document(self, application_id: int, document: DocumentRow,
                        roles: tuple[str, ...]) -> None:
        """Take a document (in all its ``roles``) off; undo attaches it again."""
        self._push(DetachDocumentCommand(self, application_id, document, roles))

    # -- mail suggestions ---------------------------------------------------------------------

    def accept_suggestion(self, suggestion_id: int, *, application_id: int | None = None,
                          stage: str | None = None, interview_at: dt.datetime | None = None,
                          create_application: bool = False) -> None:
        """Apply a mail suggestion (as proposed, or as corrected); undo removes what it made."""
        self._push(AcceptSuggestionCommand(
            self, suggestion_id, application_id=application_id, stage=stage,
            interview_at=interview_at, create_application=create_application))

    def dismiss_suggestion(self, suggestion_id: int) -> None:
        """Set a mail suggestion aside; undo brings it back to the inbox."""
        self._push(DismissSuggestionCommand(self, suggestion_id))

    # -- stages -------------------------------------------------------------------------------

    def edit_stages(self, edits: list[StageEdit]) -> None:
        """Apply Preferences' stage edits, in order, all or none; one undo takes them back."""
        if edits:
            self._push(StageEditsCommand(self, edits))
