"""CSV-injection neutralising: dangerous cells are defused and come back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobtracker.exchange.csv_cells import neutralize, restore

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_every_dangerous_prefix_gets_a_quote_and_comes_back(prefix: str) -> None:
    text = f"{prefix}SUM(A1:A9)"
    written = neutralize(text)
    assert written == "'" + text
    assert restore(written) == text


def test_hyperlink_formula_is_defused() -> None:
    formula = '=HYPERLINK("http://example.com")'
    assert neutralize(formula) == "'" + formula
    assert restore(neutralize(formula)) == formula


@pytest.mark.parametrize("text", ["", "hello", "Acme, Inc.", "120000", "2026-11-03", " =x",
                                  "a=b", "日本語"])
def test_harmless_text_is_untouched(text: str) -> None:
    assert neutralize(text) == text
    assert restore(text) == text


def test_a_leading_quote_is_escaped_so_it_survives() -> None:
    assert neutralize("'hello") == "''hello"
    assert restore("''hello") == "'hello"
    assert neutralize("'=1") == "''=1"
    assert restore("''=1") == "'=1"


def test_a_hand_made_leading_quote_is_kept() -> None:
    # Nothing dangerous follows, so it was not ours: the user's text stays as typed.
    assert restore("'hello") == "'hello"
    assert restore("'") == "'"


@given(st.text())
def test_restore_undoes_neutralize_for_any_text(text: str) -> None:
    assert restore(neutralize(text)) == text


@given(st.text())
def test_neutralized_cells_never_start_with_a_formula_character(text: str) -> None:
    written = neutralize(text)
    assert not written or written[0] not in "=+-@\t\r"
