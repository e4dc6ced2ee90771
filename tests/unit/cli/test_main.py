"""The command line, run as a real process: output, exit codes, one plain line on failure."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def jt(db: Path | None, *args: str, stdin: str | None = None, env: dict | None = None
       ) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jobtracker"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run([*command, *args], capture_output=True, text=True, input=stdin,
                          env={**os.environ, **(env or {})}, timeout=120)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, text: str):
    assert result.returncode == code
    assert text in result.stderr
    assert "Traceback" not in result.stderr
    if code == 1:
        assert result.stderr.count("\n") == 1


def test_version():
    from jobtracker import __version__

    assert ok(jt(None, "--version")).strip() == f"jobtracker {__version__}"


def test_a_whole_search_from_the_terminal(db_path: Path):
    first = ok(jt(db_path, "add", "--title", "Backend Engineer", "--company", "Acme",
                  "--applied", "2026-11-02", "--location", "Berlin", "--tag", "python",
                  "--salary", "62.50 EUR/hour")).strip()
    second = ok(jt(db_path, "add", "--title", "SRE", "--company", "Globex")).strip()
    assert (first, second) == ("1", "2")
    assert "Screening since 2026-11-10" in ok(jt(db_path, "move", "1", "screening",
                                                  "--at", "2026-11-10"))
    ok(jt(db_path, "note", "1", "-", stdin="Asked about *Kubernetes*\n"))
    ok(jt(db_path, "interview", "1", "--at", "2026-12-01 14:30", "--tz", "Europe/Berlin",
          "--kind", "Technical"))

    table = ok(jt(db_path, "list"))
    assert "Backend Engineer" in table and "SRE" in table
    found = json.loads(ok(jt(db_path, "list", "--search", "kube", "--format", "json")))
    assert [row["title"] for row in found] == ["Backend Engineer"]
    # In the units typed, like CSV and text (it was 6250, the stored cents).
    assert found[0]["salary_min"] == 62.5 and found[0]["salary_currency"] == "EUR"
    assert json.loads(ok(jt(db_path, "list", "--stage", "Saved", "--format", "json")))[0][
        "title"] == "SRE"

    shown = ok(jt(db_path, "show", "1"))
    assert "62.50 EUR/hour" in shown
    assert "2026-11-10  Screening" in shown
    assert "2026-12-01 13:30  Technical" in shown or "Technical" in shown
    detail = json.loads(ok(jt(db_path, "show", "1", "--format", "json")))
    assert [e["to_stage"] for e in detail["events"]] == ["Applied", "Screening"]
    assert detail["interviews"][0]["timezone"] == "Europe/Berlin"

    stats = json.loads(ok(jt(db_path, "stats", "--format", "json")))
    assert stats["total"] == 2

    ok(jt(db_path, "delete", "2"))
    assert "SRE" not in ok(jt(db_path, "list"))
    assert "SRE" in ok(jt(db_path, "list", "--trash"))
    ok(jt(db_path, "restore", "2"))
    ok(jt(db_path, "edit", "2", "--priority", "5", "--remote", "remote"))
    assert json.loads(ok(jt(db_path, "show", "2", "--format", "json")))["priority"] == 5


def test_database_from_env_var(tmp_path: Path):
    path = tmp_path / "env.db"
    ok(jt(None, "add", "--title", "T", "--company", "C", env={"JOBTRACKER_DB": str(path)}))
    assert path.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["show", "42"], "no application with id 42"),
    (["add", "--title", "T", "--company", "C", "--url", "javascript:alert(1)"],
     "not an http or https address"),
    (["import", "json", "missing.json"], "cannot read missing.json"),
])
def test_failures_are_one_plain_line_with_exit_1(db_path: Path, args, message):
    ok(jt(db_path, "add", "--title", "T", "--company", "C"))
    assert_one_line_error(jt(db_path, *args), 1, message)


@pytest.mark.parametrize(("args", "message"), [
    (["add", "--title", "T"], "--company"),
    (["add", "--title", "T", "--company", "C", "--applied", "yesterday"], "not a date"),
    (["move", "x", "Applied"], "not a whole number"),
    (["list", "--format", "xml"], "invalid choice"),
    (["add", "--title", "T", "--company", "C", "--salary", "lots"], "--salary"),
    (["bogus"], "invalid choice"),
    # A stage name is a word of the command line ("Wishlist" now means Saved, as in CSV).
    (["add", "--title", "T", "--company", "C", "--stage", "Wishlisted"],
     "valid stages: Saved, Applied"),
])
def test_usage_errors_exit_2(db_path: Path, args, message):
    result = jt(db_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_newer_database_is_refused_with_exit_1(db_path: Path):
    import sqlite3

    ok(jt(db_path, "add", "--title", "T", "--company", "C"))
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    assert_one_line_error(jt(db_path, "list"), 1, "newer version of JobTracker")


def test_json_export_import_round_trip(db_path: Path, tmp_path: Path):
    ok(jt(db_path, "add", "--title", "Backend Engineer", "--company", "Acme", "--applied",
          "2026-11-02"))
    ok(jt(db_path, "note", "1", "first note"))
    backup = tmp_path / "backup.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    other = tmp_path / "other.db"
    assert "1 application imported" in ok(jt(other, "import", "json", str(backup)))
    again = tmp_path / "again.json"
    ok(jt(other, "export", "json", "-o", str(again)))
    assert json.loads(again.read_text())["tables"] == json.loads(backup.read_text())["tables"]


def test_broken_json_names_line_and_column(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jobtracker-backup",\n  "version": 1,,}')
    assert_one_line_error(jt(db_path, "import", "json", str(bad)), 1, "line 2, column")


# -- the stage history is append-only ------------------------------------------------


def _history(db: Path, app: str = "1") -> tuple[str | None, list[tuple[str, str]]]:
    detail = json.loads(ok(jt(db, "show", app, "--format", "json")))
    return detail["applied_on"], [(e["to_stage"], e["occurred_on"]) for e in detail["events"]]


def test_a_back_dated_move_is_refused_and_rewrites_nothing(db_path: Path):
    ok(jt(db_path, "add", "--title", "T", "--company", "C", "--applied", "2025-03-01"))
    result = jt(db_path, "move", "1", "Rejected", "--at", "2025-01-01")
    assert_one_line_error(result, 1, "is dated 2025-03-01 (Applied); a move to Rejected "
                                     "cannot be dated before it")
    assert "edit the event in the Timeline tab" in result.stderr
    assert _history(db_path) == ("2025-03-01", [("Applied", "2025-03-01")])


def test_a_move_to_the_current_stage_records_nothing_and_exits_0(db_path: Path):
    ok(jt(db_path, "add", "--title", "T", "--company", "C", "--applied", "2025-03-01"))
    # The state asked for already holds: a script ensuring it succeeds, and is told.
    result = jt(db_path, "move", "1", "applied")
    assert result.returncode == 0
    assert result.stdout == "1: Applied since 2025-03-01\n"
    assert result.stderr == ("jobtracker: application 1 is already at Applied "
                             "(since 2025-03-01); nothing recorded\n")
    # ... but not when dated before the event it would have to rewrite.
    assert_one_line_error(jt(db_path, "move", "1", "Applied", "--at", "2025-02-01"), 1,
                          "is dated 2025-03-01 (Applied)")
    assert _history(db_path) == ("2025-03-01", [("Applied", "2025-03-01")])


@pytest.mark.parametrize("stage", ["Screening", "Rejected"])
def test_add_at_a_later_stage_records_applied_on_its_date_first(db_path: Path, stage: str):
    import datetime as dt

    ok(jt(db_path, "add", "--title", "T", "--company", "C", "--stage", stage,
          "--applied", "2025-03-01"))
    assert _history(db_path) == ("2025-03-01", [("Applied", "2025-03-01"),
                                                (stage, dt.date.today().isoformat())])


def test_stage_dates_in_the_future_or_before_1970_are_refused_everywhere(db_path: Path,
                                                                         tmp_path: Path):
    import datetime as dt

    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    ok(jt(db_path, "add", "--title", "T", "--company", "C"))
    for day, reason in (("1969-12-31", "1969-12-31 is before 1970"),
                        (future, f"{future} is in the future")):
        assert_one_line_error(jt(db_path, "add", "--title", "T", "--company", "C",
                                 "--applied", day), 1, reason)
        assert_one_line_error(jt(db_path, "move", "1", "Applied", "--at", day), 1, reason)
        sheet = tmp_path / "in.csv"
        sheet.write_text(f"Company,Title,Applied\n D,x,{day}\n", encoding="utf-8")
        assert_one_line_error(jt(db_path, "import", "csv", str(sheet)), 1,
                              f"row 2, column 'Applied': {reason}")
    backup = tmp_path / "backup.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    payload = json.loads(backup.read_text())
    payload["tables"]["stage_event"][0]["occurred_on"] = "1969-12-31"
    backup.write_text(json.dumps(payload))
    assert_one_line_error(jt(tmp_path / "other.db", "import", "json", str(backup)), 1,
                          "backup.json: table stage_event, row 1, field occurred_on: "
                          "1969-12-31 is before 1970")
    assert _history(db_path)[1] == [("Saved", dt.date.today().isoformat())]
    assert len(json.loads(ok(jt(db_path, "list", "--format", "json")))) == 1


def test_the_applied_date_is_the_applied_events_date(db_path: Path):
    ok(jt(db_path, "add", "--title", "T", "--company", "C", "--applied", "2025-03-01"))
    ok(jt(db_path, "move", "1", "Screening", "--at", "2025-03-10"))
    # `edit --applied` edits the Applied event's date, within the events around it.
    ok(jt(db_path, "edit", "1", "--applied", "2025-02-01"))
    assert _history(db_path) == ("2025-02-01", [("Applied", "2025-02-01"),
                                                ("Screening", "2025-03-10")])
    assert_one_line_error(jt(db_path, "edit", "1", "--applied", "2025-03-20"), 1,
                          "would put it after the change to Screening of 2025-03-10")
    assert _history(db_path)[0] == "2025-02-01"
    # No applied date the timeline does not show.
    ok(jt(db_path, "add", "--title", "Saved one", "--company", "C"))
    assert_one_line_error(jt(db_path, "edit", "2", "--applied", "2025-02-01"), 1,
                          "record the move to Applied with its date instead")
    assert_one_line_error(jt(db_path, "add", "--title", "T", "--company", "C", "--stage",
                             "Saved", "--applied", "2025-02-01"), 1,
                          "an application at Saved has not been sent yet")


def test_move_to_a_retired_stage_lists_the_valid_ones(db_path: Path):
    from jobtracker.db import open_database
    from jobtracker.tracker import Tracker

    ok(jt(db_path, "add", "--title", "T", "--company", "C"))
    with Tracker(open_database(db_path)) as tracker:
        tracker.retire_stage("Screening")
    result = jt(db_path, "move", "1", "Screening")
    assert result.returncode == 2
    assert ("the stage 'Screening' was removed; valid stages: Saved, Applied, Interviewing"
            in result.stderr)
    assert "Traceback" not in result.stderr
