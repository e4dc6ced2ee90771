"""The Trash: deleted applications, restored or purged for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import ApplicationFilter, Tracker
from jobtracker.ui.applications.applications_model import STAGE_COLUMN, ApplicationsModel, IdRole
from jobtracker.ui.applications.stage_delegate import StageChipDelegate
from jobtracker.ui.widgets.item_views import comfortable_rows


class TrashView(QWidget):
    """Trashed applications with Restore, Delete forever and Empty trash."""

    changed = Signal()

    def __init__(self, tracker: Tracker, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self.model = ApplicationsModel(tracker, today=today,
                                       filters=ApplicationFilter(trashed=True), parent=self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Trash"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STAGE_COLUMN, StageChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        comfortable_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self.tr("Deleted applications stay here until you delete them "
                                   "for good."), self)
        self.hint.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.purge_button = QPushButton(self.tr("Delete &forever"), self)
        self.empty_button = QPushButton(self.tr("&Empty trash"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._update_buttons()

    def set_tracker(self, tracker: Tracker) -> None:
        """Show another database."""
        self._tracker = tracker
        self.model.set_tracker(tracker)
        self._update_buttons()

    def reload(self) -> None:
        """Re-read the trash."""
        self.model.reload()
        self._update_buttons()

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(IdRole)) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        selected = self._selected_id() is not None
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(self.model.total > 0)

    def restore_selected(self) -> None:
        """Bring the selected application back."""
        app_id = self._selected_id()
        if app_id is not None:
            self._tracker.restore_application(app_id)
            self.changed.emit()

    def purge_selected(self) -> None:
        """Delete the selected application for good, after asking."""
        app_id = self._selected_id()
        if app_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete forever"),
            self.tr("Delete this application with its notes and history for good? "
                    "This cannot be undone."))
        if answer == QMessageBox.StandardButton.Yes:
            self._tracker.purge_application(app_id)
            self.changed.emit()

    def empty(self) -> None:
        """Purge everything in the trash, after asking."""
        answer = QMessageBox.question(
            self, self.tr("Empty trash"),
            self.tr("Delete all %1 applications in the trash for good? This cannot be undone.")
            .replace("%1", str(self.model.total)))
        if answer == QMessageBox.StandardButton.Yes:
            self._tracker.empty_trash()
            self.changed.emit()
