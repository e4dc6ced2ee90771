"""Benchmark databases built by the core's demo generator, cached by code version and size."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jobtracker"
# What decides the rows a demo database holds: change any of it and the cache is rebuilt.
KEY_SOURCES = ("demo.py", "models.py", "migrations", "tracker/bulk.py", "tracker/applications.py",
               # populate's contacts, tasks, documents and posting snapshots go through these
               "tracker/people.py", "tracker/activity.py", "tracker/files.py",
               "importers/sanitise.py")


def cache_dir() -> Path:
    """Where built databases are kept (``JOBTRACKER_BENCH_CACHE`` overrides)."""
    override = os.environ.get("JOBTRACKER_BENCH_CACHE")
    if override:
        return Path(override)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "jobtracker-bench"


@functools.cache
def code_key() -> str:
    """A short hash of the code that generates the data (fixed for the whole run)."""
    digest = hashlib.sha256()
    for name in KEY_SOURCES:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(PACKAGE)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def jobtracker_cmd() -> list[str]:
    """The command line that runs this checkout's ``jobtracker``."""
    return [sys.executable, "-m", "jobtracker"]


def child_env() -> dict[str, str]:
    """Environment for child processes: offscreen Qt, this checkout first on the path."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def migrated_template() -> Path:
    """An empty database at the current schema (what a first start creates)."""
    path = cache_dir() / f"empty-{code_key()}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        # A write command: reading commands refuse a database file that does not exist yet.
        subprocess.run([*jobtracker_cmd(), "--db", str(partial), "empty-trash", "--yes"],
                       check=True,
                       env=child_env(), stdout=subprocess.DEVNULL, cwd=ROOT)
        _checkpoint(partial)
        partial.replace(path)
    return path


def demo_db(count: int, *, quiet: bool = False) -> Path:
    """A database holding ``count`` demo applications (seed 0), built once per code version."""
    path = cache_dir() / f"demo-{count}-{code_key()}.db"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    shutil.copyfile(migrated_template(), partial)
    if not quiet:
        print(f"building {count:,} demo applications in {path} (once per code version) ...",
              file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run([*jobtracker_cmd(), "--db", str(partial), "demo", "--count", str(count)],
                   check=True, env=child_env(), stdout=subprocess.DEVNULL, cwd=ROOT)
    _checkpoint(partial)
    partial.replace(path)
    # The sample's attached documents live beside the file, named after it: follow the rename.
    documents, built = _documents_dir(path), _documents_dir(partial)
    shutil.rmtree(documents, ignore_errors=True)
    if built.exists():
        built.replace(documents)
    if not quiet:
        print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def _documents_dir(db: Path) -> Path:
    """Where ``jobtracker.paths.documents_dir`` keeps a database's files (no import needed)."""
    return db.parent / f"{db.stem}-documents"


def scratch_copy(source: Path, target: Path) -> Path:
    """A private copy of a cached database that a case may change."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so that a plain file copy carries everything."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
