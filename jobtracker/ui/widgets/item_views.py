"""Shared look of item views: every list and tree gets the applications table's row height."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

ROW_PADDING = 8  # above and below the text of a row, in pixels


def row_height(widget: QWidget) -> int:
    """A comfortable row for the widget's font: the text plus padding above and below."""
    return widget.fontMetrics().height() + 2 * ROW_PADDING


class ComfortableRowsDelegate(QStyledItemDelegate):
    """Draws items as usual, but never lower than ``row_height``."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setHeight(max(hint.height(), option.fontMetrics.height() + 2 * ROW_PADDING))
        return hint


def comfortable_rows(view: QAbstractItemView) -> None:
    """Give ``view`` the same row height as the applications table."""
    if isinstance(view, QTableView):
        view.verticalHeader().setMinimumSectionSize(row_height(view))
        view.verticalHeader().setDefaultSectionSize(row_height(view))
        return
    view.setItemDelegate(ComfortableRowsDelegate(view))
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(True)
