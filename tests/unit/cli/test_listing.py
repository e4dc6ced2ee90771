"""``list`` as a user meets it: salary order, search for C++/.NET and tags, wide characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.unit.cli.test_main import jt, ok


def _add(db: Path, title: str, *args: str) -> None:
    ok(jt(db, "add", "--title", title, "--company", "Acme", *args))


def _titles(db: Path, *args: str) -> list[str]:
    lines = ok(jt(db, "list", "--format", "csv", *args)).splitlines()[1:]
    return [line.split(",")[2] for line in lines]


def test_sort_by_salary_compares_yearly_amounts_per_currency(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    _add(db, "no salary")
    _add(db, "hourly", "--salary", "60 USD/hour")          # 124,800 a year
    _add(db, "yearly", "--salary", "120000-130000 USD/year")
    _add(db, "monthly", "--salary", "9000 EUR/month")      # 108,000 a year
    _add(db, "daily", "--salary", "500 EUR/day")           # 130,000 a year
    # USD before EUR when descending; within each, the top of the range per year.
    assert _titles(db, "--sort", "salary") == ["yearly", "hourly", "daily", "monthly",
                                               "no salary"]
    assert _titles(db, "--sort", "salary", "--asc") == ["monthly", "daily", "hourly",
                                                        "yearly", "no salary"]
    assert "yearly amounts" in ok(jt(None, "list", "--help"))


def test_search_finds_words_with_symbols_and_tag_names(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    _add(db, "C++ Developer", "--description", "Modern C++ and CMake")
    _add(db, "C# Developer", "--description", "ASP.NET Core, .NET 8")
    _add(db, "C Programmer", "--description", "Embedded C")
    _add(db, "Network Engineer", "--description", "jobs.netflix.com, net admin")
    _add(db, "Go Developer", "--tag", "fintech", "--tag", "C++")
    assert _titles(db, "--search", "C++", "--sort", "title", "--asc") == [
        "C++ Developer", "Go Developer"]
    assert _titles(db, "--search", "C#") == ["C# Developer"]
    assert _titles(db, "--search", ".NET") == ["C# Developer"]
    assert _titles(db, "--search", "fintech") == ["Go Developer"]


def _columns(text: str) -> int:
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_the_table_lines_up_wide_characters(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    ok(jt(db, "add", "--title", "バックエンドエンジニア", "--company", "株式会社メルカリ",
          "--location", "東京"))
    ok(jt(db, "add", "--title", "Backend Engineer", "--company", "Acme", "--location",
          "Berlin"))
    lines = ok(jt(db, "list", env={"COLUMNS": "200"})).splitlines()
    columns = {_columns(line[:line.index("Stage" if i == 0 else "Saved")])
               for i, line in enumerate(lines)}
    assert len(columns) == 1, lines


def test_record_tables_and_stats_line_up_wide_characters(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    ok(jt(db, "contact", "add", "山田太郎", "--company", "株式会社メルカリ", "--role", "採用"))
    ok(jt(db, "contact", "add", "Ann Lee", "--company", "Acme", "--role", "Recruiter"))
    lines = ok(jt(db, "contact", "list")).splitlines()
    starts = {_columns(line[:line.index(role)]) for line in lines
              for role in ("Role", "採用", "Recruiter") if role in line}
    assert len(lines) == 3 and len(starts) == 1, lines
