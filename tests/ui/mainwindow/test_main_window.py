import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationFilter
from jobtracker.ui.mainwindow.main_window import MainWindow, demo_db_path
from jobtracker.ui.widgets.formatting import to_qdate
from tests.ui.helpers import TODAY, add_apps, add_through_dialog, titles


def test_empty_database_shows_the_empty_state(window: MainWindow) -> None:
    assert window.applications_page.currentWidget() is window.empty_state
    assert window.empty_state.import_button.isEnabled()
    assert window.import_action.isEnabled()
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert window.add_interview_action.shortcut() == QKeySequence("Ctrl+Shift+I")
    assert window.count_label.text() == "0 applications"


def test_add_application_through_the_dialog(qtbot: QtBot, window: MainWindow,
                                            db_path: Path) -> None:
    qtbot.mouseClick(window.empty_state.add_button, Qt.MouseButton.LeftButton)
    app_id = add_through_dialog(qtbot, window, "Backend Developer", "Acme")
    assert window.applications_page.currentWidget() is window.splitter
    qtbot.waitUntil(lambda: titles(window) == ["Backend Developer"])
    assert window.detail.application_id == app_id
    detail = window.tracker.get_application(app_id)
    assert (detail.stage, detail.applied_on) == ("Applied", TODAY)
    assert detail.follow_up_on == TODAY + dt.timedelta(days=7)
    # It is in the file, not only in memory.
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT title FROM application").fetchall() == [
            ("Backend Developer",)]


def test_dialog_shows_validation_errors_at_the_field(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.new_application()
    qtbot.keyClicks(dialog.ui.companyEdit, "Acme")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.ui.titleError.text() == "Must not be empty."
    assert dialog.ui.titleEdit.property("invalid") is True
    qtbot.keyClicks(dialog.ui.titleEdit, "Dev")
    qtbot.keyClicks(dialog.ui.urlEdit, "javascript:alert(1)")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "not an http or https address" in dialog.ui.urlError.text()
    assert not dialog.ui.titleEdit.property("invalid")
    assert window.tracker.count_applications() == 0
    dialog.reject()


def test_edit_a_field_is_saved_in_the_file(qtbot: QtBot, window: MainWindow,
                                           db_path: Path) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    assert window.applications.select_id(app_id)
    edit = window.detail.ui.locationEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "Berlin")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT location FROM application").fetchone() == ("Berlin",)
    assert window.applications.model.application(0).location == "Berlin"
    # Undo puts the old value back, redo the new one.
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).location is None
    assert window.detail.ui.locationEdit.text() == ""
    window.redo_action.trigger()
    assert window.tracker.get_application(app_id).location == "Berlin"


def test_invalid_edit_is_shown_at_the_field_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.applications.select_id(app_id)
    ui = window.detail.ui
    ui.salaryMinEdit.setText("90000")
    ui.salaryMaxEdit.setText("80000")
    ui.salaryCurrencyCombo.setCurrentText("EUR")
    ui.salaryMaxEdit.editingFinished.emit()
    assert ui.salaryMaxEdit.property("invalid") is True
    assert "smaller than the minimum" in ui.salaryError.text()
    assert window.tracker.get_application(app_id).salary_min is None
    # Another edit reloads the panel; the refused text stays for the user to fix.
    ui.titleEdit.setText("Developer")
    ui.titleEdit.editingFinished.emit()
    assert window.tracker.get_application(app_id).title == "Developer"
    assert ui.salaryMaxEdit.text() == "80000"
    ui.salaryMaxEdit.setText("95000")
    ui.salaryMaxEdit.editingFinished.emit()
    detail = window.tracker.get_application(app_id)
    assert (detail.salary_min, detail.salary_max, detail.salary_currency) == (
        9_000_000, 9_500_000, "EUR")
    assert not ui.salaryMaxEdit.property("invalid")


def test_move_stage_records_an_event(window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.applications.select_id(app_id)
    combo = window.detail.ui.stageCombo
    combo.setCurrentIndex(combo.findData("Interviewing"))
    combo.activated.emit(combo.currentIndex())
    detail = window.tracker.get_application(app_id)
    assert detail.stage == "Interviewing"
    assert [e.to_stage for e in detail.events] == ["Saved", "Interviewing"]
    assert detail.events[-1].occurred_on == TODAY
    tree = window.detail.timeline.tree
    assert tree.topLevelItem(0).text(1) == "Interviewing"
    assert window.applications.model.application(0).stage == "Interviewing"
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).stage == "Saved"


def test_stage_shortcut_menu(window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.applications.select_id(app_id)
    applied = next(a for a in window.stage_menu.actions() if a.text() == "Applied")
    assert applied.shortcut().toString() == "Ctrl+2"
    applied.trigger()
    assert window.tracker.get_application(app_id).stage == "Applied"


def test_timeline_backfills_a_date(window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.applications.select_id(app_id)
    timeline = window.detail.timeline
    timeline.stage_combo.setCurrentText("Applied")
    timeline.date_edit.setDate(timeline.date_edit.date().addDays(-3))
    timeline.record_button.click()
    # Saved today, so applied three days ago is refused (a move never
    # rewrites another event), with the way to correct the Saved event's date.
    assert not timeline.error_label.isHidden()
    assert "(Saved)" in timeline.error_label.text()
    assert "Set date" in timeline.error_label.text()
    assert len(window.tracker.get_application(app_id).events) == 1
    timeline.tree.setCurrentItem(timeline.tree.topLevelItem(0))
    timeline.date_edit.setDate(timeline.date_edit.date().addDays(-7))
    timeline.redate_button.click()
    assert window.tracker.get_application(app_id).events[0].occurred_on == (
        TODAY - dt.timedelta(days=7))
    timeline.stage_combo.setCurrentText("Applied")
    timeline.date_edit.setDate(to_qdate(TODAY - dt.timedelta(days=3)))
    timeline.record_button.click()
    events = window.tracker.get_application(app_id).events
    assert [(e.to_stage, e.occurred_on) for e in events][-1] == (
        "Applied", TODAY - dt.timedelta(days=3))
    timeline.tree.setCurrentItem(timeline.tree.topLevelItem(0))
    timeline.date_edit.setDate(timeline.date_edit.date().addDays(-2))
    assert not timeline.redate_button.isHidden()
    timeline.redate_button.click()
    events = window.tracker.get_application(app_id).events
    assert events[-1].occurred_on == TODAY - dt.timedelta(days=5)
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).events[-1].occurred_on == (
        TODAY - dt.timedelta(days=3))


def test_search_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    add_apps(window.tracker, ("Backend Developer", "Acme"), ("Gardener", "Green Thumb"),
             ("Frontend Developer", "Globex"))
    window.refresh()
    qtbot.waitUntil(lambda: len(titles(window)) == 3)
    window.find_action.trigger()
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "devel")
    qtbot.waitUntil(lambda: sorted(titles(window)) == ["Backend Developer",
                                                       "Frontend Developer"])
    assert window.count_label.text() == "2 matching"
    window.search.clear()
    qtbot.waitUntil(lambda: len(titles(window)) == 3)


def test_quick_filters(window: MainWindow) -> None:
    first, _second = add_apps(window.tracker, ("Dev", "Acme"), ("Ops", "Globex"))
    window.tracker.move_stage(first, "Rejected")
    window.tracker.edit_application(first, tags=("remote",))
    window.refresh()
    view = window.applications
    view.status_filter.setCurrentIndex(1)  # open
    view.status_filter.activated.emit(1)
    assert titles(window) == ["Ops"]
    view.status_filter.setCurrentIndex(0)
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("remote"))
    view.tag_filter.activated.emit(view.tag_filter.currentIndex())
    assert titles(window) == ["Dev"]
    view.tag_filter.setCurrentIndex(0)
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("Saved"))
    view.stage_filter.activated.emit(view.stage_filter.currentIndex())
    assert titles(window) == ["Ops"]


def test_undo_restores_a_deleted_row(window: MainWindow) -> None:
    keep, gone = add_apps(window.tracker, ("Keep", "Acme"), ("Gone", "Globex"))
    window.refresh()
    window.applications.select_id(gone)
    window.delete_action.trigger()
    assert titles(window) == ["Keep"]
    # The selection moves on to the row left in the list (so Delete can go on).
    assert window.detail.application_id == keep
    assert window.delete_action.isEnabled()
    assert window.tracker.count_applications(ApplicationFilter(trashed=True)) == 1
    assert window.trash.model.total == 1
    window.undo_action.trigger()
    assert sorted(titles(window)) == ["Gone", "Keep"]
    assert window.trash.model.total == 0
    assert window.detail.application_id == gone  # the restored row is selected again
    window.redo_action.trigger()
    assert titles(window) == ["Keep"]
    assert keep


def test_trash_view_restores_and_purges(window: MainWindow) -> None:
    first, second = add_apps(window.tracker, ("One", "Acme"), ("Two", "Globex"))
    window.tracker.delete_application(first)
    window.tracker.delete_application(second)
    window.refresh()
    window.show_view("trash")
    trash = window.trash
    assert trash.model.total == 2
    trash.table.selectRow(trash.model.row_of(first))
    trash.restore_button.click()
    assert titles(window) == ["One"]
    assert trash.model.total == 1


def test_layout_and_preferences_persist_across_restart(make_window, db_path: Path) -> None:
    window = make_window(db_path)
    add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    window.resize(1250, 700)
    window.splitter.setSizes([100, 1100])  # the default gives the table more room
    header = window.applications.table.horizontalHeader()
    header.moveSection(1, 0)
    header.resizeSection(2, 211)
    header.setSortIndicator(0, window.applications.table.horizontalHeader().sortIndicatorOrder())
    window.show_view("contacts")
    splitter_state = window.splitter.saveState()
    window.settings.set_follow_up_days(3)
    window.settings.set_date_format("long")
    window.close()

    again = make_window(db_path)
    # The offscreen screen is 800x800, so Qt clamps a restored geometry to it: compare
    # against the window-manager-free default (1280x800) rather than exact pixels.
    assert again.settings.window_geometry() is not None
    assert (again.width(), again.height()) != (1280, 800)
    assert again.pages.currentWidget() is again.contacts
    header = again.applications.table.horizontalHeader()
    assert header.logicalIndex(0) == 1
    assert header.sectionSize(2) == 211
    assert header.sortIndicatorSection() == 0
    # Exact splitter pixels depend on the (clamped) window width; the saved state is what counts.
    assert again.settings.splitter_state() == splitter_state
    assert again.settings.follow_up_days() == 3
    assert again.settings.date_format() == "long"


def test_sample_data_goes_to_a_separate_file(qtbot: QtBot, window: MainWindow,
                                             db_path: Path) -> None:
    window.empty_state.sample_button.click()
    qtbot.waitUntil(lambda: window.tracker.db.path == demo_db_path(db_path), timeout=60_000)
    assert window.tracker.count_applications() > 0
    assert window.demo_banner.isVisible()
    assert "sample data" in window.windowTitle()
    window.back_button.click()
    assert window.tracker.db.path == db_path
    assert window.tracker.count_applications() == 0
    assert not window.demo_banner.isVisible()


def test_sidebar_order_pages_and_shortcuts_follow_view_names(window: MainWindow) -> None:
    from jobtracker.ui.mainwindow.main_window import VIEWS
    assert VIEWS == ("applications", "board", "today", "dashboard", "calendar", "contacts",
                     "inbox", "trash")
    labels = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert labels == ["Applications", "Board", "Today", "Dashboard", "Calendar", "Contacts",
                      "Inbox", "Trash"]
    pages = {"applications": window.applications_page, "board": window.view("board"),
             "today": window.view("today"), "dashboard": window.view("dashboard"),
             "calendar": window.view("calendar"), "contacts": window.contacts,
             "inbox": window.inbox, "trash": window.trash}
    assert pages == {name: window.view(name) for name in VIEWS}
    for number, name in enumerate(VIEWS, start=1):
        window.show_view(name)
        assert window.current_view() == name
        assert window.pages.currentWidget() is pages[name]
        action = window.view_actions[number - 1]
        assert action.data() == name
        assert action.shortcut().toString() == f"Ctrl+Alt+{number}"
    window.view_actions[0].trigger()
    assert window.pages.currentWidget() is window.applications_page
    window.show_view("trash")
    window.save_layout()
    assert window.settings.view() == "trash"


def test_a_view_added_later_comes_last_and_is_built_on_its_first_visit(
        window: MainWindow) -> None:
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("Goals"))
        return built[-1]

    window.add_view("goals", "&Goals", QIcon(), build)
    assert window.view_row("goals") == window.sidebar.count() - 1
    assert window.sidebar.item(window.view_row("goals")).text() == "Goals"
    action = window.view_actions[-1]
    assert (action.data(), action.text()) == ("goals", "&Goals")
    assert action.shortcut().toString() == "Ctrl+Alt+9"
    assert action in window.view_menu.actions()
    assert not window.is_view_built("goals") and built == []
    action.trigger()
    assert window.is_view_built("goals") and window.current_view() == "goals"
    assert window.pages.currentWidget() is built[0] is window.view("goals")
    assert window.pages.indexOf(built[0]) == window.view_row("goals")
    with pytest.raises(ValueError, match="goals"):
        window.add_view("goals", "Goals", QIcon(), build)
