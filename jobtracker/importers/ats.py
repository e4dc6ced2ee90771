"""Applicant-tracking systems: posting URL -> public JSON API call, and payloads by shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jobtracker.importers import normalise as norm

Fields = dict[str, Any]

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


@dataclass(frozen=True)
class ApiCall:
    """The public JSON API request that describes the job a posting URL shows."""

    ats: str
    url: str
    job_id: str
    board: str


def api_call(url: str) -> ApiCall | None:
    """The ATS API call for a posting URL, or None when the URL is no known ATS posting.

    Pure: no network. Greenhouse asks for pay transparency, Ashby for compensation.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    if host in {"boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io",
                "boards.eu.greenhouse.io"}:
        board, job = None, None
        if len(segments) >= 3 and segments[1] == "jobs" and segments[2].isdigit():
            board, job = segments[0], segments[2]
        elif segments[:2] == ["embed", "job_app"] and query.get("for") and query.get("token"):
            board, job = query["for"][0], query["token"][0]
        elif segments and query.get("gh_jid"):
            board, job = segments[0], query["gh_jid"][0]
        if board and job and job.isdigit():
            api_host = "boards-api.eu.greenhouse.io" if ".eu." in host else \
                "boards-api.greenhouse.io"
            return ApiCall("greenhouse", f"https://{api_host}/v1/boards/{board}/jobs/{job}"
                           "?pay_transparency=true", job, board)
    if host in {"jobs.lever.co", "jobs.eu.lever.co"} and len(segments) >= 2 and re.fullmatch(
            _UUID, segments[1]):
        api_host = "api.eu.lever.co" if ".eu." in host else "api.lever.co"
        return ApiCall("lever", f"https://{api_host}/v0/postings/{segments[0]}/{segments[1]}",
                       segments[1], segments[0])
    if host == "jobs.ashbyhq.com" and len(segments) >= 2 and re.fullmatch(_UUID, segments[1]):
        return ApiCall("ashby", "https://api.ashbyhq.com/posting-api/job-board/"
                       f"{segments[0]}?includeCompensation=true", segments[1], segments[0])
    if host == "apply.workable.com" and len(segments) >= 3 and segments[1] == "j":
        return ApiCall("workable", "https://apply.workable.com/api/v2/accounts/"
                       f"{segments[0]}/jobs/{segments[2]}", segments[2], segments[0])
    if host.endswith(".workable.com") and host != "apply.workable.com" and len(segments) >= 2 \
            and segments[0] == "j":
        account = host.split(".")[0]
        return ApiCall("workable", "https://apply.workable.com/api/v2/accounts/"
                       f"{account}/jobs/{segments[1]}", segments[1], account)
    if host in {"jobs.smartrecruiters.com", "careers.smartrecruiters.com"} and len(segments) >= 2:
        match = re.match(r"(\d{6,})", segments[1])
        if match:
            return ApiCall("smartrecruiters", "https://api.smartrecruiters.com/v1/companies/"
                           f"{segments[0]}/postings/{match[1]}", match[1], segments[0])
    if host.endswith(".recruitee.com") and len(segments) >= 2 and segments[0] == "o":
        company = host.split(".")[0]
        return ApiCall("recruitee", f"https://{company}.recruitee.com/api/offers/{segments[1]}",
                       segments[1], company)
    return None


# -- shapes ----------------------------------------------------------------------------------


def _is_greenhouse(item: Any) -> bool:
    return isinstance(item, dict) and "absolute_url" in item and "title" in item and (
        "first_published" in item or "content" in item or "internal_job_id" in item)


def _is_lever(item: Any) -> bool:
    return isinstance(item, dict) and "hostedUrl" in item and "text" in item and \
        "categories" in item


def _is_ashby(item: Any) -> bool:
    return isinstance(item, dict) and "title" in item and ("jobUrl" in item or (
        "isRemote" in item and "employmentType" in item and "publishedAt" in item))


def _is_smartrecruiters(item: Any) -> bool:
    return isinstance(item, dict) and "name" in item and (
        "typeOfEmployment" in item or ("refNumber" in item and "releasedDate" in item))


def _is_recruitee(item: Any) -> bool:
    return isinstance(item, dict) and "title" in item and (
        "careers_url" in item or "employment_type_code" in item or "careers_apply_url" in item)


def _is_workable(item: Any) -> bool:
    return isinstance(item, dict) and "shortcode" in item and "title" in item


def _is_rippling(item: Any) -> bool:
    return isinstance(item, dict) and {"id", "name", "url", "locations"} <= set(item) and \
        any(isinstance(loc, dict) and "workplaceType" in loc for loc in item["locations"] or [])


def _is_breezy(item: Any) -> bool:
    return isinstance(item, dict) and "friendly_id" in item and "name" in item and (
        "published_date" in item or "company" in item)


def _is_workday(item: Any) -> bool:
    return isinstance(item, dict) and "title" in item and ("externalPath" in item or
                                                           "jobReqId" in item)


def _is_remotive(item: Any) -> bool:
    return isinstance(item, dict) and "candidate_required_location" in item and "title" in item


def _is_jibe(item: Any) -> bool:
    return isinstance(item, dict) and "title" in item and "req_id" in item and (
        "hiring_organization" in item or "apply_url" in item)


# -- item choice -----------------------------------------------------------------------------

_ID_KEYS = ("id", "shortcode", "req_id", "slug", "guid", "uuid", "friendly_id", "jobId",
            "internal_job_id", "refNumber")


def url_tokens(url: str | None) -> set[str]:
    """Pieces of a URL that may name a job id (path segments, query values, fragment)."""
    if not url:
        return set()
    parts = urlsplit(url)
    tokens: set[str] = set()
    for piece in re.split(r"[/?&=#]+", f"{parts.path}?{parts.query}#{parts.fragment}"):
        if piece:
            tokens.add(piece.lower())
            tokens.update(p.lower() for p in re.split(r"[-_.]+", piece) if p)
    return {t for t in tokens if len(t) >= 4}


def choose(items: list[Any], url: str | None, job_id: str | None = None) -> int:
    """Index of the item a URL (or an explicit job id) names; the first otherwise."""
    wanted = url_tokens(url)
    if job_id:
        wanted.add(job_id.lower())
    if wanted:
        for position, item in enumerate(items):
            data = item.get("data", item) if isinstance(item, dict) else item
            if not isinstance(data, dict):
                continue
            for key in _ID_KEYS:
                value = data.get(key)
                if value is not None and str(value).lower() in wanted:
                    return position
    return 0


# -- mappings --------------------------------------------------------------------------------


def _html_and(*parts: Any) -> str | None:
    html_parts = [norm.unescape_html(p) for p in parts if isinstance(p, str) and p.strip()]
    return "\n".join(p for p in html_parts if p) or None


def greenhouse(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Greenhouse job-board job (list item or single-job API)."""
    url = norm.absolute_url(job.get("absolute_url"), None)
    place, policy = norm.split_policy((job.get("location") or {}).get("name"))
    offices = [o.get("location") for o in job.get("offices") or [] if isinstance(o, dict)]
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text(job.get("company_name")) or norm.slug_company(url)
        or context.get("board_company"),
        "location": norm.join_places(offices) or place,
        "remote": policy,
        "date_posted": norm.parse_date(job.get("first_published")),
        "valid_through": norm.parse_date(job.get("application_deadline")),
        "apply_url": url,
        "description_html": norm.unescape_html(job.get("content")),
    }
    for pay in job.get("pay_input_ranges") or []:
        if not isinstance(pay, dict):
            continue
        low = norm.amount(pay.get("min_cents"))
        high = norm.amount(pay.get("max_cents"))
        words = f"{pay.get('title') or ''} {pay.get('blurb') or ''}"
        period = norm.salary_period(next(iter(re.findall(
            r"hour|hourly|annual|year|month|week|day", words, re.I)), None))
        salary = norm.complete(norm.Salary(low / 100 if low else None,
                                           high / 100 if high else None,
                                           norm.currency_code(pay.get("currency_type")), period))
        if salary:
            _put_salary(fields, salary)
            break
    return fields


def lever(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Lever posting (``api.lever.co/v0/postings``)."""
    categories = job.get("categories") or {}
    hosted = norm.absolute_url(job.get("hostedUrl"), None)
    places = categories.get("allLocations") or [categories.get("location")]
    fields: Fields = {
        "title": norm.clean_text(job.get("text")),
        "company": norm.slug_company(hosted) or context.get("board_company"),
        "location": norm.join_places(places),
        "remote": norm.remote_policy(job.get("workplaceType")),
        "employment_type": norm.employment_type(categories.get("commitment")),
        "date_posted": norm.parse_date(job.get("createdAt")),
        "apply_url": norm.absolute_url(job.get("applyUrl"), None) or hosted,
        "description_html": _html_and(
            job.get("description") or job.get("descriptionBody"),
            *[f"<h3>{lst.get('text', '')}</h3><ul>{lst.get('content', '')}</ul>"
              for lst in job.get("lists") or [] if isinstance(lst, dict)],
            job.get("additional")),
    }
    pay = job.get("salaryRange")
    if isinstance(pay, dict):
        salary = norm.complete(norm.Salary(norm.amount(pay.get("min")), norm.amount(pay.get("max")),
                                           norm.currency_code(pay.get("currency")),
                                           norm.salary_period(pay.get("interval"))))
        if salary:
            _put_salary(fields, salary)
    return fields


def ashby(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """An Ashby job-board job (``posting-api/job-board``)."""
    job_url = norm.absolute_url(job.get("jobUrl"), None)
    secondary = [s.get("location") if isinstance(s, dict) else s
                 for s in job.get("secondaryLocations") or []]
    remote = "remote" if job.get("isRemote") is True else None
    remote = norm.remote_policy(job.get("workplaceType")) or remote
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text(context.get("organization")) or norm.slug_company(job_url)
        or context.get("board_company"),
        "location": norm.join_places([job.get("location"), *secondary]),
        "remote": remote,
        "employment_type": norm.employment_type(job.get("employmentType")),
        "date_posted": norm.parse_date(job.get("publishedAt")),
        "apply_url": norm.absolute_url(job.get("applyUrl"), None) or job_url,
        "description_html": job.get("descriptionHtml"),
    }
    compensation = job.get("compensation") or {}
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        components += tier.get("components") or [] if isinstance(tier, dict) else []
    for part in components:
        if not isinstance(part, dict) or str(part.get("compensationType", "Salary")).lower() \
                not in {"salary", "base salary"}:
            continue
        salary = norm.complete(norm.Salary(
            norm.amount(part.get("minValue")), norm.amount(part.get("maxValue")),
            norm.currency_code(part.get("currencyCode")), norm.salary_period(part.get("interval"))))
        if salary:
            _put_salary(fields, salary)
            break
    else:
        summary = compensation.get("scrapeableCompensationSalarySummary") or \
            compensation.get("compensationTierSummary")
        salary = norm.salary_from_text(summary) if isinstance(summary, str) else None
        if salary:
            _put_salary(fields, salary)
    return fields


def smartrecruiters(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A SmartRecruiters posting (list item or single posting)."""
    location = job.get("location") or {}
    remote = None
    for custom in job.get("customField") or []:
        if isinstance(custom, dict) and re.search(r"flexib|workplace|remote|work model",
                                                  str(custom.get("fieldLabel")), re.I):
            remote = norm.remote_policy(custom.get("valueLabel")) or remote
    if remote is None:
        if location.get("remote") is True:
            remote = "remote"
        elif location.get("hybrid") is True:
            remote = "hybrid"
        elif location.get("remote") is False and location.get("hybrid") is False:
            remote = "onsite"
    sections = ((job.get("jobAd") or {}).get("sections") or {})
    company = job.get("company") or {}
    fields: Fields = {
        "title": norm.clean_text(job.get("name")),
        "company": norm.clean_text(company.get("name")) or context.get("board_company"),
        "location": norm.clean_text(location.get("fullLocation")) or norm.address_line(
            [location.get("city"), location.get("region"), location.get("country")]),
        "remote": remote,
        "employment_type": norm.employment_type(job.get("typeOfEmployment")),
        "date_posted": norm.parse_date(job.get("releasedDate")),
        "apply_url": norm.absolute_url(job.get("applyUrl"), None) or
        norm.absolute_url(job.get("postingUrl"), None),
        "description_html": _html_and(*[(s or {}).get("text") for s in sections.values()
                                        if isinstance(s, dict)]),
    }
    return fields


def recruitee(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Recruitee offer (``/api/offers``)."""
    remote = None
    for flag, policy in (("remote", "remote"), ("hybrid", "hybrid"), ("on_site", "onsite")):
        if job.get(flag) is True:
            remote = policy
            break
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text(job.get("company_name")) or context.get("board_company"),
        "location": norm.clean_text(job.get("location")) or norm.address_line(
            [job.get("city"), job.get("state_name"), job.get("country")]),
        "remote": remote,
        "employment_type": norm.employment_type(job.get("employment_type_code")),
        "date_posted": norm.parse_date(job.get("published_at") or job.get("created_at")),
        "valid_through": norm.parse_date(job.get("close_at")),
        "apply_url": norm.absolute_url(job.get("careers_apply_url"), None) or
        norm.absolute_url(job.get("careers_url"), None),
        "description_html": _html_and(job.get("description"), job.get("requirements")),
    }
    pay = job.get("salary")
    if isinstance(pay, dict):
        salary = norm.complete(norm.Salary(norm.amount(pay.get("min")), norm.amount(pay.get("max")),
                                           norm.currency_code(pay.get("currency")),
                                           norm.salary_period(pay.get("period"))))
        if salary:
            _put_salary(fields, salary)
    return fields


def workable(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Workable job (``apply.workable.com/api/v2/accounts/<account>/jobs/<shortcode>``)."""
    location = job.get("location") or {}
    places = [norm.address_line([loc.get("city"), loc.get("region"), loc.get("country")])
              for loc in job.get("locations") or [location] if isinstance(loc, dict)]
    remote = norm.remote_policy(job.get("workplace")) or (
        "remote" if job.get("remote") is True else None)
    account = context.get("board_company")
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text((job.get("company") or {}).get("name")
                                   if isinstance(job.get("company"), dict) else job.get("company"))
        or account,
        "location": norm.join_places(places),
        "remote": remote,
        "employment_type": norm.employment_type(job.get("type")),
        "date_posted": norm.parse_date(job.get("published")),
        "apply_url": norm.absolute_url(job.get("url") or job.get("application_url"), None),
        "description_html": _html_and(job.get("description"), job.get("requirements"),
                                      job.get("benefits")),
    }
    pay = job.get("salary")
    if isinstance(pay, dict):
        salary = norm.complete(norm.Salary(
            norm.amount(pay.get("salary_from")), norm.amount(pay.get("salary_to")),
            norm.currency_code(pay.get("salary_currency")), None))
        if salary:
            _put_salary(fields, salary)
    return fields


def rippling(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Rippling board job; ``context['siblings']`` are the items repeating it per location."""
    siblings = context.get("siblings") or [job]
    locations = [loc for item in siblings for loc in item.get("locations") or []
                 if isinstance(loc, dict)]
    policies = {norm.remote_policy(loc.get("workplaceType")) for loc in locations}
    url = norm.absolute_url(job.get("url"), None)
    return {
        "title": norm.clean_text(job.get("name")),
        "company": norm.slug_company(url) or context.get("board_company"),
        "location": norm.join_places([loc.get("name") for loc in locations]),
        "remote": policies.pop() if len(policies) == 1 else None,
        "apply_url": url,
        "description_html": job.get("description") if isinstance(job.get("description"), str)
        else None,
    }


def breezy(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Breezy HR board job (``/json``)."""
    location = job.get("location") or {}
    places = [loc.get("name") for loc in job.get("locations") or [] if isinstance(loc, dict)]
    type_ = job.get("type") or {}
    fields: Fields = {
        "title": norm.clean_text(job.get("name")),
        "company": norm.clean_text((job.get("company") or {}).get("name"))
        or context.get("board_company"),
        "location": norm.join_places(places) or norm.clean_text(location.get("name")),
        "remote": "remote" if location.get("is_remote") is True else None,
        "employment_type": norm.employment_type(type_.get("id")) or norm.employment_type(
            type_.get("name")) if isinstance(type_, dict) else norm.employment_type(type_),
        "date_posted": norm.parse_date(job.get("published_date")),
        "apply_url": norm.absolute_url(job.get("url"), None),
        "description_html": job.get("description") if isinstance(job.get("description"), str)
        else None,
    }
    salary = norm.salary_from_text(job.get("salary")) if isinstance(job.get("salary"), str) \
        else None
    if salary:
        _put_salary(fields, salary)
    return fields


def workday(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Workday job (search list item, or ``jobPostingInfo`` of the detail payload)."""
    place = norm.clean_text(job.get("location") or job.get("locationsText"))
    if place and re.fullmatch(r"\d+ Locations?", place, re.I):
        place = None  # a count, not a place
    place, policy = norm.split_policy(place)
    return {
        "title": norm.clean_text(job.get("title")),
        "company": context.get("board_company"),
        "location": place,
        "remote": norm.remote_policy(job.get("remoteType")) or policy,
        "employment_type": norm.employment_type(job.get("timeType")),
        "date_posted": norm.parse_date(job.get("startDate") or job.get("postedOn")),
        "valid_through": norm.parse_date(job.get("endDate")),
        "apply_url": norm.absolute_url(job.get("externalUrl"), None),
        "description_html": job.get("jobDescription"),
    }


def remotive(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Remotive job (``remotive.com/api/remote-jobs``): every job there is remote."""
    area = job.get("candidate_required_location")
    places = re.split(r"\s*[,;]\s*", area) if isinstance(area, str) else []
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text(job.get("company_name")),
        "location": norm.join_places(places),
        "remote": "remote",
        "employment_type": norm.employment_type(job.get("job_type")),
        "date_posted": norm.parse_date(job.get("publication_date")),
        "apply_url": norm.absolute_url(job.get("url"), None),
        "description_html": job.get("description"),
    }
    salary = norm.salary_from_text(job.get("salary")) if isinstance(job.get("salary"), str) \
        else None
    if salary:
        _put_salary(fields, salary)
    return fields


def jibe(job: dict[str, Any], context: dict[str, Any]) -> Fields:
    """A Jibe (iCIMS careers site) job, as on GitHub's careers site."""
    place, policy = norm.split_policy(job.get("location_name"))
    tags = [t for key, value in job.items() if key.startswith("tags") and isinstance(value, list)
            for t in value]
    policy = policy or norm.remote_policy(tags)
    fields: Fields = {
        "title": norm.clean_text(job.get("title")),
        "company": norm.clean_text(job.get("hiring_organization")),
        "location": norm.clean_text(job.get("full_location")) or place,
        "remote": policy,
        "employment_type": norm.employment_type(job.get("employment_type")),
        "date_posted": norm.parse_date(job.get("posted_date")),
        "apply_url": norm.absolute_url(job.get("apply_url"), None) or norm.absolute_url(
            (job.get("meta_data") or {}).get("canonical_url"), None),
        "description_html": _html_and(job.get("description"), job.get("responsibilities"),
                                      job.get("qualifications")),
    }
    salary = norm.complete(norm.Salary(norm.amount(job.get("salary_min_value")),
                                       norm.amount(job.get("salary_max_value")),
                                       norm.currency_code(job.get("salary_currency")), None))
    if salary and salary.currency:
        _put_salary(fields, salary)
    return fields


def _put_salary(fields: Fields, salary: norm.Salary) -> None:
    fields.update(salary_min=salary.low, salary_max=salary.high, salary_currency=salary.currency,
                  salary_period=salary.period)


# -- recognition -----------------------------------------------------------------------------

Mapper = Callable[[dict[str, Any], dict[str, Any]], Fields]

# (name, test, mapper, list keys where boards put their items), most specific first.
_SHAPES: list[tuple[str, Callable[[Any], bool], Mapper, tuple[str, ...]]] = [
    ("greenhouse", _is_greenhouse, greenhouse, ("jobs",)),
    ("lever", _is_lever, lever, ("postings", "data")),
    ("jibe", _is_jibe, jibe, ("jobs",)),
    ("remotive", _is_remotive, remotive, ("jobs",)),
    ("ashby", _is_ashby, ashby, ("jobs", "jobPostings")),
    ("smartrecruiters", _is_smartrecruiters, smartrecruiters, ("content",)),
    ("recruitee", _is_recruitee, recruitee, ("offers",)),
    ("workable", _is_workable, workable, ("jobs", "results")),
    ("rippling", _is_rippling, rippling, ("items", "results")),
    ("breezy", _is_breezy, breezy, ()),
    ("workday", _is_workday, workday, ("jobPostings",)),
]


@dataclass(frozen=True)
class Recognised:
    """A board payload recognised by shape: which ATS, the chosen item and its fields."""

    ats: str
    fields: Fields
    item: Any


def _unwrap(item: Any) -> Any:
    if isinstance(item, dict) and set(item) == {"data"} and isinstance(item["data"], dict):
        return item["data"]
    return item


def _candidates(data: Any) -> list[tuple[list[Any], Any]]:
    """Lists of items (with the holder they came from) a payload may carry."""
    found: list[tuple[list[Any], Any]] = []
    if isinstance(data, list):
        found.append(([_unwrap(i) for i in data], data))
    elif isinstance(data, dict):
        for wrapper in ("jobPostingInfo", "offer", "job", "posting", "data"):
            inner = data.get(wrapper)
            if isinstance(inner, dict):
                found.append(([inner], data))
        for key in ("jobs", "offers", "content", "items", "jobPostings", "postings", "results",
                    "data"):
            inner = data.get(key)
            if isinstance(inner, list) and inner:
                found.append(([_unwrap(i) for i in inner], data))
        found.append(([data], data))
    return found


def recognise(data: Any, url: str | None = None, *, job_id: str | None = None,
              board: str | None = None) -> Recognised | None:
    """Recognise an ATS payload by its shape, whatever host served it.

    Maps the item the URL (or ``job_id``) names, else the first; None when the JSON is no
    known board format.
    """
    for items, holder in _candidates(data):
        if not items:
            continue
        for name, test, mapper, _keys in _SHAPES:
            if not test(items[0]):
                continue
            index = choose(items, url, job_id)
            item = items[index]
            context: dict[str, Any] = {
                "board_company": norm.slug_company(f"/{board}") if board else None}
            if isinstance(holder, dict):
                context["organization"] = (holder.get("organization") or {}).get("name") \
                    if isinstance(holder.get("organization"), dict) else None
            if name == "rippling":
                context["siblings"] = [i for i in items if isinstance(i, dict)
                                       and i.get("id") == item.get("id")]
            fields = mapper(item, context)
            if fields.get("title"):
                return Recognised(name, fields, context.get("siblings") or item)
    return None
