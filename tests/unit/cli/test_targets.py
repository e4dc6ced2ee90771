"""Commands that write a file refuse the database and its companion files as the target."""

import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jobtracker.cli import build_parser
from jobtracker.paths import database_file_named
from jobtracker.tracker import ApplicationInput, Tracker


def jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


def commands_with_output(parser: argparse.ArgumentParser,
                         prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command that takes -o/--output, as its words."""
    found: list[tuple[str, ...]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands_with_output(sub, (*prefix, name))
        elif action.dest == "output" and prefix:
            found.append(prefix)
    return found


WRITERS = commands_with_output(build_parser())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Tracker.open(db_path) as tracker:
        tracker.add_application(ApplicationInput(title="Backend Engineer", company="Acme"))
    return db_path


def test_every_file_writing_command_is_checked() -> None:
    assert {c[0] for c in WRITERS} >= {"export", "backup"}
    assert ("export", "vcard") in WRITERS


@pytest.mark.parametrize("command", WRITERS, ids=" ".join)
def test_the_database_itself_is_refused(command: tuple[str, ...], filled: Path) -> None:
    before = digest(filled)
    result = jt(filled, *command, "-o", str(filled))
    assert result.returncode == 1, result.stderr
    assert "is the database" in result.stderr and "Nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(filled) == before
    with sqlite3.connect(filled) as check:
        assert check.execute("SELECT count(*) FROM application").fetchone() == (1,)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock"])
def test_the_database_companion_files_are_refused(suffix: str, filled: Path) -> None:
    target = filled.with_name(filled.name + suffix)
    result = jt(filled, "export", "json", "-o", str(target))
    assert result.returncode == 1
    assert f"the database's {suffix} file" in result.stderr
    assert not target.exists() or suffix == ".lock"


def test_other_names_for_the_database_are_refused(filled: Path, tmp_path: Path) -> None:
    before = digest(filled)
    link = tmp_path / "link.db"
    link.symlink_to(filled)
    hard = tmp_path / "hard.csv"
    os.link(filled, hard)
    dotted = tmp_path / "sub" / ".." / filled.name
    (tmp_path / "sub").mkdir()
    for target in (link, hard, dotted):
        result = jt(filled, "export", "csv", "-o", str(target))
        assert result.returncode == 1, (target, result.stderr)
        assert "is the database" in result.stderr
    # Opened through a symbolic link, the real file is still the database.
    result = jt(link, "export", "vcard", "-o", str(filled))
    assert result.returncode == 1, result.stderr
    assert digest(filled) == before


def test_a_file_beside_the_database_is_written(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "jobtracker.db.json"
    result = jt(filled, "export", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 0


def test_database_file_named_ignores_unrelated_files(filled: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(filled.read_bytes())  # same content, another file
    assert database_file_named(other, filled) is None
    assert database_file_named(filled, filled) == filled.absolute()
