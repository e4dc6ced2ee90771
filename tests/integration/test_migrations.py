"""Migrations against real files: empty and populated databases reach head; models match."""

import datetime as dt
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from jobtracker import migrations
from jobtracker.db import open_database
from jobtracker.models import Base
from jobtracker.tracker import ApplicationInput, Tracker


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
