"""Salaries as exact integers in a currency's minor unit, and their plain-number text form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

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
    "month": "month", "mo": "month", "monthly": "month", "pm": "month",
    "year": "year", "yr": "year", "annual": "year", "annually": "year", "yearly": "year",
    "annum": "year", "pa": "year",
}  # fmt: skip


def parse_period(text: str) -> str | None:
    """Map a period word (``hourly``, ``/yr``, ``per annum``, ``p.m.``) to a salary period."""
    key = re.sub(r"[^a-z]", "", text.lower().removeprefix("per "))
    return _PERIOD_WORDS.get(key)


class SalaryTextError(ValueError):
    """Salary text that cannot be read; the message quotes the text unchanged and says why."""


# -- currency marks ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    """What a currency mark in salary text can mean, the likeliest first."""

    codes: tuple[str, ...]
    # Whether codes[0] may be assumed when nothing else in the text narrows it down.
    # "$" is read as USD and "¥" as JPY (both long-standing, and what the currency's
    # own country writes); "kr" and "Rs" are refused instead: SEK, NOK, DKK and ISK
    # differ by up to 13x, and no one of them is the obvious reading.
    assumed: bool = True


_DOLLARS = _Mark(("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP",
                  "UYU", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "JMD", "KYD", "LRD", "NAD",
                  "SBD", "SRD", "TTD", "XCD", "GYD", "DOP", "CUP"))
_POUNDS = _Mark(("GBP", "EGP", "GIP", "FKP", "SHP", "LBP", "SYP", "SDG", "SSP"))
_YEN = _Mark(("JPY", "CNY"))  # ¥ is the yen's and the yuan's sign; read as JPY unless told
_KRONA = _Mark(("SEK", "NOK", "DKK", "ISK"), assumed=False)
_RUPEES = _Mark(("INR", "PKR", "LKR", "NPR"), assumed=False)

# Signs, and signs with a country prefix (R$ is Brazil's real, not a dollar).
_SIGNS = {
    "$": _DOLLARS, "US$": _Mark(("USD",)), "C$": _Mark(("CAD",)), "CA$": _Mark(("CAD",)),
    "A$": _Mark(("AUD",)), "AU$": _Mark(("AUD",)), "NZ$": _Mark(("NZD",)),
    "HK$": _Mark(("HKD",)), "S$": _Mark(("SGD",)), "SG$": _Mark(("SGD",)),
    "MX$": _Mark(("MXN",)), "NT$": _Mark(("TWD",)), "R$": _Mark(("BRL",)),
    "€": _Mark(("EUR",)), "£": _POUNDS, "¥": _YEN, "CN¥": _Mark(("CNY",)),
    "JP¥": _Mark(("JPY",)), "円": _Mark(("JPY",)), "元": _Mark(("CNY",)),
    "₹": _Mark(("INR",)), "₩": _Mark(("KRW", "KPW")), "₪": _Mark(("ILS",)),
    "₺": _Mark(("TRY",)), "₽": _Mark(("RUB",)), "₱": _Mark(("PHP",)), "₫": _Mark(("VND",)),
    "฿": _Mark(("THB",)), "₴": _Mark(("UAH",)), "₦": _Mark(("NGN",)), "₸": _Mark(("KZT",)),
    "₼": _Mark(("AZN",)), "₾": _Mark(("GEL",)), "₵": _Mark(("GHS",)), "₲": _Mark(("PYG",)),
    "₡": _Mark(("CRC",)),
}  # fmt: skip
# Words and abbreviations, looked up case-folded without a final dot ("Fr." is "fr").
_CURRENCY_WORDS = {
    "kr": _KRONA, "rs": _RUPEES, "fr": _Mark(("CHF",)), "sfr": _Mark(("CHF",)),
    "zł": _Mark(("PLN",)), "zl": _Mark(("PLN",)), "kč": _Mark(("CZK",)), "ft": _Mark(("HUF",)),
    "lei": _Mark(("RON", "MDL")), "rp": _Mark(("IDR",)), "rm": _Mark(("MYR",)),
    "rmb": _Mark(("CNY",)), "yuan": _Mark(("CNY",)), "yen": _Mark(("JPY",)),
    "euro": _Mark(("EUR",)), "euros": _Mark(("EUR",)), "dollar": _DOLLARS, "dollars": _DOLLARS,
    "pound": _POUNDS, "pounds": _POUNDS,
}  # fmt: skip

# -- amounts ----------------------------------------------------------------------------------

_LAKH, _CRORE = 10**5, 10**7
_MULTIPLIERS = {
    "k": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mio": 10**6, "million": 10**6,
    # Indian numbering: 18 lakh is 1,800,000; "18L" is how postings shorten it.
    "l": _LAKH, "lakh": _LAKH, "lakhs": _LAKH, "lac": _LAKH, "lacs": _LAKH,
    "cr": _CRORE, "crore": _CRORE, "crores": _CRORE,
}  # fmt: skip
# "LPA" (lakh per annum) is how Indian postings state a yearly salary: "₹18 LPA" is
# 1,800,000 INR a year. Only Indian postings say it, so it also settles the currency.
_LPA = "lpa"

# A number as typed: digits with grouping marks (, . ' and spaces) and a decimal mark,
# checked by _number(); a German ",-" after it ("50.000,-") says "no cents".
_DIGITS = r"\d(?:[\d,.' ]*\d)?(?:[.,][-–—]{1,2})?"
_TOKEN = re.compile(
    rf"""
    (?P<number>{_DIGITS})
    | (?P<sign>(?<![^\W\d_])(?:US|CA|AU|NZ|HK|SG|MX|NT|C|A|S|R)\$|(?<![^\W\d_])(?:CN|JP)¥
        |[$€£¥円元₹₩₪₺₽₱₫฿₴₦₸₼₾₵₲₡])
    | (?P<per>(?<![^\W\d_])[pP]\.?[aAmM]\.?(?![^\W\d_]))   # p.a., pa, p.m.
    | (?P<word>[^\W\d_]+\.?)
    | (?P<dash>[-‐‑‒–—―−])
    | (?P<tilde>[~〜])
    | (?P<slash>/)
    | (?P<plus>\+)
    | (?P<space>[\s,;:()\[\]]+)
    """,
    re.VERBOSE,
)
_AMOUNT = re.compile(rf"({_DIGITS})\s*([kK])?")
_GROUPING = re.compile(r"[.,' ]")


def _number(digits: str) -> Decimal | None:
    """The value of one number as typed, or None when its marks make no sense.

    Both marks: the last is the decimal one (``1.234,56``, ``1,234.56``). One mark once:
    decimal unless exactly three digits follow it (``62.50``, ``1,5``; ``18.000`` is
    eighteen thousand, as in German and in most postings) or the number is also grouped
    by spaces or apostrophes (``1 234,56``, ``1'234.50``). Groups are checked, so
    ``120000 150000`` (a missing dash) is refused rather than read as 120,000,150,000;
    Indian grouping (``18,00,000``) counts as grouping.
    """
    digits = re.sub(r"[.,][-–—]+$", "", digits)
    marks = [ch for ch in digits if ch in ".,"]
    decimal_mark = None
    if len(set(marks)) == 2:
        decimal_mark = marks[-1]
    elif len(marks) == 1 and (" " in digits or "'" in digits or digits.startswith("0")
                              or not re.search(r"[.,]\d{3}$", digits)):
        decimal_mark = marks[0]
    whole, fraction = digits, ""
    if decimal_mark:
        whole, _, fraction = digits.rpartition(decimal_mark)
        if not fraction.isdigit():
            return None
    groups = _GROUPING.split(whole)
    if len(groups) > 1:
        separators = set(_GROUPING.findall(whole))
        western = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        indian = (separators == {","} and 1 <= len(groups[0]) <= 2 and len(groups[-1]) == 3
                  and all(len(g) == 2 for g in groups[1:-1]))
        if len(separators) != 1 or decimal_mark in separators or not (western or indian):
            return None
    return Decimal("".join(groups) + (f".{fraction}" if fraction else ""))


def _tidy(value: Decimal) -> Decimal:
    """``Decimal('1500.0')`` as ``Decimal('1500')``: a multiplier leaves no false decimals."""
    # Beyond the 28 digits of Decimal's context quantize would raise; such a typo is
    # left as it is, for the salary checks to refuse as unbelievable.
    if value.adjusted() < 28 and value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value


def parse_amount(text: str) -> Decimal:
    """Parse ``120,000``, ``120k``, ``62.50`` or ``1.234,56`` into a Decimal; ValueError if not."""
    match = _AMOUNT.fullmatch(text.strip())
    value = _number(match.group(1)) if match else None
    if match is None or value is None:
        raise ValueError(f"{text!r} is not an amount")
    return _tidy(value * 1000) if match.group(2) else value


# -- salary text ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Amount:
    value: Decimal
    multiplier: int | None = None


# What the words around the numbers mean, once currency and period are set aside.
_AT_LEAST, _AT_MOST, _ABOUT, _BETWEEN, _RANGE, _DASH, _PLUS = (
    "at least", "at most", "about", "between", "range", "dash", "plus")
_WORDS = {
    "from": _AT_LEAST, "min": _AT_LEAST, "minimum": _AT_LEAST, "upto": _AT_MOST,
    "max": _AT_MOST, "maximum": _AT_MOST, "between": _BETWEEN, "to": _RANGE, "and": _RANGE,
    "bis": _RANGE, "ca": _ABOUT, "approx": _ABOUT, "about": _ABOUT, "around": _ABOUT,
}  # fmt: skip
_PHRASES = {("up", "to"): _AT_MOST, ("at", "least"): _AT_LEAST, ("starting", "at"): _AT_LEAST,
            ("starting", "from"): _AT_LEAST}
_CONNECTORS = frozenset({"per", "a", "an"})


def parse_salary_text(
    text: str, default_currency: str | None = None
) -> tuple[Decimal | None, Decimal | None, str | None, str | None]:
    """Read salary text as people type it, e.g. ``$120,000 - $150,000 / year``.

    Also ``62.50 EUR/hour``, ``R$ 18000``, ``CHF 120k``, ``¥12,000,000`` (JPY; CNY when
    the text says CNY, RMB, 元 or CN¥), ``₹18 LPA``, ``18.000 €``, ``up to 150k``.

    Returns ``(min, max, currency, period)``; an open end ("up to", "from", "120k+") is
    None. ``currency`` is an ISO 4217 code, else ``default_currency``. Raises
    SalaryTextError (a ValueError) for a negative amount, a currency mark that several
    currencies share with nothing to say which (``kr``), two currencies or periods, or
    anything else that is not a salary; the message quotes ``text`` unchanged.
    """
    marks: list[tuple[str, _Mark]] = []
    periods: list[str] = []
    hint: str | None = None
    items: list[_Amount | str] = []
    not_salary = SalaryTextError(f"{text!r} is not a salary (e.g. '120000 USD/year')")

    tokens = _tokens(text, not_salary)
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        key = value.rstrip(".").casefold()
        following = tokens[i + 1][1].rstrip(".").casefold() if i + 1 < len(tokens) else ""
        i += 1
        if kind == "number":
            number = _number(value)
            if number is None:
                # "120000 150000": a range without its dash, not 120,000,150,000.
                hint = "; write a range with a dash, e.g. '120000-150000'" if " " in value else ""
                raise SalaryTextError(f"{text!r}: {value!r} is not a number{hint}")
            items.append(_Amount(number))
        elif kind == "sign":
            marks.append((value, _SIGNS[value]))
        elif kind == "per":
            periods.append(_PERIOD_WORDS[re.sub(r"[^a-z]", "", key)])
        elif kind == "word" and len(key) == 3 and key.upper() in ISO_4217:
            marks.append((value, _Mark((key.upper(),))))
        elif kind == "word" and key in _CURRENCY_WORDS:
            marks.append((value, _CURRENCY_WORDS[key]))
        elif kind == "word" and key in (*_MULTIPLIERS, _LPA):
            last = items[-1] if items else None
            if not isinstance(last, _Amount) or last.multiplier or tokens[i - 2][0] != "number":
                raise not_salary
            last.multiplier = _LAKH if key == _LPA else _MULTIPLIERS[key]
            if key == _LPA:
                periods.append("year")
                hint = "INR"
        elif kind == "slash" or (kind == "word" and key in _CONNECTORS):
            period = parse_period(following)
            if period is None:
                raise not_salary
            periods.append(period)
            i += 1
        elif kind == "word" and key in _PERIOD_WORDS:
            periods.append(_PERIOD_WORDS[key])
        elif kind == "word" and (key, following) in _PHRASES:
            items.append(_PHRASES[key, following])
            i += 1
        elif kind == "word" and key in _WORDS:
            items.append(_WORDS[key])
        elif kind == "tilde":
            # "~120k" is about 120k; "100k~120k" (as Japanese postings write) a range.
            items.append(_RANGE if any(isinstance(it, _Amount) for it in items) else _ABOUT)
        elif kind in ("dash", "plus"):
            items.append(_DASH if kind == "dash" else _PLUS)
        else:
            raise not_salary
    if len(set(periods)) > 1:
        raise SalaryTextError(f"{text!r} names two periods ({' and '.join(dict.fromkeys(periods))})"
                              "; keep one")
    low, high = _bounds(text, items, not_salary)
    currency = _currency(text, marks, hint) if marks else hint or default_currency
    return low, high, currency, periods[0] if periods else None


def _tokens(text: str, not_salary: SalaryTextError) -> list[tuple[str, str]]:
    """``(kind, text)`` pairs of ``text`` (spaces dropped); unknown characters refuse it."""
    # NFKC folds no-break and thin spaces into spaces, and full-width ＄ ￥ １ into $ ¥ 1.
    normal = unicodedata.normalize("NFKC", text).replace("’", "'").strip()
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(normal):
        match = _TOKEN.match(normal, position)
        if match is None or match.lastgroup is None:
            raise not_salary
        if match.lastgroup != "space":
            tokens.append((match.lastgroup, match.group()))
        position = match.end()
    return tokens


def _bounds(text: str, items: list[_Amount | str], not_salary: SalaryTextError
            ) -> tuple[Decimal | None, Decimal | None]:
    """``(min, max)`` from amounts and range words: ``A``, ``A-B``, ``up to A``, ``A+``..."""
    negative = SalaryTextError(f"{text!r} is negative; a salary is 0 or more")
    rest = [item for item in items if item != _ABOUT]  # "~120k", "ca. 50.000 €": as stated
    bound = rest.pop(0) if rest and rest[0] in (_AT_LEAST, _AT_MOST, _BETWEEN) else None

    def amount() -> _Amount:
        # A dash where an amount starts ("-5000", "EUR -5000", "5000 to -3000") is a minus.
        item = rest.pop(0) if rest else None
        if item == _DASH and rest and isinstance(rest[0], _Amount):
            raise negative
        if not isinstance(item, _Amount):
            raise not_salary
        return item

    first = amount()
    second: _Amount | None = None
    if rest and rest[0] in (_DASH, _RANGE) and bound != _AT_MOST:
        rest.pop(0)
        second = amount()
    elif rest == [_PLUS] and bound is None:
        rest.pop(0)
        bound = _AT_LEAST
    if rest or (bound == _BETWEEN and second is None):
        raise not_salary
    # Multiplied only when there is a multiplier: Decimal arithmetic rounds to 28 digits.
    low = first.value * first.multiplier if first.multiplier else first.value
    if second is None:
        low = _tidy(low)
        return (None if bound == _AT_MOST else low), (None if bound == _AT_LEAST else low)
    high = second.value * second.multiplier if second.multiplier else second.value
    if first.multiplier is None and second.multiplier and low * second.multiplier <= high:
        low *= second.multiplier  # "90-105k", "₹18-24 LPA": the unit is said once
    return _tidy(low), _tidy(high)


def _currency(text: str, marks: list[tuple[str, _Mark]], hint: str | None) -> str:
    """The one ISO code all currency marks agree on; SalaryTextError when none or unclear."""
    possible = [code for code in marks[0][1].codes
                if all(code in mark.codes for _, mark in marks[1:])]
    if not possible:
        names = " and ".join(dict.fromkeys(written for written, _ in marks))
        raise SalaryTextError(f"{text!r} names two currencies ({names}); keep one")
    if len(possible) == 1:
        return possible[0]
    if hint in possible:
        return hint  # "Rs 18 LPA"
    unclear = [written for written, mark in marks if not mark.assumed]
    if not unclear and all(mark.codes[0] == possible[0] for _, mark in marks):
        return possible[0]
    choices = ", ".join(possible[:-1]) + f" or {possible[-1]}"
    raise SalaryTextError(f"{text!r}: {(unclear or [marks[0][0]])[0]} stands for more "
                          f"than one currency; say which: {choices}")
