"""Markdown notes of an application: a list, a rendered view and an editor."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationDetail, NoteRow
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_datetime, literal
from jobtracker.ui.widgets.item_views import comfortable_rows, row_height
from jobtracker.ui.widgets.markdown_render import render
from jobtracker.ui.widgets.posting_browser import PostingBrowser

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"^[#>\-+*\s]+|[*_`~]")


def plain_line(body: str) -> str:
    """The first non-blank line of a note without Markdown marks, for the list."""
    first = next((line for line in body.splitlines() if line.strip()), "")
    first = _LINK.sub(r"\1", first)
    return _MARKS.sub("", first).strip()


class NotesPanel(QWidget):
    """Pick a note to read it rendered; Edit switches to the Markdown source."""

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._detail: ApplicationDetail | None = None
        self._editing: int | None = None  # note id, or 0 for a new note
        self._editing_old = ""  # the text of the note being edited, for undo
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Notes"))
        comfortable_rows(self.list)
        # Four notes in view; more scroll.
        self.list.setMaximumHeight(4 * row_height(self.list) + 2 * self.list.frameWidth())
        self.list.currentItemChanged.connect(self._note_chosen)
        self.times = QLabel(self)
        self.times.setWordWrap(True)  # long dates must not widen the pane
        # Loads nothing a note names; a clicked link opens only if it is a web or mail address.
        self.viewer = PostingBrowser(self)
        self.viewer.setAccessibleName(self.tr("Note"))
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Note text (Markdown)"))
        self.editor.setPlaceholderText(self.tr("Write in Markdown: **bold**, - lists, "
                                               "[links](https://…)"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.editor)
        self.new_button = QPushButton(self.tr("&New note"), self)
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.save_button = QPushButton(self.tr("&Save note"), self)
        self.save_button.setShortcut("Ctrl+Return")
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.new_button.clicked.connect(self.new_note)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.times)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._set_mode(editing=False)

    # -- showing -----------------------------------------------------------------------------

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the notes of ``detail`` (newest first), keeping an open draft of the same one."""
        same = self._detail is not None and self._detail.id == detail.id
        self._detail = detail
        if self._editing is not None and same:
            return
        self._editing = None
        self.list.blockSignals(True)
        self.list.clear()
        for note in reversed(detail.notes):
            first = plain_line(note.body)
            item = QListWidgetItem(f"{format_datetime(note.updated_at)} — {first[:80]}")
            item.setData(Qt.ItemDataRole.UserRole, note)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._set_mode(editing=False)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._note_chosen()

    def _current(self) -> NoteRow | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _note_chosen(self, *_args: object) -> None:
        note = self._current()
        if note is None:
            self.times.setText(self.tr("No notes yet.") if self._detail else "")
            self.viewer.clear()
        else:
            self.times.setText(self.tr("Created %1 · updated %2")
                               .replace("%1", format_datetime(note.created_at))
                               .replace("%2", format_datetime(note.updated_at)))
            self.viewer.setHtml(render(note.body))
        self.edit_button.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)

    def _set_mode(self, *, editing: bool) -> None:
        self.stack.setCurrentWidget(self.editor if editing else self.viewer)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self.list.setEnabled(not editing)

    # -- editing -----------------------------------------------------------------------------

    def new_note(self) -> None:
        """Start writing a new note."""
        if self._detail is None:
            return
        self._editing = 0
        self.editor.setPlainText("")
        self._set_mode(editing=True)
        self.editor.setFocus()

    def edit_current(self) -> None:
        """Edit the selected note."""
        note = self._current()
        if note is None:
            return
        self._editing = note.id
        self._editing_old = note.body
        self.editor.setPlainText(note.body)
        self._set_mode(editing=True)
        self.editor.setFocus()

    def save(self) -> bool:
        """Save the note being written; False (and the text kept) when refused."""
        if self._editing is None or self._detail is None:
            return True
        body = self.editor.toPlainText()
        try:
            editing, self._editing = self._editing, None
            if editing == 0:
                self._editor.add_note(self._detail.id, body)
            else:
                self._editor.edit_note(editing, body, self._editing_old)
        except JobTrackerError as error:
            self._editing = editing
            QMessageBox.warning(self, self.tr("Note not saved"), literal(str(error)))
            return False
        # An unchanged edit pushes nothing, so nothing re-reads the panel: leave the editor.
        self._set_mode(editing=False)
        self._note_chosen()
        return True

    def save_draft(self) -> None:
        """Keep a note being written when the user moves on (an empty one is dropped)."""
        if self._editing is not None and self.editor.toPlainText().strip():
            self.save()
        self._editing = None

    def cancel(self) -> None:
        """Stop editing without saving."""
        self._editing = None
        self._set_mode(editing=False)
        self._note_chosen()

    def delete_current(self) -> None:
        """Delete the selected note (Undo brings it back)."""
        note = self._current()
        if note is None or self._detail is None:
            return
        self._editor.delete_note(self._detail.id, note.id)
