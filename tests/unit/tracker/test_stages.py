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


def test_redate_event_rethreads(stages_tracker: StagesTracker) -> None:
    TODAY = stages_tracker._today()
    app = stages_tracker.add_application(ApplicationInput("Dev", "Acme"),
                                         stage_on=TODAY - dt.timedelta(days=10))
    first = stages_tracker.move_stage(app, "Applied", on=TODAY - dt.timedelta(days=5))
    stages_tracker.move_stage(app, "Screening", on=TODAY - dt.timedelta(days=3))
    stages_tracker.redate_stage_event(first, TODAY - dt.timedelta(days=1))
    detail = stages_tracker.get_application(app)
    assert [e.to_stage for e in detail.events] == ["Saved", "Screening", "Applied"]
    assert detail.stage == "Applied"
    assert detail.events[-1].from_stage == "Screening"
    with pytest.raises(ValidationError):
        stages_tracker.redate_stage_event(first, TODAY + dt.timedelta(days=1))
    with pytest.raises(NotFoundError):
        stages_tracker.redate_stage_event(9999, TODAY)


def test_stage_kind_enum(stages_tracker: StagesTracker) -> None:
    stages_tracker.add_stage("Won big", StageKind.WON)
    assert stages_tracker.stages()[-1].kind == StageKind.WON
