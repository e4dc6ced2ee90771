"""Unexpected errors: a dialog with a copyable report, installed as ``sys.excepthook``."""

from __future__ import annotations

import logging
import platform
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler, qVersion
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
from jobtracker.logs import configure_logging, format_exception

log = logging.getLogger(__name__)


def error_report(kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> str:
    """Plain text to paste into an issue: versions, the frames and the error's redacted message.

    No user data: the message is cut to one line without quoted values, e-mail addresses,
    credentials or query strings, and the home folder is shown as ``~``.
    """
    lines = [f"JobTracker {__version__}",
             f"Python {platform.python_version()}, PySide6 {pyside_version}, Qt {qVersion()}",
             platform.platform(), "", format_exception(error, tb)]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


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


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Show unexpected exceptions in an ErrorDialog instead of losing them on stderr."""
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error (jobtracker %s)", __version__, exc_info=(kind, error, tb))
        report = error_report(kind, error, tb)
        if sys.stderr is not None:  # None in a Windows GUI process
            sys.stderr.write(report)
        ErrorDialog(report, parent()).exec()

    sys.excepthook = hook


_QT_LEVELS = {QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def start_logging() -> None:
    """Log to the rotating file, and put Qt's warnings there too (a GUI user sees no stderr).

    Qt's messages still reach the handler that was there before (pytest-qt's in tests),
    or stderr.
    """
    configure_logging()
    qt_log = logging.getLogger("jobtracker.qt")
    previous: Callable[[QtMsgType, QMessageLogContext, str], object] | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind)
        if level is not None:
            qt_log.log(level, message)
        if previous is not None:
            previous(kind, context, message)
        elif sys.stderr is not None:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
