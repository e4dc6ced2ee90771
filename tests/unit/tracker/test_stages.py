import datetime as dt

import pytest

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import StageKind
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.tracker.stages import StagesMixin


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
