"""The bundle-size case: dist/jobtracker against a bare PySide6 window bundled the same way."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from benchmarks.data import ROOT

BUILD_PYTHON = ROOT / "build" / "venv" / "bin" / "python"
APP_BUNDLE = ROOT / "dist" / "jobtracker"
BARE_DIR = ROOT / "build" / "bench-bundle"


def folder_mb(path: Path) -> float:
    """Size of a one-folder bundle, as jobtracker.spec counts it (files, not symlinks)."""
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1024 * 1024)


def bundle_sizes(log: Callable[[str], None]) -> tuple[float, float] | str:
    """(app MB, bare MB), or why the case cannot run."""
    if not (APP_BUNDLE / "jobtracker").exists():
        return "no dist/jobtracker: build it first with `python3 packaging/build.py`"
    if not BUILD_PYTHON.exists():
        return "no build/venv with PyInstaller: `python3 packaging/build.py` creates it"
    bare = BARE_DIR / "dist" / "jobtracker"
    specs = [ROOT / "jobtracker.spec", ROOT / "benchmarks" / "baselines" / "bare_bundle.spec"]
    if (bare / "jobtracker").exists() and all(
            (bare / "jobtracker").stat().st_mtime > spec.stat().st_mtime for spec in specs):
        return folder_mb(APP_BUNDLE), folder_mb(bare)  # built since either spec changed
    log("building the bare PySide6 bundle (about 3 min) ...")
    done = subprocess.run(
        [str(BUILD_PYTHON), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(BARE_DIR / "dist"), "--workpath", str(BARE_DIR / "work"),
         str(ROOT / "benchmarks" / "baselines" / "bare_bundle.spec")],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"the bare bundle did not build: {done.stderr.strip().splitlines()[-1:]}"
    return folder_mb(APP_BUNDLE), folder_mb(bare)
