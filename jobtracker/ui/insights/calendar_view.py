"""The calendar: a month with interview and task days marked, and the agenda from a chosen day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker.insights import CalendarEntry
from jobtracker.ui.applications.applications_model import RowRole
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_date, from_qdate, plain_tooltip, to_qdate
from jobtracker.ui.widgets.item_views import comfortable_rows
from jobtracker.ui.widgets.lazy_view import LazyView

AGENDA_DAYS = 31
INTERVIEW_DAY = QColor("#8B5CF6")
TASK_DAY = QColor("#F59E0B")

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def entry_day(entry: CalendarEntry) -> dt.date | None:
    """The local day of an interview, or a task's due date."""
    if entry.starts_at is not None:
        return entry.starts_at.astimezone().date()
    return entry.due_on


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """A day header (``entry`` None) or one entry on that day."""

    day: dt.date
    entry: CalendarEntry | None


class AgendaModel(QAbstractListModel):
    """Entries grouped under their day, in time order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[AgendaLine] = []

    def set_entries(self, entries: list[CalendarEntry], start: dt.date,
                    days: int = AGENDA_DAYS) -> None:
        """Show the entries from ``start`` for ``days`` days."""
        end = start + dt.timedelta(days=days)
        chosen = sorted(
            ((day, e) for e in entries if (day := entry_day(e)) is not None and start <= day < end),
            key=lambda pair: (pair[0], pair[1].starts_at is None,
                              pair[1].starts_at or dt.datetime.min.replace(tzinfo=dt.UTC)))
        lines: list[AgendaLine] = []
        for day, entry in chosen:
            if not lines or lines[-1].day != day:
                lines.append(AgendaLine(day, None))
            lines.append(AgendaLine(day, entry))
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def entry(self, row: int) -> CalendarEntry | None:
        """The entry at ``row`` (None for a day header)."""
        return self._lines[row].entry

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].entry is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        entry = line.entry
        if role == RowRole:
            return entry
        if entry is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                weekday = QDate(line.day.year, line.day.month, line.day.day).toString("dddd")
                return f"{weekday} {format_date(line.day)}"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(entry))
        if role == Qt.ItemDataRole.DecorationRole:
            return INTERVIEW_DAY if entry.entry == "interview" else TASK_DAY
        if role == Qt.ItemDataRole.ForegroundRole and entry.done_at is not None:
            return QBrush(QColor("#9CA3AF"))
        return None

    @staticmethod
    def _text(entry: CalendarEntry) -> str:
        about = f"{entry.company} — {entry.title}" if entry.company else ""
        if entry.entry == "interview" and entry.starts_at is not None:
            local = entry.starts_at.astimezone()
            where = entry.location or entry.meeting_url or ""
            head = translate("CalendarView", "%1 %2 interview").replace(
                "%1", f"{local:%H:%M}").replace("%2", entry.kind or "")
            return "\n".join(part for part in (head, about, where) if part)
        head = translate("CalendarView", "Task: %1").replace("%1", entry.task_title or "")
        if entry.done_at is not None:
            head += translate("CalendarView", " (done)")
        return "\n".join(part for part in (head, about) if part)


class CalendarView(LazyView):
    """A month calendar with marked days beside the agenda of the weeks after the chosen day."""

    activated = Signal(int)  # application id

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self.entries: list[CalendarEntry] = []
        self._marked: list[QDate] = []
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setMinimumSize(380, 300)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(to_qdate(today()))
        self.calendar.selectionChanged.connect(self._show_agenda)
        self.legend = QLabel(self.tr('<span style="color:%1">■</span> interview  '
                                     '<span style="color:%2">■</span> task due').replace(
            "%1", INTERVIEW_DAY.name()).replace("%2", TASK_DAY.name()), self)
        self.model = AgendaModel(self)
        self.agenda = QListView(self)
        self.agenda.setObjectName("agendaList")
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setModel(self.model)
        comfortable_rows(self.agenda)
        self.agenda.activated.connect(self._activated)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.legend)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.agenda, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        editor.changed.connect(self.reload)

    def refresh_now(self) -> None:
        self.load()

    def load(self) -> None:
        """Read every interview and dated task, mark their days, fill the agenda."""
        self._stale = False
        self.entries = self.editor.tracker.calendar_entries()
        for marked in self._marked:
            self.calendar.setDateTextFormat(marked, QTextCharFormat())
        self._marked = []
        kinds: dict[dt.date, set[str]] = {}
        for entry in self.entries:
            day = entry_day(entry)
            if day is not None and entry.done_at is None:
                kinds.setdefault(day, set()).add(entry.entry)
        for day, found in kinds.items():
            text_format = QTextCharFormat()
            text_format.setFontWeight(QFont.Weight.Bold)
            color = INTERVIEW_DAY if "interview" in found else TASK_DAY
            text_format.setForeground(QBrush(QColor("#FFFFFF")))
            text_format.setBackground(QBrush(color))
            qdate = to_qdate(day)
            self.calendar.setDateTextFormat(qdate, text_format)
            self._marked.append(qdate)
        self._show_agenda()

    def marked_days(self) -> list[dt.date]:
        """Days shown as having an interview or a task."""
        return sorted(from_qdate(day) for day in self._marked)

    def _show_agenda(self) -> None:
        start = from_qdate(self.calendar.selectedDate())
        self.model.set_entries(self.entries, start)
        self.heading.setText(self.tr("Agenda from %1 (%2 days)").replace(
            "%1", format_date(start)).replace("%2", str(AGENDA_DAYS)))

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row()) if index.isValid() else None
        if entry is not None and entry.application_id is not None:
            self.activated.emit(entry.application_id)
