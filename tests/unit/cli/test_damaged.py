"""A damaged database on the command line, run as real `python -m jobtracker` processes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from jobtracker import file_backups, health
from jobtracker.paths import backups_dir
from tests.db_files import corrupt, db_with, db_with_many, integrity, titles

DAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def _jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])})


def _one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "unexpected error" not in result.stderr
    return result.stderr


def test_writes_are_refused_naming_the_newest_good_backup(db_path: Path,
                                                          migrated_template: Path):
    db_with_many(db_path, migrated_template)
    file_backups.make_backup(db_path, now=DAY - dt.timedelta(days=1))
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)
    before = db_path.read_bytes()
    for args in (("add", "--title", "New", "--company", "Acme"), ("move", "40", "Interviewing"),
                 ("note", "40", "A note")):
        result = _jt(db_path, *args)
        line = _one_plain_line(result)
        assert result.stdout == ""
        assert line.startswith(f"jobtracker: error: {db_path} is damaged (quick_check: ")
        assert "nothing was written to it" in line
        assert f"The newest backup that passes the check is {good}" in line
        assert line.rstrip().endswith(f"jobtracker --db {db_path} restore {good}")
    assert db_path.read_bytes() == before


def test_backup_of_a_damaged_file_is_refused_and_writes_nothing(tmp_path: Path, db_path: Path,
                                                                migrated_template: Path):
    db_with_many(db_path, migrated_template)
    corrupt(db_path)
    result = _jt(db_path, "backup")
    line = _one_plain_line(result)
    assert f"{db_path} is damaged" in line and "not backed up" in line
    assert "No backup passes the check" in line and "salvage -o" in line
    assert not backups_dir(db_path).exists() or not list(backups_dir(db_path).iterdir())
    chosen = tmp_path / "copy.db"
    assert "is damaged" in _one_plain_line(_jt(db_path, "backup", "-o", str(chosen)))
    assert not chosen.exists()


def test_reading_commands_say_the_file_is_damaged(tmp_path: Path, db_path: Path,
                                                  migrated_template: Path):
    db_with_many(db_path, migrated_template)
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)
    out = tmp_path / "out.csv"
    for args in (("stats",), ("export", "csv"), ("export", "csv", "-o", str(out))):
        line = _one_plain_line(_jt(db_path, *args))
        assert f"{db_path} is damaged" in line and f"restore {good}" in line
    assert not out.exists()


def test_restore_from_the_newest_good_backup_keeps_the_damaged_file(db_path: Path,
                                                                    migrated_template: Path):
    db_with_many(db_path, migrated_template)
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)
    damaged = db_path.read_bytes()
    listed = _jt(db_path, "backups")
    assert listed.returncode == 0 and "  ok  " in listed.stdout
    restored = _jt(db_path, "restore", str(good))
    assert restored.returncode == 0, restored.stderr
    kept = Path(restored.stdout.split("is kept, as it was, in ")[1].split(" (")[0])
    assert kept.read_bytes() == damaged and ".damaged." in kept.name
    assert integrity(db_path) == "ok" and len(titles(db_path)) == 40
    added = _jt(db_path, "add", "--title", "After", "--company", "Acme")
    assert added.returncode == 0, added.stderr
    lines = _jt(db_path, "backups").stdout.splitlines()
    assert "damaged" in lines[0] and "DAMAGED" in lines[0]
    assert str(good) in lines[1] and "  ok  " in lines[1]


def test_salvage_makes_a_new_file_the_database_can_become(tmp_path: Path, db_path: Path,
                                                          migrated_template: Path):
    db_with_many(db_path, migrated_template)
    corrupt(db_path)
    out = tmp_path / "salvaged.db"
    result = _jt(db_path, "salvage", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "rows salvaged" in result.stdout and f"restore {out}" in result.stdout
    assert "application: 1 damaged stretch could not be read" in result.stderr
    assert integrity(out) == "ok" and 30 <= len(titles(out)) < 40
    assert _jt(db_path, "restore", str(out)).returncode == 0
    assert titles(db_path) == titles(out)


def test_a_wal_cut_short_is_warned_without_refusing(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Checkpointed")
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE application SET title = 'Only in the WAL'")
    main, wal = db_path.read_bytes(), Path(f"{db_path}-wal").read_bytes()
    writer.close()
    # What a sync tool left: the file, and its -wal cut in the middle of a frame.
    db_path.write_bytes(main)
    Path(f"{db_path}-wal").write_bytes(wal[:-1000])
    result = _jt(db_path, "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"jobtracker: warning: {db_path}-wal ")
    assert "cut short" in line and "sync tool" in line


def test_stale_restore_copies_go_on_the_next_command(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = health.staging_path(db_path, int(done.stdout))  # its process is gone
    stale.write_bytes(db_path.read_bytes())
    result = _jt(db_path, "list")
    assert result.returncode == 0, result.stderr
    assert not stale.exists()


def test_the_smoke_test_fails_on_a_damaged_database(db_path: Path, migrated_template: Path):
    db_with_many(db_path, migrated_template)
    corrupt(db_path)
    result = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db_path),
                             "--smoke-test"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "PYTHONPATH": str(Path(__file__).parents[3])})
    assert result.returncode == 1
    assert f"{db_path} is damaged" in result.stderr and "Traceback" not in result.stderr
