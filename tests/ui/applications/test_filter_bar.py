"""The filter bar: combos inline when they fit whole, else one "Filters (n)" button."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jobtracker.ui.mainwindow.main_window import MainWindow


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


# The offscreen platform says these for any popup it shows (a real popup grabs the keyboard).
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise",
                          "does not support propagateSizeHints")
def test_a_narrow_bar_collapses_into_a_filters_button(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    view = window.applications
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow(0)
    window.resize(1920, 1080)
    settle(qtbot)
    view.resize(1600, 600)  # an empty database shows a welcome page instead: size it here
    combos = (view.stage_filter, view.status_filter, view.tag_filter, view.date_filter)
    assert all(combo.isVisibleTo(view) for combo in combos)
    assert not view.filters_button.isVisibleTo(view)
    assert all(combo.width() >= combo.sizeHint().width() for combo in combos)

    view._reflow_filters(0)  # as a window too narrow for two rows would
    settle(qtbot)
    assert view.filters_button.isVisibleTo(view)
    assert not any(combo.isVisibleTo(view.filter_bar) for combo in combos)
    assert view.filters_button.text() == "Filters"
    view.status_filter.setCurrentIndex(1)
    view.status_filter.activated.emit(1)
    assert view.filters_button.text() == "Filters (1)"

    view.filters_button.click()
    settle(qtbot)
    assert not view.filters_popup.isHidden()
    assert all(combo.isVisibleTo(view.filters_popup) and combo.width() >= combo.sizeHint().width()
               for combo in combos)
    assert view.filters_popup.isAncestorOf(view.stage_filter)
    view.filters_popup.hide()

    view.clear_filters()
    assert view.filters_button.text() == "Filters"
    view._reflow_filters(4)
    settle(qtbot)
    assert all(combo.isVisibleTo(view) for combo in combos)
    assert not view.filters_button.isVisibleTo(view)
    window.close()
