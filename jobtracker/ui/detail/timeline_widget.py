"""An application's stage history: dated events, back-filled or corrected by the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationDetail
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.contrast import TEXT_CONTRAST, set_tone, with_contrast
from jobtracker.ui.widgets.formatting import format_date, from_qdate, to_qdate
from jobtracker.ui.widgets.item_views import comfortable_rows

EventRole = Qt.ItemDataRole.UserRole + 2


class TimelineWidget(QWidget):
    """List of stage events (newest first) with controls to record or re-date one."""

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._today = today
        self._detail: ApplicationDetail | None = None
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Stage timeline"))
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("From"),
                                   self.tr("Note")])
        self.tree.setRootIsDecorated(False)
        comfortable_rows(self.tree)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().resizeSection(0, 110)
        self.tree.header().resizeSection(1, 120)
        # The note takes what is left, so the columns never need a horizontal scrollbar.
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._event_chosen)

        self.stage_combo = QComboBox(self)
        self.stage_combo.setAccessibleName(self.tr("Stage to record"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Date of the stage change"))
        self.record_button = QPushButton(self.tr("&Record stage"), self)
        self.record_button.setToolTip(self.tr("Record that the application reached this stage "
                                              "on this date"))
        self.redate_button = QPushButton(self.tr("Set &date"), self)
        self.redate_button.setToolTip(self.tr("Change the date of the selected stage change"))
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected stage change"))
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # a refusal may quote a stage
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.record_button.clicked.connect(self._record)
        self.redate_button.clicked.connect(self._redate)
        self.remove_button.clicked.connect(self._remove)

        choose = QHBoxLayout()
        choose.addWidget(self.stage_combo, 1)
        choose.addWidget(self.date_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.redate_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(choose)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the events of ``detail``."""
        self._detail = detail
        self.error_label.hide()
        self.tree.clear()
        colors = {stage.name: stage.color for stage in self._editor.tracker.stages()}
        palette = self.tree.palette()
        rows = [palette.color(QPalette.ColorRole.Base),
                palette.color(QPalette.ColorRole.AlternateBase)]
        for event in reversed(detail.events):
            item = QTreeWidgetItem([format_date(event.occurred_on), event.to_stage,
                                    event.from_stage or "", event.note or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, event.occurred_on)
            item.setData(0, EventRole, event)
            if colors.get(event.to_stage):
                # The stage's hue, deepened (or lightened) until it reads as text on the list.
                item.setForeground(1, QBrush(with_contrast(
                    QColor(colors[event.to_stage]), rows, TEXT_CONTRAST)))
            self.tree.addTopLevelItem(item)
        current = self.stage_combo.currentText()
        self.stage_combo.clear()
        self.stage_combo.addItems([stage.name for stage in self._editor.tracker.stages()])
        self.stage_combo.setCurrentText(current or detail.stage)
        self.date_edit.setMaximumDate(to_qdate(self._today()))
        self.date_edit.setDate(to_qdate(self._today()))
        self._event_chosen()

    def _event_chosen(self, *_args: object) -> None:
        item = self.tree.currentItem()
        self.redate_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and self.tree.topLevelItemCount() > 1)
        if item is not None:
            self.date_edit.setDate(to_qdate(item.data(0, Qt.ItemDataRole.UserRole + 1)))

    def _show_error(self, error: ValidationError) -> None:
        self.error_label.setText(error.reason[:1].upper() + error.reason[1:])
        self.error_label.show()

    def _record(self) -> None:
        if self._detail is None:
            return
        try:
            self._editor.move_stage(self._detail.id, self.stage_combo.currentText(),
                                    on=from_qdate(self.date_edit.date()))
        except ValidationError as error:
            self._show_error(error)

    def _redate(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        try:
            self._editor.redate_event(int(item.data(0, Qt.ItemDataRole.UserRole)),
                                      from_qdate(self.date_edit.date()),
                                      item.data(0, Qt.ItemDataRole.UserRole + 1))
        except ValidationError as error:
            self._show_error(error)

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is None or self._detail is None:
            return
        try:
            self._editor.remove_event(self._detail.id, item.data(0, EventRole))
        except ValidationError as error:
            self._show_error(error)
