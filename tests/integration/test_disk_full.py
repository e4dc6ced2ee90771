"""A full disk, for real: a tiny file system of its own; one plain line, nothing changed or left.

The file system is a 1 MB tmpfs (or, where tmpfs cannot be mounted, a loop-mounted ext2
image); both need root. Without either, the exports are checked under a file-size limit
(RLIMIT_FSIZE: writes fail with EFBIG, which counts as "no room" too), and the import into
a database on a full disk is skipped, saying why.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from jobtracker.tracker import ApplicationInput, ContactInput, Tracker
from tests.small_disk import fill, listing, small_disk

ROOT = Path(__file__).parents[2]
FULL = (r"^jobtracker: error: the disk holding {folder} is full \([\d,]+(\.\d)? MB free\); "
        r"nothing was changed\n$")
TOO_LARGE = (r"^jobtracker: error: the disk holding {folder} takes no file this large \(a "
             r"file-size limit\); nothing was changed\n$")

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path | str]:
    with small_disk(tmp_path) as folder:
        yield folder


def jt(*args: str, preexec: Callable[[], None] | None = None
       ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "jobtracker", *args], capture_output=True,
                          text=True, env=env, timeout=100, preexec_fn=preexec)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Applications with interviews (demo data) and contacts, on the ordinary disk."""
    from jobtracker.demo import populate

    db = tmp_path_factory.mktemp("sample") / "jobs.db"
    with Tracker.open(db) as tracker:
        populate(tracker, 300, seed=3)
        for n in range(150):
            tracker.add_contact(ContactInput(name=f"Person {n}", company="Globex",
                                             role="Recruiter", notes="met at a fair " * 20))
    return db


@pytest.mark.parametrize("kind", ["csv", "json", "ics", "vcard"])
def test_an_export_onto_a_full_disk_says_so_and_leaves_nothing(
        disk: Path | str, sample_db: Path, tmp_path: Path, kind: str) -> None:
    preexec = None
    if isinstance(disk, str):
        # No file system of our own: a file-size limit makes the same failure (EFBIG).
        folder = tmp_path / "limited"
        folder.mkdir()

        def preexec() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            # Above SQLite's 32 KiB shared-memory file, below every export's size.
            resource.setrlimit(resource.RLIMIT_FSIZE, (34 * 1024, 34 * 1024))
    else:
        folder = disk
    target = folder / f"export.{kind}"
    target.write_text("the export of last week\n", encoding="utf-8")
    if preexec is None:
        fill(folder)
    before = listing(folder)

    result = jt("--db", str(sample_db), "export", kind, "-o", str(target), preexec=preexec)

    assert result.returncode == 1, result.stderr
    expected = FULL if preexec is None else TOO_LARGE
    assert re.match(expected.format(folder=re.escape(str(folder))), result.stderr), \
        result.stderr
    assert listing(folder) == before  # no .partial left, the old export untouched


def test_an_import_into_a_database_on_a_full_disk_changes_nothing(
        disk: Path | str, tmp_path: Path) -> None:
    if isinstance(disk, str):
        pytest.skip(f"no small file system can be mounted here ({disk}); a file-size "
                    "limit would not show SQLite a full disk")
    db = disk / "jobs.db"
    with Tracker.open(db) as tracker:
        for n in range(5):
            tracker.add_application(ApplicationInput(title=f"Job {n}", company="Acme"))
    rows = tmp_path / "many.csv"
    with rows.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "company", "location", "notes"])
        for n in range(4000):
            writer.writerow([f"Engineer {n}", f"Company {n}", "Berlin", "words " * 40])

    def count() -> int:
        with contextlib.closing(sqlite3.connect(db)) as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            return int(con.execute("SELECT count(*) FROM application").fetchone()[0])

    assert count() == 5
    filler = fill(disk, leave=64 * 1024)

    result = jt("--db", str(db), "import", "csv", str(rows))

    assert result.returncode == 1, result.stderr
    assert re.match(FULL.format(folder=re.escape(str(disk))), result.stderr), \
        result.stderr
    assert "Traceback" not in result.stderr
    filler.unlink()  # room to open the database again and look
    assert count() == 5


def test_standard_output_redirected_onto_a_full_disk_names_that_disk(
        disk: Path | str, sample_db: Path) -> None:
    if isinstance(disk, str):
        pytest.skip(f"no small file system can be mounted here ({disk})")
    fill(disk)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with (disk / "export.json").open("w") as out:  # `jobtracker export json > FILE`
        result = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(sample_db),
                                 "export", "json"], stdout=out, stderr=subprocess.PIPE,
                                text=True, env=env, timeout=100)
    assert result.returncode == 1
    assert re.match(FULL.format(folder=re.escape(str(disk))), result.stderr), result.stderr
