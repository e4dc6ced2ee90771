"""The board, Today, dashboard and calendar views: plain builders the main window calls lazily."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance

from jobtracker.tracker import ApplicationFilter
from jobtracker.ui.undo_commands import Editor

if TYPE_CHECKING:
    # Imported by each builder when it runs: start-up pays only for the Applications view
    # (cold start at 50,000 applications).
    from jobtracker.ui.applications.board_view import BoardView
    from jobtracker.ui.insights.calendar_view import CalendarView
    from jobtracker.ui.insights.dashboard_view import DashboardView
    from jobtracker.ui.insights.today_view import TodayView

# Sidebar names of these views, in order, between the window's Applications and Contacts.
VIEW_NAMES = ("board", "today", "dashboard", "calendar")

# What the builders share: ``reload_on`` is the signal after which a view re-reads (the
# applications table's reset: the data, the filters or the search changed); ``status`` shows a
# message; ``open_application`` shows an application in the Applications view.


def build_board(editor: Editor, filters: Callable[[], ApplicationFilter], *,
                today: Callable[[], dt.date], stale_days: Callable[[], int],
                follow_up_days: Callable[[int], int], reload_on: SignalInstance,
                status: Callable[[str], object],
                open_application: Callable[[int], object],
                edit_application: Callable[[int], object] | None = None,
                selection_changed: Callable[[], object] | None = None) -> BoardView:
    """The board: a column per stage, holding the applications ``filters`` selects."""
    from jobtracker.ui.applications.board_view import BoardView

    board = BoardView(editor, filters, today=today, stale_days=stale_days,
                      follow_up_days=follow_up_days, edit=edit_application)
    board.message.connect(status)
    board.activated.connect(open_application)
    if selection_changed is not None:
        # The window's Delete acts on the selected card while the board shows.
        board.selected.connect(lambda _application_id: selection_changed())
    # The table's filters and search are the board's: any reset of the table re-reads it.
    reload_on.connect(board.reload)
    return board


def build_today(editor: Editor, *, today: Callable[[], dt.date],
                no_reply_days: Callable[[], int], reload_on: SignalInstance,
                status: Callable[[str], object],
                open_application: Callable[[int], object]) -> TodayView:
    """Today: overdue follow-ups, upcoming interviews, open tasks and silent applications."""
    from jobtracker.ui.insights.today_view import TodayView

    view = TodayView(editor, today=today, no_reply_days=no_reply_days)
    view.activated.connect(open_application)
    view.message.connect(status)
    reload_on.connect(view.reload)
    return view


def build_dashboard(editor: Editor, *, today: Callable[[], dt.date],
                    reload_on: SignalInstance) -> DashboardView:
    """The dashboard: headline numbers and charts over a chosen date range."""
    from jobtracker.ui.insights.dashboard_view import DashboardView

    dashboard = DashboardView(editor, today=today)
    editor.changed.connect(dashboard.reload)
    reload_on.connect(dashboard.reload)
    return dashboard


def build_calendar(editor: Editor, *, today: Callable[[], dt.date], reload_on: SignalInstance,
                   open_application: Callable[[int], object]) -> CalendarView:
    """The calendar: interview and task days marked, and the agenda from a chosen day."""
    from jobtracker.ui.insights.calendar_view import CalendarView

    calendar = CalendarView(editor, today=today)
    calendar.activated.connect(open_application)
    reload_on.connect(calendar.reload)
    return calendar
