"""Run slow work off the UI thread: ``run_in_background(fn, on_done, on_error)``.

``fn`` runs on a QThreadPool thread and must touch no widget and no open
Tracker session: hand it plain values (a database path) and let it open its
own Tracker. ``on_done``/``on_error`` run on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries the result back to the thread that owns it (the main thread)."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


_pending: set[_Relay] = set()  # keeps relays alive until their job reports


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      pool: QThreadPool | None = None, *, owner: QObject | None = None) -> None:
    """Run ``fn`` in ``pool`` (the global one by default) and report on the main thread.

    With an ``owner`` (the widget the callbacks fill), nothing is reported once it is
    deleted: a window closed while the work ran has no labels left to set.
    """
    relay = _Relay()
    _pending.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(relay)
        if owner is not None and not shiboken6.isValid(owner):
            return
        callback(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda error: finish(on_error, error))
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))
