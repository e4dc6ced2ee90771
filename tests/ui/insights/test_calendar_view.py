"""The calendar and agenda, the .ics and vCard exports, and tray reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput
from jobtracker.tracker.insights import TodayItem, TodayList
from jobtracker.ui.insights.calendar_view import CalendarView
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.reminders import ReminderNotifier, due_reminders
from tests.ui.helpers import NOW, TODAY


def show_calendar(qtbot: QtBot, window: MainWindow) -> CalendarView:
    view = window.workspace.calendar
    window.sidebar.setCurrentRow(window.pages.indexOf(view))
    qtbot.waitUntil(lambda: not view._stale)
    return view


def test_calendar_marks_interview_and_task_days_and_lists_the_agenda(
        qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Interviewing"))
    starts = NOW + dt.timedelta(days=2)
    tracker.add_interview(app_id, InterviewInput("Technical", starts, location="Office"))
    tracker.add_task("Send references", due_on=TODAY + dt.timedelta(days=5),
                     application_id=app_id)
    window.refresh()
    view = show_calendar(qtbot, window)
    ModelTester(None).check(view.model, force_py=True)
    assert view.marked_days() == [starts.astimezone().date(), TODAY + dt.timedelta(days=5)]
    texts = [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]
    assert any("Technical interview" in t and "Acme — Dev" in t for t in texts)
    assert any("Task: Send references" in t for t in texts)
    tracker.add_task("Later", due_on=TODAY + dt.timedelta(days=6))
    window.refresh()  # an edit elsewhere re-reads the calendar
    view.reload()
    assert len(view.marked_days()) == 3


def test_export_actions_write_ics_and_vcards(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    tracker = window.tracker
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Interviewing"))
    tracker.add_interview(app_id, InterviewInput("Technical", NOW + dt.timedelta(days=1)))
    tracker.add_contact(ContactInput("Dana Fischer", "Acme", "Recruiter", "dana@example.com"))
    targets = iter([str(tmp_path / "interviews"), str(tmp_path / "people.vcf")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (next(targets), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    window.workspace.export_ics_action.trigger()
    ics = (tmp_path / "interviews.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VEVENT" in ics
    window.workspace.export_vcard_action.trigger()
    vcf = (tmp_path / "people.vcf").read_bytes()
    assert vcf.startswith(b"BEGIN:VCARD") and b"Dana Fischer" in vcf and b"\r\n" in vcf
    file_actions = window.quit_action.associatedObjects()
    assert file_actions  # the export actions sit in the File menu, before Quit


def item(kind: str, **fields: object) -> TodayItem:
    values: dict[str, object] = {"application_id": 1, "company": "Acme", "title": "Dev",
                                 "due": None, "starts_at": None, "stage": "Applied",
                                 "detail": None, "task_id": None, "interview_id": None}
    values.update(fields)
    return TodayItem(kind, **values)  # type: ignore[arg-type]


def test_due_reminders_pick_what_falls_due() -> None:
    soon = item("interview", starts_at=NOW + dt.timedelta(minutes=20), interview_id=4)
    later = item("interview", starts_at=NOW + dt.timedelta(hours=5), interview_id=5)
    task = item("task", application_id=None, title="Call", due=TODAY, task_id=7)
    future_task = item("task", title="Later", due=TODAY + dt.timedelta(days=1), task_id=8)
    follow = item("follow_up", due=TODAY - dt.timedelta(days=1))
    found = due_reminders(TodayList((follow,), (soon, later), (task, future_task), ()),
                          now=NOW, today=TODAY)
    assert [r.key.split(":")[0] for r in found] == ["interview", "task", "follow_up"]
    assert found[0].key.startswith("interview:4:")


def test_notifier_announces_only_what_is_new_and_works_without_a_tray(
        qtbot: QtBot, window: MainWindow) -> None:
    notifier = ReminderNotifier(window.editor, window.windowIcon(),
                                tray_available=lambda: False)
    assert notifier.tray is None
    tracker = window.tracker
    tracker.add_task("Old", due_on=TODAY)
    with qtbot.waitSignal(notifier.notified) as first:
        assert len(notifier.check()) == 1
    assert "1 things" in first.args[1]  # the first look sums up what is already due
    assert notifier.check() == []  # nothing new
    tracker.add_task("Call back", due_on=TODAY)
    with qtbot.waitSignal(notifier.notified) as new:
        [reminder] = notifier.check()
    assert reminder.text == "Call back" and new.args == ["Task due", "Call back"]
    notifier.deleteLater()
