"""The month grid: six weeks of days filling the view, each day listing its interviews and tasks.

A QTableView over a 6×7 model with a painting delegate, rather than a bare QPainter widget:
the view brings keyboard movement between days, a screen-reader cell per day (each with
its spoken summary), stretching rows and columns, and tooltips through the delegate, so
only the drawing of a day and the hit-testing of its lines are ours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from jobtracker.tracker import CalendarItem
from jobtracker.ui.insights.calendar_look import (
    CalendarColors,
    line_text,
    local_day,
    long_day,
    spoken,
    tooltip_text,
)
from jobtracker.ui.widgets.formatting import plain_tooltip

WEEKS = 6
DAYS = 7
DateRole = Qt.ItemDataRole.UserRole + 40
ItemsRole = Qt.ItemDataRole.UserRole + 41
InMonthRole = Qt.ItemDataRole.UserRole + 42
TodayRole = Qt.ItemDataRole.UserRole + 43
WeekendRole = Qt.ItemDataRole.UserRole + 44

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def first_cell(year: int, month: int, first_weekday: int) -> dt.date:
    """The top-left day: the week start (1 Monday … 7 Sunday) on or before the 1st."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=(first.isoweekday() - first_weekday) % 7)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept within the target month (31 Jan + 1 → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


class MonthModel(QAbstractTableModel):
    """Six weeks × seven days from a week start; each day holds its entries in time order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        today = dt.date.today()
        self.year, self.month = today.year, today.month
        self.today = today
        self.first_weekday = 1
        self.weekend: frozenset[int] = frozenset({6, 7})
        self.zone: dt.tzinfo | None = None
        self.start = first_cell(self.year, self.month, 1)
        self._items: dict[dt.date, list[CalendarItem]] = {}
        self.long_names = True  # weekday names in the header; short ones when narrow

    def set_month(self, year: int, month: int, items: list[CalendarItem], *, today: dt.date,
                  first_weekday: int = 1, weekend: frozenset[int] = frozenset({6, 7}),
                  zone: dt.tzinfo | None = None) -> None:
        """Show ``month`` of ``year`` with ``items`` (weekdays numbered 1 Monday … 7 Sunday)."""
        self.beginResetModel()
        self.year, self.month, self.today = year, month, today
        self.first_weekday, self.weekend, self.zone = first_weekday, weekend, zone
        self.start = first_cell(year, month, first_weekday)
        grouped: dict[dt.date, list[CalendarItem]] = {}
        for item in items:
            day = local_day(item, zone)
            if day is not None:
                grouped.setdefault(day, []).append(item)
        # Each day keeps the tracker's order: interviews by start time, then the tasks.
        self._items = grouped
        self.endResetModel()

    @property
    def end(self) -> dt.date:
        """The last day shown (bottom-right cell)."""
        return self.start + dt.timedelta(days=WEEKS * DAYS - 1)

    def day(self, index: _Index) -> dt.date:
        """The date of a cell."""
        return self.start + dt.timedelta(days=index.row() * DAYS + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        """The cell of ``day``; invalid when it is not shown."""
        offset = (day - self.start).days
        if not 0 <= offset < WEEKS * DAYS:
            return QModelIndex()
        return self.index(offset // DAYS, offset % DAYS)

    def items_on(self, day: dt.date) -> list[CalendarItem]:
        """The entries of ``day`` (empty when none or not shown)."""
        return self._items.get(day, [])

    def in_month(self, day: dt.date) -> bool:
        """Whether ``day`` belongs to the month shown (not the weeks around it)."""
        return (day.year, day.month) == (self.year, self.month)

    def month_items(self) -> list[CalendarItem]:
        """The entries on days of the month itself."""
        return [item for day, items in sorted(self._items.items()) if self.in_month(day)
                for item in items]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < WEEKS and 0 <= index.column() < DAYS):
            return None
        day = self.day(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DateRole:
            return day
        if role == ItemsRole:
            return self.items_on(day)
        if role == InMonthRole:
            return self.in_month(day)
        if role == TodayRole:
            return day == self.today
        if role == WeekendRole:
            return day.isoweekday() in self.weekend
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._summary(day)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < DAYS:
            return None
        weekday = (self.first_weekday - 1 + section) % 7 + 1
        locale = QLocale()
        if role == Qt.ItemDataRole.DisplayRole:
            return locale.standaloneDayName(weekday, locale.FormatType.LongFormat
                                            if self.long_names else
                                            locale.FormatType.ShortFormat)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return locale.standaloneDayName(weekday, locale.FormatType.LongFormat)
        return None

    def set_long_names(self, long_names: bool) -> None:
        """Long weekday names in the header when they fit, else short ones."""
        if long_names != self.long_names:
            self.long_names = long_names
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DAYS - 1)

    def _spoken(self, day: dt.date) -> str:
        parts = [long_day(day)]
        if day == self.today:
            parts.append(translate("CalendarView", "today"))
        items = self.items_on(day)
        if not items:
            parts.append(translate("CalendarView", "nothing planned"))
        parts.extend(spoken(item, self.zone) for item in items)
        return "; ".join(parts)

    def _summary(self, day: dt.date) -> str:
        items = self.items_on(day)
        if not items:
            return ""
        return plain_tooltip("\n".join([long_day(day)] + [line_text(i, self.zone)
                                                          for i in items]))


# -- one day's layout ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CellLine:
    """One drawn line of a day: an entry, or ``+N more`` (``item`` None, ``more`` > 0)."""

    rect: QRect
    text: str  # as drawn, elided to the rect when it is too long
    item: CalendarItem | None
    more: int = 0


@dataclass(frozen=True, slots=True)
class CellLayout:
    """Where the day number and the lines of one day go."""

    number_rect: QRect  # the day number's disc (today) or its box
    lines: tuple[CellLine, ...]

    def hit(self, point: QPoint) -> CellLine | None:
        """The line under ``point``, if any."""
        return next((line for line in self.lines if line.rect.contains(point)), None)


def metrics_of(font: QFont) -> tuple[QFontMetrics, QFontMetrics]:
    """Metrics of the entry font and of the bold day-number font."""
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(font), QFontMetrics(bold)


def cell_padding(metrics: QFontMetrics) -> int:
    """Room between a day's edge and its contents, growing with the text size."""
    return max(3, metrics.height() // 5)


def text_inset(metrics: QFontMetrics) -> int:
    """Room at the start of a line for the interview bar (and at its end)."""
    return max(6, metrics.height() // 3)


def cell_layout(rect: QRect, font: QFont, day: dt.date, items: list[CalendarItem],
                zone: dt.tzinfo | None = None) -> CellLayout:
    """Lay out a day in ``rect``: the number on top, then as many entries as fit.

    When not all fit, the last line that fits says ``+N more`` instead; when not even one
    line fits under the number (large text in a small window), ``+N`` sits beside it.
    """
    metrics, bold = metrics_of(font)
    pad = cell_padding(metrics)
    inset = text_inset(metrics)
    disc = max(bold.height() + 4, bold.horizontalAdvance("88") + 10)
    number_rect = QRect(rect.left() + pad, rect.top() + pad, disc, disc)
    line_height = metrics.height() + 4
    spacing = 2
    top = number_rect.bottom() + 1 + spacing
    room = rect.bottom() - pad - top + 1
    fits = max(0, (room + spacing) // (line_height + spacing))
    width = rect.width() - 2 * pad
    lines: list[CellLine] = []

    def line_at(row: int, text: str, item: CalendarItem | None, more: int = 0) -> CellLine:
        box = QRect(rect.left() + pad, top + row * (line_height + spacing), width, line_height)
        fitted = (metrics if item is not None else bold).elidedText(  # "+N more" is bold
            text, Qt.TextElideMode.ElideRight, max(0, width - 2 * inset))
        return CellLine(box, fitted, item, more)

    if len(items) <= fits:
        lines = [line_at(row, line_text(item, zone), item) for row, item in enumerate(items)]
    elif fits >= 1:
        shown = fits - 1
        lines = [line_at(row, line_text(item, zone), item)
                 for row, item in enumerate(items[:shown])]
        hidden = len(items) - shown
        lines.append(line_at(shown, more_text(hidden), None, hidden))
    elif items:
        text = f"+{len(items)}"
        left = number_rect.right() + 1 + spacing
        box = QRect(left, number_rect.top(), max(0, rect.right() - pad - left + 1), disc)
        lines = [CellLine(box, bold.elidedText(text, Qt.TextElideMode.ElideRight,
                                               max(0, box.width() - 2 * inset)),
                          None, len(items))]
    return CellLayout(number_rect, tuple(lines))


def more_text(count: int) -> str:
    """``+3 more``."""
    return translate("CalendarView", "+%1 more").replace("%1", str(count))


# -- drawing ------------------------------------------------------------------------------------


class DayDelegate(QStyledItemDelegate):
    """Draws a day: tinted background, number (today on a disc), entry chips, ``+N more``."""

    def __init__(self, grid: MonthGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def layout(self, option: QStyleOptionViewItem, index: _Index) -> CellLayout:
        """The layout of the day at ``index`` in ``option.rect``."""
        model = index.model()
        assert isinstance(model, MonthModel)
        return cell_layout(option.rect, option.font, model.day(index), model.items_on(
            model.day(index)), model.zone)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        colors = self.grid.colors()
        in_month = bool(index.data(InMonthRole))
        weekend = bool(index.data(WeekendRole))
        is_today = bool(index.data(TodayRole))
        rect = option.rect
        background = colors.base
        if not in_month:
            background = colors.outside
        elif weekend:
            background = colors.weekend
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, background)
        # Hairlines on the right and bottom edges: the grid, one pixel wide at any scale.
        painter.setPen(QPen(colors.border, 0))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        layout = self.layout(option, index)
        font = QFont(option.font)
        # The day number.
        number_font = QFont(font)
        number_font.setBold(is_today)
        painter.setFont(number_font)
        number_rect = QRectF(layout.number_rect)
        if is_today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.accent)
            painter.drawEllipse(number_rect)
            painter.setPen(colors.accent_text)
        else:
            painter.setPen(colors.text if in_month else colors.outside_text)
        painter.drawText(layout.number_rect, Qt.AlignmentFlag.AlignCenter, str(
            model_day(index).day))
        # The entries.
        painter.setFont(font)
        metrics = QFontMetrics(font)
        inset = text_inset(metrics)
        hovered = self.grid.hovered_line()
        cell = index.row() * DAYS + index.column()
        for number, line in enumerate(layout.lines):
            hover = hovered == (cell, number)
            self._paint_line(painter, line, colors, background, inset, hover, in_month)
        # The keyboard's day: a ring in the accent colour, only while the grid has the focus.
        if option.state & QStyle.StateFlag.State_HasFocus or (
                option.state & QStyle.StateFlag.State_Selected and self.grid.hasFocus()):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colors.accent, 2))
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.restore()

    @staticmethod
    def _paint_line(painter: QPainter, line: CellLine, colors: CalendarColors,
                    background: QColor, inset: int, hover: bool, in_month: bool) -> None:
        box = QRectF(line.rect)
        text_rect = line.rect.adjusted(inset, 0, -inset, 0)
        item = line.item
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        if item is None:  # "+N more"
            font = painter.font()
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            if hover:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors.chip)
                painter.drawRoundedRect(box, 3, 3)
            painter.setPen(colors.link_on(colors.chip if hover else background))
            painter.drawText(text_rect, flags | Qt.TextFlag.TextSingleLine, line.text)
            painter.setFont(font)
            return
        if item.starts_at is not None:
            chip = colors.chip_hover if hover else colors.chip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip)
            painter.drawRoundedRect(box, 3, 3)
            bar = QRectF(box.left(), box.top(), max(3.0, inset / 2), box.height())
            painter.setBrush(colors.bar)
            painter.drawRoundedRect(bar, 1.5, 1.5)
            painter.setPen(colors.text)
        else:
            if hover:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors.chip)
                painter.drawRoundedRect(box, 3, 3)
                background = colors.chip
            done_or_outside = item.done or not in_month
            painter.setPen(colors.muted_on(background) if done_or_outside else colors.text)
        painter.drawText(text_rect, flags | Qt.TextFlag.TextSingleLine, line.text)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: _Index) -> bool:
        if event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        model = index.model()
        assert isinstance(model, MonthModel)
        line = self.layout(option, index).hit(event.pos())
        if line is not None and line.item is not None:
            text = plain_tooltip(tooltip_text(line.item, model.zone))
            QToolTip.showText(event.globalPos(), text, view, line.rect)
            return True
        return super().helpEvent(event, view, option, index)


def model_day(index: _Index) -> dt.date:
    """The date of a cell of a MonthModel."""
    value = index.data(DateRole)
    assert isinstance(value, dt.date)
    return value


class MonthGrid(QTableView):
    """The month as a table of days that always fills its space; entries are clickable."""

    entry_activated = Signal(object)  # the CalendarItem clicked or chosen with Enter
    day_opened = Signal(object)  # a date whose entries should be listed (+N more, Enter)
    date_requested = Signal(object)  # a date outside the month the keyboard moved to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setAccessibleName(self.tr("Month"))
        self.setItemDelegate(DayDelegate(self))
        self.setShowGrid(False)  # the delegate draws hairlines that follow the theme
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(24)
        self.horizontalHeader().setSectionsClickable(False)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hovered: tuple[int, int] | None = None  # (cell number, line number)
        self._pressed: tuple[int, int] | None = None
        self._colors: tuple[int, CalendarColors] | None = None

    # -- colours, looked up once per palette ---------------------------------------------------

    def colors(self) -> CalendarColors:
        """The calendar colours for the current palette."""
        key = self.palette().cacheKey()
        if self._colors is None or self._colors[0] != key:
            self._colors = (key, CalendarColors.of(self.palette()))
        return self._colors[1]

    # -- what is where -------------------------------------------------------------------------

    def month_model(self) -> MonthModel:
        """The model (a MonthModel)."""
        model = self.model()
        assert isinstance(model, MonthModel)
        return model

    def cell_layout(self, index: QModelIndex) -> CellLayout:
        """The layout of the day at ``index`` as drawn now."""
        model = self.month_model()
        day = model.day(index)
        # The delegate lays out with the option's font, which item views set to their own.
        return cell_layout(self.visualRect(index), self.font(), day, model.items_on(day),
                           model.zone)

    def line_at(self, point: QPoint) -> tuple[QModelIndex, int, CellLine] | None:
        """The cell, line number and line under a viewport ``point``."""
        index = self.indexAt(point)
        if not index.isValid():
            return None
        layout = self.cell_layout(index)
        line = layout.hit(point)
        if line is None:
            return None
        return index, layout.lines.index(line), line

    def hovered_line(self) -> tuple[int, int] | None:
        """(cell number, line number) under the mouse."""
        return self._hovered

    def _set_hovered(self, hovered: tuple[int, int] | None) -> None:
        if hovered == self._hovered:
            return
        for cell in (self._hovered, hovered):
            if cell is not None:
                self.update(self.model().index(cell[0] // DAYS, cell[0] % DAYS))
        self._hovered = hovered

    # -- mouse ---------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        found = self.line_at(event.position().toPoint())
        clickable = found is not None and (found[2].item is None
                                           or found[2].item.application_id is not None)
        if found is not None and clickable:
            self._set_hovered((found[0].row() * DAYS + found[0].column(), found[1]))
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self._set_hovered(None)
            self.viewport().unsetCursor()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._set_hovered(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        found = self.line_at(event.position().toPoint())
        self._pressed = None if found is None else (
            found[0].row() * DAYS + found[0].column(), found[1])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        found = self.line_at(event.position().toPoint())
        pressed, self._pressed = self._pressed, None
        if event.button() != Qt.MouseButton.LeftButton or found is None:
            return
        index, number, line = found
        if pressed != (index.row() * DAYS + index.column(), number):
            return  # pressed on one line, released on another: no click
        if line.item is None:
            self.day_opened.emit(self.month_model().day(index))
        elif line.item.application_id is not None:
            self.entry_activated.emit(line.item)

    # -- keyboard ------------------------------------------------------------------------------

    def current_day(self) -> dt.date | None:
        """The day with the keyboard focus."""
        index = self.currentIndex()
        return self.month_model().day(index) if index.isValid() else None

    def select_day(self, day: dt.date) -> None:
        """Put the keyboard focus (and the selection) on ``day`` if it is shown."""
        index = self.month_model().index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.current_day()
        key = event.key()
        if day is None:
            super().keyPressEvent(event)
            return
        model = self.month_model()
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                Qt.Key.Key_Down: 7}.get(Qt.Key(key))
        if step is not None and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) \
                and self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            step = -step
        target: dt.date | None = None
        if step is not None:
            target = day + dt.timedelta(days=step)
        elif key == Qt.Key.Key_PageUp:
            target = add_months(day, -1)
        elif key == Qt.Key.Key_PageDown:
            target = add_months(day, 1)
        elif key == Qt.Key.Key_Home:
            target = day.replace(day=1)
        elif key == Qt.Key.Key_End:
            target = add_months(day.replace(day=1), 1) - dt.timedelta(days=1)
        elif key == Qt.Key.Key_T and not event.modifiers():
            target = model.today
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_day(day)
            return
        if target is None:
            super().keyPressEvent(event)
            return
        if model.in_month(target):
            self.select_day(target)
        else:
            self.date_requested.emit(target)

    def keyboardSearch(self, search: str) -> None:
        """No type-to-find: every cell's text is a day number."""

    def open_day(self, day: dt.date) -> None:
        """Enter on a day: open its one application, or list its entries to choose from."""
        items = self.month_model().items_on(day)
        openable = [item for item in items if item.application_id is not None]
        if len(items) == 1 and openable:
            self.entry_activated.emit(openable[0])
        elif items:
            self.day_opened.emit(day)

    # -- sizes ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_header()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_header()

    def fit_header(self) -> None:
        """Long weekday names when the longest fits its column, else the short ones."""
        model = self.model()
        if not isinstance(model, MonthModel):
            return
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        locale = QLocale()
        widest = max(metrics.horizontalAdvance(locale.standaloneDayName(
            day, locale.FormatType.LongFormat)) for day in range(1, 8))
        column = self.viewport().width() // DAYS
        model.set_long_names(widest + 2 * metrics.averageCharWidth() <= column)
