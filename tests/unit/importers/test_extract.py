"""Extraction edge cases: broken JSON-LD, several blocks, hostile markup, no posting."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from jobtracker.importers import NoPostingFound, extract, import_posting
from jobtracker.importers.fetch import FetchOptions

# Real postings with their expected fields, copied with their licences (tests/data/postings).
CORPUS = Path(__file__).resolve().parents[2] / "data" / "postings"
FAST = FetchOptions(connect_timeout=1, read_timeout=2, deadline=5, retries=0)

BROKEN = """<!doctype html><html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "name": "Not the job"}</script>
<script type="application/ld+json">
{
  // a comment, as some CMS templates leave
  "@context": "https://schema.org",
  "@graph": [
    {"@type": "BreadcrumbList", "itemListElement": []},
    {"@type": ["JobPosting"], "title": "Senior Plumber &amp; Fitter",
     "description": "&lt;p&gt;Fix pipes.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;
a raw newline inside a string",
     "hiringOrganization": {"@id": "#org"},
     "datePosted": "2026-11-02T09:00:00+01:00",
     "employmentType": ["PART_TIME", "CONTRACTOR"],
     "jobLocation": [{"@type": "Place", "address": {"addressLocality": "Leeds",
                      "addressCountry": {"@type": "Country", "name": "GB"}}},
                     {"@type": "Place", "address": {"addressLocality": "York",
                      "addressCountry": "GB"}}],
     "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                    "value": {"minValue": "£30,000", "maxValue": "$40,000", "unitText": "YEAR"}},
     /* another comment */
     "url": "/jobs/42?ref=x&amp;src=y",
    },
    {"@type": "Organization", "@id": "#org", "name": "Pipes Ltd"},
  ],
}
</script></head><body><h1>Ignored heading</h1></body></html>"""


def test_broken_json_ld_with_graph_references_and_entities():
    draft = extract(BROKEN, "text/html", "https://example.com/careers/plumber")
    assert draft.source == "json-ld"
    assert draft.title == "Senior Plumber & Fitter"
    assert draft.company == "Pipes Ltd"
    assert draft.location == "Leeds, GB; York, GB"
    assert draft.employment_type == "part_time"
    assert draft.date_posted == dt.date(2026, 11, 2)
    assert (draft.salary_min, draft.salary_max) == (Decimal(30000), Decimal(40000))
    assert (draft.salary_currency, draft.salary_period) == ("GBP", "year")
    assert draft.apply_url == "https://example.com/jobs/42?ref=x&src=y"
    assert draft.description_html is not None and "<script" not in draft.description_html
    assert "alert" not in (draft.description_text or "")
    assert "Fix pipes." in (draft.description_text or "")
    assert json.loads(draft.raw_data or "{}")["title"] == "Senior Plumber &amp; Fitter"


def test_salary_strings_with_dollar_signs():
    page = """<script type="application/ld+json">{"@type": "JobPosting", "title": "Dev",
      "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                     "value": {"@type": "QuantitativeValue", "minValue": "$120,000",
                               "maxValue": "$150,000"}}}</script>"""
    draft = extract(page, "text/html", None)
    assert (draft.salary_min, draft.salary_max, draft.salary_period) == (
        Decimal(120000), Decimal(150000), "year")


def test_hostile_description_is_sanitised():
    page = """<script type="application/ld+json">{"@type": "JobPosting", "title": "Dev",
      "description": "<p onclick=\\"steal()\\">Hi <a href=\\"javascript:alert(1)\\">x</a>
      <a href=\\"https://ok.example/apply\\">apply</a><img src=\\"https://t.example/p.gif\\">
      <script>bad()<\\/script><iframe src=\\"https://evil\\"></iframe></p>"}</script>"""
    html = extract(page, "text/html", None).description_html or ""
    for bad in ("onclick", "javascript:", "<script", "bad()", "<img", "<iframe", "t.example"):
        assert bad not in html
    assert 'href="https://ok.example/apply"' in html


def test_microdata_beats_opengraph_and_the_page_title():
    page = """<html><head><title>Careers | Acme</title>
      <meta property="og:title" content="Join Acme!"></head><body>
      <div itemscope itemtype="http://schema.org/JobPosting">
        <h1 itemprop="title">Forklift Driver</h1>
        <span itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
          <span itemprop="name">Acme</span></span>
        <time itemprop="datePosted" datetime="2026-10-01">last month</time>
        <span itemprop="jobLocationType">TELECOMMUTE</span>
      </div></body></html>"""
    draft = extract(page, "text/html", None)
    assert (draft.title, draft.company, draft.source) == ("Forklift Driver", "Acme", "microdata")
    assert draft.date_posted == dt.date(2026, 10, 1)
    assert draft.remote == "remote"


def test_opengraph_job_page_without_structured_data():
    page = """<html><head><meta property="og:type" content="job">
      <meta property="og:title" content="Night Baker">
      <meta property="og:description" content="Bake bread at night.">
      </head><body><main><p>Bake bread. Salary: €2,400 per month.</p></main></body></html>"""
    draft = extract(page, "text/html", "https://bakery.example/jobs/7")
    assert (draft.title, draft.source) == ("Night Baker", "opengraph")
    assert draft.description_text == "Bake bread at night."


@pytest.mark.parametrize("page", [
    "<html><head><title>Senior Engineer at Foo</title></head><body></body></html>",
    '<html><head><title>App</title></head><body><div id="root"></div>'
    '<script src="/app.js"></script></body></html>',
    "<html><body><h1>Senior Engineer</h1><p>This job is no longer available.</p></body></html>",
    "<html><body><h2>Careers</h2><p>There are no open positions right now.</p></body></html>",
    "",
])
def test_pages_without_a_posting_are_reported_never_invented(page):
    with pytest.raises(NoPostingFound, match="no job posting found"):
        extract(page, "text/html", "https://example.com/careers")


def test_unknown_json_is_not_a_posting():
    with pytest.raises(NoPostingFound, match="unknown shape"):
        extract('{"hello": "world"}', "application/json", None)


def test_the_negative_corpus_page_over_http(local_server):
    with pytest.raises(NoPostingFound) as error:
        import_posting(local_server.url("/real/thoughtbot-careers-none.html"), options=FAST)
    assert "\n" not in str(error.value)


def test_list_payload_item_named_by_the_url():
    body = (CORPUS / "real/lever-board-spotify.json").read_text("utf-8")
    second = json.loads(body)[1]
    draft = extract(body, "application/json", f"https://jobs.lever.co/spotify/{second['id']}")
    assert draft.title == second["text"]
    first = extract(body, "application/json", "https://example.com/board.json")
    assert first.title == "Android Engineer - Experience"


def test_ashby_look_alikes_are_not_merged():
    body = (CORPUS / "real/ashby-board-linear.json").read_text("utf-8")
    jobs = json.loads(body)["jobs"]
    assert jobs[0]["title"] == jobs[1]["title"]
    second = extract(body, "application/json", jobs[1]["jobUrl"])
    assert second.location == jobs[1]["location"] != "Europe"


def test_rss_feed_company_prefix_only_in_feeds():
    body = (CORPUS / "real/weworkremotely-feed.rss").read_text("utf-8")
    draft = extract(body, "application/rss+xml", None)
    assert (draft.company, draft.title) == ("Fin", "Solutions Architect -Spanish Speaking")
    fly = extract((CORPUS / "real/flyio-careers-fragment.html").read_text("utf-8"),
                  "text/html", None)
    assert fly.title == "Networking Engineer: Proxy and Corrosion" and fly.company is None


def test_relative_apply_link_made_absolute_against_the_page():
    fly = extract((CORPUS / "real/flyio-careers-fragment.html").read_text("utf-8"),
                  "text/html", "https://fly.io/jobs/")
    assert fly.apply_url == "https://fly.io/jobs/networking-engineer/"


def test_hybrid_multilevel_word_is_not_a_policy():
    from jobtracker.importers.text import prose_policy

    assert prose_policy('<p style="mso-list: hybridMultilevel">x</p>') is None
    assert prose_policy("We work in a hybrid model, three days a week in the office") == "hybrid"
    assert prose_policy("#LI-Hybrid") == "hybrid"
