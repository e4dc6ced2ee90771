"""Which database a command opens or creates, and what it says about files that are none."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jobtracker import file_backups
from tests.db_files import db_with

REPO = Path(__file__).parents[3]
READS = (("list",), ("show", "1"), ("stats",), ("export", "csv"), ("export", "json"),
         ("contact", "list"), ("task", "list"), ("note", "list", "1"))
WRITES = (("add", "--title", "T", "--company", "C"), ("note", "1", "text"),
          ("move", "1", "Interviewing"), ("edit", "1", "--title", "U"), ("demo", "--count", "2"))


def _jt(db: Path | None, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jobtracker", *(("--db", str(db)) if db else ()), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def _one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert "unexpected error" not in result.stderr and ".partial" not in result.stderr
    return result.stderr.removeprefix("jobtracker: error: ").rstrip("\n")


def _listing(folder: Path) -> dict[str, bytes | None]:
    """Every file under ``folder`` with its bytes (None for a folder)."""
    return {str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
            for path in sorted(folder.rglob("*"))}


# -- item 7: a mistyped --db -------------------------------------------------------------------


@pytest.mark.parametrize("args", [*READS, *WRITES, ("backup",), ("backups",),
                                  ("import", "json", "x.json"), ("restore", "x.db")])
def test_a_chosen_database_in_a_missing_folder_is_refused_and_nothing_created(
        tmp_path: Path, args: tuple[str, ...]):
    db = tmp_path / "nonexistent" / "x" / "y.db"
    line = _one_plain_line(_jt(db, *args))
    assert line == (f"no folder {db.parent} for the database {db}; check the path (nothing "
                    "was created)")
    assert list(tmp_path.iterdir()) == []


def test_jobtracker_db_in_a_missing_folder_is_refused_like_db(tmp_path: Path):
    db = tmp_path / "typo" / "jobtracker.db"
    for args in (("list",), ("add", "--title", "T", "--company", "C")):
        line = _one_plain_line(_jt(None, *args, env={"JOBTRACKER_DB": str(db)}))
        assert line.startswith(f"no folder {db.parent} for the database {db}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", READS)
def test_reading_a_missing_file_is_refused_and_creates_nothing(tmp_path: Path,
                                                               args: tuple[str, ...]):
    db = tmp_path / "jobtracker.db"
    line = _one_plain_line(_jt(db, *args))
    assert line == f"no database at {db}; check the path (nothing was created)"
    assert list(tmp_path.iterdir()) == []


def test_add_into_an_existing_folder_starts_a_new_database(tmp_path: Path):
    db = tmp_path / "new.db"
    result = _jt(db, "add", "--title", "T", "--company", "C")
    assert (result.returncode, result.stdout, result.stderr) == (0, "1\n", "")
    assert "T" in _jt(db, "list").stdout


def test_the_default_location_is_created_with_its_folders(tmp_path: Path):
    data = tmp_path / "data-home"  # XDG_DATA_HOME: the platform default lives under it
    env = {"XDG_DATA_HOME": str(data), "JOBTRACKER_DB": ""}
    assert _jt(None, "add", "--title", "T", "--company", "C", env=env).returncode == 0
    assert (data / "JobTracker" / "jobtracker.db").is_file()


@pytest.mark.parametrize("args", [("backup", "-o"), ("export", "csv", "-o"),
                                  ("export", "json", "-o"), ("export", "ics", "-o"),
                                  ("export", "vcard", "-o"), ("salvage", "-o")])
def test_an_output_in_a_missing_folder_is_refused_and_nothing_created(
        tmp_path: Path, migrated_template: Path, args: tuple[str, ...]):
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    before = _listing(tmp_path)
    target = tmp_path / "missing" / "out.file"
    line = _one_plain_line(_jt(db, *args, str(target)))
    assert line == f"no folder {target.parent} for {target}; check the path (nothing was created)"
    assert _listing(tmp_path) == before


def test_make_backup_refuses_a_missing_folder_itself(tmp_path: Path, migrated_template: Path):
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    with pytest.raises(file_backups.BackupError, match=r"no folder .*nothing was created"):
        file_backups.make_backup(db, tmp_path / "missing" / "copy.db")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("kind", ["csv", "json", "ics", "vcard"])
def test_a_folder_as_export_target_asks_for_a_file_name(tmp_path: Path, migrated_template: Path,
                                                        kind: str):
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    for folder in ("/", str(tmp_path)):
        line = _one_plain_line(_jt(db, "export", kind, "-o", folder))
        assert line == f"{folder} is a folder; give a file name"


# -- item 8: files that are not (or no longer) a JobTracker database ----------------------------


def _foreign_wal_file(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("args", [*READS, *WRITES, ("backup",),
                                  ("import", "csv", "nothing.csv", "--dry-run")])
def test_files_that_are_not_databases_get_one_plain_line_and_stay_as_they_are(
        tmp_path: Path, args: tuple[str, ...]):
    folder = tmp_path / "a folder.db"
    folder.mkdir()
    text = tmp_path / "notes.txt"
    text.write_text("my notes\n")
    foreign = _foreign_wal_file(tmp_path / "photos.db")
    cases = {folder: f"{folder} is a folder, not a database file",
             Path("/proc/version"): "/proc/version is not a JobTracker database (not an SQLite "
                                    "file); nothing was changed",
             text: f"{text} is not a JobTracker database (not an SQLite file); nothing was "
                   "changed",
             foreign: f"{foreign} is an SQLite file but not a JobTracker database; nothing was "
                      "changed"}
    before = _listing(tmp_path)
    for path, message in cases.items():
        assert _one_plain_line(_jt(path, *args)) == message
        # No -wal or -shm: looking at another program's file must not change it.
        assert _listing(tmp_path) == before, path


def test_an_empty_file_is_no_database_to_read_but_may_start_one(tmp_path: Path):
    # Decided: `touch new.db` then `add` is a way to start a database, so a write command
    # takes an empty file (with no backup) as new; a read command says what it is, rather
    # than "No applications." about a file that may be a database cut to nothing.
    empty = tmp_path / "new.db"
    empty.touch()
    for args in READS:
        line = _one_plain_line(_jt(empty, *args))
        assert line == (f"{empty} is empty (0 bytes), not a JobTracker database yet; nothing "
                        "was changed")
    assert _listing(tmp_path) == {"new.db": b""}
    assert _jt(empty, "add", "--title", "T", "--company", "C").returncode == 0
    assert "T" in _jt(empty, "list").stdout


def test_an_emptied_database_with_a_backup_is_damaged_and_names_the_restore(
        tmp_path: Path, migrated_template: Path):
    # A sync tool or a full disk can leave a real database at 0 bytes: never a new one then.
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    good = file_backups.make_backup(db, now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))
    db.write_bytes(b"")
    for args in (("list",), ("add", "--title", "T", "--company", "C")):
        line = _one_plain_line(_jt(db, *args))
        assert line.startswith(f"{db} is damaged (it is empty: 0 bytes); nothing was changed")
        assert line.endswith(f"jobtracker --db {db} restore {good}")
    assert db.read_bytes() == b""


def test_a_truncated_database_names_its_newest_backup_and_the_restore(
        tmp_path: Path, migrated_template: Path):
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    good = file_backups.make_backup(db, now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 3)
    cut = db.read_bytes()
    for args in (("list",), ("stats",), ("add", "--title", "T", "--company", "C"), ("backup",)):
        line = _one_plain_line(_jt(db, *args))
        assert line.startswith(f"{db} is damaged ("), args
        assert line.endswith(f"jobtracker --db {db} restore {good}"), args
    assert db.read_bytes() == cut


def test_a_text_file_with_a_backup_beside_it_counts_as_damaged(tmp_path: Path,
                                                                migrated_template: Path):
    # Garbage over a database that has backups is damage, not "not a JobTracker database".
    db = db_with(tmp_path / "jobtracker.db", migrated_template, "Engineer")
    good = file_backups.make_backup(db, now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))
    shutil.copyfile(REPO / "README.md", db)
    line = _one_plain_line(_jt(db, "add", "--title", "T", "--company", "C"))
    assert line.startswith(f"{db} is damaged (")
    assert line.endswith(f"restore {good}")


def test_the_core_creates_only_when_asked(tmp_path: Path):
    from jobtracker.errors import DatabaseOpenError
    from jobtracker.tracker import Tracker

    missing = tmp_path / "new.db"
    with pytest.raises(DatabaseOpenError, match="no database at"):
        Tracker.open(missing, create=False)
    with pytest.raises(DatabaseOpenError, match="no folder"):
        Tracker.open(tmp_path / "typo" / "new.db", make_folder=False)
    assert list(tmp_path.iterdir()) == []
    Tracker.open(missing, make_folder=False).close()  # a write into an existing folder
    assert missing.is_file()
