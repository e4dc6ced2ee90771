"""Fits everywhere: every view and detail tab at three window sizes, two themes, three text sizes.

A widget "does not fit" when a visible button, single-line label or combo box is narrower
than its size hint (a combo box also narrower than its current text needs: no clipped
text), a scroll area holding inputs scrolls sideways, a tab bar needs scroll arrows or a
toolbar its "»" extension. At 200% text some minimum sizes exceed 1024×640:
the window then keeps its own minimum size (it may be larger than the screen) and is
checked at that size, because Qt never lays a window out smaller than its minimum.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jobtracker import demo
from jobtracker.db import open_database
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.theme import apply_theme

from .helpers import NOW, TODAY

SIZES = ((1024, 640), (1280, 800), (1920, 1080))
# The board's stage columns scroll sideways by design (one column per stage, any number).
SIDEWAYS = {"boardScroll"}
# Combos listing the user's own data (names of any length) elide by design, a tooltip whole.
ELIDING = {"Contact to link"}
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QTextEdit, QPlainTextEdit)


def describe(widget: QWidget) -> str:
    """A name a reader can find: objectName, else the class and its text or accessible name."""
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    text = text or widget.accessibleName()
    return f"{widget.objectName() or type(widget).__name__} {text[:40]!r}"


def text_width(combo: QComboBox) -> int:
    """The width ``combo`` needs to show its current text (and icon) whole.

    Measured as Qt measures: a probe combo in the same font holding only the current choice,
    sized to its contents (a lowered size hint on ``combo`` itself cannot hide clipped text).
    """
    probe = QComboBox()
    try:
        probe.setFont(combo.font())
        probe.setStyle(combo.style())
        probe.setEditable(combo.isEditable())
        probe.setFrame(combo.hasFrame())
        probe.setIconSize(combo.iconSize())
        probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        index = combo.currentIndex()
        probe.addItem(combo.itemIcon(index) if index >= 0 else QIcon(), combo.currentText())
        return probe.sizeHint().width()
    finally:
        probe.deleteLater()


def _shown(widget: QWidget, root: QWidget) -> bool:
    """Visible on screen: shown, inside the window's rectangle, not a hidden page's child."""
    if not widget.isVisibleTo(root) or widget.width() <= 0:
        return False
    return widget.visibleRegion().boundingRect().width() > 0


def _scrolls_sideways(widget: QWidget) -> bool:
    """Whether ``widget`` sits in something the user scrolls sideways on purpose (a table)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and (
                not isinstance(parent, QScrollArea) or parent.objectName() in SIDEWAYS):
            return True
        parent = parent.parentWidget()
    return False


def fit_problems(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` that does not fit, described."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QToolButton) and isinstance(parent, (QTabBar, QLineEdit)):
            continue  # tab scroll arrows are checked below; a line edit's clear button is sized
        if isinstance(widget, QToolButton) and widget.objectName() == "qt_toolbar_ext_button":
            problems.append("the toolbar overflows into '»'")
            continue
        if isinstance(widget, (QPushButton, QToolButton, QComboBox)) or (
                isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
                and widget.pixmap().isNull()):
            need = widget.sizeHint().width()
            if isinstance(widget, QComboBox) and widget.accessibleName() not in ELIDING:
                # A lowered size hint must not hide clipped text: the current text shows whole.
                need = max(need, text_width(widget))
            if widget.width() < need - 1:
                problems.append(f"{describe(widget)} is {widget.width()} px wide, needs {need}")
            elif widget.visibleRegion().boundingRect().width() < widget.width() - 1 and not (
                    _scrolls_sideways(widget)):
                problems.append(f"{describe(widget)} is cut off by its container")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible() and (
                widget.objectName() not in SIDEWAYS):
            inner = widget.widget()
            if inner is not None and any(isinstance(child, INPUTS)
                                         for child in inner.findChildren(QWidget)):
                problems.append(f"{describe(widget)} scrolls sideways")
        if isinstance(widget, QTabBar):
            arrows = [b for b in widget.findChildren(QToolButton) if b.isVisibleTo(widget)]
            if arrows:
                problems.append(f"tab bar {[widget.tabText(n) for n in range(widget.count())]}"
                                " needs scroll arrows")
    return problems


def settle(qtbot: QtBot) -> None:
    """Let layouts, lazy fetches and a window growing to a new minimum size finish."""
    # The platform applies a top-level resize asynchronously and the toolbar restyles after
    # a resize: give both a few rounds.
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def visit_everything(qtbot: QtBot, window: MainWindow) -> list[str]:
    """Every sidebar view, and on Applications every detail tab: each offender with its view."""
    problems: list[str] = []
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        name = window.current_view()
        settle(qtbot)
        if name == "applications":
            window.applications.table.selectRow(0)
            tabs = window.detail.ui.tabs
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(qtbot)
                where = f"applications/{tabs.tabText(index).replace('&', '')}"
                problems += [f"{where}: {p}" for p in fit_problems(window)]
        else:
            problems += [f"{name}: {p}" for p in fit_problems(window)]
    return problems


@contextmanager
def text_scale(scale: float) -> Iterator[None]:
    """The application font at ``scale`` times its size, put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * scale)
    app.setFont(font)
    try:
        yield
    finally:
        font.setPointSizeF(normal)
        app.setFont(font)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database, made once for every case (copied per case, so edits stay local)."""
    path = tmp_path_factory.mktemp("fit") / "demo.db"
    tracker = Tracker(open_database(path), today=lambda: TODAY, now=lambda: NOW)
    demo.populate(tracker, 60, seed=0, today=TODAY)
    tracker.close()
    return path


def open_window(qtbot: QtBot, db: Path, settings_path: Path, size: tuple[int, int],
                theme: str) -> MainWindow:
    """The main window on the demo data at ``size`` (or its minimum size, if larger)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    tracker = Tracker(open_database(db), today=lambda: TODAY, now=lambda: NOW)
    window = MainWindow(tracker, Settings(QSettings(str(settings_path),
                                                    QSettings.Format.IniFormat)),
                        today=lambda: TODAY, home_path=db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wanted = QSize(*size).expandedTo(window.minimumSizeHint()).expandedTo(window.minimumSize())
    window.resize(wanted)
    settle(qtbot)
    return window


def check(qtbot: QtBot, tmp_path: Path, demo_db: Path, size: tuple[int, int], theme: str,
          scale: float) -> None:
    db = tmp_path / "demo.db"
    db.write_bytes(demo_db.read_bytes())
    with text_scale(scale):
        window = open_window(qtbot, db, tmp_path / "settings.ini", size, theme)
        try:
            problems = visit_everything(qtbot, window)
            if scale == 1.0 and (window.width(), window.height()) != size:
                problems.append("at 100% text the window's minimum size exceeds the screen")
            if problems:
                problems.append(f"(window {window.width()}×{window.height()}, minimum "
                                f"{window.minimumSizeHint().width()}×"
                                f"{window.minimumSizeHint().height()})")
        finally:
            window.close()
            window.tracker.close()
            apply_theme(QApplication.instance(), "light")  # type: ignore[arg-type]
    assert not problems, (f"at {size[0]}×{size[1]}, {theme}, {scale:.0%} text:\n"
                          + "\n".join(problems))


# The whole matrix takes about 40 s, under the 60 s that would make it "slow".
@pytest.mark.parametrize("scale", (1.0, 1.5, 2.0), ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("theme", ("light", "dark"))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_fits_everywhere(qtbot: QtBot, tmp_path: Path, demo_db: Path, size: tuple[int, int],
                         theme: str, scale: float) -> None:
    check(qtbot, tmp_path, demo_db, size, theme, scale)
