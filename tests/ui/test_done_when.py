"""The issue's acceptance path, end to end on a real database file."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from .helpers import TODAY, add_through_dialog, titles


def test_first_run_to_restart(qtbot: QtBot, make_window, db_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    assert window.applications_page.currentWidget() is window.empty_state
    qtbot.mouseClick(window.empty_state.add_button, Qt.MouseButton.LeftButton)
    first = add_through_dialog(qtbot, window, "Backend Developer", "Acme")
    add_through_dialog(qtbot, window, "Data Engineer", "Globex", stage="Saved")
    add_through_dialog(qtbot, window, "Platform Engineer", "Initech")
    qtbot.waitUntil(lambda: len(titles(window)) == 3)

    assert window.applications.select_id(first)
    window.detail.move_to_stage("Interviewing")
    dialog = window.detail.interviews.add()
    assert dialog is not None
    tuesday = TODAY + dt.timedelta(days=(1 - TODAY.weekday()) % 7 or 7)
    dialog.ui.timezoneCombo.setCurrentText("Europe/Berlin")
    dialog.ui.startsAtEdit.setDateTime(dialog.ui.startsAtEdit.dateTime().fromString(
        f"{tuesday.isoformat()} 10:00", "yyyy-MM-dd HH:mm"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    window.detail.show_section("notes")
    window.detail.notes.new_button.click()
    qtbot.keyClicks(window.detail.notes.editor, "Prepare the **system design** round")
    window.detail.notes.save_button.click()
    window.applications.table.horizontalHeader().resizeSection(1, 260)
    window.close()

    again = make_window(db_path)
    assert again.applications_page.currentWidget() is again.splitter
    qtbot.waitUntil(lambda: len(titles(again)) == 3)
    assert again.applications.table.horizontalHeader().sectionSize(1) == 260
    detail = again.tracker.get_application(first)
    assert detail.stage == "Interviewing"
    assert [e.to_stage for e in detail.events] == ["Applied", "Interviewing"]
    [interview] = detail.interviews
    assert interview.starts_at.astimezone(dt.UTC).date() == tuesday
    assert detail.notes[0].body == "Prepare the **system design** round"
    row = again.applications.model.application(again.applications.model.row_of(first))
    assert row.next_interview == interview.starts_at
