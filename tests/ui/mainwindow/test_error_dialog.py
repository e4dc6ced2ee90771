"""The unexpected-error dialog: a copyable report without personal data, and the log."""

import importlib.util
import logging
import os
import platform
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from jobtracker import __version__, logs
from jobtracker.ui.mainwindow.error_dialog import ErrorDialog, error_report, install_excepthook

NOTE = """## Call with Sam (Acme)

- they pay 95k, bonus 10 %
- mention the billing migration
"""


@pytest.fixture
def log_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's logging configured as the app does it; taken down again after the test."""
    monkeypatch.setattr(logs, "_handler", None)
    path = logs.configure_logging()
    handler = logs._handler
    yield path
    assert handler is not None
    logging.getLogger().removeHandler(handler)
    handler.close()


def _raise_from_home() -> BaseException:
    """Raise, from a module under the home folder, an error quoting a note, an address, a
    password and a URL with a token: the report must show none of them."""
    folder = Path(os.environ["HOME"]) / "projects"
    folder.mkdir(exist_ok=True)
    source = folder / "notes_helper.py"
    source.write_text(
        "def save_note(note):\n"
        "    raise RuntimeError(f'cannot save note {note!r} for jane.doe@example.com '\n"
        "                       f'(password=hunter2-Zq9) via '\n"
        "                       f'https://mail.example.com/inbox?session=s3ss10n')\n",
        encoding="utf-8")
    spec = importlib.util.spec_from_file_location("notes_helper", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        module.save_note(NOTE)
    except RuntimeError as error:
        return error
    raise AssertionError("save_note did not raise")


def test_report_is_copyable(qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        report = error_report(*sys.exc_info())  # type: ignore[arg-type]
    assert "RuntimeError: boom" in report and "JobTracker" in report
    dialog = ErrorDialog(report)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report


def test_report_has_versions_and_frames_but_no_personal_data() -> None:
    error = _raise_from_home()
    report = error_report(type(error), error, error.__traceback__)
    assert report.startswith(f"JobTracker {__version__}\nPython {platform.python_version()}, "
                             f"PySide6 {pyside_version}, Qt {qVersion()}\n{platform.platform()}")
    assert "Traceback (most recent call last):" in report
    assert "in _raise_from_home" in report
    assert 'File "~/projects/notes_helper.py", line 2, in save_note' in report
    assert "RuntimeError: cannot save note '<" in report
    assert "https://mail.example.com/inbox?<redacted>" in report
    for private in (os.environ["HOME"], "Call with Sam", "95k", "billing migration",
                    "jane.doe@example.com", "hunter2-Zq9", "s3ss10n"):
        assert private not in report, private


def test_excepthook_shows_dialog_and_logs(qtbot, monkeypatch, log_file: Path  # type: ignore[no-untyped-def]
                                          ) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.report) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: None)
    error = _raise_from_home()
    sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1 and "RuntimeError: cannot save note" in shown[0]
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR jobtracker.ui.mainwindow.error_dialog: unexpected error" in logged
    assert 'File "~/projects/notes_helper.py", line 2, in save_note' in logged
    for private in ("Call with Sam", "jane.doe@example.com", "hunter2-Zq9", "s3ss10n"):
        assert private not in logged, private


@pytest.mark.qt_log_ignore("jobtracker test warning")
def test_qt_warnings_go_to_the_log_redacted(log_file: Path, qtlog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qWarning

    from jobtracker.ui.mainwindow.error_dialog import start_logging

    start_logging()  # pytest-qt puts its own handler back after the test
    qWarning("jobtracker test warning: https://jane:hunter2-Zq9@imap.example.com/?token=t0k")
    logged = log_file.read_text(encoding="utf-8")
    assert "WARNING jobtracker.qt: jobtracker test warning: https://imap.example.com/?<redacted>" \
        in logged
    assert "hunter2-Zq9" not in logged and "t0k" not in logged
    # The message still reached the handler that was installed before (pytest-qt's).
    assert any("jobtracker test warning" in record.message for record in qtlog.records)
