"""ATS posting URLs map to their public JSON API calls (pure, no network)."""

from __future__ import annotations

import pytest

from jobtracker.importers import api_call
from jobtracker.importers.normalise import (
    employment_type,
    parse_date,
    salary_from_text,
    split_policy,
)

UUID = "2193db3f-77c5-43b8-b030-8f92c9882bf1"


@pytest.mark.parametrize(("url", "ats", "api", "job"), [
    ("https://boards.greenhouse.io/vercel/jobs/6136160004", "greenhouse",
     "https://boards-api.greenhouse.io/v1/boards/vercel/jobs/6136160004?pay_transparency=true",
     "6136160004"),
    ("https://job-boards.greenhouse.io/vercel/jobs/6136160004?gh_src=abc#app", "greenhouse",
     "https://boards-api.greenhouse.io/v1/boards/vercel/jobs/6136160004?pay_transparency=true",
     "6136160004"),
    ("https://boards.greenhouse.io/embed/job_app?for=vercel&token=123456", "greenhouse",
     "https://boards-api.greenhouse.io/v1/boards/vercel/jobs/123456?pay_transparency=true",
     "123456"),
    (f"https://jobs.lever.co/spotify/{UUID}", "lever",
     f"https://api.lever.co/v0/postings/spotify/{UUID}", UUID),
    (f"https://jobs.lever.co/spotify/{UUID}/apply?lever-source=x", "lever",
     f"https://api.lever.co/v0/postings/spotify/{UUID}", UUID),
    (f"https://jobs.eu.lever.co/acme/{UUID}", "lever",
     f"https://api.eu.lever.co/v0/postings/acme/{UUID}", UUID),
    (f"https://jobs.ashbyhq.com/linear/{UUID}", "ashby",
     "https://api.ashbyhq.com/posting-api/job-board/linear?includeCompensation=true", UUID),
    (f"https://jobs.ashbyhq.com/linear/{UUID}/application", "ashby",
     "https://api.ashbyhq.com/posting-api/job-board/linear?includeCompensation=true", UUID),
    ("https://apply.workable.com/acme/j/AB12CD34EF/", "workable",
     "https://apply.workable.com/api/v2/accounts/acme/jobs/AB12CD34EF", "AB12CD34EF"),
    ("https://jobs.smartrecruiters.com/Ubisoft2/744000151912444-specialiste-fiabilite",
     "smartrecruiters",
     "https://api.smartrecruiters.com/v1/companies/Ubisoft2/postings/744000151912444",
     "744000151912444"),
    ("https://channable.recruitee.com/o/customer-success-manager", "recruitee",
     "https://channable.recruitee.com/api/offers/customer-success-manager",
     "customer-success-manager"),
])
def test_posting_urls_map_to_api_calls(url, ats, api, job):
    call = api_call(url)
    assert call is not None
    assert (call.ats, call.url, call.job_id) == (ats, api, job)


@pytest.mark.parametrize("url", [
    "https://boards.greenhouse.io/vercel", "https://jobs.lever.co/spotify",
    "https://jobs.ashbyhq.com/linear", "https://example.com/jobs/1", "http://127.0.0.1:8000/x",
    "https://jobs.lever.co/spotify/not-a-uuid", "not a url",
])
def test_other_urls_have_no_api_call(url):
    assert api_call(url) is None


@pytest.mark.parametrize(("label", "expected"), [
    ("Permanent", "full_time"), ("Full-time", "full_time"), ("FullTime", "full_time"),
    ("FULL_TIME", "full_time"), ("fulltime_permanent", "full_time"), ("PART_TIME", "part_time"),
    ("CONTRACTOR", "contract"), ("Contract", "contract"), ("TEMPORARY", "temporary"),
    ("INTERN", "internship"), ("VOLUNTEER", "volunteer"), ("Other", "other"),
    ("Short Term", None), ("", None),
])
def test_employment_types(label, expected):
    assert employment_type(label) == expected


def test_policy_words_leave_the_place():
    assert split_policy("Hybrid - London") == ("London", "hybrid")
    assert split_policy("US Remote") == ("US", "remote")
    assert split_policy("Berlin") == ("Berlin", None)


def test_dates_follow_the_readme():
    assert str(parse_date("2026-08-06T23:50:10-04:00")) == "2026-08-06"
    assert str(parse_date(1782214185805)) == "2026-06-23"
    assert str(parse_date("2026-08-21T14:56:00+0000")) == "2026-08-21"
    assert parse_date("1 week ago") is None


def test_prose_salary_needs_a_pay_word_and_a_currency():
    assert salary_from_text("We raised $50,000,000 last year.", prose=True) is None
    found = salary_from_text("The pay range is €50k–€60k per year.", prose=True)
    assert found is not None and (found.low, found.high, found.currency) == (50000, 60000, "EUR")
