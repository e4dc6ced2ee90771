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
from jobtracker.dbfile import (
    SQLITE_HEADER,
    head_bytes,
    is_writable,
    read_only_params,
    refuse_missing_folder,
    uri,
)
from jobtracker.dbfile import read_revision as read_revision  # re-exported
from jobtracker.errors import DamagedDatabaseError, DatabaseOpenError, ReadOnlyDatabaseError
from jobtracker.paths import backups_dir

# A backup copy being written; renamed to its final name only once complete.
PARTIAL_SUFFIX = ".partial"
_BEGIN_OPTION = "jobtracker_begin"


class Database:
    """An open JobTracker database file: its engine and a session factory."""

    def __init__(self, path: Path, engine: Engine, *, warnings: tuple[str, ...] = (),
                 read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        # The file, its folder or its disk cannot be written: opened only to read.
        self.read_only = read_only
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
        if self.read_only:
            raise ReadOnlyDatabaseError(self.path)
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


def _make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        address = uri(path, read_only_params(path))
        engine = create_engine("sqlite+pysqlite://", creator=lambda: sqlite3.connect(
            address, uri=True, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so
        # DDL in migrations is transactional and SAVEPOINTs work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # both change the file, which a read-only one refuses
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
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


def open_database(path: Path, *, create: bool = True, make_folder: bool = True) -> Database:
    """Open and migrate the database at ``path``.

    ``create``: a missing (or, with no backup, empty) file becomes a new database;
    otherwise it is refused. ``make_folder``: a missing folder is created for it; otherwise
    it is refused, since a mistyped path would look like a new, empty search.
    A file written by a newer JobTracker is refused before anything touches it;
    an older one is backed up, then upgraded inside one transaction. A file this process
    cannot write is opened read-only: ``write()`` raises ReadOnlyDatabaseError.
    """
    path = path.expanduser().resolve()
    _refuse_unusable(path, create=create, make_folder=make_folder)
    read_only = path.exists() and not is_writable(path)
    # Before anything connects: SQLite overwrites a torn -wal tail on its next write.
    warnings = tuple(w for w in (health.wal_problem(path),) if w)
    health.remove_stale_staging(path)
    revision = read_revision(path)
    if revision not in (migrations.HEAD, _NEW) and revision not in migrations.known_revisions():
        raise DatabaseOpenError(
            f"{path} was written by a newer version of JobTracker (schema {revision}); "
            "update JobTracker to open it. The file was not changed."
        )
    if read_only:
        if revision == _NEW:
            raise DatabaseOpenError(f"{path} holds no JobTracker data yet and is read-only; "
                                    "nothing was changed")
        if revision != migrations.HEAD:
            raise DatabaseOpenError(f"{path} is from an older JobTracker and is read-only: it "
                                    "cannot be upgraded; copy it somewhere writable")
        return Database(path, _make_engine(path, read_only=True), warnings=warnings,
                        read_only=True)
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


def _refuse_unusable(path: Path, *, create: bool, make_folder: bool) -> None:
    """Refuse, before anything is created or opened, what cannot be (or become) a database."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a folder, not a database file")
    if not path.exists():
        if not make_folder:
            refuse_missing_folder(path)
        if not create:
            raise DatabaseOpenError(f"no database at {path}; check the path (nothing was "
                                    "created)")
        if path.parent.is_dir() and not is_writable(path):
            raise DatabaseOpenError(f"cannot create {path}: {path.parent} is read-only "
                                    "(nothing was created)")
        return
    if not path.is_file():
        raise DatabaseOpenError(f"{path} is not a database file (not a regular file)")
    head = head_bytes(path)
    if head:
        if head != SQLITE_HEADER:
            # With a backup of it, garbage here is damage; without, never a database of ours.
            from jobtracker.file_backups import damaged_by, damaged_error

            error = sqlite3.DatabaseError("file is not a database")
            if damaged_by(path, error):
                raise damaged_error(path, "it does not start as an SQLite file does",
                                    "nothing was changed")
            raise DatabaseOpenError(f"{path} is not a JobTracker database (not an SQLite "
                                    "file); nothing was changed")
        return
    # Empty: SQLite would take it for a new database. A sync tool or a full disk can leave
    # a real one at 0 bytes, so with a backup to go back to it counts as damaged.
    from jobtracker.file_backups import damaged_error, newest_good_backup

    if newest_good_backup(path) is not None:
        raise damaged_error(path, "it is empty: 0 bytes", "nothing was changed")
    if not create:
        raise DatabaseOpenError(f"{path} is empty (0 bytes), not a JobTracker database yet; "
                                "nothing was changed")


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
                from jobtracker.file_backups import damaged_error  # imports this module

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
