"""The CSV export's one query, over stored values, on a plain sqlite3 connection.

Kept free of SQLAlchemy so that ``jobtracker export csv`` on an up-to-date file reads it
with the standard library alone: importing SQLAlchemy and the models would cost the
export about as much as writing 50,000 rows (the goal: export within 1.5x a bare script).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

TAG_SEPARATOR = "\x1f"  # joins stored tag names; cannot appear in a tag name typed by a user

# How SQLAlchemy's DateTime stores a timestamp in SQLite (naive UTC for UTCDateTime).
STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"
# Notes joined newest first, for people reading the spreadsheet. The ORDER BY sits in a
# subquery because group_concat(... ORDER BY) needs SQLite 3.44 and Python bundles older
# ones; SQLite never flattens an ordered subquery into an aggregate, so the order holds.
NOTES_SEPARATOR = "\n\n"
_NOTES = """(SELECT group_concat(body, ?3) FROM (SELECT n.body AS body FROM note AS n
          WHERE n.application_id = a.id ORDER BY n.created_at DESC, n.id DESC))"""
# The next pending interview as "<stored UTC>|<IANA zone or nothing>": the bare column
# takes the zone of the row min() picks (SQLite's documented min/max rule), so one
# scalar subquery gives both without a sort.
INTERVIEW_SEPARATOR = "|"
_NEXT_INTERVIEW = """(SELECT min(i.starts_at) || '|' || ifnull(i.timezone, '')
          FROM interview AS i WHERE i.application_id = a.id
          AND i.starts_at >= ?2 AND i.outcome = 'pending')"""
# NOT INDEXED: nearly every row is live, so reading the table in id order beats looking
# each row up through ix_application_live_changed and sorting 50,000 ids afterwards
# (0.55 s instead of 1.0 s at 50k; test_query_plans checks this plan).
EXPORT_SQL = f"""
SELECT a.id, c.name, a.title, s.name, a.applied_on, a.stage_changed_on, a.location, a.remote,
       a.salary_min, a.salary_max, a.salary_currency, a.salary_period, a.employment_type,
       a.priority,
       (SELECT group_concat(t.name, ?1) FROM application_tag AS at
          JOIN tag AS t ON t.id = at.tag_id WHERE at.application_id = a.id),
       a.url, a.source,
       {_NEXT_INTERVIEW},
       a.follow_up_on,
       {_NOTES}
FROM application AS a NOT INDEXED
JOIN company AS c ON c.id = a.company_id
JOIN stage AS s ON s.id = a.stage_id
WHERE a.deleted_at IS NULL
ORDER BY a.id
"""
# The same two derived cells for chosen applications (``list --format csv``, whose rows
# come from the list query); ?1 is a JSON array of ids, so any number fits one query.
EXTRAS_SQL = f"""
SELECT a.id, {_NEXT_INTERVIEW}, {_NOTES}
FROM application AS a WHERE a.id IN (SELECT value FROM json_each(?1))
"""


def export_records(connection: sqlite3.Connection, now: dt.datetime) -> Iterator[tuple[Any, ...]]:
    """The export's rows (see ``Tracker.iter_export_records``), interviews counted from ``now``."""
    cursor = connection.cursor()
    try:
        yield from cursor.execute(EXPORT_SQL, (TAG_SEPARATOR, _stored(now), NOTES_SEPARATOR))
    finally:
        cursor.close()


def export_extras(connection: sqlite3.Connection, ids: Sequence[int], now: dt.datetime
                  ) -> dict[int, tuple[str | None, str | None]]:
    """Per application id: the next interview and notes cells as ``export_records`` has them."""
    found = connection.execute(EXTRAS_SQL, (json.dumps(list(ids)), _stored(now),
                                            NOTES_SEPARATOR))
    return {app_id: (interview, notes) for app_id, interview, notes in found}


def _stored(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).replace(tzinfo=None).strftime(STORED_TIME)


def export_records_from_file(path: Path, now: dt.datetime,
                             busy_timeout_ms: int) -> Iterator[tuple[Any, ...]]:
    """The same rows read from the file at ``path`` (up to date, checked by the caller).

    One SELECT is one consistent snapshot, also while the app writes (WAL); the
    connection is read-only, so nothing about the file changes.
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        yield from export_records(connection, now)
    finally:
        connection.close()
