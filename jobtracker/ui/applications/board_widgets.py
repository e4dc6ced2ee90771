"""The board's parts: card lists with a drop hint, column titles, closed-stage buttons, a flow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QLayout,
    QLayoutItem,
    QListView,
    QSizePolicy,
    QStyle,
    QWidget,
)

from jobtracker.ui.applications.board_model import read_card_mime
from jobtracker.ui.applications.stage_delegate import DEFAULT_CHIP
from jobtracker.ui.widgets.contrast import GRAPHIC_CONTRAST, TEXT_CONTRAST, with_contrast


def blend(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of ``a`` over ``b``."""
    return QColor.fromRgbF(*(share * x + (1 - share) * y for x, y in (
        (a.redF(), b.redF()), (a.greenF(), b.greenF()), (a.blueF(), b.blueF()))))


def column_fill(palette: QPalette) -> QColor:
    """A column's background: a shade of the window towards its text, in either theme."""
    return blend(palette.color(QPalette.ColorRole.WindowText),
                 palette.color(QPalette.ColorRole.Window), 0.05)


def muted_text(palette: QPalette, ground: QColor) -> QColor:
    """Secondary text (counts, hints) on ``ground``: softer than the text, still 4.5:1."""
    return with_contrast(blend(palette.color(QPalette.ColorRole.WindowText), ground, 0.7),
                         [ground], TEXT_CONTRAST)


def stage_mark(color: str | None, ground: QColor) -> QColor:
    """A stage's colour as a small mark on ``ground`` (a graphic: 3:1)."""
    return with_contrast(QColor(color or DEFAULT_CHIP), [ground], GRAPHIC_CONTRAST)


def drag_outline(palette: QPalette, ground: QColor) -> QColor:
    """The outline of a place a dragged card can go."""
    return with_contrast(palette.color(QPalette.ColorRole.Highlight), [ground], GRAPHIC_CONTRAST)


class BoardList(QListView):
    """A column's cards: shows where to drop when empty, keeps card widths, routes keys.

    Left/Right, Delete and the context menu are the board's business (it knows the other
    columns and the Editor); this list only reports them.
    """

    step_requested = Signal(int)  # -1 previous column, +1 next column
    delete_requested = Signal()
    menu_requested = Signal(QModelIndex, QPoint)  # the card (or invalid: the column), global

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop_hint = self.tr("Drop a card here")
        self.drop_detail = self.tr("or add one with +")
        self._drag_over = False
        # The column paints the background: the list and the room kept for the scroll bar
        # look like one surface.
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.verticalScrollBar().rangeChanged.connect(self._reserve_scroll_bar)
        self._reserve_scroll_bar()

    @property
    def showing_drop_hint(self) -> bool:
        """Whether the list is empty, so it paints the drop hint."""
        model = self.model()
        return model is not None and model.rowCount() == 0

    def _scroll_bar_extent(self) -> int:
        bar = self.verticalScrollBar()
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)

    def _reserve_scroll_bar(self) -> None:
        # Cards keep one width whether or not the column scrolls: without a scroll bar its
        # room stays empty (an always-on bar would draw an empty track in every column).
        bar = self.verticalScrollBar()
        scrolls = bar.maximum() > bar.minimum()
        self.setViewportMargins(0, 0, 0 if scrolls else self._scroll_bar_extent(), 0)

    def reserved_width(self) -> int:
        """The width the list adds around its cards (the scroll bar, shown or kept)."""
        return self._scroll_bar_extent() + 2 * self.frameWidth()

    # -- keys ---------------------------------------------------------------------------------

    def _step_of(self, event: QKeyEvent) -> int:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return 0
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
        return -step if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else step

    def _is_delete(self, event: QKeyEvent) -> bool:
        return (event.key() == Qt.Key.Key_Delete
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)

    def event(self, event: QEvent) -> bool:
        # Delete on a card is the board's: claim it before a window-wide Delete shortcut,
        # which acts on the Applications view's selection, not on this card.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                self._is_delete(event) and self.currentIndex().isValid()):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self._step_of(event)
        if step:
            self.step_requested.emit(step)
            event.accept()
            return
        if self._is_delete(event):
            if self.currentIndex().isValid():
                self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # The menu key: the menu of the selected card, shown at the card.
            index = self.currentIndex()
            rect = self.visualRect(index) if index.isValid() else self.viewport().rect()
            point = self.viewport().mapToGlobal(rect.center())
        else:
            index = self.indexAt(event.pos())
            point = event.globalPos()
        self.menu_requested.emit(index, point)
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reserve_scroll_bar()
            self.scheduleDelayedItemsLayout()  # uniform item sizes are cached per font

    # -- dragging over --------------------------------------------------------------------------

    def _set_drag_over(self, over: bool) -> None:
        if over != self._drag_over:
            self._drag_over = over
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._set_drag_over(event.isAccepted() and read_card_mime(event.mimeData()) is not None)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._set_drag_over(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drag_over(False)
        super().dropEvent(event)

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        empty = self.showing_drop_hint
        if not empty and not self._drag_over:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ground = column_fill(palette)
        if empty:
            self._paint_drop_hint(painter, palette, ground)
        if self._drag_over:
            painter.setPen(QPen(drag_outline(palette, ground), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()

    def _paint_drop_hint(self, painter: QPainter, palette: QPalette, ground: QColor) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        width = self.viewport().width()
        area = QRectF(4, 2, width - 8, 4 * line + 18)
        outline = with_contrast(blend(palette.color(QPalette.ColorRole.WindowText), ground,
                                      0.45), [ground], GRAPHIC_CONTRAST)
        pen = QPen(drag_outline(palette, ground) if self._drag_over else outline, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(area.adjusted(0.75, 0.75, -0.75, -0.75), 6, 6)
        painter.setPen(muted_text(palette, ground))
        text = area.toRect().adjusted(8, 6, -8, -6)
        painter.drawText(text, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         f"{self.drop_hint}\n{self.drop_detail}")

    def hint_fits(self) -> bool:
        """Whether the drop hint's words fit its box (checked by the no-clipping test)."""
        metrics = self.fontMetrics()
        width = self.viewport().width() - 24
        text = f"{self.drop_hint}\n{self.drop_detail}"
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                      Qt.TextFlag.TextWordWrap, text)
        return needed.width() <= width and needed.height() <= 4 * metrics.height() + 6


class StageTitle(QWidget):
    """A column's title: the stage's colour, its name (elided, whole in the tooltip), its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = ""
        self.count = 0
        self.color: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_stage(self, name: str, count: int, color: str | None) -> None:
        """Show ``name`` holding ``count`` cards."""
        self.name, self.count, self.color = name, count, color
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The title as read out: "Applied · 19"."""
        return f"{self.name}  ·  {self.count:,}"

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        bold = QFontMetrics(self._bold())
        dot = self.fontMetrics().height() // 2
        return QSize(dot + 8 + bold.horizontalAdvance(self.name) + 10
                     + self.fontMetrics().horizontalAdvance(f"{self.count:,}") + 4,
                     bold.height() + 8)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 8 * self.fontMetrics().averageCharWidth()),
                     hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ground = column_fill(palette)
        metrics, bold = self.fontMetrics(), QFontMetrics(self._bold())
        rect = self.rect()
        dot = metrics.height() // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stage_mark(self.color, ground))
        painter.drawEllipse(QRectF(2, (rect.height() - dot) / 2, dot, dot))
        count = f"{self.count:,}"
        count_width = metrics.horizontalAdvance(count)
        left = 2 + dot + 8
        room = max(0, rect.width() - left - count_width - 10)
        name = bold.elidedText(self.name, Qt.TextElideMode.ElideRight, room)
        painter.setFont(self._bold())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        name_width = bold.horizontalAdvance(name)
        painter.drawText(QRect(left, 0, name_width, rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(self.font())
        painter.setPen(muted_text(palette, ground))
        painter.drawText(QRect(left + name_width + 8, 0, count_width + 2, rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, count)
        painter.end()

    def is_elided(self) -> bool:
        """Whether the name is cut short (then the tooltip shows it whole)."""
        bold = QFontMetrics(self._bold())
        dot = self.fontMetrics().height() // 2
        room = self.width() - (2 + dot + 8) - self.fontMetrics().horizontalAdvance(
            f"{self.count:,}") - 10
        return bold.horizontalAdvance(self.name) > room


class ClosedStageButton(QAbstractButton):
    """A closed stage in the strip: its name and count; click shows its cards, cards drop on it."""

    dropped = Signal(int)  # application id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = ""
        self.count = 0
        self.color: str | None = None
        self._drag_over = False
        self.setCheckable(True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_stage(self, name: str, count: int, color: str | None) -> None:
        """Show ``name`` holding ``count`` cards."""
        self.name, self.count, self.color = name, count, color
        self.setText(f"{name}  ·  {count:,}")
        self.updateGeometry()
        self.update()

    def _parts(self) -> tuple[int, int, int, int]:
        """(dot, gap, name width, count width) at the current font."""
        metrics = self.fontMetrics()
        return (metrics.height() // 2, metrics.averageCharWidth(),
                metrics.horizontalAdvance(self.name),
                metrics.horizontalAdvance(f"{self.count:,}"))

    def sizeHint(self) -> QSize:
        dot, gap, name, count = self._parts()
        metrics = self.fontMetrics()
        return QSize(2 * gap + dot + gap + name + gap + count + 2 * gap + 2,
                     metrics.height() + 12)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()  # never cut short: the strip wraps instead

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if self.isChecked():
            fill = blend(highlight, window, 0.16)
        elif self.underMouse() or self._drag_over:
            fill = blend(palette.color(QPalette.ColorRole.WindowText), window, 0.10)
        else:
            fill = column_fill(palette)
        outline = (drag_outline(palette, window) if self._drag_over or self.hasFocus()
                   or self.isChecked()
                   else with_contrast(blend(palette.color(QPalette.ColorRole.WindowText),
                                            window, 0.35), [window], GRAPHIC_CONTRAST))
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 2
        painter.setPen(QPen(outline, 2 if self._drag_over or self.hasFocus() else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        dot, gap, name, count = self._parts()
        x = 2 * gap
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stage_mark(self.color, fill))
        painter.drawEllipse(QRectF(x, (self.height() - dot) / 2, dot, dot))
        x += dot + gap
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(x, 0, name + 2, self.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.name)
        x += name + gap
        painter.setPen(muted_text(palette, fill))
        painter.drawText(QRect(x, 0, count + 2, self.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{self.count:,}")
        painter.end()

    def enterEvent(self, event: QEvent) -> None:
        super().enterEvent(event)  # type: ignore[arg-type]
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.update()

    def _set_drag_over(self, over: bool) -> None:
        self._drag_over = over
        self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if read_card_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
            self._set_drag_over(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if read_card_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drag_over(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drag_over(False)
        payload = read_card_mime(event.mimeData())
        if payload is None:
            return
        event.acceptProposedAction()
        for application_id in payload[1]:
            self.dropped.emit(application_id)


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new line where the width ends."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        x = area.x()
        for item in (item for item in self._items if not item.isEmpty()):
            width = item.sizeHint().width()
            if lines[-1] and x + width > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append(item)
            x += width + self._spacing
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for item in line), default=0)
            x = area.x()
            for item in line:
                hint = item.sizeHint()
                if move:  # centred in the line: a label sits level with the buttons
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing - rect.y()) + margins.bottom()
