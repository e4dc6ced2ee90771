"""The Today view: a to-do list whose items carry their own buttons, keys and undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker
from jobtracker.ui.insights.today_items import (
    DELETE,
    DONE,
    GHOST,
    OPEN,
    SNOOZE,
    HeaderRole,
    key_of,
)
from jobtracker.ui.insights.today_rows import TodayRow
from jobtracker.ui.insights.today_view import PAGE, TodayView
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.contrast import TEXT_CONTRAST, contrast_ratio
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.helpers import NOW, TODAY

WEEK = dt.timedelta(days=7)


def make_view(qtbot: QtBot, tracker: Tracker, size: tuple[int, int] = (1100, 700),
              no_reply_days: int = 21) -> TodayView:
    """Today on its own over ``tracker`` (real SQLite), shown and read."""
    view = TodayView(Editor(tracker), today=lambda: TODAY, no_reply_days=lambda: no_reply_days)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)  # focus checks need the active window
    qtbot.waitUntil(lambda: not view._stale)
    return view


def silent_application(tracker: Tracker, company: str = "Acme", days: int = 30) -> int:
    return tracker.add_application(ApplicationInput("Dev", company, stage="Applied"),
                                   stage_on=TODAY - dt.timedelta(days=days))


def late_follow_up(tracker: Tracker, company: str = "Globex", days: int = 2) -> int:
    return tracker.add_application(ApplicationInput(
        "Late", company, stage="Applied", follow_up_on=TODAY - dt.timedelta(days=days)))


def row_of(view: TodayView, kind: str, n: int = 0) -> TodayRow:
    rows = [row for row in view.rows() if row.item is not None and row.item.kind == kind]
    return rows[n]


def click(qtbot: QtBot, row: TodayRow, action: str) -> None:
    """Click one of the row's own buttons: nothing is selected first."""
    button = row.buttons[action]
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(view: TodayView) -> list[str]:
    return [row.title.text() for row in view.rows()]


# -- what it shows ----------------------------------------------------------------------------


def test_items_are_grouped_under_headings_with_their_own_buttons(qtbot: QtBot,
                                                                 tracker: Tracker) -> None:
    late = late_follow_up(tracker)
    talk = tracker.add_application(ApplicationInput("Talk", "Initech", stage="Interviewing"))
    tracker.add_interview(talk, InterviewInput("Technical", NOW + dt.timedelta(days=1),
                                               location="Video call"))
    tracker.add_task("Update portfolio", due_on=TODAY)
    tracker.add_task("Read a book")
    silent = silent_application(tracker)
    view = make_view(qtbot, tracker)
    ModelTester(None).check(view.model, force_py=True)
    model = view.model
    headings = [model.data(model.index(r, 0)) for r in range(model.rowCount())
                if model.data(model.index(r, 0), HeaderRole)]
    assert headings == ["Overdue · 1", "Today · 1", "Next 7 days · 1",
                        "Waiting for a reply · 1", "No due date · 1"]
    follow_up = row_of(view, "follow_up")
    assert follow_up.item is not None and follow_up.item.application_id == late
    assert follow_up.title.text() == "Globex — Late"
    assert "was due" in follow_up.details.text() and "2 days ago" in follow_up.details.text()
    assert follow_up.visible_actions() == [GHOST, SNOOZE, OPEN]
    interview = row_of(view, "interview")
    assert interview.title.text() == "Initech — Talk"
    assert "tomorrow at" in interview.details.text() and "Technical" in interview.details.text()
    assert interview.visible_actions() == [OPEN]
    task = row_of(view, "task")
    assert task.title.text() == "Update portfolio"
    assert task.visible_actions() == [DONE, SNOOZE, DELETE]  # not tied to an application
    no_reply = row_of(view, "no_reply")
    assert no_reply.item is not None and no_reply.item.application_id == silent
    assert no_reply.visible_actions() == [GHOST, SNOOZE, OPEN]
    assert "1 overdue" in view.summary_text() and "1 waiting for a reply" in view.summary_text()
    # Every button says which item it is for.
    for row in view.rows():
        for action in row.visible_actions():
            assert row.title.text() in row.buttons[action].accessibleName()
        assert row.accessibleName().startswith(row.title.text())


def test_an_application_due_and_silent_shows_once(qtbot: QtBot, tracker: Tracker) -> None:
    app_id = tracker.add_application(
        ApplicationInput("Dev", "Acme", stage="Applied", follow_up_on=TODAY),
        stage_on=TODAY - dt.timedelta(days=40))
    view = make_view(qtbot, tracker)
    assert [(row.item.kind, row.item.application_id) for row in view.rows()
            if row.item is not None] == [("follow_up", app_id)]


def test_an_empty_today_says_so_and_offers_to_add_a_task(qtbot: QtBot,
                                                         tracker: Tracker) -> None:
    view = make_view(qtbot, tracker)
    assert view.pages.currentWidget() is view.empty
    assert view.empty_title.text() == "Nothing due — nice."
    assert "Tasks you add" in view.empty_text.text()
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    assert view.task_edit.hasFocus()
    qtbot.keyClicks(view.task_edit, "Call the recruiter")
    qtbot.keyClick(view.task_edit, Qt.Key.Key_Return)
    assert [t.title for t in tracker.open_tasks()] == ["Call the recruiter"]
    assert view.pages.currentWidget() is view.area
    assert texts(view) == ["Call the recruiter"]
    assert view.task_edit.text() == ""


def test_adding_an_empty_task_is_refused_with_a_message(qtbot: QtBot, tracker: Tracker) -> None:
    view = make_view(qtbot, tracker)
    with qtbot.waitSignal(view.message) as said:
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Type what the task is first."]
    assert tracker.open_tasks() == []


# -- each button, without selecting first, undoable ---------------------------------------------


def test_done_ticks_the_task_off_and_undo_reopens_it(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Update portfolio", due_on=TODAY)
    view = make_view(qtbot, tracker)
    with qtbot.waitSignal(view.message) as said:
        click(qtbot, row_of(view, "task"), DONE)
    assert tracker.open_tasks() == []
    assert "Done: “Update portfolio”" in said.args[0]
    assert view.pages.currentWidget() is view.empty
    view.editor.stack.undo()
    assert [t.title for t in tracker.open_tasks()] == ["Update portfolio"]
    assert texts(view) == ["Update portfolio"]


@pytest.mark.parametrize("due", [TODAY - dt.timedelta(days=3), TODAY, TODAY + dt.timedelta(days=2)],
                         ids=["overdue", "today", "later"])
def test_snooze_moves_a_task_a_week_and_undo_puts_it_back(qtbot: QtBot, tracker: Tracker,
                                                          due: dt.date) -> None:
    tracker.add_task("Update portfolio", due_on=due)
    view = make_view(qtbot, tracker)
    click(qtbot, row_of(view, "task"), SNOOZE)
    [task] = tracker.open_tasks()
    # A week after its date, and never still overdue: a week from today at the earliest.
    assert task.due_on == max(due, TODAY) + WEEK
    view.editor.stack.undo()
    assert tracker.open_tasks()[0].due_on == due


def test_delete_removes_the_task_and_undo_brings_it_back(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Update portfolio", due_on=TODAY)
    view = make_view(qtbot, tracker)
    click(qtbot, row_of(view, "task"), DELETE)
    assert tracker.open_tasks() == []
    view.editor.stack.undo()
    assert [(t.title, t.due_on) for t in tracker.open_tasks()] == [("Update portfolio", TODAY)]
    # The task came back with a new id: its row works on it all the same.
    click(qtbot, row_of(view, "task"), DONE)
    assert tracker.open_tasks() == []


def test_snooze_moves_a_follow_up_a_week_and_undo_puts_it_back(qtbot: QtBot,
                                                               tracker: Tracker) -> None:
    app_id = late_follow_up(tracker, days=1)
    view = make_view(qtbot, tracker)
    with qtbot.waitSignal(view.message) as said:
        click(qtbot, row_of(view, "follow_up"), SNOOZE)
    assert tracker.get_application(app_id).follow_up_on == TODAY + WEEK
    assert "Follow up with Globex — Late on" in said.args[0]
    assert view.model.rows_of("follow_up") == []
    view.editor.stack.undo()
    assert tracker.get_application(app_id).follow_up_on == TODAY - dt.timedelta(days=1)
    assert view.model.rows_of("follow_up")


@pytest.mark.parametrize("kind", ["follow_up", "no_reply"])
def test_mark_ghosted_moves_the_stage_and_undo_brings_it_back(qtbot: QtBot, tracker: Tracker,
                                                              kind: str) -> None:
    app_id = late_follow_up(tracker) if kind == "follow_up" else silent_application(tracker)
    view = make_view(qtbot, tracker)
    click(qtbot, row_of(view, kind), GHOST)
    detail = tracker.get_application(app_id)
    assert detail.stage == "Ghosted"
    assert detail.events[-1].occurred_on == TODAY
    assert view.model.rows_of(kind) == []
    view.editor.stack.undo()
    assert tracker.get_application(app_id).stage == "Applied"
    assert view.model.rows_of(kind)


def test_snoozing_a_silent_application_plans_a_follow_up(qtbot: QtBot, tracker: Tracker) -> None:
    app_id = silent_application(tracker)
    view = make_view(qtbot, tracker)
    click(qtbot, row_of(view, "no_reply"), SNOOZE)
    assert tracker.get_application(app_id).follow_up_on == TODAY + WEEK
    # Waited on deliberately now: off the list until the follow-up comes due.
    assert view.model.rows_of("no_reply") == []
    assert view.pages.currentWidget() is view.empty
    view.editor.stack.undo()
    assert tracker.get_application(app_id).follow_up_on is None
    assert view.model.rows_of("no_reply")


@pytest.mark.parametrize("kind", ["follow_up", "interview", "no_reply", "task"])
def test_open_shows_the_application(qtbot: QtBot, tracker: Tracker, kind: str) -> None:
    app_id = late_follow_up(tracker) if kind == "follow_up" else silent_application(tracker)
    if kind == "interview":
        tracker.add_interview(app_id, InterviewInput("Screen", NOW + dt.timedelta(hours=2)))
    if kind == "task":
        tracker.add_task("Send references", due_on=TODAY, application_id=app_id)
    view = make_view(qtbot, tracker)
    with qtbot.waitSignal(view.activated) as opened:
        click(qtbot, row_of(view, kind), OPEN)
    assert opened.args == [app_id]


def test_open_in_the_window_shows_the_application(qtbot: QtBot, window: MainWindow) -> None:
    app_id = silent_application(window.tracker)
    window.refresh()
    window.show_view("today")
    view = window.view("today")
    assert isinstance(view, TodayView)
    qtbot.waitUntil(lambda: not view._stale)
    click(qtbot, row_of(view, "no_reply"), OPEN)
    assert window.pages.currentWidget() is window.applications_page
    assert window.detail.application_id == app_id
    # And the window's Undo reverses what Today did.
    window.show_view("today")
    click(qtbot, row_of(view, "no_reply"), GHOST)
    assert window.tracker.get_application(app_id).stage == "Ghosted"
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).stage == "Applied"


def test_a_refused_action_says_why_and_leaves_the_list(qtbot: QtBot, tracker: Tracker) -> None:
    app_id = silent_application(tracker)
    view = make_view(qtbot, tracker)
    row = row_of(view, "no_reply")
    tracker.delete_application(app_id)  # meanwhile, elsewhere
    with qtbot.waitSignal(view.message) as said:
        click(qtbot, row, GHOST)
    assert "Marked" not in said.args[0]
    assert view.editor.stack.count() == 0


def test_no_reply_days_come_from_the_preferences(qtbot: QtBot, window: MainWindow) -> None:
    silent_application(window.tracker, days=10)
    window.show_view("today")
    view = window.view("today")
    assert isinstance(view, TodayView)
    qtbot.waitUntil(lambda: not view._stale)
    assert not view.model.rows_of("no_reply")
    window.settings.set_no_reply_days(7)
    view.reload()
    assert view.model.rows_of("no_reply")


# -- focus and keys -------------------------------------------------------------------------------


def test_after_done_the_focus_moves_to_the_next_item(qtbot: QtBot, tracker: Tracker) -> None:
    for title in ("First", "Second", "Third"):
        tracker.add_task(title, due_on=TODAY)
    view = make_view(qtbot, tracker)
    assert texts(view) == ["First", "Second", "Third"]
    click(qtbot, view.rows()[1], DONE)
    assert texts(view) == ["First", "Third"]
    third = view.rows()[1]
    assert third.hasFocus() and third.current
    assert view.current_item() is third.item
    # The last item done: the focus goes back to the one before it.
    click(qtbot, third, DONE)
    assert view.rows()[0].hasFocus()
    click(qtbot, view.rows()[0], DONE)
    assert view.empty_button.hasFocus()


def test_tab_reaches_each_row_then_its_buttons(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("First", due_on=TODAY)
    late_follow_up(tracker)
    view = make_view(qtbot, tracker)
    follow_up, task = view.rows()
    view.add_button.setFocus()
    expected: list[QWidget] = [follow_up, follow_up.buttons[GHOST], follow_up.buttons[SNOOZE],
                               follow_up.buttons[OPEN], task, task.buttons[DONE],
                               task.buttons[SNOOZE], task.buttons[DELETE]]
    for widget in expected:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    # Focusing a button makes its row the current one.
    assert view.current_item() is task.item and task.current and not follow_up.current


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_space_and_enter_do_the_focused_item(qtbot: QtBot, tracker: Tracker,
                                             key: Qt.Key) -> None:
    tracker.add_task("First", due_on=TODAY)
    tracker.add_task("Second", due_on=TODAY)
    view = make_view(qtbot, tracker)
    first = view.rows()[0]
    first.setFocus()
    qtbot.keyClick(first, key)
    assert [t.title for t in tracker.open_tasks()] == ["Second"]
    second = view.rows()[0]
    assert second.hasFocus()
    # On a focused button the key clicks that button.
    second.buttons[SNOOZE].setFocus()
    qtbot.keyClick(second.buttons[SNOOZE], key)
    assert tracker.open_tasks()[0].due_on == TODAY + WEEK


def test_enter_opens_an_item_that_is_not_a_task(qtbot: QtBot, tracker: Tracker) -> None:
    app_id = late_follow_up(tracker)
    view = make_view(qtbot, tracker)
    row = view.rows()[0]
    row.setFocus()
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(row, Qt.Key.Key_Return)
    assert opened.args == [app_id]


def test_letter_keys_snooze_ghost_open_and_delete(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Task", due_on=TODAY)
    follow = late_follow_up(tracker)
    view = make_view(qtbot, tracker)
    task = row_of(view, "task")
    task.setFocus()
    qtbot.keyClick(task, Qt.Key.Key_G)  # not a task's action: nothing happens
    assert view.editor.stack.count() == 0
    qtbot.keyClick(task, Qt.Key.Key_S)
    assert tracker.open_tasks()[0].due_on == TODAY + WEEK
    task = row_of(view, "task")
    task.buttons[DONE].setFocus()  # keys on a row's button act on its row too
    qtbot.keyClick(task.buttons[DONE], Qt.Key.Key_Delete)
    assert tracker.open_tasks() == []
    row = row_of(view, "follow_up")
    row.setFocus()
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(row, Qt.Key.Key_O)
    assert opened.args == [follow]
    qtbot.keyClick(row, Qt.Key.Key_G)
    assert tracker.get_application(follow).stage == "Ghosted"


def test_up_and_down_move_between_items(qtbot: QtBot, tracker: Tracker) -> None:
    late_follow_up(tracker)
    for title in ("First", "Second"):
        tracker.add_task(title, due_on=TODAY)
    view = make_view(qtbot, tracker)
    rows = view.rows()
    rows[0].setFocus()
    qtbot.keyClick(rows[0], Qt.Key.Key_Down)
    assert rows[1].hasFocus()
    qtbot.keyClick(rows[1].buttons[SNOOZE], Qt.Key.Key_Down)  # from a button as well
    assert rows[2].hasFocus()
    qtbot.keyClick(rows[2], Qt.Key.Key_Down)
    assert rows[2].hasFocus()  # the last stays
    qtbot.keyClick(rows[2], Qt.Key.Key_Home)
    assert rows[0].hasFocus()
    qtbot.keyClick(rows[0], Qt.Key.Key_Up)
    assert rows[0].hasFocus()


def test_the_keys_are_documented(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Task", due_on=TODAY, application_id=late_follow_up(tracker))
    view = make_view(qtbot, tracker)
    for needle in ("Enter or Space", "S: Snooze a week", "G: Mark ghosted", "O: Open",
                   "Del: Delete"):
        assert needle in view.keys_hint.text()
    task = row_of(view, "task")
    assert "(S)" in task.buttons[SNOOZE].toolTip()
    assert "(Enter or Space)" in task.buttons[DONE].toolTip()
    assert "S: Snooze a week" in task.accessibleDescription()
    # The tooltip says where Snooze puts the date.
    assert (TODAY + WEEK).isoformat() in task.buttons[SNOOZE].toolTip()


def test_selection_survives_a_reload(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("First", due_on=TODAY)
    tracker.add_task("Second", due_on=TODAY)
    view = make_view(qtbot, tracker)
    assert view.select_first("task")
    second = view.rows()[1]
    second.setFocus()
    tracker.add_task("Zeroth", due_on=TODAY - dt.timedelta(days=1))
    view.reload()
    assert view.rows()[2] is second  # the same widget, kept
    assert view.current_item() is second.item and second.current


# -- long lists ---------------------------------------------------------------------------------


def test_a_long_group_shows_a_page_and_more_on_request(qtbot: QtBot, tracker: Tracker) -> None:
    for n in range(PAGE + 5):
        silent_application(tracker, company=f"Company {n:02}")
    view = make_view(qtbot, tracker)
    assert len(view.rows()) == PAGE
    more = view._more["waiting"].button
    assert more.text() == "Show 5 more (5 not shown)"
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert len(view.rows()) == PAGE + 5
    assert view.rows()[PAGE].hasFocus()
    assert "waiting" not in view._more
    assert len(view.model.rows_of("no_reply")) == PAGE + 5


# -- size, text scale, contrast, names -------------------------------------------------------------


@pytest.fixture(params=[1.0, 1.5, 2.0], ids=["100%", "150%", "200%"])
def text_scale(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application's text at 100%, 150% and 200%."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * request.param)
    app.setFont(scaled)
    yield request.param
    app.setFont(font)


def fill(tracker: Tracker) -> None:
    app_id = tracker.add_application(ApplicationInput(
        "Senior Site Reliability Engineer, Platform Infrastructure", "Northgate Interactive",
        stage="Applied", follow_up_on=TODAY - dt.timedelta(days=3)))
    tracker.add_task("Prepare for the technical interview at Northgate Interactive",
                     due_on=TODAY, application_id=app_id)
    tracker.add_task("Update the portfolio", due_on=TODAY + dt.timedelta(days=2))
    talk = tracker.add_application(ApplicationInput("Platform Engineer", "Initech",
                                                    stage="Interviewing"))
    tracker.add_interview(talk, InterviewInput("System design", NOW + dt.timedelta(days=1),
                                               location="Video call"))
    silent_application(tracker)


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)],
                         ids=["1024x640", "1280x800", "1920x1080"])
def test_nothing_is_clipped(qtbot: QtBot, window: MainWindow, text_scale: float,
                            size: tuple[int, int]) -> None:
    fill(window.tracker)
    window.resize(*size)
    window.show_view("today")
    view = window.view("today")
    assert isinstance(view, TodayView)
    qtbot.waitUntil(lambda: not view._stale)
    qtbot.wait(10)
    failures: list[str] = []
    width = view.area.viewport().width()
    for row in view.rows():
        if row.width() > width:
            failures.append(f"row {row.title.text()!r} wider than the list")
        for action in row.visible_actions():
            button = row.buttons[action]
            if button.width() < button.sizeHint().width() or (
                    button.height() < button.sizeHint().height()):
                failures.append(f"{action} of {row.title.text()!r}: {button.size()}")
            if not row.rect().contains(button.geometry()):
                failures.append(f"{action} of {row.title.text()!r} outside its row")
        for label in (row.title, row.details):
            if label.height() < label.heightForWidth(label.width()):
                failures.append(f"{label.text()!r} cut off")
            if not row.rect().contains(label.parentWidget().geometry()):
                failures.append(f"{label.text()!r} outside its row")
        text = row.title.parentWidget().geometry()
        for action in row.visible_actions():
            if text.intersects(row.buttons[action].geometry()):
                failures.append(f"{action} over the text of {row.title.text()!r}")
    for widget in (view.task_edit, view.due_check, view.due_edit, view.add_button):
        if widget.width() < widget.minimumSizeHint().width():
            failures.append(f"{widget.accessibleName() or widget.objectName()} squeezed")
    if view.keys_hint.height() < view.keys_hint.heightForWidth(view.keys_hint.width()):
        failures.append("the keys hint is cut off")
    assert len(view.rows()) == 5
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(qtbot: QtBot, tracker: Tracker, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        fill(tracker)
        view = make_view(qtbot, tracker)
        failures: list[str] = []
        rows = view.rows()
        rows[1].setFocus()
        for row in rows:
            ground = row.background()
            for label in (row.title, row.details):
                color = label.palette().color(label.foregroundRole())
                ratio = contrast_ratio(color, ground)
                if ratio < TEXT_CONTRAST:
                    failures.append(f"{label.text()!r} (current={row.current}): {ratio:.2f}")
        base = view.content.palette().color(view.content.backgroundRole())
        for heading in view.content.findChildren(QLabel):
            if heading.parentWidget() is view.content:
                ratio = contrast_ratio(heading.palette().color(heading.foregroundRole()), base)
                if ratio < TEXT_CONTRAST:
                    failures.append(f"heading {heading.text()!r}: {ratio:.2f}")
        assert not failures, "\n".join(failures)
    finally:
        apply_theme(app, "light")


def test_every_control_has_an_accessible_name(qtbot: QtBot, tracker: Tracker) -> None:
    fill(tracker)
    view = make_view(qtbot, tracker)
    for button in view.findChildren(QPushButton):
        if button.isVisibleTo(view):
            assert button.accessibleName() or button.text().replace("&", ""), button
    for widget in (view.task_edit, view.due_edit, *view.rows()):
        assert widget.accessibleName()
    assert view.due_check.text()


def test_rows_keep_their_key(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Task", due_on=TODAY)
    view = make_view(qtbot, tracker)
    [row] = view.rows()
    assert row.item is not None and view.row_of(key_of(row.item)) is row


def test_a_task_without_a_date_has_nothing_to_snooze(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Read a book")
    view = make_view(qtbot, tracker)
    assert row_of(view, "task").visible_actions() == [DONE, DELETE]


def test_rows_follow_the_clock_past_midnight(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add_task("Send references", due_on=TODAY + dt.timedelta(days=1))
    day = [TODAY]
    view = TodayView(Editor(tracker), today=lambda: day[0])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view._stale)
    assert "due tomorrow" in view.rows()[0].details.text()
    day[0] = TODAY + dt.timedelta(days=1)
    view.reload()
    assert "due today" in view.rows()[0].details.text()


def test_a_bigger_text_size_while_shown_still_fits(qtbot: QtBot, tracker: Tracker) -> None:
    fill(tracker)
    view = make_view(qtbot, tracker, size=(820, 560))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(bigger)
    try:
        qtbot.wait(20)
        for row in view.rows():
            for action in row.visible_actions():
                button = row.buttons[action]
                assert button.width() >= button.sizeHint().width(), (action, row.title.text())
                assert row.rect().contains(button.geometry()), (action, row.title.text())
            assert row.title.height() >= row.title.heightForWidth(row.title.width())
    finally:
        app.setFont(font)
