"""Notes, interviews and tasks."""

import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker


@pytest.fixture
def app_id(tracker: Tracker) -> int:
    return tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))


def test_notes_add_edit_delete(tracker: Tracker, app_id: int):
    note_id = tracker.add_note(app_id, "  # Call\n- ask about **on-call**  ")
    tracker.edit_note(note_id, "second version")
    notes = tracker.get_application(app_id).notes
    assert [n.body for n in notes] == ["second version"]
    assert tracker.delete_note(note_id) == "second version"
    assert tracker.get_application(app_id).notes == ()
    with pytest.raises(ValidationError):
        tracker.add_note(app_id, "   ")
    with pytest.raises(NotFoundError):
        tracker.edit_note(9999, "x")


def test_interviews_keep_their_time_zone_and_upcoming_ones_show(tracker: Tracker, app_id: int):
    berlin = dt.datetime(2026, 12, 1, 14, 30,
                         tzinfo=dt.timezone(dt.timedelta(hours=1)))
    interview_id = tracker.add_interview(app_id, InterviewInput(
        kind="Technical", starts_at=berlin, timezone="Europe/Berlin", duration_minutes=90,
        meeting_url="https://meet.example.com/abc", interviewers="Jane, Raj"))
    tracker.add_interview(app_id, InterviewInput(
        kind="Phone screen", starts_at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC),
        outcome="passed"))
    [upcoming] = tracker.upcoming_interviews()
    assert upcoming.id == interview_id
    assert upcoming.starts_at == dt.datetime(2026, 12, 1, 13, 30, tzinfo=dt.UTC)
    assert upcoming.timezone == "Europe/Berlin"
    tracker.edit_interview(interview_id, outcome="passed", notes="went well")
    detail = tracker.get_application(app_id)
    assert [(i.kind, i.outcome) for i in detail.interviews] == [("Phone screen", "passed"),
                                                                 ("Technical", "passed")]
    tracker.delete_interview(interview_id)
    assert len(tracker.get_application(app_id).interviews) == 1


@pytest.mark.parametrize(("fields", "field"), [
    ({"starts_at": dt.datetime(2026, 12, 1, 14)}, "starts_at"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"meeting_url": "file:///etc/passwd"}, "meeting_url"),
    ({"outcome": "maybe"}, "outcome"),
])
def test_invalid_interview_names_the_field(tracker: Tracker, app_id: int, fields, field):
    values = {"kind": "Technical", "starts_at": dt.datetime(2026, 12, 1, 14, tzinfo=dt.UTC)}
    with pytest.raises(ValidationError) as caught:
        tracker.add_interview(app_id, InterviewInput(**{**values, **fields}))
    assert caught.value.field == field


def test_tasks(tracker: Tracker, app_id: int):
    general = tracker.add_task("Update CV")
    follow = tracker.add_task("Follow up", due_on=dt.date(2026, 12, 1), application_id=app_id)
    assert [t.title for t in tracker.open_tasks()] == ["Follow up", "Update CV"]
    tracker.set_task_done(follow)
    assert [t.id for t in tracker.open_tasks()] == [general]
    tracker.set_task_done(follow, done=False)
    tracker.edit_task(follow, due_on=None, title="Write to Jane")
    assert [t.title for t in tracker.open_tasks(application_id=app_id)] == ["Write to Jane"]
    tracker.delete_task(general)
    with pytest.raises(NotFoundError):
        tracker.set_task_done(general)
    with pytest.raises(NotFoundError):
        tracker.add_task("x", application_id=424242)
