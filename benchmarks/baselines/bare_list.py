"""Baseline: a bare QListView of 2,000 strings, for the board's reset, paint and drag frames.

Imported by the board probe (same process, same window size), not run on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView

CARDS = 2000


def make_bare_list() -> tuple[QListView, QStringListModel, list[str]]:
    """An empty list view (shown by the caller) and the strings it will hold."""
    model = QStringListModel()
    view = QListView()
    view.setModel(model)
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    strings = [f"Company {n} — Job title {n}" for n in range(CARDS)]
    return view, model, strings
