"""Statistics come from stage events: hand-built histories with known answers."""

import datetime as dt

from jobtracker.tracker import ApplicationInput, Tracker

D = dt.date


def _history(tracker: Tracker, *moves: tuple[str, dt.date]) -> int:
    app_id = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"),
                                     stage_on=D(2026, 1, 1))
    for stage, on in moves:
        tracker.move_stage(app_id, stage, on=on)
    return app_id


def test_funnel_counts_the_furthest_stage_ever_reached(tracker: Tracker):
    _history(tracker)                                                       # saved only
    _history(tracker, ("Applied", D(2026, 1, 2)))                          # no answer yet
    _history(tracker, ("Applied", D(2026, 1, 2)), ("Rejected", D(2026, 1, 9)))
    _history(tracker, ("Applied", D(2026, 1, 2)), ("Screening", D(2026, 1, 5)),
             ("Interviewing", D(2026, 1, 12)), ("Rejected", D(2026, 1, 20)))
    _history(tracker, ("Applied", D(2026, 1, 2)), ("Screening", D(2026, 1, 5)),
             ("Interviewing", D(2026, 1, 12)), ("Offer", D(2026, 2, 1)),
             ("Accepted", D(2026, 2, 3)))
    stats = tracker.stats()
    funnel = {step.stage: step.reached for step in stats.funnel}
    assert funnel == {"Saved": 5, "Applied": 4, "Screening": 2, "Interviewing": 2, "Offer": 1,
                      "Accepted": 1}
    rates = {step.stage: step.rate for step in stats.funnel}
    assert rates["Saved"] is None
    assert rates["Applied"] == 4 / 5
    assert rates["Screening"] == 2 / 4
    assert rates["Offer"] == 1 / 2
    by_stage = {item.stage.name: item.count for item in stats.by_stage}
    assert by_stage["Rejected"] == 2 and by_stage["Accepted"] == 1 and by_stage["Saved"] == 1
    assert stats.total == 5
    assert stats.by_kind == {"open": 2, "offer": 0, "won": 1, "lost": 2}


def test_stats_ignore_the_trash(tracker: Tracker):
    app_id = _history(tracker, ("Applied", D(2026, 1, 2)))
    tracker.delete_application(app_id)
    stats = tracker.stats()
    assert stats.total == 0
    assert all(step.reached == 0 for step in stats.funnel)
