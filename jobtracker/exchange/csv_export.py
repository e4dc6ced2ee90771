"""Writing applications to an RFC 4180 CSV file that spreadsheets open safely."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from typing import TextIO

from jobtracker import money
from jobtracker.exchange.csv_cells import neutralize
from jobtracker.exchange.csv_columns import COLUMNS, DATETIME_FORMAT, TAG_SEPARATOR
from jobtracker.tracker.rows import ApplicationRow

BOM = "\ufeff"


def write_csv(rows: Iterable[ApplicationRow], out: TextIO, *, excel: bool = False) -> int:
    """Write a header and one line per row to ``out``; returns how many rows were written.

    ``out`` must be opened with ``newline=""`` (and UTF-8) so the CRLF line ends and
    line breaks inside cells reach the file unchanged. ``excel`` writes a UTF-8 byte
    order mark first, without which Excel reads the file as the local ANSI code page.
    Rows are written as they come, so an export of any size runs in constant memory.
    """
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralize(name) for name in COLUMNS])
    count = 0
    for row in rows:
        writer.writerow([neutralize(cell) for cell in row_cells(row)])
        count += 1
    return count


def row_cells(row: ApplicationRow) -> list[str]:
    """The text of each column of ``COLUMNS`` for one application, before neutralising."""
    currency = row.salary_currency
    return [
        str(row.id),
        row.company,
        row.title,
        row.stage,
        _date(row.applied_on),
        _date(row.last_change),
        row.location or "",
        row.remote or "",
        money.format_plain(row.salary_min, currency),
        money.format_plain(row.salary_max, currency),
        currency or "",
        row.salary_period or "",
        row.employment_type or "",
        str(row.priority),
        TAG_SEPARATOR.join(row.tags),
        row.url or "",
        row.source or "",
        _local_time(row.next_interview),
        _date(row.follow_up_on),
        str(row.notes_count),
    ]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _local_time(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:  # stored timestamps are UTC; a naive one can only be UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime(DATETIME_FORMAT)
