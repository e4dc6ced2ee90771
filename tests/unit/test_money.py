"""Salaries: exact minor units, plain numbers out, free text in."""

from decimal import Decimal

import pytest

from jobtracker import money


@pytest.mark.parametrize(("amount", "currency", "minor"), [
    ("62.50", "EUR", 6250), ("120000", "USD", 12000000), ("5000", "JPY", 5000),
    ("1.234", "KWD", 1234),
])
def test_to_minor_is_exact(amount, currency, minor):
    assert money.to_minor(amount, currency) == minor
    assert money.to_major(minor, currency) == Decimal(amount)


def test_sub_minor_precision_is_refused():
    with pytest.raises(ValueError, match="more decimals"):
        money.to_minor("10.5", "JPY")


@pytest.mark.parametrize(("minor", "currency", "text"), [
    (6250, "EUR", "62.50"), (12000000, "USD", "120000"), (5000, "JPY", "5000"), (None, None, ""),
])
def test_format_plain(minor, currency, text):
    assert money.format_plain(minor, currency) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("$120,000 - $150,000 / year", ("120000", "150000", "USD", "year")),
    ("62.50 EUR/hour", ("62.50", "62.50", "EUR", "hour")),
    ("€55.000", ("55000", "55000", "EUR", None)),
    ("45 to 50 USD per hour", ("45", "50", "USD", "hour")),
    ("120k-150k", ("120000", "150000", None, None)),
    ("1.234,56 EUR monthly", ("1234.56", "1234.56", "EUR", "month")),
])
def test_parse_salary_text(text, expected):
    low, high, currency, period = money.parse_salary_text(text)
    assert (low, high, currency, period) == (Decimal(expected[0]), Decimal(expected[1]),
                                             expected[2], expected[3])


@pytest.mark.parametrize("text", ["competitive", "", "1 - 2 - 3", "DOE"])
def test_unparseable_salary_is_refused(text):
    with pytest.raises(ValueError):
        money.parse_salary_text(text)
