"""Normalisation of raw posting values: text, dates, work policy, contract type, salary, URLs."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from jobtracker import money

_SPACE = re.compile(r"\s+")


def clean_text(value: object) -> str | None:
    """Entities decoded, whitespace collapsed and trimmed; None when blank or not text."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = html.unescape(str(value)).replace("\u00a0", " ")
    text = _SPACE.sub(" ", text).strip()
    return text or None


def first_text(*values: object) -> str | None:
    """The first value that cleans to non-empty text."""
    for value in values:
        text = clean_text(value)
        if text:
            return text
    return None


def unescape_html(value: str | None) -> str | None:
    """Entity-escaped HTML (``&lt;p&gt;``) turned back into HTML; real HTML unchanged."""
    if not value:
        return None
    if "&lt;" in value and "<" not in value:
        return html.unescape(value)
    return value


# -- employment type -------------------------------------------------------------------------

_EMPLOYMENT = {
    "fulltime": "full_time", "full_time": "full_time", "permanent": "full_time",
    "fulltime_permanent": "full_time", "fulltimepermanent": "full_time", "full": "full_time",
    "regular": "full_time", "fulltime_fixed_term": "full_time",
    "parttime": "part_time", "part_time": "part_time", "part": "part_time",
    "parttime_permanent": "part_time", "parttime_fixed_term": "part_time",
    "contractor": "contract", "contract": "contract", "freelance": "contract",
    "contract_to_hire": "contract", "contracttohire": "contract", "freelancer": "contract",
    "temporary": "temporary", "temp": "temporary", "seasonal": "temporary",
    "intern": "internship", "internship": "internship", "trainee": "internship",
    "volunteer": "volunteer", "other": "other", "per_diem": "other",
}  # fmt: skip


def employment_type(value: object) -> str | None:
    """A contract label (``FULL_TIME``, ``Full-time``, ``Permanent``...) as our vocabulary."""
    if isinstance(value, list):
        for item in value:
            found = employment_type(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return employment_type(value.get("label") or value.get("name")) or employment_type(
            value.get("id"))
    text = clean_text(value)
    if not text:
        return None
    key = re.sub(r"[\s\-]+", "_", text.lower()).strip("_")
    return _EMPLOYMENT.get(key) or _EMPLOYMENT.get(key.replace("_", ""))


# -- remote policy ---------------------------------------------------------------------------

_POLICY = {
    "remote": "remote", "telecommute": "remote", "fully_remote": "remote", "remote_only": "remote",
    "work_from_home": "remote", "wfh": "remote", "anywhere": "remote",
    "hybrid": "hybrid", "flexible": "hybrid",
    "onsite": "onsite", "on_site": "onsite", "in_office": "onsite", "office": "onsite",
    "office_based": "onsite", "in_person": "onsite",
}  # fmt: skip


def remote_policy(value: object) -> str | None:
    """A work-policy label (``TELECOMMUTE``, ``ON_SITE``, ``Office-based``) as ours, or None."""
    if isinstance(value, list):
        return next((p for p in (remote_policy(v) for v in value) if p), None)
    text = clean_text(value)
    if not text:
        return None
    key = re.sub(r"[\s\-]+", "_", text.lower()).strip("_")
    return _POLICY.get(key)


_POLICY_PREFIX = re.compile(
    r"^\s*(?P<word>remote|hybrid|on[\s-]?site|in[\s-]office|office)\s*(?:[-–—:|/(,]\s*|\s+)",
    re.I)
_POLICY_SUFFIX = re.compile(
    r"\s*(?:[-–—:|/(,]\s*|\s+)\(?(?P<word>remote|hybrid|on[\s-]?site)\)?\s*$", re.I)


def split_policy(location: str | None) -> tuple[str | None, str | None]:
    """Separate work-policy words from a place: ``Hybrid - London`` -> (``London``, hybrid)."""
    text = clean_text(location)
    if not text:
        return None, None
    policy = remote_policy(text)
    if policy:
        return None, policy
    for pattern in (_POLICY_PREFIX, _POLICY_SUFFIX):
        match = pattern.search(text)
        if match:
            place = (text[: match.start()] + text[match.end():]).strip(" -–—,()|/")
            word = re.sub(r"[\s-]", "", match["word"].lower())
            return place or None, remote_policy(word)
    return text, None


def join_places(places: list[str | None]) -> str | None:
    """Several places joined with ``; ``, duplicates dropped."""
    seen: list[str] = []
    for place in places:
        text = clean_text(place)
        if text and text.casefold() not in {s.casefold() for s in seen}:
            seen.append(text)
    return "; ".join(seen) or None


def address_line(parts: list[object]) -> str | None:
    """``City, Region, Country`` from parts, each trimmed of stray commas and blanks."""
    cleaned = []
    for part in parts:
        text = clean_text(part)
        if text:
            text = text.strip(" ,;")
            if text and text not in cleaned:
                cleaned.append(text)
    return ", ".join(cleaned) or None


# -- dates -----------------------------------------------------------------------------------

_RELATIVE = re.compile(r"\b(ago|today|yesterday|just posted|days?|weeks?|months?)\b", re.I)


def parse_date(value: object) -> dt.date | None:
    """A posting date from ISO text, ``... UTC``, RFC 822, or epoch seconds/milliseconds.

    A timestamp with an offset gives the date in that offset; epoch values give the UTC date;
    relative text ("Posted 30+ Days Ago") gives None.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = clean_text(value)
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return parse_date(int(text))
    iso = re.sub(r"\s*(?:UTC|GMT)$", "+00:00", text)
    iso = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", iso)
    iso = iso.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", iso) else iso
    try:
        return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d\d)-(\d\d)", text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    if _RELATIVE.search(text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


# -- salary ----------------------------------------------------------------------------------


class Salary(NamedTuple):
    """A salary range in major units with its currency and period (each may be None)."""

    low: Decimal | None
    high: Decimal | None
    currency: str | None
    period: str | None


_PERIOD_CODES = {
    "hour": "hour", "hourly": "hour", "day": "day", "daily": "day", "week": "week",
    "weekly": "week", "month": "month", "monthly": "month", "year": "year", "yearly": "year",
    "annual": "year", "annually": "year", "per_year_salary": "year", "per_month_salary": "month",
    "per_hour_wage": "hour", "per_day_wage": "day", "per_week_salary": "week", "1_year": "year",
    "1_month": "month", "1_hour": "hour", "1_day": "day", "1_week": "week", "yr": "year",
    "hr": "hour", "annum": "year", "pa": "year", "salary": None,
}  # fmt: skip


def salary_period(value: object) -> str | None:
    """``HOUR``, ``per-year-salary``, ``1 YEAR``, ``/Yr.`` as hour/day/week/month/year."""
    text = clean_text(value)
    if not text:
        return None
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    if key in _PERIOD_CODES:
        return _PERIOD_CODES[key]
    return money.parse_period(text)


def amount(value: object) -> Decimal | None:
    """A number, or text like ``'100000'``, ``'$120,000'``, ``'90k'``; None when not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = clean_text(value)
    if not text:
        return None
    text = re.sub(r"[^\d.,'kK ]", "", text).strip()
    try:
        return money.parse_amount(text)
    except ValueError:
        return None


def currency_code(value: object) -> str | None:
    """An ISO 4217 code from a code or a symbol, or None."""
    text = clean_text(value)
    if not text:
        return None
    code = text.upper()
    if money.is_currency(code):
        return code
    return _SYMBOL_CODES.get(text)


def plainly_annual(low: Decimal | None, high: Decimal | None) -> bool:
    """Whether figures without a period are obviously yearly (ten thousand or more)."""
    figure = high if high is not None else low
    return figure is not None and figure >= 10_000


def complete(salary: Salary) -> Salary | None:
    """Drop zero placeholders, order the range, fill min = max and an obvious yearly period."""
    low, high = salary.low, salary.high
    if low is not None and low <= 0:
        low = None
    if high is not None and high <= 0:
        high = None
    if low is None and high is None:
        return None
    low = low if low is not None else high
    high = high if high is not None else low
    if low is not None and high is not None and low > high:
        low, high = high, low
    period = salary.period
    if period is None and plainly_annual(low, high):
        period = "year"
    return Salary(low, high, salary.currency, period)


_SYMBOL_CODES = {"$": "USD", "US$": "USD", "USD$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                 "₹": "INR", "CA$": "CAD", "C$": "CAD", "A$": "AUD", "AU$": "AUD",
                 "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "CHF": "CHF", "kr": "SEK"}
_CUR = r"(?:(?:CA|C|A|AU|NZ|HK|S|R|US)?\$|€|£|¥|₹)"
_CODE = r"\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|JPY|NZD|SGD|BRL|MXN|ZAR|CZK|HUF)\b"
_NUM = r"\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_SIDE = (rf"(?:(?P<@code>{_CODE})\s*)?(?P<@sym>{_CUR})?\s*(?P<@num>{_NUM})"
         rf"\s*(?P<@k>[kK]\b)?(?:\s*(?P<@code2>{_CODE}))?")
_RANGE = re.compile(
    _SIDE.replace("@", "a")
    + r"(?:\s*(?:-|–|—|to|and)\s*" + _SIDE.replace("@", "b") + ")?"
    + r"(?:\s*(?:/|per|an|a)\s*(?P<period>hour|hr|day|week|wk|month|mo|year|yr|annum)\b\.?"
    + r"|\s+(?P<period2>hourly|daily|weekly|monthly|yearly|annually|annual))?",
    re.I,
)
_PAY_WORDS = re.compile(r"salary|compensation|pay\b|\bote\b|wage|base|range|rate|earn", re.I)


def salary_from_text(text: str | None, *, prose: bool = False) -> Salary | None:
    """A salary read from a field such as ``$90k - $105k``, or from a description.

    With ``prose``, only an amount with a currency after a word about pay counts.
    """
    if not text:
        return None
    plain = clean_text(text) or ""
    for match in _RANGE.finditer(plain):
        has_currency = any(match[g] for g in ("acode", "asym", "acode2", "bcode", "bsym",
                                              "bcode2"))
        if prose:
            if not has_currency:
                continue
            before = plain[max(0, match.start() - 160): match.start()]
            if not _PAY_WORDS.search(before):
                continue
        elif not has_currency and not match["period"] and not match["period2"] and \
                not re.fullmatch(r"[\d\s.,'kK–—-]+(?:to)?[\d\s.,'kK]*", plain):
            continue
        low = _side_amount(match, "a")
        high = _side_amount(match, "b") if match["bnum"] else None
        if low is None:
            continue
        if match["ak"] is None and match["bk"] and high is not None and low < 1000 <= high:
            low *= 1000  # "90 - 105k"
        currency = None
        for group in ("acode", "acode2", "bcode", "bcode2"):
            if match[group]:
                currency = match[group].upper()
                break
        if currency is None:
            symbol = match["asym"] or match["bsym"]
            currency = (_SYMBOL_CODES.get(symbol.upper()) or _SYMBOL_CODES.get(symbol)
                        if symbol else None)
        period = salary_period(match["period"] or match["period2"])
        found = complete(Salary(low, high, currency, period))
        if found:
            return found
    return None


def _side_amount(match: re.Match[str], side: str) -> Decimal | None:
    number = match[f"{side}num"]
    if not number:
        return None
    try:
        value = money.parse_amount(number.replace(" ", ""))
    except ValueError:
        try:
            value = Decimal(number.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            return None
    if match[f"{side}k"]:
        value *= 1000
    return value


# -- links -----------------------------------------------------------------------------------


def absolute_url(href: object, base: str | None) -> str | None:
    """An absolute http(s) URL: entities decoded, relative links joined to ``base`` (if any)."""
    text = clean_text(href)
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme:
        return text if parts.scheme.lower() in {"http", "https"} and parts.netloc else None
    if text.startswith("//"):
        return "https:" + text
    if not base:
        return None
    joined = urljoin(base, text)
    return joined if urlsplit(joined).scheme in {"http", "https"} else None


def slug_company(url: str | None, position: int = 0) -> str | None:
    """A company named only by a board slug in a URL path (``/spotify/...`` -> ``Spotify``)."""
    if not url:
        return None
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) <= position:
        return None
    slug = segments[position]
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", slug):
        return None
    words = re.split(r"[-_]+", slug)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or None
