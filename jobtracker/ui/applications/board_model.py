"""The board's item models: one list model per stage column, over rows read in one query."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from jobtracker.tracker import ApplicationFilter, ApplicationRow, SortKey, StageRow, Tracker
from jobtracker.ui.applications.applications_model import IdRole, RowRole, StageColorRole
from jobtracker.ui.widgets.formatting import format_datetime, plain_tooltip
from jobtracker.vocabulary import StageKind

MIME_TYPE = "application/x-jobtracker-cards"
DaysInStageRole = Qt.ItemDataRole.UserRole + 20

_Index = QModelIndex | QPersistentModelIndex


def card_order(row: ApplicationRow) -> tuple[int, int, str, int]:
    """Cards of a column: highest priority first, then longest in the stage, then by name."""
    return (-row.priority, row.last_change.toordinal(), row.company.casefold(), row.id)


def load_board(tracker: Tracker, filters: ApplicationFilter) -> dict[int, list[ApplicationRow]]:
    """Every live application matching ``filters``, grouped by stage id and ordered as cards."""
    columns: dict[int, list[ApplicationRow]] = {}
    for row in tracker.iter_applications(filters, sort=SortKey.PRIORITY, descending=True):
        columns.setdefault(row.stage_id, []).append(row)
    for rows in columns.values():
        rows.sort(key=card_order)
    return columns


def card_mime(stage: str, ids: Sequence[int]) -> QMimeData:
    """Dragged cards: their ids and the column they come from."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps({"stage": stage, "ids": list(ids)}).encode()))
    return mime


def read_card_mime(mime: QMimeData | None) -> tuple[str, list[int]] | None:
    """The (source stage, ids) carried by ``mime``; None for anything else."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return str(payload["stage"]), [int(i) for i in payload["ids"]]
    except (ValueError, KeyError, TypeError):
        return None


class StageColumnModel(QAbstractListModel):
    """The cards of one stage; drops of cards from another column ask for a stage move."""

    move_requested = Signal(int, str)  # application id, target stage
    priority_requested = Signal(int, int)  # application id, new priority (a drop within)

    def __init__(self, stage: StageRow, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._today = today
        self._rows: list[ApplicationRow] = []

    @property
    def closed(self) -> bool:
        """Whether this stage ends an application (won or lost)."""
        return self.stage.kind in (StageKind.WON, StageKind.LOST)

    def set_rows(self, rows: list[ApplicationRow], stage: StageRow | None = None) -> None:
        """Show ``rows`` (already in card order)."""
        self.beginResetModel()
        if stage is not None:
            self.stage = stage
        self._rows = rows
        self.endResetModel()

    def application(self, row: int) -> ApplicationRow:
        """The plain row of card ``row``."""
        return self._rows[row]

    def row_of(self, application_id: int) -> int | None:
        """The card showing ``application_id``, if it is in this column."""
        return next((n for n, r in enumerate(self._rows) if r.id == application_id), None)

    def days_in_stage(self, row: ApplicationRow) -> int:
        """Whole days since the application reached its stage."""
        return max(0, (self._today() - row.last_change).days)

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.company} — {row.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._describe(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._describe(row)
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        if role == StageColorRole:
            return row.stage_color
        if role == DaysInStageRole:
            return self.days_in_stage(row)
        return None

    def _describe(self, row: ApplicationRow) -> str:
        translate = QCoreApplication.translate
        parts = [f"{row.company} — {row.title}",
                 translate("BoardModel", "%1 days in %2").replace(
                     "%1", str(self.days_in_stage(row))).replace("%2", row.stage),
                 translate("BoardModel", "Priority %1 of 5").replace("%1", str(row.priority))]
        if row.next_interview is not None:
            parts.append(translate("BoardModel", "Next interview %1").replace(
                "%1", format_datetime(row.next_interview)))
        if row.tags:
            parts.append(translate("BoardModel", "Tags: %1").replace("%1", ", ".join(row.tags)))
        return "\n".join(parts)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({int(i.data(IdRole)) for i in indexes if i.isValid()})
        return card_mime(self.stage.name, ids)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        return action == Qt.DropAction.MoveAction and read_card_mime(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        """A drop asks for the change (the view's owner records it); rows change on reload."""
        payload = read_card_mime(data)
        if action != Qt.DropAction.MoveAction or payload is None:
            return False
        source, ids = payload
        if source != self.stage.name:
            for application_id in ids:
                self.move_requested.emit(application_id, self.stage.name)
            return True
        # Within the column: take the priority of the card dropped on (or next to).
        target = parent.row() if parent.isValid() else row
        if not self._rows:
            return False
        neighbour = self._rows[min(max(target, 0), len(self._rows) - 1)] if target >= 0 \
            else self._rows[-1]
        for application_id in ids:
            if application_id != neighbour.id:
                self.priority_requested.emit(application_id, neighbour.priority)
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # Cards leave a column when the data is re-read, never because a drag ended.
        return False
