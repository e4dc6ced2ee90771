"""Text and JSON renderings of rows for the terminal: tables, details, statistics."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import unicodedata
from collections.abc import Iterable
from typing import Any

from jobtracker import money
from jobtracker.exchange.csv_export import Extras, interview_cell, known_zone
from jobtracker.plain import plain
from jobtracker.tracker.rows import ApplicationDetail, ApplicationRow, InterviewRow, Stats


def _as_dict(obj: Any) -> dict[str, Any]:
    return {field.name: plain(getattr(obj, field.name)) for field in dataclasses.fields(obj)}


def salary_number(minor: int | None, currency: str | None) -> int | float | None:
    """A stored salary as the JSON number the user typed: ``100`` for 100 EUR, ``62.5``.

    A JSON number rather than a string, so scripts compare and sort without parsing.
    Exact: a whole amount is an int; one with decimals is a float whose shortest repr
    is the decimal itself (every amount of up to 15 significant digits, e.g. anything
    below 10^13 with cents), so ``json.loads(text, parse_float=Decimal)`` gets it back.
    """
    if minor is None:
        return None
    value = money.to_major(minor, currency or "USD")
    return int(value) if value == value.to_integral_value() else float(value)


def _with_major_salary(data: dict[str, Any]) -> dict[str, Any]:
    currency = data.get("salary_currency")
    for key in ("salary_min", "salary_max"):
        data[key] = salary_number(data[key], currency)
    return data


def rows_as_json(rows: Iterable[ApplicationRow], extras: Extras | None = None) -> str:
    """A JSON array of list rows (the README's "JSON output" section is the contract).

    ``extras`` (``Tracker.export_extras``) gives the next interview's own zone, as in
    the CSV; without it the next interview is shown in this computer's zone.
    """
    data = [_with_major_salary(_as_dict(row)) for row in rows]
    found = extras([row["id"] for row in data]) if extras and data else {}
    for row in data:
        interview = found.get(row["id"], (None, None))[0] if extras else None
        when = row["next_interview"]
        if interview:
            row["next_interview"] = interview_cell(interview)
        elif when is not None:
            row["next_interview"] = dt.datetime.fromisoformat(when).astimezone().isoformat()
    return json.dumps(data, ensure_ascii=False, indent=1)


def detail_as_json(detail: ApplicationDetail) -> str:
    """One application with everything, as JSON (the README's "JSON output" section)."""
    data = _with_major_salary(_as_dict(detail))
    for name in ("events", "notes", "interviews", "contacts", "tasks", "documents", "snapshots"):
        data[name] = [_as_dict(item) for item in getattr(detail, name)]
    for item, interview in zip(data["interviews"], detail.interviews, strict=True):
        item["starts_at"] = interview_start(interview).isoformat()
    return json.dumps(data, ensure_ascii=False, indent=1)


def interview_start(interview: InterviewRow) -> dt.datetime:
    """When an interview starts, in its own zone (this computer's when it has none)."""
    zone = known_zone(interview.timezone) if interview.timezone else None
    return interview.starts_at.astimezone(zone)


def _interview_text(interview: InterviewRow) -> str:
    # The wall time the user set with its offset and zone: never a bare UTC time.
    when = interview_start(interview).isoformat(" ", timespec="minutes")
    return f"{when} {interview.timezone}" if interview.timezone else when


def stats_as_json(stats: Stats) -> str:
    """Statistics as JSON."""
    return json.dumps({
        "total": stats.total,
        "by_stage": {item.stage.name: item.count for item in stats.by_stage},
        "by_kind": stats.by_kind,
        "funnel": [_as_dict(step) for step in stats.funnel],
    }, ensure_ascii=False, indent=1)


def salary_text(low: int | None, high: int | None, currency: str | None,
                period: str | None) -> str:
    """``120000–150000 USD/year`` in plain numbers, or empty."""
    if low is None and high is None:
        return ""
    lo, hi = money.format_plain(low, currency), money.format_plain(high, currency)
    amount = lo if lo == hi or not hi else f"{lo}–{hi}" if lo else f"up to {hi}"
    return f"{amount} {currency or ''}{'/' + period if period else ''}".strip()


def _local(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _char_width(char: str) -> int:
    """Terminal columns of one character: CJK wide and fullwidth take 2, combining marks 0."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (what ``len`` gets wrong for 日本語 or é)."""
    if text.isascii():
        return len(text)  # the common case, without a lookup per character
    return sum(_char_width(char) for char in text)


def fit_width(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (ending in an ellipsis) and padded to exactly that."""
    if display_width(text) > width:
        kept, used = [], 0
        for char in text:
            size = _char_width(char)
            # Width 0 still fits: a combining mark stays with the character it follows.
            if used + size > width - 1:
                break
            kept.append(char)
            used += size
        text = "".join(kept) + "…"
    return pad_width(text, width)


def pad_width(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns (never cut)."""
    return text + " " * max(0, width - display_width(text))


def format_table(rows: list[ApplicationRow], width: int | None = None) -> str:
    """Rows as an aligned table that fits the terminal; long cells end in an ellipsis."""
    if not rows:
        return "No applications."
    headers = ("ID", "Company", "Title", "Stage", "Applied", "Changed", "Location")
    cells = [(str(r.id), r.company, r.title, r.stage, _day(r.applied_on), _day(r.last_change),
              r.location or "") for r in rows]
    widths = [max(display_width(headers[i]), *(display_width(c[i]) for c in cells))
              for i in range(len(headers))]
    total = width or shutil.get_terminal_size((120, 24)).columns
    # Shrink the free-text columns (company, title, location) until the row fits.
    flexible = [2, 1, 6]
    while sum(widths) + 2 * (len(widths) - 1) > total and any(widths[i] > 12 for i in flexible):
        widest = max(flexible, key=lambda i: widths[i])
        widths[widest] -= 1

    lines = ["  ".join(fit_width(h, w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(fit_width(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def format_detail(d: ApplicationDetail) -> str:
    """One application as readable text."""
    lines = [f"#{d.id}  {d.title} — {d.company}" + ("  [in trash]" if d.deleted_at else "")]
    facts = [
        ("Stage", f"{d.stage} since {d.last_change.isoformat()}"),
        ("Applied", _day(d.applied_on)),
        ("Location", ", ".join(x for x in (d.location or "", d.remote or "") if x)),
        ("Salary", salary_text(d.salary_min, d.salary_max, d.salary_currency, d.salary_period)),
        ("Type", (d.employment_type or "").replace("_", " ")),
        ("Priority", str(d.priority)),
        ("Tags", ", ".join(d.tags)),
        ("Follow-up", _day(d.follow_up_on)),
        ("Source", d.source or ""),
        ("URL", d.url or ""),
    ]
    lines += [f"  {label + ':':<11}{value}" for label, value in facts if value]
    if d.events:
        lines.append("Timeline:")
        lines += [f"  {e.occurred_on.isoformat()}  {e.to_stage}"
                  + (f"  ({e.note})" if e.note else "") for e in d.events]
    if d.interviews:
        lines.append("Interviews:")
        lines += [f"  {_interview_text(i)}  {i.kind}  {i.outcome}"
                  + (f"  with {i.interviewers}" if i.interviewers else "") for i in d.interviews]
    if d.tasks:
        lines.append("Tasks:")
        lines += [f"  [{'x' if t.done_at else ' '}] {_day(t.due_on) or '—':<10}  {t.title}"
                  for t in d.tasks]
    if d.contacts:
        lines.append("Contacts:")
        lines += [f"  {c.name}" + (f", {c.role}" if c.role else "")
                  + (f" <{c.email}>" if c.email else "") for c in d.contacts]
    if d.notes:
        lines.append("Notes:")
        for note in d.notes:
            lines.append(f"  -- {_local(note.created_at)}")
            lines += [f"  {line}" for line in note.body.splitlines()]
    if d.description:
        lines.append("Description:")
        lines += [f"  {line}" for line in d.description.splitlines()]
    return "\n".join(lines)


def format_stats(stats: Stats) -> str:
    """Counts per stage and the funnel as text."""
    lines = [f"{stats.total} application{'' if stats.total == 1 else 's'}"]
    lines += [f"  {pad_width(item.stage.name, 14)}{item.count:>7}" for item in stats.by_stage]
    lines.append("Funnel (reached at least):")
    for step in stats.funnel:
        rate = f"{step.rate:6.1%}" if step.rate is not None else "      "
        lines.append(f"  {pad_width(step.stage, 14)}{step.reached:>7}  {rate}")
    return "\n".join(lines)
