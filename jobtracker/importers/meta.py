"""OpenGraph and ``<meta>`` tags of a page: a weak source, trusted only with other signs."""

from __future__ import annotations

from typing import Any

from lxml import etree

from jobtracker.importers import normalise as norm


def meta_tags(root: etree._Element) -> dict[str, str]:
    """``og:*``, ``twitter:*`` and named meta tags, first value of each, lower-cased keys."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = element.get("content")
        if key and value is not None and key not in found:
            found[key] = value
    return found


def fields(tags: dict[str, str], base_url: str | None) -> dict[str, Any]:
    """Draft fields from meta tags (title, company, description, page URL)."""
    title = norm.first_text(tags.get("og:title"), tags.get("twitter:title"))
    description = norm.first_text(tags.get("og:description"), tags.get("description"),
                                  tags.get("twitter:description"))
    found: dict[str, Any] = {
        "title": title,
        "company": norm.first_text(tags.get("og:site_name")) if tags.get("og:type", "").lower()
        in {"job", "jobposting", "website.job"} else None,
        "description_html": f"<p>{description}</p>" if description else None,
        "date_posted": norm.parse_date(tags.get("article:published_time")),
    }
    return found


def looks_like_job(tags: dict[str, str]) -> bool:
    """Whether the meta tags themselves say this page is one job posting."""
    kind = tags.get("og:type", "").lower()
    return "job" in kind
