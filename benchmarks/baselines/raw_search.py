"""Baseline: the raw sqlite3 FTS5 query for a search-as-you-type word (count + first page).

What a hand-written app would run for the table: how many live applications match, and
the first page of them with the columns the table shows (company, title, stage, dates,
location, salary, priority, next interview, follow-up), newest change first.
"""

from __future__ import annotations

import sqlite3

COUNT = """
SELECT count(*) FROM application_fts AS f JOIN application AS a ON a.id = f.rowid
WHERE application_fts MATCH ? AND a.deleted_at IS NULL
"""
PAGE = """
SELECT a.id, c.name, a.title, s.name, a.applied_on, a.stage_changed_on, a.location,
       a.remote, a.salary_min, a.salary_max, a.salary_currency, a.salary_period, a.priority,
       (SELECT min(i.starts_at) FROM interview AS i WHERE i.application_id = a.id
          AND i.starts_at >= datetime('now') AND i.outcome = 'pending'),
       a.follow_up_on
FROM application_fts AS f JOIN application AS a ON a.id = f.rowid
JOIN company AS c ON c.id = a.company_id JOIN stage AS s ON s.id = a.stage_id
WHERE application_fts MATCH ? AND a.deleted_at IS NULL
ORDER BY a.stage_changed_on DESC, a.id DESC LIMIT ?
"""


def raw_search(con: sqlite3.Connection, word: str,
               limit: int) -> tuple[int, list[tuple[object, ...]]]:
    """(number of matches, first ``limit`` rows) for ``word`` typed as a prefix."""
    match = f'"{word}"*'
    total = con.execute(COUNT, (match,)).fetchone()[0]
    return total, con.execute(PAGE, (match, limit)).fetchall()
