"""Undoable answers to mail suggestions: accept (stage event, interview) and dismiss."""

from __future__ import annotations

import datetime as dt

from jobtracker.tracker import AcceptResult
from jobtracker.ui.undo_commands.base import CommandEditor, TrackerCommand, translate


class AcceptSuggestionCommand(TrackerCommand):
    """A suggestion applied in one transaction; undo removes exactly what it created."""

    def __init__(self, editor: CommandEditor, suggestion_id: int, *,
                 application_id: int | None = None, stage: str | None = None,
                 interview_at: dt.datetime | None = None,
                 create_application: bool = False) -> None:
        super().__init__(editor, translate("UndoCommands", "Accept mail suggestion"))
        self.suggestion_id = suggestion_id
        self.application_id = application_id
        self.stage = stage
        self.interview_at = interview_at
        self.create_application = create_application
        self.result: AcceptResult | None = None

    def do(self) -> None:
        self.result = self.tracker.accept_suggestion(
            self.suggestion_id, application_id=self.application_id, stage=self.stage,
            interview_at=self.interview_at, create_application=self.create_application)

    def undo_action(self) -> None:
        self.tracker.undo_accept_suggestion(self.suggestion_id)


class DismissSuggestionCommand(TrackerCommand):
    """A suggestion set aside (never proposed again); undo brings it back to the inbox."""

    def __init__(self, editor: CommandEditor, suggestion_id: int) -> None:
        super().__init__(editor, translate("UndoCommands", "Dismiss mail suggestion"))
        self.suggestion_id = suggestion_id

    def do(self) -> None:
        self.tracker.dismiss_suggestion(self.suggestion_id)

    def undo_action(self) -> None:
        self.tracker.undo_dismiss_suggestion(self.suggestion_id)
