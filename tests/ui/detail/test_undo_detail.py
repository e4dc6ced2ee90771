"""Every edit in the detail pane is undoable: notes, interviews, contacts, timeline, documents."""

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from jobtracker.tracker import ContactInput, InterviewInput
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.ui.helpers import TODAY, add_apps


def select_new(window: MainWindow, title: str = "Dev", company: str = "Acme") -> int:
    [app_id] = add_apps(window.tracker, (title, company))
    window.refresh()
    assert window.applications.select_id(app_id)
    return app_id


def bodies(window: MainWindow, app_id: int) -> list[str]:
    return [note.body for note in window.tracker.get_application(app_id).notes]


def test_note_add_edit_delete_undo_redo(window: MainWindow) -> None:
    app_id = select_new(window)
    notes = window.detail.notes
    notes.new_button.click()
    notes.editor.setPlainText("First call went well")
    notes.save_button.click()
    assert bodies(window, app_id) == ["First call went well"]
    assert window.undo_action.text() == "&Undo Add note"
    notes.list.setCurrentRow(0)
    notes.edit_button.click()
    notes.editor.setPlainText("Second version")
    notes.save_button.click()
    assert bodies(window, app_id) == ["Second version"]
    notes.list.setCurrentRow(0)
    notes.delete_button.click()  # no question asked: it can be undone
    assert bodies(window, app_id) == []
    assert notes.list.count() == 0

    window.undo_action.trigger()  # the delete
    assert bodies(window, app_id) == ["Second version"]
    assert notes.list.count() == 1
    window.undo_action.trigger()  # the edit
    assert bodies(window, app_id) == ["First call went well"]
    window.undo_action.trigger()  # the add
    assert bodies(window, app_id) == []
    window.redo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert bodies(window, app_id) == []
    window.undo_action.trigger()
    assert bodies(window, app_id) == ["Second version"]


def test_unchanged_note_edit_is_not_an_undo_step(window: MainWindow) -> None:
    select_new(window)
    window.tracker.add_note(window.detail.application_id or 0, "Same")
    window.refresh()
    count = window.editor.stack.count()
    notes = window.detail.notes
    notes.edit_button.click()
    notes.save_button.click()
    assert window.editor.stack.count() == count
    assert notes.stack.currentWidget() is notes.viewer


def _interview(kind: str = "Technical") -> InterviewInput:
    return InterviewInput(kind, dt.datetime(2026, 12, 1, 14, 30,
                                            tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
                          timezone="Europe/Berlin", interviewers="Ada")


def test_interview_add_edit_delete_undo(window: MainWindow) -> None:
    app_id = select_new(window)
    panel = window.detail.interviews
    dialog = panel.add()
    assert dialog is not None
    dialog.ui.kindCombo.setCurrentText("Technical")
    dialog.ui.timezoneCombo.setCurrentText("UTC")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [i.kind for i in window.tracker.get_application(app_id).interviews] == ["Technical"]

    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    edit = panel.edit_selected()
    assert edit is not None
    edit.ui.outcomeCombo.setCurrentIndex(edit.ui.outcomeCombo.findData("passed"))
    edit.ui.locationEdit.setText("Room 4")
    edit.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    [row] = window.tracker.get_application(app_id).interviews
    assert (row.outcome, row.location) == ("passed", "Room 4")

    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.delete_button.click()
    assert window.tracker.get_application(app_id).interviews == ()

    window.undo_action.trigger()  # delete: the round is back with every field
    [back] = window.tracker.get_application(app_id).interviews
    assert (back.kind, back.outcome, back.location, back.starts_at) == (
        "Technical", "passed", "Room 4", row.starts_at)
    assert panel.tree.topLevelItemCount() == 1
    window.undo_action.trigger()  # edit
    [before] = window.tracker.get_application(app_id).interviews
    assert (before.outcome, before.location) == ("pending", None)
    window.undo_action.trigger()  # add
    assert window.tracker.get_application(app_id).interviews == ()
    window.redo_action.trigger()
    assert len(window.tracker.get_application(app_id).interviews) == 1


def test_contact_link_unlink_edit_new_undo(window: MainWindow) -> None:
    app_id = select_new(window)
    grace = window.tracker.add_contact(ContactInput("Grace", "Acme", "Recruiter"))
    window.refresh()
    panel = window.detail.contacts

    def linked() -> list[str]:
        return [c.name for c in window.tracker.get_application(app_id).contacts]

    panel.choice.setCurrentIndex(panel.choice.findData(grace))
    panel.link_button.click()
    assert linked() == ["Grace"]
    window.undo_action.trigger()
    assert linked() == []
    window.redo_action.trigger()
    assert linked() == ["Grace"]

    panel.list.setCurrentRow(0)
    dialog = panel.edit_selected()
    assert dialog is not None
    dialog.ui.roleEdit.setText("Head of Talent")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.tracker.get_application(app_id).contacts[0].role == "Head of Talent"
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).contacts[0].role == "Recruiter"
    window.redo_action.trigger()

    panel.list.setCurrentRow(0)
    panel.unlink_button.click()
    assert linked() == []
    window.undo_action.trigger()
    assert linked() == ["Grace"]

    new = panel.new_contact()
    assert new is not None
    new.ui.nameEdit.setText("Linus")
    new.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert sorted(linked()) == ["Grace", "Linus"]
    window.undo_action.trigger()
    assert linked() == ["Grace"]
    assert [c.name for c in window.tracker.list_contacts()] == ["Grace"]


def test_removing_a_timeline_event_is_undone_with_its_date_and_note(window: MainWindow) -> None:
    app_id = select_new(window)
    # Saved a week ago: a move is never dated before the current stage's event.
    saved = window.tracker.get_application(app_id).events[0]
    window.tracker.redate_stage_event(saved.id, TODAY - dt.timedelta(days=7))
    screening_day = TODAY - dt.timedelta(days=5)
    window.tracker.move_stage(app_id, "Screening", on=screening_day, note="Recruiter call")
    window.tracker.move_stage(app_id, "Interviewing", on=TODAY - dt.timedelta(days=2))
    window.refresh()
    timeline = window.detail.timeline
    # Newest first: Interviewing, Screening, Saved.
    timeline.tree.setCurrentItem(timeline.tree.topLevelItem(1))
    assert timeline.tree.currentItem().text(1) == "Screening"
    timeline.remove_button.click()
    events = window.tracker.get_application(app_id).events
    assert [e.to_stage for e in events] == ["Saved", "Interviewing"]

    window.undo_action.trigger()
    events = window.tracker.get_application(app_id).events
    assert [(e.to_stage, e.occurred_on, e.note) for e in events][1] == (
        "Screening", screening_day, "Recruiter call")
    assert [e.to_stage for e in events] == ["Saved", "Screening", "Interviewing"]
    assert window.tracker.get_application(app_id).stage == "Interviewing"
    window.redo_action.trigger()
    assert "Screening" not in [e.to_stage for e in window.tracker.get_application(app_id).events]


def test_detach_document_is_undone(window: MainWindow, tmp_path: Path) -> None:
    app_id = select_new(window)
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(b"%PDF-1.4 resume")
    window.detail.attach(resume)
    assert [d.filename for d in window.tracker.get_application(app_id).documents] == [
        "resume.pdf"]
    window.detail.ui.documentsList.setCurrentRow(0)
    window.detail.ui.detachButton.click()
    assert window.tracker.get_application(app_id).documents == ()
    window.undo_action.trigger()
    [document] = window.tracker.get_application(app_id).documents
    assert (document.filename, document.role) == ("resume.pdf", "resume")
    window.undo_action.trigger()  # the attach
    assert window.tracker.get_application(app_id).documents == ()
