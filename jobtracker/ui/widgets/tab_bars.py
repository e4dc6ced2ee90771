"""Tab bars whose scroll arrows stay out of the Tab order (the arrow keys already scroll)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar, QToolButton, QWidget


def keep_scroll_buttons_out_of_focus(root: QWidget) -> None:
    """Every tab bar under ``root``: its scroll arrows take no keyboard focus.

    Qt makes them focusable, so Tab stopped on two unlabelled arrows between the tabs and
    the page; the tab bar itself still scrolls with the arrow keys.
    """
    bars = root.findChildren(QTabBar)
    if isinstance(root, QTabBar):
        bars.append(root)
    for bar in bars:
        for button in bar.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
