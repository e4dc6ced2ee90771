"""schema.org JobPosting from JSON-LD blocks, and the mapping of any JobPosting tree to fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml import etree

from jobtracker.importers import lenient_json
from jobtracker.importers import normalise as norm


def blocks(root: etree._Element) -> list[Any]:
    """Every parseable ``application/ld+json`` block of the page (broken ones skipped)."""
    found = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower().split(";")[0].strip()
        if kind not in {"application/ld+json", "application/json+ld"}:
            continue
        text = script.text or ""
        if not text.strip():
            continue
        try:
            found.append(lenient_json.loads(text))
        except ValueError:
            continue
    return found


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "itemListElement", "item", "mainEntityOfPage"):
            if key in data:
                yield from _walk(data[key])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type") or node.get("type") or []
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def job_postings(data: list[Any]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The JobPosting nodes of parsed blocks, and an ``@id`` index to resolve references."""
    postings: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    for node in _walk(data):
        if isinstance(node.get("@id"), str) and len(node) > 1:
            index.setdefault(node["@id"], node)
        if "JobPosting" in _types(node) and node not in postings:
            postings.append(node)
    return postings, index


def _resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(value["@id"], value)
    return value


def _name(value: Any, index: dict[str, dict[str, Any]]) -> str | None:
    value = _resolve(value, index)
    if isinstance(value, list):
        return next((n for n in (_name(v, index) for v in value) if n), None)
    if isinstance(value, dict):
        return norm.first_text(value.get("name"), value.get("legalName"))
    return norm.clean_text(value)


def _place(value: Any, index: dict[str, dict[str, Any]]) -> str | None:
    value = _resolve(value, index)
    if isinstance(value, str):
        return norm.clean_text(value)
    if not isinstance(value, dict):
        return None
    address = _resolve(value.get("address"), index)
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, dict):
        country = address.get("addressCountry")
        if isinstance(country, dict):
            country = country.get("name") or country.get("identifier")
        line = norm.address_line([address.get("addressLocality"), address.get("addressRegion"),
                                  country])
        if line:
            return line
    elif isinstance(address, str):
        return norm.clean_text(address)
    return norm.clean_text(value.get("name"))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def posting_fields(node: dict[str, Any], index: dict[str, dict[str, Any]] | None = None,
                   base_url: str | None = None) -> dict[str, Any]:
    """A schema.org JobPosting (from JSON-LD, microdata or RDFa) as draft fields."""
    index = index or {}
    fields: dict[str, Any] = {}
    fields["title"] = norm.first_text(_text(node.get("title")), _text(node.get("name")))
    fields["company"] = _name(node.get("hiringOrganization"), index)
    places = [_place(p, index) for p in _as_list(node.get("jobLocation"))]
    location = norm.join_places(places)
    applicant_area = norm.join_places(
        [_name(a, index) for a in _as_list(node.get("applicantLocationRequirements"))])
    location_type = node.get("jobLocationType")
    remote = None
    if location_type and str(location_type).upper().find("TELECOMMUTE") >= 0:
        remote = "remote"
    elif location_type:
        remote = norm.remote_policy(location_type)
    if remote is None and applicant_area and not location:
        remote = "remote"  # the property exists for telecommuting jobs
    fields["location"] = location or applicant_area
    fields["remote"] = remote
    fields["employment_type"] = norm.employment_type(node.get("employmentType"))
    fields["date_posted"] = norm.parse_date(_text(node.get("datePosted")))
    fields["valid_through"] = norm.parse_date(_text(node.get("validThrough")))
    fields["apply_url"] = _apply_url(node, base_url)
    salary = _salary(node.get("baseSalary"), node.get("salaryCurrency")) or _salary(
        node.get("estimatedSalary"), node.get("salaryCurrency"))
    if salary:
        fields.update(salary_min=salary.low, salary_max=salary.high,
                      salary_currency=salary.currency, salary_period=salary.period)
    description = node.get("description")
    if isinstance(description, str):
        fields["description_html"] = norm.unescape_html(description)
    return fields


def _text(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    if isinstance(value, dict):
        return value.get("@value") or value.get("name")
    return value


def _apply_url(node: dict[str, Any], base_url: str | None) -> str | None:
    for key in ("directApply", "applyUrl", "url", "sameAs"):
        value = node.get(key)
        if key == "directApply" or isinstance(value, bool):
            continue
        url = norm.absolute_url(_text(value), base_url)
        if url:
            return url
    action = node.get("potentialAction")
    for item in _as_list(action):
        if isinstance(item, dict):
            target = item.get("target")
            if isinstance(target, dict):
                target = target.get("urlTemplate") or target.get("url")
            url = norm.absolute_url(_text(target), base_url)
            if url:
                return url
    return None


def _salary(value: Any, currency_hint: Any) -> norm.Salary | None:
    value = _text(value) if isinstance(value, list) else value
    if value is None:
        return None
    currency = norm.currency_code(_text(currency_hint))
    if isinstance(value, dict):
        currency = norm.currency_code(value.get("currency")) or currency
        inner = value.get("value", value)
        period = None
        if isinstance(inner, dict):
            period = norm.salary_period(inner.get("unitText"))
            low = norm.amount(inner.get("minValue"))
            high = norm.amount(inner.get("maxValue"))
            single = norm.amount(inner.get("value"))
            if low is None and high is None:
                low = high = single
            text_value = inner.get("value") or inner.get("minValue")
        else:
            low = high = norm.amount(inner)
            text_value = inner
        period = period or norm.salary_period(value.get("unitText"))
        if currency is None and isinstance(text_value, str):
            parsed = norm.salary_from_text(text_value)
            currency = parsed.currency if parsed else None
        return norm.complete(norm.Salary(low, high, currency, period))
    if isinstance(value, (int, float, str)):
        parsed = norm.salary_from_text(str(value))
        if parsed:
            return norm.Salary(parsed.low, parsed.high, parsed.currency or currency,
                               parsed.period)
        single = norm.amount(value)
        return norm.complete(norm.Salary(single, single, currency, None))
    return None


def raw_json(node: Any) -> str:
    """Structured data as stable JSON text for the posting snapshot."""
    return json.dumps(node, ensure_ascii=False, sort_keys=True, default=str)
