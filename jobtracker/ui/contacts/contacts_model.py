"""Table model over the tracker's plain contact rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from jobtracker.tracker import ContactRow
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.widgets.formatting import plain_tooltip

ContactRole = Qt.ItemDataRole.UserRole + 1
# Headers are marked for lupdate here and translated when shown.
COLUMNS = (QT_TRANSLATE_NOOP("ContactsModel", "Name"),
           QT_TRANSLATE_NOOP("ContactsModel", "Company"),
           QT_TRANSLATE_NOOP("ContactsModel", "Role"),
           QT_TRANSLATE_NOOP("ContactsModel", "E-mail"),
           QT_TRANSLATE_NOOP("ContactsModel", "Phone"),
           QT_TRANSLATE_NOOP("ContactsModel", "LinkedIn / URL"))
_FIELDS = ("name", "company", "role", "email", "phone", "linkedin_url")
_Index = QModelIndex | QPersistentModelIndex


class ContactsModel(QAbstractTableModel):
    """Every contact (a few hundred at most, so all rows at once)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []

    def set_rows(self, rows: list[ContactRow]) -> None:
        """Replace what is shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def contact(self, row: int) -> ContactRow:
        """The plain row at ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("ContactsModel", COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return getattr(row, _FIELDS[index.column()]) or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(getattr(row, _FIELDS[index.column()]))
        if role == ContactRole:
            return row
        return None
