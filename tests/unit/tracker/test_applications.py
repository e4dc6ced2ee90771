"""Application use cases: add, edit, stage moves with dated events, trash."""

import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.tracker import ApplicationFilter, ApplicationInput, Tracker
from jobtracker.tracker.applications import AlreadyAtStageError

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
    # Saved on Nov 1: moves are not dated before the current stage's event.
    app_id = tracker.add_application(ApplicationInput("Backend Engineer", "Acme"),
                                     stage_on=D(2026, 11, 1))
    tracker.move_stage(app_id, "applied", on=D(2026, 11, 2))
    tracker.move_stage(app_id, "Screening", on=D(2026, 11, 9), note="recruiter called")
    app = tracker.get_application(app_id)
    assert app.stage == "Screening"
    assert app.applied_on == D(2026, 11, 2)
    assert [(e.from_stage, e.to_stage) for e in app.events] == [
        (None, "Saved"), ("Saved", "Applied"), ("Applied", "Screening")]
    assert app.events[-1].note == "recruiter called"


def test_a_move_dated_before_the_current_stage_is_refused_and_changes_nothing(
        tracker: Tracker):
    # Was test_back_dated_move_slots_into_the_timeline: such a move slotted in, and
    # one dated before the first event moved that event back.
    app_id = _add(tracker, applied_on=D(2025, 3, 1))
    before = tracker.get_application(app_id)
    with pytest.raises(ValidationError) as refused:
        tracker.move_stage(app_id, "Rejected", on=D(2025, 1, 1))
    assert refused.value.field == "date"
    assert "dated 2025-03-01 (Applied)" in refused.value.reason
    assert "cannot be dated before it" in refused.value.reason
    assert "Timeline tab" in refused.value.reason
    assert tracker.get_application(app_id) == before

    tracker.move_stage(app_id, "Interviewing", on=D(2025, 3, 20))
    with pytest.raises(ValidationError, match=r"dated 2025-03-20 \(Interviewing\)"):
        tracker.move_stage(app_id, "Screening", on=D(2025, 3, 10))  # "I forgot this one"
    app = tracker.get_application(app_id)
    assert [(e.to_stage, e.occurred_on) for e in app.events] == [
        ("Applied", D(2025, 3, 1)), ("Interviewing", D(2025, 3, 20))]


def test_a_move_never_changes_another_event(tracker: Tracker):
    app_id = tracker.add_application(ApplicationInput("Backend Engineer", "Acme"),
                                     stage_on=D(2026, 11, 1))
    tracker.move_stage(app_id, "Applied", on=D(2026, 11, 1))  # the same day is fine
    tracker.move_stage(app_id, "Screening", on=D(2026, 11, 5))
    tracker.move_stage(app_id, "Rejected")
    app = tracker.get_application(app_id)
    assert [(e.from_stage, e.to_stage, e.occurred_on) for e in app.events] == [
        (None, "Saved", D(2026, 11, 1)), ("Saved", "Applied", D(2026, 11, 1)),
        ("Applied", "Screening", D(2026, 11, 5)), ("Screening", "Rejected", D(2026, 11, 28))]
    assert (app.applied_on, app.last_change) == (D(2026, 11, 1), D(2026, 11, 28))


def test_a_move_to_the_current_stage_records_nothing_and_says_so(tracker: Tracker):
    app_id = _add(tracker, applied_on=D(2025, 3, 1))
    before = tracker.get_application(app_id)
    # Was: recorded "Applied -> Applied" and moved the applied date back.
    with pytest.raises(ValidationError, match=r"dated 2025-03-01 \(Applied\)"):
        tracker.move_stage(app_id, "Applied", on=D(2025, 2, 1))
    for on in (None, D(2025, 3, 1), D(2025, 4, 1)):
        with pytest.raises(AlreadyAtStageError,
                           match=r"already at Applied \(since 2025-03-01\); nothing recorded"):
            tracker.move_stage(app_id, "applied", on=on)
    assert tracker.get_application(app_id) == before


@pytest.mark.parametrize("day", [D(1969, 12, 31), D(1900, 1, 1), D(2026, 11, 29)])
def test_stage_dates_in_the_future_or_before_1970_are_refused(tracker: Tracker, day: dt.date):
    reason = "in the future" if day > D(2026, 11, 28) else "before 1970"
    with pytest.raises(ValidationError, match=reason):
        _add(tracker, applied_on=day)
    with pytest.raises(ValidationError, match=reason):
        tracker.add_application(ApplicationInput("Dev", "Acme", stage="Screening"),
                                stage_on=day)
    assert tracker.count_applications() == 0
    app_id = _add(tracker, stage="Saved")
    with pytest.raises(ValidationError, match=reason):
        tracker.move_stage(app_id, "Applied", on=day)
    with pytest.raises(ValidationError, match=reason):
        tracker.redate_stage_event(tracker.get_application(app_id).events[0].id, day)
    assert len(tracker.get_application(app_id).events) == 1


def test_added_at_a_later_stage_with_an_applied_date_goes_through_applied(tracker: Tracker):
    # Was: one Screening event dated the applied day, and no Applied step.
    app = tracker.get_application(_add(tracker, stage="Screening", applied_on=D(2026, 11, 3)))
    assert [(e.from_stage, e.to_stage, e.occurred_on) for e in app.events] == [
        (None, "Applied", D(2026, 11, 3)), ("Applied", "Screening", D(2026, 11, 28))]
    assert (app.stage, app.applied_on, app.last_change) == (
        "Screening", D(2026, 11, 3), D(2026, 11, 28))
    dated = tracker.add_application(ApplicationInput("SRE", "Acme", stage="Offer",
                                                     applied_on=D(2026, 11, 3)),
                                    stage_on=D(2026, 11, 20))
    assert [(e.to_stage, e.occurred_on) for e in tracker.get_application(dated).events] == [
        ("Applied", D(2026, 11, 3)), ("Offer", D(2026, 11, 20))]
    with pytest.raises(ValidationError, match=r"before the applied date 2026-11-03"):
        tracker.add_application(ApplicationInput("Dev", "Acme", stage="Rejected",
                                                  applied_on=D(2026, 11, 3)),
                                stage_on=D(2026, 11, 2))
    with pytest.raises(ValidationError, match="at Saved has not been sent yet") as saved:
        _add(tracker, stage="Saved", applied_on=D(2026, 11, 3))
    assert saved.value.field == "applied_on"
    assert tracker.count_applications() == 2


def test_the_applied_date_is_the_applied_events_date(tracker: Tracker):
    app_id = tracker.add_application(ApplicationInput(
        "Backend Engineer", "Acme", stage="Screening", applied_on=D(2026, 11, 3)),
        stage_on=D(2026, 11, 20))
    # Editing the applied date edits the Applied event, within its neighbours.
    tracker.edit_application(app_id, applied_on=D(2026, 11, 10))
    app = tracker.get_application(app_id)
    assert (app.applied_on, app.events[0].to_stage, app.events[0].occurred_on) == (
        D(2026, 11, 10), "Applied", D(2026, 11, 10))
    with pytest.raises(ValidationError, match="after the change to Screening"):
        tracker.edit_application(app_id, applied_on=D(2026, 11, 21), title="Kept out")
    with pytest.raises(ValidationError, match="remove that stage change"):
        tracker.edit_application(app_id, applied_on=None)
    assert tracker.get_application(app_id) == app
    # No date the timeline does not show: a saved application was not sent.
    saved = _add(tracker)
    with pytest.raises(ValidationError, match="record the move to Applied with its date") as unsent:
        tracker.edit_application(saved, applied_on=D(2026, 11, 28))
    assert unsent.value.field == "applied_on"
    # Sent straight to Screening: that move dates the application's sending.
    tracker.move_stage(saved, "Screening")
    assert tracker.get_application(saved).applied_on == D(2026, 11, 28)


def test_a_removed_event_is_put_back_where_it_was(tracker: Tracker):
    app_id = _add(tracker, applied_on=D(2026, 11, 1))
    screening = tracker.move_stage(app_id, "Screening", on=D(2026, 11, 5), note="call")
    tracker.move_stage(app_id, "Interviewing", on=D(2026, 11, 9))
    tracker.undo_stage_event(screening)
    assert [e.from_stage for e in tracker.get_application(app_id).events] == [None, "Applied"]
    tracker.reinsert_stage_event(app_id, "Screening", D(2026, 11, 5), "call")
    app = tracker.get_application(app_id)
    assert [(e.from_stage, e.to_stage, e.occurred_on, e.note) for e in app.events] == [
        (None, "Applied", D(2026, 11, 1), None),
        ("Applied", "Screening", D(2026, 11, 5), "call"),
        ("Screening", "Interviewing", D(2026, 11, 9), None)]
    assert (app.stage, app.last_change, app.applied_on) == (
        "Interviewing", D(2026, 11, 9), D(2026, 11, 1))


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
    app_id = tracker.add_application(ApplicationInput("Backend Engineer", "Acme"),
                                     stage_on=D(2026, 11, 19))
    event_id = tracker.move_stage(app_id, "Applied", on=D(2026, 11, 20))
    assert tracker.get_application(app_id).applied_on == D(2026, 11, 20)
    tracker.undo_stage_event(event_id)
    app = tracker.get_application(app_id)
    assert (app.stage, app.applied_on) == ("Saved", None)


def test_move_refuses_unknown_stage_future_date_and_no_op(tracker: Tracker):
    app_id = _add(tracker)
    with pytest.raises(ValidationError, match="valid stages: Saved, Applied"):
        tracker.move_stage(app_id, "Wishlisted")  # "Wishlist" is a synonym of Saved
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
