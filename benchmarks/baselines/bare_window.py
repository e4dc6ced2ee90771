"""Baseline: a bare PySide6 main window with an empty QTableView that quits after its first paint.

What ``jobtracker --smoke-test`` is compared with (start-up time and peak memory).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class _QuitOnFirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # let this paint finish first
        return False

    def _painted(self) -> None:
        # The same record `jobtracker --smoke-test` writes once its first paint is done.
        if target := os.environ.get("JOBTRACKER_SMOKE_PAINT_FILE"):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            Path(target).write_text(json.dumps({"wall": time.time(), "max_rss_mb": peak}))
        self._app.quit()


def main() -> int:
    """Show the window, wait for its first paint, quit; the exit status."""
    app = QApplication(sys.argv)
    window = QMainWindow()
    table = QTableView(window)
    window.setCentralWidget(table)
    window.resize(1200, 800)
    spy = _QuitOnFirstPaint(app)
    table.viewport().installEventFilter(spy)
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark run
    window.show()
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
