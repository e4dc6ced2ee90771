"""Baseline: stdlib sqlite3 + csv dumping the columns of ``jobtracker export csv``, id order.

The same rows and the same twenty columns (tags joined, next pending interview with its zone,
the notes' text newest first), written with the csv module; values as stored (no money or
time formatting).
Usage: ``python raw_export.py DB OUT.csv``.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import sys
from pathlib import Path

HEADER = ("ID", "Company", "Title", "Stage", "Applied", "Last change", "Location", "Remote",
          "Salary min", "Salary max", "Currency", "Salary period", "Employment type",
          "Priority", "Tags", "URL", "Source", "Next interview", "Follow-up", "Notes")
QUERY = """
SELECT a.id, c.name, a.title, s.name, a.applied_on, a.stage_changed_on, a.location, a.remote,
       a.salary_min, a.salary_max, a.salary_currency, a.salary_period, a.employment_type,
       a.priority,
       (SELECT group_concat(t.name, '; ') FROM application_tag AS at JOIN tag AS t
          ON t.id = at.tag_id WHERE at.application_id = a.id),
       a.url, a.source,
       (SELECT min(i.starts_at) || '|' || ifnull(i.timezone, '') FROM interview AS i
          WHERE i.application_id = a.id AND i.starts_at >= ? AND i.outcome = 'pending'),
       a.follow_up_on,
       (SELECT group_concat(body, char(10, 10)) FROM (SELECT n.body AS body FROM note AS n
          WHERE n.application_id = a.id ORDER BY n.created_at DESC, n.id DESC))
FROM application AS a JOIN company AS c ON c.id = a.company_id
JOIN stage AS s ON s.id = a.stage_id
WHERE a.deleted_at IS NULL
ORDER BY a.id
"""


def main(db: str, out: str) -> int:
    """Dump every live application of ``db`` to ``out``; returns the exit status."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(con.execute(QUERY, (now,)))
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
