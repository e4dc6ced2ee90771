import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import TODAY, add_apps


def select_new(window: MainWindow, title: str = "Dev", company: str = "Acme") -> int:
    [app_id] = add_apps(window.tracker, (title, company))
    window.refresh()
    assert window.applications.select_id(app_id)
    return app_id


def test_every_field_saves(window: MainWindow) -> None:
    app_id = select_new(window)
    ui = window.detail.ui
    ui.companyEdit.setText("Globex")
    ui.companyEdit.editingFinished.emit()
    ui.remoteCombo.setCurrentIndex(ui.remoteCombo.findData("hybrid"))
    ui.remoteCombo.activated.emit(ui.remoteCombo.currentIndex())
    ui.employmentTypeCombo.setCurrentIndex(ui.employmentTypeCombo.findData("contract"))
    ui.employmentTypeCombo.activated.emit(ui.employmentTypeCombo.currentIndex())
    ui.prioritySpin.setValue(5)
    ui.tagsEdit.setText("python, remote, Python")
    ui.tagsEdit.editingFinished.emit()
    ui.urlEdit.setText("https://example.com/job/1")
    ui.urlEdit.editingFinished.emit()
    ui.followUpOnEdit.setDate(ui.followUpOnEdit.date().fromString("2026-12-05", "yyyy-MM-dd"))
    ui.followUpOnEdit.editingFinished.emit()
    ui.salaryCurrencyCombo.setCurrentText("EUR")
    ui.salaryPeriodCombo.setCurrentIndex(ui.salaryPeriodCombo.findData("hour"))
    ui.salaryMinEdit.setText("62.50")
    ui.salaryMinEdit.editingFinished.emit()
    detail = window.tracker.get_application(app_id)
    assert detail.company == "Globex"
    assert (detail.remote, detail.employment_type, detail.priority) == ("hybrid", "contract", 5)
    assert detail.tags == ("python", "remote")
    assert detail.url == "https://example.com/job/1"
    assert detail.follow_up_on == dt.date(2026, 12, 5)
    assert (detail.salary_min, detail.salary_currency, detail.salary_period) == (
        6250, "EUR", "hour")
    assert ui.openUrlButton.isEnabled()
    assert window.detail.ui.headerLabel.text() == "Dev — Globex"
    ui.clearFollowUpButton.click()
    assert window.tracker.get_application(app_id).follow_up_on is None


def test_company_completion_offers_known_companies(window: MainWindow) -> None:
    add_apps(window.tracker, ("Other", "Initech"))
    select_new(window)
    completer = window.detail.ui.companyEdit.completer()
    assert "Initech" in completer.model().stringList()


def test_future_applied_date_is_refused_at_the_field(window: MainWindow) -> None:
    app_id = select_new(window)
    edit = window.detail.ui.appliedOnEdit
    edit.setMaximumDate(edit.maximumDate().addDays(10))
    edit.setDate(edit.maximumDate())
    edit.editingFinished.emit()
    assert edit.property("invalid") is True
    assert "in the future" in window.detail.ui.appliedOnError.text()
    assert window.tracker.get_application(app_id).applied_on is None


def test_attach_document_by_drop(window: MainWindow, tmp_path: Path) -> None:
    app_id = select_new(window)
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(b"%PDF-1.4 resume")
    cover = tmp_path / "cover-letter.txt"
    cover.write_text("Dear team", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(resume)), QUrl.fromLocalFile(str(cover))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.detail.dropEvent(event)
    roles = {d.filename: d.role for d in window.tracker.get_application(app_id).documents}
    assert roles == {"resume.pdf": "resume", "cover-letter.txt": "cover_letter"}
    assert window.detail.ui.documentsList.count() == 2
    window.detail.ui.documentsList.setCurrentRow(0)
    window.detail.ui.detachButton.click()
    assert len(window.tracker.get_application(app_id).documents) == 1


def test_attach_missing_file_shows_error(window: MainWindow, tmp_path: Path) -> None:
    select_new(window)
    window.detail.attach(tmp_path / "nope.pdf")
    assert "Cannot read" in window.detail.ui.documentsError.text()


def test_interview_next_tuesday_shows_in_table(qtbot: QtBot, window: MainWindow) -> None:
    app_id = select_new(window)
    window.detail.move_to_stage("Interviewing")
    dialog = window.detail.interviews.add()
    assert dialog is not None
    ui = dialog.ui
    tuesday = TODAY + dt.timedelta(days=(1 - TODAY.weekday()) % 7 or 7)
    ui.kindCombo.setCurrentText("Technical")
    ui.timezoneCombo.setCurrentText("Europe/Berlin")
    ui.startsAtEdit.setDateTime(ui.startsAtEdit.dateTime().fromString(
        f"{tuesday.isoformat()} 14:30", "yyyy-MM-dd HH:mm"))
    ui.meetingUrlEdit.setText("https://meet.example.com/abc")
    ui.interviewersEdit.setText("Ada Lovelace")
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    [interview] = window.tracker.get_application(app_id).interviews
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    assert interview.starts_at == dt.datetime(tuesday.year, tuesday.month, tuesday.day, 14, 30,
                                              tzinfo=berlin)
    assert interview.timezone == "Europe/Berlin"
    assert window.detail.interviews.tree.topLevelItemCount() == 1
    assert window.applications.model.application(0).next_interview == interview.starts_at
    # Editing keeps the zone and changes the outcome.
    window.detail.interviews.tree.setCurrentItem(
        window.detail.interviews.tree.topLevelItem(0))
    edit = window.detail.interviews.edit_selected()
    assert edit is not None
    assert edit.ui.timezoneCombo.currentText() == "Europe/Berlin"
    assert edit.ui.startsAtEdit.dateTime().toString("HH:mm") == "14:30"
    edit.ui.outcomeCombo.setCurrentIndex(edit.ui.outcomeCombo.findData("passed"))
    edit.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.tracker.get_application(app_id).interviews[0].outcome == "passed"


def test_interview_dialog_refuses_bad_values(window: MainWindow) -> None:
    select_new(window)
    dialog = window.detail.interviews.add()
    assert dialog is not None
    dialog.ui.timezoneCombo.setCurrentText("Mars/Olympus")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.ui.timezoneError.text()
    dialog.ui.timezoneCombo.setCurrentText("UTC")
    dialog.ui.meetingUrlEdit.setText("ftp://x")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "http" in dialog.ui.meetingUrlError.text()
    dialog.reject()


def test_notes_markdown_rendered_and_sanitised(window: MainWindow) -> None:
    app_id = select_new(window)
    notes = window.detail.notes
    notes.new_button.click()
    notes.editor.setPlainText("# Call\n\n**Went well**\n\n<script>alert(1)</script>"
                              "[x](javascript:alert(1))")
    notes.save_button.click()
    [note] = window.tracker.get_application(app_id).notes
    assert note.body.startswith("# Call")
    html = notes.viewer.toHtml()
    assert "Went well" in html and "<script>" not in notes.viewer.toHtml()
    assert "href=\"javascript" not in html  # shown as text, never a link
    assert "Created" in notes.times.text()
    notes.edit_button.click()
    notes.editor.setPlainText("Updated")
    notes.save_button.click()
    assert window.tracker.get_application(app_id).notes[0].body == "Updated"


def test_unsaved_note_is_kept_when_switching(window: MainWindow) -> None:
    first = select_new(window, "One")
    second_id = add_apps(window.tracker, ("Two", "Globex"))[0]
    window.refresh()
    window.applications.select_id(first)
    window.detail.notes.new_note()
    window.detail.notes.editor.setPlainText("draft in progress")
    window.applications.select_id(second_id)
    assert [n.body for n in window.tracker.get_application(first).notes] == [
        "draft in progress"]


def test_link_contacts(window: MainWindow) -> None:
    from jobtracker.tracker import ContactInput

    app_id = select_new(window)
    contact = window.tracker.add_contact(ContactInput("Grace", "Acme", "Recruiter"))
    window.refresh()
    panel = window.detail.contacts
    assert panel.choice.findData(contact) >= 0
    panel.choice.setCurrentIndex(panel.choice.findData(contact))
    panel.link_button.click()
    assert [c.name for c in window.tracker.get_application(app_id).contacts] == ["Grace"]
    panel.list.setCurrentRow(0)
    panel.unlink_button.click()
    assert window.tracker.get_application(app_id).contacts == ()
