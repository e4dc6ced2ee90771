"""The board, Today, dashboard and calendar views, added to the main window's sidebar and menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QMenu, QWidget

from jobtracker.ui.board_view import BoardView
from jobtracker.ui.calendar_view import CalendarView
from jobtracker.ui.dashboard_view import DashboardView
from jobtracker.ui.exports import export_ics_dialog, export_vcards_dialog
from jobtracker.ui.icons import themed_icon
from jobtracker.ui.reminders import ReminderNotifier
from jobtracker.ui.today_view import TodayView

if TYPE_CHECKING:
    from jobtracker.ui.main_window import MainWindow

# Sidebar names of these views, in order, between the window's Applications and Contacts.
VIEW_NAMES = ("board", "today", "dashboard", "calendar")
# The role of a sidebar item holding its view name (what the settings save).
ViewRole = Qt.ItemDataRole.UserRole


class Workspace(QObject):
    """Builds the extra views once and keeps them in step with the window's data and filters."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.board = BoardView(window.editor, lambda: window.applications.model.filters,
                               today=window.tracker.today,
                               stale_days=window.settings.no_reply_days,
                               follow_up_days=window.settings.stage_follow_up_days)
        self.board.setObjectName("board")
        self.board.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.board.activated.connect(self.open_application)
        # The table's filters and search are the board's: any reset of the table re-reads it.
        window.applications.model.modelReset.connect(self.board.reload)
        self.dashboard = DashboardView(window.editor, today=window.tracker.today)
        self.dashboard.setObjectName("dashboard")
        window.editor.changed.connect(self.dashboard.reload)
        window.applications.model.modelReset.connect(self.dashboard.reload)
        self.today = TodayView(window.editor, today=window.tracker.today,
                               no_reply_days=window.settings.no_reply_days)
        self.today.setObjectName("today")
        self.today.activated.connect(self.open_application)
        self.today.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        window.applications.model.modelReset.connect(self.today.reload)
        self.calendar = CalendarView(window.editor, today=window.tracker.today)
        self.calendar.setObjectName("calendar")
        self.calendar.activated.connect(self.open_application)
        window.applications.model.modelReset.connect(self.calendar.reload)
        pages: list[tuple[str, str, QWidget]] = [
            ("board", self.tr("Board"), self.board),
            ("today", self.tr("Today"), self.today),
            ("dashboard", self.tr("Dashboard"), self.dashboard),
            ("calendar", self.tr("Calendar"), self.calendar),
        ]
        # Right after Applications, in the sidebar, the stack of pages and the View menu.
        view_menu = _menu_of(window.view_actions[0])
        before = window.view_actions[1]  # Contacts
        for number, (name, label, page) in enumerate(pages, start=1):
            window.pages.insertWidget(number, page)
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
