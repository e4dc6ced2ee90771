"""From a fetched body to one PostingDraft, trusting the most specific source first.

Order of trust: ATS JSON, JSON-LD, microdata/RDFa, embedded app data, OpenGraph, page text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from jobtracker.importers import ats, feeds, jsonld, lenient_json, meta, microdata
from jobtracker.importers import normalise as norm
from jobtracker.importers import text as page
from jobtracker.importers.draft import PostingDraft
from jobtracker.importers.errors import NoPostingFound
from jobtracker.importers.fetch import decode
from jobtracker.importers.sanitise import html_to_text, sanitise_html

_DRAFT_FIELDS = ("title", "company", "location", "remote", "salary_min", "salary_max",
                 "salary_currency", "salary_period", "employment_type", "date_posted",
                 "valid_through", "apply_url")
_JOB_SIGNALS = re.compile(r"\b(apply now|apply for this|responsibilities|requirements|"
                          r"qualifications|what you.ll do|about the role|job description|"
                          r"employment type|benefits)\b", re.I)
_APP_DATA = re.compile(r"(?:window\.)?(?:__appData|__remixContext|__INITIAL_STATE__|__NUXT__|"
                       r"__PRELOADED_STATE__)\s*=\s*(\{.*\})\s*;?\s*$", re.S)


def extract(body: str | bytes, content_type: str | None, url: str | None, *,
            job_id: str | None = None, board: str | None = None) -> PostingDraft:
    """The posting a body holds, as a draft; NoPostingFound when it holds none.

    ``url`` is the page's address (base for relative links, and may name a job id in a
    list payload); ``job_id``/``board`` come from an ATS API call when there was one.
    """
    text = decode(body, content_type)[0] if isinstance(body, bytes) else body
    kind = (content_type or "").split(";")[0].strip().lower()
    stripped = text.lstrip("\ufeff \t\r\n")
    where = f" at {url}" if url else ""
    if _not_a_page(kind, stripped):
        shown = kind or "binary data"
        raise NoPostingFound(f"no job posting found{where}: it is {shown}, not a web page")
    if "json" in kind or stripped[:1] in "{[":
        try:
            data = lenient_json.loads(stripped)
        except ValueError:
            data = None
        if data is not None:
            found = _from_json(data, url, job_id, board)
            if found is None:
                raise NoPostingFound(f"no job posting found{where} (JSON of an unknown shape)")
            return found
    if "rss" in kind or ("xml" in kind and "html" not in kind) or feeds.is_rss(stripped):
        fields = feeds.rss_fields(stripped, url)
        if fields:
            raw = fields.pop("raw", None)
            return _draft(fields, "rss", raw)
        if "html" not in kind:
            raise NoPostingFound(f"no job posting found{where} (feed without items)")
    return _from_html(stripped, url, where)


# Media types that are never a posting, whatever their bytes look like.
_NOT_PAGES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
              "application/gzip", "application/x-gzip", "application/x-tar")


def _not_a_page(kind: str, text: str) -> bool:
    """An image, archive or other binary: refused with what it is, not "no posting found".

    A mislabelled page is still read (some servers send HTML as
    application/octet-stream), but text never holds NUL characters.
    """
    return kind.startswith(_NOT_PAGES) or "\x00" in text[:4096]


def _from_json(data: Any, url: str | None, job_id: str | None, board: str | None
               ) -> PostingDraft | None:
    recognised = ats.recognise(data, url, job_id=job_id, board=board)
    if recognised:
        return _draft(recognised.fields, recognised.ats, jsonld.raw_json(recognised.item))
    postings, index = jsonld.job_postings([data])
    if postings:
        return _draft(jsonld.posting_fields(postings[0], index, url), "json-ld",
                      jsonld.raw_json(postings[0]))
    return None


def _parse_html(body: str) -> etree._Element | None:
    if not body.strip():
        return None
    try:
        return lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        try:
            return lxml.html.document_fromstring(body.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None


def _from_html(body: str, url: str | None, where: str) -> PostingDraft:
    root = _parse_html(body)
    if root is None:
        raise NoPostingFound(f"no job posting found{where} (empty page)")
    base = _base_url(root, url)
    sources: list[tuple[str, dict[str, Any], str | None]] = []

    blocks = jsonld.blocks(root)
    postings, index = jsonld.job_postings(blocks)
    for node in postings[:1]:
        sources.append(("json-ld", jsonld.posting_fields(node, index, base),
                        jsonld.raw_json(node)))
    items, syntax = microdata.job_postings(root)
    for item in items[:1]:
        sources.append(("microdata" if syntax == "microdata" else "rdfa",
                        jsonld.posting_fields(item, {}, base), jsonld.raw_json(item)))
    for data in _app_data(root):
        found = _from_json(data, url, None, None)
        if found is not None and not sources:
            return found
    tags = meta.meta_tags(root)
    visible = page.page_text(root)
    if sources:
        method, fields, raw = sources[0]
        for _other, extra, _raw in sources[1:]:
            if norm.clean_text(extra.get("title")) == norm.clean_text(fields.get("title")):
                for key, value in extra.items():
                    if fields.get(key) is None and value is not None:
                        fields[key] = value
        if not fields.get("description_html"):
            fields["description_html"] = meta.fields(tags, base).get("description_html")
        if fields.get("title"):
            return _draft(fields, method, raw)
    if page.closed_notice(visible):
        raise NoPostingFound(f"no job posting found{where}: the page says there are no open "
                             "positions or the ad is closed")
    card = page.linkedin_card(root, base)
    if card:
        return _draft(card, "linkedin", json.dumps(card, default=str, ensure_ascii=False))
    labelled = page.labelled_fields(root, base)
    if labelled:
        return _draft(labelled, "html", None)
    signals = {m.lower() for m in _JOB_SIGNALS.findall(visible)}
    og = meta.fields(tags, base)
    if og.get("title") and (meta.looks_like_job(tags) or len(signals) >= 2):
        main = _main_html(root)
        if main and not og.get("description_html"):
            og["description_html"] = main
        return _draft(og, "opengraph", json.dumps(tags, ensure_ascii=False))
    heading = next((norm.clean_text(h.text_content()) for h in root.iter("h1")), None)
    if heading and len(signals) >= 2:
        return _draft({"title": heading, "description_html": _main_html(root)}, "html", None)
    raise NoPostingFound(f"no job posting found{where}")


def _base_url(root: etree._Element, url: str | None) -> str | None:
    for element in root.iter("base"):
        href = element.get("href")
        if href:
            return norm.absolute_url(href, url) or url
    return url


def _app_data(root: etree._Element) -> Iterator[Any]:
    """JSON an app shell embeds for its own use (``__NEXT_DATA__``, ``window.__appData``)."""
    for script in root.iter("script"):
        text = (script.text or "").strip()
        if not text or len(text) > 3_000_000:
            continue
        kind = (script.get("type") or "").lower()
        data: Any = None
        try:
            if script.get("id") == "__NEXT_DATA__" or kind == "application/json":
                data = lenient_json.loads(text)
            else:
                match = _APP_DATA.search(text)
                if match:
                    data = lenient_json.loads(match[1])
        except ValueError:
            continue
        if data is not None:
            yield from _nested(data, 0)


def _nested(data: Any, depth: int) -> Iterator[Any]:
    """Dicts inside ``data`` that look like one job (a title and a description or URL)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        if ("title" in data or "name" in data or "text" in data) and len(data) >= 4:
            yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _nested(value, depth + 1)
    elif isinstance(data, list):
        for value in data[:50]:
            yield from _nested(value, depth + 1)


def _main_html(root: etree._Element) -> str | None:
    for xpath in ("//main", "//article", "//*[@role='main']", "//body"):
        found = root.xpath(xpath)
        if found:
            html: str = etree.tostring(found[0], encoding="unicode", method="html",
                                       with_tail=False)
            return html
    return None


def _draft(fields: dict[str, Any], source: str, raw: str | None) -> PostingDraft:
    title = norm.clean_text(fields.get("title"))
    if not title:
        raise NoPostingFound("no job posting found (no title)")
    description_html = sanitise_html(fields.get("description_html"))
    description_text = html_to_text(description_html)
    values: dict[str, Any] = {key: fields.get(key) for key in _DRAFT_FIELDS}
    values["title"] = title
    for key in ("company", "location"):
        values[key] = norm.clean_text(values[key])
    if values["salary_min"] is None and values["salary_max"] is None and description_text:
        salary = norm.salary_from_text(description_text, prose=True)
        if salary:
            values.update(salary_min=salary.low, salary_max=salary.high,
                          salary_currency=salary.currency, salary_period=salary.period)
    if values["salary_currency"] is None:
        values["salary_min"] = values["salary_max"] = values["salary_period"] = None
    if values["remote"] is None:
        values["remote"] = page.prose_policy(description_text)
    return PostingDraft(**values, source=source, description_html=description_html,
                        description_text=description_text, raw_data=raw)
