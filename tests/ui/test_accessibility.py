"""Keyboard and screen reader: every input is named, tab bars skip focus, menus have mnemonics."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, ContactInput
from jobtracker.ui.contacts.contact_dialog import ContactDialog
from jobtracker.ui.detail.interview_dialog import InterviewDialog
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.shortcuts_dialog import plain

INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QCheckBox,
          QAbstractItemView)
# Parts of a compound input: named through the input they belong to.
COMPOUNDS = (QComboBox, QAbstractSpinBox, QCalendarWidget, QAbstractItemView)


def widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every widget under it, popups of compound inputs left out."""
    yield root
    for child in root.findChildren(QWidget):
        if any(isinstance(a, COMPOUNDS) for a in ancestors(child, root)):
            continue
        if child.isWindow() and isinstance(child, QDialog):
            continue  # a dialog of its own is checked on its own
        yield child


def ancestors(widget: QWidget, root: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        yield parent
        parent = parent.parentWidget()


def buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs with neither an accessible name nor a label whose buddy they are."""
    labelled = buddies(root)
    missing = []
    for widget in widgets(root):
        if not isinstance(widget, INPUTS):
            continue
        if isinstance(widget, QCheckBox) and widget.text():
            continue  # its own text names it
        if widget.window() is not root.window() and widget.isWindow():
            continue
        if widget.accessibleName().strip() or id(widget) in labelled:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName() or '(no name)'} in "
                       f"{type(widget.parentWidget()).__name__}")
    return missing


def scroll_buttons_take_no_focus(root: QWidget) -> list[str]:
    wrong = []
    for bar in root.findChildren(QTabBar):
        for button in bar.findChildren(QAbstractButton):
            if isinstance(button, QToolButton) and button.focusPolicy() != Qt.FocusPolicy.NoFocus:
                wrong.append(f"{bar.parentWidget().objectName()}: {button.accessibleName()}")
    return wrong


@pytest.fixture
def full_window(window: MainWindow) -> MainWindow:
    """Every view built, an application selected, so every detail tab is filled."""
    tracker = window.tracker
    app = tracker.add_application(ApplicationInput("Backend Developer", "Acme",
                                                   url="https://jobs.acme.example/1"))
    tracker.add_contact(ContactInput("Ann Lee", company="Acme"))
    window.refresh()
    for action in window.view_actions:
        window.show_view(str(action.data()))
    window.show_view("applications")
    window.applications.select_id(app)
    tabs = window.detail.ui.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
    return window


def test_every_input_of_the_window_is_named(full_window: MainWindow) -> None:
    assert unnamed_inputs(full_window) == []


def test_tab_scroll_buttons_take_no_focus(full_window: MainWindow) -> None:
    assert scroll_buttons_take_no_focus(full_window) == []


def test_dialogs_name_their_inputs(qtbot: QtBot, full_window: MainWindow) -> None:
    window = full_window
    opened: list[QDialog] = [window.new_application(), window.import_from_url(),
                             window.open_preferences(), window.show_shortcuts()]
    window.detail.interviews.add()
    opened += [d for d in window.findChildren(QDialog) if d.isVisible() and d not in opened]
    # The dialogs that open from a row or a page: built directly, with their parent.
    opened += [ContactDialog(window, companies=["Acme"]), InterviewDialog(window),
               MailAccountDialog(window.tracker, window.mail, parent=window)]
    assert {type(d).__name__ for d in opened} >= {
        "NewApplicationDialog", "ImportUrlDialog", "PreferencesDialog", "ShortcutsDialog",
        "ContactDialog", "InterviewDialog", "MailAccountDialog"}
    problems = {}
    for dialog in opened:
        if missing := unnamed_inputs(dialog) + scroll_buttons_take_no_focus(dialog):
            problems[type(dialog).__name__] = missing
        dialog.reject()
    assert problems == {}


def test_view_menu_has_mnemonics_and_help_has_shortcuts_and_data_folder(
        window: MainWindow) -> None:
    for action in window.view_menu.actions():
        if not action.isSeparator():
            assert "&" in action.text().replace("&&", ""), action.text()
    menus = {plain(a.text()): a.menu() for a in window.menuBar().actions()}
    for title, menu in menus.items():
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                assert "&" in action.text().replace("&&", "") or action in \
                    window.stage_menu.actions(), f"{title} › {action.text()}"
    help_items = [plain(a.text()) for a in menus["Help"].actions()]
    assert "Keyboard Shortcuts" in help_items and "Open Data Folder" in help_items


def test_mnemonics_are_unique_within_each_menu(window: MainWindow) -> None:
    for top in window.menuBar().actions():
        menu = top.menu()
        letters = []
        for action in menu.actions():
            text = action.text().replace("&&", "")
            if action.isSeparator() or not action.isVisible() or "&" not in text:
                continue
            letters.append(text[text.index("&") + 1].casefold())
        assert len(letters) == len(set(letters)), (plain(top.text()), letters)


def test_the_walk_finds_an_unnamed_input(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    named, labelled, bare = QLineEdit(root), QLineEdit(root), QLineEdit(root)
    bare.setObjectName("bare")
    named.setAccessibleName("Named")
    QLabel("&Label", root).setBuddy(labelled)
    assert unnamed_inputs(root) == ["QLineEdit bare in QWidget"]
