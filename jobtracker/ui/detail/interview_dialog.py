"""Add or edit an interview round: kind, start with time zone, duration, place, people, outcome."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import replace

from PySide6.QtCore import QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QCompleter, QDialog, QMessageBox, QWidget

from jobtracker.errors import ValidationError
from jobtracker.tracker import AmbiguousTimeError, InterviewInput, InterviewRow, offset_text
from jobtracker.ui.forms.ui_interview_dialog import Ui_InterviewDialog
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.widgets.field_errors import FieldErrors
from jobtracker.ui.widgets.formatting import to_qdate
from jobtracker.ui.widgets.tags_completer import TagsCompleter
from jobtracker.vocabulary import InterviewOutcome

# Marked for lupdate; shown translated.
KINDS = (QT_TRANSLATE_NOOP("InterviewDialog", "Phone screen"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Recruiter call"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Technical"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Take-home review"),
         QT_TRANSLATE_NOOP("InterviewDialog", "System design"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Behavioral"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Onsite"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Final"),
         QT_TRANSLATE_NOOP("InterviewDialog", "Other"))


def local_zone_name() -> str:
    """The IANA name of this machine's time zone (UTC when unknown)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return name if name in zoneinfo.available_timezones() else "UTC"


class InterviewDialog(QDialog):
    """Returns an ``InterviewInput`` from ``interview()`` once accepted."""

    def __init__(self, parent: QWidget | None = None, *, existing: InterviewRow | None = None,
                 contact_names: list[str] | None = None,
                 default_start: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InterviewDialog()
        self.ui.setupUi(self)
        # Room for typical values; grows with the text size like the rest of the layout.
        self.setMinimumWidth(36 * self.fontMetrics().averageCharWidth() + 140)
        ui = self.ui
        ui.kindCombo.addItems([self.tr(kind) for kind in KINDS])
        zones = sorted(zoneinfo.available_timezones())
        ui.timezoneCombo.addItems(zones)
        # Sized for a typical zone name, not the longest of ~600: the list still shows each
        # whole, and the dialog stays narrow enough for a small screen at large text.
        ui.timezoneCombo.setSizeAdjustPolicy(
            ui.timezoneCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        ui.timezoneCombo.setMinimumContentsLength(20)
        ui.timezoneCombo.setInsertPolicy(ui.timezoneCombo.InsertPolicy.NoInsert)
        zone_completer = QCompleter(zones, self)
        zone_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zone_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.timezoneCombo.setCompleter(zone_completer)
        for outcome, text in ((InterviewOutcome.PENDING, self.tr("Pending")),
                              (InterviewOutcome.PASSED, self.tr("Passed")),
                              (InterviewOutcome.FAILED, self.tr("Failed")),
                              (InterviewOutcome.CANCELLED, self.tr("Cancelled"))):
            ui.outcomeCombo.addItem(text, outcome.value)
        # Several people, comma-separated: complete each name like a tag.
        self.interviewers_completer = TagsCompleter(ui.interviewersEdit, contains=True)
        self.interviewers_completer.set_tags(contact_names or [])
        ui.startsAtEdit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.errors = FieldErrors()
        for field, widget, label in (
                ("kind", ui.kindCombo, ui.kindError), ("starts_at", ui.startsAtEdit,
                                                       ui.startsAtError),
                ("timezone", ui.timezoneCombo, ui.timezoneError),
                ("duration_minutes", ui.durationSpin, ui.durationError),
                ("location", ui.locationEdit, ui.locationError),
                ("meeting_url", ui.meetingUrlEdit, ui.meetingUrlError),
                ("interviewers", ui.interviewersEdit, ui.interviewersError),
                ("outcome", ui.outcomeCombo, ui.outcomeError),
                ("notes", ui.notesEdit, ui.notesError)):
            self.errors.add(field, widget, label)
        self.errors.fallback = "kind"
        self._result: InterviewInput | None = None
        self.fold_box: QMessageBox | None = None  # asks which of a repeated hour's two times
        self.fold_buttons: tuple[object, object] = (None, None)
        if existing is not None:
            self.setWindowTitle(self.tr("Edit Interview"))
            self._fill(existing)
        else:
            self.setWindowTitle(self.tr("New Interview"))
            zone = local_zone_name()
            ui.timezoneCombo.setCurrentText(zone)
            start = default_start or (dt.datetime.now(zoneinfo.ZoneInfo(zone)).replace(
                hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=1))
            self._set_start(start.replace(tzinfo=None))

    def _set_start(self, naive: dt.datetime) -> None:
        self.ui.startsAtEdit.setDateTime(QDateTime(to_qdate(naive.date()),
                                                   QTime(naive.hour, naive.minute)))

    def _fill(self, row: InterviewRow) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentText(row.kind)
        zone = row.timezone or "UTC"
        ui.timezoneCombo.setCurrentText(zone)
        self._set_start(row.starts_at.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None))
        ui.durationSpin.setValue(row.duration_minutes or 60)
        ui.locationEdit.setText(row.location or "")
        ui.meetingUrlEdit.setText(row.meeting_url or "")
        ui.interviewersEdit.setText(row.interviewers or "")
        ui.outcomeCombo.setCurrentIndex(max(0, ui.outcomeCombo.findData(row.outcome)))
        ui.notesEdit.setPlainText(row.notes or "")

    def interview(self) -> InterviewInput | None:
        """The interview as entered (after ``accept``)."""
        return self._result

    def accept(self) -> None:
        ui = self.ui
        self.errors.clear_all()
        zone_name = ui.timezoneCombo.currentText().strip()
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.errors.show("timezone", self.tr("Choose a time zone from the list"))
            return
        value = ui.startsAtEdit.dateTime()
        date, time = value.date(), value.time()
        starts = dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(),
                             tzinfo=zone)
        draft = InterviewInput(
            kind=ui.kindCombo.currentText(), starts_at=starts, timezone=zone_name,
            duration_minutes=ui.durationSpin.value(), location=ui.locationEdit.text(),
            meeting_url=ui.meetingUrlEdit.text(),
            interviewers=", ".join(name.strip() for name in ui.interviewersEdit.text().split(",")
                                   if name.strip()),
            outcome=ui.outcomeCombo.currentData(), notes=ui.notesEdit.toPlainText())
        try:
            self._result = draft.validated()
        except AmbiguousTimeError as error:
            self._ask_which(draft, error)
            return
        except ValidationError as error:
            self.errors.show(error.field, error.reason)
            return
        super().accept()

    def _ask_which(self, draft: InterviewInput, error: AmbiguousTimeError) -> None:
        """The repeated hour as clocks go back: ask which of the two times is meant."""
        first, then = (offset_text(when.utcoffset() or dt.timedelta())
                       for when in (error.earlier, error.later))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Which Time?"),
                          self.tr("%1. Which one is the interview?").replace(
                              "%1", error.situation),
                          QMessageBox.StandardButton.Cancel, self)
        earlier = box.addButton(self.tr("Earlier (%1)").replace("%1", first),
                                QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Later (%1)").replace("%1", then),
                              QMessageBox.ButtonRole.AcceptRole)
        self.fold_box, self.fold_buttons = box, (earlier, later)

        def chosen(button: object) -> None:
            if button is earlier or button is later:
                when = error.earlier if button is earlier else error.later
                self._result = replace(draft, starts_at=when).validated()
                QDialog.accept(self)
            else:
                self.errors.show("starts_at", error.situation)

        box.buttonClicked.connect(chosen)
        box.open()
