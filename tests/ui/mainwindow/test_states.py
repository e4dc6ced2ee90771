"""Every state of the main window: no results, selection after delete and undo, true status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from jobtracker.mail.accounts import MailAccount
from jobtracker.tracker import ContactInput
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.shortcuts_dialog import plain
from tests.ui.helpers import add_apps, titles

LEFT = Qt.MouseButton.LeftButton


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type into the toolbar's search box and wait out its debounce."""
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.applications.model.filters.search == text)


def test_a_search_without_matches_says_so_and_clears(qtbot: QtBot, window: MainWindow) -> None:
    add_apps(window.tracker, ("Backend Developer", "Acme"), ("Data Engineer", "Globex"))
    window.refresh()
    view = window.applications
    assert view.table_pages.currentWidget() is view.table
    search(qtbot, window, "zzzz")
    assert view.table_pages.currentWidget() is view.no_results
    assert view.no_results.heading.text() == "No applications match"
    assert window.count_label.text() == "0 matching"
    qtbot.mouseClick(view.clear_filters_button, LEFT)
    assert window.search.text() == ""
    assert view.table_pages.currentWidget() is view.table
    assert sorted(titles(window)) == ["Backend Developer", "Data Engineer"]
    assert window.count_label.text() == "2 applications"


def test_clear_filters_also_resets_the_filter_bar(window: MainWindow) -> None:
    add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    view = window.applications
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("Offer"))
    view.stage_filter.activated.emit(view.stage_filter.currentIndex())
    assert view.table_pages.currentWidget() is view.no_results
    view.clear_filters_button.click()
    assert view.stage_filter.currentData() is None
    assert titles(window) == ["Dev"]


def test_delete_selects_the_next_row_then_the_previous(window: MainWindow) -> None:
    ids = add_apps(window.tracker, ("A", "Acme"), ("B", "Globex"), ("C", "Initech"))
    window.refresh()
    order = titles(window)
    middle = window.applications.model.application(1).id
    window.applications.select_id(middle)
    window.delete_action.trigger()
    # The row that moved into the deleted one's place is selected: Delete can go on.
    assert window.detail.detail is not None
    assert window.detail.detail.title == [t for t in order if t != order[1]][1]
    last = window.applications.model.application(1).id
    window.applications.select_id(last)
    window.delete_action.trigger()
    assert window.applications.current_id() == window.applications.model.application(0).id
    assert window.delete_action.isEnabled()
    assert len(ids) == 3


def test_undo_of_a_delete_reselects_the_row_and_corrects_the_status(window: MainWindow) -> None:
    keep, gone = add_apps(window.tracker, ("Keep", "Acme"), ("Gone", "Globex"))
    window.refresh()
    window.applications.select_id(gone)
    window.delete_action.trigger()
    assert window.statusBar().currentMessage().startswith("Moved to the trash.")
    window.undo_action.trigger()
    assert window.applications.current_id() == gone
    assert window.detail.application_id == gone
    assert window.statusBar().currentMessage() == "Restored “Gone — Globex” from the trash."
    window.redo_action.trigger()
    assert "to the trash again" in window.statusBar().currentMessage()
    assert window.applications.current_id() == keep


def test_undo_of_another_change_says_what_was_undone(window: MainWindow) -> None:
    (app,) = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.applications.select_id(app)
    window.editor.move_stage(app, "Interviewing")
    window.undo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Undone: ")
    window.redo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Redone: ")


def test_scan_mail_action_follows_the_inbox(monkeypatch, window: MainWindow) -> None:
    inbox = window.inbox
    assert not window.scan_mail_action.isEnabled()  # no account: nothing to scan
    assert not inbox.ui.scanButton.isEnabled()
    window.tracker.save_mail_account(MailAccount("Work", "imap.example.com", 993, "ssl", "ann"))
    inbox.reload()  # as Preferences › Mail does after a change
    assert window.scan_mail_action.isEnabled()
    window.show_view("inbox")
    assert inbox.ui.scanButton.isEnabled()

    def started(names: list[str] | None = None) -> bool:
        inbox.scanner.running = True  # a worker in flight, without a network
        return True

    monkeypatch.setattr(inbox.scanner, "scan", started)
    assert inbox.scan()
    assert not inbox.ui.scanButton.isEnabled()
    assert not window.scan_mail_action.isEnabled()
    inbox.scanner.running = False
    inbox.scanner.cancelled.emit()
    assert inbox.ui.scanButton.isEnabled() and window.scan_mail_action.isEnabled()


def test_view_menu_items_have_unique_mnemonics(window: MainWindow) -> None:
    letters = []
    for action in window.view_menu.actions():
        if action.isSeparator():
            continue
        text = action.text().replace("&&", "")
        assert "&" in text, f"{text!r} has no mnemonic"
        letters.append(text[text.index("&") + 1].casefold())
    assert len(letters) == len(set(letters)), letters
    # The sidebar shows the same names without the marks.
    assert window.sidebar.item(window.view_row("today")).text() == "Today"


def test_help_lists_the_shortcuts_generated_from_the_actions(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Help")
    texts = [plain(a.text()) for a in help_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Keyboard Shortcuts", "Open Data Folder"]
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    native = QKeySequence.SequenceFormat.NativeText
    assert ("File", "New Application", QKeySequence(QKeySequence.StandardKey.New).toString(
        native)) in rows
    assert ("File", "Scan Mail", "Ctrl+Shift+M") in rows
    assert any(group == "Application" and command.startswith("Move to Stage › ")
               for group, command, _keys in rows)
    # A view's own keys, from the actions the view adds to itself.
    assert ("Board", "Move to Previous Stage", "Ctrl+Left") in rows
    # Every shortcut of every menu is listed (the list is generated, not written).
    listed = {keys for _group, _command, keys in rows}
    for action in window.findChildren(type(window.new_action)):
        if action.shortcut().isEmpty() or not action.text():
            continue
        in_menu = any(action in menu.actions() for menu in (
            window.view_menu, help_menu, window.stage_menu))
        if in_menu:
            assert action.shortcut().toString(native) in listed, action.text()
    dialog.close()


def test_open_data_folder_opens_the_database_folder(monkeypatch, window: MainWindow,
                                                    db_path: Path) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(window, "open_url", lambda url: opened.append(url) or True)
    window.data_folder_action.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [db_path.parent]
    monkeypatch.setattr(window, "open_url", lambda url: False)
    assert not window.open_data_folder()
    assert str(db_path.parent) in window.statusBar().currentMessage()


def test_empty_detail_tabs_say_what_goes_there(window: MainWindow) -> None:
    (app,) = add_apps(window.tracker, ("Dev", "Acme"))
    window.tracker.add_contact(ContactInput("Ann Lee", company="Acme"))
    window.refresh()
    window.applications.select_id(app)
    tasks, contacts = window.detail.tasks, window.detail.contacts
    assert tasks.empty_label.isVisibleTo(tasks) and not tasks.tree.isVisibleTo(tasks)
    assert contacts.empty_label.isVisibleTo(contacts)
    assert not contacts.list.isVisibleTo(contacts)
    window.editor.add_task("Send thank-you note", application_id=app)
    assert tasks.tree.isVisibleTo(tasks) and not tasks.empty_label.isVisibleTo(tasks)
    contacts.link_button.click()
    assert contacts.list.isVisibleTo(contacts)
    assert not contacts.empty_label.isVisibleTo(contacts)


def test_the_toolbar_delete_and_the_boards_edit_act_on_the_selected_card(
        qtbot: QtBot, window: MainWindow) -> None:
    first, second = add_apps(window.tracker, ("Dev", "Acme"), ("Ops", "Globex"))
    window.refresh()
    window.show_view("board")
    board = window.view("board")
    qtbot.waitUntil(lambda: board.select_id(first))  # type: ignore[attr-defined]
    assert window.delete_action.isEnabled()
    window.delete_action.trigger()
    assert [row.id for row in window.tracker.list_applications()] == [second]
    window.editor.stack.undo()
    menu = board.card_menu(first)  # type: ignore[attr-defined]
    edit = next(action for action in menu.actions() if action.text() == "&Edit…")
    edit.trigger()
    assert window.current_view() == "applications"
    assert window.detail.application_id == first
