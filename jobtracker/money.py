"""Salaries as exact integers in a currency's minor unit, and their plain-number text form."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Active ISO 4217 codes. Kept inline (rather than a dependency) because the
# list changes a few times a decade and only the code and exponent matter here.
ISO_4217 = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
    """.split()  # noqa: SIM905 - a block of codes reads better than 180 quoted strings
)

# Minor-unit exponents that differ from the usual 2 (ISO 4217 table A.1).
_EXPONENTS = {
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
    "RWF": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}  # fmt: skip

# A salary above this (in major units) is a typo in any currency; its minor units stay
# far inside SQLite's int64 (10^13 with three decimals is 10^16 < 9.2 * 10^18).
MAX_SALARY = 10**13

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₪": "ILS"}


def is_currency(code: str) -> bool:
    """Whether ``code`` is an active ISO 4217 currency code (upper case)."""
    return code in ISO_4217


def exponent(currency: str) -> int:
    """Digits after the decimal point in ``currency``'s minor unit."""
    return _EXPONENTS.get(currency, 2)


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Convert a major-unit amount to an exact minor-unit integer; refuse sub-minor precision."""
    value = Decimal(str(amount))
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more decimals than {currency} allows")
    return int(scaled)


def max_minor(currency: str) -> int:
    """MAX_SALARY in ``currency``'s minor unit."""
    return int(MAX_SALARY * 10 ** exponent(currency))  # int ** int is typed Any


def to_major(minor: int, currency: str) -> Decimal:
    """The exact major-unit value of a minor-unit integer."""
    return Decimal(minor).scaleb(-exponent(currency))


def format_plain(minor: int | None, currency: str | None) -> str:
    """A plain number for files: ``120000``, ``62.50``; no grouping, no symbol."""
    if minor is None:
        return ""
    exp = exponent(currency or "USD")
    value = to_major(minor, currency or "USD")
    if minor % (10**exp) == 0:
        return str(int(value))
    return f"{value:.{exp}f}"


_PERIOD_WORDS = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "h": "hour",
    "day": "day", "daily": "day",
    "week": "week", "wk": "week", "weekly": "week",
    "month": "month", "mo": "month", "monthly": "month",
    "year": "year", "yr": "year", "annual": "year", "annually": "year", "yearly": "year",
    "annum": "year", "pa": "year",
}  # fmt: skip
_NUMBER = r"(\d[\d,.' ]*)\s*([kK])?"


def parse_period(text: str) -> str | None:
    """Map a period word (``hourly``, ``/yr``, ``per annum``) to a salary period, or None."""
    key = re.sub(r"[^a-z]", "", text.lower().removeprefix("per "))
    return _PERIOD_WORDS.get(key)


def parse_amount(text: str) -> Decimal:
    """Parse ``120,000``, ``120k``, ``62.50`` or ``1.234,56`` into a Decimal; ValueError if not."""
    match = re.fullmatch(_NUMBER, text.strip())
    if not match:
        raise ValueError(f"{text!r} is not an amount")
    digits, thousands = match.groups()
    digits = digits.replace(" ", "").replace("'", "")
    if "," in digits and "." in digits:
        # Whichever separator comes last is the decimal one.
        if digits.rfind(",") > digits.rfind("."):
            digits = digits.replace(".", "").replace(",", ".")
        else:
            digits = digits.replace(",", "")
    elif "," in digits:
        head, _, tail = digits.rpartition(",")
        digits = digits.replace(",", "") if len(tail) == 3 else f"{head.replace(',', '')}.{tail}"
    elif digits.count(".") > 1 or (digits.count(".") == 1 and len(digits.split(".")[1]) == 3
                                   and not thousands):
        digits = digits.replace(".", "")
    try:
        value = Decimal(digits)
    except InvalidOperation as error:
        raise ValueError(f"{text!r} is not an amount") from error
    return value * 1000 if thousands else value


def parse_salary_text(
    text: str, default_currency: str | None = None
) -> tuple[Decimal | None, Decimal | None, str | None, str | None]:
    """Read free text such as ``$120,000 - $150,000 / year`` or ``62.50 EUR/hour``.

    Returns ``(min, max, currency, period)``; raises ValueError when no amount is found.
    """
    rest = text.strip()
    currency = default_currency
    for symbol, code in _SYMBOLS.items():
        if symbol in rest:
            currency = code
            rest = rest.replace(symbol, " ")
    for word in re.findall(r"\b[A-Za-z]{3}\b", rest):
        if word.upper() in ISO_4217:
            currency = word.upper()
            rest = re.sub(rf"\b{word}\b", " ", rest)
            break
    period = None
    period_match = re.search(r"(?:/|\bper\b|\ba\b|\ban\b)?\s*([A-Za-z]+)\s*$", rest)
    if period_match and parse_period(period_match.group(1)):
        period = parse_period(period_match.group(1))
        rest = rest[: period_match.start()]
    parts = [p for p in re.split(r"\s*(?:-|–|—|\bto\b)\s*", rest.strip()) if p.strip()]
    if not parts or len(parts) > 2:
        raise ValueError(f"{text!r} is not a salary")
    amounts = [parse_amount(p) for p in parts]
    low, high = amounts[0], amounts[-1]
    return low, high, currency, period
