"""The desktop app's lock on a database file, read without Qt, and whether a process is alive."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def app_lock_path(db_path: Path) -> Path:
    """The lock file the desktop app holds (a QLockFile) while it has ``db_path`` open."""
    return db_path.with_name(f"{db_path.name}.lock")


def _flock_held(lock: Path) -> bool | None:
    """Whether someone holds the lock file's native lock (None: cannot tell here)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # closing also drops the shared lock we may have taken
    return False


def app_lock_holder(db_path: Path) -> int | None:
    """The process id of a running app that holds ``db_path``'s lock, else None.

    Reads QLockFile's file (pid, program, host) without Qt: the core cannot import it.
    """
    lock = app_lock_path(db_path.expanduser().resolve())
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another computer's app (a shared folder): we cannot tell, so be careful
    held = _flock_held(lock)
    if held is not None:
        return pid if held else None
    return pid if pid_alive(pid) else None
