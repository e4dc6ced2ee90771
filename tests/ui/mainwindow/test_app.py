from pathlib import Path

from jobtracker.ui.mainwindow import app as app_module


def test_run_shows_a_message_when_the_database_cannot_be_opened(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        staticmethod(lambda _p, _t, text: shown.append(text)))
    assert app_module.run(bad, []) == 1
    assert shown and "not a JobTracker database" in shown[0]


def test_run_opens_the_window(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    # Quit as soon as the event loop runs: run() must return 0 and close the database.
    QTimer.singleShot(0, QApplication.closeAllWindows)
    assert app_module.run(tmp_path / "jobtracker.db", []) == 0
    assert (tmp_path / "jobtracker.db").exists()
    assert QApplication.organizationName() == "JobTracker"
