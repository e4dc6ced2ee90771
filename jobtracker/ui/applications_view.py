"""The applications list: quick filters above a lazily filled, core-sorted table."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobtracker.models import StageKind
from jobtracker.tracker import ApplicationFilter, Tracker
from jobtracker.ui.applications_model import STAGE_COLUMN, ApplicationsModel, IdRole
from jobtracker.ui.stage_delegate import StageChipDelegate

# Date range presets: (label, days back; None = any time).
_RANGES = (("Any time", None), ("Last 7 days", 7), ("Last 30 days", 30), ("Last 90 days", 90),
           ("Last 365 days", 365))


class ApplicationsView(QWidget):
    """Filter bar and table; emits the id of the application the user selects."""

    selected = Signal(object)  # int | None
    activated = Signal(int)

    def __init__(self, tracker: Tracker, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._tracker = tracker
        self.model = ApplicationsModel(tracker, today=today, parent=self)

        self.stage_filter = QComboBox(self)
        self.stage_filter.setAccessibleName(self.tr("Filter by stage"))
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Filter open or closed"))
        for label, kinds in ((self.tr("Open and closed"), ()),
                             (self.tr("Open"), (StageKind.OPEN, StageKind.OFFER)),
                             (self.tr("Closed"), (StageKind.WON, StageKind.LOST))):
            self.status_filter.addItem(label, kinds)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.date_filter = QComboBox(self)
        self.date_filter.setAccessibleName(self.tr("Filter by applied date"))
        for label, days in _RANGES:
            self.date_filter.addItem(self.tr(label), days)

        bar = QHBoxLayout()
        filter_label = QLabel(self.tr("&Show:"), self)
        filter_label.setBuddy(self.stage_filter)
        bar.addWidget(filter_label)
        for combo in (self.stage_filter, self.status_filter, self.tag_filter, self.date_filter):
            # Narrow windows (and 150% text) must still fit: combos may shrink and elide.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.activated.connect(self._filters_changed)
            bar.addWidget(combo, 1)
        bar.addStretch(0)

        self.table = QTableView(self)
        self.table.setObjectName("applicationsTable")
        self.table.setAccessibleName(self.tr("Applications"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STAGE_COLUMN, StageChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        # Default widths in characters, so larger text sizes get wider columns.
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate((18, 26, 14, 12, 12, 18, 20, 9, 17, 12)):
            # Never narrower than the header text itself (with its sort arrow).
            header.resizeSection(column, max(chars * char + 12,
                                             header.sectionSizeFromContents(column).width()))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.refresh_choices()

    # -- public ------------------------------------------------------------------------------

    def set_tracker(self, tracker: Tracker) -> None:
        """Show another database."""
        self._tracker = tracker
        self.model.set_tracker(tracker)
        self.refresh_choices()

    def set_search(self, text: str) -> None:
        """Filter by full-text search."""
        self._apply(dataclasses.replace(self.model.filters, search=text))

    def current_id(self) -> int | None:
        """The selected application, if any."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return int(index.data(IdRole))

    def select_id(self, application_id: int | None) -> bool:
        """Select the row of ``application_id`` when it is loaded."""
        row = self.model.row_of(application_id) if application_id is not None else None
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def reload(self) -> None:
        """Re-read rows after a change, keeping the selection."""
        keep = self.current_id()
        self.blockSignals(True)
        self.model.reload()
        self.blockSignals(False)
        if keep is not None:
            self.blockSignals(True)
            self.select_id(keep)
            self.blockSignals(False)
        self.refresh_choices()

    def refresh_choices(self) -> None:
        """Refill the stage and tag filters (stages may be renamed, tags added)."""
        for combo, everything, names in (
                (self.stage_filter, self.tr("All stages"),
                 [s.name for s in self._tracker.stages()]),
                (self.tag_filter, self.tr("All tags"), self._tracker.tag_names())):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for name in names:
                combo.addItem(name, name)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    # -- reactions ---------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        stage = self.stage_filter.currentData()
        days = self.date_filter.currentData()
        self._apply(dataclasses.replace(
            self.model.filters,
            stages=(stage,) if stage else (),
            kinds=tuple(self.status_filter.currentData() or ()),
            tag=self.tag_filter.currentData(),
            applied_from=self._today() - dt.timedelta(days=days) if days else None,
        ))

    def _apply(self, filters: ApplicationFilter) -> None:
        keep = self.current_id()
        self.model.set_filter(filters)
        if not self.select_id(keep):
            self.selected.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selected.emit(int(current.data(IdRole)) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(int(index.data(IdRole)))
