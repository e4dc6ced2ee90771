"""Fixtures shared by every test: a fresh, real SQLite database per test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtracker.tracker import Tracker

# A fixed "today" keeps dated assertions stable; the clock is injected, never patched.
TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "jobtracker.db"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run; tests get their own copy of it."""
    from jobtracker.db import open_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


@pytest.fixture
def tracker(db_path: Path, migrated_template: Path) -> Iterator[Tracker]:
    """A tracker over its own new database file, with the clock fixed at TODAY/NOW."""
    from jobtracker.db import open_database

    shutil.copyfile(migrated_template, db_path)
    with Tracker(open_database(db_path), today=lambda: TODAY, now=lambda: NOW) as tracker:
        yield tracker


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    """No test ever reads or writes the real user's data, settings or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("JOBTRACKER_DB", raising=False)


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """The keyring swapped for an in-memory test backend (the only thing tests swap)."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def imap_server() -> Iterator[object]:
    """A real Dovecot on 127.0.0.1 for the mail tests; skipped without dovecot, unless in CI."""
    import os

    from tests.imap_server import dovecot_binary, remove, start_imap_server

    if dovecot_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("dovecot is not installed; .ci/run installs dovecot-imapd")
        pytest.skip("dovecot is not installed (apt install dovecot-imapd) for the IMAP tests")
    server = start_imap_server()
    try:
        yield server
    finally:
        remove(server)
