"""Baseline: raw ``executemany`` of the rows a demo database holds into a migrated empty copy.

The same rows the demo writes (read from a database built by ``jobtracker demo``), the
same schema, indexes and FTS triggers, the same pragmas as the app (WAL, foreign keys,
synchronous FULL), notes before applications so the FTS trigger indexes each once.
Usage: ``python raw_insert.py SOURCE.db TARGET.db`` (TARGET a migrated, empty database).
"""

from __future__ import annotations

import sqlite3
import sys

# Parents first; notes before their applications (foreign keys checked at commit).
TABLES = ("company", "tag", "note", "application", "stage_event", "interview",
          "application_tag")


def main(source: str, target: str) -> int:
    """Copy every row of TABLES from ``source`` into ``target``; the exit status."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("PRAGMA synchronous = FULL")
    dst.execute("BEGIN IMMEDIATE")
    dst.execute("PRAGMA defer_foreign_keys = ON")
    for table in TABLES:
        columns = [row[1] for row in src.execute(f"PRAGMA table_info({table})")]
        names = ", ".join(columns)
        marks = ", ".join("?" * len(columns))
        rows = src.execute(f"SELECT {names} FROM {table}")
        dst.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    dst.execute("COMMIT")
    dst.close()
    src.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
