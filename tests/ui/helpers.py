"""Shared helpers of the UI tests: the fixed clock and small drivers of the main window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.mainwindow.main_window import MainWindow

# The same fixed clock as tests/conftest.py (which test modules cannot import by name).
TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def add_apps(tracker: Tracker, *specs: tuple[str, str]) -> list[int]:
    """Add applications (title, company) through the use case."""
    return [tracker.add_application(ApplicationInput(title, company)) for title, company in specs]


def titles(window: MainWindow) -> list[str]:
    """Titles of the loaded rows, in table order."""
    model = window.applications.model
    return [model.application(row).title for row in range(model.rowCount())]


def add_through_dialog(qtbot: QtBot, window: MainWindow, title: str, company: str,
                       stage: str | None = None) -> int:
    """Fill in the New Application dialog (opening it when no button did) and press OK."""
    open_dialogs = [d for d in window.findChildren(NewApplicationDialog) if d.isVisible()]
    dialog = open_dialogs[-1] if open_dialogs else window.new_application()
    qtbot.keyClicks(dialog.ui.titleEdit, title)
    qtbot.keyClicks(dialog.ui.companyEdit, company)
    if stage:
        dialog.ui.stageCombo.setCurrentIndex(dialog.ui.stageCombo.findData(stage))
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.application_id is not None
    return dialog.application_id
