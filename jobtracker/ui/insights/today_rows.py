"""One Today item as a row of real widgets: its two lines of text and its own buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from jobtracker.tracker import TodayItem
from jobtracker.ui.insights.calendar_look import CalendarColors
from jobtracker.ui.insights.today_items import (
    ACTION_ORDER,
    DELETE,
    DONE,
    GHOST,
    OPEN,
    SNOOZE,
    actions_of,
    detail,
    headline,
    primary_action,
    snooze_to,
)
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.widgets.formatting import format_date, plain_tooltip

translate = QCoreApplication.translate

# Button texts and the key that does the same on a focused item (no mnemonics: every row has
# the same buttons, so Alt+letter could not tell them apart).
LABELS = {
    DONE: QT_TRANSLATE_NOOP("TodayRow", "Done"),
    GHOST: QT_TRANSLATE_NOOP("TodayRow", "Mark ghosted"),
    SNOOZE: QT_TRANSLATE_NOOP("TodayRow", "Snooze a week"),
    DELETE: QT_TRANSLATE_NOOP("TodayRow", "Delete"),
    OPEN: QT_TRANSLATE_NOOP("TodayRow", "Open"),
}
KEYS: dict[str, tuple[Qt.Key, ...]] = {
    GHOST: (Qt.Key.Key_G,),
    SNOOZE: (Qt.Key.Key_S,),
    DELETE: (Qt.Key.Key_Delete,),
    OPEN: (Qt.Key.Key_O,),
}
_KEY_NAMES = {GHOST: "G", SNOOZE: "S", DELETE: "Del", OPEN: "O"}
# The longest button sets a row can have (a task tied to an application).
_MOST_ACTIONS = ((DONE, SNOOZE, DELETE, OPEN), (GHOST, SNOOZE, OPEN))
_PRIMARY_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
MARGIN = 8
GAP = 12  # between the text and the buttons
TEXT_CHARS = 24  # the text keeps this many average characters before the buttons go below


def label_of(action: str) -> str:
    """The translated button text of ``action``."""
    return translate("TodayRow", LABELS[action])


def colors_of(palette: QPalette) -> CalendarColors:
    """The calendar's colours for ``palette``, worked out once per theme (rows paint often)."""
    roles = (QPalette.ColorRole.Base, QPalette.ColorRole.Text, QPalette.ColorRole.Highlight,
             QPalette.ColorRole.Window, QPalette.ColorRole.WindowText)
    key = tuple(palette.color(role).rgba() for role in roles)
    colors = _COLORS.get(key)
    if colors is None:
        colors = _COLORS[key] = CalendarColors.of(palette)
    return colors


_COLORS: dict[tuple[int, ...], CalendarColors] = {}


class RowLayout(QLayout):
    """The text at the left and the buttons at the right, or below it when the row is narrow.

    Below, the buttons wrap onto more lines as needed: every button always gets at least its
    size hint, at any text scale, so none is ever cut off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []  # the text first, then the buttons
        self.text_width = 200
        # Room kept free right of the buttons (beside the text only): a task without an
        # application keeps Open's place empty, so its buttons line up with the others'.
        self.reserve = 0
        # The width of the buttons' column beside the text, the same in every row, so all
        # rows go narrow together and their text wraps at the same width.
        self.room = 0
        # Layout asks for sizes many times a pass; worked out once until invalidated.
        self._cache: dict[object, object] = {}
        self.setSpacing(6)

    def invalidate(self) -> None:
        self._cache.clear()
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def _margins(self) -> tuple[int, int, int, int]:
        margins = self.contentsMargins()
        return margins.left(), margins.top(), margins.right(), margins.bottom()

    def heightForWidth(self, width: int) -> int:
        key = ("hfw", width)
        if key not in self._cache:
            self._cache[key] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return self._cache[key]  # type: ignore[return-value]

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def _buttons(self) -> list[tuple[QLayoutItem, QSize]]:
        if "buttons" not in self._cache:
            shown = [item for item in self._items[1:] if not item.isEmpty()]
            self._cache["buttons"] = [(item, item.sizeHint().expandedTo(item.minimumSize()))
                                      for item in shown]
        return self._cache["buttons"]  # type: ignore[return-value]

    def sizeHint(self) -> QSize:
        left, top, right, bottom = self._margins()
        text = self._items[0].sizeHint() if self._items else QSize()
        buttons = self._buttons()
        height = max([text.height()] + [size.height() for _item, size in buttons])
        return QSize(left + right + max(self.text_width, text.width()) + GAP + self._column(),
                     top + bottom + height)

    def minimumSize(self) -> QSize:
        left, top, right, bottom = self._margins()
        widest = max([size.width() for _item, size in self._buttons()] + [0])
        text = self._items[0].minimumSize() if self._items else QSize()
        return QSize(left + right + max(widest, min(text.width(), self.text_width)),
                     top + bottom + text.height())

    def _column(self) -> int:
        """The width the buttons take beside the text."""
        buttons = self._buttons()
        own = sum(size.width() for _item, size in buttons) + self.spacing() * max(
            0, len(buttons) - 1)
        return max(self.room, own + self.reserve) if buttons else 0

    def wide(self, width: int) -> bool:
        """Whether the buttons fit beside the text at ``width``."""
        left, _top, right, _bottom = self._margins()
        return width - left - right >= self.text_width + GAP + self._column()

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        left, top, right, bottom = self._margins()
        inner = rect.adjusted(left, top, -right, -bottom)
        buttons = self._buttons()
        text = self._items[0] if self._items else None
        space = self.spacing()
        line = max([size.height() for _item, size in buttons] + [0])
        if self.wide(rect.width()):
            own = sum(size.width() for _item, size in buttons) + space * max(
                0, len(buttons) - 1)
            text_width = inner.width() - (GAP + self._column() if buttons else 0)
            text_height = _height_for(text, text_width)
            height = max(text_height, line)
            if apply:
                if text is not None:
                    text.setGeometry(QRect(inner.x(), inner.y() + (height - text_height) // 2,
                                           text_width, text_height))
                x = inner.right() + 1 - self.reserve - own
                for item, size in buttons:
                    item.setGeometry(QRect(x, inner.y() + (height - size.height()) // 2,
                                           size.width(), size.height()))
                    x += size.width() + space
            return top + height + bottom
        # Narrow: the text across the row, the buttons under it from the left, wrapping.
        text_height = _height_for(text, inner.width())
        if apply and text is not None:
            text.setGeometry(QRect(inner.x(), inner.y(), inner.width(), text_height))
        y = inner.y() + text_height + (space if buttons else 0)
        x = inner.x()
        for item, size in buttons:
            if x > inner.x() and x + size.width() > inner.right() + 1:
                x, y = inner.x(), y + line + space
            if apply:
                item.setGeometry(QRect(x, y, size.width(), size.height()))
            x += size.width() + space
        used = y - inner.y() + (line if buttons else 0)
        return top + used + bottom


def _height_for(item: QLayoutItem | None, width: int) -> int:
    if item is None:
        return 0
    if item.hasHeightForWidth():
        return int(item.heightForWidth(width))
    return int(item.sizeHint().height())


class TodayRow(QFrame):
    """An item of the Today list: focusable, with a button per action it allows.

    Keys on the row (or on one of its buttons): Enter or Space does the main action (Done
    for a task, Open otherwise), S snoozes a week, G marks ghosted, O opens, Delete deletes a
    task, Up and Down go to the neighbouring items.
    """

    action_requested = Signal(object, str)  # the row, the action
    focused = Signal(object)  # the row, when it or one of its buttons takes the focus
    step_requested = Signal(object, int)  # the row, and -1 / +1 (or ±1000 for Home / End)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: TodayItem | None = None
        self.current = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Not Fixed: that would cap the height at the size hint, and a narrow row is taller.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # titles are user text
        self.title.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        text = QWidget(self)
        text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.details)
        self.buttons: dict[str, QPushButton] = {}
        self.row_layout = RowLayout(self)
        self.row_layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN, MARGIN)
        self.row_layout.addItem(QWidgetItem(text))
        for action in ACTION_ORDER:
            button = _RowButton(label_of(action), self)
            button.clicked.connect(lambda _=False, a=action: self.request(a))
            button.hide()
            self.buttons[action] = button
            self.row_layout.addItem(QWidgetItem(button))
        self._fit_fonts()

    # -- content ------------------------------------------------------------------------------

    def set_item(self, item: TodayItem, today: dt.date, button_width: int) -> None:
        """Show ``item``: its text, and a button for each action it allows.

        Every button is ``button_width`` wide (at least its own size hint), so buttons line
        up in columns from row to row.
        """
        self.item = item
        head, more = headline(item), detail(item, today)
        self.title.setText(head)
        self.details.setText(more)
        self.setToolTip(plain_tooltip(f"{head}\n{more}"))
        self.setAccessibleName(f"{head}, {more}")
        allowed = actions_of(item)
        primary = primary_action(item)
        hints = [translate("TodayRow", "Enter: %1").replace("%1", label_of(primary))] \
            if primary else []
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
            button.setMinimumWidth(button_width)
            button.setAccessibleName(f"{label_of(action)}: {head}")
            button.setToolTip(self._tooltip(action, item, today))
            if action in allowed and action in _KEY_NAMES:
                hints.append(f"{_KEY_NAMES[action]}: {label_of(action)}")
        self.setAccessibleDescription(" · ".join(hints))
        space = self.row_layout.spacing()
        self.row_layout.reserve = (button_width + space
                                   if item.kind == "task" and OPEN not in allowed else 0)
        most = max(len(actions) for actions in _MOST_ACTIONS)
        self.row_layout.room = most * button_width + (most - 1) * space
        self.row_layout.invalidate()
        self.updateGeometry()

    def _tooltip(self, action: str, item: TodayItem, today: dt.date) -> str:
        key = _KEY_NAMES.get(action)
        if action == SNOOZE:
            target = format_date(snooze_to(item, today))
            text = (translate("TodayRow", "Move the due date to %1") if item.kind == "task"
                    else translate("TodayRow", "Set the follow-up date to %1")).replace(
                "%1", target)
        elif action == GHOST:
            text = translate("TodayRow", "They never answered: close the application as "
                                         "ghosted")
        elif action == DONE:
            text = translate("TodayRow", "Tick the task off")
        elif action == DELETE:
            text = translate("TodayRow", "Delete the task")
        else:
            text = translate("TodayRow", "Show the application")
        if action == primary_action(item):
            key = translate("TodayRow", "Enter or Space")
        return f"{text} ({key})" if key else text

    def visible_actions(self) -> list[str]:
        """The actions this row offers, in button order."""
        return [action for action, button in self.buttons.items() if not button.isHidden()]

    def focus_chain(self) -> list[QWidget]:
        """The row, then its shown buttons: the order Tab goes through them."""
        return [self, *(self.buttons[action] for action in self.visible_actions())]

    def request(self, action: str) -> None:
        """Ask for ``action`` if this row offers it."""
        if action in self.visible_actions():
            self.action_requested.emit(self, action)

    # -- look ---------------------------------------------------------------------------------

    def set_current(self, current: bool) -> None:
        """Mark this row as the one the user is on."""
        if current != self.current:
            self.current = current
            self._color_text()
            self.update()

    def colors(self) -> CalendarColors:
        """The colours this row paints with (those of the calendar's agenda)."""
        return colors_of(self.palette())

    def background(self) -> QColor:
        """The row's background now."""
        colors = self.colors()
        return colors.selected if self.current else colors.base

    def _color_text(self) -> None:
        colors = self.colors()
        ground = self.background()
        for label, color in ((self.title, colors.text), (self.details, colors.muted_on(ground))):
            palette = label.palette()
            palette.setColor(label.foregroundRole(), color)
            label.setPalette(palette)

    def _fit_fonts(self) -> None:
        bold = self.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.row_layout.text_width = TEXT_CHARS * self.fontMetrics().averageCharWidth()
        self._color_text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange):
            if event.type() == QEvent.Type.FontChange:
                self._fit_fonts()
            else:
                self._color_text()

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = self.colors()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background())
        painter.setPen(QPen(colors.border, 1))
        painter.drawLine(self.rect().bottomLeft(), self.rect().bottomRight())
        if self.current:
            painter.fillRect(QRect(0, 0, 4, self.height()), colors.bar)
        if self.hasFocus():
            pen = QPen(colors.accent, 2)
            painter.setPen(pen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 3, 3)

    # -- input --------------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.request(OPEN)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in _PRIMARY_KEYS and plain:
            primary = primary_action(self.item) if self.item is not None else None
            if primary is not None:
                self.request(primary)
            event.accept()
            return
        if not self.key(event):
            super().keyPressEvent(event)

    def key(self, event: QKeyEvent) -> bool:
        """Handle a row key; False when it is not one."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier,):
            return False
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Home: -1000,
                 Qt.Key.Key_End: 1000}
        if event.key() in steps:
            self.step_requested.emit(self, steps[Qt.Key(event.key())])
            return True
        for action, keys in KEYS.items():
            if event.key() in keys and action in self.visible_actions():
                self.request(action)
                return True
        return False


class _RowButton(QPushButton):
    """A row's button: taking the focus makes its row current; row keys work on it too."""

    def __init__(self, text: str, row: TodayRow) -> None:
        super().__init__(text, row)
        self.row = row
        self.setAutoDefault(True)  # Enter on a focused button clicks it, as in a dialog

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.row.focused.emit(self.row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Space click this button; the row's other keys (S, G, O, Del, arrows) act
        # on the row as they do when the row itself has the focus.
        if event.key() in _PRIMARY_KEYS or not self.row.key(event):
            super().keyPressEvent(event)
