"""Dashboard numbers, the Today list and ghosting, on hand-built stage histories."""

import datetime as dt
from collections import Counter

import pytest

from jobtracker.demo import populate
from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, InterviewInput, Tracker
from jobtracker.tracker.insights import (
    NO_ANSWER,
    SankeyFlow,
    WeekCount,
)

from ...conftest import TODAY  # noqa: TID252 - the clock the fixture uses

D = dt.date


@pytest.fixture
def t(tracker: Tracker) -> Tracker:
    return tracker


def _history(t: Tracker, *moves: tuple[str, dt.date], **fields: object) -> int:
    app_id = t.add_application(ApplicationInput(title="Engineer", company="Acme",
                                                **fields),  # type: ignore[arg-type]
                               stage_on=D(2026, 1, 1))
    for stage, on in moves:
        t.move_stage(app_id, stage, on=on)
    return app_id


def _search(t: Tracker) -> dict[str, int]:
    """Nine applications with known answers (see each comment)."""
    a = D(2026, 1, 2)
    return {
        "saved": _history(t),
        "silent": _history(t, ("Applied", a)),
        "rejected": _history(t, ("Applied", a), ("Rejected", D(2026, 1, 9))),
        "late_no": _history(t, ("Applied", a), ("Screening", D(2026, 1, 5)),
                            ("Interviewing", D(2026, 1, 12)), ("Rejected", D(2026, 1, 20))),
        "hired": _history(t, ("Applied", a), ("Screening", D(2026, 1, 5)),
                          ("Interviewing", D(2026, 1, 12)), ("Offer", D(2026, 2, 1)),
                          ("Accepted", D(2026, 2, 3))),
        "ghosted": _history(t, ("Applied", a), ("Ghosted", D(2026, 2, 1))),
        "withdrew": _history(t, ("Applied", a), ("Screening", D(2026, 1, 6)),
                             ("Interviewing", D(2026, 1, 10)), ("Offer", D(2026, 1, 20)),
                             ("Withdrawn", D(2026, 1, 25))),
        # Back to an earlier stage: Interviewing -> Screening, still open.
        "back": _history(t, ("Applied", a), ("Screening", D(2026, 1, 4)),
                         ("Interviewing", D(2026, 1, 8)), ("Screening", D(2026, 1, 15))),
        # Recorded out of order: Screening's event has a later id than Interviewing's but
        # an earlier date (a removed step put back by undo; older versions let a move
        # slot in like this). Insights go by date.
        "backfilled": _backfilled(t, a),
    }


def _backfilled(t: Tracker, applied: dt.date) -> int:
    app_id = _history(t, ("Applied", applied), ("Screening", D(2026, 1, 10)),
                      ("Interviewing", D(2026, 1, 20)))
    screening = next(e for e in t.get_application(app_id).events if e.to_stage == "Screening")
    t.undo_stage_event(screening.id)
    t.reinsert_stage_event(app_id, "Screening", D(2026, 1, 10))
    return app_id


def test_funnel_reaches_the_furthest_stage_ever(t: Tracker):
    _search(t)
    board = t.dashboard()
    assert board.total == 9
    assert [(s.stage, s.reached) for s in board.funnel] == [
        ("Saved", 9), ("Applied", 8), ("Screening", 5), ("Interviewing", 5), ("Offer", 2),
        ("Accepted", 1)]
    assert [s.rate for s in board.funnel] == [None, 8 / 9, 5 / 8, 1.0, 2 / 5, 1 / 2]


def test_response_rate_and_median_days_to_first_response(t: Tracker):
    _search(t)
    board = t.dashboard()
    # Answered: rejected (7 days), late_no (3), hired (3), withdrew (4), back (2),
    # backfilled (8: the back-filled Screening counts, not the later Interviewing).
    # Not answered: silent (still Applied) and ghosted.
    assert board.response_rate == 6 / 8
    assert board.median_days_to_response == 3.5


def test_days_in_stage_count_closed_stays_and_open_ones_to_today(t: Tracker):
    _search(t)
    board = t.dashboard()
    saved_alone = (TODAY - D(2026, 1, 1)).days
    assert saved_alone == 331
    # Applied: silent 330 (to today), rejected 7, late_no 3, hired 3, ghosted 30,
    # withdrew 4, back 2, backfilled 8 -> median of 2,3,3,4,7,8,30,330.
    # Screening: late_no 7, hired 7, withdrew 4, back 4 + 317 (two stays, one still open),
    # backfilled 10. Interviewing: 8, 20, 10, 7, backfilled 312 (open). Offer: 2, 5.
    assert board.days_in_stage == (("Saved", 1.0), ("Applied", 5.5), ("Screening", 7.0),
                                   ("Interviewing", 10.0), ("Offer", 3.5))


def test_sankey_follows_forward_stages_without_cycles(t: Tracker):
    _search(t)
    board = t.dashboard()
    assert board.sankey == (
        SankeyFlow("Applied", "Screening", 5),
        SankeyFlow("Applied", "Rejected", 1),
        SankeyFlow("Applied", "Ghosted", 1),
        SankeyFlow("Applied", NO_ANSWER, 1),
        SankeyFlow("Screening", "Interviewing", 4),  # "back" ends at Screening, where it is
        SankeyFlow("Interviewing", "Offer", 2),
        SankeyFlow("Interviewing", "Rejected", 1),
        SankeyFlow("Offer", "Accepted", 1),
        SankeyFlow("Offer", "Withdrawn", 1),
    )
    edges = {(f.source, f.target) for f in board.sankey}
    assert not any((target, source) in edges for source, target in edges)


def test_date_range_filters_by_applied_date_and_counts_every_week(t: Tracker):
    _search(t)  # all sent on 2026-01-02, saved on 2026-01-01
    board = t.dashboard(date_from=D(2026, 1, 1), date_to=D(2026, 1, 14))
    assert board.total == 9
    assert board.applied_per_week == (WeekCount(D(2025, 12, 29), 8),
                                      WeekCount(D(2026, 1, 5), 0),
                                      WeekCount(D(2026, 1, 12), 0))
    later = [t.add_application(ApplicationInput(title=f"Job {n}", company="Beta",
                                                applied_on=on))
             for n, on in enumerate([D(2026, 3, 2), D(2026, 3, 8), D(2026, 3, 9),
                                     D(2026, 3, 20)])]
    t.move_stage(later[1], "Screening", on=D(2026, 3, 12))
    march = t.dashboard(date_from=D(2026, 3, 1), date_to=D(2026, 3, 15))
    assert march.total == 3
    assert march.applied_per_week == (WeekCount(D(2026, 2, 23), 0),
                                      WeekCount(D(2026, 3, 2), 2),
                                      WeekCount(D(2026, 3, 9), 1))
    assert [(s.stage, s.reached) for s in march.funnel][:3] == [
        ("Saved", 3), ("Applied", 3), ("Screening", 1)]
    assert march.response_rate == 1 / 3
    assert march.median_days_to_response == 4.0
    assert march.sankey == (SankeyFlow("Applied", "Screening", 1),
                            SankeyFlow("Applied", NO_ANSWER, 2))
    everything = t.dashboard()
    assert everything.total == 13
    assert everything.applied_per_week[0] == WeekCount(D(2025, 12, 29), 8)
    assert everything.applied_per_week[-1].week_start == D(2026, 11, 23)
    assert sum(w.count for w in everything.applied_per_week) == 12
    with pytest.raises(ValidationError):
        t.dashboard(date_from=D(2026, 3, 2), date_to=D(2026, 3, 1))


def test_breakdowns_by_source_and_remote_policy(t: Tracker):
    for source, remote in [("LinkedIn", "remote"), ("LinkedIn", "hybrid"),
                           ("Referral", "remote"), (None, None), ("Company site", "onsite"),
                           ("Referral", None), ("LinkedIn", "remote")]:
        t.add_application(ApplicationInput(title="Dev", company="Acme", source=source,
                                           remote=remote, applied_on=D(2026, 5, 4)))
    board = t.dashboard()
    assert board.by_source == (("LinkedIn", 3), ("Referral", 2), ("Company site", 1),
                               ("Unknown", 1))
    assert board.by_remote == (("remote", 3), ("hybrid", 1), ("onsite", 1), ("Not stated", 2))


def test_trashed_applications_are_left_out(t: Tracker):
    ids = _search(t)
    t.delete_application(ids["hired"])
    board = t.dashboard()
    assert board.total == 8
    assert dict((s.stage, s.reached) for s in board.funnel)["Accepted"] == 0
    assert SankeyFlow("Offer", "Accepted", 1) not in board.sankey


def test_empty_database_gives_zeros(t: Tracker):
    board = t.dashboard()
    assert board.total == 0
    assert board.applied_per_week == ()
    assert all(step.reached == 0 and step.rate is None for step in board.funnel)
    assert board.response_rate is None and board.median_days_to_response is None
    assert board.days_in_stage == () and board.by_source == () and board.sankey == ()
    assert board.by_remote == (("remote", 0), ("hybrid", 0), ("onsite", 0), ("Not stated", 0))
    ranged = t.dashboard(date_from=D(2026, 11, 16), date_to=TODAY)
    assert ranged.applied_per_week == (WeekCount(D(2026, 11, 16), 0),
                                       WeekCount(D(2026, 11, 23), 0))
    today = t.today_list()
    assert today.overdue_follow_ups == today.upcoming_interviews == today.open_tasks == ()
    assert today.no_reply == ()


def test_demo_data_is_consistent(t: Tracker):
    populate(t, 500, seed=7)
    board = t.dashboard()
    assert board.total == 500
    applied = dict((s.stage, s.reached) for s in board.funnel)["Applied"]
    assert applied > 0
    assert sum(f.count for f in board.sankey if f.source == "Applied") == applied
    assert sum(w.count for w in board.applied_per_week) == applied
    inflow: Counter[str] = Counter()
    outflow: Counter[str] = Counter()
    for flow in board.sankey:
        inflow[flow.target] += flow.count
        outflow[flow.source] += flow.count
    for node, out in outflow.items():
        if node != "Applied":
            assert inflow[node] >= out, node
    assert board.response_rate is not None and 0 < board.response_rate < 1
    assert board.median_days_to_response is not None and board.median_days_to_response >= 0
    assert sum(n for _, n in board.by_source) == 500
    assert sum(n for _, n in board.by_remote) == 500
    reached = [s.reached for s in board.funnel]
    assert reached == sorted(reached, reverse=True)
    assert all(days >= 0 for _, days in board.days_in_stage)
    today = t.today_list()
    assert all(item.kind == "no_reply" for item in today.no_reply)


# -- Today -----------------------------------------------------------------------------------


def _at(day: int, hour: int, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


def test_today_list_contents_and_order(t: Tracker):
    def app(title: str, applied: dt.date | None, follow_up: dt.date | None = None) -> int:
        return t.add_application(ApplicationInput(title=title, company=f"{title} Inc",
                                                  applied_on=applied, follow_up_on=follow_up))

    silent = app("Silent", D(2026, 11, 1), follow_up=D(2026, 11, 20))
    recent = app("Recent", D(2026, 11, 20), follow_up=D(2026, 11, 25))
    due_today = app("Due today", D(2026, 11, 21), follow_up=TODAY)
    later = app("Later", D(2026, 11, 21), follow_up=D(2026, 12, 5))
    closed = app("Closed", D(2026, 10, 1), follow_up=D(2026, 11, 1))
    t.move_stage(closed, "Rejected", on=D(2026, 10, 15))
    waiting = app("Waiting", D(2026, 10, 1))
    saved = t.add_application(ApplicationInput(title="Saved", company="S"),
                              stage_on=D(2026, 9, 1))
    eighteen = app("Eighteen", D(2026, 11, 10))
    screening = app("Screening", D(2026, 10, 1))
    t.move_stage(screening, "Screening", on=D(2026, 10, 20))
    trashed = app("Trashed", D(2026, 10, 1), follow_up=D(2026, 11, 2))

    t.add_interview(waiting, InterviewInput(kind="Onsite", starts_at=_at(30, 10),
                                            location="Berlin office"))
    t.add_interview(recent, InterviewInput(kind="Video", starts_at=_at(2, 9, month=12),
                                           meeting_url="https://meet.example.com/x"))
    t.add_interview(recent, InterviewInput(kind="Final", starts_at=_at(10, 9, month=12)))
    t.add_interview(silent, InterviewInput(kind="Past", starts_at=_at(27, 9)))
    ongoing = t.add_interview(later, InterviewInput(kind="Now", starts_at=_at(28, 11),
                                                    duration_minutes=90))
    t.add_interview(eighteen, InterviewInput(kind="Off", starts_at=_at(29, 9),
                                             outcome="cancelled"))
    t.add_interview(trashed, InterviewInput(kind="Gone", starts_at=_at(29, 9)))

    overdue_task = t.add_task("Send portfolio", due_on=D(2026, 11, 20), application_id=silent)
    general = t.add_task("Update CV")
    soon = t.add_task("Prepare questions", due_on=D(2026, 12, 3), application_id=recent)
    t.add_task("Far away", due_on=D(2026, 12, 20))
    done = t.add_task("Done", due_on=D(2026, 11, 1))
    t.set_task_done(done)
    t.add_task("Of a trashed one", due_on=D(2026, 11, 27), application_id=trashed)
    t.delete_application(trashed)

    today = t.today_list()
    assert [(i.application_id, i.due, i.detail) for i in today.overdue_follow_ups] == [
        (silent, D(2026, 11, 20), "overdue by 8 days"),
        (recent, D(2026, 11, 25), "overdue by 3 days"),
        (due_today, TODAY, "due today")]
    first = today.overdue_follow_ups[0]
    assert (first.kind, first.company, first.title, first.stage) == (
        "follow_up", "Silent Inc", "Silent", "Applied")

    assert [(i.title, i.starts_at, i.detail) for i in today.upcoming_interviews] == [
        ("Later", _at(28, 11), "Now"),
        ("Waiting", _at(30, 10), "Onsite · Berlin office"),
        ("Recent", _at(2, 9, month=12), "Video · https://meet.example.com/x")]
    assert today.upcoming_interviews[0].interview_id == ongoing
    assert all(i.kind == "interview" for i in today.upcoming_interviews)

    assert [(i.task_id, i.title, i.due, i.application_id, i.detail) for i in today.open_tasks] \
        == [(overdue_task, "Send portfolio", D(2026, 11, 20), silent, "Silent"),
            (soon, "Prepare questions", D(2026, 12, 3), recent, "Recent"),
            (general, "Update CV", None, None, None)]

    # 21 days: Silent (27 days) and Screening (39 days); Waiting has an interview coming;
    # Saved never went out; Closed is closed; Eighteen is too recent.
    assert [(i.application_id, i.detail) for i in today.no_reply] == [
        (screening, "no stage change for 39 days"), (silent, "no stage change for 27 days")]
    assert today.no_reply[0].stage == "Screening" and today.no_reply[0].due == D(2026, 10, 20)
    shorter = t.today_list(no_reply_days=14, horizon_days=14)
    assert eighteen in {i.application_id for i in shorter.no_reply}
    assert saved not in {i.application_id for i in shorter.no_reply}
    assert "Final" in {i.detail for i in shorter.upcoming_interviews}
    assert "Far away" not in {i.title for i in shorter.open_tasks}
    with pytest.raises(ValidationError):
        t.today_list(no_reply_days=0)


def test_mark_ghosted_moves_to_ghosted_in_one_step(t: Tracker):
    app_id = t.add_application(ApplicationInput(title="Dev", company="Quiet",
                                                applied_on=D(2026, 10, 1)))
    assert [i.application_id for i in t.today_list().no_reply] == [app_id]
    event_id = t.mark_ghosted(app_id)
    detail = t.get_application(app_id)
    assert detail.stage == "Ghosted" and detail.last_change == TODAY
    assert detail.events[-1].id == event_id
    assert t.today_list().no_reply == ()
    board = t.dashboard()
    assert board.response_rate == 0.0
    assert board.sankey == (SankeyFlow("Applied", "Ghosted", 1),)

    # Renamed stage: the last lost stage is used; the date can be given.
    t.rename_stage("Ghosted", "No reply")
    other = t.add_application(ApplicationInput(title="Dev 2", company="Quiet",
                                               applied_on=D(2026, 10, 1)))
    t.mark_ghosted(other, on=D(2026, 11, 1))
    detail = t.get_application(other)
    assert detail.stage == "No reply" and detail.last_change == D(2026, 11, 1)
    assert t.dashboard().response_rate == 0.0
