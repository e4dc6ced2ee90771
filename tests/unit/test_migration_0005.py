"""Migration 0005: a 0004 database gains stage.retired_on, with every stage still in use."""

import datetime as dt
import shutil
from pathlib import Path

from jobtracker import migrations
from jobtracker.db import open_database, read_revision
from jobtracker.tracker import Tracker

FIXTURE = Path(__file__).parents[1] / "data" / "schema-0004.db"


def test_a_0004_database_upgrades_with_no_stage_retired(tmp_path: Path) -> None:
    # schema-0004.db is schema-0003.db migrated to 0004: the same rows as every older fixture.
    db_path = tmp_path / "jobtracker.db"
    shutil.copyfile(FIXTURE, db_path)
    assert read_revision(db_path) == "0004"
    with Tracker(open_database(db_path), today=lambda: dt.date(2026, 11, 28)) as tracker:
        assert read_revision(db_path) == migrations.HEAD
        stages = tracker.stages()
        assert len(stages) == 10 and all(s.retired_on is None for s in stages)
        [app] = tracker.list_applications()
        assert (app.title, app.stage) == ("Senior Backend Engineer", "Screening")
        # The upgraded database retires a stage like a new one: history keeps the name.
        result = tracker.retire_stage("Screening", "Interviewing")
        assert result.application_ids == (app.id,)
        events = tracker.get_application(app.id).events
        assert [e.to_stage for e in events] == ["Applied", "Screening", "Interviewing"]
        assert "Screening" not in [s.name for s in tracker.stages()]
