"""Undoable user actions: the Editor, which runs QUndoCommands calling the tracker's use cases.

Each command does its work once before it is pushed, so a refused action
(ValidationError) raises to the caller and never lands on the undo stack.
Views act only through the Editor's methods (``editor.py``); the commands live
by subject in ``applications``, ``activity``, ``tasks``, ``mail`` and ``stages`` and know
their editor only as the ``CommandEditor`` protocol of ``base``, so no module
here imports this package or the Editor.
"""

from __future__ import annotations

from jobtracker.ui.undo_commands.base import TrackerCommand
from jobtracker.ui.undo_commands.editor import Editor
from jobtracker.ui.undo_commands.stages import (
    AddStage,
    RecolorStage,
    RemoveStage,
    RenameStage,
    ReorderStages,
    RetireStage,
    StageEdit,
)

__all__ = ["AddStage", "Editor", "RecolorStage", "RemoveStage", "RenameStage", "ReorderStages",
           "RetireStage", "StageEdit", "TrackerCommand"]
