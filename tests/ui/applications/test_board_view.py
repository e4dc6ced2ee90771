"""The board: columns per stage, drag and drop and keyboard moves, shared filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput
from jobtracker.ui.applications.board_model import StageColumnModel, card_mime, read_card_mime
from jobtracker.ui.applications.board_view import BoardColumn, BoardView
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import TODAY


def show_board(qtbot: QtBot, window: MainWindow) -> BoardView:
    window.show_view("board")
    board = window.workspace.board
    qtbot.waitUntil(lambda: bool(board.columns) and not board._stale)
    return board


def column(board: BoardView, stage: str) -> BoardColumn:
    found = board.column_of(stage)
    assert found is not None
    return found


def ids_in(board: BoardView, stage: str) -> list[int]:
    model = column(board, stage).model
    return [model.application(row).id for row in range(model.rowCount())]


def drop_on(qtbot: QtBot, target: QWidget, mime: QMimeData, point: QPoint) -> None:
    """Deliver a drag's enter, move and drop to ``target`` as the window system would."""
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(point, actions, mime, buttons, mods))
    drop = QDropEvent(QPointF(point), actions, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def test_columns_follow_the_stages_and_closed_ones_fold(qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied", priority=5,
                                             tags=("python", "remote")))
    board = show_board(qtbot, window)
    assert [c.model.stage.name for c in board.columns] == [s.name for s in tracker.stages()]
    assert not column(board, "Applied").collapsed
    assert column(board, "Rejected").collapsed
    assert column(board, "Applied").header.text().startswith("Applied")
    for item in board.columns:
        ModelTester(None).check(item.model, force_py=True)
    model = column(board, "Applied").model
    index = model.index(0, 0)
    assert model.data(index) == "Acme — Dev"
    assert "Priority 5 of 5" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.days_in_stage(model.application(0)) == 0
    # A card paints without errors (the delegate reads every field).
    column(board, "Applied").list.viewport().grab()


def test_drag_from_applied_to_interviewing_records_the_event_and_undo_moves_back(
        qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    tracker = window.tracker
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    source = column(board, "Applied")
    target = column(board, "Interviewing")
    assert ids_in(board, "Applied") == [app_id]
    mime = source.model.mimeData([source.model.index(0, 0)])
    drop_on(qtbot, target.list.viewport(), mime, QPoint(20, 20))
    qtbot.waitUntil(lambda: ids_in(board, "Interviewing") == [app_id])
    assert ids_in(board, "Applied") == []
    assert board.current_id() == app_id
    detail = tracker.get_application(app_id)
    assert detail.stage == "Interviewing"
    assert [(e.to_stage, e.occurred_on) for e in detail.events][-1] == ("Interviewing", TODAY)
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM stage_event WHERE application_id = ?",
                           (app_id,)).fetchone() == (2,)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [app_id])
    assert tracker.get_application(app_id).stage == "Applied"
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM stage_event WHERE application_id = ?",
                           (app_id,)).fetchone() == (1,)


def test_dropping_on_a_folded_column_moves_there(qtbot: QtBot, window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    folded = column(board, "Rejected")
    assert folded.collapsed and folded.folded.isVisible()
    drop_on(qtbot, folded.folded, card_mime("Applied", [app_id]), QPoint(5, 30))
    qtbot.waitUntil(lambda: window.tracker.get_application(app_id).stage == "Rejected")
    qtbot.mouseClick(folded.folded, Qt.MouseButton.LeftButton)
    assert not folded.collapsed
    qtbot.waitUntil(lambda: ids_in(board, "Rejected") == [app_id])


def test_keyboard_moves_a_card_to_the_next_and_previous_stage(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    assert board.select_id(app_id)
    applied = column(board, "Applied").list
    applied.setFocus()
    qtbot.keyClick(applied, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ids_in(board, "Screening") == [app_id])
    assert window.tracker.get_application(app_id).stage == "Screening"
    focused = QApplication.focusWidget()
    assert focused is column(board, "Screening").list
    qtbot.keyClick(focused, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [app_id])
    assert [e.to_stage for e in window.tracker.get_application(app_id).events] == [
        "Applied", "Screening", "Applied"]


def test_search_and_filters_of_the_table_apply_to_the_board(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    tracker = window.tracker
    kept = tracker.add_application(ApplicationInput("Data Engineer", "Acme", stage="Applied"))
    tracker.add_application(ApplicationInput("Designer", "Globex", stage="Applied"))
    closed = tracker.add_application(ApplicationInput("Data Analyst", "Initech",
                                                      stage="Rejected"))
    window.refresh()
    board = show_board(qtbot, window)
    assert len(ids_in(board, "Applied")) == 2
    window.search.setText("data")
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [kept])
    assert ids_in(board, "Rejected") == [closed]
    assert board.hint.isVisible()
    view = window.applications
    view.status_filter.setCurrentIndex(1)  # open only
    view.status_filter.activated.emit(1)
    qtbot.waitUntil(lambda: ids_in(board, "Rejected") == [])
    assert ids_in(board, "Applied") == [kept]


def test_a_drop_within_a_column_takes_the_priority_of_the_card_landed_on(
        qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    high = tracker.add_application(ApplicationInput("Lead", "Acme", stage="Applied", priority=5))
    low = tracker.add_application(ApplicationInput("Junior", "Globex", stage="Applied",
                                                   priority=1))
    window.refresh()
    board = show_board(qtbot, window)
    assert ids_in(board, "Applied") == [high, low]
    model = column(board, "Applied").model
    assert model.dropMimeData(card_mime("Applied", [low]), Qt.DropAction.MoveAction, 0, 0,
                              QModelIndex())
    qtbot.waitUntil(lambda: tracker.get_application(low).priority == 5)
    window.undo_action.trigger()
    assert tracker.get_application(low).priority == 1


def test_card_mime_round_trip_and_refusals(qtbot: QtBot, window: MainWindow) -> None:
    assert read_card_mime(card_mime("Applied", [3, 4])) == ("Applied", [3, 4])
    junk = QMimeData()
    junk.setText("hello")
    assert read_card_mime(junk) is None
    stage = window.tracker.stages()[0]
    model = StageColumnModel(stage)
    assert not model.dropMimeData(junk, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert not model.removeRows(0, 1)


def test_a_refused_move_shows_a_message(qtbot: QtBot, window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    with qtbot.waitSignal(board.message):
        board.move_card(app_id, "Applied")


def test_a_move_sets_the_stages_default_follow_up_as_one_action(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    tracker = window.tracker
    screening = next(s.id for s in tracker.stages() if s.name == "Screening")
    window.settings.set_stage_follow_up_days(screening, 5)
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    board.move_card(app_id, "Screening")
    detail = tracker.get_application(app_id)
    assert (detail.stage, detail.follow_up_on) == ("Screening", TODAY + dt.timedelta(days=5))
    window.undo_action.trigger()
    detail = tracker.get_application(app_id)
    assert (detail.stage, detail.follow_up_on) == ("Applied", None)


def test_preferences_keep_no_reply_days_and_follow_up_per_stage(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    dialog = window.open_preferences()
    ui = dialog.ui
    ui.noReplyDaysSpin.setValue(14)
    ui.tabs.setCurrentWidget(ui.stagesTab)
    ui.stagesList.setCurrentRow(2)  # Screening
    assert ui.stageFollowUpSpin.isEnabled() and ui.stageFollowUpSpin.value() == 0
    ui.stageFollowUpSpin.setValue(4)
    ui.stagesList.setCurrentRow(1)
    assert ui.stageFollowUpSpin.value() == 0
    ui.stagesList.setCurrentRow(2)
    assert ui.stageFollowUpSpin.value() == 4
    dialog.accept()
    screening = next(s.id for s in window.tracker.stages() if s.name == "Screening")
    assert window.settings.no_reply_days() == 14
    assert window.settings.stage_follow_up_days(screening) == 4
