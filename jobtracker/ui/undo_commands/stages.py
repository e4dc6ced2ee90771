"""Stage-list edits made in Preferences, applied on OK as one undoable step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jobtracker.errors import JobTrackerError
from jobtracker.ui.undo_commands.base import CommandEditor, TrackerCommand, translate


@dataclass(frozen=True)
class AddStage:
    """A new open stage, placed right after ``after`` (or at the end)."""

    name: str
    after: str | None = None


@dataclass(frozen=True)
class RenameStage:
    old: str
    new: str


@dataclass(frozen=True)
class RecolorStage:
    name: str
    color: str | None


@dataclass(frozen=True)
class ReorderStages:
    names: tuple[str, ...]


@dataclass(frozen=True)
class RemoveStage:
    """A stage no application is or was ever in (one with history is retired instead)."""

    name: str


@dataclass(frozen=True)
class RetireStage:
    """A stage with history: its applications move to ``move_to``, it is hidden for good.

    ``move_to`` is None when no application is in the stage (only its history is).
    """

    name: str
    move_to: str | None = None


StageEdit = AddStage | RenameStage | RecolorStage | ReorderStages | RemoveStage | RetireStage


class StageEditsCommand(TrackerCommand):
    """The edits in the order they were made; undone newest first."""

    def __init__(self, editor: CommandEditor, edits: Sequence[StageEdit]) -> None:
        super().__init__(editor, translate("UndoCommands", "Edit stages"))
        self.edits = tuple(edits)
        self._undo: list[Callable[[], None]] = []

    def do(self) -> None:
        self._undo = []
        try:
            for edit in self.edits:
                self._undo.append(self._apply(edit))
        except JobTrackerError:
            # All or nothing: a refused edit takes back the ones before it, so the
            # dialog can stay open with the user's list as it was.
            self.undo_action()
            raise

    def undo_action(self) -> None:
        while self._undo:
            self._undo.pop()()

    def _apply(self, edit: StageEdit) -> Callable[[], None]:
        tracker = self.tracker
        if isinstance(edit, AddStage):
            tracker.add_stage(edit.name, after=edit.after)
            return lambda: self.tracker.delete_unused_stage(edit.name)
        if isinstance(edit, RenameStage):
            tracker.rename_stage(edit.old, edit.new)
            return lambda: self.tracker.rename_stage(edit.new, edit.old)
        if isinstance(edit, RecolorStage):
            old_color = next((s.color for s in tracker.stages()
                              if s.name.casefold() == edit.name.casefold()), None)
            tracker.set_stage_color(edit.name, edit.color)
            return lambda: self.tracker.set_stage_color(edit.name, old_color)
        if isinstance(edit, RemoveStage):
            stages = tracker.stages()
            index = next(i for i, s in enumerate(stages)
                         if s.name.casefold() == edit.name.casefold())
            gone = stages[index]
            before = stages[index - 1].name if index else None
            tracker.delete_unused_stage(edit.name)

            def put_back() -> None:
                # Same name, kind, colour and place; a new id (nothing referred to the old).
                self.tracker.add_stage(gone.name, gone.kind, color=gone.color, after=before)
                if before is None:
                    names = [s.name for s in self.tracker.stages()]
                    names.remove(gone.name)
                    self.tracker.reorder_stages([gone.name, *names])
            return put_back
        if isinstance(edit, RetireStage):
            result = tracker.retire_stage(edit.name, edit.move_to)
            # By the stage's saved name: the edit may name it in another case.
            return lambda: self.tracker.unretire_stage(result.stage, result.event_ids)
        old_order = [s.name for s in tracker.stages()]
        tracker.reorder_stages(edit.names)
        return lambda: self.tracker.reorder_stages(old_order)
