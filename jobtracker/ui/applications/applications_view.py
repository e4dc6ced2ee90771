"""The applications list: quick filters above a lazily filled, core-sorted table."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import ApplicationFilter, Tracker
from jobtracker.ui.applications.applications_model import STAGE_COLUMN, ApplicationsModel, IdRole
from jobtracker.ui.applications.stage_delegate import StageChipDelegate
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.settings import QuickFilters
from jobtracker.ui.widgets.empty_state import EmptyMessage
from jobtracker.ui.widgets.formatting import from_qdate, to_qdate
from jobtracker.ui.widgets.item_views import comfortable_rows
from jobtracker.vocabulary import StageKind

# Date range presets: (label, days back; None = any time, CUSTOM = the from/to edits).
CUSTOM = -1
_RANGES = ((QT_TRANSLATE_NOOP("ApplicationsView", "Any time"), None),
           (QT_TRANSLATE_NOOP("ApplicationsView", "Last 7 days"), 7),
           (QT_TRANSLATE_NOOP("ApplicationsView", "Last 30 days"), 30),
           (QT_TRANSLATE_NOOP("ApplicationsView", "Last 90 days"), 90),
           (QT_TRANSLATE_NOOP("ApplicationsView", "Last 365 days"), 365),
           (QT_TRANSLATE_NOOP("ApplicationsView", "Custom range…"), CUSTOM))


class ApplicationsView(QWidget):
    """Filter bar and table; emits the id of the application the user selects."""

    selected = Signal(object)  # int | None
    activated = Signal(int)
    quick_filters_changed = Signal()
    filters_cleared = Signal()  # "Clear Filters" on the no-match page: the search box empties

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
        # A custom range of applied dates: shown only when "Custom range…" is chosen.
        self.applied_from_edit = QDateEdit()
        self.applied_from_edit.setAccessibleName(self.tr("Applied from"))
        self.applied_to_edit = QDateEdit()
        self.applied_to_edit.setAccessibleName(self.tr("Applied until"))
        this_day = to_qdate(today())
        for edit, day in ((self.applied_from_edit, this_day.addDays(-30)),
                          (self.applied_to_edit, this_day)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.dateChanged.connect(self._filters_changed)
        self.range_dash = QLabel("–")
        self.range_dash.setAccessibleName(self.tr("to"))

        # A grid: the four combos sit in one row, or in two when one row would clip them;
        # narrower still, one "Filters" button opens a popup holding them at full width.
        self.filter_bar = QWidget(self)
        self.filter_bar.setSizePolicy(QSizePolicy.Policy.Ignored,
                                      self.filter_bar.sizePolicy().verticalPolicy())
        bar = QGridLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSizeConstraint(QGridLayout.SizeConstraint.SetNoConstraint)
        self._filter_bar = bar
        self._filter_columns = 0
        self.filter_label = QLabel(self.tr("&Show:"), self.filter_bar)
        self.filter_label.setBuddy(self.stage_filter)
        bar.addWidget(self.filter_label, 0, 0)
        self.filters_button = QToolButton(self.filter_bar)
        self.filters_button.setAccessibleName(self.tr("Filters"))
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.filters_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.filters_button.clicked.connect(self.show_filters_popup)
        self.filters_button.hide()
        # The popup: the same combos, each whole, with what it filters beside it.
        self.filters_popup = QFrame(self, Qt.WindowType.Popup)
        self.filters_popup.setObjectName("filtersPopup")
        self.filters_popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.filters_popup.setAccessibleName(self.tr("Filters"))
        self._popup_layout = QFormLayout(self.filters_popup)
        self._popup_labels = [QLabel(text, self.filters_popup) for text in (
            self.tr("Stage:"), self.tr("Open or closed:"), self.tr("Tag:"),
            self.tr("Applied:"))]
        for combo in self._filter_combos():
            # Each combo is as wide as its longest choice: never elided, never clipped.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Minimum,
                                combo.sizePolicy().verticalPolicy())
            combo.activated.connect(self._filters_changed)
        self._reflow_filters(4)
        self._update_filters_button()
        # Its own row, so choosing a custom range never squeezes the filter combos.
        self.range_row = QWidget(self)
        range_layout = QHBoxLayout(self.range_row)
        range_layout.setContentsMargins(0, 0, 0, 0)
        range_label = QLabel(self.tr("Applied &between:"), self.range_row)
        range_label.setBuddy(self.applied_from_edit)
        range_layout.addStretch(1)
        range_layout.addWidget(range_label)
        range_layout.addWidget(self.applied_from_edit)
        range_layout.addWidget(self.range_dash)
        range_layout.addWidget(self.applied_to_edit)
        self._show_range_edits()

        self.table = QTableView(self)
        self.table.setObjectName("applicationsTable")
        self.table.setAccessibleName(self.tr("Applications"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STAGE_COLUMN, StageChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The indicator first: enabling sorting sorts at once by the indicator's column,
        # and Qt's default (Company) sorts every row, 1 s at 50,000 applications, while
        # Last change comes straight off an index.
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        comfortable_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        # Default widths in characters, so larger text sizes get wider columns.
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate((18, 26, 14, 12, 12, 18, 20, 9, 17, 12)):
            # Never narrower than the header text itself (with its sort arrow).
            header.resizeSection(column, max(chars * char + 12,
                                             header.sectionSizeFromContents(column).width()))
        # A wide window gives truncated columns (Location, Salary) the room beside them.
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.range_row)
        # Filters or a search that match nothing: say so, never a blank table.
        self.no_results = EmptyMessage(self.tr("No applications match"), self.tr(
            "Nothing matches the search and filters chosen."), self)
        self.no_results.setObjectName("noResults")
        self.clear_filters_button = self.no_results.add_action(self.tr("C&lear Filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.table_pages = QStackedWidget(self)
        self.table_pages.addWidget(self.table)
        self.table_pages.addWidget(self.no_results)
        layout.addWidget(self.table_pages)
        self.model.modelReset.connect(self._show_no_results)
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

    def quick_filters(self) -> QuickFilters:
        """The choices of the filter bar, to remember them."""
        return QuickFilters(
            stage=self.stage_filter.currentData(), status=self.status_filter.currentIndex(),
            tag=self.tag_filter.currentData(), days=self.date_filter.currentData(),
            applied_from=from_qdate(self.applied_from_edit.date()),
            applied_to=from_qdate(self.applied_to_edit.date()))

    def set_quick_filters(self, choice: QuickFilters) -> None:
        """Put the filter bar back as remembered (unknown stages or tags fall back to all)."""
        widgets = (self.stage_filter, self.status_filter, self.tag_filter, self.date_filter,
                   self.applied_from_edit, self.applied_to_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(choice.stage)))
            self.status_filter.setCurrentIndex(
                choice.status if 0 <= choice.status < self.status_filter.count() else 0)
            self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(choice.tag)))
            self.date_filter.setCurrentIndex(max(0, self.date_filter.findData(choice.days)))
            if choice.applied_from is not None:
                self.applied_from_edit.setDate(to_qdate(choice.applied_from))
            if choice.applied_to is not None:
                self.applied_to_edit.setDate(to_qdate(choice.applied_to))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._filters_changed()

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
        self._update_filters_button()

    # -- reactions ---------------------------------------------------------------------------

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.stage_filter, self.status_filter, self.tag_filter, self.date_filter)

    def active_filter_count(self) -> int:
        """How many of the four quick filters narrow the list."""
        return sum((self.stage_filter.currentData() is not None,
                    self.status_filter.currentIndex() > 0,
                    self.tag_filter.currentData() is not None,
                    self.date_filter.currentData() is not None))

    def _update_filters_button(self) -> None:
        count = self.active_filter_count()
        self.filters_button.setText(self.tr("Filters (%n)", "", count) if count
                                    else self.tr("Filters"))

    def show_filters_popup(self) -> None:
        """Open the popup holding the filter combos (the collapsed filter bar)."""
        popup = self.filters_popup
        popup.adjustSize()
        button = self.filters_button
        popup.move(button.mapToGlobal(button.rect().bottomLeft()))
        popup.show()
        self.stage_filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def _needed_width(self, columns: int) -> int:
        """The filter bar's width with every combo whole in ``columns`` columns (4 or 2)."""
        bar = self._filter_bar
        spacing = max(bar.horizontalSpacing(), 0)
        widths = [combo.sizeHint().width() for combo in self._filter_combos()]
        if columns == 2:
            widths = [max(widths[0], widths[2]), max(widths[1], widths[3])]
        return self.filter_label.sizeHint().width() + sum(widths) + columns * spacing

    def _reflow_filters(self, columns: int) -> None:
        """Lay the combos out in 4 or 2 columns, or (0) collapse them behind a button."""
        if columns == self._filter_columns:
            return
        self._filter_columns = columns
        bar = self._filter_bar
        combos = self._filter_combos()
        for combo in combos:
            bar.removeWidget(combo)
            self._popup_layout.removeWidget(combo)
        bar.removeWidget(self.filters_button)
        for label in self._popup_labels:
            self._popup_layout.removeWidget(label)
        if columns:
            self.filters_popup.hide()
            for n, combo in enumerate(combos):
                combo.setParent(self.filter_bar)
                bar.addWidget(combo, n // columns, 1 + n % columns)
                combo.show()
            self.filters_button.hide()
            self.filter_label.setBuddy(self.stage_filter)
        else:
            for label, combo in zip(self._popup_labels, combos, strict=True):
                label.setBuddy(combo)
                self._popup_layout.addRow(label, combo)
                combo.show()
            bar.addWidget(self.filters_button, 0, 1, Qt.AlignmentFlag.AlignLeft)
            self.filters_button.show()
            self.filter_label.setBuddy(self.filters_button)
        for column in range(1, 5):
            bar.setColumnStretch(column, 1 if column <= columns else 0)
        if not columns:
            bar.setColumnStretch(2, 1)  # the button beside its label, the rest empty

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._reflow_filters(next((columns for columns in (4, 2)
                                   if width >= self._needed_width(columns)), 0))
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.stretch_columns()
        return super().eventFilter(watched, event)

    def stretch_columns(self) -> None:
        """Widen truncated columns into unused width (never narrows: widths the user set stay)."""
        header = self.table.horizontalHeader()
        if self.model.rowCount() == 0:
            return
        last = header.logicalIndex(header.count() - 1)

        def wanted(column: int) -> int:
            return max(self.table.sizeHintForColumn(column),
                       header.sectionSizeFromContents(column).width())

        shown = [header.logicalIndex(visual) for visual in range(header.count())]
        shown = [column for column in shown if not header.isSectionHidden(column)]
        # The last section stretches over whatever is left: count it at the width it needs.
        used = sum(header.sectionSize(column) for column in shown if column != last)
        free = self.table.viewport().width() - used - wanted(last)
        for column in shown:
            if column == last or free <= 0:
                continue
            grow = min(free, wanted(column) - header.sectionSize(column))
            if grow > 0:
                header.resizeSection(column, header.sectionSize(column) + grow)
                free -= grow

    def _show_range_edits(self) -> None:
        custom = self.date_filter.currentData() == CUSTOM
        self.range_row.setVisible(custom)

    def _filters_changed(self, *_args: object) -> None:
        stage = self.stage_filter.currentData()
        days = self.date_filter.currentData()
        applied_from: dt.date | None = None
        applied_to: dt.date | None = None
        if days == CUSTOM:
            applied_from = from_qdate(self.applied_from_edit.date())
            applied_to = from_qdate(self.applied_to_edit.date())
            if applied_from > applied_to:  # picked the wrong way round: still a range
                applied_from, applied_to = applied_to, applied_from
        elif days:
            applied_from = self._today() - dt.timedelta(days=days)
        self._show_range_edits()
        self._update_filters_button()
        self._apply(dataclasses.replace(
            self.model.filters,
            stages=(stage,) if stage else (),
            kinds=tuple(self.status_filter.currentData() or ()),
            tag=self.tag_filter.currentData(),
            applied_from=applied_from,
            applied_to=applied_to,
        ))
        self.quick_filters_changed.emit()

    def _apply(self, filters: ApplicationFilter) -> None:
        keep = self.current_id()
        self.model.set_filter(filters)
        if not self.select_id(keep):
            self.selected.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selected.emit(int(current.data(IdRole)) if current.isValid() else None)

    def clear_filters(self) -> None:
        """Back to every application: no search, every stage, tag and date."""
        self.set_quick_filters(QuickFilters())
        self.set_search("")
        self.filters_cleared.emit()

    def _show_no_results(self) -> None:
        self.table_pages.setCurrentWidget(self.no_results if self.model.total == 0
                                          else self.table)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(int(index.data(IdRole)))
