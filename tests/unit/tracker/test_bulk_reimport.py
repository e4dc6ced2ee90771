"""Bulk import skips what is already tracked: by posting URL, or by the same job."""

import datetime as dt

import pytest

from jobtracker.tracker import ApplicationInput, ApplicationRecord, Tracker
from jobtracker.tracker.bulk import posting_url_key


@pytest.mark.parametrize(("a", "b", "same"), [
    ("https://jobs.example.com/a/1", "HTTPS://Jobs.Example.COM/a/1/", True),
    ("https://jobs.example.com/a/1?x=1", "https://jobs.example.com/a/1/?x=1", True),
    ("https://jobs.example.com/a/1", "https://jobs.example.com/A/1", False),  # paths keep case
    ("https://jobs.example.com/a/1?id=1", "https://jobs.example.com/a/1?id=2", False),
])
def test_posting_urls_compare_by_scheme_and_host_in_any_case_and_no_trailing_slash(a, b, same):
    assert (posting_url_key(a) == posting_url_key(b)) is same


def _record(title: str, company: str = "Acme", url: str | None = None,
            applied: dt.date | None = None) -> ApplicationRecord:
    return ApplicationRecord(ApplicationInput(title=title, company=company, url=url,
                                              applied_on=applied))


def test_records_already_tracked_are_skipped_trash_included(tracker: Tracker):
    tracker.add_application(ApplicationInput(title="Engineer", company="Acme",
                                             applied_on=dt.date(2026, 11, 2)))
    trashed = tracker.add_application(ApplicationInput(
        title="SRE", company="Globex", url="https://jobs.example.com/globex/7"))
    tracker.delete_application(trashed)

    result = tracker.import_new_records([
        _record("engineer", "ACME", applied=dt.date(2026, 11, 2)),  # same job
        _record("Engineer", "Acme", applied=dt.date(2026, 11, 3)),  # another date: new
        _record("Site Reliability", "Globex", url="https://JOBS.example.com/globex/7/"),
        _record("Engineer", "Acme"),  # no applied date where the tracked one has one: new
    ])

    assert result.already_tracked == [1, 3]
    assert len(result.ids) == 2
    assert tracker.count_applications() == 3


def test_a_dry_run_counts_the_same_and_saves_nothing(tracker: Tracker):
    tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    result = tracker.import_new_records([_record("Engineer"), _record("Other")], dry_run=True)
    assert (len(result.ids), result.already_tracked) == (1, [1])
    assert tracker.count_applications() == 1


def test_import_records_still_imports_everything(tracker: Tracker):
    tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    assert len(tracker.import_records([_record("Engineer"), _record("Engineer")])) == 2
    assert tracker.count_applications() == 3
