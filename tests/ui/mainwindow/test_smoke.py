"""``jobtracker --smoke-test`` from source: the real app starts, shows its data and exits."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jobtracker import demo
from jobtracker.cli import main
from jobtracker.db import open_database
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.smoke import SmokeTestError, check_certificates, check_keyring

ROOT = Path(__file__).resolve().parents[3]


def _smoke(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = ([sys.executable, "-c", code, *args] if code else
               [sys.executable, "-m", "jobtracker", *args, "--smoke-test"])
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_passes_on_a_temporary_database() -> None:
    result = _smoke()
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "0 of 0 applications shown" in result.stdout
    assert "Traceback" not in result.stderr


def test_passes_on_a_populated_database(db_path: Path, migrated_template: Path) -> None:
    shutil.copyfile(migrated_template, db_path)
    with Tracker(open_database(db_path)) as tracker:
        demo.populate(tracker, 25, seed=1)
    result = _smoke("--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "25 of 25 applications shown" in result.stdout


def test_a_newer_database_fails_with_the_reason(db_path: Path, migrated_template: Path) -> None:
    shutil.copyfile(migrated_template, db_path)
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    before = db_path.read_bytes()
    result = _smoke("--db", str(db_path))
    assert result.returncode == 1
    assert result.stderr.startswith("jobtracker: smoke test failed: cannot open the database")
    assert "newer version of JobTracker" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


def test_a_missing_module_fails_with_its_name() -> None:
    # What a bundle without keyring looks like: the import fails, the smoke test says so.
    code = ("import sys; sys.modules['keyring'] = None\n"
            "from jobtracker.cli import main\n"
            "sys.exit(main(['--smoke-test']))")
    result = _smoke(code=code)
    assert result.returncode == 1
    assert "smoke test failed: the keyring module is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_takes_no_command() -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--smoke-test", "list"])
    assert exit_.value.code == 2


def test_keyring_and_certificates_are_found() -> None:
    # keyring's own backends, or keyrings.alt's which the test environment adds (the mail
    # tests need a real plain-text backend to show it is refused); never a failure.
    assert check_keyring().startswith(("keyring.backends.", "keyrings.alt."))
    assert check_certificates().name == "cacert.pem"


def test_keyring_without_backends_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_kw: [])
    with pytest.raises(SmokeTestError, match="keyring's backends are missing"):
        check_keyring()


def test_missing_migration_scripts_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobtracker import migrations
    from jobtracker.ui.mainwindow.smoke import check_migrations

    assert check_migrations() == migrations.HEAD
    empty = tmp_path / "migrations"
    (empty / "versions").mkdir(parents=True)
    shutil.copy(migrations.script_location() / "env.py", empty)
    monkeypatch.setattr(migrations, "script_location", lambda: empty)
    with pytest.raises(SmokeTestError, match="migration scripts"):
        check_migrations()


def test_window_and_about_box_show_the_icon_and_version(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    import jobtracker

    assert not window.windowIcon().isNull()
    assert QApplication.applicationVersion() == jobtracker.__version__
    seen: list[tuple[str, bool]] = []

    def read_about_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_about_box)
            return
        seen.append((box.text(), box.iconPixmap().isNull()))
        box.accept()

    QTimer.singleShot(0, read_about_box)
    window.about_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    text, icon_missing = seen[0]
    assert f"JobTracker {jobtracker.__version__}" in text
    assert not icon_missing
