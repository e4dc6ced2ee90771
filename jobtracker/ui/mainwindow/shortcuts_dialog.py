"""Help › Keyboard Shortcuts: every shortcut of the menus and views, gathered from the actions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# One group of the list: its heading, then (what the keys do, the keys) rows.
Group = tuple[str, list[tuple[str, str]]]


def plain(label: str) -> str:
    """A menu label as read: no mnemonic marks, no trailing ellipsis."""
    text = "&".join(part.replace("&", "") for part in label.split("&&"))
    return text.removesuffix("…").removesuffix("...")


def keys_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them ("Ctrl+Shift+M"), or ""."""
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                     for key in action.shortcuts() if not key.isEmpty())


def _menu_rows(menu: QMenu, prefix: str, seen: set[QAction]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub, f"{prefix}{plain(sub.title())} › ", seen)
            continue
        keys = keys_text(action)
        if keys and not action.isSeparator():
            seen.add(action)
            rows.append((prefix + plain(action.text()), keys))
    return rows


def gather_shortcuts(menu_bar: QMenuBar, window_actions: Iterable[QAction],
                     views: Iterable[tuple[str, QWidget]]) -> list[Group]:
    """The menus' shortcuts by menu, the window's others, then each view's own actions.

    Generated, never hand-written, so a new or changed shortcut is listed as it is: a view
    documents its keys by adding its actions to itself (QWidget.addAction).
    """
    seen: set[QAction] = set()
    groups: list[Group] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and (rows := _menu_rows(menu, "", seen)):
            groups.append((plain(menu.title()), rows))
    others = [(plain(a.text()), keys_text(a)) for a in window_actions
              if a not in seen and keys_text(a) and a.text()]
    if others:
        groups.append((QCoreApplication.translate("ShortcutsDialog", "Other"), others))
    for label, view in views:
        rows = [(plain(a.text()), keys_text(a)) for a in view.actions()
                if a not in seen and keys_text(a) and a.text()]
        if rows:
            groups.append((plain(label), rows))
    return groups


class ShortcutsDialog(QDialog):
    """The gathered shortcuts in a list grouped by menu and view, read by keyboard alone."""

    def __init__(self, groups: list[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        intro = QLabel(self.tr("Menus open with Alt and the underlined letter. Tab and "
                               "Shift+Tab move between fields; the arrow keys move within "
                               "lists."), self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for heading, rows in groups:
            group = QTreeWidgetItem(self.tree, [heading])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for command, keys in rows:
                QTreeWidgetItem(group, [command, keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) for every listed shortcut, in order."""
        out = []
        for number in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(number)
            if group is None:
                continue
            for child in range(group.childCount()):
                item = group.child(child)
                if item is not None:
                    out.append((group.text(0), item.text(0), item.text(1)))
        return out
