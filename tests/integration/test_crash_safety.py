"""Crash safety: real JobTracker processes SIGKILLed at random moments leave whole actions only.

Each test draws its kill moments from a seeded RNG; the seed is in the test id and every failure
message names the kill number and its moment, so ``JOBTRACKER_CRASH_SEED=<seed>`` replays a run.
Windows are measured from one uninterrupted run here, never guessed: the CSV import is killed at
a uniform point of its own CPU time (steady on a busy machine), a migration at a uniform delay
after its first write is seen on disk, the edit burst at a uniform delay after its worker is
ready. Nothing in the product reports progress for the tests' sake.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import importlib.util
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from jobtracker import migrations
from jobtracker.db import PARTIAL_SUFFIX, open_database, read_revision
from jobtracker.paths import backups_dir
from jobtracker.tracker import ApplicationInput, Tracker

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")]

SEED = int(os.environ.get("JOBTRACKER_CRASH_SEED", "20261128"))
ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
IMPORT_ROWS = 10_000
IMPORT_KILLS = 20
IMPORT_LANES = 2
BURST_KILLS = 20
BURST_WINDOW_S = 1.0  # kill within this long after the driver is ready: 50-200 actions
MIGRATION_KILLS = 6


def _driver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_burst_driver",
                                                  HERE / "crash_burst_driver.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jobtracker(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kill_after(process: subprocess.Popen[bytes], delay: float) -> int:
    """SIGKILL ``process`` after ``delay`` s (unless it ended); returns its exit status."""
    time.sleep(delay)
    if process.poll() is None:
        process.kill()
    process.communicate()
    return process.returncode


def _assert_sound(path: Path, where: str) -> int:
    """What the next start sees: a whole database with a consistent index; returns its count."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        assert con.execute("PRAGMA foreign_key_check").fetchall() == [], where
        # Checks the FTS5 index against the text it stores.
        con.execute("INSERT INTO application_fts(application_fts) VALUES ('integrity-check')")
        apps = con.execute("SELECT count(*) FROM application").fetchone()[0]
        indexed = con.execute("SELECT count(*) FROM application_fts").fetchone()[0]
        assert indexed == apps, f"{where}: {indexed} rows indexed for {apps} applications"
        stale = con.execute("SELECT a.id FROM application AS a LEFT JOIN application_fts AS f "
                            "ON f.rowid = a.id WHERE f.title IS NOT a.title").fetchall()
        assert stale == [], f"{where}: search index out of date for {stale[:5]}"
        return int(apps)
    finally:
        con.close()


def _assert_accepts_a_write(path: Path, where: str) -> None:
    with Tracker.open(path) as tracker:
        app = tracker.add_application(ApplicationInput(title="After the crash", company="Probe"))
        assert tracker.get_application(app).title == "After the crash", where


# -- (a) a 10,000-row CSV import ----------------------------------------------------------------


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "applications.csv"
    lines = ["Title,Company,Stage,Location,Notes,Tags"]
    lines += [f"Engineer {i},Company {i % 700},{'Applied' if i % 3 else 'Saved'},Berlin,"
              f"note {i} with some words to index,python" for i in range(IMPORT_ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process ``pid``, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _kill_at_cpu_time(process: subprocess.Popen[bytes], target: float,
                      watch: Path) -> tuple[int, int]:
    """SIGKILL ``process`` once it has used ``target`` s of CPU; returns status, ``watch`` size."""
    size = 0
    while process.poll() is None:
        try:
            used = _cpu_seconds(process.pid)
        except (FileNotFoundError, ProcessLookupError):  # exited between poll and read
            break
        if used >= target:
            size = watch.stat().st_size if watch.exists() else 0
            process.kill()
            break
        time.sleep(0.001)
    process.communicate()
    return process.returncode, size


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("seed", [SEED], ids=lambda seed: f"seed={seed}")
def test_import_killed_at_random_moments_is_all_or_nothing(
        seed: int, big_csv: Path, migrated_template: Path, tmp_path: Path):
    # One uninterrupted import measures how much work the whole command is. Kill moments
    # are points in the process's own CPU time, so other load on the machine (which
    # stretches wall-clock time unevenly) does not push them all before or after the import.
    import resource  # POSIX only, like the rest of this file

    calibration = tmp_path / "calibration.db"
    shutil.copyfile(migrated_template, calibration)
    before_run = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(calibration),
                           "import", "csv", str(big_csv), "--allow-duplicates"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    after_run = resource.getrusage(resource.RUSAGE_CHILDREN)
    work = (after_run.ru_utime + after_run.ru_stime) - (before_run.ru_utime + before_run.ru_stime)
    assert done.returncode == 0, done.stderr
    assert _assert_sound(calibration, "calibration") == IMPORT_ROWS

    rng = random.Random(seed)
    targets = [(kill, rng.uniform(0.0, work)) for kill in range(1, IMPORT_KILLS + 1)]

    def lane(number: int) -> tuple[int, int]:
        """Every IMPORT_LANES-th kill, one after another on this lane's own database."""
        db = tmp_path / f"lane{number}" / "jobtracker.db"
        db.parent.mkdir()
        shutil.copyfile(migrated_template, db)
        wal = db.with_name(db.name + "-wal")
        before = mid_transaction = imported = 0
        for kill, target in targets[number::IMPORT_LANES]:
            where = (f"seed {seed}, kill {kill}/{IMPORT_KILLS} at {target:.3f} s "
                     f"of {work:.3f} s CPU time")
            status, wal_size = _kill_at_cpu_time(
                # The same sheet each time: --allow-duplicates keeps every run a whole
                # import of all its rows (without it, rows already tracked are skipped).
                _jobtracker(db, "import", "csv", str(big_csv), "--allow-duplicates"), target,
                wal)
            count = _assert_sound(db, where)
            assert count in (before, before + IMPORT_ROWS), (
                f"{where}: {count} applications, expected {before} or {before + IMPORT_ROWS}")
            if count == before and wal_size > 0:
                # Pages of the import had reached the WAL, yet nothing of it is visible.
                mid_transaction += 1
            imported += count != before
            assert status in (-signal.SIGKILL, 0), f"{where}: exit status {status}"
            _assert_accepts_a_write(db, where)
            before = count + 1
        return mid_transaction, imported

    # Two lanes keep both cores busy; kill moments are in each process's own CPU time,
    # so running side by side does not shift them.
    with concurrent.futures.ThreadPoolExecutor(IMPORT_LANES) as pool:
        results = list(pool.map(lane, range(IMPORT_LANES)))
    mid_transaction = sum(result[0] for result in results)
    imported = sum(result[1] for result in results)
    print(f"seed {seed}: {IMPORT_KILLS} import kills over {work:.3f} s CPU: "
          f"{mid_transaction} inside the transaction's writes, {imported} after the commit")
    # The kills must have hit the import while it was writing, not only before or after it.
    assert mid_transaction >= 3, (f"seed {seed}: only {mid_transaction} of {IMPORT_KILLS} kills "
                                  f"landed inside the import transaction ({imported} completed)")


# -- (b) a burst of single-action edits ---------------------------------------------------------


def _log(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _assert_logged_actions_whole(db: Path, log: list[dict[str, object]], where: str) -> None:
    driver = _driver()
    con = sqlite3.connect(db)
    try:
        stage_names = dict(con.execute("SELECT id, name FROM stage"))
        last_edit: dict[object, int] = {}
        for entry in log:
            action, app, seq = entry["action"], entry["app"], entry["seq"]
            what = f"{where}: logged {action} #{seq} of application {app}"
            if action == "add":
                assert con.execute("SELECT count(*) FROM application WHERE id = ?",
                                   (app,)).fetchone() == (1,), what
            elif action == "note":
                row = con.execute("SELECT application_id, body FROM note WHERE id = ?",
                                  (entry["note"],)).fetchone()
                assert row == (app, driver.note_body(seq)), what
            elif action == "move":
                row = con.execute("SELECT application_id, to_stage_id FROM stage_event "
                                  "WHERE id = ?", (entry["event"],)).fetchone()
                assert row is not None and row[0] == app, what
                assert stage_names[row[1]] == entry["stage"], what
            else:
                assert isinstance(seq, int)
                last_edit[app] = seq
        for app, seq in last_edit.items():
            title, location = con.execute("SELECT title, location FROM application WHERE id = ?",
                                          (app,)).fetchone()
            # A later edit may have committed just before the kill, unlogged: never an earlier.
            assert title.startswith("Edited "), f"{where}: edit #{seq} of {app} lost: {title!r}"
            shown = int(title.removeprefix("Edited "))
            assert shown >= seq, f"{where}: edit #{seq} of {app} lost: {title!r}"
            assert location == driver.edited_location(shown), (
                f"{where}: half an edit of {app}: {title!r} in {location!r}")
        # No half action of any kind, logged or not.
        orphans = con.execute("SELECT id FROM application AS a WHERE NOT EXISTS "
                              "(SELECT 1 FROM stage_event AS e WHERE e.application_id = a.id)"
                              ).fetchall()
        assert orphans == [], f"{where}: applications without their first stage event {orphans}"
        torn = con.execute(
            "SELECT a.id FROM application AS a WHERE a.stage_id IS NOT (SELECT e.to_stage_id "
            "FROM stage_event AS e WHERE e.application_id = a.id "
            "ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1)").fetchall()
        assert torn == [], f"{where}: stage differs from the latest stage event for {torn}"
        bodies = con.execute("SELECT id, body FROM note").fetchall()
        for note_id, body in bodies:
            seq = int(body.split("\n", 1)[0].removeprefix("Note "))
            assert body == driver.note_body(seq), f"{where}: note {note_id} is torn"
    finally:
        con.close()


@pytest.mark.parametrize("seed", [SEED], ids=lambda seed: f"seed={seed}")
def test_burst_of_edits_killed_at_random_moments_keeps_each_action_whole(
        seed: int, migrated_template: Path, tmp_path: Path):
    db = tmp_path / "jobtracker.db"
    shutil.copyfile(migrated_template, db)
    log_path = tmp_path / "done.jsonl"
    rng = random.Random(seed)
    server = subprocess.Popen([sys.executable, str(HERE / "crash_burst_driver.py"), str(db),
                               str(log_path)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert server.stdin is not None and server.stdout is not None
    try:
        for kill in range(1, BURST_KILLS + 1):
            delay = rng.uniform(0.0, BURST_WINDOW_S)
            where = f"seed {seed}, kill {kill}/{BURST_KILLS} after {delay:.3f} s"
            server.stdin.write(f"run {seed * 1000 + kill}\n")
            server.stdin.flush()
            ready = server.stdout.readline()
            assert ready.startswith("ready "), f"{where}: the driver failed: {ready!r}"
            logged_before = len(_log(log_path))
            time.sleep(delay)
            os.kill(int(ready.split()[1]), signal.SIGKILL)
            status = server.stdout.readline()
            assert status == f"exit {int(signal.SIGKILL)}\n", f"{where}: it ended: {status!r}"
            log = _log(log_path)
            _assert_sound(db, where)
            _assert_logged_actions_whole(db, log, where)
            assert len(log) >= logged_before, where
    finally:
        server.stdin.close()  # end of input: the fork server exits
        server.wait(timeout=60)
        server.stdout.close()
        assert server.stderr is not None
        stderr = server.stderr.read()
        server.stderr.close()
    assert server.returncode == 0, stderr
    assert len(log) >= 5 * BURST_KILLS, f"seed {seed}: only {len(log)} actions in all"
    print(f"seed {seed}: {len(log)} actions logged over {BURST_KILLS} kills")
    _assert_accepts_a_write(db, f"seed {seed}, after the last kill")


# -- (c) a migration killed midway --------------------------------------------------------------

OLDEST = min(Path(__file__).parents[1].joinpath("data").glob("schema-*.db"))
OLD_REVISION = OLDEST.stem.removeprefix("schema-")
SNAPSHOT_COPIES = 1_000  # a 10 MB file: the backup copy takes a good part of the run


def _fingerprint(path: Path, columns: dict[str, list[str]]) -> dict[str, str]:
    """A hash of every row of ``columns`` per table: the data a migration must carry over."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = {}
        for table, names in columns.items():
            digest = hashlib.sha256()
            cols = ", ".join(f'"{name}"' for name in names)
            order = ", ".join(str(i) for i in range(1, len(names) + 1))
            for row in con.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}'):
                digest.update(repr(row).encode())
            result[table] = digest.hexdigest()
        return result
    finally:
        con.close()


def _data_columns(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'application_fts%' AND name != 'alembic_version'")]
        return {table: [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
                for table in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def big_old_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The oldest released fixture grown with archived postings, so migrating it takes a while."""
    path = tmp_path_factory.mktemp("old") / "old.db"
    shutil.copyfile(OLDEST, path)
    con = sqlite3.connect(path)
    description = "<p>" + "A posting worth keeping. " * 400 + "</p>"
    con.executemany(
        "INSERT INTO posting_snapshot (application_id, source_url, fetched_at, extractor, title, "
        "description_html, raw_data) SELECT application_id, source_url || '?copy=' || ?, "
        "fetched_at, extractor, title, ? || ?, raw_data FROM posting_snapshot "
        "ORDER BY id LIMIT 1",
        [(i, description, i) for i in range(SNAPSHOT_COPIES)])
    con.commit()
    con.close()
    assert read_revision(path) == OLD_REVISION
    return path


def _assert_old_data(path: Path, columns: dict[str, list[str]], expected: dict[str, str],
                     where: str) -> None:
    present = _data_columns(path)
    shared = {table: [c for c in names if c in present.get(table, [])]
              for table, names in columns.items() if table in present}
    assert _fingerprint(path, shared) == {t: h for t, h in expected.items() if t in shared}, (
        f"{where}: data changed")


def _touched(db: Path) -> bool:
    """Whether a process opening ``db`` began writing: journal, WAL or backups folder."""
    return any(path.exists() for path in (db.with_name(db.name + "-journal"),
                                          db.with_name(db.name + "-wal"), backups_dir(db)))


def _wait_until_touched(process: subprocess.Popen[bytes], db: Path) -> float:
    """Poll from outside until ``process`` starts changing ``db``; returns when, from now."""
    started = time.monotonic()
    while not _touched(db):
        assert process.poll() is None, f"the process ended without touching {db}"
        time.sleep(0.001)
    return time.monotonic() - started


def _time_the_upgrade(db: Path) -> float:
    """Run one uninterrupted upgrade; returns how long it wrote: from its first write to close.

    Both ends are seen from outside (the journal, WAL or backups folder appear; the
    -wal file goes away with the last connection): the product reports nothing for the test.
    """
    wal = db.with_name(db.name + "-wal")
    process = _jobtracker(db, "stats")
    _wait_until_touched(process, db)
    touched = time.monotonic()
    closed = None
    while process.poll() is None:
        if closed is None and not wal.exists() and list(backups_dir(db).glob("*.db")):
            closed = time.monotonic()
        time.sleep(0.001)
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr
    assert read_revision(db) == migrations.HEAD
    return (closed or time.monotonic()) - touched


@pytest.mark.parametrize("seed", [SEED], ids=lambda seed: f"seed={seed}")
def test_migration_killed_midway_leaves_the_old_file_or_the_new_one(
        seed: int, big_old_database: Path, tmp_path: Path):
    columns = _data_columns(big_old_database)
    expected = _fingerprint(big_old_database, columns)
    calibration = tmp_path / "calibration" / "jobtracker.db"
    calibration.parent.mkdir()
    shutil.copyfile(big_old_database, calibration)
    # Kills are timed from the first write of each run (interpreter start-up varies
    # far more than the upgrade lasts on a busy machine), uniformly over the measured
    # writing time and a little beyond: WAL switch, backup copy, upgrade, commit, close.
    writing = _time_the_upgrade(calibration)

    rng = random.Random(seed)
    outcomes = {"before the backup": 0, "midway": 0, "upgraded": 0, "partial backup left": 0}
    kill = 0
    # On a busy machine the window drifts; a few more kills make sure some land midway,
    # one of them inside the backup copy.
    while kill < MIGRATION_KILLS or (not _enough(outcomes) and kill < 3 * MIGRATION_KILLS):
        kill += 1
        delay = rng.uniform(0.0, 1.2 * writing)
        where = f"seed {seed}, kill {kill}, {delay:.3f} s after the first write of {writing:.3f} s"
        folder = tmp_path / f"kill{kill}"
        folder.mkdir()
        db = folder / "jobtracker.db"
        shutil.copyfile(big_old_database, db)
        process = _jobtracker(db, "stats")
        _wait_until_touched(process, db)
        _kill_after(process, delay)

        backups = backups_dir(db)
        partials = list(backups.glob(f"*{PARTIAL_SUFFIX}"))
        outcomes["partial backup left"] += bool(partials)
        revision = read_revision(db)
        assert revision in (OLD_REVISION, migrations.HEAD), f"{where}: at {revision!r}"
        if revision == migrations.HEAD:
            outcomes["upgraded"] += 1
        else:
            outcomes["midway" if backups.exists() else "before the backup"] += 1
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        con.close()
        _assert_old_data(db, columns, expected, where)
        for backup in backups.glob("*.db"):
            assert read_revision(backup) == OLD_REVISION, f"{where}: {backup.name}"
            _assert_old_data(backup, columns, expected, f"{where}: {backup.name}")
        if revision == migrations.HEAD:
            # Upgraded before the kill: the backup it took first must be complete.
            assert list(backups.glob("*.db")), f"{where}: upgraded without a backup"

        # The next start recovers: upgraded, data whole, a backup, no leftover partial copy.
        open_database(db).close()
        assert read_revision(db) == migrations.HEAD, where
        _assert_old_data(db, columns, expected, f"{where}, reopened")
        _assert_sound(db, f"{where}, reopened")
        assert list(backups.glob("*.db")), f"{where}: no backup after the upgrade"
        assert list(backups.glob(f"*{PARTIAL_SUFFIX}*")) == [], f"{where}: partial copy left"
    print(f"seed {seed}: {kill} migration kills over {1.2 * writing:.3f} s: {outcomes}")
    assert _enough(outcomes), f"seed {seed}: {outcomes}: too few kills midway"


def _enough(outcomes: dict[str, int]) -> bool:
    return outcomes["midway"] >= 2 and outcomes["partial backup left"] >= 1


def test_a_partial_backup_left_by_a_kill_is_neither_a_backup_nor_an_obstacle(tmp_path: Path):
    db = tmp_path / "jobtracker.db"
    shutil.copyfile(OLDEST, db)
    backups = backups_dir(db)
    backups.mkdir()
    torn = backups / f"jobtracker.schema-{OLD_REVISION}.20261128T120000Z.db{PARTIAL_SUFFIX}"
    torn.write_bytes(OLDEST.read_bytes()[: 3 * 4096])
    journal = torn.with_name(torn.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 500)
    # Another kind of backup being written right now by another process: not ours to remove.
    other = backups / f".jobtracker.daily.db{PARTIAL_SUFFIX}"
    other.write_bytes(b"in progress")

    open_database(db).close()

    assert read_revision(db) == migrations.HEAD
    left = sorted(path.name for path in backups.iterdir() if path != other)
    assert len(left) == 1 and left[0].endswith(".db"), left
    assert read_revision(backups / left[0]) == OLD_REVISION
    assert other.read_bytes() == b"in progress"


def test_an_old_file_left_with_a_hot_journal_by_a_killed_writer_opens(tmp_path: Path):
    # Old files are in rollback-journal mode until their first open; a process killed
    # mid-write (the WAL switch itself, or an older JobTracker) leaves a hot journal
    # that only a writer may roll back. A read-only look must not call that "not ours".
    db = tmp_path / "jobtracker.db"
    shutil.copyfile(OLDEST, db)
    columns = _data_columns(db)
    expected = _fingerprint(db, columns)
    code = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA cache_size = 1')\n"  # spill: half-written pages in the file
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.executemany(\"INSERT INTO company (name, created_at) VALUES \"\n"
        "                \"(?, '2026-11-28 12:00:00')\", [(f'Half {i} ' + 'x' * 2000,)\n"
        "                                                 for i in range(200)])\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    assert db.with_name(db.name + "-journal").exists()

    assert read_revision(db) == OLD_REVISION
    open_database(db).close()

    assert read_revision(db) == migrations.HEAD
    _assert_old_data(db, columns, expected, "after the rollback")
    _assert_sound(db, "after the rollback")
