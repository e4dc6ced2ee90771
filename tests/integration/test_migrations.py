"""Migrations on real files: old schemas reach head whole; newer or foreign files stay untouched."""

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from jobtracker import cli, migrations
from jobtracker.db import open_database, read_revision
from jobtracker.errors import DatabaseOpenError
from jobtracker.models import Base
from jobtracker.paths import backups_dir
from jobtracker.tracker import ApplicationFilter, ApplicationInput, Tracker


def test_models_match_the_migrations(db_path: Path):
    db = open_database(db_path)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "include_object": migrations.include_object, "compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_default_stages_are_seeded(db_path: Path):
    with Tracker.open(db_path) as tracker:
        names = [stage.name for stage in tracker.stages()]
    assert names == ["Saved", "Applied", "Screening", "Interviewing", "Offer", "Accepted",
                     "Rejected", "Withdrawn", "Declined", "Ghosted"]


def test_populated_database_reopens_with_its_data(db_path: Path):
    with Tracker.open(db_path) as tracker:
        app_id = tracker.add_application(ApplicationInput(
            title="Backend Engineer", company="Acme", applied_on=dt.date(2026, 1, 5)))
        tracker.add_note(app_id, "kept across restarts")
    with Tracker.open(db_path) as tracker:
        detail = tracker.get_application(app_id)
    assert detail.notes[0].body == "kept across restarts"
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


FIXTURES = sorted((Path(__file__).parents[1] / "data").glob("schema-*.db"))


def test_there_is_a_fixture_for_every_released_revision_but_head():
    revisions = {path.stem.removeprefix("schema-") for path in FIXTURES}
    assert revisions == migrations.known_revisions() - {migrations.HEAD}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_every_old_schema_upgrades_with_its_data_intact(fixture: Path, tmp_path: Path):
    path = tmp_path / "jobtracker.db"
    shutil.copyfile(fixture, path)
    with Tracker.open(path) as tracker:
        live = tracker.list_applications()
        assert [row.title for row in live] == ["Senior Backend Engineer"]
        detail = tracker.get_application(live[0].id)
        trashed = tracker.list_applications(ApplicationFilter(trashed=True))
    assert (detail.company, detail.stage, detail.salary_min) == ("Acme Robotics", "Screening",
                                                                 9000000)
    assert [e.to_stage for e in detail.events] == ["Applied", "Screening"]
    assert detail.notes[0].body == "Recruiter call went **well**"
    assert detail.interviews[0].timezone == "Europe/Berlin"
    assert detail.contacts[0].email == "jane@acme.example"
    assert detail.tasks[0].title == "Send portfolio"
    assert detail.snapshots[0].source_url == "https://jobs.example.com/acme/1"
    assert detail.tags == ("python", "robots")
    assert [row.title for row in trashed] == ["SRE"]
    assert read_revision(path) == migrations.HEAD
    backups = list(backups_dir(path).glob("*.db"))
    assert [read_revision(b) for b in backups] == [fixture.stem.removeprefix("schema-")]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def _files(path: Path) -> dict[str, bytes | None]:
    """The database and its WAL, byte for byte (None where absent)."""
    return {suffix: (Path(f"{path}{suffix}").read_bytes()
                     if Path(f"{path}{suffix}").exists() else None)
            for suffix in ("", "-wal", "-journal")}


def _left_by_a_crashed_app(path: Path, sql: str) -> None:
    """Run ``sql`` in WAL mode in a process that dies without a checkpoint, as a crash would."""
    code = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1])\n"
        "con.execute('PRAGMA journal_mode = WAL')\n"
        "con.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "con.executescript(sys.argv[2])\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), sql], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_a_newer_database_left_with_its_wal_is_refused_untouched(
        db_path: Path, migrated_template: Path, capsys: pytest.CaptureFixture[str]):
    shutil.copyfile(migrated_template, db_path)
    # The newer version's last write is only in the WAL, as after a crash or while it runs.
    _left_by_a_crashed_app(db_path, "UPDATE alembic_version SET version_num = '9999';"
                                    "INSERT INTO company (name, created_at) "
                                    "VALUES ('Only in the WAL', '2026-11-28 12:00:00');")
    before = _files(db_path)

    with pytest.raises(DatabaseOpenError, match=r"newer version of JobTracker \(schema 9999\)"):
        open_database(db_path)
    assert cli.main(["--db", str(db_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "newer version of JobTracker" in err and "Traceback" not in err

    # The file and its WAL are exactly as the newer app left them. (The -shm file is
    # SQLite's rebuildable index of the WAL, which any reader may refresh.)
    assert _files(db_path) == before
    assert not backups_dir(db_path).exists()
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    assert con.execute("SELECT name FROM company").fetchall() == [("Only in the WAL",)]
    con.close()


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "music.db"
    _left_by_a_crashed_app(path, "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT);"
                                 "INSERT INTO songs (title) VALUES ('Blue in Green');")
    before = _files(path)

    with pytest.raises(DatabaseOpenError, match="not a JobTracker database"):
        open_database(path)
    assert cli.main(["--db", str(path), "list"]) == 1
    err = capsys.readouterr().err
    assert "not a JobTracker database" in err and "Traceback" not in err

    assert _files(path) == before
    assert not backups_dir(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["music.db", "music.db-shm",
                                                          "music.db-wal"]


UUID_TABLES = ("application", "note", "interview", "contact", "task", "stage_event")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_every_row_gets_its_own_uuid_on_upgrade(fixture: Path, tmp_path: Path):
    import uuid

    path = tmp_path / "jobtracker.db"
    shutil.copyfile(fixture, path)
    open_database(path).close()
    con = sqlite3.connect(path)
    try:
        for table in UUID_TABLES:
            values = [value for (value,) in con.execute(f"SELECT uuid FROM {table}")]
            assert values, table
            assert len(set(values)) == len(values), table
            assert all(uuid.UUID(value).version == 4 for value in values), table
        # A row written without one (salvage, hand-written SQL) is given one too.
        con.executemany("INSERT INTO task (title, created_at) VALUES (?, '2026-01-01')",
                        [("a",), ("b",)])
        added = [value for (value,) in con.execute(
            "SELECT uuid FROM task WHERE title IN ('a', 'b')")]
        assert len(set(added)) == 2 and all(uuid.UUID(value) for value in added)
    finally:
        con.close()
