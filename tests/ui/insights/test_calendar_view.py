"""The calendar (month grid and agenda), the .ics and vCard exports, and tray reminders."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from jobtracker.demo import populate
from jobtracker.tracker import (
    ApplicationInput,
    ContactInput,
    InterviewInput,
    TodayItem,
    TodayList,
    Tracker,
)
from jobtracker.ui.insights.calendar_look import TASK_OPEN, CalendarColors, tooltip_text
from jobtracker.ui.insights.calendar_view import MENU_ENTRIES, CalendarView
from jobtracker.ui.insights.month_grid import (
    DAYS,
    WEEKS,
    InMonthRole,
    TodayRole,
    metrics_of,
    text_inset,
)
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.reminders import ReminderNotifier, due_reminders
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.contrast import GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast_ratio
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.helpers import NOW, TODAY

# Popup menus on the offscreen platform say so; nothing is wrong with them.
POPUP_NOISE = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                        "does not support raise",
                                        "does not support grabbing the keyboard")

# TODAY is Saturday 28 November 2026; in a Monday-first month grid November starts on
# Monday 26 October.
MONDAY = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def british_locale() -> Iterator[None]:
    """Weeks start on Monday and weekday names are English, whatever the machine says."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def make_view(qtbot: QtBot, tracker: Tracker, *, zone: dt.tzinfo | None = dt.UTC,
              size: tuple[int, int] = (1400, 900)) -> CalendarView:
    """A calendar on its own over ``tracker``, shown at ``size``, read."""
    view = CalendarView(Editor(tracker), today=lambda: TODAY, zone=zone)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    return view


def app_with_interview(tracker: Tracker, company: str, kind: str, starts: dt.datetime,
                       title: str = "Dev") -> int:
    app_id = tracker.add_application(ApplicationInput(title, company, stage="Interviewing"))
    tracker.add_interview(app_id, InterviewInput(kind, starts, location="Office"))
    return app_id


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def cell_texts(view: CalendarView, day: dt.date) -> list[str]:
    index = view.month_model.index_of(day)
    assert index.isValid()
    return [line.text for line in view.grid.cell_layout(index).lines]


def click_line(qtbot: QtBot, view: CalendarView, day: dt.date, number: int) -> None:
    line = view.grid.cell_layout(view.month_model.index_of(day)).lines[number]
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=line.rect.center())


# -- the month ----------------------------------------------------------------------------------


def test_days_show_their_interviews_and_tasks(qtbot: QtBot, ui_tracker: Tracker) -> None:
    app_id = app_with_interview(ui_tracker, "Acme", "Tech screen", at(MONDAY, 14, 30))
    ui_tracker.add_task("Send references", due_on=MONDAY, application_id=app_id)
    ui_tracker.add_task("Update the portfolio", due_on=TODAY)  # about the search in general
    view = make_view(qtbot, ui_tracker)
    ModelTester(None).check(view.month_model, force_py=True)
    assert view.title.text() == "November 2026"
    assert view.month_model.rowCount() == WEEKS and view.month_model.columnCount() == DAYS
    assert view.month_model.start == dt.date(2026, 10, 26)  # the Monday before the 1st
    assert cell_texts(view, MONDAY) == ["14:30 Acme — Tech screen", f"{TASK_OPEN} Send references"]
    assert cell_texts(view, TODAY) == [f"{TASK_OPEN} Update the portfolio"]
    spoken = view.month_model.data(view.month_model.index_of(MONDAY),
                                   Qt.ItemDataRole.AccessibleTextRole)
    assert "Monday 30 November 2026" in spoken and "Tech screen interview" in spoken
    headers = [view.month_model.headerData(c, Qt.Orientation.Horizontal) for c in range(DAYS)]
    assert headers[0] in ("Monday", "Mon") and headers[6] in ("Sunday", "Sun")
    # The cells themselves are not clipped: every line is inside its day.
    index = view.month_model.index_of(MONDAY)
    cell = view.grid.visualRect(index)
    assert all(cell.contains(line.rect) for line in view.grid.cell_layout(index).lines)
    assert not view.empty_label.isVisible()


def test_the_week_starts_as_the_locale_says(qtbot: QtBot, ui_tracker: Tracker) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    view = make_view(qtbot, ui_tracker)
    assert view.month_model.start == dt.date(2026, 11, 1)  # November 2026 begins on a Sunday
    assert view.month_model.headerData(0, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.AccessibleTextRole) == "Sunday"


@POPUP_NOISE
def test_a_full_day_ends_with_more_and_lists_them_all(qtbot: QtBot, ui_tracker: Tracker) -> None:
    ids = [app_with_interview(ui_tracker, f"Company {n:02}", "Screen", at(MONDAY, 8 + n // 2,
                                                                           30 * (n % 2)))
           for n in range(12)]
    view = make_view(qtbot, ui_tracker)
    lines = view.grid.cell_layout(view.month_model.index_of(MONDAY)).lines
    shown = len(lines) - 1
    assert 1 <= shown < 12
    assert lines[-1].item is None and lines[-1].text == f"+{12 - shown} more"
    assert [line.text for line in lines[:2]] == ["08:00 Company 00 — Screen",
                                                 "08:30 Company 01 — Screen"][:shown]
    click_line(qtbot, view, MONDAY, shown)  # "+N more" lists the day
    menu = view.day_menu
    assert menu is not None and menu.isVisible()
    entries = [a for a in menu.actions() if a.text() and not a.isSeparator()]
    assert len(entries) == 12 and entries[5].text() == "10:30 Company 05 — Screen"
    with qtbot.waitSignal(view.activated) as opened:
        entries[5].trigger()
    assert opened.args == [ids[5]]
    menu.close()


@POPUP_NOISE
def test_a_very_busy_day_offers_the_agenda(qtbot: QtBot, ui_tracker: Tracker) -> None:
    app_id = ui_tracker.add_application(ApplicationInput("Dev", "Acme"))
    for n in range(MENU_ENTRIES + 5):
        ui_tracker.add_task(f"Step {n}", due_on=MONDAY, application_id=app_id)
    view = make_view(qtbot, ui_tracker)
    menu = view.show_day_menu(MONDAY)
    last = menu.actions()[-1]
    assert last.text() == f"Show all {MENU_ENTRIES + 5} in the agenda"
    last.trigger()
    assert view.mode == "agenda" and view.agenda_model.days()[0] == MONDAY
    assert view.agenda_model.rowCount() == 1 + MENU_ENTRIES + 5
    menu.close()


@POPUP_NOISE
def test_clicking_an_entry_opens_its_application(qtbot: QtBot, ui_tracker: Tracker) -> None:
    first = app_with_interview(ui_tracker, "Acme", "Tech screen", at(MONDAY, 9))
    second = app_with_interview(ui_tracker, "Globex", "Onsite", at(MONDAY, 13))
    ui_tracker.add_task("Call back", due_on=TODAY)  # no application to open
    view = make_view(qtbot, ui_tracker)
    with qtbot.waitSignal(view.activated) as opened:
        click_line(qtbot, view, MONDAY, 1)
    assert opened.args == [second]
    with qtbot.assertNotEmitted(view.activated):
        click_line(qtbot, view, TODAY, 0)
    # Enter on a day with one entry opens it; on a busier day it lists them.
    ui_tracker.add_task("Thank-you note", due_on=MONDAY + dt.timedelta(days=1),
                        application_id=first)
    view.load()
    view.grid.setFocus()
    view.grid.select_day(MONDAY + dt.timedelta(days=1))
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert opened.args == [first]
    view.grid.select_day(MONDAY)
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert view.day_menu is not None and view.day_menu.isVisible()
    view.day_menu.close()


def test_entries_have_tooltips_with_details(qtbot: QtBot, ui_tracker: Tracker) -> None:
    app_id = ui_tracker.add_application(ApplicationInput("Dev", "Acme", stage="Interviewing"))
    ui_tracker.add_interview(app_id, InterviewInput(
        "Technical", at(MONDAY, 14, 30), timezone="America/New_York", duration_minutes=90,
        meeting_url="https://meet.example.com/abc", interviewers="Dana Fischer"))
    view = make_view(qtbot, ui_tracker)
    item = view.month_model.items_on(MONDAY)[0]
    text = tooltip_text(item, view.zone)
    assert "Technical interview" in text and "14:30–16:00" in text
    assert "(09:30 in America/New_York)" in text
    assert "Acme — Dev · Interviewing" in text and "Where: https://meet.example.com/abc" in text
    assert "With: Dana Fischer" in text


def test_month_navigation_reads_one_month_per_query(qtbot: QtBot, ui_tracker: Tracker) -> None:
    app_with_interview(ui_tracker, "Acme", "Onsite", at(dt.date(2026, 12, 15), 10))
    view = make_view(qtbot, ui_tracker)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(ui_tracker.db.engine, "before_cursor_execute", seen)
    try:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    finally:
        event.remove(ui_tracker.db.engine, "before_cursor_execute", seen)
    assert view.title.text() == "December 2026"
    assert len(statements) == 1 and "UNION ALL" in statements[0]  # interviews and tasks
    assert cell_texts(view, dt.date(2026, 12, 15)) == ["10:00 Acme — Onsite"]
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == "October 2026"
    assert (view.month_model.year, view.month_model.month) == (2026, 10)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == "November 2026" and view.grid.current_day() == TODAY
    # The keyboard: Page Down is the next month; arrows walk across the month's edge.
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert view.title.text() == "December 2026" and view.grid.current_day() == dt.date(
        2026, 12, 28)
    qtbot.keyClick(view.grid, Qt.Key.Key_Home)
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    assert view.title.text() == "November 2026" and view.grid.current_day() == dt.date(
        2026, 11, 30)
    qtbot.keyClick(view.grid, Qt.Key.Key_Down)
    assert view.title.text() == "December 2026" and view.grid.current_day() == dt.date(
        2026, 12, 7)
    qtbot.keyClick(view.grid, Qt.Key.Key_T)
    assert view.grid.current_day() == TODAY


def test_today_is_marked(qtbot: QtBot, ui_tracker: Tracker) -> None:
    view = make_view(qtbot, ui_tracker)
    today = view.month_model.index_of(TODAY)
    assert today.data(TodayRole) is True
    assert view.month_model.index_of(MONDAY).data(TodayRole) is False
    assert view.month_model.index(0, 0).data(InMonthRole) is False  # 26 October
    assert "today" in today.data(Qt.ItemDataRole.AccessibleTextRole)


def test_an_empty_month_says_so(qtbot: QtBot, ui_tracker: Tracker) -> None:
    view = make_view(qtbot, ui_tracker)
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == ("No interviews or tasks in November — add an interview "
                                       "from an application's Interviews tab")
    view.step(1)
    assert "in December —" in view.empty_label.text()
    view.set_mode("agenda")
    assert view.agenda_empty.isVisible() and not view.empty_label.isVisible()
    assert view.agenda_empty.text().startswith("Nothing planned in the year from")
    assert view.agenda_model.exhausted


# -- local time -----------------------------------------------------------------------------------


def test_interview_times_show_in_local_time(qtbot: QtBot, ui_tracker: Tracker) -> None:
    # 20:00 UTC on Monday 30 November is 05:00 on Tuesday 1 December in Tokyo.
    app_with_interview(ui_tracker, "Acme", "Tech screen", at(MONDAY, 20))
    view = make_view(qtbot, ui_tracker, zone=ZoneInfo("Asia/Tokyo"))
    assert cell_texts(view, MONDAY) == []
    assert cell_texts(view, dt.date(2026, 12, 1)) == ["05:00 Acme — Tech screen"]


def test_the_machine_zone_is_the_default(qtbot: QtBot, ui_tracker: Tracker) -> None:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"  # UTC-8 in November
    time.tzset()
    try:
        app_with_interview(ui_tracker, "Acme", "Tech screen", at(MONDAY, 3))
        view = make_view(qtbot, ui_tracker, zone=None)
        assert cell_texts(view, dt.date(2026, 11, 29)) == ["19:00 Acme — Tech screen"]
        assert cell_texts(view, MONDAY) == []
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


# -- the agenda -----------------------------------------------------------------------------------


def test_agenda_lists_entries_by_day_from_today(qtbot: QtBot, ui_tracker: Tracker) -> None:
    acme = app_with_interview(ui_tracker, "Acme", "Tech screen", at(MONDAY, 14, 30))
    globex = app_with_interview(ui_tracker, "Globex", "Onsite", at(MONDAY, 9))
    app_with_interview(ui_tracker, "Initech", "Phone", at(TODAY - dt.timedelta(days=3), 9))
    ui_tracker.add_task("Send references", due_on=TODAY, application_id=acme)
    far = dt.date(2027, 3, 3)  # months ahead: read as the list scrolls
    late = app_with_interview(ui_tracker, "Umbrella", "Final", at(far, 11))
    view = make_view(qtbot, ui_tracker)
    qtbot.mouseClick(view.agenda_button, Qt.MouseButton.LeftButton)
    model = view.agenda_model
    assert view.mode == "agenda" and view.pages.currentWidget() is not view.grid
    ModelTester(None).check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.days() == [TODAY, MONDAY, far]
    texts = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert texts[0] == "Today · Saturday 28 November 2026"
    assert texts[1] == f"{TASK_OPEN} Send references · Acme — Dev"
    assert texts[2] == "Monday 30 November 2026"
    assert texts[3].startswith("09:00 Globex — Onsite") and texts[4].startswith("14:30 Acme")
    # The keyboard goes entry to entry (headings are skipped) and Enter opens one.
    view.agenda.setFocus()
    assert view.agenda.currentIndex().row() == 1
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down)
    assert view.agenda.currentIndex().row() == 3
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    assert opened.args == [globex]
    row = texts.index(next(t for t in texts if "Umbrella" in t))
    view.agenda.scrollTo(model.index(row, 0))
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.mouseClick(view.agenda.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.agenda.visualRect(model.index(row, 0)).center())
    assert opened.args == [late]
    qtbot.mouseClick(view.month_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.grid


# -- size, text scale and contrast ---------------------------------------------------------------


def test_the_grid_fills_the_view(qtbot: QtBot, ui_tracker: Tracker) -> None:
    for n in range(8):
        app_with_interview(ui_tracker, f"Co {n}", "Screen", at(MONDAY, 8 + n))
    view = make_view(qtbot, ui_tracker, size=(760, 520))
    small_width, small_lines = view.grid.columnWidth(0), len(cell_texts(view, MONDAY))
    view.resize(1500, 1000)
    qtbot.waitUntil(lambda: view.grid.columnWidth(0) > small_width)
    viewport = view.grid.viewport()
    assert sum(view.grid.columnWidth(c) for c in range(DAYS)) >= viewport.width() - DAYS
    assert sum(view.grid.rowHeight(r) for r in range(WEEKS)) >= viewport.height() - WEEKS
    assert len(cell_texts(view, MONDAY)) > small_lines  # a bigger day shows more


@pytest.fixture(params=[1.0, 1.5, 2.0], ids=["100%", "150%", "200%"])
def text_scale(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application's text at 100%, 150% and 200%."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * request.param)
    app.setFont(scaled)
    yield request.param
    app.setFont(font)


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)],
                         ids=["1024x640", "1280x800", "1920x1080"])
def test_no_text_is_clipped(qtbot: QtBot, window: MainWindow, text_scale: float,
                            size: tuple[int, int]) -> None:
    tracker = window.tracker
    for n in range(8):
        app_with_interview(tracker, "Northgate Interactive", "System design interview",
                           at(MONDAY, 8 + n))
    tracker.add_task("Prepare for the technical at Northgate Interactive", due_on=TODAY)
    window.resize(*size)
    window.show_view("calendar")
    view = window.view("calendar")
    assert isinstance(view, CalendarView)
    qtbot.waitUntil(lambda: not view._stale)
    qtbot.wait(10)
    failures: list[str] = []
    # The toolbar: each label and button has the room its text needs.
    for widget in (view.title, view.today_button, view.month_button, view.agenda_button):
        need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
        if widget.contentsRect().width() < need:
            failures.append(f"{widget.text()!r}: {widget.contentsRect().width()} < {need}")
    # The weekday names fit their columns.
    header = view.grid.horizontalHeader()
    for column in range(DAYS):
        name = view.month_model.headerData(column, Qt.Orientation.Horizontal)
        if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(name):
            failures.append(f"header {name!r}")
    # Every day: its number and lines inside the cell, each line's text inside its line.
    metrics, bold = metrics_of(view.grid.font())
    inset = text_inset(metrics)
    for row in range(WEEKS):
        for column in range(DAYS):
            index = view.month_model.index(row, column)
            cell = view.grid.visualRect(index)
            layout = view.grid.cell_layout(index)
            if not cell.contains(layout.number_rect):
                failures.append(f"number of {view.month_model.day(index)}")
            if bold.horizontalAdvance("30") > layout.number_rect.width():
                failures.append("day number wider than its disc")
            for line in layout.lines:
                if not cell.contains(line.rect) or line.rect.height() < metrics.height():
                    failures.append(f"line {line.text!r} of {view.month_model.day(index)}")
                drawn_with = metrics if line.item is not None else bold  # "+N more" is bold
                if drawn_with.horizontalAdvance(line.text) > line.rect.width() - 2 * inset:
                    failures.append(f"text {line.text!r} wider than its line")
    if size == (1024, 640):
        assert cell_texts(view, MONDAY)[-1].startswith("+")  # eight do not fit in this day
    # The agenda: headings get a line, entries two (the delegate elides within them).
    view.set_mode("agenda")
    qtbot.wait(10)
    model, agenda = view.agenda_model, view.agenda
    lines = QFontMetrics(agenda.font()).height()
    for row in range(model.rowCount()):
        height = agenda.visualRect(model.index(row, 0)).height()
        if height < (lines if model.item(row) is None else 2 * lines):
            failures.append(f"agenda row {row}: {height} px for its text")
    assert model.rowCount() > 0
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_contrast_meets_wcag_aa(qtbot: QtBot, ui_tracker: Tracker, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        view = make_view(qtbot, ui_tracker)
        colors = view.grid.colors()
        assert colors == CalendarColors.of(view.grid.palette())
        backgrounds = {"day": colors.base, "weekend": colors.weekend,
                       "other month": colors.outside}
        failures: list[str] = []

        def check(what: str, first: Any, second: Any, minimum: float) -> None:
            ratio = contrast_ratio(first, second)
            if ratio < minimum:
                failures.append(f"{theme} {what}: {ratio:.2f}:1")

        check("day number", colors.text, colors.base, TEXT_CONTRAST)
        check("weekend day number", colors.text, colors.weekend, TEXT_CONTRAST)
        check("other month's day number", colors.outside_text, colors.outside, TEXT_CONTRAST)
        check("today's number on its disc", colors.accent_text, colors.accent, TEXT_CONTRAST)
        check("interview text", colors.text, colors.chip, TEXT_CONTRAST)
        check("hovered interview text", colors.text, colors.chip_hover, TEXT_CONTRAST)
        for name, ground in backgrounds.items():
            check(f"today's disc on a {name}", colors.accent, ground, GRAPHIC_CONTRAST)
            check(f"done task on a {name}", colors.muted_on(ground), ground, TEXT_CONTRAST)
            check(f"+N more on a {name}", colors.link_on(ground), ground, TEXT_CONTRAST)
        for name, ground in {"chip": colors.chip, "hovered chip": colors.chip_hover,
                             "chosen agenda entry": colors.selected}.items():
            check(f"interview bar on the {name}", colors.bar, ground, GRAPHIC_CONTRAST)
            check(f"text on the {name}", colors.text, ground, TEXT_CONTRAST)
            check(f"secondary text on the {name}", colors.muted_on(ground), ground,
                  TEXT_CONTRAST)
        # What is painted is these colours: a pixel of today's disc, a weekend and an
        # out-of-month day (away from any text).
        image = view.grid.viewport().grab().toImage()
        disc = view.grid.cell_layout(view.month_model.index_of(TODAY)).number_rect
        assert image.pixelColor(disc.center() + QPoint(0, disc.height() // 2 - 3)) == \
            colors.accent.toRgb()
        sunday = view.grid.visualRect(view.month_model.index_of(dt.date(2026, 11, 22)))
        assert image.pixelColor(sunday.center()) == colors.weekend.toRgb()
        october = view.grid.visualRect(view.month_model.index(0, 2))
        assert image.pixelColor(october.center()) == colors.outside.toRgb()
        assert not failures, "\n".join(failures)
    finally:
        apply_theme(app, "light")


# -- the read itself ------------------------------------------------------------------------------


def test_the_month_read_is_indexed(tracker: Tracker) -> None:
    populate(tracker, 300, seed=3)
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(tracker.db.engine, "before_cursor_execute", seen)
    try:
        items = tracker.calendar_items(dt.date(2026, 10, 26), dt.date(2026, 12, 6), zone=dt.UTC)
    finally:
        event.remove(tracker.db.engine, "before_cursor_execute", seen)
    assert items and {item.entry for item in items} == {"interview", "task"}
    [(statement, parameters)] = statements
    con = sqlite3.connect(tracker.db.path)
    try:
        steps = [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    finally:
        con.close()
    assert any(step.startswith("SEARCH interview USING INDEX ix_interview_starts_at")
               for step in steps), steps
    assert any(step.startswith("SEARCH task USING INDEX ix_task_due_on") for step in steps)
    assert not any(step.startswith("SCAN") for step in steps), steps


def test_the_month_read_keeps_local_days_and_skips_deleted(tracker: Tracker) -> None:
    kept = app_with_interview(tracker, "Acme", "Late call", at(MONDAY, 23, 30))
    gone = app_with_interview(tracker, "Gone", "Screen", at(MONDAY, 10))
    tracker.add_task("General", due_on=MONDAY)
    tracker.delete_application(gone)
    tokyo = ZoneInfo("Asia/Tokyo")
    assert [i.application_id for i in tracker.calendar_items(MONDAY, MONDAY, zone=dt.UTC)
            if i.entry == "interview"] == [kept]
    # 23:30 UTC is the next morning in Tokyo: that day's read has it, Monday's not.
    assert [i.entry for i in tracker.calendar_items(MONDAY, MONDAY, zone=tokyo)] == ["task"]
    tuesday = tracker.calendar_items(MONDAY + dt.timedelta(days=1),
                                     MONDAY + dt.timedelta(days=1), zone=tokyo)
    assert [(i.entry, i.label, i.company) for i in tuesday] == [
        ("interview", "Late call", "Acme")]


def test_export_actions_write_ics_and_vcards(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    tracker = window.tracker
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Interviewing"))
    tracker.add_interview(app_id, InterviewInput("Technical", NOW + dt.timedelta(days=1)))
    tracker.add_contact(ContactInput("Dana Fischer", "Acme", "Recruiter", "dana@example.com"))
    targets = iter([str(tmp_path / "interviews"), str(tmp_path / "people.vcf")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (next(targets), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    window.export_ics_action.trigger()
    ics = (tmp_path / "interviews.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VEVENT" in ics
    window.export_vcard_action.trigger()
    vcf = (tmp_path / "people.vcf").read_bytes()
    assert vcf.startswith(b"BEGIN:VCARD") and b"Dana Fischer" in vcf and b"\r\n" in vcf
    file_actions = window.quit_action.associatedObjects()
    assert file_actions  # the export actions sit in the File menu, before Quit


def item(kind: str, **fields: object) -> TodayItem:
    values: dict[str, object] = {"application_id": 1, "company": "Acme", "title": "Dev",
                                 "due": None, "starts_at": None, "stage": "Applied",
                                 "detail": None, "task_id": None, "interview_id": None}
    values.update(fields)
    return TodayItem(kind, **values)  # type: ignore[arg-type]


def test_due_reminders_pick_what_falls_due() -> None:
    soon = item("interview", starts_at=NOW + dt.timedelta(minutes=20), interview_id=4)
    later = item("interview", starts_at=NOW + dt.timedelta(hours=5), interview_id=5)
    task = item("task", application_id=None, title="Call", due=TODAY, task_id=7)
    future_task = item("task", title="Later", due=TODAY + dt.timedelta(days=1), task_id=8)
    follow = item("follow_up", due=TODAY - dt.timedelta(days=1))
    found = due_reminders(TodayList((follow,), (soon, later), (task, future_task), ()),
                          now=NOW, today=TODAY)
    assert [r.key.split(":")[0] for r in found] == ["interview", "task", "follow_up"]
    assert found[0].key.startswith("interview:4:")


def test_notifier_announces_only_what_is_new_and_works_without_a_tray(
        qtbot: QtBot, window: MainWindow) -> None:
    notifier = ReminderNotifier(window.editor, window.windowIcon(),
                                tray_available=lambda: False)
    assert notifier.tray is None
    tracker = window.tracker
    tracker.add_task("Old", due_on=TODAY)
    with qtbot.waitSignal(notifier.notified) as first:
        assert len(notifier.check()) == 1
    assert "1 things" in first.args[1]  # the first look sums up what is already due
    assert notifier.check() == []  # nothing new
    tracker.add_task("Call back", due_on=TODAY)
    with qtbot.waitSignal(notifier.notified) as new:
        [reminder] = notifier.check()
    assert reminder.text == "Call back" and new.args == ["Task due", "Call back"]
    notifier.deleteLater()
