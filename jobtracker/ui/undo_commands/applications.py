"""Undoable changes to an application itself: add, edit, stage moves, delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jobtracker.tracker import ApplicationInput, EventRow, SnapshotInput
from jobtracker.ui.undo_commands.base import CommandEditor, TrackerCommand, translate


class AddApplicationCommand(TrackerCommand):
    """New application (with an imported posting's snapshot); undone by trashing it."""

    def __init__(self, editor: CommandEditor, draft: ApplicationInput, stage_on: dt.date | None,
                 snapshot: SnapshotInput | None = None) -> None:
        super().__init__(editor, translate("UndoCommands", "Add “%1”").replace("%1", draft.title))
        self.draft = draft
        self.stage_on = stage_on
        self.snapshot = snapshot
        self.application_id: int | None = None

    def do(self) -> None:
        if self.application_id is None:
            self.application_id = self.tracker.add_application(
                self.draft, stage_on=self.stage_on, snapshot=self.snapshot)
        else:
            self.tracker.restore_application(self.application_id)

    def undo_action(self) -> None:
        assert self.application_id is not None
        self.tracker.delete_application(self.application_id)


class EditApplicationCommand(TrackerCommand):
    """Some fields changed, with their old values kept for undo."""

    def __init__(self, editor: CommandEditor, application_id: int, changes: dict[str, Any],
                 old: dict[str, Any]) -> None:
        names = ", ".join(sorted(changes))
        super().__init__(editor, translate("UndoCommands", "Edit %1").replace("%1", names))
        self.application_id = application_id
        self.changes = changes
        self.old = old

    def do(self) -> None:
        self.tracker.edit_application(self.application_id, **self.changes)

    def undo_action(self) -> None:
        self.tracker.edit_application(self.application_id, **self.old)


class MoveStageCommand(TrackerCommand):
    """A dated stage change; undone by removing the event it recorded."""

    def __init__(self, editor: CommandEditor, application_id: int, stage: str,
                 on: dt.date | None, note: str | None = None) -> None:
        super().__init__(editor, translate("UndoCommands", "Move to %1").replace("%1", stage))
        self.application_id = application_id
        self.stage = stage
        self.on = on
        self.note = note
        self.event_id: int | None = None

    def do(self) -> None:
        self.event_id = self.tracker.move_stage(self.application_id, self.stage, on=self.on,
                                                note=self.note)

    def undo_action(self) -> None:
        assert self.event_id is not None
        self.tracker.undo_stage_event(self.event_id)


class RemoveEventCommand(TrackerCommand):
    """A stage change removed from the timeline; undo records the same stage, date and note."""

    def __init__(self, editor: CommandEditor, application_id: int, event: EventRow) -> None:
        super().__init__(editor, translate("UndoCommands", "Remove stage change to %1")
                                 .replace("%1", event.to_stage))
        self.application_id = application_id
        self.event = event
        self.event_id = event.id

    def do(self) -> None:
        self.tracker.undo_stage_event(self.event_id)

    def undo_action(self) -> None:
        # Put back where it was, not recorded as a new move (which may not be back-dated).
        self.event_id = self.tracker.reinsert_stage_event(self.application_id,
                                                          self.event.to_stage,
                                                          self.event.occurred_on,
                                                          self.event.note)


class DeleteApplicationCommand(TrackerCommand):
    """To the trash and back."""

    def __init__(self, editor: CommandEditor, application_id: int, label: str) -> None:
        super().__init__(editor, translate("UndoCommands", "Delete “%1”").replace("%1", label))
        self.application_id = application_id

    def do(self) -> None:
        self.tracker.delete_application(self.application_id)

    def undo_action(self) -> None:
        self.tracker.restore_application(self.application_id)


class RedateEventCommand(TrackerCommand):
    """Back-filling the date of a stage change."""

    def __init__(self, editor: CommandEditor, event_id: int, on: dt.date, old: dt.date) -> None:
        super().__init__(editor, translate("UndoCommands", "Change stage date"))
        self.event_id = event_id
        self.on = on
        self.old = old

    def do(self) -> None:
        self.tracker.redate_stage_event(self.event_id, self.on)

    def undo_action(self) -> None:
        self.tracker.redate_stage_event(self.event_id, self.old)
