"""Whether a database file is sound: SQLite's checks, corruption errors and a torn ``-wal``."""

from __future__ import annotations

import os
import sqlite3
import struct
import time
from pathlib import Path

from jobtracker.app_lock import app_lock_holder, pid_alive
from jobtracker.dbfile import BUSY_TIMEOUT_MS, is_writable, read_only_params, uri

# sqlite3's names for "the bytes are not what SQLite wrote" (as opposed to busy, full, ...).
_CORRUPT = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_VTAB",
                      "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_INDEX"})
_CORRUPT_WORDS = ("database disk image is malformed", "file is not a database")
_MAX_PROBLEMS = 10  # quick_check(N) stops after N problems: one is enough to refuse
_NEEDS_RECOVERY = frozenset({"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY",
                             "SQLITE_READONLY_CANTINIT"})


def _is_corrupt_sqlite(error: BaseException) -> bool:
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if getattr(error, "sqlite_errorname", None) in _CORRUPT:
        return True
    text = str(error).casefold()
    return any(words in text for words in _CORRUPT_WORDS)


def is_corruption(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it: SQLAlchemy's ``orig``, ``__cause__``) is damage."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _is_corrupt_sqlite(current):
            return True
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        if isinstance(orig, BaseException) and _is_corrupt_sqlite(orig):
            return True
        current = current.__cause__ or (None if current.__suppress_context__
                                        else current.__context__)
    return False


def _run_check(path: Path, pragma: str, mode: str) -> list[str]:
    # A file we cannot write (read-only mount, folder) gets no -shm: read it as it lies.
    params = read_only_params(path) if mode == "ro" and not is_writable(path) else {"mode": mode}
    con = sqlite3.connect(uri(path, params), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return [str(row[0]) for row in con.execute(f"PRAGMA {pragma}({_MAX_PROBLEMS})")]
    finally:
        con.close()


def check(path: Path, *, full: bool = False) -> str | None:
    """None when ``path`` passes ``PRAGMA quick_check`` (``integrity_check`` when ``full``).

    Otherwise the problem, in one line. Read-only, unless a killed writer left a journal
    that any SQLite client rolls back first.
    quick_check reads every page and checks each b-tree's structure (0.12 s for 50,000
    applications, 84 MB); integrity_check also matches every index to its table (0.4 s).
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = _run_check(path, pragma, "ro")
    except sqlite3.Error as error:
        if _is_corrupt_sqlite(error):
            return str(error)
        if getattr(error, "sqlite_errorname", None) not in _NEEDS_RECOVERY:
            raise
        # A writer killed midway left a hot journal or a WAL index only a writer may
        # rebuild; any SQLite client does that first, changing no committed data.
        try:
            rows = _run_check(path, pragma, "rw")
        except sqlite3.Error as again:
            if _is_corrupt_sqlite(again):
                return str(again)
            raise
    if rows == ["ok"]:
        return None
    # One problem per line, under a "*** in database main ***" heading; one is shown.
    problems = [line.strip() for row in rows for line in row.splitlines()
                if line.strip() and not line.startswith("***")] or ["no answer"]
    more = len(problems) - 1
    suffix = f" (and {more}{'+' if more + 1 >= _MAX_PROBLEMS else ''} more)" if more else ""
    return f"{pragma}: {problems[0]}{suffix}"


# -- the write-ahead log -----------------------------------------------------------------------
# Format: sqlite.org/fileformat2.html#walformat. A 32-byte header (magic, version, page
# size, checkpoint sequence, two salts, a checksum of the first 24 bytes), then frames: a
# 24-byte header (page number, database size after a commit or 0, the salts, a checksum
# running over every frame so far) and one page. SQLite replays frames up to the last
# commit whose checksum chain holds and silently drops the rest.

_WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}  # low bit: the byte order of the checksums
_WAL_VERSION = 3007000


def _checksum(data: bytes, s0: int, s1: int, order: str) -> tuple[int, int]:
    words = iter(struct.unpack(f"{order}{len(data) // 4}I", data))
    for first, second in zip(words, words, strict=True):
        s0 = (s0 + first + s1) & 0xFFFFFFFF
        s1 = (s1 + second + s0) & 0xFFFFFFFF
    return s0, s1


def wal_damage(data: bytes) -> str | None:
    """What in a ``-wal`` file's bytes loses committed changes (None when nothing does).

    Worded to follow the file's name: "... ends in the middle of a frame ...".
    """
    if len(data) < 32:
        return f"is cut short ({len(data)} bytes, less than its 32-byte header)"
    magic, version, page_size, _seq, salt1, salt2, sum1, sum2 = struct.unpack(">8I", data[:32])
    order = _WAL_MAGIC.get(magic)
    if order is None or version != _WAL_VERSION or page_size < 512 or page_size > 65536 or (
            page_size & (page_size - 1)):
        return "has no valid WAL header, so SQLite ignores every change in it"
    if _checksum(data[:24], 0, 0, order) != (sum1, sum2):
        return "has a damaged header, so SQLite ignores every change in it"
    frame = 24 + page_size
    whole, rest = divmod(len(data) - 32, frame)
    running = (sum1, sum2)
    for index in range(whole):
        start = 32 + index * frame
        _page, _commit, frame_salt1, frame_salt2, fsum1, fsum2 = struct.unpack(
            ">6I", data[start:start + 24])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            return None  # frames of an earlier round of the reused file: SQLite's own leftovers
        running = _checksum(data[start:start + 8], *running, order)
        running = _checksum(data[start + 24:start + frame], *running, order)
        if running != (fsum1, fsum2):
            lost = _commits_from(data, index, whole, frame, (salt1, salt2))
            if lost:
                commits = f"{lost} commits from there on are" if lost > 1 else (
                    "commit from there on is")
                return (f"has a damaged frame: frame {index + 1} of {whole} fails its "
                        f"checksum, so the {commits} dropped")
            return None  # a transaction cut by a crash before its commit: nothing committed lost
    if rest:
        return (f"ends in the middle of a frame ({len(data):,} bytes is not its header "
                f"plus whole {frame:,}-byte frames), so it was cut short")
    return None


def _commits_from(data: bytes, first: int, whole: int, frame: int,
                  salts: tuple[int, int]) -> int:
    """Commit frames of this round of the file from frame ``first`` on."""
    count = 0
    for index in range(first, whole):
        start = 32 + index * frame
        _page, commit, salt1, salt2 = struct.unpack(">4I", data[start:start + 16])
        if (salt1, salt2) != salts:
            break
        count += int(commit != 0)
    return count


def wal_problem(db_path: Path) -> str | None:
    """A plain warning when the ``-wal`` beside ``db_path`` looks cut short or damaged.

    Only meaningful before this process opens the file (SQLite overwrites a torn tail
    on its next write) and while no other JobTracker writes it: a live WAL grows a frame
    at a time, so a problem seen is looked at again a moment later before it is reported.
    """
    wal = db_path.with_name(f"{db_path.name}-wal")
    try:
        if wal.stat().st_size == 0:
            return None
    except OSError:
        return None
    if app_lock_holder(db_path) not in (None, os.getpid()):
        # The app has the file open: its -wal is live and already read by SQLite there, and
        # checksumming a few MB in Python (0.2 s a MB) would slow every command beside it.
        return None
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    verdict = wal_damage(data)
    if verdict is None:
        return None
    time.sleep(0.05)
    try:
        if wal.read_bytes() != data:
            return None  # someone is writing it right now: a live log, not a torn copy
    except OSError:
        return None
    return (f"{wal} (the database's write-ahead log) {verdict}; recent changes may be missing. "
            "Was the database copied by a sync tool (Dropbox, OneDrive, Syncthing...) while "
            "JobTracker was running? If so, check your latest changes")


# -- leftovers of killed processes -------------------------------------------------------------


def staging_path(db_path: Path, pid: int) -> Path:
    """Where a restore run by process ``pid`` stages the backup beside ``db_path``."""
    return db_path.with_name(f".{db_path.name}.restoring-{pid}")


def remove_stale_staging(db_path: Path) -> list[Path]:
    """Delete full-size restore copies left beside ``db_path`` by killed restores.

    A staged copy carries its process id; one whose process is gone is never finished
    (the swap is a rename of the whole file), so it is only taking space.
    """
    removed: list[Path] = []
    try:
        candidates = list(db_path.parent.glob(f".{db_path.name}.restoring-*"))
    except OSError:
        return removed
    prefix = f".{db_path.name}.restoring-"
    for path in candidates:
        tail = path.name[len(prefix):]
        pid_text = tail.removesuffix("-journal")
        if not pid_text.isdigit() or pid_alive(int(pid_text)):
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue  # another user's file or read-only folder: harmless to leave
        removed.append(path)
    return removed


__all__ = ["check", "is_corruption", "remove_stale_staging", "staging_path",
           "wal_damage", "wal_problem"]
