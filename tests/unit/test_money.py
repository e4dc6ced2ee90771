"""Salaries: exact minor units, plain numbers out, free text in."""

import re
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


@pytest.mark.parametrize(("text", "expected"), [
    # Currency signs with a country prefix, before or after, with or without a space.
    ("R$ 18000", ("18000", "18000", "BRL", None)),
    ("C$ 95k", ("95000", "95000", "CAD", None)), ("CA$95,000", ("95000", "95000", "CAD", None)),
    ("A$ 140k", ("140000", "140000", "AUD", None)), ("AU$140k", ("140000", "140000", "AUD", None)),
    ("US$ 120k", ("120000", "120000", "USD", None)), ("HK$ 50k", ("50000", "50000", "HKD", None)),
    ("S$ 8000/month", ("8000", "8000", "SGD", "month")),
    ("NZ$110k", ("110000", "110000", "NZD", None)),
    ("$120k CAD", ("120000", "120000", "CAD", None)),  # the code says which dollar
    ("CHF 120k", ("120000", "120000", "CHF", None)),
    ("Fr. 120 000", ("120000", "120000", "CHF", None)),
    ("120'000 CHF", ("120000", "120000", "CHF", None)),
    ("120’000 CHF", ("120000", "120000", "CHF", None)),
    ("1'234.50 CHF", ("1234.50", "1234.50", "CHF", None)),
    # ¥ is the yen's and the yuan's sign: JPY unless the text says CNY.
    ("¥12,000,000", ("12000000", "12000000", "JPY", None)),
    ("¥300,000 CNY", ("300000", "300000", "CNY", None)),
    ("CN¥300k", ("300000", "300000", "CNY", None)),
    # Indian postings: lakh (100,000) and crore; LPA is lakh per annum, in rupees.
    ("₹18 LPA", ("1800000", "1800000", "INR", "year")),
    ("₹18-24 LPA", ("1800000", "2400000", "INR", "year")),
    ("18 LPA", ("1800000", "1800000", "INR", "year")),
    ("Rs. 18 LPA", ("1800000", "1800000", "INR", "year")),
    ("₹18 lakh per annum", ("1800000", "1800000", "INR", "year")),
    ("₹18L", ("1800000", "1800000", "INR", None)),
    ("₹1.2 crore", ("12000000", "12000000", "INR", None)),
    ("₹18,00,000", ("1800000", "1800000", "INR", None)),
    ("kr 650 000 SEK", ("650000", "650000", "SEK", None)),
    ("650 000 kr. (NOK) per year", ("650000", "650000", "NOK", "year")),
    ("18.000 €", ("18000", "18000", "EUR", None)),
    ("€ 18.000", ("18000", "18000", "EUR", None)),
    ("50.000,- €", ("50000", "50000", "EUR", None)),
    ("1 234,56 €/month", ("1234.56", "1234.56", "EUR", "month")),
    ("45\u202f000 €", ("45000", "45000", "EUR", None)),  # a narrow no-break space groups
    ("£45,000 a year", ("45000", "45000", "GBP", "year")),
    ("zł 9000", ("9000", "9000", "PLN", None)), ("9 000 zł", ("9000", "9000", "PLN", None)),
    ("₺50.000", ("50000", "50000", "TRY", None)), ("₽ 200 000", ("200000", "200000", "RUB", None)),
    ("₱50,000 monthly", ("50000", "50000", "PHP", "month")),
    ("₫30.000.000", ("30000000", "30000000", "VND", None)),
    ("₩60M", ("60000000", "60000000", "KRW", None)),
    ("1.5M JPY", ("1500000", "1500000", "JPY", None)),
    ("120K", ("120000", "120000", None, None)),
    ("usd 50/h", ("50", "50", "USD", "hour")),
    ("60k € p.a.", ("60000", "60000", "EUR", "year")),
    ("4.500 € p.m.", ("4500", "4500", "EUR", "month")),
    # Ranges and open ends.
    ("$120,000–$150,000", ("120000", "150000", "USD", None)),  # en dash
    ("90-105k USD", ("90000", "105000", "USD", None)),  # the k is said once
    ("90,000-105k USD", ("90000", "105000", "USD", None)),
    ("between 100k and 120k EUR", ("100000", "120000", "EUR", None)),
    ("from 50k to 60k EUR", ("50000", "60000", "EUR", None)),
    ("100k~120k USD", ("100000", "120000", "USD", None)),
    ("~120k USD", ("120000", "120000", "USD", None)),
    ("up to 150k USD", (None, "150000", "USD", None)),
    ("max. 150k USD", (None, "150000", "USD", None)),
    ("from €60k", ("60000", None, "EUR", None)),
    ("at least 60k EUR", ("60000", None, "EUR", None)),
    ("120k+ USD", ("120000", None, "USD", None)),
])
def test_parse_salary_text_as_people_type_it(text, expected):
    low, high, currency, period = money.parse_salary_text(text)
    assert (low, high, currency, period) == (
        None if expected[0] is None else Decimal(expected[0]),
        None if expected[1] is None else Decimal(expected[1]), expected[2], expected[3])


@pytest.mark.parametrize("text", ["competitive", "", "1 - 2 - 3", "DOE", "abc", "120k-ish",
                                  "5000 -", "up to 100k - 120k", "between 100k", "EUR/m"])
def test_unparseable_salary_is_refused(text):
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a salary (e.g. '120000 "
                                                   "USD/year')")):
        money.parse_salary_text(text)


@pytest.mark.parametrize("text", [
    "-5000 EUR", "-5000EUR", "- 5000 EUR", "EUR -5000", "-€5000", "€-5000", "−5000 EUR",
    "–5000 EUR", "5000 - -3000 EUR", "5000 to -3000 EUR", "up to -5000 EUR", "-5k",
])
def test_negative_salary_is_refused_not_made_positive(text):
    with pytest.raises(money.SalaryTextError,
                       match=re.escape(f"{text!r} is negative; a salary is 0 or more")):
        money.parse_salary_text(text)


@pytest.mark.parametrize(("text", "choices"), [
    ("kr 650 000", "SEK, NOK, DKK or ISK"), ("650 000 kr.", "SEK, NOK, DKK or ISK"),
    ("Rs 50,000", "INR, PKR, LKR or NPR"),
])
def test_a_sign_of_several_currencies_is_not_guessed(text, choices):
    with pytest.raises(money.SalaryTextError, match=re.escape(f"say which: {choices}")):
        money.parse_salary_text(text)


@pytest.mark.parametrize(("text", "message"), [
    ("€50k USD", "names two currencies (€ and USD)"),
    ("US$ 100k CAD", "names two currencies (US$ and CAD)"),
    ("62.50 EUR/hour annually", "names two periods (hour and year)"),
    ("120000 150000 USD", "'120000 150000' is not a number; write a range with a dash"),
    ("1,234,5 EUR", "'1,234,5' is not a number"),
])
def test_contradictions_are_named(text, message):
    with pytest.raises(money.SalaryTextError, match=re.escape(f"{text!r}")) as caught:
        money.parse_salary_text(text)
    assert message in str(caught.value)


@pytest.mark.parametrize(("text", "value"), [
    ("120,000", "120000"), ("120k", "120000"), ("62.50", "62.50"), ("1.234,56", "1234.56"),
    ("18.000", "18000"), ("1,5", "1.5"), ("0.125", "0.125"), ("1 234,56", "1234.56"),
    ("18,00,000", "1800000"), ("1.5k", "1500"), ("50.000,-", "50000"),
])
def test_parse_amount(text, value):
    assert money.parse_amount(text) == Decimal(value)
    assert str(money.parse_amount(text)) == value  # no "1500.0" from the multiplier


@pytest.mark.parametrize("text", ["-5000", "1,234,5", "120000 150000", "abc", ""])
def test_parse_amount_refuses(text):
    with pytest.raises(ValueError, match="is not an amount"):
        money.parse_amount(text)
