"""The agenda: interviews and due tasks from a day on, under their day, read a month at a time."""

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
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jobtracker.tracker import CalendarItem
from jobtracker.ui.insights.calendar_look import (
    TASK_DONE,
    TASK_OPEN,
    CalendarColors,
    about,
    line_text,
    local_day,
    local_start,
    long_day,
    spoken,
    tooltip_text,
    where,
)
from jobtracker.ui.widgets.formatting import isolate, plain_tooltip

# Read this many days per query as the list scrolls, up to a year ahead.
CHUNK_DAYS = 31
HORIZON_DAYS = 366
ItemRole = Qt.ItemDataRole.UserRole + 50
HeaderRole = Qt.ItemDataRole.UserRole + 51
DayRole = Qt.ItemDataRole.UserRole + 52

_Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[dt.date, dt.date], list[CalendarItem]]
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """A day header (``item`` None) or one entry on that day."""

    day: dt.date
    item: CalendarItem | None


def day_heading(day: dt.date, today: dt.date) -> str:
    """``Today · Saturday 28 November 2026``; Tomorrow likewise; else the long date."""
    if day == today:
        return translate("CalendarView", "Today · %1").replace("%1", long_day(day))
    if day == today + dt.timedelta(days=1):
        return translate("CalendarView", "Tomorrow · %1").replace("%1", long_day(day))
    return long_day(day)


class AgendaModel(QAbstractListModel):
    """Entries from a start day on, each day under its heading; more are read as it scrolls."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[AgendaLine] = []
        self._fetch: Fetch | None = None
        self.start = dt.date.today()
        self.today = self.start
        self.zone: dt.tzinfo | None = None
        self._loaded_until = self.start  # first day not read yet
        self._horizon = self.start

    def reset(self, start: dt.date, fetch: Fetch, *, today: dt.date,
              zone: dt.tzinfo | None = None) -> None:
        """Start over from ``start``, reading entries with ``fetch(first, last)``."""
        self.beginResetModel()
        self._lines = []
        self._fetch = fetch
        self.start, self.today, self.zone = start, today, zone
        self._loaded_until = start
        self._horizon = start + dt.timedelta(days=HORIZON_DAYS)
        self.endResetModel()
        self.fetchMore(QModelIndex())  # the first month, so an empty agenda says so at once

    @property
    def exhausted(self) -> bool:
        """Everything up to the horizon has been read."""
        return self._loaded_until >= self._horizon

    @property
    def loaded_until(self) -> dt.date:
        """The first day not read yet."""
        return self._loaded_until

    @property
    def horizon(self) -> dt.date:
        """The day the agenda stops at (a year after its start)."""
        return self._horizon

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and not self.exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        """Read the next month; empty months are skipped until something turns up.

        Item views ask again only after rows arrive, so a fetch that found nothing would
        leave a later interview unreachable by scrolling.
        """
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        found: list[AgendaLine] = []
        while not found and not self.exhausted:
            first = self._loaded_until
            last = min(first + dt.timedelta(days=CHUNK_DAYS), self._horizon) - dt.timedelta(
                days=1)
            self._loaded_until = last + dt.timedelta(days=1)
            found = self._group(self._fetch(first, last))
        if found:
            self.beginInsertRows(QModelIndex(), len(self._lines),
                                 len(self._lines) + len(found) - 1)
            self._lines.extend(found)
            self.endInsertRows()

    def _group(self, items: list[CalendarItem]) -> list[AgendaLine]:
        keyed = [(day, item) for item in items if (day := local_day(item, self.zone)) is not None]
        # Within a day: interviews by start time, then the tasks (their order from the read).
        keyed.sort(key=lambda pair: (pair[0], pair[1].starts_at is None))
        lines: list[AgendaLine] = []
        last_day = self._lines[-1].day if self._lines else None
        for day, item in keyed:
            if day != last_day:
                lines.append(AgendaLine(day, None))
                last_day = day
            lines.append(AgendaLine(day, item))
        return lines

    def item(self, row: int) -> CalendarItem | None:
        """The entry at ``row`` (None for a day heading)."""
        return self._lines[row].item if 0 <= row < len(self._lines) else None

    def days(self) -> list[dt.date]:
        """The days with a heading, in order."""
        return [line.day for line in self._lines if line.item is None]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].item is None:
            # Headings are not stops for the keyboard: Up and Down go entry to entry.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        item = line.item
        if role == HeaderRole:
            return item is None
        if role == ItemRole:
            return item
        if role == DayRole:
            return line.day
        if item is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return day_heading(line.day, self.today)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            context = about(item)
            return f"{line_text(item, self.zone)} · {context}" if context else line_text(
                item, self.zone)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(item, self.zone)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(tooltip_text(item, self.zone))
        return None


class AgendaDelegate(QStyledItemDelegate):
    """A heading per day; under it each entry with its time, what and where on two lines."""

    def __init__(self, view: AgendaList) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = QFontMetrics(option.font)
        pad = self.padding(metrics)
        if index.data(HeaderRole):
            top = 0 if index.row() == 0 else 2 * pad
            return QSize(200, top + metrics.height() + 2 * pad)
        return QSize(200, 2 * metrics.height() + 3 * pad)

    @staticmethod
    def padding(metrics: QFontMetrics) -> int:
        """Room around the text, growing with its size."""
        return max(4, metrics.height() // 3)

    @staticmethod
    def time_width(metrics: QFontMetrics) -> int:
        """The time column: wide enough for ``00:00–00:00`` and for ``Task``."""
        return max(metrics.horizontalAdvance("00:00–00:00"),
                   metrics.horizontalAdvance(translate("CalendarView", "Task"))) + 8

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        colors = self.view.colors()
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        pad = self.padding(metrics)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, colors.base)
        line_day = index.data(DayRole)
        item = index.data(ItemRole)
        if item is None:
            self._paint_heading(painter, option, index, colors, line_day)
            painter.restore()
            return
        assert isinstance(item, CalendarItem)
        background = colors.base
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            background = colors.selected
        elif hovered:
            background = colors.hover
        painter.fillRect(rect, background)
        if selected:
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colors.bar)
        muted = colors.muted_on(background)
        model = index.model()
        zone = model.zone if isinstance(model, AgendaModel) else None
        time_left = rect.left() + 2 * pad
        time_width = self.time_width(metrics)
        first = QRect(time_left, rect.top() + pad, time_width, metrics.height())
        second = first.translated(0, metrics.height() + pad // 2)
        bold = QFont(font)
        bold.setBold(True)
        start = local_start(item, zone)
        if start is not None:
            painter.setFont(bold)
            painter.setPen(colors.text)
            painter.drawText(first, Qt.AlignmentFlag.AlignLeft, f"{start:%H:%M}")
            if item.duration_minutes:
                end = start + dt.timedelta(minutes=item.duration_minutes)
                painter.setFont(font)
                painter.setPen(muted)
                painter.drawText(second, Qt.AlignmentFlag.AlignLeft, f"{end:%H:%M}")
        else:
            painter.setFont(font)
            painter.setPen(muted)
            painter.drawText(first, Qt.AlignmentFlag.AlignLeft,
                             translate("CalendarView", "Task"))
        # A bar marks an interview (the same accent as in the month).
        bar_left = time_left + time_width + pad
        bar = QRectF(bar_left, rect.top() + pad, 4, 2 * metrics.height() + pad // 2)
        if start is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.bar)
            painter.drawRoundedRect(bar, 2, 2)
        text_left = bar_left + 4 + 2 * pad
        width = max(0, rect.right() - 2 * pad - text_left)
        head, detail = self.texts(item, zone)
        painter.setFont(bold if start is not None else font)
        painter.setPen(muted if item.done else colors.text)
        head_rect = QRect(text_left, first.top(), width, metrics.height())
        painter.drawText(head_rect, Qt.AlignmentFlag.AlignLeft, QFontMetrics(
            painter.font()).elidedText(head, Qt.TextElideMode.ElideRight, width))
        painter.setFont(font)
        painter.setPen(muted)
        detail_rect = QRect(text_left, second.top(), width, metrics.height())
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width))
        painter.restore()

    @staticmethod
    def texts(item: CalendarItem, zone: dt.tzinfo | None) -> tuple[str, str]:
        """The two lines of an entry: what (and with whom), then where or about what."""
        if item.starts_at is not None:
            company = isolate(item.company or "")
            head = f"{company} — {isolate(item.label)}" if company else isolate(item.label)
            detail = " · ".join(part for part in (isolate(item.title or ""), where(item),
                                                 isolate(item.stage or "")) if part)
            return head, detail
        head = f"{TASK_DONE if item.done else TASK_OPEN} {isolate(item.label)}"
        if item.done:
            head += translate("CalendarView", " (done)")
        detail = about(item) or translate("CalendarView", "About the search in general")
        return head, detail

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index,
                       colors: CalendarColors, day: dt.date) -> None:
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        pad = self.padding(metrics)
        rect = option.rect
        model = index.model()
        today = model.today if isinstance(model, AgendaModel) else None
        top = 0 if index.row() == 0 else 2 * pad
        text_rect = QRect(rect.left() + 2 * pad, rect.top() + top + pad,
                          max(0, rect.width() - 4 * pad), metrics.height())
        painter.setFont(font)
        painter.setPen(colors.link_on(colors.base) if day == today else colors.text)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.setPen(QPen(colors.border, 0))
        y = rect.bottom() - 1
        painter.drawLine(rect.left() + 2 * pad, y, rect.right() - 2 * pad, y)


class AgendaList(QListView):
    """The agenda's list: keyboard-navigable entries under day headings."""

    # A click or Enter on an entry. Not QAbstractItemView.activated: a double-click would
    # send it on top of the click and open the application twice.
    entry_chosen = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaList")
        self.setAccessibleName(self.tr("Agenda"))
        self.setItemDelegate(AgendaDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)  # hover highlight
        self.setUniformItemSizes(False)
        self._colors: tuple[int, CalendarColors] | None = None
        self.clicked.connect(self.entry_chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entry_chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def colors(self) -> CalendarColors:
        """The calendar colours for the current palette."""
        key = self.palette().cacheKey()
        if self._colors is None or self._colors[0] != key:
            self._colors = (key, CalendarColors.of(self.palette()))
        return self._colors[1]

    def agenda_model(self) -> AgendaModel:
        """The model (an AgendaModel)."""
        model = self.model()
        assert isinstance(model, AgendaModel)
        return model

    def first_entry_row(self) -> int | None:
        """The row of the first entry (not a heading)."""
        model = self.agenda_model()
        return next((row for row in range(model.rowCount()) if model.item(row) is not None),
                    None)
