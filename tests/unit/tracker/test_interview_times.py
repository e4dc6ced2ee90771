"""Interview times at daylight-saving changes: the skipped hour refused, the repeated one asked."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker
from jobtracker.tracker.inputs import AmbiguousTimeError

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _at(*parts: int, zone: dt.tzinfo = AMSTERDAM) -> InterviewInput:
    return InterviewInput(kind="Technical", starts_at=dt.datetime(*parts, tzinfo=zone),
                          timezone="Europe/Amsterdam")


def test_a_time_the_clocks_skip_is_refused_with_the_reason(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    with pytest.raises(ValidationError) as caught:
        tracker.add_interview(app, _at(2025, 3, 30, 2, 30))
    assert caught.value.field == "starts_at"
    assert caught.value.reason == ("02:30 on 2025-03-30 does not exist in Europe/Amsterdam: "
                                   "clocks go from 02:00 to 03:00")
    assert tracker.get_application(app).interviews == ()


def test_a_time_that_happens_twice_asks_which(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    with pytest.raises(AmbiguousTimeError) as caught:
        tracker.add_interview(app, _at(2025, 10, 26, 2, 30))
    error = caught.value
    assert error.field == "starts_at"
    assert "02:30 on 2025-10-26 happens twice in Europe/Amsterdam" in error.reason
    assert "first at +02:00, then at +01:00" in error.reason
    assert (error.earlier.isoformat(), error.later.isoformat()) == (
        "2025-10-26T02:30:00+02:00", "2025-10-26T02:30:00+01:00")
    assert tracker.get_application(app).interviews == ()
    # Given with its offset it names one instant, and the zone is kept for showing it.
    saved = tracker.add_interview(app, _at(2025, 10, 26, 2, 30,
                                           zone=dt.timezone(dt.timedelta(hours=1))))
    row = tracker.get_interview(saved)
    assert row.starts_at == dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC)
    assert row.timezone == "Europe/Amsterdam"


def test_ordinary_times_and_edits_of_saved_ones_pass(tracker: Tracker) -> None:
    app = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    saved = tracker.add_interview(app, _at(2025, 10, 26, 3, 30))  # after the change: once
    tracker.add_interview(app, _at(2025, 3, 30, 3, 0))  # the first minute after the gap
    # A saved interview comes back in UTC, one instant, so editing another field works.
    tracker.edit_interview(saved, location="Room 4")
    assert tracker.get_interview(saved).location == "Room 4"


@pytest.mark.parametrize(("zone", "parts", "message"), [
    ("America/New_York", (2025, 3, 9, 2, 15), "clocks go from 02:00 to 03:00"),
    ("America/New_York", (2025, 11, 2, 1, 15), "clocks go back from 02:00 to 01:00"),
    ("Australia/Lord_Howe", (2025, 4, 6, 1, 45), "clocks go back from 02:00 to 01:30"),
])
def test_other_zones_and_half_hour_changes(zone: str, parts: tuple[int, ...],
                                           message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        InterviewInput(kind="x", starts_at=dt.datetime(*parts, tzinfo=zoneinfo.ZoneInfo(zone)),
                       timezone=zone).validated()
