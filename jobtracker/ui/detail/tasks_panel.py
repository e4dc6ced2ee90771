"""The tasks of an application: add, tick off, edit and delete, every change undoable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import ApplicationDetail, TaskRow
from jobtracker.ui.applications.applications_model import overdue_color
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_date, from_qdate, to_qdate
from jobtracker.ui.widgets.item_views import comfortable_rows

TITLE_COLUMN, DUE_COLUMN = 0, 1


def task_order(task: TaskRow) -> tuple[Any, ...]:
    """Open tasks first, soonest due first (no date last); then done ones, latest first."""
    if task.done_at is None:
        return (0, task.due_on is None, task.due_on or dt.date.max, task.id)
    return (1, -task.done_at.timestamp(), task.id)


class TasksPanel(QWidget):
    """The to-dos of one application, open ones by due date, then the done ones struck out."""

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._today = today
        self._detail: ApplicationDetail | None = None
        self._editing: TaskRow | None = None
        self._filling = False

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("New task, e.g. “Send thank-you note”"))
        self.title_edit.setAccessibleName(self.tr("Task"))
        self.title_edit.returnPressed.connect(self.submit)
        self.due_check = QCheckBox(self.tr("D&ue"), self)
        self.due_check.setToolTip(self.tr("Give the task a due date"))
        self.due_edit = QDateEdit(self)
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(to_qdate(today()))
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        # Enter in the date field adds too.
        date_line = self.due_edit.lineEdit()
        if date_line is not None:
            date_line.returnPressed.connect(self.submit)
        self.add_button = QPushButton(self.tr("&Add Task"), self)
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        add_row = QHBoxLayout()
        add_row.addWidget(self.title_edit, 1)
        add_row.addWidget(self.due_check)
        add_row.addWidget(self.due_edit)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.cancel_button)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tasksList")
        self.tree.setAccessibleName(self.tr("Tasks"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        comfortable_rows(self.tree)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHeaderLabels([self.tr("Task"), self.tr("Due")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(TITLE_COLUMN,
                                                self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(DUE_COLUMN,
                                                self.tree.header().ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        # Delete in the list deletes the task, not the application (the window's Delete).
        self.tree.installEventFilter(self)

        self.done_button = QPushButton(self.tr("&Done"), self)
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        self.done_button.setToolTip(self.tr("Tick the task off, or open it again (Space)"))
        self.edit_button.setToolTip(self.tr("Change the title or due date (double-click)"))
        self.delete_button.setToolTip(self.tr("Delete the task (Undo brings it back)"))
        self.done_button.clicked.connect(self.toggle_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # No tasks: a sentence in the list's place says what goes here (not an empty grid).
        self.empty_label = QLabel(self.tr(
            "No tasks for this application yet. Type one above and press Enter; a due date "
            "puts it on the Today view when it falls due."), self)
        self.empty_label.setObjectName("tasksEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.title_edit, self.due_check)
        self.setTabOrder(self.due_check, self.due_edit)
        self.setTabOrder(self.due_edit, self.add_button)
        self.setTabOrder(self.add_button, self.tree)
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------------

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the tasks of ``detail`` (the selection is kept where the task still is)."""
        if self._detail is not None and self._detail.id != detail.id:
            self.cancel_edit()
        self._detail = detail
        keep = self.current_task()
        self._filling = True
        try:
            self.tree.clear()
            today = self._today()
            # Done tasks are still read: the placeholder grey reads at 4.5:1 or more in both
            # themes, the disabled grey (1.9:1 on light) does not.
            grey = self.palette().brush(QPalette.ColorRole.PlaceholderText)
            for task in sorted(detail.tasks, key=task_order):
                due = format_date(task.due_on) if task.due_on else ""
                item = QTreeWidgetItem([task.title, due])
                item.setData(TITLE_COLUMN, Qt.ItemDataRole.UserRole, task)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(TITLE_COLUMN, Qt.CheckState.Checked
                                   if task.done_at is not None
                                   else Qt.CheckState.Unchecked)
                if task.done_at is not None:
                    for column in (TITLE_COLUMN, DUE_COLUMN):
                        font = item.font(column)
                        font.setStrikeOut(True)
                        item.setFont(column, font)
                        item.setForeground(column, grey)
                    item.setToolTip(TITLE_COLUMN, self.tr("Done on %1").replace(
                        "%1", format_date(task.done_at.astimezone().date())))
                elif task.due_on is not None and task.due_on < today:
                    font = item.font(DUE_COLUMN)
                    font.setBold(True)
                    item.setFont(DUE_COLUMN, font)
                    item.setForeground(DUE_COLUMN, QBrush(overdue_color()))
                    tip = self.tr("Overdue since %1").replace("%1", due)
                    item.setToolTip(DUE_COLUMN, tip)
                    item.setData(DUE_COLUMN, Qt.ItemDataRole.AccessibleDescriptionRole, tip)
                self.tree.addTopLevelItem(item)
                if keep is not None and keep.id == task.id:
                    self.tree.setCurrentItem(item)
        finally:
            self._filling = False
        self.tree.setVisible(bool(detail.tasks))
        self.empty_label.setVisible(not detail.tasks)
        self._update_buttons()

    def tasks(self) -> list[TaskRow]:
        """The tasks as listed, top to bottom."""
        return [self._task_of(self.tree.topLevelItem(row))
                for row in range(self.tree.topLevelItemCount())]

    def current_task(self) -> TaskRow | None:
        """The selected task."""
        task = self._task_of(self.tree.currentItem())
        return task if isinstance(task, TaskRow) else None

    def select(self, task_id: int) -> bool:
        """Select the task ``task_id``."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and self._task_of(item).id == task_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    @staticmethod
    def _task_of(item: QTreeWidgetItem | None) -> Any:
        return item.data(TITLE_COLUMN, Qt.ItemDataRole.UserRole) if item is not None else None

    # -- actions -----------------------------------------------------------------------------

    def _due(self) -> dt.date | None:
        return from_qdate(self.due_edit.date()) if self.due_check.isChecked() else None

    def submit(self) -> None:
        """Add the typed task, or save the one being edited (Enter)."""
        if self._detail is None:
            return
        title = self.title_edit.text().strip()
        if not title:
            self._editor.failed.emit(self.tr("Type what the task is first."))
            self.title_edit.setFocus()
            return
        due = self._due()
        editing = self._editing
        if editing is None:
            application_id = self._detail.id
            done = self._editor.attempt(
                lambda: self._editor.add_task(title, due, application_id))
        else:
            changes: dict[str, Any] = {}
            old: dict[str, Any] = {}
            if title != editing.title:
                changes["title"], old["title"] = title, editing.title
            if due != editing.due_on:
                changes["due_on"], old["due_on"] = due, editing.due_on
            done = self._editor.attempt(
                lambda: self._editor.edit_task(editing.id, changes, old))
        if done:
            self._end_edit()
            self.title_edit.setFocus()

    def edit_selected(self) -> None:
        """Put the selected task in the entry row to change its title or due date."""
        task = self.current_task()
        if task is None:
            return
        self._editing = task
        self.title_edit.setText(task.title)
        self.due_check.setChecked(task.due_on is not None)
        self.due_edit.setDate(to_qdate(task.due_on or self._today()))
        self.add_button.setText(self.tr("&Save Task"))
        self.cancel_button.show()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def cancel_edit(self) -> None:
        """Leave the task being edited as it was."""
        if self._editing is not None:
            self._end_edit()

    def _end_edit(self) -> None:
        self._editing = None
        self.title_edit.clear()
        self.due_check.setChecked(False)
        self.due_edit.setDate(to_qdate(self._today()))
        self.add_button.setText(self.tr("&Add Task"))
        self.cancel_button.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.tree and event.type() in (QEvent.Type.ShortcutOverride,
                                                      QEvent.Type.KeyPress)
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._editing is not None:
            self.cancel_edit()
            return
        super().keyPressEvent(event)

    def set_done(self, task: TaskRow, done: bool) -> None:
        """Tick ``task`` off (or open it again)."""
        if (task.done_at is not None) != done:
            self._editor.attempt(lambda: self._editor.set_task_done(task.id, done))

    def toggle_selected(self) -> None:
        """Tick the selected task off, or open it again."""
        task = self.current_task()
        if task is not None:
            self.set_done(task, task.done_at is None)

    def delete_selected(self) -> None:
        """Delete the selected task (Undo brings it back)."""
        task = self.current_task()
        if task is None:
            return
        if self._editing is not None and self._editing.id == task.id:
            self._end_edit()
        self._editor.attempt(lambda: self._editor.delete_task(task))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != TITLE_COLUMN:
            return
        task = self._task_of(item)
        if task is not None:
            done = item.checkState(TITLE_COLUMN) == Qt.CheckState.Checked
            # The change re-reads the list, which must not delete the item inside its signal.
            QTimer.singleShot(0, self, lambda: self.set_done(task, done))

    def _update_buttons(self) -> None:
        task = self.current_task()
        for button in (self.done_button, self.edit_button, self.delete_button):
            button.setEnabled(task is not None)
        self.done_button.setText(self.tr("Re&open") if task is not None
                                 and task.done_at is not None else self.tr("&Done"))
