"""`list`/`show --format json`: the README's contract, keys and units, against real output."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jobtracker.tracker import ContactInput, SnapshotInput, Tracker
from tests.unit.cli.test_main import jt, ok

README = Path(__file__).parents[3] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### JSON output")
    return text[start:text.index("\n### ", start + 1)]


def _table_after(section: str, marker: str) -> list[list[str]]:
    """The cells of the rows of the first table after ``marker`` (header and rule left out)."""
    lines = section[section.index(marker):].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[first + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _names(text: str) -> list[str]:
    # Values in parentheses (`resume`, ...) are examples, not keys.
    return re.findall(r"`([a-z][a-z0-9_]*)`", re.sub(r"\([^)]*\)", "", text))


def documented_list_keys() -> list[str]:
    return [_names(row[0])[0] for row in _table_after(_section(), "Each object of `list")]


def documented_show_keys() -> tuple[set[str], dict[str, list[str]]]:
    section = _section()
    sentence = section[section.index("`show --format json` has the same keys"):]
    except_part = sentence[sentence.index("except"):sentence.index("plus")]
    plus_part = sentence[sentence.index("plus"):sentence.index("and these arrays")]
    nested = {_names(row[0])[0]: _names(row[1])
              for row in _table_after(section, "`show --format json` has the same keys")}
    top = (set(documented_list_keys()) - set(_names(except_part))) | set(_names(plus_part))
    return top | set(nested), nested


@pytest.fixture
def everything(db_path: Path, tmp_path: Path) -> Path:
    """One application with something in every part `show` has."""
    ok(jt(db_path, "add", "--title", "Engineer", "--company", "Acme", "--applied",
          "2026-11-02", "--salary", "62.50 EUR/hour", "--tag", "python"))
    ok(jt(db_path, "note", "1", "A note"))
    ok(jt(db_path, "interview", "1", "--at", "2099-12-01 14:30", "--tz", "Europe/Amsterdam"))
    resume = tmp_path / "cv.pdf"
    resume.write_bytes(b"%PDF-1.4 resume")
    with Tracker.open(db_path) as tracker:
        contact = tracker.add_contact(ContactInput(name="Jane Doe", company="Acme"))
        tracker.link_contact(1, contact)
        tracker.add_task("Send portfolio", due_on=dt.date(2026, 12, 2), application_id=1)
        tracker.attach_document(1, resume)
        tracker.add_posting_snapshot(1, SnapshotInput(
            source_url="https://jobs.example.com/1", fetched_at=dt.datetime(
                2026, 11, 1, 9, tzinfo=dt.UTC), title="Engineer"))
    return db_path


def test_list_json_has_exactly_the_documented_keys(everything: Path) -> None:
    [row] = json.loads(ok(jt(everything, "list", "--format", "json")))
    assert list(row) == documented_list_keys()


def test_show_json_has_exactly_the_documented_keys(everything: Path) -> None:
    detail = json.loads(ok(jt(everything, "show", "1", "--format", "json")))
    top, nested = documented_show_keys()
    assert set(detail) == top
    for name, keys in nested.items():
        assert detail[name], f"the fixture should fill {name}"
        assert [list(item) for item in detail[name]] == [keys] * len(detail[name]), name


def test_salaries_are_in_the_units_typed_like_csv_and_text(db_path: Path) -> None:
    # Before, JSON said 10000 for "100 EUR" (cents) while CSV and text said 100.
    ok(jt(db_path, "add", "--title", "A", "--company", "C", "--salary", "100 EUR"))
    ok(jt(db_path, "add", "--title", "B", "--company", "C", "--salary", "62.50 EUR/hour"))
    ok(jt(db_path, "add", "--title", "D", "--company", "C", "--salary", "9000000 JPY/year"))
    ok(jt(db_path, "add", "--title", "E", "--company", "C",
          "--salary", "1234567.89-2345678.91 USD/year"))
    listed = ok(jt(db_path, "list", "--sort", "id", "--asc", "--format", "json"))
    rows = json.loads(listed, parse_float=Decimal)
    assert [(r["salary_min"], r["salary_max"]) for r in rows] == [
        (100, 100), (Decimal("62.5"), Decimal("62.5")), (9000000, 9000000),
        (Decimal("1234567.89"), Decimal("2345678.91"))]
    assert '"salary_min": 62.5,' in listed and '"salary_min": 100,' in listed
    shown = json.loads(ok(jt(db_path, "show", "2", "--format", "json")), parse_float=Decimal)
    assert (shown["salary_min"], shown["salary_currency"]) == (Decimal("62.5"), "EUR")
    csv_cells = ok(jt(db_path, "list", "--sort", "id", "--asc", "--format", "csv"))
    assert ",100,100,EUR," in csv_cells and ",62.50,62.50,EUR,hour," in csv_cells
    assert "62.50 EUR/hour" in ok(jt(db_path, "show", "2"))


def test_interview_times_carry_the_interviews_own_zone(everything: Path) -> None:
    # Shown on a computer in another zone: the time stays the one set in Amsterdam.
    env = {"TZ": "America/New_York"}
    [row] = json.loads(ok(jt(everything, "list", "--format", "json", env=env)))
    assert row["next_interview"] == "2099-12-01T14:30:00+01:00"
    detail = json.loads(ok(jt(everything, "show", "1", "--format", "json", env=env)))
    [interview] = detail["interviews"]
    assert (interview["starts_at"], interview["timezone"]) == ("2099-12-01T14:30:00+01:00",
                                                               "Europe/Amsterdam")
    assert detail["created_at"].endswith("Z") and detail["applied_on"] == "2026-11-02"


def test_the_json_backup_says_its_salaries_are_minor_units(db_path: Path) -> None:
    ok(jt(db_path, "add", "--title", "A", "--company", "C", "--salary", "100 EUR"))
    backup = json.loads(ok(jt(db_path, "export", "json")))
    assert "minor unit" in backup["units"]["salary_min"]
    assert backup["tables"]["application"][0]["salary_min"] == 10000
