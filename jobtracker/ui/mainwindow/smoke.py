"""``jobtracker --smoke-test``: start the real app, show its window with data, exit 0.

Meant for installers and CI (from source and from the PyInstaller bundle, offscreen too): it
opens the database (a temporary one unless ``--db`` names one) through the same migrations the
app runs, shows the real :class:`MainWindow`, waits until the page holding the data has been
painted, then checks what the bundle must carry (keyring and its backends, certifi's CA bundle,
the migration scripts; the compiled Qt resources and the SVG plugins before the window) and
exits 0. Anything missing makes it exit 1 with one line on stderr saying what; a watchdog makes
sure it never hangs.

Qt and the app are imported inside :func:`run_smoke_test`, so that a module missing from a
bundle is reported as a failure instead of a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobtracker.ui.mainwindow.main_window import MainWindow

PROG = "jobtracker"
# When set, the moment of the first paint (wall clock) and the peak memory until then are
# written there as JSON: what `python -m benchmarks` measures as the cold start.
PAINT_FILE_ENV = "JOBTRACKER_SMOKE_PAINT_FILE"
TIMEOUT_S = 60.0
# Beyond the Qt watchdog: if the event loop itself never returns, end the process anyway.
HARD_TIMEOUT_S = TIMEOUT_S + 15.0


class SmokeTestError(Exception):
    """A check failed; ``str(error)`` is the reason shown on stderr."""


def _fail(reason: str) -> int:
    print(f"{PROG}: smoke test failed: {reason}", file=sys.stderr, flush=True)
    return 1


def check_keyring() -> str:
    """Name of the keyring backend in use; fails only if keyring or its backends are missing.

    Having no usable backend (keyring's ``fail.Keyring``, e.g. on a headless machine) is fine:
    the app says so when a feature needs one. What a broken bundle shows instead is keyring's
    entry points missing, so that it finds no backend module at all.
    """
    try:
        from importlib.metadata import entry_points

        import keyring
        import keyring.backend
    except ImportError as error:
        raise SmokeTestError(f"the keyring module is missing ({error})") from None
    backends = entry_points(group="keyring.backends")
    if not backends:
        raise SmokeTestError("keyring's backends are missing (no 'keyring.backends' entry "
                             "points: the bundle lacks keyring's metadata)")
    for backend_module in backends:
        try:
            backend_module.load()
        except ImportError as error:
            raise SmokeTestError(f"keyring backend {backend_module.name} cannot be loaded "
                                 f"({error})") from None
    if sys.platform.startswith("linux"):
        # keyring's Secret Service backend hides a failed import; on Linux it is the one used.
        try:
            import secretstorage  # noqa: F401
        except ImportError as error:
            raise SmokeTestError(f"keyring's Secret Service support is missing ({error})"
                                 ) from None
    try:
        backend = keyring.get_keyring()
    except Exception as error:
        raise SmokeTestError(f"no keyring backend could be resolved ({error})") from None
    return f"{type(backend).__module__}.{type(backend).__name__}"


def check_certificates() -> Path:
    """The CA bundle requests uses for HTTPS (certifi's data file)."""
    try:
        from requests.utils import DEFAULT_CA_BUNDLE_PATH
    except ImportError as error:
        raise SmokeTestError(f"the requests module is missing ({error})") from None
    path = Path(DEFAULT_CA_BUNDLE_PATH)
    if not path.is_file() or path.stat().st_size == 0:
        raise SmokeTestError(f"certifi's CA bundle is missing ({path})")
    return path


# What the offscreen platform says for every window it shows: noise, not a finding.
_NOISE = ("does not support propagateSizeHints",)


def _quiet_offscreen_notes() -> None:
    """Pass Qt's messages on to stderr, except the offscreen platform's known chatter."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if not any(noise in message for noise in _NOISE):
            print(message, file=sys.stderr, flush=True)

    qInstallMessageHandler(handler)


def _start_hard_watchdog(seconds: float) -> threading.Timer:
    def expire() -> None:
        print(f"{PROG}: smoke test failed: no answer after {seconds:.0f} s (event loop hung)",
              file=sys.stderr, flush=True)
        os._exit(3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def run_smoke_test(db_path: Path | str | None = None, *, timeout: float = TIMEOUT_S) -> int:
    """Run the smoke test on ``db_path`` (a temporary database when None); the exit status."""
    started = time.perf_counter()
    watchdog = _start_hard_watchdog(timeout + (HARD_TIMEOUT_S - TIMEOUT_S))
    try:
        with tempfile.TemporaryDirectory(prefix="jobtracker-smoke-") as scratch:
            path = Path(db_path).expanduser() if db_path else Path(scratch) / "smoke.db"
            summary = _run(path, Path(scratch), timeout)
    except SmokeTestError as error:
        return _fail(str(error))
    except ImportError as error:
        return _fail(f"a module is missing: {error}")
    except Exception as error:  # one line, no traceback: this is what an installer shows
        return _fail(f"{type(error).__name__}: {_first_line(error)}")
    finally:
        watchdog.cancel()
    print(f"{PROG}: smoke test passed in {time.perf_counter() - started:.2f} s: {summary}",
          flush=True)
    return 0


def check_migrations() -> str:
    """The head revision of the bundled migration scripts, which must be this version's."""
    from jobtracker import migrations

    try:
        head = migrations.script_head()
    except Exception as error:
        detail = _first_line(error) or "no revision found"  # script_head asserts a head
        raise SmokeTestError(f"the migration scripts cannot be read from "
                             f"{migrations.script_location()} ({detail})") from None
    if head != migrations.HEAD:
        raise SmokeTestError(f"the migration scripts in {migrations.script_location()} end at "
                             f"{head}, not at this version's {migrations.HEAD}")
    return head


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else ""


def _run(db_path: Path, scratch: Path, timeout: float) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader

    from jobtracker import __version__
    from jobtracker.errors import JobTrackerError
    from jobtracker.tracker import Tracker
    from jobtracker.ui.mainwindow.app import make_application
    from jobtracker.ui.mainwindow.main_window import MainWindow
    from jobtracker.ui.settings import Settings

    _quiet_offscreen_notes()
    app = make_application([sys.argv[0] if sys.argv else PROG])
    platform = QGuiApplication.platformName()
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise SmokeTestError("Qt's SVG image plugin is missing (imageformats/libqsvg)")
    if QIcon(":/icons/jobtracker.svg").pixmap(32, 32).isNull():
        raise SmokeTestError("the compiled Qt resources or the SVG icon engine are missing")

    try:
        from jobtracker.file_backups import refuse_if_damaged

        refuse_if_damaged(db_path)  # a damaged file passes no smoke test
        tracker = Tracker.open(db_path)
    except JobTrackerError as error:
        raise SmokeTestError(f"cannot open the database: {error}") from None
    # Window layout goes to a scratch file: a smoke test never touches the user's settings.
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    errors: list[str] = []
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, _tb: object) -> None:
        errors.append(f"{kind.__name__}: {error}")
        app.quit()

    sys.excepthook = record
    try:
        count = tracker.count_applications()
        window = MainWindow(tracker, settings, home_path=db_path)
        try:
            shown = _show_and_wait(window, count, timeout)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        sys.excepthook = previous_hook
        tracker.close()
    if errors:
        raise SmokeTestError(errors[0])
    if shown is None:
        raise SmokeTestError(f"the main window did not paint within {timeout:.0f} s")
    # What the bundle must carry for later features, checked once the window has painted:
    # keyring, requests and Alembic are no part of the app's own start-up.
    keyring_backend = check_keyring()
    check_certificates()
    check_migrations()
    return (f"JobTracker {__version__}, {shown} of {count} applications shown, "
            f"Qt platform {platform}, keyring backend {keyring_backend}")


def _show_and_wait(window: MainWindow, count: int, timeout: float) -> int | None:
    """Show ``window``; the number of rows shown once its data page has painted, or None."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    # The page that shows the data: the table when there are applications, else the
    # empty state (its "Add" and "Try with sample data" buttons).
    target = window.applications.table.viewport() if count else window.empty_state
    result: list[int] = []

    class FirstPaint(QObject):
        def __init__(self, done: Callable[[], None]) -> None:
            super().__init__()
            self._done = done

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is target and event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # Let this paint finish, then check what it showed.
                QTimer.singleShot(0, self._done)
            return False

    def painted() -> None:
        _record_first_paint()
        rows = window.applications.model.rowCount()
        if count and rows == 0:
            window_errors.append("the applications table painted with no rows")
        elif window.grab().isNull():
            window_errors.append("the main window could not be rendered")
        else:
            result.append(rows)
        app.quit()

    window_errors: list[str] = []
    spy = FirstPaint(painted)
    target.installEventFilter(spy)
    QTimer.singleShot(int(timeout * 1000), app.quit)
    window.show()
    app.exec()
    if window_errors:
        raise SmokeTestError(window_errors[0])
    return result[0] if result else None


def _record_first_paint() -> None:
    """Write the first paint's time and the peak memory so far where the benchmark asked."""
    target = os.environ.get(PAINT_FILE_ENV)
    if not target:
        return
    import json

    max_rss_mb: float | None = None  # not on Windows: the time alone
    try:
        import resource
    except ImportError:
        pass
    else:
        max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(target).write_text(json.dumps({"wall": time.time(), "max_rss_mb": max_rss_mb}),
                            encoding="utf-8")
