"""The applications table model: plain rows from the core's list query, paged in on scroll."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from jobtracker.tracker import ApplicationFilter, ApplicationRow, SortKey, Tracker
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.widgets.contrast import error_color
from jobtracker.ui.widgets.formatting import (
    format_date,
    format_datetime,
    format_salary,
    plain_tooltip,
)
from jobtracker.vocabulary import StageKind

PAGE_SIZE = 200

RowRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
StageColorRole = Qt.ItemDataRole.UserRole + 3
OverdueRole = Qt.ItemDataRole.UserRole + 4

# (sort key, header) in column order; headers are marked for lupdate, translated when shown.
COLUMNS: tuple[tuple[SortKey, str], ...] = (
    (SortKey.COMPANY, QT_TRANSLATE_NOOP("ApplicationsModel", "Company")),
    (SortKey.TITLE, QT_TRANSLATE_NOOP("ApplicationsModel", "Title")),
    (SortKey.STAGE, QT_TRANSLATE_NOOP("ApplicationsModel", "Stage")),
    (SortKey.APPLIED, QT_TRANSLATE_NOOP("ApplicationsModel", "Applied")),
    (SortKey.LAST_CHANGE, QT_TRANSLATE_NOOP("ApplicationsModel", "Last change")),
    (SortKey.LOCATION, QT_TRANSLATE_NOOP("ApplicationsModel", "Location")),
    (SortKey.SALARY, QT_TRANSLATE_NOOP("ApplicationsModel", "Salary")),
    (SortKey.PRIORITY, QT_TRANSLATE_NOOP("ApplicationsModel", "Priority")),
    (SortKey.NEXT_INTERVIEW, QT_TRANSLATE_NOOP("ApplicationsModel", "Next interview")),
    (SortKey.FOLLOW_UP, QT_TRANSLATE_NOOP("ApplicationsModel", "Follow-up")),
)
COLUMN_OF = {key: number for number, (key, _) in enumerate(COLUMNS)}
STAGE_COLUMN = COLUMN_OF[SortKey.STAGE]
FOLLOW_UP_COLUMN = COLUMN_OF[SortKey.FOLLOW_UP]


def overdue_color() -> QColor:
    """Overdue follow-ups and tasks: the theme's error colour (a fixed red is 3:1 on dark)."""
    return error_color()


_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    """Translate a marked string of this model (lupdate finds it at its QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("ApplicationsModel", text)


class ApplicationsModel(QAbstractTableModel):
    """Applications matching a filter, sorted by the core, fetched ``PAGE_SIZE`` rows at a time."""

    def __init__(self, tracker: Tracker, *, today: Callable[[], dt.date] = dt.date.today,
                 filters: ApplicationFilter | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._today = today
        self._filter = filters or ApplicationFilter()
        self._sort = SortKey.LAST_CHANGE
        self._descending = True
        self._rows: list[ApplicationRow] = []
        self._total = 0
        self._load(PAGE_SIZE)

    # -- what is shown ---------------------------------------------------------------------

    @property
    def filters(self) -> ApplicationFilter:
        """The filter in force."""
        return self._filter

    @property
    def total(self) -> int:
        """How many applications match (loaded or not)."""
        return self._total

    def set_tracker(self, tracker: Tracker) -> None:
        """Show another database."""
        self._tracker = tracker
        self.reload()

    def set_filter(self, filters: ApplicationFilter) -> None:
        """Show the applications matching ``filters``, from the first page."""
        if filters == self._filter:
            return
        self._filter = filters
        self._reset(PAGE_SIZE)

    def set_search(self, text: str) -> None:
        """Shortcut for changing only the search text."""
        self.set_filter(dataclasses.replace(self._filter, search=text))

    def reload(self) -> None:
        """Re-read after a change, keeping as many rows loaded as before."""
        self._reset(max(PAGE_SIZE, len(self._rows)))

    def row_of(self, application_id: int) -> int | None:
        """The row showing ``application_id``, if it is loaded."""
        for number, row in enumerate(self._rows):
            if row.id == application_id:
                return number
        return None

    def application(self, row: int) -> ApplicationRow:
        """The plain row at ``row``."""
        return self._rows[row]

    def _reset(self, count: int) -> None:
        self.beginResetModel()
        self._load(count)
        self.endResetModel()

    def _load(self, count: int) -> None:
        self._total, self._rows = self._tracker.list_page(
            self._filter, sort=self._sort, descending=self._descending, limit=count)

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = self._tracker.list_applications(
            self._filter, sort=self._sort, descending=self._descending, limit=PAGE_SIZE,
            offset=len(self._rows))
        if not more:
            # Someone else deleted rows meanwhile: stop asking for more.
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(COLUMNS[section][1])
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        # A new order means a new first page; rows further down are not loaded yet.
        self._reset(PAGE_SIZE)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(row, column, True))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row, column, True)
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        if role == StageColorRole:
            return row.stage_color
        overdue = self.is_overdue(row)
        if role == OverdueRole:
            return overdue
        if column == FOLLOW_UP_COLUMN and overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(overdue_color())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column][0] in (
                SortKey.PRIORITY, SortKey.SALARY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def is_overdue(self, row: ApplicationRow) -> bool:
        """A follow-up date in the past on an application still in play."""
        return (row.follow_up_on is not None and row.follow_up_on < self._today()
                and row.stage_kind in (StageKind.OPEN, StageKind.OFFER))

    def _text(self, row: ApplicationRow, column: int, tooltip: bool) -> str | None:
        key = COLUMNS[column][0]
        if key == SortKey.COMPANY:
            return row.company
        if key == SortKey.TITLE:
            return row.title
        if key == SortKey.STAGE:
            return row.stage
        if key == SortKey.APPLIED:
            return format_date(row.applied_on)
        if key == SortKey.LAST_CHANGE:
            return format_date(row.last_change)
        if key == SortKey.LOCATION:
            translate = QCoreApplication.translate
            remote = {"remote": translate("ApplicationsModel", "Remote"),
                      "hybrid": translate("ApplicationsModel", "Hybrid"),
                      "onsite": translate("ApplicationsModel", "On-site")}.get(row.remote or "")
            parts = [part for part in (row.location, remote) if part]
            return " · ".join(parts)
        if key == SortKey.SALARY:
            return format_salary(row.salary_min, row.salary_max, row.salary_currency,
                                 row.salary_period)
        if key == SortKey.PRIORITY:
            return f"{row.priority}/5" if tooltip else "★" * row.priority
        if key == SortKey.NEXT_INTERVIEW:
            return format_datetime(row.next_interview)
        if key == SortKey.FOLLOW_UP:
            text = format_date(row.follow_up_on)
            if tooltip and self.is_overdue(row):
                return QCoreApplication.translate("ApplicationsModel",
                                                  "Follow-up overdue since %1").replace("%1", text)
            return text
        return None
