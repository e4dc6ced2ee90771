"""`jobtracker backup`, `backups` and `restore FILE`, run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jobtracker.paths import backups_dir
from jobtracker.tracker import ApplicationInput, Tracker
from tests.db_files import db_with, integrity, titles


def _jt(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])})


def test_cli_backup_list_and_restore(tmp_path: Path, db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Before")
    made = _jt(db_path, "backup")
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip())
    assert copy.parent == backups_dir(db_path) and ".manual." in copy.name
    chosen = _jt(db_path, "backup", "-o", str(tmp_path / "mine.db"))
    assert chosen.stdout.strip() == str(tmp_path / "mine.db")
    with Tracker.open(db_path) as tracker:
        tracker.add_application(ApplicationInput("After", "Acme"))
    restored = _jt(db_path, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert f"restored {db_path}" in restored.stdout
    kept = restored.stdout.split("is kept in ")[1].strip()
    assert titles(Path(kept)) == ["Before", "After"]
    assert titles(db_path) == ["Before"] and integrity(db_path) == "ok"
    listed = _jt(db_path, "backups")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert len(lines) == 2 and "pre-restore" in lines[0] and "manual" in lines[1]
    assert "1 apps" in lines[1] and str(copy) in lines[1]


def test_cli_restore_refusals_are_one_plain_line(tmp_path: Path, db_path: Path,
                                                 migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    junk = tmp_path / "junk.db"
    junk.write_text("hello\n" * 100)
    before = db_path.read_bytes()
    for target, text in ((junk, "not a JobTracker database"), (tmp_path / "gone.db",
                                                               "no such file")):
        result = _jt(db_path, "restore", str(target))
        assert result.returncode == 1
        assert text in result.stderr and "nothing was changed" in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before
    # A number still means the trash, as before.
    zero = _jt(db_path, "restore", "0")
    assert zero.returncode == 2 and "greater than zero" in zero.stderr
