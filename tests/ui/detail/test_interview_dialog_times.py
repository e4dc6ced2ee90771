"""The interview dialog at clock changes: the skipped hour refused, the repeated one asked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from jobtracker.ui.detail.interview_dialog import InterviewDialog


def _dialog(qtbot: QtBot, day: tuple[int, int, int], hour: int, minute: int) -> InterviewDialog:
    dialog = InterviewDialog()
    qtbot.addWidget(dialog)
    dialog.ui.timezoneCombo.setCurrentText("Europe/Amsterdam")
    dialog.ui.startsAtEdit.setDateTime(QDateTime(QDate(*day), QTime(hour, minute)))
    dialog.show()
    return dialog


def test_a_time_the_clocks_skip_is_refused_at_the_field(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, (2025, 3, 30), 2, 30)
    dialog.accept()
    assert dialog.isVisible() and dialog.interview() is None
    assert dialog.ui.startsAtError.text() == (
        "02:30 on 2025-03-30 does not exist in Europe/Amsterdam: clocks go from 02:00 to 03:00.")


def test_a_time_that_happens_twice_is_asked_which(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, (2025, 10, 26), 2, 30)
    dialog.accept()
    box = dialog.fold_box
    assert box is not None and box.isVisible() and dialog.interview() is None
    assert "happens twice in Europe/Amsterdam" in box.text()
    earlier, later = dialog.fold_buttons
    assert [earlier.text(), later.text()] == ["Earlier (+02:00)", "Later (+01:00)"]
    later.click()
    chosen = dialog.interview()
    assert chosen is not None and not dialog.isVisible()
    assert chosen.starts_at.astimezone(dt.UTC) == dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC)
    assert chosen.timezone == "Europe/Amsterdam"
