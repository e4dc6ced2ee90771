"""Job feeds in RSS (We Work Remotely and alike): the first item, or the one the URL names."""

from __future__ import annotations

from typing import Any

from lxml import etree

from jobtracker.importers import normalise as norm
from jobtracker.importers import text as page


def is_rss(body: str) -> bool:
    """Whether a body is an RSS document."""
    head = body.lstrip()[:500].lower()
    return (head.startswith("<?xml") and "<rss" in body[:2000].lower()) or head.startswith("<rss")


def rss_fields(body: str, url: str | None) -> dict[str, Any] | None:
    """Draft fields of the item whose link the URL names, else the first item."""
    try:
        root = etree.fromstring(body.encode("utf-8"), etree.XMLParser(
            resolve_entities=False, no_network=True, recover=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    items = root.findall(".//item")
    if not items:
        return None
    chosen = items[0]
    for item in items:
        if url and (item.findtext("link") or "").strip() == url.strip():
            chosen = item
    title = norm.clean_text(chosen.findtext("title"))
    if not title:
        return None
    company = norm.clean_text(chosen.findtext("company"))
    if company is None and ": " in title:
        company, title = (part.strip() for part in title.split(": ", 1))
    description = norm.unescape_html(chosen.findtext("description"))
    plain = page.page_text(etree.HTML(description)) if description else ""
    region = norm.clean_text(chosen.findtext("region"))
    policy = page.prose_policy(description)
    if policy is None and region:
        policy = "remote"  # a remote-jobs feed; the body may say otherwise (checked above)
    fields: dict[str, Any] = {
        "title": title,
        "company": company,
        "location": region,
        "remote": policy,
        "employment_type": norm.employment_type(chosen.findtext("type")),
        "date_posted": norm.parse_date(chosen.findtext("pubDate")),
        "valid_through": norm.parse_date(chosen.findtext("expires_at")),
        "apply_url": norm.absolute_url(chosen.findtext("link"), url),
        "description_html": description,
    }
    salary = norm.salary_from_text(plain, prose=True)
    if salary:
        fields.update(salary_min=salary.low, salary_max=salary.high,
                      salary_currency=salary.currency, salary_period=salary.period)
    fields["raw"] = etree.tostring(chosen, encoding="unicode")
    return fields
