"""A damaged database file: SQLite's checks, refused writes and backups, rotation, salvage."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jobtracker import file_backups, health
from jobtracker.db import open_database
from jobtracker.errors import DamagedDatabaseError
from jobtracker.file_backups import BackupError
from jobtracker.paths import backups_dir
from jobtracker.salvage import SalvageError, salvage
from jobtracker.tracker import ApplicationFilter, ApplicationInput, Tracker
from tests.db_files import corrupt, db_with, db_with_many, integrity, titles

DAY = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def _day(number: int) -> dt.datetime:
    return DAY + dt.timedelta(days=number)


# -- the checks --------------------------------------------------------------------------------


def test_quick_check_names_the_damaged_page_in_one_line(db_path: Path, migrated_template: Path):
    db_with_many(db_path, migrated_template)
    assert health.check(db_path) is None and health.check(db_path, full=True) is None
    page = corrupt(db_path)
    problem = health.check(db_path)
    assert problem is not None and problem.startswith("quick_check: ")
    assert f"page {page}" in problem and "\n" not in problem
    assert health.check(db_path, full=True) is not None


def test_a_file_that_is_no_database_is_a_verdict_not_an_exception(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\xa5" * 8192)
    assert health.check(junk) == "file is not a database"


def test_the_error_users_saw_is_recognised_as_damage(db_path: Path, migrated_template: Path):
    db_with_many(db_path, migrated_template)
    corrupt(db_path)
    with Tracker.open(db_path) as tracker, pytest.raises(Exception) as caught:
        tracker.stats()
    # What the command line showed as "unexpected error: DatabaseError".
    assert type(caught.value).__name__ == "DatabaseError"
    assert health.is_corruption(caught.value)
    assert not health.is_corruption(sqlite3.OperationalError("database is locked"))
    assert not health.is_corruption(ValueError("file is not a database"))


def test_a_database_refusing_writes_still_reads(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    with Tracker.open(db_path) as tracker:
        tracker.db.refuse_writes(DamagedDatabaseError("it is damaged", path=db_path,
                                                      problem="quick_check: page 3"))
        for _attempt in range(2):
            with pytest.raises(DamagedDatabaseError, match="it is damaged"):
                tracker.add_application(ApplicationInput("New", "Acme"))
        assert [row.title for row in tracker.iter_applications()] == ["Kept"]
    assert titles(db_path) == ["Kept"]


# -- backups of a damaged file -----------------------------------------------------------------


def test_a_damaged_database_is_not_backed_up(tmp_path: Path, db_path: Path,
                                             migrated_template: Path):
    db_with_many(db_path, migrated_template)
    good = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)
    before = sorted(backups_dir(db_path).iterdir())
    with pytest.raises(DamagedDatabaseError) as caught:
        file_backups.make_backup(db_path, now=_day(1))
    message = str(caught.value)
    assert f"{db_path} is damaged (quick_check: " in message and "not backed up" in message
    assert f"jobtracker --db {db_path} restore {good}" in message and "\n" not in message
    assert caught.value.backup == good
    assert sorted(backups_dir(db_path).iterdir()) == before  # not even a .partial
    with pytest.raises(DamagedDatabaseError):
        file_backups.make_backup(db_path, tmp_path / "elsewhere.db")
    assert not (tmp_path / "elsewhere.db").exists()


def test_a_copy_that_fails_integrity_check_is_deleted(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "One", "Two")
    # An index describing another column than it holds: every page is sound, so
    # quick_check passes; only integrity_check, matching index to table, sees it.
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_application_applied_on "
                "ON application (title)' WHERE name = 'ix_application_applied_on'")
    con.close()
    assert health.check(db_path) is None and health.check(db_path, full=True) is not None
    with pytest.raises(DamagedDatabaseError, match="integrity_check"):
        file_backups.make_backup(db_path, now=DAY)
    assert [p for p in backups_dir(db_path).iterdir() if p.suffix == ".db"] == []


def test_twenty_days_on_a_damaged_file_keep_every_good_backup(db_path: Path,
                                                             migrated_template: Path):
    db_with_many(db_path, migrated_template)
    for day in range(5):
        assert file_backups.backup_if_due(db_path, keep=3, now=_day(day)) is not None
    good = [row.path for row in file_backups.list_backups(db_path)]
    assert len(good) == 3
    corrupt(db_path)
    # The app opened on each of 20 days: every daily backup is refused, none rotates.
    for day in range(5, 25):
        with pytest.raises(DamagedDatabaseError) as caught:
            file_backups.backup_if_due(db_path, keep=3, now=_day(day))
        assert caught.value.backup == good[0]
    assert [row.path for row in file_backups.list_backups(db_path)] == good


def test_rotation_never_deletes_the_newest_good_backup(tmp_path: Path, db_path: Path,
                                                       migrated_template: Path):
    db_with_many(db_path, migrated_template)
    good = file_backups.backup_if_due(db_path, keep=3, now=DAY)
    assert good is not None
    # What an older JobTracker did: copy the damaged file as each day's backup, unchecked.
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(db_path, damaged)
    corrupt(damaged)
    copies = [file_backups.backup_path(db_path, "daily", _day(day)) for day in range(1, 6)]
    for copy in copies:
        shutil.copyfile(damaged, copy)
    file_backups.prune_daily(db_path, keep=3)
    assert good.exists()  # older than the 3 kept, but the only one that passes the check
    assert [copy.exists() for copy in copies] == [False, False, True, True, True]
    best = file_backups.newest_good_backup(db_path)
    assert best is not None and best.path == good
    verdicts = {row.path: row.good for row in file_backups.list_backups(db_path)}
    assert verdicts == {good: True, copies[2]: False, copies[3]: False, copies[4]: False}


def test_restore_over_a_damaged_file_keeps_it_aside_byte_for_byte(db_path: Path,
                                                                  migrated_template: Path):
    db_with_many(db_path, migrated_template)
    saved = file_backups.make_backup(db_path, now=DAY)
    corrupt(db_path)
    damaged_bytes = db_path.read_bytes()
    report = file_backups.restore_backup(db_path, saved, now=_day(1))
    assert report.previous_damaged and report.previous_copy is not None
    assert ".damaged." in report.previous_copy.name
    assert report.previous_copy.read_bytes() == damaged_bytes
    assert integrity(db_path) == "ok" and len(titles(db_path)) == 40
    rows = file_backups.list_backups(db_path, check=True)
    assert [(row.kind, row.good) for row in rows] == [("damaged", False), ("manual", True)]
    best = file_backups.newest_good_backup(db_path)
    assert best is not None and best.path == saved


def test_a_bad_backup_is_still_refused_when_the_current_file_is_damaged(
        tmp_path: Path, db_path: Path, migrated_template: Path):
    db_with_many(db_path, migrated_template)
    corrupt(db_path)
    before = db_path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_text("hello\n" * 100)
    with pytest.raises(BackupError, match="nothing was changed"):
        file_backups.restore_backup(db_path, junk, now=DAY)
    assert db_path.read_bytes() == before


# -- restores killed midway --------------------------------------------------------------------


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_stale_restore_copies_are_removed_on_the_next_open(db_path: Path,
                                                           migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    stale = health.staging_path(db_path, _dead_pid())
    stale.write_bytes(db_path.read_bytes())
    journal = stale.with_name(f"{stale.name}-journal")
    journal.write_bytes(b"\0" * 512)
    running = health.staging_path(db_path, os.getpid())  # a restore in progress: kept
    running.write_bytes(b"\0" * 512)
    open_database(db_path).close()
    assert not stale.exists() and not journal.exists()
    assert running.exists()
    assert titles(db_path) == ["Kept"]


def test_backup_copies_left_half_written_are_removed_with_the_next_daily(
        db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Kept")
    folder = backups_dir(db_path)
    folder.mkdir()
    abandoned = folder / ".jobtracker.daily.2026-11-20T090000Z.db.partial"
    abandoned.write_bytes(b"\0" * 4096)
    journal = abandoned.with_name(f"{abandoned.name}-journal")
    journal.write_bytes(b"\0" * 512)
    long_ago = (DAY - dt.timedelta(hours=2)).timestamp()
    for path in (abandoned, journal):
        os.utime(path, (long_ago, long_ago))
    growing = folder / ".jobtracker.manual.2026-11-28T085959Z.db.partial"  # another process's
    growing.write_bytes(b"\0" * 4096)
    assert file_backups.backup_if_due(db_path, now=DAY) is not None
    assert not abandoned.exists() and not journal.exists() and growing.exists()


# -- salvage -----------------------------------------------------------------------------------


def test_salvage_copies_every_readable_row_into_a_sound_file(tmp_path: Path, db_path: Path,
                                                             migrated_template: Path):
    db_with_many(db_path, migrated_template)
    with Tracker.open(db_path) as tracker:
        tracker.add_note(40, "Call back on Monday")
        tracker.move_stage(40, "Interviewing")
    corrupt(db_path)
    before = db_path.read_bytes()
    out = tmp_path / "salvaged.db"
    report = salvage(db_path, out)
    assert db_path.read_bytes() == before  # the damaged file is only read
    saved = titles(out)
    assert 30 <= len(saved) < 40 and "Job 39" in saved
    assert report.damaged_stretches == {"application": 1}
    assert report.copied["application"] == len(saved)
    assert integrity(out) == "ok" and health.check(out) is None
    with Tracker.open(out) as tracker:
        detail = tracker.get_application(40)
        assert detail.stage == "Interviewing"
        # The search index is rebuilt from the salvaged rows.
        found = tracker.iter_applications(ApplicationFilter(search="Monday"))
        assert [row.id for row in found] == [40]
    with pytest.raises(SalvageError, match="already exists"):
        salvage(db_path, out)


# -- a -wal cut short --------------------------------------------------------------------------


def _synced_mid_session(db_path: Path) -> tuple[bytes, bytes]:
    """The file and its -wal as a sync tool copies them while the app runs.

    Three commits are only in the -wal (no checkpoint yet).
    """
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        for number in range(3):
            writer.execute("UPDATE application SET title = ?", (f"Commit {number}",))
        wal = Path(f"{db_path}-wal")
        return db_path.read_bytes(), wal.read_bytes()
    finally:
        writer.close()


def test_a_whole_wal_is_fine_and_damage_to_it_is_described(db_path: Path,
                                                           migrated_template: Path):
    db_with(db_path, migrated_template, "Checkpointed")
    _main, wal = _synced_mid_session(db_path)
    assert health.wal_damage(wal) is None
    page_size = int.from_bytes(wal[8:12], "big")
    frames = (len(wal) - 32) // (24 + page_size)
    assert "ends in the middle of a frame" in (health.wal_damage(wal[:-100]) or "")
    assert "less than its 32-byte header" in (health.wal_damage(wal[:20]) or "")
    spoiled_header = bytearray(wal)
    spoiled_header[16] ^= 0xFF  # salt-1: the header's checksum no longer matches
    assert "damaged header" in (health.wal_damage(bytes(spoiled_header)) or "")
    spoiled_frame = bytearray(wal)
    spoiled_frame[32 + 24 + 100] ^= 0xFF  # inside the first frame's page
    verdict = health.wal_damage(bytes(spoiled_frame)) or ""
    assert f"frame 1 of {frames} fails its checksum" in verdict and "3 commits" in verdict
    # Frames with an older salt are SQLite's own leftovers from before a reset: no warning.
    leftover = bytearray(wal)
    last = 32 + (frames - 1) * (24 + page_size)
    leftover[last + 8] ^= 0xFF
    assert health.wal_damage(bytes(leftover)) is None


def test_opening_warns_about_a_wal_cut_short(db_path: Path, migrated_template: Path):
    db_with(db_path, migrated_template, "Checkpointed")
    main, wal = _synced_mid_session(db_path)
    db_path.write_bytes(main)
    Path(f"{db_path}-wal").write_bytes(wal[:-1000])
    database = open_database(db_path)
    try:
        [warning] = database.warnings
    finally:
        database.close()
    assert f"{db_path}-wal" in warning and "cut short" in warning and "sync tool" in warning
    # A whole WAL (a crash, say) opens without a word.
    whole = db_with(db_path.with_name("whole.db"), migrated_template, "Again")
    main, wal = _synced_mid_session(whole)
    whole.write_bytes(main)
    Path(f"{whole}-wal").write_bytes(wal)
    database = open_database(whole)
    try:
        assert database.warnings == ()
    finally:
        database.close()
    assert titles(whole) == ["Commit 2"]
