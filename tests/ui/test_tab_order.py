"""Tab in the main window follows the layout: search, sidebar, filter bar, table, detail pane."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from jobtracker import demo
from jobtracker.db import open_database
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.main_window import MainWindow

from .dialog_checks import INPUTS, tab_chain
from .helpers import NOW, TODAY


def area(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` is, in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def reads_after(later: QRect, earlier: QRect) -> bool:
    """Whether ``later`` comes at or after ``earlier`` in reading order (rows, then columns)."""
    same_row = abs(later.center().y() - earlier.center().y()) <= 4
    if same_row:
        return later.left() >= earlier.left()
    return later.top() >= earlier.top()


def label(widget: QWidget) -> str:
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def test_tab_follows_the_layout(qtbot: QtBot, tmp_path: Path, make_window) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    tracker = Tracker(open_database(db), today=lambda: TODAY, now=lambda: NOW)
    demo.populate(tracker, 30, seed=0, today=TODAY)
    tracker.close()
    window: MainWindow = make_window(db)
    window.resize(1400, 900)
    window.show_view("applications")
    view = window.applications
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(window.detail.ui.titleEdit.text()))

    # Tab skips a widget that hands its focus to another (a tab widget to its tab bar).
    chain = [w for w in tab_chain(window, window.search) if w.focusProxy() is None]
    names = [label(w) for w in chain]
    # Expected: search box, sidebar, the filter bar left to right, the table, then the
    # detail pane: stage combo, tab bar, the Details form top to bottom (title, company,
    # location, remote, employment, salary min/max/currency/period, URL and its button,
    # source, priority, tags, applied and follow-up dates with their clear buttons,
    # documents and their buttons).
    assert chain[0] is window.search, names
    assert chain[1] is window.sidebar, names
    table = chain.index(view.table)
    filters = chain[2:table]
    assert filters, names
    assert all(view.isAncestorOf(w) for w in filters), names
    detail_end = table + 1
    while detail_end < len(chain) and window.detail.isAncestorOf(chain[detail_end]):
        detail_end += 1
    detail = chain[table + 1:detail_end]
    assert detail[0] is window.detail.ui.stageCombo, names
    assert detail[1] is window.detail.ui.tabs.tabBar(), names
    # Nothing of these regions comes again later in the chain.
    regions = [window.sidebar, *filters, view.table, *detail]
    assert not set(map(id, chain[detail_end:])) & set(map(id, regions)), names

    # Within the filter bar and within the detail pane, reading order without jumping back.
    for region in (filters, detail):
        for earlier, later in pairwise(region):
            assert reads_after(area(later, window), area(earlier, window)), (
                f"{label(later)} comes after {label(earlier)}: {names}")
    # The filter bar is above the table, the detail pane right of it.
    assert all(area(w, window).bottom() <= area(view.table, window).top() for w in filters)
    assert all(area(w, window).left() >= area(view.table, window).right() for w in detail)

    # Every visible, enabled input of the Details form is reachable by Tab (a combo box's or
    # spin box's own line edit is reached through it).
    form = window.detail.ui.detailsScrollContents
    inputs = [w for w in form.findChildren(QWidget)
              if isinstance(w, INPUTS) and w.isVisibleTo(window) and w.isEnabled()
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus
              and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))]
    assert inputs
    missing = [label(w) for w in inputs if w not in detail]
    assert not missing, names
