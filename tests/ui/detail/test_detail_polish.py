"""Custom date range filter, palette-following icons, row heights, interviewer completion."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput
from jobtracker.ui.applications.applications_view import CUSTOM
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.widgets.formatting import to_qdate
from jobtracker.ui.widgets.icons import themed_icon
from jobtracker.ui.widgets.item_views import row_height
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.helpers import TODAY, add_apps, titles


def _add_applied(window: MainWindow, title: str, days_ago: int) -> int:
    return window.tracker.add_application(ApplicationInput(
        title, "Acme", applied_on=TODAY - dt.timedelta(days=days_ago)))


def _choose_custom(window: MainWindow, start: dt.date, end: dt.date) -> None:
    view = window.applications
    view.date_filter.setCurrentIndex(view.date_filter.findData(CUSTOM))
    view.date_filter.activated.emit(view.date_filter.currentIndex())
    view.applied_from_edit.setDate(to_qdate(start))
    view.applied_to_edit.setDate(to_qdate(end))


def test_custom_date_range_filters_by_applied_date(window: MainWindow) -> None:
    _add_applied(window, "Old", 100)
    _add_applied(window, "Middle", 40)
    _add_applied(window, "Recent", 3)
    window.refresh()
    view = window.applications
    assert view.range_row.isHidden()
    assert view.date_filter.itemText(view.date_filter.findData(CUSTOM)) == "Custom range…"
    _choose_custom(window, TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=10))
    assert not view.range_row.isHidden()
    assert view.applied_from_edit.calendarPopup() and view.applied_to_edit.calendarPopup()
    assert titles(window) == ["Middle"]
    assert view.model.filters.applied_to == TODAY - dt.timedelta(days=10)
    assert window.count_label.text() == "1 matching"
    # Back to a preset: the range edits go away and the upper bound is dropped.
    view.date_filter.setCurrentIndex(view.date_filter.findData(7))
    view.date_filter.activated.emit(view.date_filter.currentIndex())
    assert view.range_row.isHidden()
    assert view.model.filters.applied_to is None
    assert titles(window) == ["Recent"]


def test_quick_filters_are_remembered(make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    _add_applied(window, "Middle", 40)
    _add_applied(window, "Recent", 3)
    window.tracker.edit_application(add_apps(window.tracker, ("Tagged", "Initech"))[0],
                                    tags=("remote",))
    window.refresh()
    start, end = TODAY - dt.timedelta(days=50), TODAY - dt.timedelta(days=20)
    _choose_custom(window, start, end)
    assert titles(window) == ["Middle"]
    window.close()

    again = make_window(db_path)
    view = again.applications
    assert view.date_filter.currentData() == CUSTOM
    assert (view.applied_from_edit.date(), view.applied_to_edit.date()) == (
        to_qdate(start), to_qdate(end))
    assert not view.range_row.isHidden()
    assert titles(again) == ["Middle"]


def _ink(icon: QIcon) -> set[str]:
    image = icon.pixmap(QSize(24, 24)).toImage()
    return {image.pixelColor(x, y).name() for x in range(24) for y in range(24)
            if image.pixelColor(x, y).alpha() > 200}


def _contrast(one: QColor, other: QColor) -> float:
    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
                + 0.0722 * channel(color.blueF()))
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_icons_follow_the_palette_in_light_and_dark(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    icons = {"empty-state add": window.empty_state.add_button.icon(),
             "toolbar new": window.new_action.icon(), "undo": window.undo_action.icon(),
             "sidebar": window.sidebar.item(0).icon()}
    try:
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            button = app.palette().color(QPalette.ColorRole.Button)
            for name, icon in icons.items():
                ink = _ink(icon)
                assert ink, name
                for color in ink:
                    assert _contrast(QColor(color), button) >= 4.5, (theme, name, color)
        # Drawn dark-on-dark before: the "+" of "Add your first application" is light now.
        assert all(QColor(c).lightnessF() > 0.6 for c in _ink(icons["empty-state add"]))
        assert _ink(themed_icon("new")) == _ink(icons["empty-state add"])
    finally:
        apply_theme(app, "light")


def test_timeline_notes_interviews_rows_match_the_table(window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.tracker.add_note(app_id, "A note")
    window.tracker.add_interview(app_id, InterviewInput(
        "Technical", dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), timezone="UTC"))
    window.refresh()
    window.applications.select_id(app_id)
    table_row = window.applications.table.rowHeight(0)
    assert table_row >= row_height(window.applications.table)
    timeline = window.detail.timeline.tree
    notes = window.detail.notes.list
    for view, rect in ((timeline, timeline.visualItemRect(timeline.topLevelItem(0))),
                       (notes, notes.visualItemRect(notes.item(0)))):
        assert rect.height() >= row_height(view) - 1, view.accessibleName()
        assert abs(rect.height() - table_row) <= 4, view.accessibleName()
    interviews = window.detail.interviews.tree
    rect = interviews.visualItemRect(interviews.topLevelItem(0))
    assert abs(rect.height() - table_row) <= 4


# Offscreen cannot raise the completion popup or grab the keyboard for it.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise",
                           "does not support grabbing the keyboard")
def test_interviewers_complete_from_company_contacts(qtbot: QtBot, window: MainWindow) -> None:
    [app_id] = add_apps(window.tracker, ("Dev", "Acme"))
    window.tracker.add_contact(ContactInput("Zoe Acmeson", "Acme", "Engineer"))
    window.tracker.add_contact(ContactInput("Ada Lovelace", "Globex"))
    window.tracker.add_contact(ContactInput("Grace Hopper", "Acme"))
    window.refresh()
    window.applications.select_id(app_id)
    dialog = window.detail.interviews.add()
    assert dialog is not None
    completer = dialog.interviewers_completer
    # The company's people first, then everyone else.
    assert completer.model().stringList() == ["Grace Hopper", "Zoe Acmeson", "Ada Lovelace"]
    edit = dialog.ui.interviewersEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "Zoe Acmeson, hop")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Grace Hopper"
    completer.activated.emit("Grace Hopper")
    assert edit.text() == "Zoe Acmeson, Grace Hopper, "
    dialog.ui.timezoneCombo.setCurrentText("UTC")
    dialog.accept()
    interview = dialog.interview()
    assert interview is not None and interview.interviewers == "Zoe Acmeson, Grace Hopper"
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
