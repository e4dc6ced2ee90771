"""The New Application dialog: the few fields needed to start tracking a job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, StageRow
from jobtracker.ui.forms.ui_new_application_dialog import Ui_NewApplicationDialog
from jobtracker.ui.widgets.field_errors import FieldErrors
from jobtracker.ui.widgets.formatting import from_qdate, to_qdate
from jobtracker.vocabulary import StageKind

Submit = Callable[[ApplicationInput], int]


class NewApplicationDialog(QDialog):
    """Calls ``submit`` with the draft on OK; stays open showing the error when it is refused."""

    def __init__(self, submit: Submit, *, stages: list[StageRow], companies: list[str],
                 today: dt.date, follow_up_days: int, parent: QWidget | None = None,
                 prefill: ApplicationInput | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewApplicationDialog()
        self.ui.setupUi(self)
        # Room for a typical title or address; grows with the text size like the layout.
        self.setMinimumWidth(68 * self.fontMetrics().averageCharWidth())
        self._submit = submit
        self._today = today
        self.application_id: int | None = None
        ui = self.ui
        open_stages = [stage for stage in stages if stage.kind == StageKind.OPEN]
        for stage in stages:
            ui.stageCombo.addItem(stage.name, stage.name)
        # Applied (the second open stage) is what most people record; Saved is one click away.
        default = open_stages[1] if len(open_stages) > 1 else (open_stages or stages)[0]
        ui.stageCombo.setCurrentIndex(ui.stageCombo.findData(default.name))
        self._saved_stage = open_stages[0].name if open_stages else None
        ui.stageCombo.currentIndexChanged.connect(self._stage_changed)
        for edit in (ui.appliedOnEdit, ui.followUpEdit):
            edit.setDisplayFormat("yyyy-MM-dd")
        ui.appliedOnEdit.setDate(to_qdate(today))
        ui.appliedOnEdit.setMaximumDate(to_qdate(today))
        ui.followUpEdit.setDate(to_qdate(today + dt.timedelta(days=follow_up_days or 7)))
        ui.followUpCheck.setChecked(follow_up_days > 0)
        ui.followUpEdit.setEnabled(follow_up_days > 0)
        ui.followUpCheck.toggled.connect(ui.followUpEdit.setEnabled)
        completer = QCompleter(companies, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.companyEdit.setCompleter(completer)
        self.errors = FieldErrors()
        for field, widget, label in (
                ("title", ui.titleEdit, ui.titleError), ("company", ui.companyEdit,
                                                         ui.companyError),
                ("stage", ui.stageCombo, ui.stageError),
                ("applied_on", ui.appliedOnEdit, ui.appliedOnError),
                ("location", ui.locationEdit, ui.locationError), ("url", ui.urlEdit, ui.urlError),
                ("priority", ui.prioritySpin, ui.priorityError),
                ("follow_up_on", ui.followUpEdit, ui.followUpError)):
            self.errors.add(field, widget, label)
        self.errors.fallback = "title"
        self._stage_changed()
        if prefill is not None:
            self._fill(prefill)
        # The first field still to fill in (after Import from URL, usually the title).
        first = ui.companyEdit if ui.titleEdit.text() and not ui.companyEdit.text() else (
            ui.titleEdit)
        first.setFocus()

    def _fill(self, draft: ApplicationInput) -> None:
        ui = self.ui
        ui.titleEdit.setText(draft.title)
        ui.companyEdit.setText(draft.company)
        ui.locationEdit.setText(draft.location or "")
        ui.urlEdit.setText(draft.url or "")
        found = ui.stageCombo.findData(draft.stage) if draft.stage else -1
        if found >= 0:
            ui.stageCombo.setCurrentIndex(found)

    def _stage_changed(self) -> None:
        # A job only saved has not been applied to: no applied date.
        saved = self.ui.stageCombo.currentData() == self._saved_stage
        self.ui.appliedOnEdit.setEnabled(not saved)

    def draft(self) -> ApplicationInput:
        """The application as entered."""
        ui = self.ui
        applied = ui.appliedOnEdit.isEnabled()
        return ApplicationInput(
            title=ui.titleEdit.text(), company=ui.companyEdit.text(),
            stage=ui.stageCombo.currentData(), location=ui.locationEdit.text(),
            url=ui.urlEdit.text(), priority=ui.prioritySpin.value(),
            applied_on=from_qdate(ui.appliedOnEdit.date()) if applied else None,
            follow_up_on=from_qdate(ui.followUpEdit.date()) if ui.followUpCheck.isChecked()
            else None,
        )

    def accept(self) -> None:
        self.errors.clear_all()
        try:
            self.application_id = self._submit(self.draft())
        except ValidationError as error:
            self.errors.show(error.field, error.reason)
            return
        super().accept()
