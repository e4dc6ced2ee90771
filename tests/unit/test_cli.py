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
    assert found[0]["salary_min"] == 6250 and found[0]["salary_currency"] == "EUR"
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
    (["move", "1", "Wishlist"], "valid stages: Saved, Applied"),
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
    assert "1 applications imported" in ok(jt(other, "import", "json", str(backup)))
    again = tmp_path / "again.json"
    ok(jt(other, "export", "json", "-o", str(again)))
    assert json.loads(again.read_text())["tables"] == json.loads(backup.read_text())["tables"]


def test_broken_json_names_line_and_column(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jobtracker-backup",\n  "version": 1,,}')
    assert_one_line_error(jt(db_path, "import", "json", str(bad)), 1, "line 2, column")
