"""Everything in the database as plain data, and back: the use case behind JSON export/import."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, insert, literal, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from jobtracker import __version__, migrations
from jobtracker.errors import InputFileError, ValidationError
from jobtracker.models import Application, Base, Document, Stage, UTCDateTime, new_uuid
from jobtracker.plain import plain
from jobtracker.tracker.files import FilesMixin
from jobtracker.tracker.import_checks import checked_row
from jobtracker.vocabulary import StageKind

BACKUP_FORMAT = "jobtracker-backup"
# 2: rows of the tables in UUID_TABLES carry their "uuid" (schema 0004); 1 is still read.
BACKUP_VERSION = 2
READABLE_VERSIONS = (1, 2)
# Said in every backup: its values are the stored ones, so unlike every other
# output (CSV, list/show JSON, text), salaries here are in the currency's minor unit.
_MINOR = ("integer in the minor unit of salary_currency (ISO 4217 exponent): 100 EUR is "
          "10000, 62.50 EUR is 6250, 9000000 JPY is 9000000")
BACKUP_UNITS = {
    "salary_min": _MINOR,
    "salary_max": _MINOR,
    "timestamps": "ISO 8601 in UTC, ending in Z",
    "dates": "ISO 8601 dates, YYYY-MM-DD",
}
UUID_TABLES = frozenset({"application", "note", "interview", "contact", "task", "stage_event"})
# Fixed, so a version-1 file's rows get the same UUIDs on every import.
_LEGACY_NAMESPACE = uuid.UUID("5b0f3c1e-7a43-4d8e-9a35-0f6c2e4b9d17")

# Rows matched by a natural key on import instead of being duplicated: importing a
# backup into the database it came from adds nothing twice (mail accounts, the
# folders' read positions and suggestions included).
_NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "stage": ("name",), "company": ("name",), "tag": ("name",), "document": ("sha256",),
    "mail_account": ("name",), "mail_folder_state": ("account_id", "folder"),
    "mail_suggestion": ("account_id", "message_id"),
    # One fetch of one address at one instant: the same archived posting.
    "posting_snapshot": ("application_id", "source_url", "fetched_at"),
}


def _natural(values: Any) -> tuple[str, ...]:
    # Case-folded like the NOCASE columns these keys live in.
    return tuple(str(value if value is not None else "").casefold() for value in values)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


class DataExchangeMixin(FilesMixin):
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
            "units": BACKUP_UNITS,
            "tables": tables,
            "files": files,
        }

    def import_everything(self, payload: dict[str, Any]) -> BackupImport:
        """Merge a backup into this database; all or nothing.

        Every row passes the checks of add and edit. A row whose UUID (stages,
        companies, tags, documents, mail: whose name or key) is already here is
        matched, not added: the database's row is kept as it is, and the
        backup's new notes, interviews, tasks, links and files attach to it. A
        kept application keeps its stage history too: the backup's stage changes
        it lacks are left out, since they would contradict its current stage.
        """
        if not isinstance(payload, dict) or payload.get("format") != BACKUP_FORMAT:
            raise InputFileError("not a JobTracker backup (no \"format\": \"jobtracker-backup\")")
        version = payload.get("version")
        if version not in READABLE_VERSIONS:
            raise InputFileError(f"backup format version {version!r} is not supported "
                                 f"(this JobTracker reads versions 1 to {BACKUP_VERSION})")
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
        exported_at = payload.get("exported_at")
        result = BackupImport()
        state = _ImportState(today=self._today(),
                             legacy_seed=exported_at if isinstance(exported_at, str) else None)
        with self.db.write() as session:
            # Rows of a version-1 file carry no UUID to match this database's own by.
            result.unmatchable = version == 1 and bool(
                session.scalar(select(func.count()).select_from(Application)))
            for table in _tables():
                rows = tables.get(table.name, [])
                if not isinstance(rows, list):
                    raise InputFileError(f"table {table.name} is not a list")
                _import_table(session, table, rows, state, result)
            _retire_matched_stages(session, tables.get("stage", []), state)
        return result


@dataclass
class BackupImport:
    """What importing a backup did, per table.

    ``added``: new rows. ``kept``: rows matched with one already here, which stays as
    it is; ``differing`` of them the backup holds in another version. ``left_out``:
    stage changes of kept applications (and what depends on them only).
    """

    added: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    differing: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)
    # A version-1 backup into a database holding applications: its rows (no UUIDs)
    # cannot be matched with ones the database already had from that same data.
    unmatchable: bool = False


@dataclass
class _ImportState:
    today: dt.date
    legacy_seed: str | None
    # Per table, the backup's id -> this database's id (None: the row was left out).
    id_maps: dict[str, dict[Any, int | None]] = field(default_factory=dict)
    kept_applications: set[int] = field(default_factory=set)


def _import_table(session: Session, table: Table, rows: list[Any], state: _ImportState,
                  result: BackupImport) -> None:
    has_id = "id" in table.c and len(table.primary_key.columns) == 1
    id_map = state.id_maps.setdefault(table.name, {})
    key: tuple[str, ...] | None = _NATURAL_KEYS.get(table.name)
    if not has_id:  # link tables: the pair (or triple) is the row
        key = tuple(column.name for column in table.primary_key.columns)
    existing: dict[tuple[str, ...], int] = {}
    if key is not None:
        existing = {_natural(found[1:]): found[0] for found in session.execute(
            select(table.c.id if has_id else literal(0),
                   *(table.c[column] for column in key)))}
    uuids: dict[str, int] = {}
    if table.name in UUID_TABLES:
        uuids = {u: i for u, i in session.execute(select(table.c.uuid, table.c.id))}
    next_id = (session.scalar(select(func.max(table.c.id))) or 0) + 1 if has_id else 0
    prepared = []
    matched: list[tuple[int, dict[str, Any]]] = []  # (id here, the backup's row)
    added = kept = left_out = 0
    for index, raw in enumerate(rows):
        where = f"table {table.name}, row {index + 1}"
        if not isinstance(raw, dict):
            raise InputFileError(f"{where} is not an object")
        unknown = set(raw) - set(table.c.keys())
        if unknown:
            raise InputFileError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        try:
            row = {name: _from_json(table, name, value) for name, value in raw.items()}
            row = checked_row(table, row, state.today)
            if table.name in UUID_TABLES:
                row["uuid"] = _row_uuid(table.name, row, state.legacy_seed)
            dropped = _map_foreign_keys(table, row, state.id_maps)
        except ValidationError as error:
            raise InputFileError(f"{where}, field {error.field}: {error.reason}") from None
        old_id = row.get("id")
        if dropped:
            id_map[old_id] = None
            left_out += 1
            continue
        if table.name in UUID_TABLES and row["uuid"] in uuids:
            id_map[old_id] = uuids[row["uuid"]]
            kept += 1
            matched.append((uuids[row["uuid"]], row))
            if table.name == "application":
                state.kept_applications.add(uuids[row["uuid"]])
            continue
        if table.name == "stage_event" and row["application_id"] in state.kept_applications:
            id_map[old_id] = None
            left_out += 1
            continue
        natural = _natural(row.get(column) for column in key) if key else None
        if natural is not None and natural in existing:
            id_map[old_id] = existing[natural]
            kept += 1
            continue
        if has_id:
            row["id"] = id_map[old_id] = next_id
            next_id += 1
        if natural is not None:
            existing[natural] = row.get("id", 0)
        if table.name in UUID_TABLES:
            uuids[row["uuid"]] = row["id"]
        prepared.append(row)
        added += 1
    if prepared:
        try:
            with session.begin_nested():
                session.execute(insert(table), prepared)
        except (IntegrityError, StatementError) as error:
            raise InputFileError(f"table {table.name}: {error.orig or error}") from None
    result.added[table.name] = added
    result.kept[table.name] = kept
    result.differing[table.name] = _count_differing(session, table, matched)
    result.left_out[table.name] = left_out


def _count_differing(session: Session, table: Table,
                     matched: list[tuple[int, dict[str, Any]]]) -> int:
    """How many of the kept rows the backup has in another version (so the user knows)."""
    differing = 0
    for start in range(0, len(matched), 500):
        chunk = matched[start:start + 500]
        stored = {found.id: found._mapping for found in session.execute(
            select(table).where(table.c.id.in_([here for here, _ in chunk])))}
        for here, row in chunk:
            now = stored.get(here)
            # None: matched a row added earlier in this very import (a UUID given twice).
            if now is not None and any(now[name] != value for name, value in row.items()
                                       if name != "id"):
                differing += 1
    return differing


def _row_uuid(table: str, row: dict[str, Any], legacy_seed: str | None) -> str:
    value = row.get("uuid")
    if value is None:
        # A backup from before UUIDs (version 1): the same file gives the same
        # UUIDs, so importing it twice still adds its rows only once.
        if legacy_seed is None or row.get("id") is None:
            return new_uuid()
        return str(uuid.uuid5(_LEGACY_NAMESPACE, f"{legacy_seed}/{table}/{row['id']}"))
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValidationError("uuid", f"{value!r} is not a UUID") from None


def _map_foreign_keys(table: Table, row: dict[str, Any],
                      id_maps: dict[str, dict[Any, int | None]]) -> bool:
    """Point ``row``'s references at this database's ids; True if it must be left out.

    A reference to a row that was left out becomes NULL where allowed; otherwise
    the row goes too.
    """
    dropped = False
    for column in table.c:
        for fk in column.foreign_keys:
            if row.get(column.name) is None:
                continue
            target = id_maps.get(fk.column.table.name, {})
            if row[column.name] not in target:
                raise ValidationError(column.name, f"{row[column.name]} refers to nothing in "
                                                   "the backup")
            row[column.name] = target[row[column.name]]
            if row[column.name] is None and not column.nullable:
                dropped = True
    return dropped


_SQLITE_INT_MIN, _SQLITE_INT_MAX = -(2**63), 2**63 - 1


def _retire_matched_stages(session: Session, rows: list[Any], state: _ImportState) -> None:
    """A stage the backup has retired is retired here too, when that is safe here.

    A matched stage is otherwise kept as it is, but without this a backup's retired
    stage would come back into use in a new database. It stays in use while an
    application here is in it, or when it is this database's last open stage.
    """
    stage_table = Stage.__table__
    assert isinstance(stage_table, Table)
    id_map = state.id_maps.get("stage", {})
    for raw in rows:
        here = id_map.get(raw.get("id")) if isinstance(raw, dict) else None
        retired_on = _from_json(stage_table, "retired_on", raw.get("retired_on")) \
            if here is not None else None
        if here is None or retired_on is None:
            continue
        stage = session.get_one(Stage, here)
        if stage.retired_on is not None or session.scalar(
                select(Application.id).where(Application.stage_id == here).limit(1)):
            continue
        live_open = session.scalar(select(func.count(Stage.id)).where(
            Stage.kind == StageKind.OPEN, Stage.retired_on.is_(None), Stage.id != here)) or 0
        if stage.kind != StageKind.OPEN or live_open:
            stage.retired_on = retired_on


def _from_json(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = table.c[name].type
    try:
        if isinstance(column_type, UTCDateTime | DateTime):
            parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        if isinstance(column_type, Date):
            return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(name, f"{value!r} is not a valid date/time") from None
    if isinstance(value, int) and not isinstance(value, bool) and not (
            _SQLITE_INT_MIN <= value <= _SQLITE_INT_MAX):
        # SQLite stores 64-bit integers; sqlite3 would raise OverflowError mid-import.
        raise ValidationError(name, f"{value} is too large to store")
    return value
