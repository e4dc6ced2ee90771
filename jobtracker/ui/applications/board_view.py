"""The board: a column (list view) per stage, cards dragged between them move the stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationFilter, StageRow
from jobtracker.ui.applications.applications_model import IdRole
from jobtracker.ui.applications.board_model import StageColumnModel, load_board, read_card_mime
from jobtracker.ui.applications.card_delegate import CardDelegate, card_size
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.undo_commands.tasks import MoveWithFollowUpCommand
from jobtracker.ui.widgets.formatting import plain_tooltip
from jobtracker.ui.widgets.lazy_view import LazyView

COLUMN_MIN_CHARS = 30


class CollapsedHeader(QAbstractButton):
    """A folded column: its name and count written upwards; click opens it, cards drop on it."""

    dropped = Signal(int)  # application id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 14, metrics.horizontalAdvance(self.text()) + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().height() + 14, 60)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        option = QStyleOptionButton()
        option.initFrom(self)
        if self.underMouse() or self.hasFocus():
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelButtonTool, option,
                                       painter, self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.translate(QPointF(0, self.height()))
        painter.rotate(-90)
        painter.drawText(-8, 0, self.height() - 16, self.width(),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.text())
        painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if read_card_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if read_card_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        payload = read_card_mime(event.mimeData())
        if payload is None:
            return
        event.acceptProposedAction()
        for application_id in payload[1]:
            self.dropped.emit(application_id)


class BoardColumn(QFrame):
    """One stage: a header with its count and a list view of cards (or, folded, a thin strip)."""

    def __init__(self, model: StageColumnModel, delegate: CardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("boardColumn")
        self.header = QToolButton(self)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.folded = CollapsedHeader(self)
        self.list = QListView(self)
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
        self.list.setAccessibleName(model.stage.name)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.folded, 1)
        self.header.clicked.connect(lambda: self.set_collapsed(True))
        self.folded.clicked.connect(lambda: self.set_collapsed(False))
        self.collapsed = False
        self.set_collapsed(model.closed)
        self.update_header()

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the column to a strip, or open it (only closed stages fold)."""
        self.collapsed = collapsed and self.model.closed
        self.header.setVisible(not self.collapsed)
        self.list.setVisible(not self.collapsed)
        self.folded.setVisible(self.collapsed)
        width = card_size(self.list.fontMetrics()).width() + self.list.verticalScrollBar(
            ).sizeHint().width() + 8
        if self.collapsed:
            self.setFixedWidth(self.folded.sizeHint().width() + 4)
        else:
            self.setMinimumWidth(width)
            self.setMaximumWidth(int(width * 1.6))
        self.header.setToolTip(self.tr("Fold this column") if self.model.closed else "")
        self.header.setCursor(Qt.CursorShape.PointingHandCursor if self.model.closed
                              else Qt.CursorShape.ArrowCursor)

    def update_header(self) -> None:
        """Show the stage name and how many cards it holds."""
        count = self.model.rowCount()
        text = f"{self.model.stage.name}  ·  {count:,}"
        self.header.setText(("▾ " if self.model.closed else "") + text)
        self.folded.setText("▸ " + text)
        self.folded.setToolTip(plain_tooltip(self.tr("Open the %1 column").replace(
            "%1", self.model.stage.name)))
        self.folded.setAccessibleName(text)
        self.header.setAccessibleName(text)
        self.folded.updateGeometry()


class BoardView(LazyView):
    """Every stage side by side; the table's filters and search decide which cards show."""

    selected = Signal(object)  # int | None
    activated = Signal(int)
    message = Signal(str)

    def __init__(self, editor: Editor, filters: Callable[[], ApplicationFilter], *,
                 today: Callable[[], dt.date] = dt.date.today,
                 stale_days: Callable[[], int] = lambda: 21,
                 follow_up_days: Callable[[int], int] = lambda _stage_id: 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._filters = filters
        self._today = today
        self._follow_up_days = follow_up_days
        self._current: int | None = None
        # Reloads are coalesced: an edit and the table's reset after it read the cards once.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._load)
        editor.changed.connect(self.reload)
        self._stale_days = stale_days
        self.delegate = CardDelegate(self, stale_days=stale_days())
        self.columns: list[BoardColumn] = []
        self._stages: list[StageRow] = []

        self.hint = QLabel(self)
        self.hint.setObjectName("boardHint")
        self.hint.setWordWrap(True)
        self._strip = QWidget()
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(0, 0, 0, 0)
        self._strip_layout.setSpacing(6)
        self._strip_layout.addStretch(1)
        self.area = QScrollArea(self)
        self.area.setObjectName("boardScroll")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(self._strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.area, 1)

        self.previous_action = QAction(self.tr("Move to &Previous Stage"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+Left"))
        self.previous_action.triggered.connect(lambda: self.move_current(-1))
        self.next_action = QAction(self.tr("Move to &Next Stage"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.next_action.triggered.connect(lambda: self.move_current(1))
        for action in (self.previous_action, self.next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # -- public ------------------------------------------------------------------------------

    def refresh_soon(self) -> None:
        self._reload_timer.start()

    def column_of(self, stage: str) -> BoardColumn | None:
        """The column of ``stage`` (by name)."""
        return next((c for c in self.columns if c.model.stage.name == stage), None)

    def current_id(self) -> int | None:
        """The selected card's application."""
        return self._current

    def select_id(self, application_id: int | None) -> bool:
        """Select (and scroll to) the card of ``application_id``."""
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
            column.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.area.ensureWidgetVisible(column)
        self._current = application_id if found else None
        return found

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
        try:
            if days and old is not None and old.stage != stage:
                # The stage's default follow-up (Preferences) comes with the move, as one action.
                self.editor.push(MoveWithFollowUpCommand(
                    self.editor, application_id, stage,
                    self._today() + dt.timedelta(days=days), old.follow_up_on))
            else:
                self.editor.move_stage(application_id, stage)
        except JobTrackerError as error:
            self.message.emit(str(error))
            return
        self._current = application_id  # selected again once the cards are re-read
        self.reload()

    def set_priority(self, application_id: int, priority: int) -> None:
        """A card dropped within its column takes the priority of the card it landed on."""
        old = next((c.model.application(r).priority for c in self.columns
                    if (r := c.model.row_of(application_id)) is not None), None)
        if old is None or old == priority:
            return
        try:
            self.editor.edit_application(application_id, {"priority": priority},
                                         {"priority": old})
        except JobTrackerError as error:
            self.message.emit(str(error))
            return
        self._current = application_id  # selected again once the cards are re-read
        self.reload()

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
            column.list.setAccessibleName(stage.name)
            column.update_header()
        if keep is not None and not self.select_id(keep):
            self._current = None
            self.selected.emit(None)
        shown = sum(len(rows) for rows in grouped.values())
        filtered = filters != ApplicationFilter()
        self.hint.setVisible(filtered)
        if filtered:
            self.hint.setText(self.tr("Showing %1 cards that match the search and filters of "
                                      "the Applications view.").replace("%1", f"{shown:,}"))

    def _build_columns(self, stages: list[StageRow]) -> None:
        for column in self.columns:
            self._strip_layout.removeWidget(column)
            column.deleteLater()
        self.columns = []
        for number, stage in enumerate(stages):
            model = StageColumnModel(stage, today=self._today, parent=self)
            model.move_requested.connect(self.move_card, Qt.ConnectionType.QueuedConnection)
            model.priority_requested.connect(self.set_priority,
                                             Qt.ConnectionType.QueuedConnection)
            column = BoardColumn(model, self.delegate, self._strip)
            column.folded.dropped.connect(
                lambda application_id, name=stage.name: self.move_card(application_id, name))
            column.list.selectionModel().currentChanged.connect(
                lambda current, _previous, col=column: self._current_changed(col, current))
            column.list.activated.connect(
                lambda index: self.activated.emit(int(index.data(IdRole))))
            column.list.customContextMenuRequested.connect(
                lambda point, col=column: self._context_menu(col, point))
            self._strip_layout.insertWidget(number, column, 1)
            column.show()
            self.columns.append(column)

    def _current_changed(self, column: BoardColumn, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other in self.columns:
            if other is not column:
                other.list.selectionModel().clear()
        self._current = int(current.data(IdRole))
        self.selected.emit(self._current)

    def _context_menu(self, column: BoardColumn, point: QPoint) -> None:
        index = column.list.indexAt(point)
        if not index.isValid():
            return
        application_id = int(index.data(IdRole))
        menu = QMenu(self)
        menu.addActions([self.previous_action, self.next_action])
        stages = menu.addMenu(self.tr("Move to &Stage"))
        for other in self.columns:
            if other is not column:
                name = other.model.stage.name
                action = stages.addAction(name.replace("&", "&&"))
                action.setToolTip(plain_tooltip(name))  # stages are user-named
                action.triggered.connect(
                    lambda _checked=False, n=name: self.move_card(application_id, n))
        menu.addSeparator()
        menu.addAction(self.tr("&Open in Applications")).triggered.connect(
            lambda: self.activated.emit(application_id))
        menu.popup(column.list.viewport().mapToGlobal(point))
