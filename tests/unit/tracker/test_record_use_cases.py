"""The use cases behind the contact, task, interview and event commands, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from jobtracker.errors import NotFoundError
from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput, Tracker


def test_a_trashed_application_is_named_as_in_the_trash_not_missing(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="SRE", company="Acme"))
    tracker.delete_application(app)
    with pytest.raises(NotFoundError, match=r"^application 1 is in the trash \(restore it "
                                            r"first\)$"):
        tracker.add_note(app, "hello")
    with pytest.raises(NotFoundError, match="already in the trash"):
        tracker.delete_application(app)
    with pytest.raises(NotFoundError, match=r"^no application with id 9$"):
        tracker.add_note(9, "hello")


def test_list_tasks_open_or_all_and_not_of_trashed_applications(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="SRE", company="Acme"))
    gone = tracker.add_application(ApplicationInput(title="QA", company="Initech"))
    general = tracker.add_task("Update CV")
    own = tracker.add_task("Thank", application_id=app, due_on=dt.date(2026, 12, 1))
    tracker.add_task("Call", application_id=gone)
    tracker.delete_application(gone)
    tracker.set_task_done(general)
    assert [t.id for t in tracker.list_tasks()] == [own]
    assert [t.id for t in tracker.list_tasks(include_done=True)] == [own, general]
    assert tracker.list_tasks(application_id=gone) == []


def test_unlink_says_whether_there_was_a_link(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="SRE", company="Acme"))
    person = tracker.add_contact(ContactInput(name="Ana"))
    tracker.link_contact(app, person)
    assert tracker.unlink_contact(app, person) is True
    assert tracker.unlink_contact(app, person) is False


def test_get_interview(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="SRE", company="Acme"))
    start = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    iid = tracker.add_interview(app, InterviewInput(kind="Phone", starts_at=start))
    assert (tracker.get_interview(iid).kind, tracker.get_interview(iid).starts_at) == \
        ("Phone", start)
    with pytest.raises(NotFoundError, match="no interview with id 99"):
        tracker.get_interview(99)
