"""The board: columns per stage, closed strip, drag and drop, menus and keys, shared filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationFilter, ApplicationInput
from jobtracker.ui.applications.board_model import (
    StageColumnModel,
    card_mime,
    load_board,
    read_card_mime,
)
from jobtracker.ui.applications.board_view import BoardColumn, BoardView
from jobtracker.ui.applications.board_widgets import (
    blend,
    column_fill,
    drag_outline,
    muted_text,
    stage_mark,
)
from jobtracker.ui.applications.card_avatar import avatar_colors, company_hue, initials
from jobtracker.ui.applications.card_delegate import MARGIN, PAD
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.widgets.contrast import GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast_ratio
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.helpers import TODAY


def show_board(qtbot: QtBot, window: MainWindow) -> BoardView:
    window.show_view("board")
    board = window.view("board")
    assert isinstance(board, BoardView)
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


# -- layout: widths, the closed strip, scroll bars, text scale -----------------------------------


def open_columns(board: BoardView) -> list[BoardColumn]:
    return [c for c in board.shown_columns() if not c.model.closed]


def resize_board(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> BoardView:
    window.resize(*size)
    board = show_board(qtbot, window)
    qtbot.waitUntil(lambda: board.area.viewport().width() > 0)
    qtbot.wait(20)  # the layouts settle over a few posted events
    return board


def test_columns_share_the_width_and_scroll_only_when_they_cannot_fit(
        qtbot: QtBot, window: MainWindow) -> None:
    window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = resize_board(qtbot, window, (1920, 1080))
    columns = open_columns(board)
    assert [c.model.stage.name for c in columns] == [
        "Saved", "Applied", "Screening", "Interviewing", "Offer"]
    widths = [c.width() for c in columns]
    assert max(widths) - min(widths) <= 2, widths
    assert min(widths) > columns[0].minimumSizeHint().width() + 50  # wider than the minimum
    spacing = board._row_layout.spacing() * (len(columns) - 1)
    viewport = board.area.viewport().width()
    assert sum(widths) + spacing >= viewport - len(columns)  # no empty room on the right
    assert board.area.horizontalScrollBar().maximum() == 0

    board = resize_board(qtbot, window, (1024, 640))
    columns = open_columns(board)
    assert all(c.width() == c.minimumSizeHint().width() for c in columns)
    assert board.area.horizontalScrollBar().maximum() > 0  # scrolls to reach the rest


def test_cards_keep_their_width_whether_or_not_a_column_scrolls(
        qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    for n in range(30):
        tracker.add_application(ApplicationInput(f"Dev {n}", f"Company {n}", stage="Applied"))
    tracker.add_application(ApplicationInput("Lead", "Acme", stage="Screening"))
    window.refresh()
    board = resize_board(qtbot, window, (1280, 800))
    applied, screening = column(board, "Applied").list, column(board, "Screening").list
    assert applied.verticalScrollBar().isVisible()
    assert not screening.verticalScrollBar().isVisible()
    # What a card leaves of its column is the same in both (the scroll bar's room is kept).
    applied_card = applied.visualRect(applied.model().index(0, 0)).width()
    screening_card = screening.visualRect(screening.model().index(0, 0)).width()
    assert (column(board, "Applied").width() - applied_card
            == column(board, "Screening").width() - screening_card)


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


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)],
                         ids=["1024x640", "1280x800", "1920x1080"])
def test_nothing_is_clipped(qtbot: QtBot, window: MainWindow, text_scale: float,
                            size: tuple[int, int]) -> None:
    window.tracker.add_application(ApplicationInput("Dev", "Northgate Interactive",
                                                    stage="Applied", tags=("remote",)))
    board = resize_board(qtbot, window, size)
    column(board, "Accepted").set_collapsed(False)  # an empty column: its drop hint
    qtbot.wait(20)
    failures: list[str] = []
    strip = board.closed_strip
    closed = [c for c in board.columns if c.model.closed]
    assert len(closed) == 5
    if strip.height() < strip.heightForWidth(strip.width()) - 1:
        failures.append(f"closed strip: {strip.height()} high, needs "
                        f"{strip.heightForWidth(strip.width())}")
    if not board.rect().contains(strip.geometry()):
        failures.append("closed strip outside the board")
    for item in closed:
        button = item.folded
        assert button is not None
        if button.width() < button.sizeHint().width():
            failures.append(f"{button.name}: {button.width()} < {button.sizeHint().width()}")
        if not strip.rect().contains(button.geometry()):
            failures.append(f"{button.name} outside the strip")
    for item in board.shown_columns():
        if item.header.is_elided():
            failures.append(f"title of {item.model.stage.name} elided")
        if not item.rect().contains(item.add_button.geometry()):
            failures.append(f"+ of {item.model.stage.name} outside its column")
        if item.width() < item.minimumSizeHint().width():
            failures.append(f"{item.model.stage.name} narrower than its minimum")
    if not column(board, "Accepted").list.hint_fits():
        failures.append("drop hint does not fit")
    card = column(board, "Applied").list
    rect = card.visualRect(card.model().index(0, 0))
    if rect.height() < 4 * card.fontMetrics().height() + 16:
        failures.append(f"card {rect.height()} px for four lines")
    assert not failures, "\n".join(failures)


def test_closed_stages_are_a_strip_of_buttons_that_show_their_column(
        qtbot: QtBot, window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Rejected"))
    board = resize_board(qtbot, window, (1280, 800))
    rejected = column(board, "Rejected")
    button = rejected.folded
    assert button is not None and button.isVisible() and not button.isChecked()
    assert (button.name, button.count) == ("Rejected", 1)
    assert rejected.collapsed and not rejected.isVisible()
    assert rejected not in board.shown_columns()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # keyboard reachable
    assert not rejected.collapsed and rejected.isVisible() and button.isChecked()
    assert board.shown_columns()[-1] is rejected  # after the open stages
    assert rejected.hide_button.isVisible()
    assert not column(board, "Applied").hide_button.isVisible()
    assert board.select_id(app_id)
    qtbot.mouseClick(rejected.hide_button, Qt.MouseButton.LeftButton)
    assert rejected.collapsed and not button.isChecked()
    assert board.current_id() is None


def test_accessible_names_of_columns_lists_and_buttons(qtbot: QtBot, window: MainWindow) -> None:
    window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    applied = column(board, "Applied")
    assert applied.accessibleName() == "Applied column"
    assert applied.list.accessibleName() == "Applied: 1 applications"
    assert "Ctrl+Left" in applied.list.accessibleDescription()
    assert applied.add_button.accessibleName() == "New application in Applied…"
    folded = column(board, "Ghosted").folded
    assert folded is not None
    assert folded.accessibleName() == "Ghosted: 0 applications, closed stage"
    assert board.closed_strip.accessibleName() == "Closed stages"
    # Tab goes from a column's "+" to its cards, and on to the next column.
    assert applied.add_button.nextInFocusChain() in (applied.hide_button, applied.list)


# -- drop hint, quick add ------------------------------------------------------------------------


def test_an_empty_column_shows_the_drop_hint(qtbot: QtBot, window: MainWindow) -> None:
    board = show_board(qtbot, window)
    offer = column(board, "Offer").list
    assert offer.showing_drop_hint
    assert offer.drop_hint == "Drop a card here"
    offer.viewport().grab()  # paints the hint without errors
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Offer"))
    board.refresh_now()
    assert ids_in(board, "Offer") == [app_id]
    assert not offer.showing_drop_hint
    # A card dragged over a column outlines it.
    drop_on(qtbot, offer.viewport(), card_mime("Offer", [app_id]), QPoint(20, 20))
    assert not offer._drag_over


def test_plus_adds_an_application_into_its_column_and_undo_removes_it(
        qtbot: QtBot, window: MainWindow) -> None:
    board = show_board(qtbot, window)
    interviewing = column(board, "Interviewing")
    qtbot.mouseClick(interviewing.add_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in board.findChildren(NewApplicationDialog) if d.isVisible())
    assert dialog.ui.stageCombo.currentData() == "Interviewing"
    qtbot.keyClicks(dialog.ui.titleEdit, "Staff Engineer")
    qtbot.keyClicks(dialog.ui.companyEdit, "Northgate")
    dialog.accept()
    assert dialog.application_id is not None
    new_id = dialog.application_id
    qtbot.waitUntil(lambda: ids_in(board, "Interviewing") == [new_id])
    assert window.tracker.get_application(new_id).stage == "Interviewing"
    assert board.current_id() == new_id
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: ids_in(board, "Interviewing") == [])
    assert window.tracker.get_application(new_id).deleted_at is not None


# -- the context menu, Delete, keys --------------------------------------------------------------


def action_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            for a in menu.actions() if not a.isSeparator()]


def test_the_card_menu_opens_edits_moves_and_deletes(qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    menu = board.card_menu(app_id)
    assert action_texts(menu) == ["Open", "Edit…", "Move to", "Delete"]
    assert menu.defaultAction().text() == "&Open"
    move = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert isinstance(move, QMenu)
    stage_actions = [a for a in move.actions() if a.isCheckable()]
    assert [a.text() for a in stage_actions] == [s.name for s in tracker.stages()]
    applied = next(a for a in stage_actions if a.text() == "Applied")
    assert applied.isChecked() and not applied.isEnabled()
    assert {"Move to Previous Stage", "Move to Next Stage"} <= set(action_texts(move))
    with qtbot.waitSignal(board.activated) as opened:
        next(a for a in menu.actions() if a.text() == "&Open").trigger()
    assert opened.args == [app_id]
    window.show_view("board")
    board.card_menu(app_id).actions()[1].trigger()  # Edit…: the details, title ready to type
    assert window.current_view() == "applications"
    assert window.detail.application_id == app_id
    assert window.detail.ui.tabs.currentWidget() is window.detail.ui.detailsTab
    window.show_view("board")
    next(a for a in stage_actions if a.text() == "Screening").trigger()
    qtbot.waitUntil(lambda: ids_in(board, "Screening") == [app_id])
    delete = next(a for a in board.card_menu(app_id).actions() if a.text() == "&Delete")
    delete.trigger()
    qtbot.waitUntil(lambda: ids_in(board, "Screening") == [])
    assert tracker.get_application(app_id).deleted_at is not None


# The offscreen platform says these of every popup menu it shows.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard",
                           "does not support propagateSizeHints")
def test_a_right_click_shows_the_card_menu_and_the_column_menu(
        qtbot: QtBot, window: MainWindow) -> None:
    app_id = window.tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    board = show_board(qtbot, window)
    applied = column(board, "Applied").list
    point = applied.visualRect(applied.model().index(0, 0)).center()
    QApplication.sendEvent(applied.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, applied.viewport().mapToGlobal(point)))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    assert action_texts(popup)[0] == "Open"
    assert board.current_id() == app_id
    popup.close()
    # The menu key: the selected card's menu.
    QApplication.sendEvent(applied, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), applied.mapToGlobal(QPoint(0, 0))))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    assert action_texts(popup)[0] == "Open"
    popup.close()
    empty = column(board, "Offer").list
    QApplication.sendEvent(empty.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(20, 20), empty.viewport().mapToGlobal(
            QPoint(20, 20))))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    assert action_texts(popup) == ["New Application in Offer…"]
    popup.close()


def test_delete_moves_the_selected_card_to_the_trash_and_selects_the_next(
        qtbot: QtBot, window: MainWindow) -> None:
    tracker = window.tracker
    first, middle, last = (
        tracker.add_application(ApplicationInput(f"Dev {p}", f"Company {p}", stage="Applied",
                                                 priority=p)) for p in (5, 4, 3))
    board = show_board(qtbot, window)
    assert ids_in(board, "Applied") == [first, middle, last]
    # The window's own Delete (which acts on the Applications view) must not take the key.
    window.delete_action.setEnabled(True)
    assert board.select_id(middle)
    applied = column(board, "Applied").list
    qtbot.keyClick(applied, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [first, last])
    assert tracker.get_application(middle).deleted_at is not None
    assert board.current_id() == last
    assert QApplication.focusWidget() is applied
    qtbot.keyClick(applied, Qt.Key.Key_Delete)  # the last card: the one before is next
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [first])
    assert board.current_id() == first
    window.undo_action.trigger()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: ids_in(board, "Applied") == [first, middle, last])
    assert tracker.get_application(middle).deleted_at is None


def test_left_and_right_move_the_selection_between_columns(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    tracker = window.tracker
    top, second = (tracker.add_application(ApplicationInput(f"Dev {p}", "Acme", stage="Applied",
                                                            priority=p)) for p in (5, 4))
    interviewing = tracker.add_application(ApplicationInput("Lead", "Globex",
                                                            stage="Interviewing"))
    board = show_board(qtbot, window)
    assert board.select_id(second)
    applied = column(board, "Applied").list
    qtbot.keyClick(applied, Qt.Key.Key_Right)  # past the empty Screening column
    assert board.current_id() == interviewing  # level with it or, below its last, its last
    focused = QApplication.focusWidget()
    assert focused is column(board, "Interviewing").list
    qtbot.keyClick(focused, Qt.Key.Key_Right)  # nothing further right: stays
    assert board.current_id() == interviewing
    qtbot.keyClick(focused, Qt.Key.Key_Left)
    assert board.current_id() == top  # level with the Interviewing card
    assert QApplication.focusWidget() is applied
    # Up and Down stay the list's own.
    qtbot.keyClick(applied, Qt.Key.Key_Down)
    assert board.current_id() == second
    assert window.tracker.get_application(second).stage == "Applied"  # only selection moved


# -- cards: days in stage, initials --------------------------------------------------------------


def test_days_in_stage_are_spelled_out(qtbot: QtBot, window: MainWindow) -> None:
    board = show_board(qtbot, window)
    assert board.delegate.days_text(12) == "12 days in stage"
    assert board.delegate.days_text(1) == "1 day in stage"
    assert board.delegate.days_text(0) == "0 days in stage"
    assert board.delegate.days_text(1200) == "1,200 days in stage"


def test_initials_and_their_colour_are_deterministic_and_readable() -> None:
    assert initials("Northgate Interactive") == "NI"
    assert initials("Acme Inc.") == "A"
    assert initials("The Lovelace Company Ltd") == "L"
    assert initials("ørsted") == "Ø"
    assert initials("<h1>Undo</h1>") == "HU"
    assert initials("—") == "?"
    assert company_hue("Acme") == company_hue("  ACME ") == zlib.crc32(b"acme") % 360
    names = [f"Company {n}" for n in range(200)] + ["Acme", "Globex", "Initech", "Umbrella"]
    assert len({company_hue(name) for name in names}) > 100  # spread round the wheel
    for card, dark in ((QColor("#FFFFFF"), False), (QColor("#17181A"), True),
                       (QColor("#E8EEFC"), False)):
        for name in names:
            fill, text = avatar_colors(name, card, dark=dark)
            assert contrast_ratio(text, fill) >= TEXT_CONTRAST, (name, card.name())
            assert contrast_ratio(fill, card) >= GRAPHIC_CONTRAST - 0.01, (name, card.name())
            assert avatar_colors(name, card, dark=dark) == (fill, text)


def test_a_card_paints_the_initials_in_the_colour_of_the_company(
        qtbot: QtBot, window: MainWindow) -> None:
    window.tracker.add_application(ApplicationInput("Dev", "Northgate Interactive",
                                                    stage="Applied"))
    board = show_board(qtbot, window)
    view = column(board, "Applied").list
    view.selectionModel().clear()
    rect = view.visualRect(view.model().index(0, 0))
    line = view.fontMetrics().height()
    disc = 2 * line - 4
    card = rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
    left, top = card.left() + PAD + 4, card.top() + PAD - 2 + 2
    image = view.viewport().grab().toImage()
    # Inside the disc, below its letters.
    painted = image.pixelColor(left + disc // 2, top + disc - 4)
    base = view.palette().color(QPalette.ColorRole.Base)
    fill, _text = avatar_colors("Northgate Interactive", base, dark=False)
    assert painted.toRgb() == fill.toRgb()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_board_chrome_meets_wcag_aa(qtbot: QtBot, window: MainWindow, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        palette = app.palette()
        window_color = palette.color(QPalette.ColorRole.Window)
        ground = column_fill(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        checked = blend(palette.color(QPalette.ColorRole.Highlight), window_color, 0.16)
        hover = blend(text, window_color, 0.10)
        assert contrast_ratio(text, ground) >= TEXT_CONTRAST  # column titles
        for fill in (ground, checked, hover):  # closed-stage buttons, each state
            assert contrast_ratio(text, fill) >= TEXT_CONTRAST
            assert contrast_ratio(muted_text(palette, fill), fill) >= TEXT_CONTRAST
        for stage in window.tracker.stages():
            assert contrast_ratio(stage_mark(stage.color, ground), ground) >= GRAPHIC_CONTRAST
        assert contrast_ratio(drag_outline(palette, ground), ground) >= GRAPHIC_CONTRAST
    finally:
        apply_theme(app, "light")


def test_the_board_model_passes_the_model_tester(qtmodeltester, window: MainWindow  # type: ignore[no-untyped-def]
                                                 ) -> None:
    tracker = window.tracker
    for n in range(3):
        tracker.add_application(ApplicationInput(f"Dev {n}", "Acme", stage="Applied"))
    stage = next(s for s in tracker.stages() if s.name == "Applied")
    rows = load_board(tracker, ApplicationFilter())[stage.id]
    model = StageColumnModel(stage)
    model.set_rows(rows, stage)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
