"""The checks a row of a JSON backup passes before it is imported: the same as add and edit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, DateTime, Enum, Integer, String, Table, Text

from jobtracker.errors import ValidationError
from jobtracker.tracker.applications import check_event_date
from jobtracker.tracker.inputs import (
    MAX_NAME,
    MAX_TEXT,
    MAX_TITLE,
    ApplicationInput,
    ContactInput,
    InterviewInput,
    SnapshotInput,
    check_date,
    clean_url,
    optional_text,
    required_text,
    to_enum,
)
from jobtracker.vocabulary import StageKind

_SHA256 = re.compile(r"[0-9a-f]{64}")


def checked_row(table: Table, row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """``row`` (values already parsed from JSON) checked and normalised for ``table``.

    Raises ValidationError naming the field. Every column gets its type, length and
    enum checked; the tables people edit also pass the use cases' own validation.
    """
    for column in table.c:
        value = row.get(column.name)
        if value is None:
            required = not (column.nullable or column.default is not None
                            or column.server_default is not None or column.name == "id")
            if required:
                raise ValidationError(column.name, "is missing" if column.name not in row
                                      else "must not be empty")
            continue
        kind = column.type
        if isinstance(kind, Date | DateTime):
            continue  # parsed (and refused when malformed) by the caller
        if isinstance(kind, Enum):
            if value not in kind.enums:
                raise ValidationError(column.name, f"{value!r} is not one of "
                                                   f"{', '.join(kind.enums)}")
        elif isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise ValidationError(column.name, "must be text")
            if kind.length is not None and len(value) > kind.length:
                raise ValidationError(column.name, f"is longer than {kind.length} characters")
        elif isinstance(kind, Integer) and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValidationError(column.name, "must be a whole number")
    check = _CHECKS.get(table.name)
    return {**row, **check(row, today)} if check is not None else row


def _present(row: dict[str, Any], names: Any) -> dict[str, Any]:
    return {name: row[name] for name in names if name in row}


_APPLICATION_FIELDS = (
    "title", "location", "remote", "employment_type", "salary_min", "salary_max",
    "salary_currency", "salary_period", "url", "source", "priority", "applied_on",
    "follow_up_on", "description",
)  # fmt: skip


def _application(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    # The company is a row of its own, checked there; the placeholder only fills the field.
    draft = ApplicationInput(company="-", **_present(row, _APPLICATION_FIELDS)).validated()
    check_event_date("applied_on", row.get("applied_on"), today)  # the Applied event's date
    check_event_date("stage_changed_on", row.get("stage_changed_on"), today)
    return _present(vars(draft), (name for name in _APPLICATION_FIELDS if name in row))


def _interview(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    names = [name for name in InterviewInput.__dataclass_fields__ if name in row]
    return _present(vars(InterviewInput(**_present(row, names)).validated()), names)


def _contact(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    names = [name for name in ContactInput.__dataclass_fields__
             if name in row and name != "company"]
    return _present(vars(ContactInput(**_present(row, names)).validated()), names)


def _snapshot(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    names = [name for name in SnapshotInput.__dataclass_fields__ if name in row]
    return _present(vars(SnapshotInput(**_present(row, names)).validated()), names)


def _note(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    return {"body": required_text("body", row["body"], MAX_TEXT)}


def _task(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    check_date("due_on", row.get("due_on"))
    return {"title": required_text("title", row["title"], MAX_TITLE)}


def _stage_event(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    # The same bounds as every other way a stage event is made.
    check_event_date("occurred_on", row["occurred_on"], today)
    return _present({"note": optional_text("note", row.get("note"), MAX_TEXT)}, row)


def _company(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    return _present({"name": required_text("name", row["name"], MAX_NAME),
                     "website": clean_url("website", row.get("website")),
                     "notes": optional_text("notes", row.get("notes"), MAX_TEXT)}, row)


def _stage(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    # An export from before retiring existed has no retired_on: those stages are in use.
    check_date("retired_on", row.get("retired_on"))
    return {"name": required_text("name", row["name"], 60),
            "kind": to_enum("kind", StageKind, row["kind"])}


def _tag(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    return {"name": required_text("name", row["name"], 60)}


def _document(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    if not _SHA256.fullmatch(row["sha256"]):
        raise ValidationError("sha256", f"{row['sha256']!r} is not a SHA-256 in hex")
    if row["size_bytes"] < 0:
        raise ValidationError("size_bytes", "must not be negative")
    return {"filename": required_text("filename", row["filename"], 255)}


_CHECKS: dict[str, Callable[[dict[str, Any], dt.date], dict[str, Any]]] = {
    "application": _application, "interview": _interview, "contact": _contact,
    "posting_snapshot": _snapshot, "note": _note, "task": _task, "stage_event": _stage_event,
    "company": _company, "stage": _stage, "tag": _tag, "document": _document,
}
