"""The main window: views in a sidebar, toolbar, menus, search, detail pane, undo and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QMimeData, QSize, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from jobtracker import APP_NAME, __version__
from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.applications.applications_view import ApplicationsView
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.applications.trash_view import TrashView
from jobtracker.ui.contacts.contacts_view import ContactsView
from jobtracker.ui.detail.detail_panel import DetailPanel
from jobtracker.ui.forms import jobtracker_rc  # noqa: F401 - registers the icons
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.mail.suggestions_view import SuggestionsView
from jobtracker.ui.mainwindow.exports import export_ics_dialog, export_vcards_dialog
from jobtracker.ui.mainwindow.reminders import start_reminders
from jobtracker.ui.mainwindow.toolbar_fit import ToolbarFit
from jobtracker.ui.mainwindow.views import (
    VIEW_NAMES,
    build_board,
    build_calendar,
    build_dashboard,
    build_today,
)
from jobtracker.ui.settings import Settings
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets import formatting
from jobtracker.ui.widgets.background import run_in_background
from jobtracker.ui.widgets.empty_state import EmptyState
from jobtracker.ui.widgets.icons import themed_icon
from jobtracker.ui.widgets.tab_bars import keep_scroll_buttons_out_of_focus
from jobtracker.ui.widgets.theme import apply_theme

if TYPE_CHECKING:
    # Imported where first used, not at start-up: the URL import pulls in requests and lxml,
    # Preferences the backups and mail pages (cold start at 50,000 applications).
    from jobtracker.errors import DamagedDatabaseError
    from jobtracker.file_backups import RestoreReport
    from jobtracker.importers import FetchOptions
    from jobtracker.ui.applications.board_view import BoardView
    from jobtracker.ui.importing.import_url_dialog import ImportUrlDialog
    from jobtracker.ui.mainwindow.damage_banner import DamageBanner
    from jobtracker.ui.mainwindow.shortcuts_dialog import ShortcutsDialog
    from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog

SEARCH_DEBOUNCE_MS = 150
SAMPLE_COUNT = 150
# Sidebar order, by the names saved in the settings (the stack of pages follows it).
VIEWS = ("applications", *VIEW_NAMES, "contacts", "inbox", "trash")
# The role of a sidebar item holding its view name (what the settings save).
ViewRole = Qt.ItemDataRole.UserRole


def demo_db_path(home: Path) -> Path:
    """The sample database, beside the real one so real data is never mixed with it."""
    return home.with_name(f"{home.stem}-demo{home.suffix or '.db'}")


def populate_demo(path: Path) -> int:
    """Fill the sample database (runs in a worker: opens its own Tracker)."""
    from jobtracker import demo

    with Tracker.open(path) as tracker:
        if tracker.count_applications():
            return 0
        return demo.populate(tracker, SAMPLE_COUNT, seed=0)


class MainWindow(QMainWindow):
    """One window over one open database (the user's, or the sample one)."""

    def __init__(self, tracker: Tracker, settings: Settings, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 open_tracker: Callable[[Path], Tracker] = Tracker.open,
                 home_path: Path | None = None) -> None:
        super().__init__()
        self.tracker = tracker
        self.settings = settings
        self._today = today
        self._open_tracker = open_tracker
        self.home_path = home_path or tracker.db.path
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon(":/icons/jobtracker.svg"))
        self.setAcceptDrops(True)  # a posting link dropped anywhere opens the import
        self.fetch_options: FetchOptions | None = None  # None: the import's own limits
        self.fetch_pool: QThreadPool | None = None  # None: the global pool
        self.import_dialog: ImportUrlDialog | None = None
        formatting.set_date_format(settings.date_format())
        self.editor = Editor(tracker, self)
        self.editor.changed.connect(self.refresh)
        self.editor.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))

        # -- views ---------------------------------------------------------------------------
        self.applications = ApplicationsView(tracker, today=today)
        self.detail = DetailPanel(self.editor, today=today)
        self.detail.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.applications)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.empty_state = EmptyState()
        self.applications_page = QStackedWidget()
        self.applications_page.addWidget(self.empty_state)
        self.applications_page.addWidget(self.splitter)
        self.contacts = ContactsView(tracker)
        self.trash = TrashView(tracker, today=today)
        # Mail passwords: the keyring, or memory for this session; decided on first use.
        self.mail = MailContext()
        self.inbox = SuggestionsView(self.editor, self.mail)
        self.inbox.setObjectName("inbox")
        # A page per view, in the sidebar's order: add_view() fills both.
        self.pages = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Views"))
        self.sidebar.setIconSize(QSize(20, 20))
        self._view_pages: dict[str, QWidget] = {}  # by view name: its page, or a placeholder
        self._view_factories: dict[str, Callable[[], QWidget]] = {}  # views not built yet

        self.demo_banner = QWidget()
        banner_label = QLabel(self.tr("You are looking at sample data. Your own data is kept "
                                      "separately and is untouched."))
        banner_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("&Back to my data"))
        self.back_button.clicked.connect(self.leave_demo)
        banner_layout = QHBoxLayout(self.demo_banner)
        banner_layout.addWidget(banner_label, 1)
        banner_layout.addWidget(self.back_button)
        self.demo_banner.setStyleSheet("background: #FEF3C7; color: #78350F;")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.demo_banner)
        right_layout.addWidget(self.pages)
        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(4, 4, 4, 4)
        central_layout.addWidget(self.sidebar)
        central_layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus_and_toolbar()
        self._add_views()
        # Connected once the rows are in, so filling the sidebar switches nothing.
        self.sidebar.currentRowChanged.connect(self._view_changed)
        # Reminders: a tray notification when something falls due while the app runs.
        self.reminders = start_reminders(
            self.editor, self.windowIcon(), no_reply_days=settings.no_reply_days,
            status=lambda text: self.statusBar().showMessage(text, 10_000),
            clicked=self._show_today, parent=self)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.applications.selected.connect(self._selection_changed)
        self.applications.model.modelReset.connect(self._update_status)
        self.applications.model.rowsInserted.connect(self._update_status)
        self.applications.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: self.settings.set_sort(
                column, order == Qt.SortOrder.DescendingOrder))
        self.applications.quick_filters_changed.connect(
            lambda: self.settings.set_quick_filters(self.applications.quick_filters()))
        self.empty_state.add_clicked.connect(self.new_application)
        self.empty_state.import_clicked.connect(self.import_from_url)
        self.empty_state.sample_clicked.connect(self.try_sample_data)
        self.trash.changed.connect(self.refresh)
        self.inbox.count_changed.connect(self._show_inbox_count)
        # One source of truth: the toolbar's Scan Mail can run exactly when the Inbox's can.
        self.inbox.scan_available.connect(self.scan_mail_action.setEnabled)
        # "Clear Filters" / "Clear Search" on a no-match page empty the toolbar's box too.
        self.applications.filters_cleared.connect(self._clear_search_box)
        self.contacts.search_cleared.connect(self._clear_search_box)
        self.inbox.setup_requested.connect(self.open_mail_preferences)
        self.inbox.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        # Tab follows the layout: from the toolbar's search box to the sidebar below it, then
        # the view and the detail pane (the sidebar was added last, so it came after them).
        QWidget.setTabOrder(self.search, self.sidebar)
        self._restore_layout()
        self._update_demo_banner()
        keep_scroll_buttons_out_of_focus(self)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], *, icon: str | None = None,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(themed_icon(icon) if icon else QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New Application…"), self.new_application,
                                       icon="new", shortcut=key.New,
                                       tip=self.tr("Add an application"))
        self.import_action = self._action(self.tr("&Import from URL…"), self.import_from_url,
                                          icon="import", shortcut="Ctrl+I",
                                          tip=self.tr("Add an application from the link to "
                                                      "its posting"))
        # Ctrl+V outside a text field: a posting link on the clipboard opens the import.
        self.paste_link_action = self._action(self.tr("Import &Link from Clipboard"),
                                              self.paste_link, shortcut=key.Paste)
        self.addAction(self.paste_link_action)
        self.delete_action = self._action(self.tr("&Delete Application"),
                                          self.delete_application, icon="delete",
                                          shortcut=key.Delete,
                                          tip=self.tr("Move the selected application to the "
                                                      "trash"))
        self.undo_action = self.editor.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setIcon(themed_icon("undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = self.editor.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setIcon(themed_icon("redo"))
        self.redo_action.setShortcut(QKeySequence(key.Redo))
        for action in (self.undo_action, self.redo_action):
            formatting.keep_tooltip_literal(action)  # their text quotes titles
        # Connected after the stack's own slot, so these run once the step is taken: the
        # status bar and the selection then say what Undo/Redo did, not what came before.
        self.undo_action.triggered.connect(lambda _checked=False: self._history_moved(True))
        self.redo_action.triggered.connect(lambda _checked=False: self._history_moved(False))
        self.find_action = self._action(self.tr("&Find"), self.focus_search, icon="search",
                                        shortcut=key.Find)
        self.preferences_action = self._action(self.tr("&Preferences…"), self.open_preferences,
                                               icon="preferences", shortcut=key.Preferences)
        if QKeySequence(key.Preferences).isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, shortcut=key.Quit)
        if QKeySequence(key.Quit).isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.sample_action = self._action(self.tr("Try with Sam&ple Data"), self.try_sample_data)
        self.my_data_action = self._action(self.tr("Back to &My Data"), self.leave_demo)
        self.add_interview_action = self._action(
            self.tr("Add &Interview…"), self._add_interview, shortcut="Ctrl+Shift+I")
        self.add_note_action = self._action(self.tr("Add &Note"), self._add_note,
                                            shortcut="Ctrl+Shift+N")
        self.open_posting_action = self._action(self.tr("&Open Posting in Browser"),
                                                self.detail.ui.openUrlButton.click,
                                                icon="open-url", shortcut="Ctrl+Shift+O")
        self.about_action = self._action(self.tr("&About JobTracker"), self._about)
        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts"),
                                             self.show_shortcuts,
                                             shortcut=key.HelpContents)
        if QKeySequence(key.HelpContents).isEmpty():
            self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.data_folder_action = self._action(
            self.tr("Open &Data Folder"), self.open_data_folder,
            tip=self.tr("Show the folder holding the database file and its backups"))
        # F5: re-read the database, e.g. after `jobtracker add` ran beside the open window.
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh,
                                           shortcut=key.Refresh)
        if QKeySequence(key.Refresh).isEmpty():
            self.refresh_action.setShortcut(QKeySequence("F5"))
        self.scan_mail_action = self._action(self.tr("&Scan Mail"), self.scan_mail,
                                             icon="inbox", shortcut="Ctrl+Shift+M",
                                             tip=self.tr("Read new mail and propose stage "
                                                         "changes from the replies"))
        # The database open when chosen, not when made: the user may switch to the sample.
        self.export_ics_action = self._action(
            self.tr("Export Interviews to &Calendar (.ics)…"),
            lambda: export_ics_dialog(self, self.tracker), icon="export")
        self.export_vcard_action = self._action(self.tr("Export Contacts (&vCard)…"),
                                                lambda: export_vcards_dialog(self, self.tracker))

    def _make_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.import_action, self.paste_link_action])
        file_menu.addSeparator()
        file_menu.addAction(self.scan_mail_action)
        file_menu.addSeparator()
        file_menu.addActions([self.sample_action, self.my_data_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_ics_action, self.export_vcard_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.find_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        self.view_menu = menu.addMenu(self.tr("&View"))
        self.view_actions: list[QAction] = []  # one per view, in the sidebar's order (add_view)
        self._end_of_views = self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        app_menu = menu.addMenu(self.tr("&Application"))
        self.stage_menu = QMenu(self.tr("&Move to Stage"), self)
        app_menu.addMenu(self.stage_menu)
        app_menu.addActions([self.add_interview_action, self.add_note_action,
                             self.open_posting_action])
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.data_folder_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.import_action, self.scan_mail_action])
        toolbar.addSeparator()
        toolbar.addActions([self.delete_action, self.undo_action, self.redo_action])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(themed_icon("search"),
                              QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(260)
        toolbar.addWidget(self.search)
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None and not widget.accessibleName() and action.text():
                widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        # Undo/Redo keep one width whatever they undo; narrow windows drop the labels.
        self.toolbar_fit = ToolbarFit(toolbar, icon_only=(self.undo_action, self.redo_action))

    def _fill_stage_menu(self) -> None:
        # The window owns these actions, so clear() alone would keep every refresh's set alive.
        for stale in self.stage_menu.actions():
            stale.deleteLater()
        self.stage_menu.clear()
        for number, stage in enumerate(self.tracker.stages()):
            action = self._action(stage.name.replace("&", "&&"),
                                  partial(self.detail.move_to_stage, stage.name),
                                  shortcut=f"Ctrl+{number + 1}" if number < 9 else None)
            action.setToolTip(formatting.plain_tooltip(stage.name))  # stages are user-named
            self.stage_menu.addAction(action)

    # -- views ---------------------------------------------------------------------------------

    def add_view(self, name: str, label: str, icon: QIcon,
                 factory: Callable[[], QWidget]) -> None:
        """Add a view after the others: a sidebar row, a page, a View-menu action, Ctrl+Alt+N.

        ``factory`` builds the view's widget the first time it is shown or asked for with
        :meth:`view`; until then its page is an empty placeholder, so a view nobody opens
        costs nothing at start-up, not even its module's import. ``name`` is what the
        settings save; ``label`` may mark the menu's mnemonic with "&".
        """
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        self._add_page(name, label, icon, placeholder)
        self._view_factories[name] = factory

    def view(self, name: str) -> QWidget:
        """The page of the view called ``name``, built now (not shown) if it was not yet."""
        factory = self._view_factories.get(name)
        if factory is None:
            return self._view_pages[name]
        placeholder = self._view_pages[name]
        view = factory()
        view.setObjectName(name)
        del self._view_factories[name]
        self._view_pages[name] = view
        # In the placeholder's place: the stack's order is the sidebar's.
        current = self.pages.currentWidget() is placeholder
        self.pages.insertWidget(self.pages.indexOf(placeholder), view)
        if current:
            self.pages.setCurrentWidget(view)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        keep_scroll_buttons_out_of_focus(view)
        return view

    def is_view_built(self, name: str) -> bool:
        """Whether the view called ``name`` exists yet (views added lazily wait for a visit)."""
        return name in self._view_pages and name not in self._view_factories

    def _add_page(self, name: str, label: str, icon: QIcon, page: QWidget) -> None:
        if name in self._view_pages:
            raise ValueError(f"there is a view called {name!r} already")
        self._view_pages[name] = page
        self.pages.addWidget(page)
        # Each row keeps its view name, so nothing depends on row numbers.
        item = QListWidgetItem(icon, _without_mnemonic(label), self.sidebar)
        item.setData(ViewRole, name)
        self.sidebar.setFixedWidth(max(150, self.sidebar.sizeHintForColumn(0) + 24))
        action = self._action(label, partial(self.show_view, name))
        action.setData(name)
        number = len(self.view_actions) + 1
        if number <= 9:  # Ctrl+Alt+1, 2, ... follow the sidebar's order, as far as keys go
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
        self.view_menu.insertAction(self._end_of_views, action)
        self.view_actions.append(action)

    def _add_views(self) -> None:
        """The views in ``VIEWS`` order; board, Today, dashboard and calendar built when visited."""
        self._add_page("applications", self.tr("&Applications"), themed_icon("applications"),
                       self.applications_page)
        # The factories read the tracker when they run: a view first shown after a switch to
        # the sample data is built over it.
        model = self.applications.model
        # Mnemonics unique within the View menu: A B D S C O I T, and R for Refresh.
        self.add_view("board", self.tr("&Board"), themed_icon("board"), lambda: build_board(
            self.editor, lambda: model.filters, today=self.tracker.today,
            stale_days=self.settings.no_reply_days,
            follow_up_days=self.settings.stage_follow_up_days, reload_on=model.modelReset,
            status=self._show_message, open_application=self._show_new,
            edit_application=self._edit_application, selection_changed=self._update_actions))
        self.add_view("today", self.tr("To&day"), themed_icon("today"), lambda: build_today(
            self.editor, today=self.tracker.today, no_reply_days=self.settings.no_reply_days,
            reload_on=model.modelReset, status=self._show_message,
            open_application=self._show_new))
        self.add_view("dashboard", self.tr("Da&shboard"), themed_icon("dashboard"),
                      lambda: build_dashboard(self.editor, today=self.tracker.today,
                                              reload_on=model.modelReset))
        self.add_view("calendar", self.tr("&Calendar"), themed_icon("calendar"),
                      lambda: build_calendar(self.editor, today=self.tracker.today,
                                             reload_on=model.modelReset,
                                             open_application=self._show_new))
        self._add_page("contacts", self.tr("C&ontacts"), themed_icon("contacts"), self.contacts)
        self._add_page("inbox", self.tr("&Inbox"), themed_icon("inbox"), self.inbox)
        self._add_page("trash", self.tr("&Trash"), themed_icon("trash"), self.trash)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_today(self) -> None:
        """Bring the window up on the Today view (a reminder was clicked)."""
        self.show_view("today")
        self.showNormal()
        self.activateWindow()

    # -- layout persistence ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        s = self.settings
        if (geometry := s.window_geometry()) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if (state := s.window_state()) is not None:
            self.restoreState(state)
        if (splitter := s.splitter_state()) is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([760, 520])
        header = self.applications.table.horizontalHeader()
        if (header_state := s.header_state()) is not None:
            header.restoreState(header_state)
        column, descending = s.sort()
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        self.applications.model.sort(column, header.sortIndicatorOrder())
        self.applications.set_quick_filters(s.quick_filters())
        view = s.view()
        self.show_view(view if self.view_row(view) >= 0 else "applications")

    def save_layout(self) -> None:
        """Remember window geometry, splitter, columns, sort and view."""
        self.settings.save_layout(self.saveGeometry(), self.saveState(),
                                  self.splitter.saveState(),
                                  self.applications.table.horizontalHeader().saveState())
        self.settings.set_view(self.current_view())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Fetches still running are told to stop, so none keeps the process alive for long.
        if self.import_dialog is not None:
            self.import_dialog.stop(quiet=True)
        self.detail.posting.stop_check()
        self.inbox.scanner.cancel()
        self.detail.notes.save_draft()
        self.save_layout()
        super().closeEvent(event)

    # -- reacting ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything shown after a change."""
        empty = self.tracker.count_applications() == 0
        self.applications_page.setCurrentWidget(self.empty_state if empty else self.splitter)
        self.applications.reload()
        self.detail.reload()
        self.trash.reload()
        self.contacts.reload()
        self.inbox.reload()
        self._fill_stage_menu()
        self._update_actions()
        self._update_status()

    def view_row(self, name: str) -> int:
        """The sidebar row of the view called ``name`` (-1 when there is none)."""
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item is not None and item.data(ViewRole) == name:
                return row
        return -1

    def show_view(self, name: str) -> None:
        """Switch to the view called ``name`` (one of ``VIEWS``)."""
        row = self.view_row(name)
        if row >= 0:
            self.sidebar.setCurrentRow(row)

    def current_view(self) -> str:
        """The name of the view shown."""
        item = self.sidebar.currentItem()
        name = item.data(ViewRole) if item is not None else None
        return str(name) if name else "applications"

    def _view_changed(self, row: int) -> None:
        item = self.sidebar.item(row)
        name = item.data(ViewRole) if item is not None else None
        if name in self._view_factories:
            self.view(str(name))  # built on its first visit (start-up shows only one)
        self.pages.setCurrentIndex(max(0, row))
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_search()
        self._update_actions()
        self._update_status()

    def _selection_changed(self, application_id: int | None) -> None:
        # Remembered for a Redo of a delete, which removes the row before the window hears.
        self._selected_row = (self.applications.model.row_of(application_id)
                              if application_id is not None else None)
        self.detail.show_application(application_id)
        self._update_actions()

    def _update_actions(self) -> None:
        on_applications = self.pages.currentWidget() is self.applications_page
        selected = on_applications and self.detail.application_id is not None
        for action in (self.delete_action, self.add_interview_action, self.add_note_action,
                       self.open_posting_action):
            action.setEnabled(selected)
        if self._board_card() is not None:
            self.delete_action.setEnabled(True)
        self.stage_menu.setEnabled(selected)
        self.new_action.setEnabled(True)
        self.scan_mail_action.setEnabled(self.inbox.can_scan())
        demo = self.tracker.db.path != self.home_path
        self.sample_action.setVisible(not demo)
        self.my_data_action.setVisible(demo)
        self._refuse_edits_if_damaged()

    def _update_status(self, *_args: object) -> None:
        if self.pages.currentWidget() is self.contacts:
            text = self.tr("%1 contacts").replace("%1", str(self.contacts.proxy.rowCount()))
        elif self.pages.currentWidget() is self.inbox:
            text = self.tr("%1 mail suggestions").replace("%1", str(self.inbox.model.rowCount()))
        elif self.pages.currentWidget() is self.trash:
            text = self.tr("%1 in the trash").replace("%1", str(self.trash.model.total))
        else:
            model = self.applications.model
            text = self.tr("%1 applications").replace("%1", f"{model.total:,}")
            if model.filters.search or model.filters.stages or model.filters.kinds or (
                    model.filters.tag or model.filters.applied_from or model.filters.applied_to):
                text = self.tr("%1 matching").replace("%1", f"{model.total:,}")
        self.count_label.setText(text)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        if self.pages.currentWidget() is self.contacts:
            self.contacts.search.setText(text)
        else:
            self.applications.set_search(text)
        self._update_status()

    # -- user actions --------------------------------------------------------------------------

    def new_application(self) -> NewApplicationDialog:
        """Open the New Application dialog (window-modal); the new row is selected on OK."""
        dialog = NewApplicationDialog(
            self._add, stages=self.tracker.stages(), companies=self.tracker.company_names(),
            today=self._today(), follow_up_days=self.settings.follow_up_days(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._show_new(dialog.application_id))
        dialog.open()
        return dialog

    def import_from_url(self, url: str | None = None, *, start: bool = False
                        ) -> ImportUrlDialog:
        """Open the Import from URL dialog (one at a time), prefilled; ``start`` fetches at once."""
        from jobtracker.ui.importing.import_url_dialog import ImportUrlDialog, url_from_text

        dialog = self.import_dialog
        if dialog is None or not dialog.isVisible():
            dialog = ImportUrlDialog(
                self.editor, url=url or "", today=self._today(),
                follow_up_days=self.settings.follow_up_days(), options=self.fetch_options,
                pool=self.fetch_pool, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._show_new(dialog.application_id))
            dialog.open_existing.connect(self._show_new)
            dialog.snapshot_added.connect(self._show_posting)
            dialog.destroyed.connect(lambda _obj=None: self._forget_import_dialog(dialog))
            self.import_dialog = dialog
            dialog.open()
        else:
            if url:
                dialog.stop(quiet=True)
                dialog.ui.urlEdit.setText(url)
            dialog.activateWindow()
        if start and url_from_text(dialog.ui.urlEdit.text()):
            dialog.fetch()
        return dialog

    def _forget_import_dialog(self, dialog: ImportUrlDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None

    def _show_posting(self, application_id: int) -> None:
        """Show an application's Posting tab (after a new copy was kept)."""
        self._show_new(application_id)
        self.detail.reload()
        self.detail.ui.tabs.setCurrentWidget(self.detail.ui.postingTab)

    def paste_link(self) -> None:
        """Ctrl+V: paste into the focused text field, else import the link on the clipboard."""
        focus = QApplication.focusWidget()
        if _is_text_editor(focus):
            paste = getattr(focus, "paste", None)
            if callable(paste):
                paste()
            return
        from jobtracker.ui.importing.import_url_dialog import clipboard_url

        url = clipboard_url()
        if url is None:
            self.statusBar().showMessage(self.tr("The clipboard holds no web address to "
                                                 "import."), 8000)
            return
        # Pasting a link is the request to import it: fetch at once.
        self.import_from_url(url, start=True)

    @staticmethod
    def dropped_url(mime: QMimeData | None) -> str | None:
        """The web address in dragged data (a link or its text), if any."""
        if mime is None:
            return None
        from jobtracker.ui.importing.import_url_dialog import url_from_text

        if mime.hasUrls():
            for link in mime.urls():
                if link.scheme() in ("http", "https"):
                    return link.toString()
        return url_from_text(mime.text()) if mime.hasText() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_url(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.dropped_url(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        url = self.dropped_url(event.mimeData())
        if url is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_from_url(url, start=True)

    def set_fetch_options(self, options: FetchOptions | None,
                          pool: QThreadPool | None = None) -> None:
        """Limits (and pool) for every fetch the window starts: imports and online checks."""
        self.fetch_options = options
        self.fetch_pool = pool
        self.detail.posting.fetch_options = options
        self.detail.posting.pool = pool

    def _show_new(self, application_id: int | None) -> None:
        if application_id is None:
            return
        self.show_view("applications")
        if not self.applications.select_id(application_id):
            self.detail.show_application(application_id)

    def _add(self, draft: ApplicationInput) -> int:
        return self.editor.add_application(draft)

    def _board(self) -> BoardView | None:
        """The board, when it is the view showing."""
        if self.current_view() != "board" or not self.is_view_built("board"):
            return None
        return cast("BoardView", self.view("board"))

    def _board_card(self) -> int | None:
        """The application of the card selected on the board, when the board shows."""
        board = self._board()
        return board.current_id() if board is not None else None

    def _edit_application(self, application_id: int) -> None:
        """The board's Edit: the application in the Applications view, its title ready to type."""
        self._show_new(application_id)
        self.detail.show_section("details")
        title = self.detail.ui.titleEdit
        title.setFocus(Qt.FocusReason.OtherFocusReason)
        title.selectAll()

    def delete_application(self) -> None:
        """Move the selected application (or the board's selected card) to the trash."""
        if (board := self._board()) is not None:
            board.delete_current()
            return
        detail = self.detail.detail
        if detail is None:
            return
        row = self.applications.model.row_of(detail.id)
        try:
            self.editor.delete_application(detail.id, f"{detail.title} — {detail.company}")
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Not deleted"), formatting.literal(str(error)))
            return
        self._select_near(row)
        self.statusBar().showMessage(self.tr("Moved to the trash. Undo with %1.").replace(
            "%1", QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText)), 8000)

    def _select_near(self, row: int | None) -> None:
        """After a row left the list: select the one now in its place, or the new last one."""
        model = self.applications.model
        if row is None or model.rowCount() == 0:
            return
        self.applications.select_id(model.application(min(row, model.rowCount() - 1)).id)

    def _history_moved(self, undone: bool) -> None:
        """After Undo or Redo: a status message that says what happened, and the row it touched.

        Replaces whatever the status bar said before ("Moved to the trash" is no longer true
        once the delete is undone).
        """
        stack = self.editor.stack
        command = stack.command(stack.index() if undone else stack.index() - 1)
        if command is None:
            return
        # Views never import the commands (only the Editor does), so the delete is told by
        # its class name; its application_id says which row to select.
        application_id = getattr(command, "application_id", None)
        if type(command).__name__ == "DeleteApplicationCommand" and isinstance(application_id,
                                                                               int):
            if undone:
                # The restored application is selected again, wherever the user is.
                self._show_new(application_id)
                detail = self.detail.detail
                label = (f"{detail.title} — {detail.company}" if detail is not None
                         and detail.id == application_id else command.text())
                self._show_message(self.tr("Restored “%1” from the trash.").replace(
                    "%1", label))
                return
            if self.applications.current_id() is None:  # its row went: the next takes over
                self._select_near(self._selected_row)
            self._show_message(self.tr("Moved to the trash again: %1").replace(
                "%1", command.text()))
            return
        self._show_message((self.tr("Undone: %1") if undone else self.tr("Redone: %1")
                            ).replace("%1", command.text()))

    def _clear_search_box(self) -> None:
        self.search.blockSignals(True)  # the view cleared its own search already
        self.search.clear()
        self.search.blockSignals(False)
        self._update_status()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help › Keyboard Shortcuts: every shortcut of the menus and views, as set now."""
        from jobtracker.ui.mainwindow.shortcuts_dialog import ShortcutsDialog, gather_shortcuts

        # Every view built, so the keys of views not visited yet are listed too.
        views = [(action.text(), self.view(str(action.data()))) for action in self.view_actions]
        views.append((self.tr("Detail pane"), self.detail))
        dialog = ShortcutsDialog(gather_shortcuts(self.menuBar(), self.actions(), views), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def data_folder(self) -> Path:
        """The folder of the open database file (backups sit beside it)."""
        return self.tracker.db.path.parent

    def open_data_folder(self) -> bool:
        """Help › Open Data Folder: the database's folder in the file manager."""
        folder = self.data_folder()
        if self.open_url(QUrl.fromLocalFile(str(folder))):
            return True
        self._show_message(self.tr("Could not open %1.").replace("%1", str(folder)))
        return False

    def open_url(self, url: QUrl) -> bool:
        """Hand ``url`` to the desktop (tests replace this to see it without a file manager)."""
        return bool(QDesktopServices.openUrl(url))

    def _add_interview(self) -> None:
        self.detail.show_section("interviews")
        self.detail.interviews.add()

    def _add_note(self) -> None:
        self.detail.show_section("notes")
        self.detail.notes.new_note()

    def open_preferences(self) -> PreferencesDialog:
        """Show Preferences; settings apply when it is accepted."""
        from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.tracker, self.settings, self, mail_context=self.mail,
                                   editor=self.editor)
        keep_scroll_buttons_out_of_focus(dialog)
        dialog.mail_page.changed.connect(self.inbox.reload)
        dialog.backups_page.restore_requested.connect(
            lambda backup: self._restore_from_preferences(dialog, backup))
        dialog.accepted.connect(self._preferences_applied)
        dialog.finished.connect(lambda _result: self._preferences_closed(dialog))
        dialog.open()
        return dialog

    def open_mail_preferences(self) -> PreferencesDialog:
        """Preferences open at the Mail tab (to set up an account)."""
        dialog = self.open_preferences()
        dialog.ui.tabs.setCurrentIndex(dialog.mail_tab_index)
        return dialog

    def scan_mail(self) -> bool:
        """Show the inbox and scan every mail account in the background."""
        self.show_view("inbox")
        return self.inbox.scan()

    def _show_inbox_count(self, count: int) -> None:
        item = self.sidebar.item(self.view_row("inbox"))
        if item is not None:
            item.setText(self.tr("Inbox (%1)").replace("%1", str(count)) if count
                         else self.tr("Inbox"))

    def _preferences_closed(self, dialog: PreferencesDialog) -> None:
        if dialog.stages_changed:
            self.refresh()

    def _preferences_applied(self) -> None:
        formatting.set_date_format(self.settings.date_format())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme())
        self.refresh()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About JobTracker"), self.tr(
            "<b>JobTracker %1</b><p>An offline tracker for your job search. Your data stays "
            "in one file on this computer:<br>%2</p>").replace("%1", __version__).replace(
            "%2", str(self.tracker.db.path)))

    # -- switching databases ------------------------------------------------------------------

    def switch_database(self, path: Path) -> None:
        """Open ``path`` instead of the current database."""
        self.inbox.scanner.cancel()  # its result belongs to the database it started on
        self.detail.notes.save_draft()
        try:
            new = self._open_tracker(path)
        except JobTrackerError as error:
            QMessageBox.critical(self, self.tr("Cannot open database"),
                                 formatting.literal(str(error)))
            return
        self._adopt_tracker(new)

    def _adopt_tracker(self, new: Tracker) -> None:
        """Show ``new`` everywhere (the undo history is dropped) and close the old one."""
        old = self.tracker
        self.tracker = new
        self.editor.set_tracker(new)
        self.applications.set_tracker(new)
        self.contacts.set_tracker(new)
        self.trash.set_tracker(new)
        self.detail.show_application(None)
        old.close()
        self._update_demo_banner()
        self.refresh()

    def restore_backup(self, backup: Path) -> RestoreReport | None:
        """Make ``backup`` the open database: close it, restore (a copy is kept), reopen.

        The app's own lock stays held throughout, so no CLI restore runs meanwhile.
        """
        self.detail.notes.save_draft()
        path = self.tracker.db.path
        # Every pooled connection goes, so the old file's WAL is folded in and closed.
        self.tracker.close()
        from jobtracker.file_backups import restore_backup as restore_backup_file

        report = None
        try:
            report = restore_backup_file(path, backup, app_may_hold_lock=True)
        except (JobTrackerError, OSError) as error:
            QMessageBox.warning(self, self.tr("Not restored"), formatting.literal(str(error)))
        try:
            new = self._open_tracker(path)
        except JobTrackerError as error:
            QMessageBox.critical(self, self.tr("Cannot open database"),
                                 formatting.literal(str(error)))
            return report
        self._adopt_tracker(new)
        if report is not None:
            kept = (self.tr(" The data from before is kept in %1.").replace(
                "%1", str(report.previous_copy)) if report.previous_copy else "")
            self.statusBar().showMessage(self.tr("Restored the backup %1.").replace(
                "%1", report.restored_from.name) + kept, 15000)
        return report

    def _restore_from_preferences(self, dialog: PreferencesDialog, backup: Path) -> None:
        # Preferences shows the replaced database's stages: close it (keeping its settings).
        if self.restore_backup(backup) is not None:
            dialog.accept()

    # -- a damaged database file ----------------------------------------------------

    _selected_row: int | None = None  # the table row of the selected application

    # What the check found when the window opened (None: the file is sound, or restored).
    damage: DamagedDatabaseError | None = None
    damage_banner: DamageBanner | None = None  # made when first needed

    def _banner(self) -> DamageBanner:
        from jobtracker.ui.mainwindow.damage_banner import DamageBanner

        banner = self.damage_banner
        if banner is None:
            banner = DamageBanner()
            banner.restore_requested.connect(self._restore_damaged)
            parent = self.demo_banner.parentWidget()
            layout = parent.layout() if parent is not None else None
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(0, banner)
            self.damage_banner = banner
        return banner

    def show_damage(self, error: DamagedDatabaseError) -> None:
        """The file failed SQLite's check: refuse every write, say so, offer the good backup."""
        self.damage = error  # kept: the file is reopened after a switch to the sample data
        self._banner().show_damage(error)
        self._update_actions()

    def show_open_warning(self, text: str) -> None:
        """Something found on opening that refuses nothing (a -wal cut short)."""
        banner = self._banner()
        if self.tracker.db.refusal is None:  # the damage message matters more
            banner.show_warning(text)

    def _restore_damaged(self, backup: Path) -> None:
        if self.tracker.db.path != self.home_path:
            self.leave_demo()  # the backup is of the user's own file, never the sample one
        damage, self.damage = self.damage, None
        if self.restore_backup(backup) is None:
            self.damage = damage  # not restored: the file is still the damaged one
        else:
            self._banner().hide()
        self._update_actions()

    def _refuse_edits_if_damaged(self) -> None:
        damage = self.damage
        if damage is not None and self.tracker.db.refusal is None and (
                damage.path is None or damage.path == self.tracker.db.path):
            self.tracker.db.refuse_writes(damage)
        if self.tracker.db.refusal is None:
            self.detail.setEnabled(True)
            return
        # The core refuses writes anyway; greyed actions say so before the user tries.
        for action in (self.new_action, self.import_action, self.paste_link_action,
                       self.delete_action, self.add_interview_action, self.add_note_action):
            action.setEnabled(False)
        self.stage_menu.setEnabled(False)
        self.detail.setEnabled(False)

    def bring_to_front(self) -> None:
        """A second start on the same database asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def try_sample_data(self) -> None:
        """Fill the sample database in the background, then switch the window to it."""
        path = demo_db_path(self.home_path)
        progress = QProgressDialog(self.tr("Creating sample data…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Sample Data"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()

        def done(_count: object) -> None:
            progress.close()
            self.switch_database(path)

        def failed(error: BaseException) -> None:
            progress.close()
            QMessageBox.warning(self, self.tr("Sample data"), formatting.literal(
                self.tr("Could not create sample data: %1").replace("%1", str(error))))

        run_in_background(lambda: populate_demo(path), done, failed)

    def leave_demo(self) -> None:
        """Back to the user's own database."""
        if self.tracker.db.path != self.home_path:
            self.switch_database(self.home_path)

    def _update_demo_banner(self) -> None:
        self.demo_banner.setVisible(self.tracker.db.path != self.home_path)
        title = APP_NAME if self.tracker.db.path == self.home_path else self.tr(
            "%1 — sample data").replace("%1", APP_NAME)
        self.setWindowTitle(title)


def _without_mnemonic(label: str) -> str:
    """``label`` as plain text: "&Trash" reads "Trash", "R&&D" reads "R&D"."""
    return "&".join(part.replace("&", "") for part in label.split("&&"))


def _is_text_editor(widget: QWidget | None) -> bool:
    """Whether ``widget`` takes typed or pasted text (so Ctrl+V belongs to it)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


__all__ = ["MainWindow", "demo_db_path"]
