"""The base of every undoable action: a QUndoCommand that calls tracker use cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QUndoCommand

from jobtracker.errors import JobTrackerError

if TYPE_CHECKING:
    from jobtracker.tracker import Tracker


# Commands name themselves with ``translate("UndoCommands", "...")`` at the literal, which
# is the form pyside6-lupdate extracts (the Edit menu shows the names).
translate = QCoreApplication.translate


class CommandEditor(Protocol):
    """What a command needs from the editor that runs it (the Editor, in ``editor.py``).

    Commands type against this rather than the Editor, so the command modules never
    import the module that imports them.
    """

    @property
    def tracker(self) -> Tracker:
        """The tracker worked on now (it changes when another database is opened)."""
        ...

    @property
    def changed(self) -> SignalInstance:
        """Emitted after data changed (by undo or redo too)."""
        ...

    @property
    def failed(self) -> SignalInstance:
        """Emitted with a plain message when undo or redo is refused."""
        ...

    def task_id(self, task_id: int) -> int:
        """The id the task first known as ``task_id`` has now."""
        ...

    def task_readded(self, old_id: int, new_id: int) -> None:
        """Remember that the task ``old_id`` came back as ``new_id``."""
        ...


class TrackerCommand(QUndoCommand):
    """A command whose ``do``/``undo_action`` call use cases; failures are reported, not raised."""

    def __init__(self, editor: CommandEditor, text: str) -> None:
        # Text after a newline is the action text (Edit menu, toolbar): there a title's "&"
        # would mark a mnemonic and vanish, so it is doubled.
        line = text.replace("\n", " ")
        super().__init__(f"{line}\n{line.replace('&', '&&')}")
        self.editor = editor
        self.skip_next_redo = False

    @property
    def tracker(self) -> Tracker:
        """The tracker the editor works on now."""
        return self.editor.tracker

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

    def _guarded(self, action: Callable[[], None]) -> None:
        # Qt calls undo/redo from a slot: an exception there cannot reach the
        # caller, so a refusal (the row was purged meanwhile) becomes a message.
        try:
            action()
        except JobTrackerError as error:
            self.setObsolete(True)
            self.editor.failed.emit(str(error))
        self.editor.changed.emit()
