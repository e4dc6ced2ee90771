"""Checks every dialog should pass: it fits (scaled text too), is keyboard-reachable and named."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

# The smallest screen the app supports; a dialog must fit on it at any text size.
SMALL_SCREEN = (1024, 640)
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QTextEdit, QPlainTextEdit)


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


def name_of(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0


def fit_problems(dialog: QDialog) -> list[str]:
    """Visible controls narrower than they need, sideways scroll bars, a dialog too big."""
    problems: list[str] = []
    if dialog.width() > SMALL_SCREEN[0] or dialog.height() > SMALL_SCREEN[1]:
        problems.append(f"the dialog is {dialog.width()}×{dialog.height()}")
    for widget in dialog.findChildren(QWidget):
        if not shown(widget, dialog):
            continue
        if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QLineEdit):
            continue  # a line edit's clear button
        if isinstance(widget, (QPushButton, QComboBox, QAbstractSpinBox, QCheckBox)) or (
                isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()):
            need = widget.sizeHint().width()
            if widget.width() < need - 1:
                problems.append(f"{name_of(widget)} is {widget.width()} px wide, needs {need}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            if widget.height() < need - 1:
                problems.append(f"{name_of(widget)} is {widget.height()} px tall, needs {need}")
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{name_of(widget)} scrolls sideways")
    return problems


def unnamed_inputs(root: QWidget) -> list[str]:
    """Visible inputs with neither an accessible name, a buddy label nor their own text."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not shown(widget, root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(),
                                                        (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo or spin box, named through its owner
        own_text = isinstance(widget, QAbstractButton) and widget.text().replace("&", "")
        if not (widget.accessibleName() or id(widget) in buddies or own_text):
            missing.append(name_of(widget))
    return missing


def labels_without_mnemonic(root: QWidget) -> list[str]:
    """Visible buddy labels whose text has no ``&`` to jump to their field."""
    return [name_of(label) for label in root.findChildren(QLabel)
            if label.buddy() is not None and shown(label, root) and "&" not in label.text()]


def tab_chain(root: QWidget, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order, until it comes round again."""
    chain = [start]
    widget = start.nextInFocusChain()
    while widget is not start and len(chain) < 200:
        inner = isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(root)
                and widget.isEnabled() and root.isAncestorOf(widget) and not inner):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain
