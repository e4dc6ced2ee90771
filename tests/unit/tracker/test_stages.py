import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.tracker.stages import StagesMixin
from jobtracker.vocabulary import StageKind


class StagesTracker(Tracker, StagesMixin):
    """The facade with the stage use cases, until they join its bases."""


@pytest.fixture
def stages_tracker(tracker: Tracker) -> StagesTracker:
    # Same database and the same fixed clock as the ``tracker`` fixture.
    return StagesTracker(tracker.db, today=tracker._today, now=tracker._now)


def names(t: Tracker) -> list[str]:
    return [s.name for s in t.stages()]


def test_add_stage_at_end_and_after(stages_tracker: StagesTracker) -> None:
    stages_tracker.add_stage("On hold", "lost", color="#123abc")
    assert names(stages_tracker)[-1] == "On hold"
    assert stages_tracker.stages()[-1].color == "#123ABC"
    stages_tracker.add_stage("Take-home", after="Screening")
    assert names(stages_tracker)[2:5] == ["Screening", "Take-home", "Interviewing"]
    assert [s.position for s in stages_tracker.stages()] == sorted(
        {s.position for s in stages_tracker.stages()})


def test_add_stage_refuses_duplicates_and_bad_colours(stages_tracker: StagesTracker) -> None:
    with pytest.raises(ValidationError) as error:
        stages_tracker.add_stage("applied")
    assert error.value.field == "name"
    with pytest.raises(ValidationError) as error:
        stages_tracker.add_stage("New", color="red")
    assert error.value.field == "color"
    with pytest.raises(ValidationError):
        stages_tracker.add_stage("New", kind="maybe")


def test_rename_keeps_history(stages_tracker: StagesTracker) -> None:
    app = stages_tracker.add_application(ApplicationInput("Dev", "Acme"))
    stages_tracker.move_stage(app, "Applied")
    stages_tracker.rename_stage("Applied", "Sent")
    detail = stages_tracker.get_application(app)
    assert detail.stage == "Sent"
    assert [e.to_stage for e in detail.events] == ["Saved", "Sent"]
    with pytest.raises(ValidationError):
        stages_tracker.rename_stage("Sent", "saved")
    with pytest.raises(ValidationError):
        stages_tracker.rename_stage("Nope", "Other")


def test_reorder_and_colour(stages_tracker: StagesTracker) -> None:
    order = names(stages_tracker)
    order[0], order[1] = order[1], order[0]
    stages_tracker.reorder_stages(order)
    assert names(stages_tracker) == order
    with pytest.raises(ValidationError):
        stages_tracker.reorder_stages(order[:-1])
    stages_tracker.set_stage_color("Offer", "#00ff00")
    assert next(s for s in stages_tracker.stages() if s.name == "Offer").color == "#00FF00"
    stages_tracker.set_stage_color("Offer", None)
    assert next(s for s in stages_tracker.stages() if s.name == "Offer").color is None


def test_redate_keeps_the_event_between_its_neighbours(stages_tracker: StagesTracker) -> None:
    # Was test_redate_event_rethreads: a re-date past the next event re-sorted the
    # timeline, rewriting the other events' "from" and the current stage. Now refused.
    TODAY = stages_tracker._today()
    day = lambda n: TODAY - dt.timedelta(days=n)  # noqa: E731
    app = stages_tracker.add_application(ApplicationInput("Dev", "Acme"), stage_on=day(10))
    applied = stages_tracker.move_stage(app, "Applied", on=day(5))
    stages_tracker.move_stage(app, "Screening", on=day(3))
    before = stages_tracker.get_application(app)
    with pytest.raises(ValidationError, match=r"after the change to Screening of "):
        stages_tracker.redate_stage_event(applied, day(1))
    with pytest.raises(ValidationError, match=r"before the change to Saved of "):
        stages_tracker.redate_stage_event(applied, day(11))
    with pytest.raises(ValidationError, match="in the future"):
        stages_tracker.redate_stage_event(applied, TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="before 1970"):
        stages_tracker.redate_stage_event(before.events[0].id, dt.date(1969, 12, 31))
    with pytest.raises(NotFoundError):
        stages_tracker.redate_stage_event(9999, TODAY)
    assert stages_tracker.get_application(app) == before

    # Within its neighbours (the same day as one of them included) it moves, and the
    # applied date, being the Applied event's date, moves with it.
    stages_tracker.redate_stage_event(applied, day(3))
    detail = stages_tracker.get_application(app)
    assert [(e.from_stage, e.to_stage) for e in detail.events] == [
        (None, "Saved"), ("Saved", "Applied"), ("Applied", "Screening")]
    assert (detail.applied_on, detail.stage, detail.last_change) == (day(3), "Screening", day(3))
    stages_tracker.redate_stage_event(detail.events[-1].id, day(2))
    assert stages_tracker.get_application(app).last_change == day(2)
    stages_tracker.redate_stage_event(detail.events[0].id, dt.date(1970, 1, 1))
    assert stages_tracker.get_application(app).events[0].occurred_on == dt.date(1970, 1, 1)


def test_stage_kind_enum(stages_tracker: StagesTracker) -> None:
    stages_tracker.add_stage("Won big", StageKind.WON)
    assert stages_tracker.stages()[-1].kind == StageKind.WON


def test_delete_unused_stage_undoes_add(stages_tracker: StagesTracker) -> None:
    before = names(stages_tracker)
    stages_tracker.add_stage("Take-home", after="Screening")
    stages_tracker.delete_unused_stage("take-home")
    assert names(stages_tracker) == before


def test_delete_refuses_a_stage_with_history(stages_tracker: StagesTracker) -> None:
    stages_tracker.add_stage("Take-home")
    app = stages_tracker.add_application(ApplicationInput(
        title="Dev", company="Acme", stage="Take-home"))
    stages_tracker.move_stage(app, "Applied")
    # No application is in it now, but its history still names the stage.
    with pytest.raises(ValidationError, match="in use"):
        stages_tracker.delete_unused_stage("Take-home")
    assert "Take-home" in names(stages_tracker)


def test_stage_history_count(stages_tracker: StagesTracker) -> None:
    app = stages_tracker.add_application(ApplicationInput("Dev", "Acme", stage="Applied"))
    assert stages_tracker.stage_history_count("Applied") == 1
    stages_tracker.move_stage(app, "Screening")
    stages_tracker.delete_application(app)  # trashed, still history
    assert (stages_tracker.stage_history_count("Applied"),
            stages_tracker.stage_history_count("Screening"),
            stages_tracker.stage_history_count("Offer")) == (1, 1, 0)


def test_last_open_stage_stays(stages_tracker: StagesTracker) -> None:
    open_stages = [s.name for s in stages_tracker.stages() if s.kind == StageKind.OPEN]
    for name in open_stages[:-1]:
        stages_tracker.delete_unused_stage(name)
    with pytest.raises(ValidationError, match="only open stage"):
        stages_tracker.delete_unused_stage(open_stages[-1])


# -- retiring a stage with history ----------------------------------------------------------


def _at_screening(t: StagesTracker, title: str, on: dt.date) -> int:
    app = t.add_application(ApplicationInput(title, "Acme", applied_on=on - dt.timedelta(days=2)),
                            stage_on=on - dt.timedelta(days=2))
    t.move_stage(app, "Screening", on=on)
    return app


def test_retire_moves_the_applications_and_hides_the_stage(stages_tracker: StagesTracker
                                                           ) -> None:
    t = stages_tracker
    first = _at_screening(t, "Dev", dt.date(2026, 11, 10))
    second = _at_screening(t, "Ops", dt.date(2026, 11, 12))
    t.delete_application(second)  # a trashed one moves too: restoring it finds a real stage
    elsewhere = t.add_application(ApplicationInput("QA", "Acme", stage="Offer"))
    result = t.retire_stage("screening", "Interviewing")
    assert (result.stage, result.moved_to) == ("Screening", "Interviewing")
    assert result.application_ids == (first, second) and len(result.event_ids) == 2
    assert "Screening" not in names(t)
    assert t.retired_stage_names() == ["Screening"]
    detail = t.get_application(first)
    assert detail.stage == "Interviewing"
    # History still names the retired stage; the move is appended, dated today.
    assert [e.to_stage for e in detail.events][-2:] == ["Screening", "Interviewing"]
    assert detail.events[-1].occurred_on == t.today()
    t.restore_application(second)
    assert t.get_application(second).stage == "Interviewing"
    assert t.get_application(elsewhere).stage == "Offer"
    # No lookup finds it any more, and the refusal lists the stages there are.
    with pytest.raises(ValidationError, match="'Screening' was removed; valid stages: Saved"):
        t.move_stage(elsewhere, "Screening")
    with pytest.raises(ValidationError, match="was removed"):
        t.add_application(ApplicationInput("New", "Acme", stage="Screening"))
    with pytest.raises(ValidationError, match="removed stage"):
        t.add_stage("Screening")
    # Statistics keep counting its events under its name.
    assert "Screening" in dict(t.dashboard().days_in_stage)
    assert t.stats().total == 3


def test_unretire_restores_stage_and_applications(stages_tracker: StagesTracker) -> None:
    t = stages_tracker
    app = _at_screening(t, "Dev", dt.date(2026, 11, 10))
    before = t.get_application(app)
    order = names(t)
    result = t.retire_stage("Screening", "Rejected")
    t.unretire_stage("Screening", result.event_ids)
    after = t.get_application(app)
    assert names(t) == order
    assert (after.stage, after.applied_on, [e.id for e in after.events]) == (
        before.stage, before.applied_on, [e.id for e in before.events])
    assert t.retired_stage_names() == []
    with pytest.raises(NotFoundError):
        t.unretire_stage("Screening", ())


def test_retire_without_applications_needs_no_target(stages_tracker: StagesTracker) -> None:
    t = stages_tracker
    app = _at_screening(t, "Dev", dt.date(2026, 11, 10))
    t.move_stage(app, "Interviewing")
    result = t.retire_stage("Screening")
    assert (result.application_ids, result.event_ids) == ((), ())
    assert "Screening" not in names(t)
    assert [e.to_stage for e in t.get_application(app).events][-2] == "Screening"


def test_retire_refusals(stages_tracker: StagesTracker) -> None:
    t = stages_tracker
    _at_screening(t, "Dev", dt.date(2026, 11, 10))
    with pytest.raises(ValidationError, match="choose a stage"):
        t.retire_stage("Screening")
    with pytest.raises(ValidationError, match="another stage"):
        t.retire_stage("Screening", "screening")
    t.retire_stage("Interviewing")
    with pytest.raises(ValidationError, match="was removed"):
        t.retire_stage("Screening", "Interviewing")
    assert "Screening" in names(t)  # a refusal changes nothing
    for name in ("Saved", "Applied"):
        t.retire_stage(name, "Screening")
    with pytest.raises(ValidationError, match="only open stage"):
        t.retire_stage("Screening", "Offer")
    assert t.get_application(1).stage == "Screening"


def test_unretire_after_a_reorder_takes_its_place_back(stages_tracker: StagesTracker) -> None:
    t = stages_tracker
    order = names(t)
    t.retire_stage("Screening")
    live = names(t)
    t.reorder_stages([live[0], live[1], live[3], live[2], *live[4:]])
    t.reorder_stages(live)  # the undo of that reorder, then of the retiring
    t.unretire_stage("Screening")
    assert names(t) == order
