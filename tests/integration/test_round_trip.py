"""Whole-file round trips on realistic data: demo -> CSV / JSON -> new database -> again."""

import contextlib
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobtracker.demo import populate
from jobtracker.errors import InputFileError
from jobtracker.exchange.csv_export import write_csv
from jobtracker.exchange.csv_import import read_csv
from jobtracker.tracker import SortKey, Tracker

from ..conftest import NOW, TODAY  # noqa: TID252 - one clock for every test


def _export_csv(tracker: Tracker) -> str:
    out = io.StringIO(newline="")
    write_csv(tracker.iter_applications(sort=SortKey.ID, descending=False), out)
    return out.getvalue()


def _fresh(path: Path, template: Path) -> Tracker:
    from jobtracker.db import open_database

    path.write_bytes(template.read_bytes())
    return Tracker(open_database(path), today=lambda: TODAY, now=lambda: NOW)


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    populate(tracker, 1500, seed=7)
    return tracker


def test_csv_round_trip_keeps_every_column_the_file_carries(demo: Tracker, tmp_path: Path,
                                                            migrated_template: Path):
    first = _export_csv(demo)
    path = tmp_path / "export.csv"
    path.write_text(first, newline="", encoding="utf-8")
    with _fresh(tmp_path / "copy.db", migrated_template) as copy:
        result = read_csv(path, stages=copy.stages(), today=copy.today())
        copy.import_records(result.records)
        second = _export_csv(copy)
    # Notes count and next interview are derived from notes and interviews, which
    # the spreadsheet does not carry (the JSON export does); everything else is equal.
    derived = {"Next interview", "Notes"}

    def comparable(text: str) -> list[list[str]]:
        import csv

        rows = list(csv.reader(io.StringIO(text)))
        keep = [i for i, name in enumerate(rows[0]) if name not in derived]
        return [[row[i] for i in keep] for row in rows]

    assert comparable(second) == comparable(first)
    assert len(first.splitlines()) == 1501


def test_json_round_trip_is_lossless(demo: Tracker, tmp_path: Path, migrated_template: Path):
    payload = json.loads(json.dumps(demo.export_everything()))
    with _fresh(tmp_path / "copy.db", migrated_template) as copy:
        copy.import_everything(payload)
        assert copy.export_everything()["tables"] == payload["tables"]
        assert copy.stats() == demo.stats()
        assert copy.search_ids("python")[:50] == demo.search_ids("python")[:50]


def test_malformed_csv_changes_nothing_and_names_the_row(demo: Tracker, tmp_path: Path):
    lines = _export_csv(demo).splitlines()
    lines[700] = lines[700].replace(",20", ",yesterday-ish", 1)  # break one date cell
    path = tmp_path / "broken.csv"
    path.write_text("\r\n".join(lines) + "\r\n", newline="", encoding="utf-8")
    before = demo.count_applications()
    with pytest.raises(InputFileError, match="row 701"):
        demo.import_records(read_csv(path, stages=demo.stages()).records)
    assert demo.count_applications() == before


def test_database_passes_integrity_checks_after_bulk_work(demo: Tracker):
    con = sqlite3.connect(demo.db.path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    # The search index holds exactly one row per application.
    assert con.execute("SELECT count(*) FROM application_fts").fetchone() == (1500,)
    con.execute("INSERT INTO application_fts(application_fts) VALUES ('integrity-check')")
    con.close()


# -- any sequence of commands survives export json -> import json, once or twice ------

_COMPANIES = ("Acme", "Globex", "Initech", "Umbrella")
_STAGES = ("Applied", "Screening", "Interviewing", "Offer", "Rejected", "Ghosted")
_TIMES = ("2026-12-01 09:30", "2026-11-20 16:00", "2027-01-15 11:15")
_ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo")
# Text a person types, any script; starts with a letter so it is never an option or '-'.
_TEXT = st.builds(lambda head, tail: head + tail, st.sampled_from("AbÉжあ"),
                  st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                          max_size=12))
_APP = st.integers(min_value=1, max_value=3)  # the three the property starts with, or later

_COMMANDS = st.one_of(
    st.tuples(st.just("add"), _TEXT, st.sampled_from(_COMPANIES),
              st.sampled_from(("", "2026-11-02", "2025-06-30"))),
    st.tuples(st.just("edit"), _APP, _TEXT, st.integers(min_value=1, max_value=5)),
    st.tuples(st.just("move"), _APP, st.sampled_from(_STAGES)),
    st.tuples(st.just("note"), _APP, _TEXT),
    st.tuples(st.just("interview"), _APP, st.sampled_from(_TIMES), st.sampled_from(_ZONES)),
    st.tuples(st.just("delete"), _APP),
    st.tuples(st.just("restore"), _APP),
)


def _argv(command: tuple[Any, ...]) -> list[str]:
    name, *rest = command
    if name == "add":
        title, company, applied = rest
        return ["add", f"--title={title}", f"--company={company}",
                *([f"--applied={applied}"] if applied else [])]
    if name == "edit":
        app, title, priority = rest
        return ["edit", str(app), f"--title={title}", f"--priority={priority}"]
    if name == "move":
        return ["move", str(rest[0]), rest[1]]
    if name == "note":
        return ["note", str(rest[0]), rest[1]]
    if name == "interview":
        app, at, zone = rest
        return ["interview", str(app), "--at", at, "--tz", zone, "--kind", "Technical"]
    return [name, str(rest[0])]


def _in_process(db: Path, *args: str) -> tuple[int, str]:
    """The command line in this process (quick enough for many examples)."""
    from jobtracker import cli

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(["--db", str(db), *args])
    return code, err.getvalue()


def _in_a_process(db: Path, *args: str) -> tuple[int, str]:
    """The real ``python -m jobtracker`` process, as users run it."""
    done = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr


def _comparable(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    """Every table's rows with surrogate ids replaced by what identifies the row for good.

    A row with a UUID is named by it; a stage, company or tag by its name, a
    document by its hash; references name the row they point at. Rows are sorted.
    """
    from jobtracker.models import Base

    names = {"stage": "name", "company": "name", "tag": "name", "document": "sha256",
             "mail_account": "name"}
    keys: dict[str, dict[Any, Any]] = {}
    for table, rows in tables.items():
        column = "uuid" if rows and "uuid" in rows[0] else names.get(table)
        keys[table] = {row.get("id"): row[column] if column else row.get("id")
                       for row in rows}
    result: dict[str, list[str]] = {}
    for table in Base.metadata.sorted_tables:
        references = {column.name: next(iter(column.foreign_keys)).column.table.name
                      for column in table.c if column.foreign_keys}
        result[table.name] = sorted(json.dumps({
            name: (keys[references[name]].get(value) if name in references else value)
            for name, value in row.items() if name != "id"}, sort_keys=True)
            for row in tables.get(table.name, []))
    return result


def _round_trips(commands: list[tuple[Any, ...]], run: Callable[..., tuple[int, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        first, copy = work / "first.db", work / "copy.db"
        for command in commands:
            code, err = run(first, *_argv(command))
            # Refusals (an id not there, a move to the current stage) are fine; crashes not.
            assert code in (0, 1) and "unexpected error" not in err, (command, err)
        exported, again, third = work / "a.json", work / "b.json", work / "c.json"
        assert run(first, "export", "json", "-o", str(exported))[0] == 0
        code, err = run(copy, "import", "json", str(exported))
        assert code == 0, err
        assert run(copy, "export", "json", "-o", str(again))[0] == 0
        a, b = (json.loads(path.read_text(encoding="utf-8")) for path in (exported, again))
        assert _comparable(b["tables"]) == _comparable(a["tables"])
        assert b["files"] == a["files"]
        # The same file once more changes nothing at all, and finds nothing different.
        code, err = run(copy, "import", "json", str(exported))
        assert code == 0 and "warning" not in err, err
        if run is _in_process:
            with Tracker.open(copy) as tracker:
                again_result = tracker.import_everything(a)
            assert sum(again_result.added.values()) == 0, again_result
            assert sum(again_result.differing.values()) == 0, again_result
        assert run(copy, "export", "json", "-o", str(third))[0] == 0
        assert json.loads(third.read_text(encoding="utf-8"))["tables"] == b["tables"]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_COMMANDS, min_size=1, max_size=10))
def test_any_commands_survive_export_then_import_once_or_twice(
        commands: list[tuple[Any, ...]]):
    _round_trips([("add", "Backend Engineer", "Acme", "2026-11-02"), ("add", "SRE", "Globex", ""),
                  ("add", "Data Engineer", "Initech", "2025-06-30"), *commands], _in_process)


def test_the_same_round_trip_through_real_processes():
    _round_trips([
        ("add", "Backend Engineer", "Acme", "2026-11-02"), ("add", "SRE", "Globex", ""),
        ("move", 1, "Screening"), ("note", 1, "Ünïcödé note"),
        ("interview", 1, "2026-12-01 09:30", "Europe/Berlin"), ("edit", 2, "SRE II", 5),
        ("delete", 2), ("restore", 2), ("delete", 1)], _in_a_process)
