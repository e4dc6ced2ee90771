"""Documents stored once by content hash; posting snapshots archived."""

import datetime as dt
from pathlib import Path

import pytest

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, SnapshotInput, Tracker


def test_documents_are_stored_once_by_hash(tracker: Tracker, tmp_path: Path):
    first = tracker.add_application(ApplicationInput(title="A", company="Acme"))
    second = tracker.add_application(ApplicationInput(title="B", company="Acme"))
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(b"%PDF-1.7 my resume")
    doc_a = tracker.attach_document(first, resume, "resume")
    copy = tmp_path / "resume-copy.pdf"
    copy.write_bytes(resume.read_bytes())
    doc_b = tracker.attach_document(second, copy, "cover_letter")
    assert doc_a == doc_b
    [stored] = tracker.get_application(second).documents
    assert stored.role == "cover_letter" and stored.media_type == "application/pdf"
    assert tracker.document_path(stored.sha256).read_bytes() == b"%PDF-1.7 my resume"
    assert [p.name for p in tracker.documents_dir.rglob("*") if p.is_file()] == [stored.sha256]
    tracker.detach_document(second, doc_b)
    assert tracker.get_application(second).documents == ()


def test_missing_file_is_a_plain_error(tracker: Tracker, tmp_path: Path):
    app_id = tracker.add_application(ApplicationInput(title="A", company="Acme"))
    with pytest.raises(ValidationError, match="cannot read"):
        tracker.attach_document(app_id, tmp_path / "nope.pdf")


def test_posting_snapshot_is_archived(tracker: Tracker):
    app_id = tracker.add_application(ApplicationInput(title="A", company="Acme"))
    snap = tracker.add_posting_snapshot(app_id, SnapshotInput(
        source_url="https://jobs.example.com/1", fetched_at=dt.datetime(2026, 11, 1,
                                                                         tzinfo=dt.UTC),
        extractor="json-ld", title="A", description_html="<p>Build things</p>"))
    assert tracker.posting_snapshot_html(snap) == "<p>Build things</p>"
    [row] = tracker.get_application(app_id).snapshots
    assert row.source_url == "https://jobs.example.com/1"


def test_imported_application_and_its_snapshot_are_saved_together(tracker: Tracker):
    fetched = dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
    snapshot = SnapshotInput(source_url="https://jobs.example.com/1",
                             final_url="https://jobs.example.com/1?ref=x", http_status=200,
                             fetched_at=fetched, extractor="json-ld", title="A",
                             description_html="<p>Build</p>", description_text="Build")
    app_id = tracker.add_application(ApplicationInput(title="A", company="Acme"),
                                     snapshot=snapshot)
    [saved] = tracker.posting_snapshots(app_id)
    assert (saved.final_url, saved.http_status, saved.description_text) == (
        "https://jobs.example.com/1?ref=x", 200, "Build")
    # A bad snapshot refuses the whole import: no application without its archive.
    with pytest.raises(ValidationError) as caught:
        tracker.add_application(ApplicationInput(title="B", company="Acme"),
                                snapshot=SnapshotInput(source_url="file:///etc/passwd",
                                                       fetched_at=fetched))
    assert caught.value.field == "source_url"
    assert tracker.count_applications() == 1
