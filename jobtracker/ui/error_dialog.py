"""Unexpected errors: a dialog with a copyable report, installed as ``sys.excepthook``."""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker import __version__
from jobtracker.paths import log_dir


def error_report(kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> str:
    """Plain text to paste into an issue: versions and the traceback (no user data)."""
    lines = [f"JobTracker {__version__}, Python {platform.python_version()}, "
             f"PySide6 {pyside_version}, {platform.platform()}", ""]
    lines += traceback.format_exception(kind, error, tb)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class ErrorDialog(QDialog):
    """Tells the user something went wrong, that their data is safe, and offers the report."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected Error"))
        self.report = report
        text = QLabel(self.tr(
            "Something went wrong. Your saved data is safe: each change is saved whole or not "
            "at all, and what you were typing is still in its field. Please copy this report "
            "into a bug report."), self)
        text.setWordWrap(True)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy report"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report)


def _log(report: str) -> None:
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "errors.log").open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now(dt.UTC).isoformat()}\n{report}\n")
    except OSError:
        pass  # a full disk must not turn one error into two


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Show unexpected exceptions in an ErrorDialog instead of losing them on stderr."""
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report = error_report(kind, error, tb)
        _log(report)
        sys.stderr.write(report)
        ErrorDialog(report, parent()).exec()

    sys.excepthook = hook
