"""JSON export/import of everything: lossless, merging, all or nothing."""

import copy
import datetime as dt
import json
import re
import uuid
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


def test_importing_a_backup_into_its_own_database_changes_nothing(tracker: Tracker,
                                                                  tmp_path: Path):
    # this used to double every application, note, interview, ... (the old
    # test asserted the doubled count); rows are now matched by their UUID.
    _fill(tracker, tmp_path)
    exported = tracker.export_everything()
    result = tracker.import_everything(exported)
    assert tracker.export_everything()["tables"] == exported["tables"]
    assert tracker.company_names() == ["Acme", "Initech"]
    assert tracker.count_applications() == 1
    assert len(tracker.stages()) == 10
    assert sum(result.added.values()) == sum(result.differing.values()) == 0
    assert (result.kept["application"], result.kept["note"], result.kept["stage_event"],
            result.kept["application_tag"]) == (2, 1, 3, 1)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda p: p.update(format="something"), "not a JobTracker backup"),
    (lambda p: p.update(version=99), "version 99"),
    (lambda p: p.update(schema="9999"), "newer JobTracker"),
    (lambda p: p["tables"]["application"][0].update(title=None),
     "table application, row 1, field title: must not be empty"),
    (lambda p: p["tables"]["application"][0].update(colour="red"), "unknown field 'colour'"),
    (lambda p: p["tables"]["note"][0].update(application_id=77), "refers to nothing"),
    (lambda p: p["tables"]["note"][0].update(created_at="yesterday"), "not a valid date"),
    (lambda p: p["tables"]["application"][0].update(salary_min=10**20),
     "table application, row 1, field salary_min: 100000000000000000000 is too large"),
    # Stage events have the same bounds as everywhere else.
    (lambda p: p["tables"]["stage_event"][0].update(occurred_on="1969-12-31"),
     "table stage_event, row 1, field occurred_on: 1969-12-31 is before 1970"),
    (lambda p: p["tables"]["stage_event"][-1].update(occurred_on="2026-11-29"),
     r"table stage_event, row \d+, field occurred_on: 2026-11-29 is in the future"),
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

    added = tracker.import_everything(exported).added  # into the database it came from

    assert (added["mail_account"], added["mail_folder_state"],
            added["mail_suggestion"]) == (0, 0, 0)
    assert len(tracker.mail_suggestions()) == 1
    with Tracker.open(tmp_path / "other.db") as other:
        other.import_everything(exported)
        assert [a.name for a in other.mail_accounts()] == ["Work"]
        assert [s.message_id for s in other.mail_suggestions()] == ["<m1@acme.example>"]


# -- every imported row is checked like add/edit; a re-import is a merge ------------


@pytest.mark.parametrize(("table", "index", "change", "message"), [
    ("application", 0, {"title": "x" * 1_000_000},
     "table application, row 1, field title: is longer than 300 characters"),
    ("application", 0, {"salary_min": -500}, "field salary_min: must not be negative"),
    ("application", 1, {"priority": 9}, "table application, row 2, field priority: must be"),
    ("application", 0, {"remote": "moon"}, "field remote: 'moon' is not one of"),
    ("application", 0, {"url": "javascript:alert(1)"}, "field url: 'javascript:alert(1)' is not"),
    ("application", 0, {"applied_on": "2099-01-01"}, "field applied_on: 2099-01-01 is in the"),
    ("application", 0, {"salary_currency": "XYZ"}, "field salary_currency: 'XYZ' is not an ISO"),
    ("application", 0, {"title": 42}, "field title: must be text"),
    ("note", 0, {"body": "   "}, "table note, row 1, field body: must not be empty"),
    ("interview", 0, {"timezone": "Mars/Olympus"}, "field timezone: unknown time zone"),
    ("interview", 0, {"duration_minutes": 0}, "field duration_minutes: must be between"),
    ("contact", 0, {"email": "not an address"}, "table contact, row 1, field email:"),
    ("task", 0, {"title": ""}, "table task, row 1, field title: must not be empty"),
    ("task", 0, {"due_on": "1800-01-01"}, "field due_on: 1800-01-01 is not between"),
    ("company", 0, {"name": "y" * 201}, "table company, row 1, field name: is longer than 200"),
    ("application", 0, {"uuid": "not-a-uuid"}, "field uuid: 'not-a-uuid' is not a UUID"),
])
def test_every_imported_row_passes_the_checks_of_add_and_edit(
        tracker: Tracker, tmp_path: Path, migrated_template: Path, table, index, change,
        message):
    _fill(tracker, tmp_path)
    payload = copy.deepcopy(tracker.export_everything())
    payload["tables"][table][index].update(change)
    other_path = tmp_path / "other.db"
    other_path.write_bytes(migrated_template.read_bytes())
    with Tracker.open(other_path) as other:
        before = other.export_everything()["tables"]
        with pytest.raises(InputFileError, match=re.escape(message)):
            other.import_everything(payload)
        assert other.export_everything()["tables"] == before  # all or nothing


def test_a_second_import_matches_rows_and_attaches_new_children(tracker: Tracker,
                                                               tmp_path: Path):
    _fill(tracker, tmp_path)
    exported = tracker.export_everything()
    # Since the backup: a new note on the application, and its title changed in the file.
    payload = copy.deepcopy(exported)
    app = payload["tables"]["application"][0]
    app["title"] = "Engineer (edited elsewhere)"
    payload["tables"]["note"].append({**payload["tables"]["note"][0], "id": 99,
                                      "uuid": str(uuid.uuid4()), "body": "written later"})
    payload["tables"]["stage_event"].append({
        **payload["tables"]["stage_event"][-1], "id": 98, "uuid": str(uuid.uuid4()),
        "occurred_on": "2026-11-20"})

    result = tracker.import_everything(payload)

    detail = tracker.get_application(1)
    assert detail.title == "Engineer"  # the database's row is kept
    assert sorted(n.body for n in detail.notes) == ["written later", "Ünïcödé **note**"]
    assert [e.to_stage for e in detail.events] == ["Applied", "Screening"]  # history kept
    assert (result.added["application"], result.kept["application"]) == (0, 2)
    assert (result.differing["application"], result.differing["note"]) == (1, 0)
    assert (result.added["note"], result.left_out["stage_event"]) == (1, 1)
    assert tracker.count_applications() == 1


def test_a_version_1_backup_imported_twice_adds_its_rows_once(tracker: Tracker,
                                                             tmp_path: Path):
    _fill(tracker, tmp_path)
    payload = copy.deepcopy(tracker.export_everything())
    payload["version"] = 1
    for rows in payload["tables"].values():
        for row in rows:
            row.pop("uuid", None)
    with Tracker.open(tmp_path / "other.db") as other:
        first = other.import_everything(payload)
        second = other.import_everything(payload)
        assert first.added["application"] == 2 and second.added["application"] == 0
        assert (first.unmatchable, second.unmatchable) == (False, True)
        assert other.count_applications() == 1
        uuids = [row["uuid"] for row in other.export_everything()["tables"]["note"]]
        assert len(uuids) == 1 and uuid.UUID(uuids[0])


def test_a_version_1_backup_into_a_database_with_applications_is_flagged(tracker: Tracker,
                                                                         tmp_path: Path):
    # Its rows have no UUIDs: the database's own copies of them cannot be recognised.
    _fill(tracker, tmp_path)
    payload = copy.deepcopy(tracker.export_everything())
    payload["version"] = 1
    for rows in payload["tables"].values():
        for row in rows:
            row.pop("uuid", None)
    result = tracker.import_everything(payload)
    assert result.unmatchable and result.added["application"] == 2


def test_a_retired_stage_round_trips_and_older_backups_import_it_in_use(
        tracker: Tracker, tmp_path: Path, migrated_template: Path):
    _fill(tracker, tmp_path)
    tracker.retire_stage("Screening", "Interviewing")
    exported = json.loads(json.dumps(tracker.export_everything()))
    [row] = [r for r in exported["tables"]["stage"] if r["name"] == "Screening"]
    assert row["retired_on"] == tracker.today().isoformat()
    other_path = tmp_path / "other.db"
    other_path.write_bytes(migrated_template.read_bytes())
    with Tracker.open(other_path) as other:
        other.import_everything(exported)
        assert other.export_everything()["tables"] == exported["tables"]
        assert "Screening" not in [s.name for s in other.stages()]
        assert [e.to_stage for e in other.get_application(1).events][-2:] == [
            "Screening", "Interviewing"]
    # A backup made before stages could be retired has no retired_on: all in use.
    older = copy.deepcopy(exported)
    for stage in older["tables"]["stage"]:
        del stage["retired_on"]
    older["tables"]["stage"].append({"id": 99, "name": "Take-home", "kind": "open",
                                     "position": 10, "color": None})
    tracker.import_everything(older)
    assert "Take-home" in [s.name for s in tracker.stages()]
