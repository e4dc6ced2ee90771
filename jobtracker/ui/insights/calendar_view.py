"""The calendar: a month grid of interviews and due tasks, or the agenda from a day on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from jobtracker.tracker import CalendarItem
from jobtracker.ui.insights.agenda import AgendaList, AgendaModel
from jobtracker.ui.insights.calendar_look import line_text, long_day, tooltip_text
from jobtracker.ui.insights.month_grid import MonthGrid, MonthModel, add_months, first_cell
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_date, plain_tooltip
from jobtracker.ui.widgets.lazy_view import LazyView

MONTH, AGENDA = "month", "agenda"
# A menu line is a glance; the tooltip and the application have the rest.
MENU_TEXT_WIDTH_CHARS = 60
# A busy day lists this many in its menu; the agenda, made for long lists, has them all.
MENU_ENTRIES = 25


class CalendarView(LazyView):
    """Month grid or agenda of interviews and dated tasks; a click opens the application."""

    activated = Signal(int)  # application id

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 zone: dt.tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self.zone = zone  # None: the machine's own zone, as everywhere else in the app
        shown = today()
        self.year, self.month = shown.year, shown.month
        self.mode = MONTH
        self.day_menu: QMenu | None = None

        # The toolbar: Today ‹ › and the month's name; Month / Agenda on the right.
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setToolTip(self.tr("Show the current month (T)"))
        self.today_button.clicked.connect(self.go_today)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("‹")
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.prev_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.title = QLabel(self)
        self.title.setObjectName("calendarTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.month_button = QPushButton(self.tr("Month"), self)
        self.agenda_button = QPushButton(self.tr("Agenda"), self)
        self.modes = QButtonGroup(self)
        for button, mode in ((self.month_button, MONTH), (self.agenda_button, AGENDA)):
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.modes.addButton(button)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
        self.month_button.setChecked(True)
        self.modes.buttonToggled.connect(lambda *_: self._fit_fonts())
        self.month_button.setToolTip(self.tr("Every day of the month"))
        self.agenda_button.setToolTip(self.tr("A list of what is planned, day by day"))
        self.today_button.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.month_button)
        bar.addSpacing(0)
        bar.addWidget(self.agenda_button)

        # What a month with nothing in it says, above the (still useful) empty grid.
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("calendarEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.month_model = MonthModel(self)
        self.grid = MonthGrid(self)
        self.grid.setModel(self.month_model)
        self.grid.entry_activated.connect(self._open)
        self.grid.day_opened.connect(self.show_day_menu)
        self.grid.date_requested.connect(self.show_date)

        self.agenda_model = AgendaModel(self)
        self.agenda = AgendaList(self)
        self.agenda.setModel(self.agenda_model)
        self.agenda.entry_chosen.connect(self._open_row)
        self.agenda_empty = QLabel(self)
        self.agenda_empty.setObjectName("agendaEmpty")
        self.agenda_empty.setTextFormat(Qt.TextFormat.PlainText)
        self.agenda_empty.setWordWrap(True)
        self.agenda_empty.hide()

        agenda_page = QWidget(self)
        agenda_column = QVBoxLayout(agenda_page)
        agenda_column.setContentsMargins(0, 0, 0, 0)
        agenda_column.addWidget(self.agenda_empty)
        agenda_column.addWidget(self.agenda, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.grid)
        self.pages.addWidget(agenda_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.grid)
        self._fit_fonts()
        editor.changed.connect(self.reload)

    def _fit_fonts(self) -> None:
        """Sizes and weights that follow the text size (set again when it changes)."""
        # Only the weight (or the size) is set: the rest still comes from the window, so the
        # app's text scale reaches these too.
        bold = QFont()
        bold.setBold(True)
        for arrow in (self.prev_button, self.next_button):
            arrow.setFont(bold)
            # Square buttons as tall as the Today button.
            side = self.today_button.sizeHint().height()
            arrow.setMinimumSize(side, side)
        title = QFont()
        title.setBold(True)
        own = self.font()
        if own.pointSizeF() > 0:
            title.setPointSizeF(own.pointSizeF() * 1.35)
        else:  # a font set in pixels (some platform themes)
            title.setPixelSize(round(own.pixelSize() * 1.35))
        self.title.setFont(title)
        # The chosen mode in bold: Fusion's pressed look alone is faint on the dark theme.
        for button in (self.month_button, self.agenda_button):
            button.setFont(bold if button.isChecked() else QFont())
            wide = QFontMetrics(bold.resolve(button.font())).horizontalAdvance(button.text())
            button.setMinimumWidth(wide + 24)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_fonts()

    # -- reading -------------------------------------------------------------------------------

    def refresh_now(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the shown month (one query), and the agenda when it is shown."""
        self._stale = False
        keep = self.grid.current_day()
        self._read_month(keep if keep is not None and self.month_model.in_month(keep) else None)
        if self.mode == AGENDA:
            self._read_agenda()

    def _fetch(self, first: dt.date, last: dt.date) -> list[CalendarItem]:
        return self.editor.tracker.calendar_items(first, last, zone=self.zone)

    def _read_month(self, select: dt.date | None = None) -> None:
        locale = QLocale()
        first_weekday = locale.firstDayOfWeek().value
        weekend = frozenset(range(1, 8)) - frozenset(day.value for day in locale.weekdays())
        today = self._today()
        start = first_cell(self.year, self.month, first_weekday)
        items = self._fetch(start, start + dt.timedelta(days=41))
        self.month_model.set_month(self.year, self.month, items, today=today,
                                   first_weekday=first_weekday, weekend=weekend,
                                   zone=self.zone)
        self.grid.fit_header()
        if select is None:
            select = today if (today.year, today.month) == (self.year, self.month) else (
                dt.date(self.year, self.month, 1))
        self.grid.select_day(select)
        self.title.setText(self.month_title())
        self.title.setAccessibleName(self.month_title())
        empty = not self.month_model.month_items()
        self.empty_label.setText(self.tr(
            "No interviews or tasks in %1 — add an interview from an application's "
            "Interviews tab").replace("%1", self.month_name()) if empty else "")
        self.empty_label.setVisible(empty and self.mode == MONTH)

    def _read_agenda(self) -> None:
        start = self.grid.current_day() or dt.date(self.year, self.month, 1)
        self.agenda_model.reset(start, self._fetch, today=self._today(), zone=self.zone)
        empty = self.agenda_model.rowCount() == 0
        self.agenda_empty.setText(self.tr(
            "Nothing planned in the year from %1 — add an interview from an application's "
            "Interviews tab").replace("%1", format_date(start)) if empty else "")
        self.agenda_empty.setVisible(empty)
        row = self.agenda.first_entry_row()
        if row is not None:
            self.agenda.setCurrentIndex(self.agenda_model.index(row, 0))
            self.agenda.scrollToTop()

    # -- what is shown -------------------------------------------------------------------------

    def month_name(self) -> str:
        """``December`` (in the user's language, as it stands alone)."""
        return QLocale().standaloneMonthName(self.month, QLocale.FormatType.LongFormat)

    def month_title(self) -> str:
        """``December 2026``."""
        return f"{self.month_name()} {self.year}"

    def show_month(self, year: int, month: int, select: dt.date | None = None) -> None:
        """Show ``month`` of ``year`` (reading it now), with ``select`` as the chosen day."""
        self.year, self.month = year, month
        self._stale = False
        self._read_month(select)
        if self.mode == AGENDA:
            self._read_agenda()

    def show_date(self, day: dt.date) -> None:
        """Show the month of ``day`` with ``day`` chosen."""
        self.show_month(day.year, day.month, day)

    def step(self, months: int) -> None:
        """Go ``months`` months forward (negative: back), keeping the chosen day's number."""
        chosen = self.grid.current_day() or dt.date(self.year, self.month, 1)
        if not self.month_model.in_month(chosen):
            chosen = dt.date(self.year, self.month, 1)
        self.show_date(add_months(chosen, months))

    def go_today(self) -> None:
        """Back to today's month, today chosen."""
        self.show_date(self._today())

    def set_mode(self, mode: str) -> None:
        """Show the month grid (``month``) or the agenda (``agenda``)."""
        self.mode = mode
        (self.month_button if mode == MONTH else self.agenda_button).setChecked(True)
        if mode == AGENDA:
            self._read_agenda()
            self.pages.setCurrentIndex(1)
            self.empty_label.hide()
            self.setFocusProxy(self.agenda)
        else:
            self.pages.setCurrentIndex(0)
            self.empty_label.setVisible(bool(self.empty_label.text()))
            self.setFocusProxy(self.grid)

    def show_agenda_from(self, day: dt.date) -> None:
        """Switch to the agenda, starting at ``day``."""
        if not self.month_model.in_month(day):
            self.show_date(day)
        self.grid.select_day(day)
        self.set_mode(AGENDA)

    # -- opening -------------------------------------------------------------------------------

    def _open(self, item: CalendarItem) -> None:
        if item.application_id is not None:
            self.activated.emit(item.application_id)

    def _open_row(self, index: QModelIndex) -> None:
        item = self.agenda_model.item(index.row()) if index.isValid() else None
        if item is not None:
            self._open(item)

    def show_day_menu(self, day: dt.date) -> QMenu:
        """List a day's entries in a menu under its cell; choosing one opens it."""
        if self.day_menu is not None:
            self.day_menu.close()
            self.day_menu.deleteLater()
        menu = QMenu(self)
        menu.setObjectName("calendarDayMenu")
        menu.setToolTipsVisible(True)
        heading = QLabel(long_day(day), menu)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setContentsMargins(8, 4, 8, 4)
        title = QWidgetAction(menu)
        title.setDefaultWidget(heading)
        menu.addAction(title)
        metrics = menu.fontMetrics()
        limit = metrics.averageCharWidth() * MENU_TEXT_WIDTH_CHARS
        items = self.month_model.items_on(day)
        for item in items[:MENU_ENTRIES]:
            text = metrics.elidedText(line_text(item, self.zone), Qt.TextElideMode.ElideRight,
                                      limit)
            action = menu.addAction(text.replace("&", "&&"))  # a title's & is no mnemonic
            action.setToolTip(plain_tooltip(tooltip_text(item, self.zone)))
            action.triggered.connect(lambda _checked=False, i=item: self._open(i))
        if len(items) > MENU_ENTRIES:
            menu.addSeparator()
            everything = menu.addAction(self.tr("Show all %1 in the agenda").replace(
                "%1", str(len(items))))
            everything.triggered.connect(lambda: self.show_agenda_from(day))
        index = self.month_model.index_of(day)
        rect = self.grid.visualRect(index)
        menu.popup(self.grid.viewport().mapToGlobal(rect.topLeft()))
        self.day_menu = menu
        return menu
