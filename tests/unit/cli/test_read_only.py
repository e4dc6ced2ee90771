"""A read-only database file, folder or disk: reading works, writing is refused, nothing changes."""

# Tests run as root here and in CI, and root ignores permission bits, so each way a file can
# be read-only is made for real: a read-only bind mount in a private mount namespace (the
# child alone sees it), an immutable file (chattr +i), and the child run as an unprivileged
# user on root's files. A way this machine does not allow is skipped with the reason.

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.db_files import db_with

REPO = Path(__file__).parents[3]
NOBODY = 65534
Run = Callable[..., subprocess.CompletedProcess[str]]

READS = (("list",), ("show", "1", "--format", "json"), ("stats",), ("export", "csv"),
         ("export", "json"), ("backups",), ("contact", "list"), ("task", "list"),
         ("event", "list", "1"))
WRITES = (("add", "--title", "T", "--company", "C"), ("move", "1", "Interviewing"),
          ("note", "1", "text"), ("edit", "1", "--title", "U"), ("task", "add", "Call"))


def _command(db: Path, args: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "jobtracker", "--db", str(db), *args]


def _run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def _mount_runner(folder: Path, db: Path) -> Run:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a read-only bind mount needs root and unshare(1)")
    # The bind mount lives in the child's own mount namespace: nothing to undo, even if the
    # test is killed, and other processes keep writing the folder as before.
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"'

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return _run(["unshare", "--mount", "sh", "-c", script, "sh", str(folder),
                     *_command(db, args)])

    probe = run("--version")
    if probe.returncode != 0:
        pytest.skip(f"no read-only bind mount here: {probe.stderr.strip()}")
    return run


@contextlib.contextmanager
def _immutable(db: Path) -> Iterator[Run]:
    if shutil.which("chattr") is None:
        pytest.skip("chattr(1) is not installed")
    made = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i does not work here: {made.stderr.strip()}")
    try:
        yield lambda *args: _run(_command(db, args))
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def _user_runner(folder: Path, db: Path, home: Path) -> Run:
    if os.geteuid() != 0:
        # Permission bits bind an ordinary user: the file and its folder read-only.
        db.chmod(0o444)
        folder.chmod(0o555)
        return lambda *args: _run(_command(db, args))
    if shutil.which("setpriv") is None:
        pytest.skip("running as another user needs setpriv(1)")
    # Root's files (0644 in a 0755 folder) are read-only to the user "nobody".
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return _run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                     *_command(db, args)], env=env, cwd=home)

    probe = run("--version")
    if probe.returncode != 0:
        pytest.skip(f"cannot run as an unprivileged user here: {probe.stderr.strip()}")
    return run


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Path]:
    """A folder every user can enter (tmp_path's parents are root's alone), removed after."""
    top = Path(tempfile.mkdtemp(prefix="jobtracker-ro-"))
    top.chmod(0o755)
    home = top / "home"
    home.mkdir()
    home.chmod(0o777)
    (top / "data").mkdir()
    (top / "data").chmod(0o755)
    try:
        yield top
    finally:
        for path in (top / "data", *(top / "data").iterdir()):
            with contextlib.suppress(OSError):
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(params=["read-only mount", "immutable file", "unprivileged user"])
def read_only(request: pytest.FixtureRequest, world: Path, migrated_template: Path
              ) -> Iterator[tuple[Path, Run]]:
    """A filled database and a runner of `jobtracker --db` that can only read it."""
    folder = world / "data"
    db = _filled(folder / "jobtracker.db", migrated_template)
    if request.param == "read-only mount":
        yield db, _mount_runner(folder, db)
    elif request.param == "immutable file":
        with _immutable(db) as run:
            yield db, run
    else:
        yield db, _user_runner(folder, db, world / "home")


def _filled(db: Path, migrated_template: Path) -> Path:
    db_with(db, migrated_template, "Engineer")
    for args in (("note", "1", "First call went well"), ("contact", "add", "Jane Doe"),
                 ("task", "add", "Send portfolio", "--application", "1"),
                 ("interview", "add", "1", "--at", "2030-01-15 10:00", "--tz", "UTC")):
        result = _run(_command(db, args))
        assert result.returncode == 0, result.stderr
    db.chmod(0o644)
    return db


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert "unexpected error" not in result.stderr
    return result.stderr.removeprefix("jobtracker: error: ").rstrip("\n")


def test_reading_commands_work_and_change_nothing(read_only: tuple[Path, Run]):
    db, run = read_only
    before = _snapshot(db.parent)
    for args in READS:
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert "Engineer" in run("list").stdout
    assert "First call went well" in run("show", "1").stdout
    assert "Jane Doe" in run("contact", "list").stdout
    assert _snapshot(db.parent) == before  # not even a -wal or -shm beside it


def test_writing_commands_say_the_file_is_read_only(read_only: tuple[Path, Run]):
    db, run = read_only
    before = _snapshot(db.parent)
    for args in WRITES:
        assert _one_plain_line(run(*args)) == f"{db} is read-only; nothing was changed", args
    assert _snapshot(db.parent) == before
    assert not (db.parent / "jobtracker-backups").exists()


def test_restore_onto_a_read_only_database_is_refused(read_only: tuple[Path, Run],
                                                      migrated_template: Path):
    db, run = read_only
    before = _snapshot(db.parent)
    for args in (("restore", str(migrated_template)), ("restore", "1")):
        assert _one_plain_line(run(*args)) == f"{db} is read-only; nothing was changed"
    assert _snapshot(db.parent) == before


def test_an_older_read_only_database_cannot_be_upgraded(world: Path, migrated_template: Path):
    folder = world / "data"
    db = folder / "jobtracker.db"
    shutil.copyfile(REPO / "tests" / "data" / "schema-0002.db", db)
    db.chmod(0o644)
    before = _snapshot(folder)
    run = _mount_runner(folder, db)
    for args in (("list",), ("stats",), ("export", "csv"),
                 ("add", "--title", "T", "--company", "C")):
        assert _one_plain_line(run(*args)) == (
            f"{db} is from an older JobTracker and is read-only: it cannot be upgraded; copy "
            "it somewhere writable"), args
    assert _snapshot(folder) == before
    assert sorted(path.name for path in folder.iterdir()) == ["jobtracker.db"]


def test_outputs_elsewhere_are_written(read_only: tuple[Path, Run], world: Path):
    _db, run = read_only
    out = world / "home"
    for args, target in ((("backup", "-o"), out / "copy.db"),
                         (("export", "json", "-o"), out / "all.json"),
                         (("export", "csv", "-o"), out / "all.csv")):
        result = run(*args, str(target))
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 0
    assert b"Engineer" in (out / "all.csv").read_bytes()


def test_an_output_into_a_folder_that_cannot_be_written_is_refused(world: Path,
                                                                   migrated_template: Path):
    folder = world / "data"
    db = _filled(folder / "jobtracker.db", migrated_template)
    locked = world / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    run = _user_runner(folder, db, world / "home")
    for args in (("export", "csv", "-o"), ("export", "json", "-o"), ("backup", "-o")):
        line = _one_plain_line(run(*args, str(locked / "out.file")))
        assert line == f"cannot write {locked}: permission denied (nothing was written)"
    assert list(locked.iterdir()) == []
