"""Opening the database: engine, SQLite pragmas, migrate-on-open with a backup taken first."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from jobtracker import health, migrations
from jobtracker.dbfile import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS  # re-exported
from jobtracker.dbfile import NEW as _NEW
from jobtracker.dbfile import read_revision as read_revision  # re-exported
from jobtracker.errors import DamagedDatabaseError, DatabaseOpenError
from jobtracker.paths import backups_dir

# A backup copy being written; renamed to its final name only once complete.
PARTIAL_SUFFIX = ".partial"
_BEGIN_OPTION = "jobtracker_begin"


class Database:
    """An open JobTracker database file: its engine and a session factory."""

    def __init__(self, path: Path, engine: Engine, *, warnings: tuple[str, ...] = ()) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Found on opening and worth telling the user (a torn -wal); nothing was refused.
        self.warnings = warnings
        self._refusal: DamagedDatabaseError | None = None

    def refuse_writes(self, error: DamagedDatabaseError) -> None:
        """From now on every ``write()`` raises ``error``: the file failed SQLite's check."""
        self._refusal = error

    @property
    def refusal(self) -> DamagedDatabaseError | None:
        """Why writes are refused (None: they are not)."""
        return self._refusal

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; one consistent snapshot, never writes."""
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is one transaction, committed whole or not at all.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a second writer
        (the CLI beside the open app) waits its turn instead of failing midway
        with a stale snapshot.
        """
        if (refused := self._refusal) is not None:
            # A fresh exception each time: re-raising one instance would chain tracebacks.
            raise DamagedDatabaseError(str(refused), path=refused.path,
                                       problem=refused.problem, backup=refused.backup)
        with self._sessions() as session, session.begin():
            session.connection(execution_options={_BEGIN_OPTION: "BEGIN IMMEDIATE"})
            yield session

    def close(self) -> None:
        """Release every pooled connection (and with it the WAL files when last out)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so
        # DDL in migrations is transactional and SAVEPOINTs work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # FULL: a commit survives a power cut, not only a crash of the app.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN"))

    return engine


def backup_file(path: Path, destination: Path) -> Path:
    """Copy a (possibly live, WAL) database with SQLite's online backup API, atomically."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + PARTIAL_SUFFIX)
    # A copy killed midway under this very name (same second) must not be
    # resumed: SQLite would refuse its torn pages, or roll its journal back.
    _remove_partial(partial)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)
    return destination


def migration_backup_path(path: Path, revision: str) -> Path:
    """Name of the copy taken before migrating ``path`` away from ``revision``."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return backups_dir(path) / f"{path.stem}.schema-{revision}.{stamp}.db"


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    A file written by a newer JobTracker is refused before anything touches it;
    an older one is backed up, then upgraded inside one transaction.
    """
    path = path.expanduser().resolve()
    # Before anything connects: SQLite overwrites a torn -wal tail on its next write.
    warnings = tuple(w for w in (health.wal_problem(path),) if w)
    health.remove_stale_staging(path)
    revision = read_revision(path)
    if revision not in (migrations.HEAD, _NEW) and revision not in migrations.known_revisions():
        raise DatabaseOpenError(
            f"{path} was written by a newer version of JobTracker (schema {revision}); "
            "update JobTracker to open it. The file was not changed."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseOpenError(f"cannot create the folder for {path}: {error}") from error
    engine = _make_engine(path)
    try:
        if revision != migrations.HEAD:
            _upgrade(engine, path)
    except Exception:
        engine.dispose()
        raise
    return Database(path, engine, warnings=warnings)


def _upgrade(engine: Engine, path: Path) -> None:
    """Back up, then migrate, all under the write lock: the copy is exactly what is upgraded."""
    from alembic import command

    with engine.connect() as connection:
        connection = connection.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        with connection.begin():
            # Read again under the lock: another JobTracker may have migrated meanwhile.
            revision = _locked_revision(connection)
            if revision == migrations.HEAD:
                return
            if revision and (problem := health.check(path)) is not None:
                # Never migrate (nor copy as the pre-upgrade backup) a damaged file.
                from jobtracker.backups import damaged_error  # imports this module

                raise damaged_error(path, problem, "it was not upgraded")
            if revision:
                # Holding the lock, no other JobTracker is copying this file for a
                # migration now, so any such partial copy is from one killed midway.
                folder = backups_dir(path)
                if folder.is_dir():
                    pattern = f"{path.stem}.schema-*{PARTIAL_SUFFIX}*"  # with its -journal
                    for stale in folder.glob(pattern):
                        stale.unlink(missing_ok=True)
                backup_file(path, migration_backup_path(path, revision))
            command.upgrade(migrations.alembic_config(connection), "head")


def _locked_revision(connection: Connection) -> str:
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return _NEW
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or _NEW


def _remove_partial(partial: Path) -> None:
    """Delete a partial backup copy and the rollback journal SQLite kept beside it."""
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)
