"""What the first window leaves for later: modules and views it does not need."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.smoke import PAINT_FILE_ENV
from jobtracker.ui.mainwindow.views import VIEW_NAMES

ROOT = Path(__file__).resolve().parents[2]

# Loaded on first use only: the URL import (requests, lxml), mail scanning, Alembic, keyring,
# the duplicate check (rapidfuzz), mail matching, Preferences with the backups page, the
# board, Today, dashboard (charts) and calendar views.
DEFERRED = ("jobtracker.importers", "requests", "lxml", "jobtracker.mail.scan", "alembic",
            "keyring", "rapidfuzz", "jobtracker.mail.match",
            "jobtracker.ui.preferences.backups_page",
            "jobtracker.ui.preferences.preferences_dialog",
            "jobtracker.ui.applications.board_view", "jobtracker.ui.insights.today_view",
            "jobtracker.ui.insights.dashboard_view", "jobtracker.ui.insights.charts",
            "jobtracker.ui.insights.calendar_view")

# A fresh interpreter opens a migrated database in the real window, shows it, and says which
# of DEFERRED it loaded; then it opens the board and says again.
_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from jobtracker.tracker import Tracker
from jobtracker.ui.mainwindow.app import make_application
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.settings import Settings
deferred = json.loads(sys.argv[3])
app = make_application(["jobtracker"])
tracker = Tracker.open(Path(sys.argv[1]))
window = MainWindow(tracker, Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show()
app.processEvents()
at_start = [name for name in deferred if name in sys.modules]
window.show_view("board")
app.processEvents()
after_board = [name for name in deferred if name in sys.modules]
window.close()
tracker.close()
print(json.dumps({"at_start": at_start, "after_board": after_board}))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_the_first_window_loads_none_of_the_deferred_modules(tmp_path: Path,
                                                             migrated_template: Path) -> None:
    db = tmp_path / "jobtracker.db"
    shutil.copyfile(migrated_template, db)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db), str(tmp_path / "settings.ini"),
         json.dumps(DEFERRED)],
        cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["at_start"] == []
    # The probe can see a module load: opening the board brings in its own.
    assert "jobtracker.ui.applications.board_view" in loaded["after_board"]


def test_sidebar_views_are_built_on_their_first_visit(window: MainWindow) -> None:
    assert not any(window.is_view_built(name) for name in VIEW_NAMES)
    pages = window.pages.count()
    window.show_view("calendar")
    assert window.is_view_built("calendar")
    assert not window.is_view_built("board")
    calendar = window.view("calendar")
    assert window.pages.currentWidget() is calendar
    assert window.pages.indexOf(calendar) == window.view_row("calendar")
    # Asking for a view builds it in its place, without showing it.
    board = window.view("board")
    assert window.is_view_built("board")
    assert window.pages.indexOf(board) == window.view_row("board")
    assert window.pages.currentWidget() is calendar
    assert window.pages.count() == pages


def test_smoke_test_records_its_first_paint_when_asked(tmp_path: Path) -> None:
    mark = tmp_path / "paint.json"
    result = subprocess.run(
        [sys.executable, "-m", "jobtracker", "--smoke-test"], cwd=ROOT,
        env={**_env(), PAINT_FILE_ENV: str(mark)}, capture_output=True, text=True,
        timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    record = json.loads(mark.read_text(encoding="utf-8"))
    assert isinstance(record["wall"], float)
    assert record["max_rss_mb"] > 0
