"""Mail use cases on a real database: accounts, scan bookkeeping, accept/undo, dismiss."""

from __future__ import annotations

import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.scan import FolderState, ScanOutcome
from jobtracker.mail.suggest import SuggestionDraft
from jobtracker.tracker import ApplicationInput, Tracker

CET = dt.timezone(dt.timedelta(hours=1))
ACCOUNT = MailAccount("Work", "imap.example.com", 993, "ssl", "ann@example.com")


def draft(n: int, *, application_id: int | None, kind: str = "rejection",
          stage: str | None = "Rejected", interview_at: dt.datetime | None = None,
          day: int = 20) -> SuggestionDraft:
    return SuggestionDraft(
        message_id=f"<m{n}@acme.example>", date=dt.datetime(day and 2026, 11, day, 9, 30,
                                                             tzinfo=CET),
        sender="Acme Hiring <jobs@acme.example>", subject=f"Your application {n}",
        application_id=application_id, kind=kind, proposed_stage=stage,  # type: ignore[arg-type]
        interview_at=interview_at, reason=f"{kind}: 'words'; matched to it")


def outcome(*drafts: SuggestionDraft, last_uid: int = 5) -> ScanOutcome:
    return ScanOutcome("Work", drafts, (FolderState("INBOX", 77, last_uid),), len(drafts),
                       False, ())


@pytest.fixture
def app_id(tracker: Tracker) -> int:
    tracker.save_mail_account(ACCOUNT)
    return tracker.add_application(ApplicationInput(
        title="Backend Engineer", company="Acme", url="https://jobs.acme.example/42",
        applied_on=dt.date(2026, 11, 2)))


def test_accounts_round_trip_without_any_secret(tracker: Tracker):
    tracker.save_mail_account(MailAccount(" Work ", "imap.example.com", 993, "ssl", "ann",
                                          ("INBOX", "Jobs/Replies")))
    assert tracker.mail_accounts() == [MailAccount("Work", "imap.example.com", 993, "ssl", "ann",
                                                   ("INBOX", "Jobs/Replies"))]
    with pytest.raises(ValidationError, match="name: a mail account named 'work' already"):
        tracker.save_mail_account(MailAccount("work", "h.example.com", 993, "ssl", "x"))
    tracker.save_mail_account(MailAccount("Work", "imap.example.com", 143, "starttls", "ann"),
                              replace=True)
    assert tracker.mail_account("WORK").security == "starttls"
    with pytest.raises(ValidationError, match=r"^security: plain"):
        tracker.save_mail_account(MailAccount("Home", "mail.example.com", 143, "plain", "a"))
    with pytest.raises(NotFoundError, match="no mail account named 'Nope'"):
        tracker.mail_account("Nope")


def test_prepare_scan_reads_states_and_the_index(tracker: Tracker, app_id: int):
    first = tracker.prepare_scan("Work")
    assert first.states == ()
    assert first.since == dt.date(2026, 8, 30)  # 90 days before TODAY on a first scan
    (ref,) = first.index.applications
    assert (ref.id, ref.company, ref.title, ref.stage, ref.domains) == (
        app_id, "Acme", "Backend Engineer", "Applied", ("acme.example",))
    tracker.save_scan(outcome())
    again = tracker.prepare_scan("Work")
    assert (again.states, again.since) == ((FolderState("INBOX", 77, 5),), None)
    assert tracker.mail_last_scan("Work") == dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def test_save_scan_stores_suggestions_once(tracker: Tracker, app_id: int):
    at = dt.datetime(2026, 12, 2, 14, 30, tzinfo=CET)
    rows = tracker.save_scan(outcome(draft(1, application_id=app_id),
                                     draft(2, application_id=app_id, kind="interview",
                                           stage="Interviewing", interview_at=at, day=21)))
    assert [(r.kind, r.proposed_stage, r.application_label) for r in rows] == [
        ("interview", "Interviewing", "Backend Engineer — Acme"),
        ("rejection", "Rejected", "Backend Engineer — Acme")]
    assert rows[0].interview_at is not None
    assert rows[0].interview_at.isoformat() == "2026-12-02T14:30:00+01:00"
    assert set(rows[0].to_json()) == {"id", "message_id", "date", "sender", "subject",
                                      "application_id", "kind", "proposed_stage",
                                      "interview_at", "reason"}
    assert tracker.save_scan(outcome(draft(1, application_id=app_id))) == []
    assert len(tracker.mail_suggestions()) == 2


def test_accept_records_the_stage_dated_by_the_mail_and_undo_removes_it(tracker: Tracker,
                                                                        app_id: int):
    at = dt.datetime(2026, 12, 2, 14, 30, tzinfo=CET)
    (row,) = tracker.save_scan(outcome(draft(1, application_id=app_id, kind="interview",
                                             stage="Interviewing", interview_at=at)))
    result = tracker.accept_suggestion(row.id)
    detail = tracker.get_application(app_id)
    assert detail.stage == "Interviewing"
    assert [(e.to_stage, e.occurred_on) for e in detail.events][-1] == (
        "Interviewing", dt.date(2026, 11, 20))
    assert [i.starts_at for i in detail.interviews] == [at]
    assert result.stage_event_id is not None and result.interview_id is not None
    assert tracker.mail_suggestions() == []
    assert tracker.mail_suggestions("accepted")[0].status == "accepted"
    with pytest.raises(ValidationError, match="is accepted, not pending"):
        tracker.accept_suggestion(row.id)

    tracker.undo_accept_suggestion(row.id)
    detail = tracker.get_application(app_id)
    assert detail.stage == "Applied"
    assert [e.to_stage for e in detail.events] == ["Applied"]
    assert detail.interviews == ()
    assert [r.id for r in tracker.mail_suggestions()] == [row.id]


def test_accept_with_edits_and_dismiss_with_undo(tracker: Tracker, app_id: int):
    rows = tracker.save_scan(outcome(draft(1, application_id=None),
                                     draft(2, application_id=app_id, day=21)))
    unmatched = next(r for r in rows if r.application_id is None)
    with pytest.raises(ValidationError, match="matches no tracked application"):
        tracker.accept_suggestion(unmatched.id)
    tracker.accept_suggestion(unmatched.id, application_id=app_id, stage="Ghosted")
    assert tracker.get_application(app_id).stage == "Ghosted"
    other = next(r for r in rows if r.application_id == app_id)
    tracker.dismiss_suggestion(other.id)
    assert tracker.mail_suggestions() == []
    tracker.undo_dismiss_suggestion(other.id)
    assert [r.id for r in tracker.mail_suggestions()] == [other.id]


def test_accept_can_create_the_application_and_undo_deletes_it(tracker: Tracker):
    tracker.save_mail_account(ACCOUNT)
    (row,) = tracker.save_scan(outcome(SuggestionDraft(
        "<x@globex.com>", dt.datetime(2026, 11, 22, 7, 0, tzinfo=dt.UTC),
        "Globex Careers <careers@globex.com>", "Thank you for applying to Globex", None,
        "received", "Applied", None, "received: 'Thank you for applying'")))
    result = tracker.accept_suggestion(row.id, create_application=True)
    detail = tracker.get_application(result.application_id)
    assert (detail.company, detail.title, detail.stage) == (
        "Globex", "Thank you for applying to Globex", "Applied")
    assert detail.events[-1].occurred_on == dt.date(2026, 11, 22)
    tracker.undo_accept_suggestion(row.id)
    with pytest.raises(NotFoundError):
        tracker.get_application(result.application_id)
    assert tracker.mail_suggestions()[0].status == "pending"


def test_removing_an_account_removes_its_states_and_suggestions(tracker: Tracker, app_id: int):
    tracker.save_scan(outcome(draft(1, application_id=app_id)))
    tracker.remove_mail_account("work")
    assert tracker.mail_accounts() == []
    assert tracker.mail_suggestions("all") == []
    tracker.save_mail_account(ACCOUNT)
    assert tracker.prepare_scan("Work").states == ()


def test_a_deleted_application_leaves_the_suggestion_unmatched(tracker: Tracker, app_id: int):
    tracker.save_scan(outcome(draft(1, application_id=app_id)))
    tracker.delete_application(app_id)
    tracker.purge_application(app_id)
    (row,) = tracker.mail_suggestions()
    assert (row.application_id, row.application_label) == (None, None)


def test_a_mail_older_than_the_current_stage_is_refused_with_its_reason(tracker: Tracker,
                                                                         app_id: int):
    # accepting used to slot the mail's stage in before later events.
    tracker.move_stage(app_id, "Screening", on=dt.date(2026, 11, 25))
    at = dt.datetime(2026, 12, 2, 14, 30, tzinfo=CET)
    rows = tracker.save_scan(outcome(draft(1, application_id=app_id),
                                     draft(2, application_id=app_id, kind="interview",
                                           stage="Interviewing", interview_at=at, day=21)))
    rejection = next(r for r in rows if r.kind == "rejection")
    invitation = next(r for r in rows if r.kind == "interview")
    before = tracker.get_application(app_id)
    with pytest.raises(ValidationError) as refused:
        tracker.accept_suggestion(rejection.id)
    assert refused.value.reason == (
        "the message of 2026-11-20 is older than the current stage's event (Screening, "
        "2026-11-25): a stage change cannot be dated before it; dismiss the suggestion")
    with pytest.raises(ValidationError, match="accept it with the stage Screening to keep "
                                              "only its interview"):
        tracker.accept_suggestion(invitation.id)
    assert tracker.get_application(app_id) == before
    assert {r.id for r in tracker.mail_suggestions()} == {rejection.id, invitation.id}
    result = tracker.accept_suggestion(invitation.id, stage="Screening")
    assert (result.stage_event_id, result.interview_id is not None) == (None, True)
    assert tracker.get_application(app_id).events == before.events


def test_a_mail_for_the_stage_already_reached_records_no_event(tracker: Tracker, app_id: int):
    tracker.move_stage(app_id, "Interviewing", on=dt.date(2026, 11, 25))
    at = dt.datetime(2026, 12, 2, 14, 30, tzinfo=CET)
    (row,) = tracker.save_scan(outcome(draft(1, application_id=app_id, kind="interview",
                                             stage="Interviewing", interview_at=at)))
    result = tracker.accept_suggestion(row.id)
    detail = tracker.get_application(app_id)
    # Was: a second "Interviewing" event slotted in on the mail's date, 2026-11-20.
    assert [(e.to_stage, e.occurred_on) for e in detail.events] == [
        ("Applied", dt.date(2026, 11, 2)), ("Interviewing", dt.date(2026, 11, 25))]
    assert result.stage_event_id is None and [i.starts_at for i in detail.interviews] == [at]


def test_a_mail_dated_before_1970_records_nothing(tracker: Tracker):
    tracker.save_mail_account(ACCOUNT)
    app_id = tracker.add_application(ApplicationInput("Dev", "Acme"), stage_on=dt.date(1970, 1, 1))
    (row,) = tracker.save_scan(outcome(SuggestionDraft(
        "<old@acme.example>", dt.datetime(1969, 12, 31, 9, 0, tzinfo=dt.UTC),
        "Acme <jobs@acme.example>", "Thanks for applying", app_id, "received", "Applied", None,
        "received")))
    with pytest.raises(ValidationError, match="1969-12-31 is before 1970"):
        tracker.accept_suggestion(row.id)
    with pytest.raises(ValidationError, match="1969-12-31 is before 1970"):
        tracker.accept_suggestion(row.id, create_application=True)
    assert tracker.count_applications() == 1
    assert [r.id for r in tracker.mail_suggestions()] == [row.id]
