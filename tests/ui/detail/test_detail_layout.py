"""The detail pane's layout: four tabs, the Activity sections, names for every field, widths."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import add_apps


def select_new(window: MainWindow, title: str = "Dev", company: str = "Acme") -> int:
    [app_id] = add_apps(window.tracker, (title, company))
    window.refresh()
    assert window.applications.select_id(app_id)
    return app_id


def test_four_tabs_that_never_scroll(window: MainWindow) -> None:
    tabs = window.detail.ui.tabs
    assert [tabs.tabText(n).replace("&", "") for n in range(tabs.count())] == [
        "Details", "Activity", "Contacts", "Posting"]
    assert not tabs.usesScrollButtons()
    assert tabs.tabBar().minimumSizeHint().width() == tabs.tabBar().sizeHint().width()


def test_activity_sections_collapse_and_show_on_request(qtbot: QtBot, window: MainWindow) -> None:
    select_new(window)
    detail = window.detail
    activity = detail.activity
    assert list(activity.sections) == ["timeline", "interviews", "tasks", "notes"]
    assert activity.sections["timeline"].header.text() == "Timeline (1)"  # the first stage
    notes = activity.sections["notes"]
    notes.header.click()
    assert not notes.is_open() and not detail.notes.isVisibleTo(notes)
    detail.show_section("notes")  # Add Note (Ctrl+Shift+N) goes through here
    assert detail.ui.tabs.currentWidget() is detail.ui.activityTab
    assert notes.is_open() and detail.notes.isVisibleTo(notes)
    detail.show_section("posting")
    assert detail.ui.tabs.currentWidget() is detail.ui.postingTab


def test_add_note_opens_the_notes_section(window: MainWindow) -> None:
    select_new(window)
    window.add_note_action.trigger()
    assert window.detail.ui.tabs.currentWidget() is window.detail.ui.activityTab
    assert window.detail.activity.sections["notes"].is_open()


def test_every_salary_field_has_a_name(window: MainWindow) -> None:
    ui = window.detail.ui
    names = [w.accessibleName() for w in (ui.salaryMinEdit, ui.salaryMaxEdit,
                                          ui.salaryCurrencyCombo, ui.salaryPeriodCombo)]
    assert names == ["Salary minimum", "Salary maximum", "Salary currency", "Salary period"]


def test_the_pane_is_never_narrower_than_its_form(qtbot: QtBot, window: MainWindow) -> None:
    select_new(window)
    window.splitter.setSizes([5000, 1])  # the user drags the handle far to the right
    detail = window.detail
    # The form's minimum follows its contents (a layout request later): the splitter too.
    qtbot.waitUntil(lambda: detail.width() >= detail.minimumSizeHint().width(), timeout=2000)
    form = detail.ui.detailsScrollContents
    assert form.width() <= detail.ui.detailsScroll.viewport().width()
    for button in (detail.ui.clearAppliedButton, detail.ui.openUrlButton,
                   detail.ui.detachButton):
        assert button.width() >= button.sizeHint().width() - 1


def test_undo_and_redo_keep_one_width(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert isinstance(toolbar, QToolBar)
    undo = toolbar.widgetForAction(window.undo_action)
    assert isinstance(undo, QToolButton)
    before = undo.sizeHint().width()
    select_new(window, "Staff Engineer, Platform Reliability and Developer Experience")
    window.delete_application()  # its undo text quotes the long title
    assert "Staff Engineer, Platform" in window.undo_action.text()
    assert undo.sizeHint().width() == before
    assert "Staff Engineer, Platform" in undo.toolTip()  # the name is still there to read


def test_wide_windows_give_truncated_columns_room(qtbot: QtBot, window: MainWindow) -> None:
    add_apps(window.tracker, ("Dev", "Acme"))
    window.refresh()
    view = window.applications
    header = view.table.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, 40)  # every column squeezed, as remembered
    window.resize(1920, 1080)
    window.splitter.setSizes([1500, 420])
    qtbot.wait(20)
    view.stretch_columns()
    widened = [c for c in range(header.count() - 1) if header.sectionSize(c) > 40]
    assert widened, "no column took the unused width"
