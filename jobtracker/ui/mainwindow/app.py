"""Entry point of the desktop app: ``run(db_path, argv)`` sets up Qt and shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from jobtracker import APP_NAME, __version__
from jobtracker.errors import JobTrackerError
from jobtracker.tracker import Tracker
from jobtracker.ui.forms import jobtracker_rc  # noqa: F401 - registers the icons
from jobtracker.ui.mainwindow.error_dialog import install_excepthook, start_logging
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.mainwindow.single_instance import Claim, SingleInstance
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.formatting import literal
from jobtracker.ui.widgets.theme import apply_theme


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with the names QSettings uses, the icon and the Fusion style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(":/icons/jobtracker.svg"))
    # Matches resources/jobtracker.desktop, so Wayland compositors pair window and launcher.
    QGuiApplication.setDesktopFileName("jobtracker")
    # Fusion looks the same everywhere and supports the light and dark palettes.
    app.setStyle("Fusion")
    return app


def run(db_path: Path, argv: list[str], *, make_folder: bool = True) -> int:
    """Open the database at ``db_path`` in the main window; returns the exit code.

    ``make_folder``: create a missing folder for it (the default location only).
    """
    # Here, not at the top: the smoke test imports this module and needs no backups.
    from jobtracker.ui.mainwindow.startup_backup import backup_at_close, backup_when_painted

    app = make_application([sys.argv[0] if sys.argv else APP_NAME, *argv])
    start_logging()
    settings = Settings(QSettings())
    apply_theme(app, settings.theme())
    if not make_folder:
        # Before the lock file, which would create the folder a mistyped --db names.
        from jobtracker.dbfile import refuse_missing_folder

        try:
            refuse_missing_folder(db_path)
        except JobTrackerError as error:
            print(f"jobtracker: error: {error}", file=sys.stderr)
            QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open database"),
                                 literal(str(error)))
            return 1
    # One app per database file: a second start raises the first window instead.
    instance = SingleInstance(db_path)
    claim = instance.claim()
    if claim is not Claim.OWNER:
        return _already_open(claim, instance)
    try:
        try:
            window = _open_window(db_path, settings, make_folder=make_folder)
        except JobTrackerError as error:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open database"),
                                 literal(str(error)))  # paths are the user's text
            return 1
        if window is None:
            return 1  # a damaged file whose backup the user chose not to restore: told already
        instance.raise_requested.connect(window.bring_to_front)
        install_excepthook(lambda: window)
        window.show()
        # A damaged file gets the window's banner (writes refused), warnings found on
        # opening (a -wal cut short) a dismissable one.
        backup_when_painted(window, window.home_path, settings.backup_keep(),
                            status=window.statusBar().showMessage, damaged=window.show_damage,
                            warnings=window.tracker.db.warnings, warn=window.show_open_warning)
        try:
            return app.exec()
        finally:
            window.tracker.close()
            backup_at_close(window.home_path, settings.backup_keep())
    finally:
        instance.release()


def _open_window(db_path: Path, settings: Settings, *, make_folder: bool = True
                 ) -> MainWindow | None:
    """The window over ``db_path``; a file too damaged to show is offered its good backup.

    None when the user declined the restore (they were told what is wrong).
    """
    from jobtracker.file_backups import damaged_by

    for attempt in range(2):
        tracker = None
        try:
            tracker = Tracker.open(db_path, make_folder=make_folder)
            return MainWindow(tracker, settings, home_path=db_path)
        except Exception as error:
            if tracker is not None:
                tracker.close()
            if attempt or not damaged_by(db_path, error):
                raise
            if not _restore_at_start(db_path, error):
                return None
    raise AssertionError("unreachable")  # pragma: no cover


def _restore_at_start(db_path: Path, error: Exception) -> bool:
    """Say the file is damaged; restore the backup the user agrees to (False: none)."""
    from jobtracker import health
    from jobtracker.errors import DamagedDatabaseError
    from jobtracker.file_backups import damaged_error, restore_backup
    from jobtracker.ui.mainwindow.damage_banner import ask_to_restore

    damage = error if isinstance(error, DamagedDatabaseError) else damaged_error(
        db_path, health.check(db_path) or str(error), "nothing was saved")
    print(f"jobtracker: error: {damage}", file=sys.stderr)
    backup = ask_to_restore(damage)
    if backup is None:
        return False
    # This process holds the app's lock and has closed its own connections.
    restore_backup(db_path, backup, app_may_hold_lock=True)
    return True


def _already_open(claim: Claim, instance: SingleInstance) -> int:
    path = instance.db_path
    if claim is Claim.RAISED:
        print(f"jobtracker: JobTracker is already open on {path}; its window was brought to "
              "the front", file=sys.stderr)
        return 0
    pid = instance.owner_pid()
    text = QCoreApplication.translate(
        "app", "JobTracker is already open on %1 (process %2), but it does not answer.\n\n"
               "Switch to its window, or quit it and start JobTracker again.").replace(
        "%1", str(path)).replace("%2", str(pid) if pid else "?")
    print(f"jobtracker: {text.splitlines()[0]}", file=sys.stderr)
    QMessageBox.critical(None, QCoreApplication.translate("app", "JobTracker Is Already Open"),
                         literal(text))
    return 1
