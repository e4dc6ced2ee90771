"""Opening databases: pragmas, migrate-on-open with a backup, refusing what is not ours."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from jobtracker import migrations
from jobtracker.db import open_database, read_revision
from jobtracker.errors import DatabaseOpenError
from jobtracker.paths import backups_dir


def test_new_database_is_created_at_head_with_wal_and_foreign_keys(db_path: Path):
    db = open_database(db_path)
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        db.close()
    assert read_revision(db_path) == migrations.HEAD
    # A brand-new file needs no backup: there was nothing to lose.
    assert not backups_dir(db_path).exists()


def test_head_constant_matches_the_migration_scripts():
    assert migrations.script_head() == migrations.HEAD


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path):
    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="newer version of JobTracker"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("this is a text file, not a database\n" * 100)
    with pytest.raises(DatabaseOpenError, match="not a JobTracker database"):
        open_database(path)
    assert path.read_text().startswith("this is a text file")


def test_another_apps_sqlite_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseOpenError, match="not a JobTracker database"):
        open_database(path)


EXTRA = "9001"


def _migrations_with_extra_revision(tmp_path: Path, body: str) -> Path:
    """A copy of the real migrations plus a revision after head whose upgrade runs ``body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrations.script_location(), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{EXTRA}_test.py").write_text(
        '"""test revision"""\n'
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        f"revision = '{EXTRA}'\ndown_revision = '{migrations.HEAD}'\n"
        "branch_labels = None\ndepends_on = None\n"
        f"def upgrade():\n{body}\n"
    )
    return folder


def test_upgrade_takes_a_backup_first(tmp_path: Path, db_path: Path,
                                      monkeypatch: pytest.MonkeyPatch):
    real_head = migrations.HEAD
    db = open_database(db_path)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO company (name, created_at) VALUES ('Acme', '2026-01-01 00:00:00')")
    db.close()
    folder = _migrations_with_extra_revision(
        tmp_path, "    op.add_column('company', sa.Column('size', sa.Integer()))")
    monkeypatch.setattr(migrations, "script_location", lambda: folder)
    monkeypatch.setattr(migrations, "HEAD", EXTRA)

    open_database(db_path).close()

    head = read_revision(db_path)
    assert head == EXTRA
    backups = list(backups_dir(db_path).glob("*.db"))
    assert len(backups) == 1
    assert read_revision(backups[0]) == real_head
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM company").fetchall() == [("Acme",)]
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path, db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    open_database(db_path).close()
    real_head = migrations.HEAD
    folder = _migrations_with_extra_revision(
        tmp_path,
        "    op.add_column('company', sa.Column('size', sa.Integer()))\n"
        "    raise RuntimeError('power cut in the middle of the migration')",
    )
    monkeypatch.setattr(migrations, "script_location", lambda: folder)
    monkeypatch.setattr(migrations, "HEAD", EXTRA)

    with pytest.raises(RuntimeError, match="power cut"):
        open_database(db_path)

    # DDL is transactional in SQLite: the half-done upgrade rolled back whole.
    assert read_revision(db_path) == real_head
    con = sqlite3.connect(db_path)
    columns = [row[1] for row in con.execute("PRAGMA table_info(company)")]
    assert "size" not in columns
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
