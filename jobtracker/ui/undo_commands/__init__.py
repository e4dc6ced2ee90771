"""Undoable user actions: the Editor, which runs QUndoCommands calling the tracker's use cases.

Each command does its work once before it is pushed, so a refused action
(ValidationError) raises to the caller and never lands on the undo stack.
Commands live by subject in ``applications`` and ``activity``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput, Tracker
from jobtracker.tracker.inputs import SnapshotInput
from jobtracker.tracker.rows import ContactRow, DocumentRow, EventRow, InterviewRow
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

__all__ = ["Editor", "TrackerCommand"]


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

    def push(self, command: TrackerCommand) -> None:
        """Do ``command`` now (raising on refusal), then make it undoable."""
        command.do()
        command.skip_next_redo = True
        self.stack.push(command)
        self.changed.emit()

    # -- the application ----------------------------------------------------------------------

    def add_application(self, draft: ApplicationInput, *, stage_on: dt.date | None = None
                        ) -> int:
        """Add an application; undo moves it to the trash."""
        command = AddApplicationCommand(self, draft, stage_on)
        self.push(command)
        assert command.application_id is not None
        return command.application_id

    def add_imported_application(self, draft: ApplicationInput, snapshot: SnapshotInput) -> int:
        """Add an application with its archived posting (one transaction); undo trashes it."""
        command = AddApplicationCommand(self, draft, None, snapshot)
        self.push(command)
        assert command.application_id is not None
        return command.application_id

    def edit_application(self, application_id: int, changes: dict[str, Any],
                         old: dict[str, Any]) -> None:
        """Change fields; undo puts the old values back."""
        if changes != old:
            self.push(EditApplicationCommand(self, application_id, changes, old))

    def delete_application(self, application_id: int, label: str) -> None:
        """Move to the trash; undo restores."""
        self.push(DeleteApplicationCommand(self, application_id, label))

    # -- the timeline -------------------------------------------------------------------------

    def move_stage(self, application_id: int, stage: str, on: dt.date | None = None) -> None:
        """Record a stage change; undo removes that event."""
        self.push(MoveStageCommand(self, application_id, stage, on))

    def redate_event(self, event_id: int, on: dt.date, old: dt.date) -> None:
        """Change the date of a stage event; undo puts the old date back."""
        self.push(RedateEventCommand(self, event_id, on, old))

    def remove_event(self, application_id: int, event: EventRow) -> None:
        """Remove a stage change; undo records the same stage, date and note again."""
        self.push(RemoveEventCommand(self, application_id, event))

    # -- notes --------------------------------------------------------------------------------

    def add_note(self, application_id: int, body: str) -> None:
        """Write a new note; undo deletes it."""
        self.push(AddNoteCommand(self, application_id, body))

    def edit_note(self, note_id: int, body: str, old: str) -> None:
        """Replace a note's text; undo puts the old text back."""
        if body != old:
            self.push(EditNoteCommand(self, note_id, body, old))

    def delete_note(self, application_id: int, note_id: int) -> None:
        """Delete a note; undo adds its text back."""
        self.push(DeleteNoteCommand(self, application_id, note_id))

    # -- interviews ---------------------------------------------------------------------------

    def add_interview(self, application_id: int, interview: InterviewInput) -> None:
        """Schedule a round; undo removes it."""
        self.push(AddInterviewCommand(self, application_id, interview))

    def edit_interview(self, old: InterviewRow, interview: InterviewInput) -> None:
        """Change a round; undo puts the old fields back."""
        self.push(EditInterviewCommand(self, old, interview))

    def delete_interview(self, row: InterviewRow) -> None:
        """Remove a round; undo schedules it again."""
        self.push(DeleteInterviewCommand(self, row))

    # -- contacts -----------------------------------------------------------------------------

    def link_contact(self, application_id: int, contact: ContactRow) -> None:
        """Link a person to an application; undo unlinks."""
        self.push(LinkContactCommand(self, application_id, contact))

    def unlink_contact(self, application_id: int, contact: ContactRow) -> None:
        """Take a person off an application; undo links again."""
        self.push(LinkContactCommand(self, application_id, contact, unlink=True))

    def add_linked_contact(self, application_id: int, contact: ContactInput) -> None:
        """Save a new person and link them; undo removes them."""
        self.push(AddLinkedContactCommand(self, application_id, contact))

    def edit_contact(self, old: ContactRow, contact: ContactInput) -> None:
        """Change a person's details; undo puts the old ones back."""
        self.push(EditContactCommand(self, old, contact))

    # -- documents ----------------------------------------------------------------------------

    def attach_document(self, application_id: int, path: Path, role: str) -> None:
        """Store and attach a file; undo takes it off."""
        self.push(AttachDocumentCommand(self, application_id, path, role))

    def detach_document(self, application_id: int, document: DocumentRow,
                        roles: tuple[str, ...]) -> None:
        """Take a document (in all its ``roles``) off; undo attaches it again."""
        self.push(DetachDocumentCommand(self, application_id, document, roles))
