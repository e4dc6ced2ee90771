"""Run slow work off the UI thread, report on the main thread, and cancel it by its handle.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on a QThreadPool thread and
calls ``on_done(result)`` or ``on_error(exception)`` on the main thread (as Anki's
QueryOp does: the operation off the UI thread, its outcome back on it). ``fn`` must
touch no widget and no open Tracker session: hand it plain values (a database path)
and let it open its own Tracker.

Every run has a handle, a :class:`BackgroundJob`:

* ``job.cancel()`` says the answer is no longer wanted: neither callback is called for
  that job, however late its result or error arrives. A view keeps the handle of its
  running work and cancels it before starting new work (and on Stop or close), so a
  late answer never lands on top of a newer one.
* ``job.stop`` is a ``threading.Event`` that ``cancel()`` sets. Work that can end
  early polls it. ``fn`` takes no arguments, so such work is built around a job made
  first, then started::

      job = BackgroundJob()
      job.start(lambda: import_posting(url, cancel=job.stop), on_done, on_error)

  Setting ``job.stop`` alone asks the work to end but still reports how it ended: the
  mail scan does that, to show "Stopping…" until the worker has let go of the mailbox.
* With an ``owner`` (the widget the callbacks fill), nothing is reported once the owner
  is deleted: a window closed while the work ran has no labels left to set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class _Relay(QObject):
    """Carries the outcome back to the thread that owns it (the main thread)."""

    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], job: BackgroundJob, relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._job = job
        self._relay = relay

    def run(self) -> None:
        if self._job.cancelled:
            # Cancelled while it waited for a free thread: nobody wants the answer, so the
            # work is skipped; the (dropped) report still comes to release the relay.
            self._relay.done.emit(None)
            return
        try:
            result = self._fn()
        except BaseException as error:
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


_pending: set[_Relay] = set()  # keeps relays alive until their job reports


class BackgroundJob:
    """One run of background work: ``stop`` asks it to end, ``cancel()`` also drops its report."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self._cancelled = False
        self._started = False

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` was called (then nothing of this job is reported)."""
        return self._cancelled

    def cancel(self) -> None:
        """Drop whatever the work reports from now on, and set ``stop`` so it can end early."""
        self._cancelled = True
        self.stop.set()

    def start(self, fn: Callable[[], T], on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None], pool: QThreadPool | None = None,
              *, owner: QObject | None = None) -> BackgroundJob:
        """Run ``fn`` in ``pool`` (the global one by default); report on the main thread.

        Returns the job itself. A job runs once: starting it again raises RuntimeError.
        """
        if self._started:
            raise RuntimeError("a BackgroundJob runs only once")
        self._started = True
        relay = _Relay()
        _pending.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            # Runs on the main thread, like cancel(): a job cancelled before its report
            # is handled here never reaches its callback.
            _pending.discard(relay)
            if self._cancelled or (owner is not None and not shiboken6.isValid(owner)):
                return
            callback(value)

        relay.done.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda error: finish(on_error, error))
        (pool or QThreadPool.globalInstance()).start(_Runnable(fn, self, relay))
        return self


def run_in_background(fn: Callable[[], T], on_done: Callable[[T], None],
                      on_error: Callable[[BaseException], None],
                      pool: QThreadPool | None = None, *, owner: QObject | None = None
                      ) -> BackgroundJob:
    """Start ``fn`` as a new :class:`BackgroundJob` and return its handle."""
    return BackgroundJob().start(fn, on_done, on_error, pool, owner=owner)
