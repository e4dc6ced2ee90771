"""The Today view: follow-ups, interviews, tasks, no reply → Ghosted, and reminders."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker
from jobtracker.ui.insights.today_view import TodayView
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import NOW, TODAY


def show_today(qtbot: QtBot, window: MainWindow) -> TodayView:
    view = window.workspace.today
    window.sidebar.setCurrentRow(window.pages.indexOf(view))
    qtbot.waitUntil(lambda: not view._stale)
    return view


def silent_application(tracker: Tracker, days: int = 30) -> int:
    return tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"),
                                   stage_on=TODAY - dt.timedelta(days=days))


def test_today_lists_follow_ups_interviews_tasks_and_silence(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    tracker = window.tracker
    late = tracker.add_application(ApplicationInput(
        "Late", "Globex", stage="Applied", follow_up_on=TODAY - dt.timedelta(days=2)))
    talk = tracker.add_application(ApplicationInput("Talk", "Initech", stage="Interviewing"))
    tracker.add_interview(talk, InterviewInput("Technical", NOW + dt.timedelta(days=1),
                                               location="Video call"))
    tracker.add_task("Update portfolio", due_on=TODAY)
    silent = silent_application(tracker)
    view = show_today(qtbot, window)
    ModelTester(None).check(view.model, force_py=True)
    kinds = {view.model.item(r).kind: view.model.item(r).application_id  # type: ignore[union-attr]
             for r in range(view.model.rowCount()) if view.model.item(r) is not None}
    assert kinds["follow_up"] == late
    assert kinds["interview"] == talk
    assert kinds["task"] is None
    assert kinds["no_reply"] == silent
    text = view.model.data(view.model.index(view.model.rows_of("follow_up")[0], 0))
    assert "Globex — Late" in text and "Follow-up overdue since" in text
    assert "1 follow-ups due" in view.summary.text()


def test_no_reply_moves_to_ghosted_in_one_click_and_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    app_id = silent_application(window.tracker)
    view = show_today(qtbot, window)
    assert view.select_first("no_reply")
    assert view.ghost_button.isEnabled()
    qtbot.mouseClick(view.ghost_button, Qt.MouseButton.LeftButton)
    detail = window.tracker.get_application(app_id)
    assert detail.stage == "Ghosted"
    assert detail.events[-1].occurred_on == TODAY
    qtbot.waitUntil(lambda: not view.model.rows_of("no_reply"))
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).stage == "Applied"
    qtbot.waitUntil(lambda: bool(view.model.rows_of("no_reply")))


def test_no_reply_days_come_from_the_preferences(qtbot: QtBot, window: MainWindow) -> None:
    silent_application(window.tracker, days=10)
    view = show_today(qtbot, window)
    assert not view.model.rows_of("no_reply")
    window.settings.set_no_reply_days(7)
    view.reload()
    assert view.model.rows_of("no_reply")


def test_add_complete_and_delete_tasks_with_undo(qtbot: QtBot, window: MainWindow) -> None:
    view = show_today(qtbot, window)
    qtbot.keyClicks(view.task_edit, "Call the recruiter")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    [task] = window.tracker.open_tasks()
    assert (task.title, task.due_on) == ("Call the recruiter", TODAY)
    assert view.task_edit.text() == ""
    [row] = view.model.rows_of("task")
    index = view.model.index(row, 0)
    assert view.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert view.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.tracker.open_tasks() == []
    qtbot.waitUntil(lambda: not view.model.rows_of("task"))
    window.undo_action.trigger()
    assert [t.title for t in window.tracker.open_tasks()] == ["Call the recruiter"]
    assert view.select_first("task")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert window.tracker.open_tasks() == []
    window.undo_action.trigger()
    assert [t.title for t in window.tracker.open_tasks()] == ["Call the recruiter"]


def test_snooze_moves_the_follow_up_a_week(qtbot: QtBot, window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput(
        "Late", "Globex", stage="Applied", follow_up_on=TODAY - dt.timedelta(days=1)))
    view = show_today(qtbot, window)
    assert view.select_first("follow_up")
    qtbot.mouseClick(view.snooze_button, Qt.MouseButton.LeftButton)
    assert window.tracker.get_application(app_id).follow_up_on == TODAY + dt.timedelta(days=7)


def test_opening_an_item_shows_the_application(qtbot: QtBot, window: MainWindow) -> None:
    app_id = silent_application(window.tracker)
    window.refresh()
    view = show_today(qtbot, window)
    assert view.select_first("no_reply")
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.applications_page
    assert window.detail.application_id == app_id
