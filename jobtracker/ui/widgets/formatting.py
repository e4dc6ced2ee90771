"""How dates, times and salaries are shown: one place, following the user's date preference."""

from __future__ import annotations

import datetime as dt
import html

from PySide6 import QtGui
from PySide6.QtCore import QDate, QLocale

from jobtracker import money

_date_format = "iso"

# A tooltip is a glance, not a reader: longer user text is cut (the views show it whole).
TOOLTIP_LIMIT = 2000

# Bidi embeddings, overrides and isolates: invisible, but they reorder what follows them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ISOLATES = {ord(c): None for c in "\u2066\u2067\u2068\u2069"}

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


def literal(text: str) -> str:
    """``text`` for a place that guesses rich text (tooltips, message boxes, AutoText labels).

    Qt renders text that looks like HTML (``Qt.mightBeRichText``): a title such as
    ``Engineer<img src="file:///…">`` would be drawn as markup and the image file opened on
    the UI thread. Such text comes back escaped, so it shows as written; other text unchanged.
    """
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def isolate(text: str) -> str:
    """``text`` wrapped so a right-to-left override in it cannot reorder the text around it.

    Text without bidi controls comes back unchanged. Isolates inside are dropped, so the
    text cannot close the wrapping one early.
    """
    if not any(c in _BIDI_CONTROLS for c in text):
        return text
    return f"\u2068{text.translate(_ISOLATES)}\u2069"


def plain_tooltip(text: str | None) -> str:
    """A tooltip showing user or imported ``text`` literally (cut to ``TOOLTIP_LIMIT``)."""
    if not text:
        return ""
    if len(text) > TOOLTIP_LIMIT:
        text = text[:TOOLTIP_LIMIT] + "…"
    return literal(text)


def keep_tooltip_literal(action: QtGui.QAction) -> None:
    """Give ``action`` a tooltip of its text shown literally, now and whenever the text changes.

    Without one, a toolbar button shows a tooltip Qt derives from the text and renders as
    HTML when it looks like markup: the Undo action's text quotes titles.
    """
    def update() -> None:
        try:
            text = action.text()
        except RuntimeError:  # the undo stack, torn down with the window, outlived the action
            return
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        action.setToolTip(plain_tooltip(text))  # unchanged text emits no change: no loop

    action.changed.connect(update)
    update()
