"""Undoable changes around an application: notes, interviews, linked contacts, documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from jobtracker.tracker import ContactInput, ContactRow, DocumentRow, InterviewInput, InterviewRow
from jobtracker.ui.undo_commands.base import CommandEditor, TrackerCommand, translate


def interview_input(row: InterviewRow) -> InterviewInput:
    """The input that recreates ``row``."""
    return InterviewInput(kind=row.kind, starts_at=row.starts_at, timezone=row.timezone,
                          duration_minutes=row.duration_minutes, location=row.location,
                          meeting_url=row.meeting_url, interviewers=row.interviewers,
                          outcome=row.outcome, notes=row.notes)


def contact_input(row: ContactRow) -> ContactInput:
    """The input that recreates ``row``."""
    return ContactInput(name=row.name, company=row.company, role=row.role, email=row.email,
                        phone=row.phone, linkedin_url=row.linkedin_url, notes=row.notes)


# -- notes ------------------------------------------------------------------------------------

class AddNoteCommand(TrackerCommand):
    """A new note; undo deletes it, redo writes it again."""

    def __init__(self, editor: CommandEditor, application_id: int, body: str) -> None:
        super().__init__(editor, translate("UndoCommands", "Add note"))
        self.application_id = application_id
        self.body = body
        self.note_id: int | None = None

    def do(self) -> None:
        self.note_id = self.tracker.add_note(self.application_id, self.body)

    def undo_action(self) -> None:
        assert self.note_id is not None
        self.tracker.delete_note(self.note_id)


class EditNoteCommand(TrackerCommand):
    """A note's text replaced; undo puts the old text back."""

    def __init__(self, editor: CommandEditor, note_id: int, body: str, old: str) -> None:
        super().__init__(editor, translate("UndoCommands", "Edit note"))
        self.note_id = note_id
        self.body = body
        self.old = old

    def do(self) -> None:
        self.tracker.edit_note(self.note_id, self.body)

    def undo_action(self) -> None:
        self.tracker.edit_note(self.note_id, self.old)


class DeleteNoteCommand(TrackerCommand):
    """A note deleted; undo adds its text back (as a new note of the same application)."""

    def __init__(self, editor: CommandEditor, application_id: int, note_id: int) -> None:
        super().__init__(editor, translate("UndoCommands", "Delete note"))
        self.application_id = application_id
        self.note_id = note_id
        self.body = ""

    def do(self) -> None:
        self.body = self.tracker.delete_note(self.note_id)

    def undo_action(self) -> None:
        self.note_id = self.tracker.add_note(self.application_id, self.body)


# -- interviews -------------------------------------------------------------------------------

class AddInterviewCommand(TrackerCommand):
    """A new round; undo removes it, redo schedules it again."""

    def __init__(self, editor: CommandEditor, application_id: int,
                 interview: InterviewInput) -> None:
        super().__init__(editor, translate("UndoCommands", "Add %1 interview")
                                 .replace("%1", interview.kind))
        self.application_id = application_id
        self.interview = interview
        self.interview_id: int | None = None

    def do(self) -> None:
        self.interview_id = self.tracker.add_interview(self.application_id, self.interview)

    def undo_action(self) -> None:
        assert self.interview_id is not None
        self.tracker.delete_interview(self.interview_id)


class EditInterviewCommand(TrackerCommand):
    """A round changed; undo puts every field back."""

    def __init__(self, editor: CommandEditor, old: InterviewRow, interview: InterviewInput) -> None:
        super().__init__(editor, translate("UndoCommands", "Edit %1 interview")
                                 .replace("%1", old.kind))
        self.interview_id = old.id
        self.changes: dict[str, Any] = dataclasses.asdict(interview)
        self.old: dict[str, Any] = dataclasses.asdict(interview_input(old))

    def do(self) -> None:
        self.tracker.edit_interview(self.interview_id, **self.changes)

    def undo_action(self) -> None:
        self.tracker.edit_interview(self.interview_id, **self.old)


class DeleteInterviewCommand(TrackerCommand):
    """A round removed; undo schedules it again with the same fields."""

    def __init__(self, editor: CommandEditor, row: InterviewRow) -> None:
        super().__init__(editor, translate("UndoCommands", "Delete %1 interview")
                                 .replace("%1", row.kind))
        self.application_id = row.application_id
        self.interview = interview_input(row)
        self.interview_id = row.id

    def do(self) -> None:
        self.tracker.delete_interview(self.interview_id)

    def undo_action(self) -> None:
        self.interview_id = self.tracker.add_interview(self.application_id, self.interview)


# -- contacts ---------------------------------------------------------------------------------

class LinkContactCommand(TrackerCommand):
    """A person linked to an application (or, with ``unlink``, taken off it)."""

    def __init__(self, editor: CommandEditor, application_id: int, contact: ContactRow, *,
                 unlink: bool = False) -> None:
        text = (translate("UndoCommands", "Unlink %1") if unlink
                else translate("UndoCommands", "Link %1"))
        super().__init__(editor, text.replace("%1", contact.name))
        self.application_id = application_id
        self.contact_id = contact.id
        self.unlink = unlink

    def _set(self, linked: bool) -> None:
        if linked:
            self.tracker.link_contact(self.application_id, self.contact_id)
        else:
            self.tracker.unlink_contact(self.application_id, self.contact_id)

    def do(self) -> None:
        self._set(not self.unlink)

    def undo_action(self) -> None:
        self._set(self.unlink)


class AddLinkedContactCommand(TrackerCommand):
    """A new person, linked at once; undo removes both, redo adds them again."""

    def __init__(self, editor: CommandEditor, application_id: int, contact: ContactInput) -> None:
        super().__init__(editor, translate("UndoCommands", "Add contact %1")
                                 .replace("%1", contact.name))
        self.application_id = application_id
        self.contact = contact
        self.contact_id: int | None = None

    def do(self) -> None:
        self.contact_id = self.tracker.add_contact(self.contact)
        self.tracker.link_contact(self.application_id, self.contact_id)

    def undo_action(self) -> None:
        assert self.contact_id is not None
        self.tracker.delete_contact(self.contact_id)


class EditContactCommand(TrackerCommand):
    """A person's details changed; undo puts the old ones back."""

    def __init__(self, editor: CommandEditor, old: ContactRow, contact: ContactInput) -> None:
        super().__init__(editor, translate("UndoCommands", "Edit contact %1")
                                 .replace("%1", old.name))
        self.contact_id = old.id
        self.changes: dict[str, Any] = dataclasses.asdict(contact)
        self.old: dict[str, Any] = dataclasses.asdict(contact_input(old))

    def do(self) -> None:
        self.tracker.edit_contact(self.contact_id, **self.changes)

    def undo_action(self) -> None:
        self.tracker.edit_contact(self.contact_id, **self.old)


# -- documents --------------------------------------------------------------------------------

class DetachDocumentCommand(TrackerCommand):
    """A document taken off an application; undo attaches the stored copy again."""

    def __init__(self, editor: CommandEditor, application_id: int, document: DocumentRow,
                 roles: tuple[str, ...]) -> None:
        super().__init__(editor, translate("UndoCommands", "Detach %1")
                                 .replace("%1", document.filename))
        self.application_id = application_id
        self.document = document
        self.roles = roles

    def do(self) -> None:
        self.tracker.detach_document(self.application_id, self.document.id)

    def undo_action(self) -> None:
        # The content is kept by hash, so attaching the stored file finds the same document.
        stored = self.tracker.document_path(self.document.sha256)
        for role in self.roles:
            self.tracker.attach_document(self.application_id, stored, role)


class AttachDocumentCommand(TrackerCommand):
    """A file stored and attached; undo takes it off (keeping roles it had before)."""

    def __init__(self, editor: CommandEditor, application_id: int, path: Path, role: str) -> None:
        super().__init__(editor, translate("UndoCommands", "Attach %1").replace("%1", path.name))
        self.application_id = application_id
        self.path = path
        self.role = role
        self.document: DocumentRow | None = None
        self.roles_before: tuple[str, ...] = ()

    def do(self) -> None:
        if self.document is None:
            document_id = self.tracker.attach_document(self.application_id, self.path, self.role)
            detail = self.tracker.get_application(self.application_id)
            mine = [d for d in detail.documents if d.id == document_id]
            self.document = next(d for d in mine if d.role == self.role)
            self.roles_before = tuple(d.role for d in mine if d.role != self.role)
        else:
            stored = self.tracker.document_path(self.document.sha256)
            self.tracker.attach_document(self.application_id, stored, self.role)

    def undo_action(self) -> None:
        assert self.document is not None
        self.tracker.detach_document(self.application_id, self.document.id)
        stored = self.tracker.document_path(self.document.sha256)
        for role in self.roles_before:
            self.tracker.attach_document(self.application_id, stored, role)
