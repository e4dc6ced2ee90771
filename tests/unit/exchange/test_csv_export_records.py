"""The fast whole-file CSV path writes exactly what ``write_csv`` writes for the same data."""

from __future__ import annotations

import datetime as dt
import io

from jobtracker.demo import populate
from jobtracker.exchange.csv_export import write_csv, write_records
from jobtracker.tracker import ApplicationInput, InterviewInput, SortKey, Tracker


def _both(tracker: Tracker, *, excel: bool = False) -> tuple[str, str]:
    slow, fast = io.StringIO(newline=""), io.StringIO(newline="")
    write_csv(tracker.iter_applications(sort=SortKey.ID, descending=False), slow, excel=excel,
              extras=tracker.export_extras)
    write_records(tracker.iter_export_records(), fast, excel=excel)
    return slow.getvalue(), fast.getvalue()


def test_same_file_as_write_csv_on_realistic_and_awkward_data(tracker: Tracker) -> None:
    populate(tracker, 300, seed=3)
    awkward = tracker.add_application(ApplicationInput(
        title='=HYPERLINK("http://x")', company="-Minus Corp", location="@home, \"quoted\"",
        salary_min=6250, salary_max=6250, salary_currency="EUR", salary_period="hour",
        tags=("Zebra", "älpha", "beta", "+plus"), url="https://example.com/a?b=1",
        source="\tTabbed", follow_up_on=dt.date(2026, 12, 1), applied_on=dt.date(2026, 11, 2),
        stage="Applied"))
    tracker.add_interview(awkward, InterviewInput(
        kind="onsite", starts_at=dt.datetime(2026, 12, 3, 9, 15, tzinfo=dt.UTC)))
    tracker.add_interview(awkward, InterviewInput(
        kind="phone", starts_at=dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)))  # past: not next
    tracker.add_note(awkward, "line one\nline two")
    yen = tracker.add_application(ApplicationInput(
        title="Engineer", company="Tokyo KK", salary_min=9000000, salary_currency="JPY",
        salary_period="year"))
    gone = tracker.add_application(ApplicationInput(title="Trashed", company="Gone Inc"))
    tracker.delete_application(gone)

    slow, fast = _both(tracker)
    assert fast == slow
    assert fast.count("\r\n") >= 302  # header + 300 demo + 2, trash left out
    assert "Trashed" not in fast and "'=HYPERLINK" in fast and str(yen) in fast
    slow_excel, fast_excel = _both(tracker, excel=True)
    assert fast_excel == slow_excel and fast_excel.startswith("\ufeff")


def test_empty_database_is_just_the_header(tracker: Tracker) -> None:
    slow, fast = _both(tracker)
    assert fast == slow and fast.count("\r\n") == 1
