"""Finding applications a new posting may duplicate: same posting URL, or same job."""

from __future__ import annotations

import datetime as dt

from jobtracker.tracker import ApplicationInput
from jobtracker.tracker.duplicates import DuplicatesMixin, canonical_url, posting_key


def find(tracker, url, company, title):
    return DuplicatesMixin.find_duplicates(tracker, url, company, title)


def test_canonical_url_drops_tracking_fragment_and_trailing_slash():
    assert canonical_url("HTTP://WWW.Example.com/jobs/42/?utm_source=x&b=2&a=1#apply") == \
        "https://example.com/jobs/42?a=1&b=2"
    assert canonical_url(None) is None and canonical_url("not a url") is None


def test_ats_job_ids_make_one_key_for_page_apply_and_api_urls():
    assert posting_key("https://boards.greenhouse.io/vercel/jobs/6136160004") == \
        posting_key("https://job-boards.greenhouse.io/vercel/jobs/6136160004?gh_src=li") == \
        "greenhouse:6136160004"
    uuid = "2193db3f-77c5-43b8-b030-8f92c9882bf1"
    assert posting_key(f"https://jobs.lever.co/spotify/{uuid}") == \
        posting_key(f"https://jobs.lever.co/spotify/{uuid}/apply") == f"lever:{uuid}"
    assert posting_key("https://br.linkedin.com/jobs/view/senior-engineer-at-kraken-4465923787"
                       "?position=1&refId=x") == "linkedin:4465923787"


def test_same_posting_url_and_similar_title_are_found(tracker):
    applied = tracker.add_application(ApplicationInput(
        title="Account Executive, Commercial", company="Vercel",
        url="https://job-boards.greenhouse.io/vercel/jobs/6136160004?utm_medium=email",
        applied_on=dt.date(2026, 3, 3)))
    similar = tracker.add_application(ApplicationInput(
        title="Commercial Account Executive", company="VERCEL"))
    tracker.add_application(ApplicationInput(title="Staff Engineer", company="Vercel"))
    tracker.add_application(ApplicationInput(title="Account Executive, Commercial",
                                             company="Other Corp"))
    rows = find(tracker, "https://boards.greenhouse.io/vercel/jobs/6136160004", "vercel",
                "Account Executive, Commercial")
    assert [(r.id, r.reason) for r in rows] == [
        (applied, "same posting"), (similar, "similar title at the same company")]
    assert rows[0].applied_on == dt.date(2026, 3, 3)
    assert rows[0].stage == "Applied" and rows[0].company == "Vercel"


def test_trashed_and_unrelated_applications_are_not_duplicates(tracker):
    gone = tracker.add_application(ApplicationInput(
        title="Baker", company="Bread Co", url="https://bread.example/jobs/1"))
    tracker.delete_application(gone)
    assert find(tracker, "https://bread.example/jobs/1", "Bread Co", "Baker") == []
    assert find(tracker, None, "", "") == []


def test_unicode_company_names_compare_without_case(tracker):
    app = tracker.add_application(ApplicationInput(title="Développeur Python",
                                                   company="Économie Ouverte"))
    rows = find(tracker, None, "économie ouverte", "Developpeur Python")
    assert [r.id for r in rows] == [app]
