"""Keeps ``None`` alive under PySide6 6.12 on Python 3.11, whose bindings drop references to it.

PySide6 6.12.0's generated wrappers return ``None`` from every void method (``QPainter.setPen``,
``QWidget.update``, ``QLabel.setText`` ...) without taking a reference first. Python 3.12 made
``None`` immortal (PEP 683), so there the slip is harmless; on 3.11 each call lowers None's
reference count by one, and a few minutes of painting the board take it to zero, where CPython
aborts with "Fatal Python error: none_dealloc". Raising the count far beyond reach does
for 3.11 what 3.12 does by design, without touching any other object.
"""

from __future__ import annotations

import sys

# 2**40 leaked references is a million void calls a second for twelve days; the floor
# re-arms the guard should a very long session ever come near it.
_BOOST = 1 << 40
_FLOOR = 1 << 38


def keep_none_alive() -> None:
    """Make ``None``'s reference count unreachable for a leak (a no-op where it is immortal)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _FLOOR:
        refcount.value += _BOOST
