"""Without a desktop session: the window says so in one line, the smoke test runs off-screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")),
    reason="Windows and macOS always have a display")

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name not in NO_DISPLAY}
    return subprocess.run([sys.executable, "-m", "jobtracker", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_the_window_without_a_display_exits_1_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    result = _run("--db", str(db))
    assert result.returncode == 1, result.stderr  # not Qt's abort (134)
    assert result.stderr == (
        "jobtracker: error: no display: the window needs a desktop session (DISPLAY or "
        "WAYLAND_DISPLAY is not set); the commands work without one — see jobtracker --help\n")
    assert not db.exists()  # refused before anything was opened


def test_the_smoke_test_without_a_display_runs_off_screen() -> None:
    result = _run("--smoke-test")
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "Traceback" not in result.stderr


def test_commands_need_no_display(tmp_path: Path) -> None:
    result = _run("--db", str(tmp_path / "jobs.db"), "add", "--title", "T", "--company", "C")
    assert result.returncode == 0, result.stderr
