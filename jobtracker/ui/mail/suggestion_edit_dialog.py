"""Change a mail suggestion before accepting it: which application, which stage, the interview."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from jobtracker.mail.service import ApplicationRef
from jobtracker.tracker import StageRow, SuggestionRow
from jobtracker.ui.forms.ui_suggestion_edit_dialog import Ui_SuggestionEditDialog
from jobtracker.ui.widgets.field_errors import FieldErrors


class SuggestionEditDialog(QDialog):
    """After OK: ``application_id``, ``stage`` (None: no stage change) and ``interview_at``."""

    def __init__(self, row: SuggestionRow, applications: list[ApplicationRef],
                 stages: list[StageRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SuggestionEditDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(44 * self.fontMetrics().averageCharWidth() + 140)
        ui = self.ui
        self.errors = FieldErrors()
        self.errors.add("application", ui.applicationCombo, ui.applicationError)
        self.errors.add("stage", ui.stageCombo, ui.stageError)
        self.errors.add("interview_at", ui.interviewEdit, ui.interviewError)
        self.errors.fallback = "application"
        ui.messageLabel.setText(self.tr("“%1” from %2").replace("%1", row.subject).replace(
            "%2", row.sender))
        ui.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        # Typing filters the labels (company or title anywhere in them).
        for ref in sorted(applications, key=lambda r: r.label.casefold()):
            ui.applicationCombo.addItem(ref.label, ref.id)
        # Sized for a typical "Title — Company", not the longest one: the list shows each whole.
        ui.applicationCombo.setSizeAdjustPolicy(
            ui.applicationCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        ui.applicationCombo.setMinimumContentsLength(24)
        completer = QCompleter(ui.applicationCombo.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        ui.applicationCombo.setCompleter(completer)
        index = ui.applicationCombo.findData(row.application_id)
        ui.applicationCombo.setCurrentIndex(index)
        if index < 0:
            ui.applicationCombo.setEditText("")
        line = ui.applicationCombo.lineEdit()
        if line is not None:  # the combo is editable (the form says so)
            line.setPlaceholderText(self.tr("Type to find an application"))
        ui.stageCombo.addItem(self.tr("No stage change"), None)
        for stage in stages:
            ui.stageCombo.addItem(stage.name, stage.name)
        ui.stageCombo.setCurrentIndex(max(0, ui.stageCombo.findData(row.proposed_stage)))
        when = row.interview_at or dt.datetime.combine(
            row.date.date() + dt.timedelta(days=1), dt.time(10), dt.UTC)
        ui.interviewEdit.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp()),
                                                                  QTimeZone.systemTimeZone()))
        ui.interviewCheck.setChecked(row.interview_at is not None)
        ui.interviewEdit.setEnabled(row.interview_at is not None)
        ui.interviewCheck.toggled.connect(ui.interviewEdit.setEnabled)
        ui.interviewEdit.setAccessibleName(self.tr("Interview date and time (your time)"))
        self.application_id: int | None = None
        self.stage: str | None = None
        self.interview_at: dt.datetime | None = None

    def accept(self) -> None:
        ui = self.ui
        self.errors.clear_all()
        combo = ui.applicationCombo
        typed = combo.currentText().strip()
        index = combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index < 0 and typed:
            # Part of one label only ("acme") is enough.
            found = [n for n in range(combo.count())
                     if typed.casefold() in combo.itemText(n).casefold()]
            index = found[0] if len(found) == 1 else -1
        if index < 0:
            self.errors.show("application", self.tr("choose one of your applications from "
                                                    "the list"))
            return
        self.application_id = int(combo.itemData(index))
        self.stage = ui.stageCombo.currentData()
        if ui.interviewCheck.isChecked():
            local = ui.interviewEdit.dateTime().toSecsSinceEpoch()
            self.interview_at = dt.datetime.fromtimestamp(local, dt.UTC).astimezone()
        else:
            self.interview_at = None
        if self.stage is None and self.interview_at is None:
            self.errors.show("stage", self.tr("choose a stage or an interview time, or "
                                              "dismiss the suggestion instead"))
            return
        super().accept()
