"""Keeps the main toolbar out of its "»" overflow: text beside icons only while it fits."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton

TEXT = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICONS = Qt.ToolButtonStyle.ToolButtonIconOnly


class ToolbarFit(QObject):
    """Switches ``toolbar`` to icons only when its labelled buttons would overflow.

    The actions in ``icon_only`` always show just their icon, so a long text ("Undo Add
    "Staff Engineer"") never changes the toolbar's width; their tooltip names them.
    """

    def __init__(self, toolbar: QToolBar, icon_only: Iterable[QAction] = ()) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._icon_only = tuple(icon_only)
        self._text_width: int | None = None  # the width the labelled toolbar asks for
        toolbar.installEventFilter(self)
        if toolbar.parentWidget() is not None:
            # The window too: a toolbar laid out anew is not always sent a resize event.
            toolbar.window().installEventFilter(self)
        self._apply(TEXT)

    def _apply(self, style: Qt.ToolButtonStyle) -> None:
        toolbar = self._toolbar
        changed = toolbar.toolButtonStyle() != style
        if changed:
            toolbar.setToolButtonStyle(style)  # resets every button's style
        for action in self._icon_only:
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(ICONS)
        layout = toolbar.layout()
        if changed and layout is not None:
            layout.invalidate()  # the buttons' new widths: lay them out again

    def text_width(self) -> int:
        """The width the toolbar needs with text beside the icons (measured once per font)."""
        if self._text_width is None:
            shown = self._toolbar.toolButtonStyle()
            self._apply(TEXT)
            self._text_width = self._toolbar.sizeHint().width()
            self._apply(shown)
        return self._text_width

    def fit(self) -> None:
        """Choose the style for the toolbar's current width."""
        self._apply(TEXT if self._toolbar.width() >= self.text_width() else ICONS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                    QEvent.Type.LanguageChange):
            self._text_width = None  # measured again at the next resize
        if kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            # After the event: restyling inside the toolbar's own resize leaves stale geometry.
            QTimer.singleShot(0, self, self.fit)
        return False
