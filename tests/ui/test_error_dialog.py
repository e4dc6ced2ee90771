import sys

from PySide6.QtGui import QGuiApplication

from jobtracker.ui.error_dialog import ErrorDialog, error_report, install_excepthook


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


def test_excepthook_shows_dialog_and_logs(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.report) or 0)
    monkeypatch.setattr("jobtracker.ui.error_dialog.log_dir", lambda: tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: None)
    try:
        raise ValueError("unexpected")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert shown and "ValueError: unexpected" in shown[0]
    assert "ValueError: unexpected" in (tmp_path / "errors.log").read_text(encoding="utf-8")
