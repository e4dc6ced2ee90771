"""Migrations against real files: empty and populated databases reach head; models match."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from jobtracker import migrations
from jobtracker.db import open_database, read_revision
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
