"""The Today view: overdue follow-ups, upcoming interviews, open tasks and silent applications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker.insights import TodayItem, TodayList
from jobtracker.tracker.rows import TaskRow
from jobtracker.ui.applications.applications_model import RowRole
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.undo_commands.tasks import (
    AddTaskCommand,
    DeleteTaskCommand,
    MarkGhostedCommand,
    SetTaskDoneCommand,
)
from jobtracker.ui.widgets.formatting import (
    format_date,
    format_datetime,
    from_qdate,
    plain_tooltip,
    to_qdate,
)
from jobtracker.ui.widgets.item_views import comfortable_rows
from jobtracker.ui.widgets.lazy_view import LazyView

HeaderRole = Qt.ItemDataRole.UserRole + 30
translate = QCoreApplication.translate
SNOOZE_DAYS = 7

_SECTIONS = (
    ("upcoming_interviews", QT_TRANSLATE_NOOP("TodayModel", "Upcoming interviews")),
    ("open_tasks", QT_TRANSLATE_NOOP("TodayModel", "Open tasks")),
    ("overdue_follow_ups", QT_TRANSLATE_NOOP("TodayModel", "Follow-ups due")),
    ("no_reply", QT_TRANSLATE_NOOP("TodayModel", "No reply for a long time")),
)

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    """Translate a section title (marked for lupdate at its QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("TodayModel", text)


@dataclass(frozen=True, slots=True)
class TodayLine:
    """A section header (``item`` None) or one item under it."""

    section: str
    count: int
    item: TodayItem | None


class TodayModel(QAbstractListModel):
    """The Today list flattened: a header line per section, then its items; tasks can be ticked."""

    done_requested = Signal(int)  # task id

    def __init__(self, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._lines: list[TodayLine] = []

    def set_list(self, today_list: TodayList) -> None:
        """Show ``today_list``; empty sections keep their header with a zero count."""
        lines: list[TodayLine] = []
        for attribute, title in _SECTIONS:
            items: tuple[TodayItem, ...] = getattr(today_list, attribute)
            lines.append(TodayLine(title, len(items), None))
            lines.extend(TodayLine(title, len(items), item) for item in items)
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def item(self, row: int) -> TodayItem | None:
        """The item at ``row`` (None for a header)."""
        return self._lines[row].item

    def rows_of(self, kind: str) -> list[int]:
        """Rows holding items of ``kind``."""
        return [n for n, line in enumerate(self._lines)
                if line.item is not None and line.item.kind == kind]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._lines[index.row()].item
        if item is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if item.kind == "task":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        item = line.item
        if role == HeaderRole:
            return item is None
        if role == RowRole:
            return item
        if item is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{_tr(line.section)} · {line.count}"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self._headline(item)}\n{self._detail(item)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{self._headline(item)}\n{self._detail(item)}")
        if role == Qt.ItemDataRole.CheckStateRole and item.kind == "task":
            return Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        item = self._lines[index.row()].item
        if item is None or item.task_id is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self.done_requested.emit(item.task_id)
        return checked

    @staticmethod
    def _headline(item: TodayItem) -> str:
        if item.kind == "task":
            return item.title
        return f"{item.company} — {item.title}"

    def _detail(self, item: TodayItem) -> str:
        today = self._today()
        if item.kind == "interview":
            when = format_datetime(item.starts_at)
            return f"{when} · {item.detail}" if item.detail else when
        if item.kind == "follow_up" and item.due is not None:
            late = (today - item.due).days
            text = translate("TodayModel", "Follow up today") if late <= 0 else translate(
                "TodayModel", "Follow-up overdue since %1 (%2 d)").replace(
                "%1", format_date(item.due)).replace("%2", str(late))
            return f"{text} · {item.stage}"
        if item.kind == "no_reply" and item.due is not None:
            return translate("TodayModel", "No stage change since %1 (%2 d)").replace(
                "%1", format_date(item.due)).replace("%2", str((today - item.due).days)) + \
                f" · {item.stage}"
        if item.kind == "task":
            parts = []
            if item.due is not None:
                due = format_date(item.due)
                parts.append(translate("TodayModel", "due %1").replace("%1", due)
                             if item.due >= today
                             else translate("TodayModel", "overdue since %1").replace("%1", due))
            if item.company:
                parts.append(f"{item.company} — {item.detail}")
            return " · ".join(parts) or translate("TodayModel", "no due date")
        return item.detail or ""


class TodayView(LazyView):
    """What needs doing now, with one-click actions; every change is undoable."""

    activated = Signal(int)  # application id
    message = Signal(str)

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 no_reply_days: Callable[[], int] = lambda: 21,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self._no_reply_days = no_reply_days
        self.model = TodayModel(today=today, parent=self)
        self.model.done_requested.connect(self.complete_task)

        self.task_edit = QLineEdit(self)
        self.task_edit.setPlaceholderText(self.tr("New task, e.g. “Update my portfolio”"))
        self.task_edit.setAccessibleName(self.tr("New task"))
        self.task_edit.returnPressed.connect(self.add_task)
        self.due_check = QCheckBox(self.tr("&Due"), self)
        self.due_check.setChecked(True)
        self.due_edit = QDateEdit(self)
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(to_qdate(today()))
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.add_button = QPushButton(self.tr("&Add Task"), self)
        self.add_button.clicked.connect(self.add_task)
        add_row = QHBoxLayout()
        add_row.addWidget(self.task_edit, 1)
        add_row.addWidget(self.due_check)
        add_row.addWidget(self.due_edit)
        add_row.addWidget(self.add_button)

        self.list = QListView(self)
        self.list.setObjectName("todayList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Today"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.list.setSpacing(2)
        comfortable_rows(self.list)
        self.list.activated.connect(self._activated)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.open_button = QPushButton(self.tr("&Open"), self)
        self.ghost_button = QPushButton(self.tr("Move to &Ghosted"), self)
        self.ghost_button.setToolTip(self.tr("They never answered: close the application as "
                                             "ghosted (Undo brings it back)"))
        self.snooze_button = QPushButton(self.tr("&Snooze Follow-up a Week"), self)
        self.done_button = QPushButton(self.tr("&Done"), self)
        self.delete_button = QPushButton(self.tr("De&lete Task"), self)
        self.open_button.clicked.connect(self._open_current)
        self.ghost_button.clicked.connect(self._ghost_current)
        self.snooze_button.clicked.connect(self._snooze_current)
        self.done_button.clicked.connect(self._done_current)
        self.delete_button.clicked.connect(self._delete_current)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.ghost_button, self.snooze_button,
                       self.done_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        editor.changed.connect(self.reload)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------

    def refresh_now(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the Today list (a few small queries)."""
        self._stale = False
        keep = self.current_item()
        today_list = self.editor.tracker.today_list(
            no_reply_days=self._no_reply_days())
        self.model.set_list(today_list)
        counts = (len(today_list.overdue_follow_ups), len(today_list.upcoming_interviews),
                  len(today_list.open_tasks), len(today_list.no_reply))
        self.summary.setText(self.tr(
            "%1 follow-ups due, %2 interviews in the next 7 days, %3 open tasks, %4 "
            "applications without a reply for %5 days or more.").replace(
            "%1", str(counts[0])).replace("%2", str(counts[1])).replace(
            "%3", str(counts[2])).replace("%4", str(counts[3])).replace(
            "%5", str(self._no_reply_days())))
        if keep is not None:
            for row in range(self.model.rowCount()):
                item = self.model.item(row)
                if item is not None and (item.kind, item.application_id, item.task_id,
                                         item.interview_id) == (
                        keep.kind, keep.application_id, keep.task_id, keep.interview_id):
                    self.list.setCurrentIndex(self.model.index(row, 0))
                    break
        self._update_buttons()

    def current_item(self) -> TodayItem | None:
        """The selected item."""
        index = self.list.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_first(self, kind: str) -> bool:
        """Select the first item of ``kind``."""
        rows = self.model.rows_of(kind)
        if rows:
            self.list.setCurrentIndex(self.model.index(rows[0], 0))
        return bool(rows)

    # -- actions -----------------------------------------------------------------------------

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except JobTrackerError as error:
            self.message.emit(str(error))

    def add_task(self) -> None:
        """Add the typed task (general, not tied to an application)."""
        title = self.task_edit.text().strip()
        if not title:
            self.message.emit(self.tr("Type what the task is first."))
            return
        due = from_qdate(self.due_edit.date()) if self.due_check.isChecked() else None
        self._run(lambda: self.editor.push(AddTaskCommand(self.editor, title, due, None)))
        self.task_edit.clear()

    def complete_task(self, task_id: int) -> None:
        """Tick a task off."""
        self._run(lambda: self.editor.push(SetTaskDoneCommand(self.editor, task_id, True)))

    def mark_ghosted(self, item: TodayItem) -> None:
        """Close a silent application as ghosted (one undoable action)."""
        if item.application_id is None:
            return
        application_id = item.application_id
        label = f"{item.title} — {item.company}"
        self._run(lambda: self.editor.push(MarkGhostedCommand(self.editor, application_id,
                                                              label)))

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row()) if index.isValid() else None
        if item is not None and item.application_id is not None:
            self.activated.emit(item.application_id)

    def _open_current(self) -> None:
        self._activated(self.list.currentIndex())

    def _ghost_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.mark_ghosted(item)

    def _snooze_current(self) -> None:
        item = self.current_item()
        if item is None or item.application_id is None or item.kind != "follow_up":
            return
        application_id = item.application_id
        new = self._today() + dt.timedelta(days=SNOOZE_DAYS)
        self._run(lambda: self.editor.edit_application(
            application_id, {"follow_up_on": new}, {"follow_up_on": item.due}))

    def _done_current(self) -> None:
        item = self.current_item()
        if item is not None and item.task_id is not None:
            self.complete_task(item.task_id)

    def _delete_current(self) -> None:
        item = self.current_item()
        if item is None or item.task_id is None:
            return
        task = TaskRow(item.task_id, item.application_id, item.title, item.due, None)
        self._run(lambda: self.editor.push(DeleteTaskCommand(self.editor, task)))

    def _update_buttons(self) -> None:
        item = self.current_item()
        kind = item.kind if item is not None else None
        has_app = item is not None and item.application_id is not None
        self.open_button.setEnabled(has_app)
        self.ghost_button.setEnabled(has_app and kind in ("no_reply", "follow_up"))
        self.snooze_button.setEnabled(kind == "follow_up")
        self.done_button.setEnabled(kind == "task")
        self.delete_button.setEnabled(kind == "task")
