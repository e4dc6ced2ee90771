"""Stage names as people type them, in the core and on the command line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobtracker.stage_words import find_stage
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.tracker.rows import StageRow


def jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


@pytest.mark.parametrize(("typed", "stage"), [
    ("Screening", "Screening"), ("screening", "Screening"), ("  SCREENING ", "Screening"),
    ("Phone screen", "Screening"), ("phone-screen", "Screening"), ("No response", "Ghosted"),
    ("wishlist", "Saved"), ("final round", "Interviewing"),
])
def test_names_and_synonyms(tracker: Tracker, typed: str, stage: str) -> None:
    found = find_stage(typed, tracker.stages())
    assert found is not None and found.name == stage


def test_a_renamed_stage_is_found_by_its_name_and_synonyms_need_the_default(
        tracker: Tracker) -> None:
    tracker.rename_stage("Screening", "Recruiter chat")
    stages: list[StageRow] = tracker.stages()
    assert find_stage("recruiter  chat", stages).name == "Recruiter chat"  # type: ignore[union-attr]
    # "Phone screen" meant the default Screening, which this database no longer has.
    assert find_stage("Phone screen", stages) is None
    assert find_stage("Bogus", stages) is None


def test_move_accepts_the_synonyms_csv_import_knows(db_path: Path) -> None:
    with Tracker.open(db_path) as tracker:
        tracker.add_application(ApplicationInput("Backend Engineer", "Acme"))
    result = jt(db_path, "move", "1", "Phone screen")
    assert result.returncode == 0, result.stderr
    assert "Screening" in result.stdout
    listed = jt(db_path, "list", "--stage", "phone screen")
    assert listed.returncode == 0, listed.stderr
    assert "Backend Engineer" in listed.stdout


@pytest.mark.parametrize("command", [
    ("move", "1", "Bogus"),
    ("add", "--title", "T", "--company", "C", "--stage", "Bogus"),
    ("list", "--stage", "Bogus"),
])
def test_a_bad_stage_name_is_a_usage_error(db_path: Path, command: tuple[str, ...]) -> None:
    with Tracker.open(db_path) as tracker:
        tracker.add_application(ApplicationInput("Backend Engineer", "Acme"))
    result = jt(db_path, *command)
    assert result.returncode == 2, result.stderr
    assert "no stage named 'Bogus'" in result.stderr and "Traceback" not in result.stderr
    with Tracker.open(db_path) as tracker:
        assert [row.title for row in tracker.list_applications()] == ["Backend Engineer"]
