"""Everything in the database as plain data, and back: the use case behind JSON export/import."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, insert, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from jobtracker import __version__, migrations
from jobtracker.errors import InputFileError, ValidationError
from jobtracker.models import Base, Document, UTCDateTime
from jobtracker.plain import plain
from jobtracker.tracker.applications import check_event_date
from jobtracker.tracker.files import FilesMixin

BACKUP_FORMAT = "jobtracker-backup"
BACKUP_VERSION = 1

# Rows matched by a natural key on import instead of being duplicated: importing a
# backup into the database it came from adds nothing twice (mail accounts, the
# folders' read positions and suggestions included).
_NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "stage": ("name",), "company": ("name",), "tag": ("name",), "document": ("sha256",),
    "mail_account": ("name",), "mail_folder_state": ("account_id", "folder"),
    "mail_suggestion": ("account_id", "message_id"),
}


def _natural(values: Any) -> tuple[str, ...]:
    # Case-folded like the NOCASE columns these keys live in.
    return tuple(str(value if value is not None else "").casefold() for value in values)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


class BackupMixin(FilesMixin):
    """Lossless export and merge-import of the whole database."""

    def export_everything(self) -> dict[str, Any]:
        """Every row of every table plus the stored document files (base64)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        files: dict[str, str] = {}
        with self.db.read() as session:
            for table in _tables():
                order = list(table.primary_key.columns)
                tables[table.name] = [
                    {key: plain(value) for key, value in row._mapping.items()}
                    for row in session.execute(select(table).order_by(*order))
                ]
            for (digest,) in session.execute(select(Document.sha256)):
                path = self.document_path(digest)
                if path.exists():
                    files[digest] = base64.b64encode(path.read_bytes()).decode("ascii")
        return {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "schema": migrations.HEAD,
            "app_version": __version__,
            "exported_at": plain(self._now()),
            "tables": tables,
            "files": files,
        }

    def import_everything(self, payload: dict[str, Any]) -> dict[str, int]:
        """Merge a backup into this database (new ids; stages, companies, tags matched by name).

        All or nothing; returns how many rows each table received.
        """
        if not isinstance(payload, dict) or payload.get("format") != BACKUP_FORMAT:
            raise InputFileError("not a JobTracker backup (no \"format\": \"jobtracker-backup\")")
        if payload.get("version") != BACKUP_VERSION:
            raise InputFileError(f"backup format version {payload.get('version')!r} is not "
                                 f"supported (this JobTracker reads version {BACKUP_VERSION})")
        schema = payload.get("schema")
        if schema != migrations.HEAD and schema not in migrations.known_revisions():
            raise InputFileError(f"the backup was made by a newer JobTracker (schema {schema})")
        tables = payload.get("tables")
        if not isinstance(tables, dict):
            raise InputFileError("\"tables\" is missing or not an object")
        files = payload.get("files") or {}
        if not isinstance(files, dict):
            raise InputFileError("\"files\" is not an object")
        for digest, data in files.items():
            try:
                self.store_stream(io.BytesIO(base64.b64decode(data, validate=True)), digest)
            except (binascii.Error, TypeError) as error:
                raise InputFileError(f"files[{digest!r}] is not valid base64") from error
        counts: dict[str, int] = {}
        with self.db.write() as session:
            id_maps: dict[str, dict[Any, Any]] = {}
            for table in _tables():
                rows = tables.get(table.name, [])
                if not isinstance(rows, list):
                    raise InputFileError(f"tables.{table.name} is not a list")
                counts[table.name] = self._import_table(session, table, rows, id_maps)
        return counts

    def _import_table(self, session: Session, table: Table, rows: list[Any],
                      id_maps: dict[str, dict[Any, Any]]) -> int:
        has_id = "id" in table.c and len(table.primary_key.columns) == 1
        id_map = id_maps.setdefault(table.name, {})
        key = _NATURAL_KEYS.get(table.name)
        existing: dict[Any, Any] = {}
        if key is not None:
            existing = {_natural(found): i for i, *found in session.execute(
                select(table.c.id, *(table.c[column] for column in key)))}
        next_id = (session.scalar(select(func.max(table.c.id))) or 0) + 1 if has_id else 0
        prepared = []
        for index, raw in enumerate(rows):
            where = f"tables.{table.name}[{index}]"
            if not isinstance(raw, dict):
                raise InputFileError(f"{where} is not an object")
            unknown = set(raw) - set(table.c.keys())
            if unknown:
                raise InputFileError(f"{where}: unknown field {sorted(unknown)[0]!r}")
            row = {name: _from_json(table, name, value, where) for name, value in raw.items()}
            if table.name == "stage_event" and isinstance(row.get("occurred_on"), dt.date):
                # The same bounds as every other way a stage event is made.
                try:
                    check_event_date("occurred_on", row["occurred_on"], self._today())
                except ValidationError as error:
                    raise InputFileError(f"{where}: {error}") from None
            for column in table.c:
                for fk in column.foreign_keys:
                    if row.get(column.name) is not None:
                        target = id_maps.get(fk.column.table.name, {})
                        if row[column.name] not in target:
                            raise InputFileError(f"{where}: {column.name} {row[column.name]} "
                                                 "refers to nothing in the backup")
                        row[column.name] = target[row[column.name]]
            if has_id:
                old_id = row.get("id")
                natural = _natural(row.get(column) for column in key) if key else None
                if natural is not None and natural in existing:
                    id_map[old_id] = existing[natural]
                    continue
                row["id"] = id_map[old_id] = next_id
                next_id += 1
                if natural is not None:
                    existing[natural] = row["id"]
            prepared.append(row)
        if prepared:
            try:
                with session.begin_nested():
                    session.execute(insert(table), prepared)
            except (IntegrityError, StatementError) as error:
                raise InputFileError(f"tables.{table.name}: {error.orig or error}") from None
        return len(prepared)


_SQLITE_INT_MIN, _SQLITE_INT_MAX = -(2**63), 2**63 - 1


def _from_json(table: Table, name: str, value: Any, where: str) -> Any:
    if value is None:
        return None
    column_type = table.c[name].type
    try:
        if isinstance(column_type, UTCDateTime | DateTime):
            parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        if isinstance(column_type, Date):
            return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise InputFileError(f"{where}: {name} {value!r} is not a valid date/time") from error
    if isinstance(value, int) and not isinstance(value, bool) and not (
            _SQLITE_INT_MIN <= value <= _SQLITE_INT_MAX):
        # SQLite stores 64-bit integers; sqlite3 would raise OverflowError mid-import.
        raise InputFileError(f"{where}: {name} {value} is too large to store")
    return value
