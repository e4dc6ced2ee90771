"""A time-compressed working day in the real main window; prints references to True/False/None.

Run by ``test_long_session.py`` in its own process (``QT_QPA_PLATFORM=offscreen``, a temporary
database, HOME and XDG folders): ``python long_session_driver.py DIR --actions N --seed S``.
Each line of standard output is one JSON object: ``baseline``, one ``hour`` per eighth of the
day, then ``end`` with the deltas. A PySide6 that drops references shows a negative delta, or
aborts the interpreter ("Fatal Python error: bool_dealloc" / "none_dealloc") before the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from jobtracker.db import open_database
from jobtracker.tracker import Tracker
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.detail.interview_dialog import InterviewDialog
from jobtracker.ui.mainwindow import main_window
from jobtracker.ui.mainwindow.app import make_application
from jobtracker.ui.mainwindow.main_window import VIEWS, MainWindow
from jobtracker.ui.settings import Settings

# The fixed clock of the UI tests (tests/ui/helpers.py), so dated code paths are stable.
TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
HOURS = 8
WARM_UP_ACTIONS = 120
# Per hour of the day, on top of the UI actions: Python-side emissions and void calls,
# the two kinds of call PySide6 6.12.0 drops a reference in.
RAW_CALLS_PER_HOUR = 500

TITLES = ("Backend Developer", "Data Engineer", "Platform Engineer", "SRE", "QA Analyst",
          "Product Designer", "Frontend Developer", "ML Engineer")
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell")
WORDS = ("dev", "engineer", "acme", "globex", "berlin", "remote", "data", "zzz-nothing")
PLACES = ("Berlin", "Paris", "Remote", "Lisbon", "Toronto")

Counts = dict[str, int]


def reference_counts() -> Counts:
    """References to the three singletons PySide6 6.12.0 loses (after collecting cycles)."""
    gc.collect()
    return {"True": sys.getrefcount(True), "False": sys.getrefcount(False),
            "None": sys.getrefcount(None)}


def delta(before: Counts, after: Counts) -> Counts:
    """After minus before, per object (negative: references lost)."""
    return {name: after[name] - before[name] for name in before}


def emit_line(**fields: object) -> None:
    """One JSON line now: if the interpreter aborts later, what came before is still there."""
    print(json.dumps(fields), flush=True)


class Toggle(QObject):
    """A Signal(bool) from Python, like the app's own signals."""

    toggled = Signal(bool)


class Day:
    """Drives one main window like a user through a day of work."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.db_path = folder / "jobtracker.db"
        self.rng = rng
        self.errors: list[str] = []
        self.actions = 0
        self.raw_emissions = 0
        self.raw_void_calls = 0
        self.trackers: list[Tracker] = []
        self.window: MainWindow | None = None
        self.app = QApplication.instance()
        assert isinstance(self.app, QApplication)
        # A message box is modal: unanswered, it would stall the day. Answer it and report it.
        self.box_watch = QTimer()
        self.box_watch.setInterval(50)
        self.box_watch.timeout.connect(self._close_message_box)
        self.box_watch.start()

    # -- the window ----------------------------------------------------------------------------

    def _open_tracker(self, path: Path) -> Tracker:
        tracker = Tracker(open_database(path), today=lambda: TODAY, now=lambda: NOW)
        self.trackers.append(tracker)
        return tracker

    def open_window(self) -> MainWindow:
        """A start of the app, as tests/ui/conftest.py's ``make_window`` does it."""
        settings = Settings(QSettings(str(self.folder / "settings.ini"),
                                      QSettings.Format.IniFormat))
        window = MainWindow(self._open_tracker(self.db_path), settings, today=lambda: TODAY,
                            open_tracker=self._open_tracker, home_path=self.db_path)
        window.resize(1280, 800)
        window.show()
        QTest.qWaitForWindowExposed(window)
        self.window = window
        self.pump()
        return window

    def close_window(self) -> None:
        """Close the window as quitting does, delete it and close its databases."""
        window = self.window
        assert window is not None
        # The dashboard counts in a worker; its report must land while the window exists.
        for pool in (QThreadPool.globalInstance(), *window.findChildren(QThreadPool)):
            pool.waitForDone(30_000)
        self.pump()
        window.close()
        window.deleteLater()
        self.window = None
        del window
        self.pump()
        for tracker in self.trackers:
            tracker.close()
        self.trackers.clear()
        self.pump()

    def pump(self) -> None:
        """Let Qt deliver what the last action queued (timers, repaints, deferred deletes)."""
        assert self.app is not None
        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()

    def _close_message_box(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.errors.append(f"unexpected message box: {box.windowTitle()}: {box.text()}")
            box.reject()

    # -- helpers -------------------------------------------------------------------------------

    @property
    def w(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         pos if pos is not None else widget.rect().center())

    def ensure_selection(self) -> bool:
        """An application selected in the table (Applications view), when there is one."""
        w = self.w
        if w.current_view() != "applications":
            w.show_view("applications")
        if w.detail.application_id is None:
            self.select_row()
        return w.detail.application_id is not None

    # -- the actions ---------------------------------------------------------------------------

    def switch_view(self) -> None:
        name = self.rng.choice(VIEWS)
        w = self.w
        if self.rng.random() < 0.5:
            item = w.sidebar.item(w.view_row(name))
            assert item is not None
            self.click(w.sidebar.viewport(), w.sidebar.visualItemRect(item).center())
        else:
            next(a for a in w.view_actions if a.data() == name).trigger()  # Ctrl+Alt+1…8

    def select_row(self) -> None:
        w = self.w
        if w.current_view() != "applications":
            w.show_view("applications")
        table = w.applications.table
        rows = w.applications.model.rowCount()
        if not rows:
            return
        if self.rng.random() < 0.5:
            index = w.applications.model.index(self.rng.randrange(rows), 1)
            table.scrollTo(index)
            self.click(table.viewport(), table.visualRect(index).center())
        else:
            table.setFocus()
            QTest.keyClick(table, self.rng.choice((Qt.Key.Key_Down, Qt.Key.Key_Up,
                                                   Qt.Key.Key_Home, Qt.Key.Key_End)))

    def search(self) -> None:
        w = self.w
        w.find_action.trigger()
        QTest.keyClicks(w.search, self.rng.choice(WORDS))
        self.pump()
        if w.current_view() == "applications" and w.applications.model.rowCount():
            self.select_row()
        w.search.clear()

    def add_application(self) -> None:
        w = self.w
        w.new_action.trigger()
        dialog = next(d for d in w.findChildren(NewApplicationDialog) if d.isVisible())
        QTest.keyClicks(dialog.ui.titleEdit, self.rng.choice(TITLES))
        QTest.keyClicks(dialog.ui.companyEdit, self.rng.choice(COMPANIES))
        QTest.keyClicks(dialog.ui.locationEdit, self.rng.choice(PLACES))
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QAbstractButton)
        self.click(ok)

    def move_stage(self) -> None:
        if not self.ensure_selection():
            return
        actions = self.w.stage_menu.actions()
        self.rng.choice(actions).trigger()

    def move_on_board(self) -> None:
        w = self.w
        w.show_view("board")
        self.pump()
        # Imported here, as the window does: the session starts with the modules it would.
        from jobtracker.ui.applications.board_view import BoardView

        board = w.view("board")
        assert isinstance(board, BoardView)
        cards = [c.model.application(r).id for c in board.columns
                 for r in range(c.model.rowCount())]
        if not cards:
            return
        board.select_id(self.rng.choice(cards))
        self.rng.choice((board.next_action, board.previous_action)).trigger()

    def add_note(self) -> None:
        if not self.ensure_selection():
            return
        w = self.w
        w.add_note_action.trigger()
        QTest.keyClicks(w.detail.notes.editor, f"Call back about the **{self.rng.choice(WORDS)}**")
        self.click(w.detail.notes.save_button)

    def edit_field(self) -> None:
        if not self.ensure_selection():
            return
        ui = self.w.detail.ui
        if self.rng.random() < 0.3:
            ui.prioritySpin.setFocus()
            QTest.keyClick(ui.prioritySpin, self.rng.choice((Qt.Key.Key_Up, Qt.Key.Key_Down)))
            return
        edit = self.rng.choice((ui.locationEdit, ui.sourceEdit))
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, self.rng.choice(PLACES))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def add_interview(self) -> None:
        if not self.ensure_selection():
            return
        w = self.w
        w.add_interview_action.trigger()
        dialog = next((d for d in w.findChildren(InterviewDialog) if d.isVisible()), None)
        if dialog is None:
            return
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QAbstractButton)
        self.click(ok)
        if dialog.isVisible():  # refused (a time zone this machine lacks): not the point here
            dialog.reject()

    def undo_redo(self) -> None:
        w = self.w
        steps = self.rng.randint(1, 3)
        for action in (w.undo_action,) * steps + (w.redo_action,) * self.rng.randint(0, steps):
            if action.isEnabled():
                action.trigger()
                self.pump()

    def switch_tab(self) -> None:
        if not self.ensure_selection():
            return
        tabs = self.w.detail.ui.tabs
        bar = tabs.tabBar()
        self.click(bar, bar.tabRect(self.rng.randrange(tabs.count())).center())

    def delete_and_restore(self) -> None:
        if not self.ensure_selection():
            return
        w = self.w
        w.delete_action.trigger()
        self.pump()
        if self.rng.random() < 0.5:
            w.undo_action.trigger()
            return
        w.show_view("trash")
        trash = w.trash
        if trash.model.rowCount():
            trash.table.selectRow(0)
            self.click(trash.restore_button)

    def raw_calls(self, toggle: Toggle, image: QImage) -> None:
        """Emissions and void calls straight from Python, on the window's own widgets."""
        w = self.w
        label = w.count_label
        text = label.text()
        painter = QPainter(image)
        color = QColor("#336699")
        for number in range(RAW_CALLS_PER_HOUR):
            toggle.toggled.emit(number % 2 == 0)
            label.setText(text)
            w.update()
            painter.setPen(color)
        painter.end()
        self.raw_emissions += RAW_CALLS_PER_HOUR
        self.raw_void_calls += 3 * RAW_CALLS_PER_HOUR

    # -- the day -------------------------------------------------------------------------------

    def act(self, count: int) -> None:
        """``count`` actions, chosen at random with a working day's weights."""
        # Mostly looking around, as in a real day; every edit re-reads every view (30-130 ms
        # here), so edits are the minority that keeps the day under a minute and a half.
        weighted: list[tuple[Callable[[], None], int]] = [
            (self.select_row, 30), (self.switch_view, 20), (self.switch_tab, 15),
            (self.search, 8), (self.edit_field, 8), (self.move_stage, 5), (self.undo_redo, 4),
            (self.add_note, 3), (self.add_application, 3), (self.move_on_board, 3),
            (self.delete_and_restore, 2), (self.add_interview, 1)]
        actions = [action for action, _ in weighted]
        weights = [weight for _, weight in weighted]
        for action in self.rng.choices(actions, weights, k=count):
            action()
            self.pump()
            self.actions += 1

    def tour(self) -> None:
        """Every view, and a couple of every action, so first-use imports and caches are done."""
        for name in VIEWS:
            self.w.show_view(name)
            self.pump()
        for _ in range(2):
            for action in (self.add_application, self.select_row, self.search, self.move_stage,
                           self.move_on_board, self.add_note, self.edit_field,
                           self.add_interview, self.undo_redo, self.switch_tab,
                           self.delete_and_restore, self.switch_view):
                action()
                self.pump()


def run(folder: Path, actions: int, seed: int) -> int:
    """The day; returns the exit code (1 when an action failed or a message box came up)."""
    started = time.monotonic()
    # Time is compressed: the search box's typing pause (150 ms) would otherwise make a day
    # of searches mostly waiting.
    main_window.SEARCH_DEBOUNCE_MS = 0
    app = make_application([sys.argv[0]])
    day = Day(folder, random.Random(seed))

    def report(kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        # Exceptions in slots reach here (PySide6 prints them and carries on).
        day.errors.append("".join(traceback.format_exception(kind, error, trace)))
        sys.__excepthook__(kind, error, trace)

    sys.excepthook = report
    toggle = Toggle()
    image = QImage(32, 32, QImage.Format.Format_ARGB32)

    # Warm-up in a first window: imports, lazy views, signature and statement caches.
    day.open_window()
    day.tour()
    day.act(WARM_UP_ACTIONS)
    day.raw_calls(toggle, image)
    day.close_window()
    baseline = reference_counts()
    emit_line(event="baseline", pyside=PYSIDE_VERSION, python=sys.version.split()[0],
              counts=baseline)

    # The day, in a second window. Each hour's line is taken with it open; the verdict once it
    # is closed, like the baseline.
    day.actions = day.raw_emissions = day.raw_void_calls = 0
    day.open_window()
    for hour in range(1, HOURS + 1):
        day.act(actions * hour // HOURS - actions * (hour - 1) // HOURS)
        day.raw_calls(toggle, image)
        emit_line(event="hour", hour=hour, actions=day.actions,
                  delta=delta(baseline, reference_counts()),
                  seconds=round(time.monotonic() - started, 1))
    applications = day.w.tracker.count_applications()
    undo_steps = day.w.editor.stack.count()  # the edits the day made (less those undone)
    day.close_window()
    end = reference_counts()
    emit_line(event="end", pyside=PYSIDE_VERSION, python=sys.version.split()[0],
              actions=day.actions, raw_emissions=day.raw_emissions,
              raw_void_calls=day.raw_void_calls, applications=applications, undo_steps=undo_steps,
              baseline=baseline, end=end, delta=delta(baseline, end), errors=day.errors,
              seconds=round(time.monotonic() - started, 1))
    app.processEvents()
    return 1 if day.errors else 0


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the day."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="an empty folder for the database")
    parser.add_argument("--actions", type=int, default=1200, help="UI actions in the day")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    return run(args.folder, args.actions, args.seed)


if __name__ == "__main__":
    sys.exit(main())
