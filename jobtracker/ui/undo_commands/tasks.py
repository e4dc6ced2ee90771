"""Undoable tasks, the one-click move to Ghosted, and moves that set a follow-up date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jobtracker.tracker import TaskRow
from jobtracker.ui.undo_commands.base import CommandEditor, TrackerCommand, translate


class AddTaskCommand(TrackerCommand):
    """A new task; undone by deleting it."""

    def __init__(self, editor: CommandEditor, title: str, due_on: dt.date | None,
                 application_id: int | None) -> None:
        super().__init__(editor, translate("UndoCommands", "Add task “%1”").replace("%1", title))
        self.title = title
        self.due_on = due_on
        self.application_id = application_id
        self.task_id: int | None = None

    def do(self) -> None:
        new_id = self.tracker.add_task(self.title, due_on=self.due_on,
                                       application_id=self.application_id)
        if self.task_id is None:
            self.task_id = new_id
        else:  # redo after undo: the same task, a new id
            self.editor.task_readded(self.task_id, new_id)

    def undo_action(self) -> None:
        assert self.task_id is not None
        self.tracker.delete_task(self.editor.task_id(self.task_id))


class SetTaskDoneCommand(TrackerCommand):
    """A task ticked off (or reopened)."""

    def __init__(self, editor: CommandEditor, task_id: int, done: bool) -> None:
        super().__init__(editor, translate("UndoCommands", "Complete task") if done
                         else translate("UndoCommands", "Reopen task"))
        self.task_id = task_id
        self.done = done

    def do(self) -> None:
        self.tracker.set_task_done(self.editor.task_id(self.task_id), self.done)

    def undo_action(self) -> None:
        self.tracker.set_task_done(self.editor.task_id(self.task_id), not self.done)


class EditTaskCommand(TrackerCommand):
    """A task's title and/or due date changed; undo puts the old values back."""

    def __init__(self, editor: CommandEditor, task_id: int, changes: dict[str, Any],
                 old: dict[str, Any]) -> None:
        super().__init__(editor, translate("UndoCommands", "Edit task “%1”").replace(
            "%1", str(changes.get("title", old.get("title", "")))))
        self.task_id = task_id
        self.changes = changes
        self.old = old

    def do(self) -> None:
        self.tracker.edit_task(self.editor.task_id(self.task_id), **self.changes)

    def undo_action(self) -> None:
        self.tracker.edit_task(self.editor.task_id(self.task_id), **self.old)


class DeleteTaskCommand(TrackerCommand):
    """A task removed; undo adds the same task back."""

    def __init__(self, editor: CommandEditor, task: TaskRow) -> None:
        super().__init__(editor, translate("UndoCommands", "Delete task “%1”")
                         .replace("%1", task.title))
        self.task = task
        self.task_id = task.id

    def do(self) -> None:
        self.tracker.delete_task(self.editor.task_id(self.task_id))

    def undo_action(self) -> None:
        new_id = self.tracker.add_task(self.task.title, due_on=self.task.due_on,
                                       application_id=self.task.application_id)
        if self.task.done_at is not None:
            self.tracker.set_task_done(new_id)
        self.editor.task_readded(self.task_id, new_id)


class MarkGhostedCommand(TrackerCommand):
    """An application that never answered, moved to Ghosted; undone by removing that event."""

    def __init__(self, editor: CommandEditor, application_id: int, label: str) -> None:
        super().__init__(editor, translate("UndoCommands", "Mark “%1” as ghosted")
                         .replace("%1", label))
        self.application_id = application_id
        self.event_id: int | None = None

    def do(self) -> None:
        self.event_id = self.tracker.mark_ghosted(self.application_id)

    def undo_action(self) -> None:
        assert self.event_id is not None
        self.tracker.undo_stage_event(self.event_id)


class MoveWithFollowUpCommand(TrackerCommand):
    """A stage move that also sets the stage's default follow-up date; undo reverses both."""

    def __init__(self, editor: CommandEditor, application_id: int, stage: str,
                 follow_up_on: dt.date, old_follow_up: dt.date | None) -> None:
        super().__init__(editor, translate("UndoCommands", "Move to %1").replace("%1", stage))
        self.application_id = application_id
        self.stage = stage
        self.follow_up_on = follow_up_on
        self.old_follow_up = old_follow_up
        self.event_id: int | None = None

    def do(self) -> None:
        self.event_id = self.tracker.move_stage(self.application_id, self.stage)
        self.tracker.edit_application(self.application_id, follow_up_on=self.follow_up_on)

    def undo_action(self) -> None:
        assert self.event_id is not None
        self.tracker.edit_application(self.application_id, follow_up_on=self.old_follow_up)
        self.tracker.undo_stage_event(self.event_id)
