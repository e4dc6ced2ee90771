"""How dates, times and salaries are shown: one place, following the user's date preference."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from jobtracker import money

_date_format = "iso"

_PERIOD_SHORT = {"hour": "/h", "day": "/day", "week": "/wk", "month": "/mo", "year": "/yr"}


def set_date_format(name: str) -> None:
    """Use ``iso``, ``short`` (locale) or ``long`` (locale) for dates from now on."""
    global _date_format
    _date_format = name


def format_date(value: dt.date | None) -> str:
    """A date as the user likes it; empty for None."""
    if value is None:
        return ""
    if _date_format == "iso":
        return value.isoformat()
    style = QLocale.FormatType.ShortFormat if _date_format == "short" else (
        QLocale.FormatType.LongFormat)
    return QLocale().toString(QDate(value.year, value.month, value.day), style)


def format_datetime(value: dt.datetime | None, zone: dt.tzinfo | None = None) -> str:
    """A UTC timestamp in local time (or ``zone``), date then HH:MM."""
    if value is None:
        return ""
    local = value.astimezone(zone)
    return f"{format_date(local.date())} {local:%H:%M}"


def format_amount(minor: int | None, currency: str | None) -> str:
    """A minor-unit amount as a grouped major-unit number, without symbol."""
    if minor is None:
        return ""
    value = money.to_major(minor, currency or "USD")
    digits = money.exponent(currency or "USD") if minor % (10 ** money.exponent(
        currency or "USD")) else 0
    return QLocale().toString(float(value), "f", digits)


def format_salary(low: int | None, high: int | None, currency: str | None,
                  period: str | None) -> str:
    """``60,000–75,000 EUR/yr``; empty when no amount is known."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        amount = f"{format_amount(low, currency)}–{format_amount(high, currency)}"
    else:
        amount = format_amount(low if low is not None else high, currency)
    return f"{amount} {currency or ''}{_PERIOD_SHORT.get(period or '', '')}".strip()


def amount_text(minor: int | None, currency: str | None) -> str:
    """An editable plain number (no grouping) for a minor-unit amount."""
    return money.format_plain(minor, currency) if minor is not None else ""


def to_qdate(value: dt.date) -> QDate:
    """Python date to QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    """QDate to Python date."""
    return dt.date(value.year(), value.month(), value.day())
