"""Rolling, manual and pre-restore backups and restore, on real SQLite files."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobtracker import app_lock, file_backups, migrations
from jobtracker.db import open_database, read_revision
from jobtracker.file_backups import BackupError
from jobtracker.paths import backups_dir
from jobtracker.tracker import ApplicationInput, Tracker
from tests.db_files import db_with, integrity, titles

UTC = dt.UTC
DAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def _kinds(db_path: Path) -> list[str]:
    return [row.kind for row in file_backups.list_backups(db_path)]


# -- daily backups ---------------------------------------------------------------------------


def test_one_daily_backup_per_calendar_day(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "First")
    first = file_backups.backup_if_due(db_path, now=DAY)
    assert first is not None and first.name == "jobtracker.daily.2026-11-28T090000Z.db"
    assert first.parent == backups_dir(db_path)
    # Later the same day: nothing new.
    assert file_backups.backup_if_due(db_path, now=DAY + dt.timedelta(hours=14)) is None
    # The next day: a new one.
    second = file_backups.backup_if_due(db_path, now=DAY + dt.timedelta(days=1))
    assert second is not None and second != first
    assert _kinds(db_path) == ["daily", "daily"]


def test_the_day_is_the_users_local_day(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template)
    berlin = dt.timezone(dt.timedelta(hours=1))
    # 23:30 UTC on the 28th is already the 29th in Berlin: a different day from 09:00 UTC.
    assert file_backups.backup_if_due(db_path, now=DAY.astimezone(berlin)) is not None
    late = dt.datetime(2026, 11, 28, 23, 30, tzinfo=UTC).astimezone(berlin)
    assert file_backups.backup_if_due(db_path, now=late) is not None


def test_no_backup_without_a_database(db_path: Path):
    assert file_backups.backup_if_due(db_path, now=DAY) is None
    assert not backups_dir(db_path).exists()


def test_pruning_keeps_the_newest_n_daily_and_never_other_kinds(db_path: Path,
                                                                 migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    manual = file_backups.make_backup(db_path, now=DAY - dt.timedelta(days=30))
    migration = backups_dir(db_path) / "jobtracker.schema-0001.20250101T000000Z.db"
    shutil.copyfile(manual, migration)
    pre_restore = backups_dir(db_path) / "jobtracker.pre-restore.2025-01-02T000000Z.db"
    shutil.copyfile(manual, pre_restore)
    stranger = backups_dir(db_path) / "my-own-copy.db"
    shutil.copyfile(manual, stranger)
    for day in range(6):
        assert file_backups.backup_if_due(db_path, keep=3, now=DAY + dt.timedelta(days=day))
    rows = file_backups.list_backups(db_path)
    dailies = [row.taken_at.date() for row in rows if row.kind == "daily"]
    assert dailies == [dt.date(2026, 12, day) for day in (3, 2, 1)]
    assert manual.exists() and migration.exists() and pre_restore.exists() and stranger.exists()
    assert sorted(_kinds(db_path)) == ["daily"] * 3 + ["manual", "migration", "pre-restore"]


def test_listing_reads_kind_time_size_revision_and_count(db_path: Path,
                                                        migrated_template: Path):
    db_with(db_path, migrated_template, "One", "Two")
    path = file_backups.make_backup(db_path, now=DAY)
    [row] = file_backups.list_backups(db_path)
    assert row.path == path and row.kind == "manual"
    assert row.taken_at == DAY
    assert row.size == path.stat().st_size > 0
    assert row.revision == migrations.HEAD
    assert row.applications == 2
    assert row.verdict == "ok" and row.good  # checked when it was written, and recorded
    # Reading the list leaves no -wal/-shm files behind in the backups folder (only the
    # record of the check's verdicts).
    assert sorted(p.name for p in backups_dir(db_path).iterdir()) == [".checks.json",
                                                                     path.name]


def test_backup_of_a_live_wal_database_holds_rows_only_in_the_wal(db_path: Path,
                                                                  migrated_template: Path):
    db_with(db_path, migrated_template, "Checkpointed")
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the new row out of the main file
        writer.execute("UPDATE application SET title = 'Only in the WAL'")
        assert Path(f"{db_path}-wal").stat().st_size > 0
        path = file_backups.make_backup(db_path, now=DAY)
        assert titles(path) == ["Only in the WAL"]
        assert integrity(path) == "ok"
        # A backup is one self-contained file, not a WAL database needing its -wal.
        assert path.read_bytes()[18:20] == b"\x01\x01"
    finally:
        writer.close()


def test_manual_backup_to_a_chosen_file_and_never_onto_the_database(
        tmp_path: Path, db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Mine")
    out = tmp_path / "elsewhere" / "copy.db"
    out.parent.mkdir()
    assert file_backups.make_backup(db_path, out) == out
    assert titles(out) == ["Mine"]
    assert file_backups.make_backup(db_path, out.parent).parent == out.parent
    with pytest.raises(BackupError, match="the database itself"):
        file_backups.make_backup(db_path, db_path)
    with pytest.raises(BackupError, match="no database"):
        file_backups.make_backup(tmp_path / "missing.db")


# -- restore ---------------------------------------------------------------------------------


def test_restore_keeps_a_copy_first_and_the_result_opens_and_passes_integrity_check(
        db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Old")
    saved = file_backups.make_backup(db_path, now=DAY)
    with Tracker.open(db_path) as tracker:
        tracker.add_application(ApplicationInput("Added after the backup", "Globex"))
    report = file_backups.restore_backup(db_path, saved, now=DAY + dt.timedelta(hours=1))
    assert report.previous_copy is not None and report.previous_copy.exists()
    assert titles(report.previous_copy) == ["Old", "Added after the backup"]
    assert "pre-restore" in _kinds(db_path)
    assert not report.migrates_on_open
    assert integrity(db_path) == "ok"
    with Tracker.open(db_path) as tracker:
        assert [row.title for row in tracker.iter_applications()] == ["Old"]


def test_the_old_wal_is_not_replayed_into_the_restored_file(db_path: Path,
                                                           migrated_template: Path):
    db_with(db_path, migrated_template, "Backed up")
    saved = file_backups.make_backup(db_path, now=DAY)
    # A crashed writer's WAL: its changes would land on the restored file if it survived.
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE application SET title = 'From the stale WAL'")
    wal = Path(f"{db_path}-wal")
    stale = wal.read_bytes()
    writer.close()  # folds the WAL in and deletes it; put it back as a crash would leave it
    wal.write_bytes(stale)
    file_backups.restore_backup(db_path, saved, now=DAY)
    assert not wal.exists()
    assert titles(db_path) == ["Backed up"]
    assert integrity(db_path) == "ok"


def test_an_older_schema_backup_is_migrated_on_next_open(tmp_path: Path, db_path: Path,
                                                         migrated_template: Path):
    from alembic import command
    from sqlalchemy import create_engine

    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(migrations.alembic_config(connection), "0001")
    engine.dispose()
    db_with(db_path, migrated_template, "Current")
    report = file_backups.restore_backup(db_path, old, now=DAY)
    assert report.migrates_on_open
    assert read_revision(db_path) == "0001"
    open_database(db_path).close()
    assert read_revision(db_path) == migrations.HEAD
    assert integrity(db_path) == "ok"


@pytest.mark.parametrize("make_bad, message", [
    (lambda p: p.write_text("not a database at all\n" * 50), "not a JobTracker database"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE songs (id)").connection.commit(),
     "not a JobTracker database"),
    (lambda p: p.write_bytes(b""), "not a JobTracker database"),
    ("newer", "newer version of JobTracker"),
    ("damaged", "damaged"),
])
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path: Path, db_path: Path,
                                                     migrated_template: Path,
                                                     make_bad, message: str):
    db_with(db_path, migrated_template, "Untouched")
    bad = tmp_path / "bad.db"
    if make_bad == "newer":
        shutil.copyfile(db_path, bad)
        con = sqlite3.connect(bad)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    elif make_bad == "damaged":
        _damaged_copy(db_path, bad)
    else:
        make_bad(bad)
    before = db_path.read_bytes()
    listing = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(BackupError, match=message) as caught:
        file_backups.restore_backup(db_path, bad, now=DAY)
    assert "nothing was changed" in str(caught.value)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing
    assert not backups_dir(db_path).exists()  # not even a pre-restore copy


def _damaged_copy(source: Path, target: Path) -> None:
    """A copy whose index pages are scribbled over: it opens, but integrity_check fails."""
    shutil.copyfile(source, target)
    con = sqlite3.connect(target)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA journal_mode = DELETE")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' "
                       "AND tbl_name = 'application' LIMIT 1").fetchone()[0]
    con.close()
    data = bytearray(target.read_bytes())
    start = (root - 1) * page_size
    data[start + 8:start + page_size] = b"\xa5" * (page_size - 8)
    target.write_bytes(bytes(data))


def test_restore_is_refused_while_the_app_holds_the_lock(db_path: Path,
                                                         migrated_template: Path):
    db_with(db_path, migrated_template, "Open in the app")
    saved = file_backups.make_backup(db_path, now=DAY)
    # A real other process holding the lock file the way QLockFile does (pid, name, host;
    # flock held), without Qt in this test.
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import fcntl, os, socket, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "os.write(fd, f'{os.getpid()}\\npython3\\n{socket.gethostname()}\\n'.encode())\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n"), str(app_lock.app_lock_path(db_path))],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert app_lock.app_lock_holder(db_path) == holder.pid
        before = db_path.read_bytes()
        with pytest.raises(BackupError, match="JobTracker is open on"):
            file_backups.restore_backup(db_path, saved, now=DAY)
        assert db_path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
    # The holder is gone (killed): its lock file stays, but it no longer counts.
    assert app_lock.app_lock_path(db_path).exists()
    assert app_lock.app_lock_holder(db_path) is None
    file_backups.restore_backup(db_path, saved, now=DAY)


def test_a_damaged_current_file_is_still_kept_before_restoring(db_path: Path,
                                                               migrated_template: Path):
    db_with(db_path, migrated_template, "Good")
    saved = file_backups.make_backup(db_path, now=DAY)
    # What a crash left: a WAL of changes the restored file must never see.
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE application SET title = 'From the stale WAL'")
    wal = Path(f"{db_path}-wal")
    stale = wal.read_bytes()
    writer.execute("PRAGMA journal_mode = DELETE")  # folds it in, so we can spoil the file
    writer.close()
    db_path.write_bytes(b"garbage " * 1000)
    wal.write_bytes(stale)
    report = file_backups.restore_backup(db_path, saved, now=DAY)
    assert report.previous_copy is not None
    assert report.previous_copy.read_bytes() == b"garbage " * 1000
    assert not wal.exists()
    assert titles(db_path) == ["Good"]
    assert integrity(db_path) == "ok"


def test_restore_into_a_new_location_needs_no_copy(tmp_path: Path, db_path: Path,
                                                   migrated_template: Path):
    db_with(db_path, migrated_template, "Moved")
    saved = file_backups.make_backup(db_path, now=DAY)
    fresh = tmp_path / "new" / "jobtracker.db"
    report = file_backups.restore_backup(fresh, saved, now=DAY)
    assert report.previous_copy is None
    assert titles(fresh) == ["Moved"]


def test_backup_taken_while_another_process_writes(db_path: Path, migrated_template: Path):
    """The online backup API copes with a concurrent writer: the copy is whole."""
    db_with(db_path, migrated_template)
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "from pathlib import Path\n"
        "from jobtracker.tracker import ApplicationInput, Tracker\n"
        "with Tracker.open(Path(sys.argv[1])) as t:\n"
        "    for n in range(150):\n"
        "        t.add_application(ApplicationInput(f'Job {n}', 'Acme'))\n"), str(db_path)])
    copies = []
    try:
        while writer.poll() is None and len(copies) < 20:
            copies.append(file_backups.make_backup(db_path))
            time.sleep(0.01)
    finally:
        assert writer.wait(120) == 0
    copies.append(file_backups.make_backup(db_path))
    for copy in copies:
        assert integrity(copy) == "ok"
    assert len(titles(copies[-1])) == 150
    assert copies[-1].stat().st_size > 0

