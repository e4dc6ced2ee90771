"""Finding a stated interview date and time in a message, in the zone it names."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import tz

_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# Fixed offsets of the abbreviations people write; an IANA name in the text wins over these.
_ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "mez": 60, "mesz": 120,
    "eet": 120, "eest": 180, "wet": 0, "west": 60, "est": -300, "edt": -240, "cst": -360,
    "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "ist": 330,
    "aest": 600, "aedt": 660, "jst": 540, "sgt": 480,
}
# Abbreviations that do not say whether summer time applies: the zone decides on the day.
_REGIONS = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
            "pt": "America/Los_Angeles", "uk": "Europe/London"}

_DATE_PATTERNS = (
    # December 2, Dec 2nd, December 2, 2026
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
               rf"(?:,?\s+(?P<year>\d{{4}}))?", re.IGNORECASE),
    # 2 December 2026, 3. Dezember, le 4 décembre, 5 de diciembre de 2026
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?P<month>{_MONTH})"
               rf"\.?(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?", re.IGNORECASE),
    # 2026-12-02
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    # 02.12.2026 (day first, as written in Europe)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
)
_TIME = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?:(?::|h|\.)(?P<minute>\d{2}))?\s*"
    r"(?P<ampm>(?i:a\.?m\.?|p\.?m\.?))?(?:\s*(?:Uhr|h\b|horas|hrs))?"
    r"(?:\s*\(?(?P<zone>[A-Z]{2,5}|UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
    r"GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?)\b\)?)?",
)
_IANA = re.compile(r"\b((?:Europe|America|Asia|Australia|Africa|Pacific)/[A-Za-z_]+"
                   r"(?:/[A-Za-z_]+)?)\b")


def _zone(text: str, found: str | None) -> dt.tzinfo | None:
    iana = _IANA.search(text)
    if iana:
        zone: dt.tzinfo | None = tz.gettz(iana.group(1))
        if zone is not None:
            return zone
    if not found:
        return None
    key = found.replace(" ", "").lower()
    if key in _ZONES:
        return dt.timezone(dt.timedelta(minutes=_ZONES[key]))
    if key in _REGIONS:
        region: dt.tzinfo | None = tz.gettz(_REGIONS[key])
        return region
    offset = re.fullmatch(r"(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?", key)
    if offset:
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        return dt.timezone(dt.timedelta(minutes=minutes if offset.group(1) == "+" else -minutes))
    return None


def _time_after(text: str) -> re.Match[str] | None:
    """A time of day written right after a date ("at 2:30 PM CET", "um 14:00 Uhr")."""
    lead = re.match(r"\s*(?:,|at|um|à|a las|a la|,?\s*de|from|von|de|alle|-|–|\|)?\s*", text,
                    re.IGNORECASE)
    start = lead.end() if lead else 0
    found = _TIME.match(text, start)
    if found is None:
        return None
    has_minutes = found.group("minute") is not None
    has_ampm = found.group("ampm") is not None
    has_unit = re.match(r"\s*(Uhr|h\b|horas|hrs)", text[found.end("hour"):] if not has_minutes
                        else "", re.IGNORECASE) is not None
    if not (has_minutes or has_ampm or has_unit):
        return None  # a bare number after a date is a year or a day, not a time
    return found


def find_interview_time(text: str, sent: dt.datetime) -> dt.datetime | None:
    """The first date stated with a time of day, aware; None unless both are written.

    Without a zone in the text the time is read in the message's own offset;
    without a year, the next such date on or after the day the message was sent.
    """
    for pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            month_text = found.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
            day = int(found.group("day"))
            if month is None or not 1 <= month <= 12:
                continue
            time = _time_after(text[found.end():found.end() + 60])
            if time is None:
                continue
            hour = int(time.group("hour"))
            minute = int(time.group("minute") or 0)
            ampm = (time.group("ampm") or "").replace(".", "").lower()
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if not (0 <= hour <= 23 and 0 <= minute <= 59):
                continue
            zone = _zone(text, time.group("zone")) or sent.tzinfo or dt.UTC
            year = int(found.group("year")) if found.group("year") else sent.year
            try:
                at = dt.datetime(year, month, day, hour, minute, tzinfo=zone)
            except ValueError:
                continue
            if not found.group("year") and at.date() < sent.date() - dt.timedelta(days=1):
                at = at.replace(year=year + 1)
            return at
    return None
