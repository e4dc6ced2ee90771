"""Salvage: copy every row still readable in a damaged database into a new, sound one."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jobtracker.errors import JobTrackerError

# Python's sqlite3 has no binding for SQLite's recovery extension (the sqlite3 shell's
# .recover), and the shell is not on every user's computer; reading each table in rowid
# order, stepping over the stretches that fail, needs nothing but the standard library.
_MAX_ROWID = 2**63 - 1


class SalvageError(JobTrackerError):
    """Nothing could be salvaged (the file's schema itself is unreadable, or no output)."""


@dataclass
class SalvageReport:
    """What a salvage copied, skipped and dropped."""

    output: Path
    copied: dict[str, int] = field(default_factory=dict)  # rows per table
    damaged_stretches: dict[str, int] = field(default_factory=dict)  # unreadable runs per table
    dropped: dict[str, int] = field(default_factory=dict)  # rows refused or left orphaned

    @property
    def total(self) -> int:
        """Rows copied in all."""
        return sum(self.copied.values())


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in con.execute(f"PRAGMA table_info({_quote(table)})")]


def _probe(src: sqlite3.Connection, table: str, after: int) -> int | bool | None:
    """The first rowid above ``after`` (None: there is none; False: seeking there fails)."""
    try:
        row = src.execute(f"SELECT rowid FROM {_quote(table)} WHERE rowid > ? "
                          "ORDER BY rowid LIMIT 1", (after,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return None if row is None else int(row[0])


def _skip_damage(src: sqlite3.Connection, table: str, last: int) -> int | None:
    """A rowid to resume after, past the damaged stretch that follows ``last`` (None: end)."""
    last = max(last, 0)  # JobTracker's rowids are ids from 1: no need to probe below them
    step = 1
    while last + step < _MAX_ROWID:
        found = _probe(src, table, last + step)
        if found is not False:
            # Narrow down: the smallest jump that reads again loses the fewest rows.
            low, high = step // 2, step
            while high - low > 1:
                middle = (low + high) // 2
                if _probe(src, table, last + middle) is False:
                    low = middle
                else:
                    high = middle
            return None if _probe(src, table, last + high) is None else last + high
        step *= 2
    return None


def _rows(src: sqlite3.Connection, table: str, columns: list[str],
          report: SalvageReport) -> Iterator[tuple[object, ...]]:
    names = ", ".join(_quote(column) for column in columns)
    last = -_MAX_ROWID - 1
    while True:
        try:
            for row in src.execute(f"SELECT rowid, {names} FROM {_quote(table)} "
                                   "WHERE rowid > ? ORDER BY rowid", (last,)):
                last = int(row[0])
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            report.damaged_stretches[table] = report.damaged_stretches.get(table, 0) + 1
            resume = _skip_damage(src, table, last)
            if resume is None:
                return
            last = resume


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
                report: SalvageReport) -> None:
    wanted = _columns(dst, table)
    try:
        present = set(_columns(src, table))
    except sqlite3.DatabaseError:
        present = set()
    columns = [column for column in wanted if column in present]
    if not columns:
        report.copied[table] = 0
        return
    rows = list(_rows(src, table, columns, report))
    if not rows:
        report.copied[table] = 0
        return  # keeps what the new database starts with (the default stages)
    dst.execute(f"DELETE FROM {_quote(table)}")
    insert = (f"INSERT INTO {_quote(table)} ({', '.join(_quote(c) for c in columns)}) "
              f"VALUES ({', '.join('?' * len(columns))})")
    copied = 0
    for row in rows:
        try:
            dst.execute(insert, row)
        except sqlite3.DatabaseError:
            # A damaged record can read back as values no column accepts.
            report.dropped[table] = report.dropped.get(table, 0) + 1
        else:
            copied += 1
    report.copied[table] = copied


def _drop_orphans(dst: sqlite3.Connection, report: SalvageReport) -> None:
    """Clear (or, when required, drop) references to rows that were lost."""
    for _round in range(20):  # each round can orphan the rows that pointed at dropped ones
        violations = dst.execute("PRAGMA foreign_key_check").fetchall()
        if not violations:
            return
        for table, rowid, _parent, fk_id in violations:
            keys = {row[0]: row[3] for row in dst.execute(
                f"PRAGMA foreign_key_list({_quote(table)})")}
            column = keys.get(fk_id)
            required = {row[1]: bool(row[3]) for row in dst.execute(
                f"PRAGMA table_info({_quote(table)})")}
            if column is not None and not required.get(column, True):
                dst.execute(f"UPDATE {_quote(table)} SET {_quote(column)} = NULL "
                            "WHERE rowid = ?", (rowid,))
            else:
                dst.execute(f"DELETE FROM {_quote(table)} WHERE rowid = ?", (rowid,))
                report.dropped[table] = report.dropped.get(table, 0) + 1
                report.copied[table] = report.copied.get(table, 1) - 1


def salvage(damaged: Path, output: Path) -> SalvageReport:
    """Copy every readable row of ``damaged`` into a new database at ``output``.

    The damaged file (and its -wal, whose commits are read too) is never written: a
    copy of them is read. ``output`` gets the current schema; rows whose parents were
    lost lose that reference (or, when it is required, are dropped).
    """
    from jobtracker.db import open_database
    from jobtracker.models import Base

    damaged = damaged.expanduser().resolve()
    output = output.expanduser().resolve()
    if not damaged.is_file():
        raise SalvageError(f"there is no database at {damaged} to salvage")
    if output.exists():
        raise SalvageError(f"{output} already exists; name a new file")
    report = SalvageReport(output)
    partial = output.with_name(f".{output.name}.partial")
    for leftover in (partial, partial.with_name(f"{partial.name}-wal"),
                     partial.with_name(f"{partial.name}-shm")):
        leftover.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="jobtracker-salvage-") as folder:
        copy = Path(folder) / damaged.name
        shutil.copyfile(damaged, copy)
        wal = damaged.with_name(f"{damaged.name}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(folder) / wal.name)
        src = sqlite3.connect(copy)
        try:
            try:
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as error:
                raise SalvageError(f"nothing can be read from {damaged}: its list of tables "
                                   f"is damaged ({error})") from None
            open_database(partial).close()
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                dst.execute("PRAGMA foreign_keys = OFF")  # parents may be lost: fixed after
                dst.execute("BEGIN")
                for table in Base.metadata.sorted_tables:
                    _copy_table(src, dst, table.name, report)
                _drop_orphans(dst, report)
                dst.execute("COMMIT")
                verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        except BaseException:
            for leftover in (partial, partial.with_name(f"{partial.name}-wal"),
                             partial.with_name(f"{partial.name}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        finally:
            src.close()
    if verdict != "ok":  # pragma: no cover - a fresh file written by SQLite itself
        partial.unlink(missing_ok=True)
        raise SalvageError(f"the salvaged copy fails SQLite's check ({verdict})")
    partial.replace(output)
    return report


__all__ = ["SalvageError", "SalvageReport", "salvage"]
