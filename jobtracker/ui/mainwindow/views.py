"""The board, Today, dashboard and calendar views, added to the main window's sidebar and menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QMenu, QWidget

from jobtracker.ui.mainwindow.exports import export_ics_dialog, export_vcards_dialog
from jobtracker.ui.mainwindow.reminders import ReminderNotifier
from jobtracker.ui.widgets.icons import themed_icon

if TYPE_CHECKING:
    from jobtracker.ui.applications.board_view import BoardView
    from jobtracker.ui.insights.calendar_view import CalendarView
    from jobtracker.ui.insights.dashboard_view import DashboardView
    from jobtracker.ui.insights.today_view import TodayView
    from jobtracker.ui.mainwindow.main_window import MainWindow

# Sidebar names of these views, in order, between the window's Applications and Contacts.
VIEW_NAMES = ("board", "today", "dashboard", "calendar")
# The role of a sidebar item holding its view name (what the settings save).
ViewRole = Qt.ItemDataRole.UserRole


class Workspace(QObject):
    """Adds the extra views to the window and keeps them in step with its data and filters.

    Each view is built (and its module imported) the first time it is shown or asked for:
    until then its page in the window's stack is an empty placeholder, so start-up pays only
    for the Applications view (issue 8: cold start at 50,000 applications).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._built: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        pages: list[tuple[str, str]] = [
            ("board", self.tr("Board")),
            ("today", self.tr("Today")),
            ("dashboard", self.tr("Dashboard")),
            ("calendar", self.tr("Calendar")),
        ]
        # Right after Applications, in the sidebar, the stack of pages and the View menu.
        view_menu = _menu_of(window.view_actions[0])
        before = window.view_actions[1]  # Contacts
        for number, (name, label) in enumerate(pages, start=1):
            placeholder = QWidget()
            placeholder.setObjectName(f"{name}Placeholder")
            self._placeholders[name] = placeholder
            window.pages.insertWidget(number, placeholder)
            item = QListWidgetItem(themed_icon(name), label)
            item.setData(ViewRole, name)
            window.sidebar.insertItem(number, item)
            action = QAction(label, window)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: window.show_view(n))
            if view_menu is not None:
                view_menu.insertAction(before, action)
            window.view_actions.insert(number, action)
        # Ctrl+Alt+1, 2, ... follow the sidebar's order.
        window.view_actions.sort(key=lambda a: window.view_row(str(a.data())))
        for number, action in enumerate(window.view_actions, start=1):
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
        window.sidebar.setFixedWidth(max(150, window.sidebar.sizeHintForColumn(0) + 24))

        # File ▸ Export, just before Quit.
        self.export_ics_action = QAction(themed_icon("export"),
                                         self.tr("Export Interviews to Calendar (.ics)…"), window)
        self.export_ics_action.triggered.connect(
            lambda: export_ics_dialog(window, window.tracker))
        self.export_vcard_action = QAction(self.tr("Export Contacts (vCard)…"), window)
        self.export_vcard_action.triggered.connect(
            lambda: export_vcards_dialog(window, window.tracker))
        file_menu = _menu_of(window.quit_action)
        if file_menu is not None:
            file_menu.insertActions(window.quit_action, [self.export_ics_action,
                                                         self.export_vcard_action])
            file_menu.insertSeparator(window.quit_action)

        # Reminders: a tray notification when something falls due while the app runs.
        self.reminders = ReminderNotifier(window.editor, window.windowIcon(),
                                          no_reply_days=window.settings.no_reply_days,
                                          parent=self)
        self.reminders.clicked.connect(self.show_today)
        self.reminders.notified.connect(
            lambda title, text: window.statusBar().showMessage(f"{title}: {text}", 10_000))
        self.reminders.start()

    # -- the views, built on first use ---------------------------------------------------------

    @property
    def board(self) -> BoardView:
        """The board (built now if it was not yet)."""
        from jobtracker.ui.applications.board_view import BoardView

        view = self.view("board")
        assert isinstance(view, BoardView)
        return view

    @property
    def today(self) -> TodayView:
        """The Today view (built now if it was not yet)."""
        from jobtracker.ui.insights.today_view import TodayView

        view = self.view("today")
        assert isinstance(view, TodayView)
        return view

    @property
    def dashboard(self) -> DashboardView:
        """The dashboard (built now if it was not yet)."""
        from jobtracker.ui.insights.dashboard_view import DashboardView

        view = self.view("dashboard")
        assert isinstance(view, DashboardView)
        return view

    @property
    def calendar(self) -> CalendarView:
        """The calendar (built now if it was not yet)."""
        from jobtracker.ui.insights.calendar_view import CalendarView

        view = self.view("calendar")
        assert isinstance(view, CalendarView)
        return view

    def is_built(self, name: str) -> bool:
        """Whether the view called ``name`` exists yet."""
        return name in self._built

    def view(self, name: str) -> QWidget:
        """The view called ``name`` (one of ``VIEW_NAMES``), built now if it was not yet."""
        view = self._built.get(name)
        if view is None:
            view = self._build(name)
            view.setObjectName(name)
            self._built[name] = view
            # In the placeholder's place: the stack's order is the sidebar's.
            pages = self.window.pages
            placeholder = self._placeholders.pop(name)
            current = pages.currentWidget() is placeholder
            pages.insertWidget(pages.indexOf(placeholder), view)
            if current:
                pages.setCurrentWidget(view)
            pages.removeWidget(placeholder)
            placeholder.deleteLater()
        return view

    def _build(self, name: str) -> QWidget:
        window = self.window
        model = window.applications.model
        if name == "board":
            from jobtracker.ui.applications.board_view import BoardView

            board = BoardView(window.editor, lambda: model.filters,
                              today=window.tracker.today,
                              stale_days=window.settings.no_reply_days,
                              follow_up_days=window.settings.stage_follow_up_days)
            board.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
            board.activated.connect(self.open_application)
            # The table's filters and search are the board's: any reset of the table re-reads it.
            model.modelReset.connect(board.reload)
            return board
        if name == "today":
            from jobtracker.ui.insights.today_view import TodayView

            today = TodayView(window.editor, today=window.tracker.today,
                              no_reply_days=window.settings.no_reply_days)
            today.activated.connect(self.open_application)
            today.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
            model.modelReset.connect(today.reload)
            return today
        if name == "dashboard":
            from jobtracker.ui.insights.dashboard_view import DashboardView

            dashboard = DashboardView(window.editor, today=window.tracker.today)
            window.editor.changed.connect(dashboard.reload)
            model.modelReset.connect(dashboard.reload)
            return dashboard
        if name == "calendar":
            from jobtracker.ui.insights.calendar_view import CalendarView

            calendar = CalendarView(window.editor, today=window.tracker.today)
            calendar.activated.connect(self.open_application)
            model.modelReset.connect(calendar.reload)
            return calendar
        raise KeyError(name)

    def show_today(self) -> None:
        """Bring the window up on the Today view (a reminder was clicked)."""
        self.window.show_view("today")
        self.window.showNormal()
        self.window.activateWindow()

    def open_application(self, application_id: int) -> None:
        """Show an application in the Applications view with its details."""
        window = self.window
        window.show_view("applications")
        if not window.applications.select_id(application_id):
            window.detail.show_application(application_id)


def _menu_of(action: QAction) -> QMenu | None:
    """The menu an action was added to."""
    return next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)
