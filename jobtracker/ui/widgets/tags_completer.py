"""Completion of the last item in a comma-separated field (tags, interviewers)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagsCompleter(QCompleter):
    """Completes the word after the last comma, keeping the items before it."""

    def __init__(self, edit: QLineEdit, *, contains: bool = False) -> None:
        super().__init__(edit)
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        if contains:
            # Names: "love" should find "Ada Lovelace".
            self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(edit)
        self._edit = edit
        edit.textEdited.connect(self._update)
        self.activated.connect(self._insert)

    def set_tags(self, tags: list[str]) -> None:
        """The known items, in the order they are offered."""
        self._model.setStringList(tags)

    def _update(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        popup = self.popup()
        if not prefix:
            if popup is not None:
                popup.hide()
            return
        self.setCompletionPrefix(prefix)
        if self.completionCount():
            self.complete()
        elif popup is not None:
            popup.hide()

    def _insert(self, tag: str) -> None:
        head = self._edit.text().rsplit(",", 1)
        before = f"{head[0]}, " if len(head) == 2 else ""
        self._edit.setText(f"{before}{tag}, ")
