"""JSON export/import of everything: lossless, merging, all or nothing."""

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from jobtracker.errors import InputFileError
from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput, Tracker


def _fill(tracker: Tracker, tmp_path: Path) -> None:
    app_id = tracker.add_application(ApplicationInput(
        title="Engineer", company="Acme", applied_on=dt.date(2026, 11, 1), tags=("python",),
        salary_min=6250, salary_max=7000, salary_currency="EUR", salary_period="hour"))
    tracker.move_stage(app_id, "Screening", on=dt.date(2026, 11, 5))
    tracker.add_note(app_id, "Ünïcödé **note**")
    tracker.add_interview(app_id, InterviewInput(
        kind="Technical", starts_at=dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC),
        timezone="Europe/Berlin"))
    contact = tracker.add_contact(ContactInput(name="Jane", company="Acme"))
    tracker.link_contact(app_id, contact)
    tracker.add_task("Follow up", application_id=app_id, due_on=dt.date(2026, 12, 3))
    resume = tmp_path / "cv.pdf"
    resume.write_bytes(b"%PDF resume bytes")
    tracker.attach_document(app_id, resume)
    trashed = tracker.add_application(ApplicationInput(title="Old", company="Initech"))
    tracker.delete_application(trashed)


def test_round_trip_into_a_new_database_is_lossless(tracker: Tracker, tmp_path: Path,
                                                    migrated_template: Path):
    _fill(tracker, tmp_path)
    exported = json.loads(json.dumps(tracker.export_everything()))
    other_path = tmp_path / "other.db"
    other_path.write_bytes(migrated_template.read_bytes())
    with Tracker.open(other_path) as other:
        other.import_everything(exported)
        again = other.export_everything()
        assert again["tables"] == exported["tables"]
        assert again["files"] == exported["files"]
        [doc] = other.get_application(1).documents
        assert other.document_path(doc.sha256).read_bytes() == b"%PDF resume bytes"
        assert other.list_applications()[0].title == "Engineer"  # search index rebuilt too
        assert other.search_ids("unicode") == [1]


def test_import_merges_by_name(tracker: Tracker, tmp_path: Path):
    _fill(tracker, tmp_path)
    exported = tracker.export_everything()
    tracker.import_everything(exported)
    assert tracker.company_names() == ["Acme", "Initech"]
    assert tracker.count_applications() == 2
    assert len(tracker.stages()) == 10


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda p: p.update(format="something"), "not a JobTracker backup"),
    (lambda p: p.update(version=99), "version 99"),
    (lambda p: p.update(schema="9999"), "newer JobTracker"),
    (lambda p: p["tables"]["application"][0].update(title=None), "tables.application"),
    (lambda p: p["tables"]["application"][0].update(colour="red"), "unknown field 'colour'"),
    (lambda p: p["tables"]["note"][0].update(application_id=77), "refers to nothing"),
    (lambda p: p["tables"]["note"][0].update(created_at="yesterday"), "not a valid date"),
    (lambda p: p["tables"]["application"][0].update(salary_min=10**20),
     r"tables.application\[0\]: salary_min 100000000000000000000 is too large"),
    # Stage events have the same bounds as everywhere else (issue 14).
    (lambda p: p["tables"]["stage_event"][0].update(occurred_on="1969-12-31"),
     r"tables.stage_event\[0\]: occurred_on: 1969-12-31 is before 1970"),
    (lambda p: p["tables"]["stage_event"][-1].update(occurred_on="2026-11-29"),
     r"tables.stage_event\[\d+\]: occurred_on: 2026-11-29 is in the future"),
])
def test_bad_backup_changes_nothing(tracker: Tracker, tmp_path: Path, mutate, message):
    _fill(tracker, tmp_path)
    payload = copy.deepcopy(tracker.export_everything())
    mutate(payload)
    before = tracker.export_everything()["tables"]
    with pytest.raises(InputFileError, match=message):
        tracker.import_everything(payload)
    assert tracker.export_everything()["tables"] == before


def test_mail_accounts_and_suggestions_merge_by_their_keys(tracker: Tracker, tmp_path: Path):
    from jobtracker.mail.accounts import MailAccount
    from jobtracker.mail.scan import FolderState, ScanOutcome
    from jobtracker.mail.suggest import SuggestionDraft

    tracker.save_mail_account(MailAccount("Work", "imap.example.com", 993, "ssl", "ann"))
    draft = SuggestionDraft(
        message_id="<m1@acme.example>", date=dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC),
        sender="jobs@acme.example", subject="Your application", application_id=None,
        kind="rejection", proposed_stage="Rejected", interview_at=None, reason="rejection")
    tracker.save_scan(ScanOutcome("Work", (draft,), (FolderState("INBOX", 7, 3),), 1, False, ()))
    exported = tracker.export_everything()

    counts = tracker.import_everything(exported)  # into the database it came from

    assert (counts["mail_account"], counts["mail_folder_state"],
            counts["mail_suggestion"]) == (0, 0, 0)
    assert len(tracker.mail_suggestions()) == 1
    with Tracker.open(tmp_path / "other.db") as other:
        other.import_everything(exported)
        assert [a.name for a in other.mail_accounts()] == ["Work"]
        assert [s.message_id for s in other.mail_suggestions()] == ["<m1@acme.example>"]
