"""`--salary` on the command line, run as real processes: what is stored, what is refused.

Stored amounts are read back through `list --format json`, which speaks the units typed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])})


def _stored(db: Path) -> list[tuple[int | None, int | None, str | None, str | None]]:
    listed = _jt(db, "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    return [(row["salary_min"], row["salary_max"], row["salary_currency"], row["salary_period"])
            for row in json.loads(listed.stdout)]


@pytest.mark.parametrize(("argv", "quoted"), [
    (["--salary", "-5000 EUR"], "'-5000 EUR'"),
    (["--salary=-5000EUR"], "'-5000EUR'"),
    # Two argv items: argparse alone would take -5000EUR for an option and say only
    # "expected one argument".
    (["--salary", "-5000EUR"], "'-5000EUR'"),
    (["--sal", "-5000EUR"], "'-5000EUR'"),
    (["--salary", "-5000"], "'-5000'"),
    (["--salary", "EUR -5000"], "'EUR -5000'"),
    (["--salary", "-€5000"], "'-€5000'"),
])
def test_a_negative_salary_is_refused_and_nothing_is_stored(db_path: Path, argv, quoted):
    result = _jt(db_path, "add", "--title", "T", "--company", "C", *argv)
    assert result.returncode == 2, result.stderr
    assert f"--salary: {quoted} is negative; a salary is 0 or more" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db_path.exists() or _stored(db_path) == []


def test_edit_refuses_a_negative_salary_too(db_path: Path):
    assert _jt(db_path, "add", "--title", "T", "--company", "C",
               "--salary", "5000 EUR/month").returncode == 0
    result = _jt(db_path, "edit", "1", "--salary", "-6000EUR")
    assert result.returncode == 2
    assert "--salary: '-6000EUR' is negative" in result.stderr
    assert _stored(db_path) == [(5000, 5000, "EUR", "month")]


@pytest.mark.parametrize(("salary", "stored"), [
    ("R$ 18000", (18000, 18000, "BRL", None)),
    ("CHF 120k", (120000, 120000, "CHF", None)),
    ("¥12,000,000", (12000000, 12000000, "JPY", None)),  # JPY has no minor unit
    ("₹18 LPA", (1800000, 1800000, "INR", "year")),
    ("18.000 €", (18000, 18000, "EUR", None)),
    ("kr 650 000 NOK", (650000, 650000, "NOK", None)),
    ("up to 150k USD/year", (None, 150000, "USD", "year")),
])
def test_currency_forms_people_type(db_path: Path, salary, stored):
    result = _jt(db_path, "add", "--title", "T", "--company", "C", "--salary", salary)
    assert result.returncode == 0, result.stderr
    assert _stored(db_path) == [stored]


@pytest.mark.parametrize(("salary", "message"), [
    ("abc", "--salary: 'abc' is not a salary (e.g. '120000 USD/year')"),
    ("kr 650 000", "--salary: 'kr 650 000': kr stands for more than one currency; say which: "
                   "SEK, NOK, DKK or ISK"),
    ("120000", "--salary: '120000' has no currency; say which, e.g. '120000 USD/year'"),
    ("€50k USD", "--salary: '€50k USD' names two currencies (€ and USD); keep one"),
])
def test_unclear_salaries_are_refused_quoting_the_input(db_path: Path, salary, message):
    result = _jt(db_path, "add", "--title", "T", "--company", "C", "--salary", salary)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
