"""The demo data: deterministic, realistic, consistent, and importable in bulk."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import subprocess
import sys
import zoneinfo
from collections import Counter
from pathlib import Path

import pytest

from jobtracker import demo
from jobtracker.db import open_database
from jobtracker.demo import generate, populate
from jobtracker.tracker import ApplicationDetail, ApplicationFilter, ApplicationRecord, Tracker
from tests.db_files import db_with, titles

# The fixed clock of tests/conftest.py (checked below), for the module-wide sample.
TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
OPEN = {"Saved", "Applied", "Screening", "Interviewing", "Offer"}
FUNNEL = ["Applied", "Screening", "Interviewing", "Offer", "Accepted"]


@pytest.fixture(scope="module")
def records() -> list[ApplicationRecord]:
    return list(generate(3000, today=TODAY, seed=11, now=NOW))


def reached(record: ApplicationRecord) -> set[str]:
    return {stage for stage, _ in record.events}


def local_day(starts_at: dt.datetime, zone: str | None) -> dt.date:
    return starts_at.astimezone(zoneinfo.ZoneInfo(zone or "UTC")).date()


# -- determinism ---------------------------------------------------------------------------


def test_same_seed_same_records() -> None:
    first = list(generate(150, today=TODAY, seed=3))
    assert first == list(generate(150, today=TODAY, seed=3))
    assert first != list(generate(150, today=TODAY, seed=4))


def test_leaves_the_global_random_generator_alone() -> None:
    random.seed(1234)
    state = random.getstate()
    list(generate(50, today=TODAY))
    assert random.getstate() == state


def test_count_is_exact() -> None:
    assert list(generate(0, today=TODAY)) == []
    assert len(list(generate(1, today=TODAY))) == 1
    assert len(list(generate(37, today=TODAY))) == 37
    with pytest.raises(ValueError, match="negative"):
        list(generate(-1, today=TODAY))


# -- each record is valid and consistent ------------------------------------------------------


def test_every_record_passes_validation(records: list[ApplicationRecord]) -> None:
    for record in records:
        draft = record.application.validated()
        assert draft.stage == record.events[-1][0]
        assert 1 <= draft.priority <= 5
        assert draft.url is None or draft.url.startswith("https://jobs.example.com/")


def test_events_are_chronological_and_never_in_the_future(
        records: list[ApplicationRecord]) -> None:
    for record in records:
        days = [on for _, on in record.events]
        assert days == sorted(days)
        assert len(set(days)) == len(days), record.events  # one change per day at most
        assert days[-1] <= TODAY
        assert days[0] >= TODAY - dt.timedelta(days=demo.SEARCH_DAYS + 15)
        names = [stage for stage, _ in record.events]
        assert len(set(names)) == len(names)
        assert names[0] in {"Saved", "Applied"}
        # Only the last stage may be a closing one.
        assert all(name in OPEN for name in names[:-1])


def test_every_stage_name_exists(tracker: Tracker, records: list[ApplicationRecord]) -> None:
    names = {stage.name for stage in tracker.stages()}
    used = {stage for record in records for stage, _ in record.events}
    assert used <= names
    assert set(demo.STAGE_NAMES) == names


def test_applied_date_matches_history(records: list[ApplicationRecord]) -> None:
    for record in records:
        applied = [on for stage, on in record.events if stage == "Applied"]
        assert record.application.applied_on == (applied[0] if applied else None)
        if "Applied" not in reached(record):
            assert reached(record) <= {"Saved", "Withdrawn"}


def test_ghosted_means_a_month_of_silence(records: list[ApplicationRecord]) -> None:
    for record in records:
        if record.events[-1][0] == "Ghosted":
            (_, before), (_, ghosted) = record.events[-2:]
            assert (ghosted - before).days >= demo.GHOSTED_AFTER


def test_salaries_have_currency_and_period(records: list[ApplicationRecord]) -> None:
    periods: Counter[str] = Counter()
    for record in records:
        draft = record.application
        if draft.salary_min is None:
            assert draft.salary_max is None and draft.salary_currency is None
            continue
        assert draft.salary_max is not None and draft.salary_min <= draft.salary_max
        assert draft.salary_currency in {"USD", "EUR", "GBP", "CHF", "SEK"}
        periods[str(draft.salary_period)] += 1
        if draft.salary_period == "year":
            assert draft.salary_min >= 40_000_00
        if draft.salary_period == "hour":
            assert draft.employment_type in {"contract", "temporary"}
            assert draft.salary_min % 250 == 0  # quarter-hour rates like 62.50
    assert periods.most_common(1)[0][0] == "year"
    assert periods["hour"] > 0 and periods["day"] > 0
    assert sum(periods.values()) > 0.6 * len(records)


def test_companies_are_about_one_per_eight_applications() -> None:
    records = list(generate(800, today=TODAY, seed=5))
    names = {record.application.company for record in records}
    assert 60 <= len(names) <= 100
    assert len({name.casefold() for name in names}) == len(names)
    assert all(" " in name for name in names)


def test_follow_ups_only_on_open_applications(records: list[ApplicationRecord]) -> None:
    with_follow_up = [r for r in records if r.application.follow_up_on is not None]
    assert with_follow_up
    for record in with_follow_up:
        assert record.events[-1][0] in OPEN
        assert record.application.follow_up_on is not None
        assert record.application.follow_up_on > record.events[-1][1]


def test_notes_are_markdown_and_dated_within_the_history(
        records: list[ApplicationRecord]) -> None:
    with_notes = [r for r in records if r.notes]
    assert 0.3 < len(with_notes) / len(records) < 0.8
    bodies = "\n".join(body for r in with_notes for body, _ in r.notes)
    assert "**" in bodies and "\n- " in bodies and "](https://" in bodies
    for record in with_notes:
        assert record.created_at is not None
        for body, written in record.notes:
            assert body.strip()
            assert written is not None and written.tzinfo is not None
            assert record.created_at <= written <= NOW
            assert record.events[0][1] <= written.date() <= TODAY


def test_each_note_belongs_to_something_that_happened(records: list[ApplicationRecord]) -> None:
    for record in records:
        stages = dict(record.events)
        event_days = set(stages.values())
        ends = {i.kind: i.starts_at + dt.timedelta(minutes=i.duration_minutes or 0)
                for i in record.interviews}
        for body, written in record.notes:
            assert written is not None
            if body.startswith("Rejection email"):
                assert written.date() == stages["Rejected"]
            elif body.startswith("**Offer received"):
                assert written.date() == stages["Offer"]
            elif body.startswith("Recruiter call"):
                assert ends["Phone screen"] < written < ends["Phone screen"] + dt.timedelta(
                    hours=3)
            elif body.startswith("**"):  # a debrief: "**Technical** with ..."
                kind = body[2:body.index("**", 2)]
                assert ends[kind] < written < ends[kind] + dt.timedelta(hours=3)
            else:
                assert written.date() in event_days, (body, record.events)


# -- the funnel --------------------------------------------------------------------------------


def test_funnel_is_plausible(records: list[ApplicationRecord]) -> None:
    total = len(records)
    counts = Counter(stage for record in records for stage in reached(record))
    final = Counter(record.events[-1][0] for record in records)
    assert 0.10 <= final["Saved"] / total <= 0.20
    steps = [counts[stage] for stage in FUNNEL]
    assert steps == sorted(steps, reverse=True) and steps[-1] < steps[0]
    assert 0.75 <= counts["Applied"] / total <= 0.90
    assert 0.15 <= counts["Screening"] / counts["Applied"] <= 0.35
    assert 0.35 <= counts["Interviewing"] / counts["Screening"] <= 0.65
    assert 0.10 <= counts["Offer"] / counts["Interviewing"] <= 0.35
    assert counts["Accepted"] <= 0.01 * total  # one or two per few hundred at most
    for outcome in ("Rejected", "Ghosted", "Withdrawn", "Declined"):
        assert final[outcome] > 0, outcome
    assert final["Rejected"] + final["Ghosted"] > 0.5 * total
    # Recent applications are still waiting.
    assert final["Applied"] > 0 and final["Screening"] + final["Interviewing"] > 0


def test_applications_follow_a_weekly_rhythm(records: list[ApplicationRecord]) -> None:
    applied = [r.application.applied_on for r in records if r.application.applied_on]
    weekdays = Counter(day.weekday() for day in applied)
    assert weekdays[0] > weekdays[4] > weekdays[5]  # Monday busiest, Saturday quietest
    months = Counter((day.year, day.month) for day in applied)
    assert len(months) >= 12  # spread over the whole year


# -- interviews -------------------------------------------------------------------------------


def test_interviews_are_consistent_with_events(records: list[ApplicationRecord]) -> None:
    kinds: Counter[str] = Counter()
    upcoming = 0
    for record in records:
        stages = dict(record.events)
        ended = record.events[-1][0] not in OPEN
        previous: dt.datetime | None = None
        for interview in record.interviews:
            kinds[interview.kind] += 1
            assert interview.validated() == interview
            assert interview.starts_at.tzinfo is not None
            assert interview.starts_at.utcoffset() == dt.timedelta(0)
            assert interview.timezone
            day = local_day(interview.starts_at, interview.timezone)
            assert day.weekday() < 5
            needed = "Screening" if interview.kind == "Phone screen" else "Interviewing"
            assert needed in stages, (record.events, interview)
            assert day > stages[needed]
            assert previous is None or interview.starts_at > previous
            previous = interview.starts_at
            if ended:
                assert day < record.events[-1][1]
            if interview.outcome != "pending":
                assert day < TODAY
            if interview.starts_at > NOW:
                upcoming += 1
                assert not ended and interview.outcome == "pending"
                assert interview.starts_at < NOW + dt.timedelta(days=demo.UPCOMING_DAYS + 1)
        # Rounds are booked one at a time: only the last one can still be open.
        assert all(i.outcome != "pending" for i in record.interviews[:-1])
        if "Screening" in stages and stages["Screening"] < TODAY - dt.timedelta(days=7):
            assert record.interviews and record.interviews[0].kind == "Phone screen"
        if "Screening" not in stages:
            assert not record.interviews
        if "Offer" in stages:
            assert all(i.outcome == "passed" for i in record.interviews)
    assert set(kinds) == {"Phone screen", "Technical", "System design", "Hiring manager",
                          "Onsite"}
    assert upcoming > 0


def test_interview_outcomes_match_the_ending(records: list[ApplicationRecord]) -> None:
    outcomes = Counter(i.outcome for r in records for i in r.interviews)
    assert {"passed", "failed", "pending"} <= set(outcomes)
    for record in records:
        if record.interviews and record.interviews[-1].outcome == "failed":
            assert record.events[-1][0] == "Rejected"


# -- into a real database ----------------------------------------------------------------------


def test_populate_fills_a_database(tracker: Tracker) -> None:
    assert populate(tracker, 300, seed=2) == 300
    assert tracker.count_applications() == 300
    stats = tracker.stats()
    assert stats.total == 300
    funnel = {step.stage: step.reached for step in stats.funnel}
    assert [step.stage for step in stats.funnel] == ["Saved", *FUNNEL]
    reached_counts = [step.reached for step in stats.funnel]
    assert reached_counts == sorted(reached_counts, reverse=True)
    assert funnel["Saved"] == 300
    assert 0.75 * 300 <= funnel["Applied"] < 300
    assert 0 < funnel["Screening"] < 0.4 * funnel["Applied"]
    assert 0 < funnel["Interviewing"] < funnel["Screening"]
    assert funnel["Accepted"] <= 3
    assert stats.by_kind["lost"] > stats.by_kind["open"] > 0


def test_populated_data_is_searchable(tracker: Tracker) -> None:
    populate(tracker, 300, seed=2)
    assert tracker.search_ids("backend engineer")
    row = tracker.list_applications(limit=1)[0]
    company = row.company.split()[0]
    assert tracker.count_applications(ApplicationFilter(search=company)) >= 1
    assert row.id in tracker.search_ids(row.company)
    # Notes are indexed too: every applied-via note names its source.
    assert tracker.search_ids("resume")


def test_populated_history_round_trips(tracker: Tracker) -> None:
    records = list(generate(300, today=TODAY, seed=2, now=NOW))
    populate(tracker, 300, seed=2)
    rows = {(r.company, r.title, r.applied_on, r.stage): r.id
            for r in tracker.list_applications()}
    record = next(r for r in records if len(r.interviews) >= 3 and r.notes)
    app = record.application
    detail = tracker.get_application(rows[(app.company, app.title, app.applied_on,
                                           record.events[-1][0])])
    assert [(e.to_stage, e.occurred_on) for e in detail.events] == list(record.events)
    assert [i.starts_at for i in detail.interviews] == [i.starts_at for i in record.interviews]
    assert [n.body for n in detail.notes] == [body for body, _ in record.notes]
    assert detail.created_at == record.created_at
    assert detail.salary_min == app.salary_min and detail.salary_currency == app.salary_currency


def test_populate_in_small_batches_and_twice(tracker: Tracker) -> None:
    assert populate(tracker, 120, seed=9, batch=50) == 120
    assert populate(tracker, 30, seed=9, batch=7) == 30
    assert tracker.count_applications() == 150
    assert populate(tracker, 0) == 0
    with pytest.raises(ValueError, match="batch"):
        populate(tracker, 5, batch=0)


def test_populate_uses_the_trackers_clock(tracker: Tracker) -> None:
    assert (tracker.today(), tracker.now()) == (TODAY, NOW)
    populate(tracker, 200)
    latest = max(row.last_change for row in tracker.list_applications())
    assert latest <= TODAY
    assert tracker.list_applications(limit=1)[0].last_change >= TODAY - dt.timedelta(days=7)


# -- every view and export has something to show ----------------------------------


def test_interviewers_are_people_with_names(records: list[ApplicationRecord]) -> None:
    # Names alone, as picking contacts in the interview dialog writes them: populate
    # saves the same people as contacts, so the two must match exactly.
    names = [name for r in records for i in r.interviews
             for name in (i.interviewers or "").split(", ")]
    assert names and all(len(name.split()) == 2 and "(" not in name for name in names)
    # A company's staff is a small, stable roster: a second application there meets
    # some of the same people.
    by_company: dict[str, set[str]] = {}
    for record in records:
        for interview in record.interviews:
            by_company.setdefault(record.application.company, set()).update(
                (interview.interviewers or "").split(", "))
    assert max(len(people) for people in by_company.values()) <= 7


def test_follow_ups_are_a_handful_not_a_backlog(records: list[ApplicationRecord]) -> None:
    # Before: 40 % of open applications carried one, most long overdue (hundreds in
    # Today at a few thousand applications). A tracker kept up to date has only
    # recent ones: overdue by a week at most, or still ahead.
    due = [r.application.follow_up_on for r in records if r.application.follow_up_on]
    assert due
    assert all(day >= TODAY - dt.timedelta(days=demo.FOLLOW_UP_SLACK) for day in due)
    overdue = [day for day in due if day <= TODAY]
    assert 0 < len(overdue) <= 0.03 * len(records)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_the_present_is_busy_for_any_seed(seed: int) -> None:
    # Whatever the seed: something in each open stage and an interview ahead, so
    # the board, Today and the calendar show the search at work.
    records = list(generate(150, today=TODAY, seed=seed, now=NOW))
    final = Counter(record.events[-1][0] for record in records)
    assert final["Screening"] and final["Interviewing"] and final["Offer"]
    ahead = [i for r in records for i in r.interviews
             if NOW < i.starts_at < NOW + dt.timedelta(days=demo.UPCOMING_DAYS)]
    assert ahead


@pytest.fixture
def sample(tracker: Tracker) -> Tracker:
    """The default sample: 200 applications, seed 0, on the tests' fixed clock."""
    assert populate(tracker, 200, seed=0) == 200
    return tracker


def _details(tracker: Tracker) -> list[ApplicationDetail]:
    return [tracker.get_application(row.id) for row in tracker.list_applications()]


def test_sample_has_contacts_linked_to_applications_and_interviews(sample: Tracker) -> None:
    contacts = sample.list_contacts()
    assert 20 <= len(contacts) <= 120
    details = _details(sample)
    linked = {c.id for d in details for c in d.contacts}
    assert linked == {c.id for c in contacts}  # nobody floats free of the search
    # vCards worth exporting: addresses and phone numbers (invented, reserved ranges).
    assert sum(1 for c in contacts if c.email) >= len(contacts) / 2
    assert all(c.email.endswith(".example") for c in contacts if c.email)
    assert sum(1 for c in contacts if c.phone and c.phone.startswith("+")) >= 10
    assert any(c.notes for c in contacts) and any(c.role for c in contacts)
    # Interviewers are the application's linked contacts, by name.
    matched = 0
    for detail in details:
        names = {c.name for c in detail.contacts}
        for interview in detail.interviews:
            people = set((interview.interviewers or "").split(", ")) - {""}
            if people and people <= names:
                matched += 1
    assert matched >= 20
    # A recruiter met twice is one contact, linked to both applications.
    links = Counter(c.id for d in details for c in d.contacts)
    assert len(links) == len(contacts)


def test_sample_has_tasks_due_overdue_and_done(sample: Tracker) -> None:
    tasks = [t for d in _details(sample) for t in d.tasks]
    general = [t for t in sample.open_tasks() if t.application_id is None]
    opened = sample.open_tasks()
    done = [e for e in sample.calendar_entries() if e.entry == "task" and e.done_at]
    assert 8 <= len(tasks) + len(general) <= 40
    assert tasks and general  # for applications and for the search itself
    assert any(t.due_on and t.due_on < TODAY for t in opened)  # overdue
    assert any(t.due_on and TODAY <= t.due_on <= TODAY + dt.timedelta(days=7)
               for t in opened)  # due soon
    assert any(t.due_on is None for t in opened)
    assert done and all(t.done_at is not None for t in tasks if t not in opened)


def test_sample_documents_are_stored_by_content_and_readable(sample: Tracker) -> None:
    details = _details(sample)
    documents = [doc for d in details for doc in d.documents]
    roles = Counter(doc.role for doc in documents)
    applied = [d for d in details if d.applied_on is not None]
    with_resume = [d for d in applied if any(doc.role == "resume" for doc in d.documents)]
    assert len(with_resume) >= 20 and roles["cover_letter"] >= 5
    assert all(d.applied_on is not None for d in details if d.documents)  # never unsent
    # One resume a year, stored once however many applications it went with.
    resumes = {doc.sha256 for doc in documents if doc.role == "resume"}
    assert len(resumes) <= 2 < len(with_resume)
    for doc in {doc.sha256: doc for doc in documents}.values():
        data = sample.document_path(doc.sha256).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc.sha256
        assert len(data) == doc.size_bytes
        if doc.filename.endswith(".pdf"):
            assert doc.media_type == "application/pdf"
            assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
            # The cross-reference table points at each object, as readers check.
            start = int(data.rsplit(b"startxref\n", 1)[1].split()[0])
            assert data[start:].startswith(b"xref")
            offsets = [int(line[:10]) for line in data[start:].split(b"\n")[3:8]]
            assert all(data[o:].startswith(b"%d 0 obj" % n) for n, o in enumerate(offsets, 1))
        else:
            assert doc.filename.startswith("cover-letter-") and b"Dear " in data


def test_sample_archives_postings_as_import_url_does(sample: Tracker) -> None:
    details = _details(sample)
    archived = [d for d in details if d.snapshots]
    assert len(archived) >= 10
    for detail in archived:
        (snapshot,) = sample.posting_snapshots(detail.id)
        assert snapshot.source_url == detail.url
        assert snapshot.http_status == 200 and snapshot.extractor == "json-ld"
        assert snapshot.fetched_at.tzinfo is not None and snapshot.fetched_at <= NOW
        assert snapshot.description_html and snapshot.description_text
        # Sanitised as an imported page is: the page's script and handler are gone.
        assert "<script" not in snapshot.description_html
        assert "onclick" not in snapshot.description_html
        assert "<li>" in snapshot.description_html and detail.title in snapshot.description_text


def test_sample_today_shows_a_handful_of_everything(sample: Tracker) -> None:
    today = sample.today_list()
    assert 1 <= len(today.overdue_follow_ups) <= 10
    assert today.upcoming_interviews and today.open_tasks
    entries = sample.calendar_entries()
    ahead = [e for e in entries if e.entry == "interview" and e.starts_at is not None
             and NOW <= e.starts_at <= NOW + dt.timedelta(days=14)]
    assert ahead
    assert any(e.entry == "task" and e.due_on for e in entries)
    stages = Counter(row.stage for row in sample.list_applications())
    for stage in ("Saved", "Applied", "Screening", "Interviewing", "Offer", "Rejected",
                  "Withdrawn", "Declined", "Ghosted"):
        assert stages[stage] >= 1, stage
    assert stages["Offer"] <= 3 and stages["Accepted"] <= 2
    notes = [n.body for d in _details(sample) for n in d.notes]
    assert any("\n- " in body for body in notes) and any("](https://" in body for body in notes)


def test_sample_is_the_same_every_time(sample: Tracker, tmp_path: Path,
                                       migrated_template: Path) -> None:
    other_path = tmp_path / "other" / "jobtracker.db"
    other_path.parent.mkdir()
    shutil.copyfile(migrated_template, other_path)
    with Tracker(open_database(other_path), today=lambda: TODAY, now=lambda: NOW) as other:
        populate(other, 200, seed=0)
        assert other.list_contacts() == sample.list_contacts()
        assert other.open_tasks() == sample.open_tasks()
        assert _details(other) == _details(sample)


def test_populating_again_adds_no_second_to_do_list(sample: Tracker) -> None:
    before = [t.title for t in sample.open_tasks() if t.application_id is None]
    populate(sample, 20, seed=0)
    assert [t.title for t in sample.open_tasks() if t.application_id is None] == before


# -- `jobtracker demo`, run as a real process -------------------------------------------------


def _jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})


def test_demo_fills_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    result = _jt(path, "demo", "--count", "5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"5 sample applications added to {path}"
    assert len(titles(path)) == 5


@pytest.mark.parametrize(("trash", "held"), [
    (False, "holds 2 applications;"), (True, "holds 2 applications (1 in the trash);"),
])
def test_demo_does_not_mix_into_real_applications(db_path: Path, migrated_template: Path,
                                                  trash: bool, held: str) -> None:
    db_with(db_path, migrated_template, "Mine", "Also mine")
    if trash:
        with Tracker.open(db_path) as tracker:
            tracker.delete_application(2)
    result = _jt(db_path, "demo", "--count", "5")
    assert result.returncode == 1
    assert result.stderr == (
        f"jobtracker: error: {db_path} already {held} sample data would mix with them. "
        "Try it in a new file (--db jobtracker-demo.db), or add --force\n")
    assert titles(db_path) == ["Mine", "Also mine"]


def test_demo_counts_an_application_only_in_the_trash(db_path: Path,
                                                      migrated_template: Path) -> None:
    db_with(db_path, migrated_template, "Trashed")
    with Tracker.open(db_path) as tracker:
        tracker.delete_application(1)
    result = _jt(db_path, "demo", "--count", "5")
    assert result.returncode == 1
    assert "holds 1 application (1 in the trash);" in result.stderr
    assert titles(db_path) == ["Trashed"]


def test_demo_force_adds_to_real_applications(db_path: Path, migrated_template: Path) -> None:
    db_with(db_path, migrated_template, "Mine")
    result = _jt(db_path, "demo", "--count", "5", "--force")
    assert result.returncode == 0, result.stderr
    assert len(titles(db_path)) == 6 and titles(db_path)[0] == "Mine"


def test_demo_data_exports_to_calendar_and_contacts(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert _jt(path, "demo", "--count", "200").returncode == 0
    ics, vcf = tmp_path / "search.ics", tmp_path / "people.vcf"
    for kind, target in (("ics", ics), ("vcard", vcf)):
        result = _jt(path, "export", kind, "-o", str(target))
        assert result.returncode == 0, result.stderr
    calendar = ics.read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") >= 20 and calendar.count("BEGIN:VTODO") >= 5
    cards = vcf.read_bytes().decode()  # read_text would turn the CRLF line ends into LF
    assert cards.count("BEGIN:VCARD") >= 20
    assert "\r\nEMAIL" in cards and "\r\nTEL" in cards and "\r\nORG:" in cards
