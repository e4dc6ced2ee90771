"""The interview rounds of an application, with add, edit and delete."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationDetail, InterviewInput, InterviewRow
from jobtracker.ui.detail.interview_dialog import InterviewDialog
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_datetime, literal
from jobtracker.ui.widgets.item_views import comfortable_rows


class InterviewsPanel(QWidget):
    """A list of rounds (local time, and the zone they were set in)."""

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._detail: ApplicationDetail | None = None
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Interviews"))
        self.tree.setRootIsDecorated(False)
        comfortable_rows(self.tree)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Where"),
                                   self.tr("With"), self.tr("Outcome")])
        self.tree.header().resizeSection(0, 190)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.add_button = QPushButton(self.tr("&Add interview…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.tree.currentItemChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the rounds of ``detail``."""
        self._detail = detail
        self.tree.clear()
        for row in detail.interviews:
            zone = zoneinfo.ZoneInfo(row.timezone) if row.timezone else None
            when = format_datetime(row.starts_at, zone)
            if row.timezone:
                when = f"{when} ({row.timezone})"
            item = QTreeWidgetItem([when, row.kind, row.location or row.meeting_url or "",
                                    row.interviewers or "", self._outcome(row.outcome)])
            item.setData(0, Qt.ItemDataRole.UserRole, row)
            item.setToolTip(0, self.tr("Your time: %1").replace(
                "%1", format_datetime(row.starts_at)))
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
            # Long links or many interviewers must not push the outcome out of sight.
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 260))
        self._update_buttons()

    def _outcome(self, value: str) -> str:
        return {"pending": self.tr("Pending"), "passed": self.tr("Passed"),
                "failed": self.tr("Failed"), "cancelled": self.tr("Cancelled")}.get(value, value)

    def _update_buttons(self, *_args: object) -> None:
        selected = self.tree.currentItem() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _contact_names(self) -> list[str]:
        """Contacts of this application's company first, then everyone else."""
        contacts = self._editor.tracker.list_contacts()
        company = self._detail.company.casefold() if self._detail else ""
        linked = {c.id for c in self._detail.contacts} if self._detail else set()
        ours = [c.name for c in contacts
                if c.id in linked or (c.company or "").casefold() == company]
        return list(dict.fromkeys([*ours, *(c.name for c in contacts)]))

    def add(self) -> InterviewDialog | None:
        """Open the dialog for a new round; it is saved when the dialog is accepted."""
        if self._detail is None:
            return None
        app_id = self._detail.id
        dialog = InterviewDialog(self, contact_names=self._contact_names())
        dialog.accepted.connect(lambda: self._save(
            lambda: self._editor.add_interview(app_id, self._chosen(dialog))))
        dialog.open()
        return dialog

    def edit_selected(self) -> InterviewDialog | None:
        """Open the dialog on the selected round."""
        item = self.tree.currentItem()
        if item is None:
            return None
        row: InterviewRow = item.data(0, Qt.ItemDataRole.UserRole)
        dialog = InterviewDialog(self, existing=row, contact_names=self._contact_names())
        dialog.accepted.connect(lambda: self._save(
            lambda: self._editor.edit_interview(row, self._chosen(dialog))))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        """Remove the selected round (Undo brings it back)."""
        item = self.tree.currentItem()
        if item is None:
            return
        row: InterviewRow = item.data(0, Qt.ItemDataRole.UserRole)
        self._save(lambda: self._editor.delete_interview(row))

    @staticmethod
    def _chosen(dialog: InterviewDialog) -> InterviewInput:
        interview = dialog.interview()
        assert interview is not None  # set before the dialog accepts
        return interview

    def _save(self, action: Callable[[], None]) -> None:
        try:
            action()
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Interview not saved"), literal(str(error)))
