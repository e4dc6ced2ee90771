"""A tiny file system of its own for the full-disk tests: a 1 MB tmpfs, else a loop-mounted ext2.

Both need root. ``small_disk`` yields the mounted folder, or a string saying why there is
none (tests then fall back or skip, saying so).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


def _mount(folder: Path, size_kb: int, scratch: Path) -> str | None:
    """Mount a file system of ``size_kb`` on ``folder``; None when it worked, else why not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "mounting needs root"
    tmpfs = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755",
                            "tmpfs", str(folder)], capture_output=True, text=True)
    if tmpfs.returncode == 0:
        return None
    image = scratch / "disk.img"
    with image.open("wb") as out:
        out.truncate(size_kb * 1024)
    for step in (["mkfs.ext2", "-q", "-F", "-m", "0", str(image)],
                 ["mount", "-o", "loop", str(image), str(folder)]):
        try:
            done = subprocess.run(step, capture_output=True, text=True)
        except FileNotFoundError as error:
            return f"tmpfs: {tmpfs.stderr.strip()}; loop: {error}"
        if done.returncode != 0:
            return f"tmpfs: {tmpfs.stderr.strip()}; loop: {done.stderr.strip()}"
    return None


@contextlib.contextmanager
def small_disk(tmp_path: Path, size_kb: int = 1024) -> Iterator[Path | str]:
    """A folder on its own small file system (unmounted afterwards), or why there is none."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    scratch = tmp_path / "small-disk-scratch"
    scratch.mkdir()
    why = _mount(folder, size_kb, scratch)
    if why is not None:
        yield why
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of ``folder`` until at most ``leave`` bytes are free."""
    filler = folder / "filler.bin"
    with filler.open("ab") as out:
        chunk = b"\0" * 4096
        while shutil.disk_usage(folder).free > leave:
            try:
                out.write(chunk)
                out.flush()
            except OSError:
                break
    return filler


def listing(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` by name, with the hash of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())}
