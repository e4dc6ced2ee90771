"""The Tasks tab of the detail pane: add, tick off, edit, delete, undo, and the Today view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from jobtracker.ui.applications.applications_model import overdue_color
from jobtracker.ui.detail.tasks_panel import TasksPanel
from jobtracker.ui.insights.today_view import TodayView
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import TODAY, add_apps


def open_tasks_tab(window: MainWindow, title: str = "Dev", company: str = "Acme"
                   ) -> tuple[int, TasksPanel]:
    (app_id,) = add_apps(window.tracker, (title, company))
    window.refresh()
    assert window.applications.select_id(app_id)
    window.detail.show_section("tasks")
    return app_id, window.detail.tasks


def add_task(qtbot: QtBot, panel: TasksPanel, title: str, due: dt.date | None = None) -> None:
    panel.title_edit.setFocus()
    panel.title_edit.setText(title)
    panel.due_check.setChecked(due is not None)
    if due is not None:
        panel.due_edit.setDate(due)
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)


def task_titles(panel: TasksPanel) -> list[str]:
    return [task.title for task in panel.tasks()]


def test_tasks_section_sits_after_interviews(window: MainWindow) -> None:
    tabs = window.detail.ui.tabs
    labels = [tabs.tabText(n).replace("&", "") for n in range(tabs.count())]
    assert labels == ["Details", "Activity", "Contacts", "Posting"]
    assert list(window.detail.activity.sections) == ["timeline", "interviews", "tasks",
                                                     "notes"]


def test_add_task_with_enter_and_order(qtbot: QtBot, window: MainWindow) -> None:
    app_id, panel = open_tasks_tab(window)
    add_task(qtbot, panel, "No date")
    add_task(qtbot, panel, "Later", TODAY + dt.timedelta(days=5))
    add_task(qtbot, panel, "Sooner", TODAY + dt.timedelta(days=1))
    add_task(qtbot, panel, "Late", TODAY - dt.timedelta(days=2))
    assert task_titles(panel) == ["Late", "Sooner", "Later", "No date"]
    assert panel.title_edit.text() == ""
    stored = window.tracker.get_application(app_id).tasks
    assert {(t.title, t.due_on, t.application_id) for t in stored} >= {
        ("No date", None, app_id), ("Sooner", TODAY + dt.timedelta(days=1), app_id)}
    # Overdue due dates look like the table's overdue follow-ups.
    late = panel.tree.topLevelItem(0)
    assert late.foreground(1).color() == overdue_color()
    assert late.font(1).bold()
    assert panel.tree.topLevelItem(1).foreground(1).color() != overdue_color()
    # Undo takes the last one away again.
    window.undo_action.trigger()
    assert task_titles(panel) == ["Sooner", "Later", "No date"]
    window.redo_action.trigger()
    assert task_titles(panel) == ["Late", "Sooner", "Later", "No date"]


def test_empty_title_adds_nothing(qtbot: QtBot, window: MainWindow) -> None:
    app_id, panel = open_tasks_tab(window)
    add_task(qtbot, panel, "   ")
    assert panel.tasks() == []
    assert window.tracker.get_application(app_id).tasks == ()


def test_tick_done_greys_and_undo_reopens(qtbot: QtBot, window: MainWindow) -> None:
    _app_id, panel = open_tasks_tab(window)
    add_task(qtbot, panel, "Write back", TODAY + dt.timedelta(days=1))
    add_task(qtbot, panel, "Research team", TODAY + dt.timedelta(days=3))
    item = panel.tree.topLevelItem(0)
    item.setCheckState(0, Qt.CheckState.Checked)  # what a click on the box does
    qtbot.waitUntil(lambda: task_titles(panel) == ["Research team", "Write back"])
    done_item = panel.tree.topLevelItem(1)
    assert done_item.checkState(0) == Qt.CheckState.Checked
    assert done_item.font(0).strikeOut()
    assert panel.tasks()[1].done_at is not None
    assert window.editor.stack.undoText() == "Complete task"
    window.undo_action.trigger()
    assert task_titles(panel) == ["Write back", "Research team"]
    assert all(t.done_at is None for t in panel.tasks())
    # The Done button and the keyboard do the same.
    assert panel.select(panel.tasks()[1].id)
    panel.done_button.click()
    assert [t.done_at is None for t in panel.tasks()] == [True, False]
    assert panel.select(panel.tasks()[1].id)
    assert panel.done_button.text() == "Re&open"
    panel.done_button.click()
    assert all(t.done_at is None for t in panel.tasks())


def test_edit_title_and_due_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    _app_id, panel = open_tasks_tab(window)
    add_task(qtbot, panel, "Prepare", TODAY + dt.timedelta(days=2))
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.edit_button.click()
    assert panel.title_edit.text() == "Prepare"
    assert panel.due_check.isChecked()
    panel.title_edit.setText("Prepare system design")
    panel.due_check.setChecked(False)
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)
    (task,) = panel.tasks()
    assert (task.title, task.due_on) == ("Prepare system design", None)
    assert panel.add_button.text() == "&Add Task"
    window.undo_action.trigger()
    (task,) = panel.tasks()
    assert (task.title, task.due_on) == ("Prepare", TODAY + dt.timedelta(days=2))
    # Escape leaves an edit without saving.
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.edit_selected()
    panel.title_edit.setText("Something else")
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Escape)
    assert panel.title_edit.text() == ""
    assert task_titles(panel) == ["Prepare"]


def test_delete_and_undo_then_undo_earlier_steps(qtbot: QtBot, window: MainWindow) -> None:
    app_id, panel = open_tasks_tab(window)
    add_task(qtbot, panel, "Call recruiter")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.done_button.click()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert panel.tasks() == []
    window.undo_action.trigger()  # back, still done
    (task,) = panel.tasks()
    assert task.title == "Call recruiter" and task.done_at is not None
    # The task came back with a new id: the earlier steps still undo on it.
    window.undo_action.trigger()  # reopen
    assert panel.tasks()[0].done_at is None
    window.undo_action.trigger()  # un-add
    assert panel.tasks() == []
    assert window.tracker.get_application(app_id).tasks == ()
    for _ in range(3):
        window.redo_action.trigger()
    assert panel.tasks() == []


def test_task_added_here_shows_in_today(qtbot: QtBot, window: MainWindow) -> None:
    _app_id, panel = open_tasks_tab(window, "Backend Engineer", "Globex")
    today_view = window.view("today")
    assert isinstance(today_view, TodayView)
    add_task(qtbot, panel, "Send portfolio", TODAY)
    window.show_view("today")
    qtbot.waitUntil(lambda: not today_view._stale)
    rows = today_view.model.rows_of("task")
    items = [today_view.model.item(row) for row in rows]
    assert [(i.title, i.company) for i in items if i is not None] == [
        ("Send portfolio", "Globex")]
    # Ticking it off here (with Today shown) takes it off Today's list at once.
    window.show_view("applications")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.done_button.click()
    window.show_view("today")
    qtbot.waitUntil(lambda: not today_view._stale)
    assert today_view.model.rows_of("task") == []
    # And done in Today, it shows done here.
    window.undo_action.trigger()
    assert today_view.model.rows_of("task")
    today_view.complete_task(today_view.model.item(today_view.model.rows_of("task")[0]).task_id)
    assert panel.tasks()[0].done_at is not None
    assert isinstance(panel.tree.topLevelItem(0).font(0), QFont)
