"""Application use cases: add, edit, stage moves with dated events, trash."""

import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.tracker import ApplicationFilter, ApplicationInput, Tracker

D = dt.date


def _add(tracker: Tracker, **fields) -> int:
    fields.setdefault("title", "Backend Engineer")
    fields.setdefault("company", "Acme")
    return tracker.add_application(ApplicationInput(**fields))


def test_new_application_starts_saved_with_one_event_dated_today(tracker: Tracker):
    app = tracker.get_application(_add(tracker))
    assert app.stage == "Saved"
    assert app.applied_on is None
    assert [(e.to_stage, e.occurred_on) for e in app.events] == [("Saved", D(2026, 11, 28))]


def test_applied_date_starts_in_applied_dated_that_day(tracker: Tracker):
    app = tracker.get_application(_add(tracker, applied_on=D(2026, 11, 3)))
    assert app.stage == "Applied"
    assert [(e.to_stage, e.occurred_on) for e in app.events] == [("Applied", D(2026, 11, 3))]
    assert app.last_change == D(2026, 11, 3)


def test_closed_application_with_applied_date_keeps_the_applied_step(tracker: Tracker):
    app = tracker.get_application(_add(tracker, stage="Rejected", applied_on=D(2026, 10, 1)))
    assert [(e.to_stage, e.occurred_on) for e in app.events] == [
        ("Applied", D(2026, 10, 1)), ("Rejected", D(2026, 11, 28))]
    assert app.stage == "Rejected"


def test_company_is_shared_regardless_of_case(tracker: Tracker):
    _add(tracker, company="Acme")
    _add(tracker, company="ACME", title="SRE")
    assert tracker.company_names() == ["Acme"]


def test_move_stage_records_dated_events_and_sets_applied(tracker: Tracker):
    app_id = _add(tracker)
    tracker.move_stage(app_id, "applied", on=D(2026, 11, 2))
    tracker.move_stage(app_id, "Screening", on=D(2026, 11, 9), note="recruiter called")
    app = tracker.get_application(app_id)
    assert app.stage == "Screening"
    assert app.applied_on == D(2026, 11, 2)
    assert [(e.from_stage, e.to_stage) for e in app.events] == [
        (None, "Saved"), ("Saved", "Applied"), ("Applied", "Screening")]
    assert app.events[-1].note == "recruiter called"


def test_back_dated_move_slots_into_the_timeline(tracker: Tracker):
    app_id = _add(tracker, applied_on=D(2026, 11, 1))
    tracker.move_stage(app_id, "Interviewing", on=D(2026, 11, 20))
    tracker.move_stage(app_id, "Screening", on=D(2026, 11, 10))  # "I forgot this one"
    app = tracker.get_application(app_id)
    assert [e.to_stage for e in app.events] == ["Applied", "Screening", "Interviewing"]
    assert [e.from_stage for e in app.events] == [None, "Applied", "Screening"]
    assert app.stage == "Interviewing"
    assert app.last_change == D(2026, 11, 20)


def test_undo_stage_event_restores_the_previous_stage(tracker: Tracker):
    app_id = _add(tracker, applied_on=D(2026, 11, 1))
    event_id = tracker.move_stage(app_id, "Rejected", on=D(2026, 11, 5))
    tracker.undo_stage_event(event_id)
    app = tracker.get_application(app_id)
    assert app.stage == "Applied"
    assert app.last_change == D(2026, 11, 1)
    with pytest.raises(ValidationError, match="first stage of an application stays"):
        tracker.undo_stage_event(app.events[0].id)


def test_undoing_the_move_that_applied_clears_the_applied_date(tracker: Tracker):
    app_id = _add(tracker)
    event_id = tracker.move_stage(app_id, "Applied", on=D(2026, 11, 20))
    assert tracker.get_application(app_id).applied_on == D(2026, 11, 20)
    tracker.undo_stage_event(event_id)
    app = tracker.get_application(app_id)
    assert (app.stage, app.applied_on) == ("Saved", None)


def test_move_refuses_unknown_stage_future_date_and_no_op(tracker: Tracker):
    app_id = _add(tracker)
    with pytest.raises(ValidationError, match="valid stages: Saved, Applied"):
        tracker.move_stage(app_id, "Wishlist")
    with pytest.raises(ValidationError, match="in the future"):
        tracker.move_stage(app_id, "Applied", on=D(2026, 12, 25))
    with pytest.raises(ValidationError, match="already at Saved"):
        tracker.move_stage(app_id, "Saved")
    assert len(tracker.get_application(app_id).events) == 1


@pytest.mark.parametrize(("fields", "field"), [
    ({"title": "   "}, "title"),
    ({"priority": 6}, "priority"),
    ({"url": "javascript:alert(1)"}, "url"),
    ({"url": "http://[::1"}, "url"),
    ({"salary_min": 100, "salary_currency": "XYZ"}, "salary_currency"),
    ({"salary_min": 100}, "salary_currency"),
    ({"salary_min": 200, "salary_max": 100, "salary_currency": "EUR"}, "salary_max"),
    ({"remote": "sometimes"}, "remote"),
    ({"title": "a\x00b"}, "title"),
])
def test_invalid_input_names_the_field_and_saves_nothing(tracker: Tracker, fields, field):
    with pytest.raises(ValidationError) as caught:
        _add(tracker, **fields)
    assert caught.value.field == field
    assert tracker.count_applications() == 0


def test_edit_changes_fields_and_keeps_others(tracker: Tracker):
    app_id = _add(tracker, location="Berlin", tags=("python",))
    tracker.edit_application(app_id, title="Staff Engineer", salary_min=6250, salary_max=6250,
                             salary_currency="eur", salary_period="hour", company="Globex",
                             tags=("go", "remote"))
    app = tracker.get_application(app_id)
    assert (app.title, app.company, app.location) == ("Staff Engineer", "Globex", "Berlin")
    assert (app.salary_min, app.salary_currency, app.salary_period) == (6250, "EUR", "hour")
    assert app.tags == ("go", "remote")


def test_invalid_edit_changes_nothing(tracker: Tracker):
    app_id = _add(tracker)
    with pytest.raises(ValidationError):
        tracker.edit_application(app_id, title="New title", priority=9)
    assert tracker.get_application(app_id).title == "Backend Engineer"
    with pytest.raises(ValidationError, match="can be edited"):
        tracker.edit_application(app_id, stage_id=3)


def test_trash_restore_and_purge(tracker: Tracker):
    app_id = _add(tracker)
    tracker.add_note(app_id, "note")
    tracker.delete_application(app_id)
    assert tracker.count_applications() == 0
    assert tracker.count_applications(ApplicationFilter(trashed=True)) == 1
    with pytest.raises(NotFoundError):
        tracker.move_stage(app_id, "Applied")
    tracker.restore_application(app_id)
    assert tracker.count_applications() == 1
    tracker.delete_application(app_id)
    tracker.purge_application(app_id)
    with pytest.raises(NotFoundError):
        tracker.get_application(app_id)


def test_empty_trash_only_purges_trashed(tracker: Tracker):
    keep, drop = _add(tracker), _add(tracker, title="SRE")
    tracker.delete_application(drop)
    assert tracker.empty_trash() == 1
    assert [row.id for row in tracker.list_applications()] == [keep]


def test_timestamps_are_utc(tracker: Tracker):
    app = tracker.get_application(_add(tracker))
    assert app.created_at.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(("record", "message"), [
    ({"notes": (("   ", None),)}, "note: record 1: must not be empty"),
    ({"notes": (("a\x00b", None),)}, "NUL"),
    ({"notes": (("later", dt.datetime(2028, 1, 2, tzinfo=dt.UTC)),)}, "in the future"),
    ({"notes": (("naive", dt.datetime(2026, 1, 2)),)}, "needs a time zone"),
    ({"created_at": dt.datetime(2026, 1, 1)}, "needs a time zone"),
    ({"events": (("Applied", D(2026, 11, 1)),)}, "history ends at Applied, not Saved"),
])
def test_bulk_records_are_checked_like_single_actions(tracker: Tracker, record, message):
    from jobtracker.tracker import ApplicationRecord

    draft = ApplicationInput(title="Engineer", company="Acme", stage="Saved")
    with pytest.raises(ValidationError, match=message):
        tracker.import_records([ApplicationRecord(draft, **record)])
    assert tracker.count_applications() == 0
