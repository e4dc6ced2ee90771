"""Undoable user actions: QUndoCommands that call the tracker's use cases, and their Editor.

Each command does its work once before it is pushed, so a refused action
(ValidationError) raises to the caller and never lands on the undo stack.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationInput, Tracker


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoCommands", text)


class Editor(QObject):
    """Runs undoable actions on the current tracker and tells views that data changed."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, tracker: Tracker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.stack = QUndoStack(self)

    def set_tracker(self, tracker: Tracker) -> None:
        """Work on another database; the history of the old one no longer applies."""
        self.tracker = tracker
        self.stack.clear()

    def push(self, command: TrackerCommand) -> None:
        """Do ``command`` now (raising on refusal), then make it undoable."""
        command.do()
        command.skip_next_redo = True
        self.stack.push(command)
        self.changed.emit()

    # -- the actions ------------------------------------------------------------------------

    def add_application(self, draft: ApplicationInput, *, stage_on: dt.date | None = None
                        ) -> int:
        """Add an application; undo moves it to the trash."""
        command = AddApplicationCommand(self, draft, stage_on)
        self.push(command)
        assert command.application_id is not None
        return command.application_id

    def edit_application(self, application_id: int, changes: dict[str, Any],
                         old: dict[str, Any]) -> None:
        """Change fields; undo puts the old values back."""
        if changes != old:
            self.push(EditApplicationCommand(self, application_id, changes, old))

    def move_stage(self, application_id: int, stage: str, on: dt.date | None = None) -> None:
        """Record a stage change; undo removes that event."""
        self.push(MoveStageCommand(self, application_id, stage, on))

    def delete_application(self, application_id: int, label: str) -> None:
        """Move to the trash; undo restores."""
        self.push(DeleteApplicationCommand(self, application_id, label))

    def redate_event(self, event_id: int, on: dt.date, old: dt.date) -> None:
        """Change the date of a stage event; undo puts the old date back."""
        self.push(RedateEventCommand(self, event_id, on, old))


class TrackerCommand(QUndoCommand):
    """A command whose ``do``/``undo_action`` call use cases; failures are reported, not raised."""

    def __init__(self, editor: Editor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.skip_next_redo = False

    def do(self) -> None:
        """Perform the action (raises ValidationError when refused)."""
        raise NotImplementedError

    def undo_action(self) -> None:
        """Reverse the action."""
        raise NotImplementedError

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.undo_action)

    def _guarded(self, action: Any) -> None:
        # Qt calls undo/redo from a slot: an exception there cannot reach the
        # caller, so a refusal (the row was purged meanwhile) becomes a message.
        try:
            action()
        except JobTrackerError as error:
            self.setObsolete(True)
            self.editor.failed.emit(str(error))
        self.editor.changed.emit()


class AddApplicationCommand(TrackerCommand):
    """New application; undone by trashing it, redone by restoring it."""

    def __init__(self, editor: Editor, draft: ApplicationInput, stage_on: dt.date | None) -> None:
        super().__init__(editor, _tr("Add “%1”").replace("%1", draft.title))
        self.draft = draft
        self.stage_on = stage_on
        self.application_id: int | None = None

    def do(self) -> None:
        if self.application_id is None:
            self.application_id = self.editor.tracker.add_application(self.draft,
                                                                      stage_on=self.stage_on)
        else:
            self.editor.tracker.restore_application(self.application_id)

    def undo_action(self) -> None:
        assert self.application_id is not None
        self.editor.tracker.delete_application(self.application_id)


class EditApplicationCommand(TrackerCommand):
    """Some fields changed, with their old values kept for undo."""

    def __init__(self, editor: Editor, application_id: int, changes: dict[str, Any],
                 old: dict[str, Any]) -> None:
        names = ", ".join(sorted(changes))
        super().__init__(editor, _tr("Edit %1").replace("%1", names))
        self.application_id = application_id
        self.changes = changes
        self.old = old

    def do(self) -> None:
        self.editor.tracker.edit_application(self.application_id, **self.changes)

    def undo_action(self) -> None:
        self.editor.tracker.edit_application(self.application_id, **self.old)


class MoveStageCommand(TrackerCommand):
    """A dated stage change; undone by removing the event it recorded."""

    def __init__(self, editor: Editor, application_id: int, stage: str,
                 on: dt.date | None) -> None:
        super().__init__(editor, _tr("Move to %1").replace("%1", stage))
        self.application_id = application_id
        self.stage = stage
        self.on = on
        self.event_id: int | None = None

    def do(self) -> None:
        self.event_id = self.editor.tracker.move_stage(self.application_id, self.stage,
                                                       on=self.on)

    def undo_action(self) -> None:
        assert self.event_id is not None
        self.editor.tracker.undo_stage_event(self.event_id)


class DeleteApplicationCommand(TrackerCommand):
    """To the trash and back."""

    def __init__(self, editor: Editor, application_id: int, label: str) -> None:
        super().__init__(editor, _tr("Delete “%1”").replace("%1", label))
        self.application_id = application_id

    def do(self) -> None:
        self.editor.tracker.delete_application(self.application_id)

    def undo_action(self) -> None:
        self.editor.tracker.restore_application(self.application_id)


class RedateEventCommand(TrackerCommand):
    """Back-filling the date of a stage change."""

    def __init__(self, editor: Editor, event_id: int, on: dt.date, old: dt.date) -> None:
        super().__init__(editor, _tr("Change stage date"))
        self.event_id = event_id
        self.on = on
        self.old = old

    def do(self) -> None:
        self.editor.tracker.redate_stage_event(self.event_id, self.on)

    def undo_action(self) -> None:
        self.editor.tracker.redate_stage_event(self.event_id, self.old)
