"""The board: a column per open stage sharing the width, closed stages in a strip below."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import ApplicationFilter, ApplicationInput, StageRow
from jobtracker.ui.applications.applications_model import IdRole
from jobtracker.ui.applications.board_model import StageColumnModel, load_board
from jobtracker.ui.applications.board_widgets import (
    BoardList,
    ClosedStageButton,
    FlowLayout,
    StageTitle,
    column_fill,
)
from jobtracker.ui.applications.card_delegate import CardDelegate, card_size
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import plain_tooltip
from jobtracker.ui.widgets.icons import themed_icon
from jobtracker.ui.widgets.lazy_view import LazyView

COLUMN_MARGIN = 6  # inside a column, around its title and cards


class BoardColumn(QFrame):
    """One stage: its title, count and "+", and a list of cards.

    A closed stage's column is hidden ("collapsed") until its button in the strip opens it.
    """

    def __init__(self, model: StageColumnModel, delegate: CardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("boardColumn")
        self.header = StageTitle(self)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("boardAddButton")
        self.add_button.setIcon(themed_icon("new"))
        self.add_button.setAutoRaise(True)
        self.hide_button = QToolButton(self)
        self.hide_button.setObjectName("boardHideButton")
        self.hide_button.setIcon(themed_icon("clear"))
        self.hide_button.setAutoRaise(True)
        self.hide_button.setVisible(model.closed)
        self.list = BoardList(self)
        self.list.setObjectName("boardList")
        self.list.setModel(model)
        self.list.setItemDelegate(delegate)
        self.list.setUniformItemSizes(True)  # 2,000 cards lay out without measuring each
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setAccessibleDescription(self.tr(
            "Left and Right go to the next column; Ctrl+Left and Ctrl+Right move the card to "
            "the stage before or after; Delete moves it to the trash."))
        self.folded: ClosedStageButton | None = None  # a closed stage's button in the strip
        top = QHBoxLayout()
        top.setContentsMargins(2, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.header, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(COLUMN_MARGIN, COLUMN_MARGIN - 2, COLUMN_MARGIN, COLUMN_MARGIN)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.collapsed = model.closed
        self._size_buttons()
        self.update_header()

    def set_collapsed(self, collapsed: bool) -> None:
        """Hide the column (only closed stages hide; their strip button shows them again)."""
        self.collapsed = collapsed and self.model.closed
        self.setVisible(not self.collapsed)
        if self.folded is not None:
            self.folded.setChecked(not self.collapsed)

    def update_header(self) -> None:
        """Show the stage name and how many cards it holds."""
        stage, count = self.model.stage, self.model.rowCount()
        self.header.set_stage(stage.name, count, stage.color)
        self.header.setToolTip(plain_tooltip(
            self.tr("%1: %2 applications").replace("%1", stage.name).replace("%2",
                                                                              f"{count:,}")))
        self.setAccessibleName(self.tr("%1 column").replace("%1", stage.name))
        self.list.setAccessibleName(self.tr("%1: %2 applications").replace(
            "%1", stage.name).replace("%2", f"{count:,}"))
        add = self.tr("New application in %1…").replace("%1", stage.name)
        self.add_button.setToolTip(plain_tooltip(add))
        self.add_button.setAccessibleName(add)
        hide = self.tr("Hide the %1 column").replace("%1", stage.name)
        self.hide_button.setToolTip(plain_tooltip(hide))
        self.hide_button.setAccessibleName(hide)
        if self.folded is not None:
            self.folded.set_stage(stage.name, count, stage.color)
            self.folded.setAccessibleName(self.tr("%1: %2 applications, closed stage").replace(
                "%1", stage.name).replace("%2", f"{count:,}"))
            self.folded.setToolTip(plain_tooltip(
                self.tr("Show or hide the %1 column; drop a card here to move it to %1")
                .replace("%1", stage.name)))

    def _size_buttons(self) -> None:
        side = self.fontMetrics().height()
        for button in (self.add_button, self.hide_button):
            button.setIconSize(QSize(side, side))

    def minimumSizeHint(self) -> QSize:
        # A card's width (it grows with the text size) plus the list's kept scroll bar room.
        width = (card_size(self.list.fontMetrics()).width() + self.list.reserved_width()
                 + 2 * COLUMN_MARGIN)
        hint = super().minimumSizeHint()
        return QSize(max(width, hint.width()), hint.height())

    def sizeHint(self) -> QSize:
        # Columns share what is left equally (same stretch, same hint).
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_buttons()
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(column_fill(self.palette()))
        painter.drawRoundedRect(QRectF(self.rect()), 8, 8)
        painter.end()


class BoardView(LazyView):
    """Every stage side by side; the table's filters and search decide which cards show.

    Keys on a card: Left/Right go to the neighbouring column, Ctrl+Left/Right move the card to
    the stage before or after, Delete moves it to the trash, Enter opens it.
    """

    selected = Signal(object)  # int | None
    activated = Signal(int)
    message = Signal(str)

    def __init__(self, editor: Editor, filters: Callable[[], ApplicationFilter], *,
                 today: Callable[[], dt.date] = dt.date.today,
                 stale_days: Callable[[], int] = lambda: 21,
                 follow_up_days: Callable[[int], int] = lambda _stage_id: 0,
                 edit: Callable[[int], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._filters = filters
        self._today = today
        self._follow_up_days = follow_up_days
        # Edit shows the application's detail, which is its editor; a window may pass its own.
        self._edit = edit or self.activated.emit
        self._current: int | None = None
        # Reloads are coalesced: an edit and the table's reset after it read the cards once.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._load)
        editor.changed.connect(self.reload)
        self._stale_days = stale_days
        self.delegate = CardDelegate(self, stale_days=stale_days())
        self.columns: list[BoardColumn] = []  # in stage order
        self._stages: list[StageRow] = []

        self.hint = QLabel(self)
        self.hint.setObjectName("boardHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self._row = QWidget()
        self._row.setObjectName("boardColumns")
        self._row_layout = QHBoxLayout(self._row)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self._row_layout.setSpacing(8)
        self.area = QScrollArea(self)
        self.area.setObjectName("boardScroll")
        self.area.setWidgetResizable(True)  # the columns fill the width, scroll only below it
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(self._row)
        self.closed_strip = QWidget(self)
        self.closed_strip.setObjectName("boardClosedStrip")
        self.closed_strip.setAccessibleName(self.tr("Closed stages"))
        self._closed_layout = FlowLayout(self.closed_strip, spacing=6)
        self._closed_layout.setContentsMargins(0, 0, 0, 0)
        self.closed_label = QLabel(self.tr("Closed:"), self.closed_strip)
        self.closed_label.setTextFormat(Qt.TextFormat.PlainText)
        self._closed_layout.addWidget(self.closed_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.closed_strip)

        self.previous_action = QAction(self.tr("Move to &Previous Stage"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+Left"))
        self.previous_action.triggered.connect(lambda: self.move_current(-1))
        self.next_action = QAction(self.tr("Move to &Next Stage"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.next_action.triggered.connect(lambda: self.move_current(1))
        for action in (self.previous_action, self.next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setShortcutVisibleInContextMenu(True)
            self.addAction(action)

    # -- public ------------------------------------------------------------------------------

    def refresh_soon(self) -> None:
        self._reload_timer.start()

    def column_of(self, stage: str) -> BoardColumn | None:
        """The column of ``stage`` (by name)."""
        return next((c for c in self.columns if c.model.stage.name == stage), None)

    def shown_columns(self) -> list[BoardColumn]:
        """The columns on screen, left to right: the open stages, then closed ones shown."""
        return [c for c in self._display_order() if not c.collapsed]

    def _display_order(self) -> list[BoardColumn]:
        return ([c for c in self.columns if not c.model.closed]
                + [c for c in self.columns if c.model.closed])

    def current_id(self) -> int | None:
        """The selected card's application."""
        return self._current

    def _column_holding(self, application_id: int) -> tuple[BoardColumn, int] | None:
        for column in self.columns:
            row = column.model.row_of(application_id)
            if row is not None:
                return column, row
        return None

    def select_id(self, application_id: int | None, *, focus: bool = True) -> bool:
        """Select (and scroll to) the card of ``application_id``; ``focus`` puts keys there."""
        found = False
        for column in self.columns:
            row = column.model.row_of(application_id) if application_id is not None else None
            selection = column.list.selectionModel()
            if row is None:
                selection.clearSelection()
                continue
            found = True
            column.set_collapsed(False)
            index = column.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            column.list.scrollTo(index)
            if focus:
                column.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self._ensure_visible(column)
        self._current = application_id if found else None
        return found

    def _ensure_visible(self, column: BoardColumn) -> None:
        # A column just shown has no place in the row until the layout has run.
        self.area.ensureWidgetVisible(column, 0, 0)
        QTimer.singleShot(0, self, lambda: self.area.ensureWidgetVisible(column, 0, 0)
                          if column in self.columns else None)

    def move_current(self, step: int) -> None:
        """Ctrl+Left/Right: move the selected card to the stage before or after its own."""
        application_id = self._current
        if application_id is None:
            return
        for number, column in enumerate(self.columns):
            if column.model.row_of(application_id) is not None:
                target = number + step
                if 0 <= target < len(self.columns):
                    self.move_card(application_id, self.columns[target].model.stage.name)
                return

    def move_card(self, application_id: int, stage: str) -> None:
        """Record a stage move (one undoable action) and keep the card selected."""
        column = self.column_of(stage)
        days = self._follow_up_days(column.model.stage.id) if column is not None else 0
        old = next((c.model.application(r) for c in self.columns
                    if (r := c.model.row_of(application_id)) is not None), None)

        def move() -> None:
            if days and old is not None and old.stage != stage:
                # The stage's default follow-up (Preferences) comes with the move, as one action.
                self.editor.move_stage_with_follow_up(
                    application_id, stage, self._today() + dt.timedelta(days=days),
                    old.follow_up_on)
            else:
                self.editor.move_stage(application_id, stage)

        if not self.editor.attempt(move, report=self.message.emit):
            return
        self._current = application_id  # selected again once the cards are re-read
        self.reload()

    def set_priority(self, application_id: int, priority: int) -> None:
        """A card dropped within its column takes the priority of the card it landed on."""
        old = next((c.model.application(r).priority for c in self.columns
                    if (r := c.model.row_of(application_id)) is not None), None)
        if old is None or old == priority:
            return
        if not self.editor.attempt(
                lambda: self.editor.edit_application(application_id, {"priority": priority},
                                                     {"priority": old}),
                report=self.message.emit):
            return
        self._current = application_id  # selected again once the cards are re-read
        self.reload()

    def delete_card(self, application_id: int) -> None:
        """Move an application to the trash (undoable); the card after it is selected next."""
        found = self._column_holding(application_id)
        if found is None:
            return
        column, row = found
        card = column.model.application(row)
        following = next((column.model.application(r).id for r in (row + 1, row - 1)
                          if 0 <= r < column.model.rowCount()), None)
        if not self.editor.attempt(
                lambda: self.editor.delete_application(application_id,
                                                       f"{card.title} — {card.company}"),
                report=self.message.emit):
            return
        self._current = following  # selected once the cards are re-read
        if following is None:
            column.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.selected.emit(None)
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText)
        self.message.emit(self.tr("Moved to the trash. Undo with %1.").replace("%1", undo))
        self.reload()

    def delete_current(self) -> None:
        """Delete: the selected card goes to the trash."""
        if self._current is not None:
            self.delete_card(self._current)

    def step_column(self, column: BoardColumn, step: int) -> None:
        """Left/Right: select the card level with the current one in the next column with cards."""
        shown = self.shown_columns()
        if column not in shown:
            return
        current = column.list.currentIndex()
        y = column.list.visualRect(current).center().y() if current.isValid() else 0
        number = shown.index(column) + step
        while 0 <= number < len(shown):
            target = shown[number]
            if target.model.rowCount():
                view = target.list
                index = view.indexAt(QPoint(8, min(max(y, 1), view.viewport().height() - 2)))
                # Below that column's last card: its last card.
                row = index.row() if index.isValid() else target.model.rowCount() - 1
                self.select_id(target.model.application(row).id)
                return
            number += step  # an empty column has nothing to select: go on past it

    def add_to(self, stage: str) -> NewApplicationDialog:
        """"+" on a column: the New Application dialog with that stage chosen (undoable)."""
        tracker = self.editor.tracker
        stage_row = next((s for s in self._stages if s.name == stage), None)
        days = self._follow_up_days(stage_row.id) if stage_row is not None else 0

        def submit(draft: ApplicationInput) -> int:
            return self.editor.add_application(draft)

        dialog = NewApplicationDialog(submit, stages=tracker.stages(),
                                      companies=tracker.company_names(), today=self._today(),
                                      follow_up_days=days, parent=self)
        combo = dialog.ui.stageCombo
        combo.setCurrentIndex(max(0, combo.findData(stage)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._added(dialog.application_id))
        dialog.open()
        return dialog

    def _added(self, application_id: int | None) -> None:
        if application_id is not None:
            self._current = application_id  # the cards are re-read after the add
            self.reload()

    # -- menus ---------------------------------------------------------------------------------

    def card_menu(self, application_id: int) -> QMenu:
        """Open, Edit, Move to ▸ (every stage), Delete: the menu of a card."""
        found = self._column_holding(application_id)
        current_stage = found[0].model.stage.name if found is not None else None
        menu = QMenu(self)
        menu.setObjectName("boardCardMenu")
        open_action = menu.addAction(self.tr("&Open"))
        open_action.triggered.connect(lambda: self.activated.emit(application_id))
        menu.setDefaultAction(open_action)  # what Enter and a double click do
        menu.addAction(self.tr("&Edit…")).triggered.connect(lambda: self._edit(application_id))
        stages = menu.addMenu(self.tr("&Move to"))
        stages.setObjectName("boardMoveMenu")
        stages.addActions([self.previous_action, self.next_action])
        stages.addSeparator()
        group = QActionGroup(stages)
        for column in self.columns:
            name = column.model.stage.name
            action = stages.addAction(name.replace("&", "&&"))
            action.setToolTip(plain_tooltip(name))  # stages are user-named
            action.setCheckable(True)
            action.setChecked(name == current_stage)
            action.setEnabled(name != current_stage)
            group.addAction(action)
            action.triggered.connect(
                lambda _checked=False, n=name: self.move_card(application_id, n))
        menu.addSeparator()
        delete = menu.addAction(themed_icon("delete"), self.tr("&Delete"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutVisibleInContextMenu(True)
        delete.triggered.connect(lambda: self.delete_card(application_id))
        return menu

    def column_menu(self, column: BoardColumn) -> QMenu:
        """The menu of a column's empty space: add an application there."""
        menu = QMenu(self)
        name = column.model.stage.name
        menu.addAction(themed_icon("new"), self.tr("&New Application in %1…").replace(
            "%1", name.replace("&", "&&"))).triggered.connect(lambda: self.add_to(name))
        if column.model.closed:
            menu.addAction(self.tr("&Hide Column")).triggered.connect(
                lambda: self._hide_column(column))
        return menu

    def _menu_requested(self, column: BoardColumn, index: QModelIndex, point: QPoint) -> None:
        if index.isValid():
            application_id = int(index.data(IdRole))
            self.select_id(application_id)
            menu = self.card_menu(application_id)
        else:
            menu = self.column_menu(column)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(point)

    # -- closed stages -------------------------------------------------------------------------

    def _toggle_closed(self, column: BoardColumn) -> None:
        if column.collapsed:
            column.set_collapsed(False)
            self._ensure_visible(column)
        else:
            self._hide_column(column)

    def _hide_column(self, column: BoardColumn) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and column.isAncestorOf(focused)
        if self._current is not None and column.model.row_of(self._current) is not None:
            column.list.selectionModel().clear()
            self._current = None
            self.selected.emit(None)
        column.set_collapsed(True)
        if had_focus and column.folded is not None:
            column.folded.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- loading -----------------------------------------------------------------------------

    def refresh_now(self) -> None:
        self._load()

    def _load(self) -> None:
        self._reload_timer.stop()
        self._stale = False
        self.delegate.stale_days = self._stale_days()
        tracker = self.editor.tracker
        stages = tracker.stages()
        if [(s.id, s.kind) for s in stages] != [(s.id, s.kind) for s in self._stages]:
            self._build_columns(stages)
        self._stages = stages
        filters = self._filters()
        grouped = load_board(tracker, filters)
        keep = self._current
        for column, stage in zip(self.columns, stages, strict=True):
            column.model.set_rows(grouped.get(stage.id, []), stage)
            column.update_header()
        # Re-selecting must not pull the keyboard out of the search box while typing.
        focused = QApplication.focusWidget()
        focus = focused is not None and self.isAncestorOf(focused)
        if keep is not None and not self.select_id(keep, focus=focus):
            self._current = None
            self.selected.emit(None)
        shown = sum(len(rows) for rows in grouped.values())
        filtered = filters != ApplicationFilter()
        self.hint.setVisible(filtered)
        if filtered:
            self.hint.setText(self.tr("Showing %1 cards that match the search and filters of "
                                      "the Applications view.").replace("%1", f"{shown:,}"))

    def _build_columns(self, stages: list[StageRow]) -> None:
        shown_closed = {c.model.stage.id for c in self.columns
                        if c.model.closed and not c.collapsed}
        for column in self.columns:
            self._row_layout.removeWidget(column)
            column.deleteLater()
            if column.folded is not None:
                self._closed_layout.removeWidget(column.folded)
                column.folded.deleteLater()
        self.columns = []
        for stage in stages:
            model = StageColumnModel(stage, today=self._today, parent=self)
            model.move_requested.connect(self.move_card, Qt.ConnectionType.QueuedConnection)
            model.priority_requested.connect(self.set_priority,
                                             Qt.ConnectionType.QueuedConnection)
            column = BoardColumn(model, self.delegate, self._row)
            self._connect_column(column)
            if model.closed:
                folded = ClosedStageButton(self.closed_strip)
                folded.setObjectName("boardClosedStage")
                folded.clicked.connect(lambda _checked=False, c=column: self._toggle_closed(c))
                folded.dropped.connect(
                    lambda application_id, name=stage.name: self.move_card(application_id,
                                                                            name))
                column.folded = folded
                column.update_header()
            self.columns.append(column)
        for column in self._display_order():
            self._row_layout.addWidget(column, 1)
            if column.folded is not None:
                self._closed_layout.addWidget(column.folded)
                column.folded.show()
            column.set_collapsed(column.model.closed
                                 and column.model.stage.id not in shown_closed)
        self.closed_strip.setVisible(any(c.model.closed for c in self.columns))
        self._order_tabs()

    def _connect_column(self, column: BoardColumn) -> None:
        name = column.model.stage.name
        column.list.selectionModel().currentChanged.connect(
            lambda current, _previous, col=column: self._current_changed(col, current))
        column.list.activated.connect(
            lambda index: self.activated.emit(int(index.data(IdRole))))
        column.list.menu_requested.connect(
            lambda index, point, col=column: self._menu_requested(col, index, point))
        column.list.step_requested.connect(lambda step, col=column: self.step_column(col, step))
        column.list.delete_requested.connect(self.delete_current)
        column.add_button.clicked.connect(lambda: self.add_to(name))
        column.hide_button.clicked.connect(lambda: self._hide_column(column))

    def _order_tabs(self) -> None:
        """Tab goes through the columns left to right ("+", then the cards), then the strip."""
        chain: list[QWidget] = []
        for column in self._display_order():
            chain += [column.add_button, column.hide_button, column.list]
        chain += [c.folded for c in self._display_order() if c.folded is not None]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _current_changed(self, column: BoardColumn, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other in self.columns:
            if other is not column:
                other.list.selectionModel().clear()
        self._current = int(current.data(IdRole))
        self.selected.emit(self._current)
