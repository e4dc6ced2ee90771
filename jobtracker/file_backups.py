"""Rolling daily backups, manual backups, listing and safe restore of the database file."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from jobtracker import health, migrations
from jobtracker.app_lock import app_lock_holder
from jobtracker.dbfile import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    head_bytes,
    is_writable,
    read_only_params,
    read_revision,
)
from jobtracker.errors import DamagedDatabaseError, DatabaseOpenError, JobTrackerError
from jobtracker.paths import backups_dir

DEFAULT_KEEP = 14
MAX_KEEP = 365
DAILY, MANUAL, PRE_RESTORE, MIGRATION = "daily", "manual", "pre-restore", "migration"
# A damaged database set aside by a restore: kept for salvage, never counted as a backup.
DAMAGED = "damaged"
KINDS = (DAILY, MANUAL, PRE_RESTORE, MIGRATION, DAMAGED)
OK = "ok"  # the verdict of a backup that passes SQLite's check
_STAMP = "%Y-%m-%dT%H%M%SZ"
_OURS = re.compile(
    r"\.(daily|manual|pre-restore|damaged)\.(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-\d+)?\.db$")
# Verdicts of SQLite's check per backup file, so each file is checked once, not per listing.
_VERDICTS = ".checks.json"
_STALE_PARTIAL_S = 3600
_MIGRATION = re.compile(r"\.schema-[^.]+\.(\d{8}T\d{6}Z)\.db$")
# One backup at a time per process: the one started at open in a worker and the one at
# close on the main thread must not both find "none today" and both copy.
_LOCK = threading.Lock()


class BackupError(JobTrackerError):
    """A backup or restore that cannot be done; the message says why and that nothing changed."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as a plain row: what the Preferences list and ``backups`` show."""

    path: Path
    kind: str  # daily, manual, pre-restore or migration
    taken_at: dt.datetime  # UTC
    size: int  # bytes
    revision: str | None  # schema revision; None when the file cannot be read
    applications: int | None  # applications not in the trash; None when unreadable
    verdict: str | None = None  # "ok", the problem SQLite's check found, or None: not checked

    @property
    def good(self) -> bool:
        """Whether this file passed SQLite's check and is a backup one may restore."""
        return self.verdict == OK and self.kind != DAMAGED


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did."""

    restored_from: Path
    database: Path
    previous_copy: Path | None  # the copy of the data before the restore (None: there was none)
    migrates_on_open: bool  # the backup has an older schema, upgraded when next opened
    previous_damaged: bool = False  # the replaced file failed SQLite's check (kept as it was)


def _uri(path: Path, **params: str) -> str:
    # as_uri() percent-encodes '?', '#' and '%', which a plain f"file:{path}" would misread.
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.resolve().as_uri()}?{query}" if query else path.resolve().as_uri()


def _fsync_dir(folder: Path) -> None:
    # Makes a rename durable on POSIX; Windows has no directory handles to sync.
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Online-backup ``source`` into ``target`` (a whole, self-contained file), atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            source.backup(dst)
            # The copy inherits WAL mode; a backup should be one file that needs no -wal.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        _fsync_file(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _copy_file(path: Path, target: Path, *, foreign: bool = False) -> None:
    if not foreign and not is_writable(path):
        # A read-only database (file, folder or mount): SQLite could not create its -shm.
        src = sqlite3.connect(_uri(path, **read_only_params(path)), uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000)
    elif not foreign:
        # Read-write (though nothing is written): the last connection out folds the WAL
        # in and removes -wal/-shm, where a read-only one would leave them behind.
        src = sqlite3.connect(_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    elif Path(f"{path}-wal").exists():
        src = sqlite3.connect(_uri(path, mode="ro"), uri=True)
    else:
        # Someone else's file with no WAL: read it as it lies, creating nothing beside it.
        src = sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True)
    try:
        _copy_into(src, target)
    finally:
        src.close()


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


def backup_path(db_path: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """A new, unused name for a backup of ``kind`` taken ``now``."""
    stamp = _now(now).astimezone(dt.UTC).strftime(_STAMP)
    folder = backups_dir(db_path)
    path = folder / f"{db_path.stem}.{kind}.{stamp}.db"
    number = 1
    while path.exists():  # two in the same second: number them rather than overwrite
        number += 1
        path = folder / f"{db_path.stem}.{kind}.{stamp}-{number}.db"
    return path


def _check_source(db_path: Path) -> None:
    if db_path.is_dir():
        raise BackupError(f"{db_path} is a folder, not a database file")
    if not db_path.is_file() or not head_bytes(db_path):  # /proc files say 0 bytes
        raise BackupError(f"there is no database at {db_path} to back up")
    try:
        read_revision(db_path)  # refuses a file that is not a JobTracker database
    except DatabaseOpenError as error:
        if damaged_by(db_path, error):  # not a text file that never was a database
            raise damaged_error(db_path, str(error.__cause__ or error), "not backed up") from None
        raise
    # A damaged copy is no backup, and rotating it in would push the good ones out.
    if (problem := health.check(db_path)) is not None:
        raise damaged_error(db_path, problem, "not backed up")


def make_backup(db_path: Path, out: Path | None = None, *, kind: str = MANUAL,
                now: dt.datetime | None = None) -> Path:
    """Copy the (possibly open) database with SQLite's online backup API; returns the copy.

    ``out`` names the file (or a folder for it); by default it goes into the backups folder.
    A database that fails ``quick_check`` is refused (DamagedDatabaseError) and no file is
    written; a copy that then fails ``integrity_check`` is deleted and reported.
    """
    db_path = db_path.expanduser().resolve()
    _check_source(db_path)
    if out is None:
        target = backup_path(db_path, kind, now)
    else:
        out = out.expanduser()
        target = out / backup_path(db_path, kind, now).name if out.is_dir() else out
        if not target.absolute().parent.is_dir():
            # A mistyped folder: making it would hide the typo behind a "successful" copy.
            raise BackupError(f"no folder {target.absolute().parent} for {out}; check the "
                              "path (nothing was created)")
        if target.resolve() == db_path:
            raise BackupError(f"{target} is the database itself; choose another file")
    _copy_file(db_path, target)
    if (problem := health.check(target, full=True)) is not None:
        target.unlink(missing_ok=True)
        # quick_check does not match indexes to their tables; integrity_check does.
        if (source_problem := health.check(db_path, full=True)) is not None:
            raise damaged_error(db_path, source_problem, "not backed up")
        raise BackupError(f"the copy {target} failed SQLite's integrity check ({problem}) and "
                          "was deleted; the disk holding it may be failing")
    if target.parent == backups_dir(db_path):
        _record_verdict(target, OK)
    return target


# -- what SQLite's check said about each backup ------------------------------------------------

_VERDICT_LOCK = threading.Lock()


def _stamp_of(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _load_verdicts(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / _VERDICTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _cached_verdict(verdicts: dict[str, object], path: Path) -> str | None:
    entry = verdicts.get(path.name)
    # Size and modification time must match: a file replaced or changed is checked again.
    if (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)
            and entry[:2] == _stamp_of(path)):
        return entry[2]
    return None


def _record_verdict(path: Path, verdict: str) -> None:
    folder = path.parent
    with _VERDICT_LOCK:
        verdicts = {name: entry for name, entry in _load_verdicts(folder).items()
                    if (folder / name).exists()}
        verdicts[path.name] = [*(_stamp_of(path) or [0, 0]), verdict]
        partial = folder / f"{_VERDICTS}.{os.getpid()}.partial"
        try:
            partial.write_text(json.dumps(verdicts, indent=0), encoding="utf-8")
            partial.replace(folder / _VERDICTS)
        except OSError:
            partial.unlink(missing_ok=True)  # only a cache: the next listing checks again


def _verdict(path: Path, verdicts: dict[str, object], *, check: bool) -> str | None:
    verdict = _cached_verdict(verdicts, path)
    if verdict is None and check:
        try:
            verdict = health.check(path) or OK
        except sqlite3.Error as error:
            verdict = str(error)
        _record_verdict(path, verdict)
    return verdict


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes SQLite's check (checked lazily, once)."""
    db_path = db_path.expanduser().resolve()
    verdicts = _load_verdicts(backups_dir(db_path))
    for path, kind, taken in _found(db_path):
        if kind == DAMAGED or _verdict(path, verdicts, check=True) != OK:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        revision, count = _read_facts(path)
        return BackupInfo(path, kind, taken, size, revision, count, OK)
    return None


def _command(*words: str) -> str:
    if sys.platform == "win32":
        import subprocess

        return subprocess.list2cmdline(words)
    import shlex

    return shlex.join(words)


def damaged_error(db_path: Path, problem: str, outcome: str = "nothing was written to it"
                  ) -> DamagedDatabaseError:
    """The one-line refusal for a damaged ``db_path``: what, and how to get a good file back."""
    db_path = db_path.expanduser().resolve()
    good = newest_good_backup(db_path)
    head = f"{db_path} is damaged ({problem}); {outcome}. "
    if good is not None:
        taken = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        advice = (f"The newest backup that passes the check is {good.path} ({taken}); "
                  "restore it (the damaged file is kept aside) with: "
                  + _command("jobtracker", "--db", str(db_path), "restore", str(good.path)))
    else:
        advice = ("No backup passes the check; copy what can still be read into a new file "
                  "with: " + _command("jobtracker", "--db", str(db_path), "salvage", "-o",
                                      str(db_path.with_name(f"{db_path.stem}-salvaged.db"))))
    return DamagedDatabaseError(head + advice, path=db_path, problem=problem,
                                backup=good.path if good else None)


def damaged_by(db_path: Path, error: BaseException) -> bool:
    """Whether ``error`` met opening or reading ``db_path`` means that file is damaged.

    "file is not a database" counts only for a file that starts as SQLite's do, or that
    has a backup: anything else never was a JobTracker database and is refused as such.
    """
    if isinstance(error, DamagedDatabaseError):
        return True
    if not health.is_corruption(error):
        return False
    try:
        with db_path.open("rb") as handle:
            if handle.read(16) == b"SQLite format 3\x00":
                return True
    except OSError:
        return False
    return newest_good_backup(db_path) is not None


def refuse_if_damaged(db_path: Path) -> None:
    """Raise DamagedDatabaseError when ``db_path`` fails ``quick_check`` (before writing)."""
    db_path = db_path.expanduser().resolve()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return
    try:
        # First, as read_revision reads (creating nothing beside the file): a check of
        # another program's WAL file would leave a -wal and -shm beside it.
        read_revision(db_path)
    except DatabaseOpenError as error:
        if not damaged_by(db_path, error):
            return  # not a JobTracker database: opening it says so
    try:
        problem = health.check(db_path)
    except sqlite3.Error:
        return  # busy or unreadable for another reason: opening it says so plainly
    if problem is not None:
        if (not head_bytes(db_path).startswith(SQLITE_HEADER)
                and newest_good_backup(db_path) is None):
            return  # never a JobTracker database: opening it says "not a JobTracker database"
        raise damaged_error(db_path, problem)


def _taken_at(path: Path) -> tuple[str, dt.datetime] | None:
    if match := _OURS.search(path.name):
        stamp = dt.datetime.strptime(match.group(2), _STAMP)
        return match.group(1), stamp.replace(tzinfo=dt.UTC)
    if match := _MIGRATION.search(path.name):
        stamp = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ")
        return MIGRATION, stamp.replace(tzinfo=dt.UTC)
    return None


def _read_facts(path: Path) -> tuple[str | None, int | None]:
    """Schema revision and live application count, read without writing anything."""
    try:
        # immutable: a finished backup never changes, so no locks and no -shm are needed.
        con = sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True)
    except sqlite3.Error:
        return None, None
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        count = con.execute(
            "SELECT count(*) FROM application WHERE deleted_at IS NULL").fetchone()[0]
        return revision, int(count)
    except sqlite3.Error:
        return None, None
    finally:
        con.close()


def _found(db_path: Path) -> list[tuple[Path, str, dt.datetime]]:
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}.*.db"):
        if (facts := _taken_at(path)) is not None and path.name.startswith(f"{db_path.stem}."):
            found.append((path, facts[0], facts[1]))
    found.sort(key=lambda item: (item[2], item[0].name), reverse=True)
    return found


def list_backups(db_path: Path, *, check: bool = False) -> list[BackupInfo]:
    """Every backup of ``db_path`` in its backups folder, newest first.

    Each carries the verdict of SQLite's check recorded when it was written or last
    checked; ``check`` runs ``quick_check`` on those without one (and records it).
    """
    db_path = db_path.expanduser().resolve()
    verdicts = _load_verdicts(backups_dir(db_path))
    rows = []
    for path, kind, taken in _found(db_path):
        try:
            size = path.stat().st_size
        except OSError:
            continue  # pruned meanwhile
        revision, count = _read_facts(path)
        rows.append(BackupInfo(path, kind, taken, size, revision, count,
                               _verdict(path, verdicts, check=check)))
    return rows


def prune_daily(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups; other kinds are never touched.

    A daily copy known to be damaged does not count as one of the ``keep``, and the
    newest backup that passes SQLite's check is never deleted, however old.
    """
    keep = max(1, keep)
    db_path = db_path.expanduser().resolve()
    dailies = [path for path, kind, _taken in _found(db_path) if kind == DAILY]
    if len(dailies) <= keep:
        return []
    good = newest_good_backup(db_path)  # checks the unchecked ones it passes, newest first
    spare = good.path if good is not None else None
    verdicts = _load_verdicts(backups_dir(db_path))
    removed = []
    counted = 0
    for index, path in enumerate(dailies):
        verdict = _cached_verdict(verdicts, path)
        if verdict is not None and verdict != OK:
            doomed = index >= keep  # a damaged copy: never one of the kept, gone with age
        else:
            counted += 1
            doomed = counted > keep and path != spare
        if doomed:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def backup_if_due(db_path: Path, *, keep: int = DEFAULT_KEEP,
                  now: dt.datetime | None = None) -> Path | None:
    """Take today's daily backup unless there is one (the day in ``now``'s time zone).

    Returns the new file, or None when none was due (or there is no database yet).
    The newest ``keep`` daily backups are kept.
    """
    db_path = db_path.expanduser().resolve()
    moment = now if now is not None else dt.datetime.now().astimezone()
    zone = moment.tzinfo
    with _LOCK:
        if not db_path.is_file() or db_path.stat().st_size == 0:
            return None
        _remove_stale_partials(db_path)
        today = moment.date()
        done = any(kind == DAILY and taken.astimezone(zone).date() == today
                   for _path, kind, taken in _found(db_path))
        made = None if done else make_backup(db_path, kind=DAILY, now=moment)
        prune_daily(db_path, keep)
        return made


def _remove_stale_partials(db_path: Path) -> None:
    """Delete backup copies a killed process left half-written (never renamed into place)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return
    # A copy being written changes as it grows; one untouched this long was abandoned.
    cutoff = time.time() - _STALE_PARTIAL_S
    for path in folder.glob(f".{db_path.stem}.*.partial*"):  # with its -journal
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


# -- restore -----------------------------------------------------------------------------------


def _unchanged(message: str) -> BackupError:
    return BackupError(f"{message}; nothing was changed")


def _check_candidate(staged: Path, shown: Path) -> str:
    """The staged copy's revision, after refusing anything unfit to become the database."""
    try:
        revision = read_revision(staged)
    except DatabaseOpenError:
        raise _unchanged(f"{shown} is not a JobTracker database") from None
    if not revision:
        raise _unchanged(f"{shown} is not a JobTracker database (it holds no schema)")
    if revision not in migrations.known_revisions():
        raise _unchanged(f"{shown} was written by a newer version of JobTracker "
                         f"(schema {revision}); update JobTracker to restore it")
    con = sqlite3.connect(_uri(staged, mode="ro"), uri=True)
    try:
        result = [row[0] for row in con.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise _unchanged(f"{shown} is damaged ({error})") from None
    finally:
        con.close()
    if result != ["ok"]:
        raise _unchanged(f"{shown} is damaged (integrity check: {result[0]})")
    return revision


def restore_backup(db_path: Path, backup: Path, *, now: dt.datetime | None = None,
                   app_may_hold_lock: bool = False) -> RestoreReport:
    """Make ``backup`` the database at ``db_path``, keeping a copy of the current file first.

    Refuses (changing nothing) a file that is not a JobTracker database, fails
    ``integrity_check`` or has a newer schema, and a database the app has open
    (unless the caller is that app and has closed its own connections:
    ``app_may_hold_lock``). An older schema is upgraded when the file is next opened.
    """
    db_path = db_path.expanduser().resolve()
    backup = backup.expanduser()
    if not backup.is_file():
        raise _unchanged(f"{backup}: no such file")
    if backup.resolve() == db_path:
        raise _unchanged(f"{backup} is the database itself")
    if not app_may_hold_lock and (pid := app_lock_holder(db_path)) is not None:
        raise _unchanged(f"JobTracker is open on {db_path} (process {pid}); restore from its "
                         "Preferences (Backups), or quit it and try again")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    health.remove_stale_staging(db_path)  # full-size copies of restores killed midway
    # Staged beside the database so the final os.replace is a rename on one file system.
    staged = health.staging_path(db_path, os.getpid())
    damaged = False
    try:
        try:
            _copy_file(backup, staged, foreign=True)
        except sqlite3.DatabaseError as error:
            raise _unchanged(f"{backup} is not a JobTracker database ({error})") from None
        revision = _check_candidate(staged, backup)
        previous = None
        if db_path.exists():
            # A damaged current file (often why one restores) is kept byte for byte.
            damaged = _current_problem(db_path) is not None
            previous = _keep_damaged(db_path, now) if damaged else _set_aside(db_path, now)
        staged.replace(db_path)
    finally:
        staged.unlink(missing_ok=True)
    # A -wal left from the old file would be replayed into the new one: it must go.
    for suffix in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    _fsync_dir(db_path.parent)
    return RestoreReport(backup, db_path, previous, revision != migrations.HEAD, damaged)


def _current_problem(db_path: Path) -> str | None:
    if db_path.stat().st_size == 0:
        return None
    try:
        return health.check(db_path)
    except sqlite3.Error:
        return None  # busy, say: _set_aside reports it plainly


def _keep_damaged(db_path: Path, now: dt.datetime | None) -> Path:
    """Copy a damaged database's bytes (and its -wal, whose commits salvage can read) aside."""
    target = backup_path(db_path, DAMAGED, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(db_path, partial)
        _fsync_file(partial)
        wal = db_path.with_name(f"{db_path.name}-wal")
        if wal.is_file() and wal.stat().st_size:
            shutil.copyfile(wal, target.with_name(f"{target.name}-wal"))
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


def _set_aside(db_path: Path, now: dt.datetime | None) -> Path:
    """Copy the current database to a pre-restore backup, then fold its WAL in and close it."""
    target = backup_path(db_path, PRE_RESTORE, now)
    con = sqlite3.connect(_uri(db_path), uri=True, timeout=5.0, isolation_level=None)
    try:
        # The write lock keeps a CLI writer from slipping a change in between copy and swap.
        con.execute("BEGIN IMMEDIATE")
        _copy_file(db_path, target)  # a reader beside the lock holder (WAL lets it read)
        con.execute("ROLLBACK")
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            target.unlink(missing_ok=True)
            raise _unchanged(f"{db_path} is in use by another program; close it and try again")
    except sqlite3.OperationalError as error:
        target.unlink(missing_ok=True)
        raise _unchanged(f"{db_path} is in use by another program ({error})") from None
    except sqlite3.DatabaseError:
        # The current file is damaged (often why one restores): keep its bytes as they are.
        con.close()
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, target)
    finally:
        con.close()
    return target


__all__ = ["DEFAULT_KEEP", "KINDS", "BackupError", "BackupInfo", "RestoreReport",
           "backup_if_due", "damaged_by", "damaged_error",
           "list_backups",
           "make_backup", "newest_good_backup", "prune_daily", "refuse_if_damaged",
           "restore_backup"]
