from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog


def test_preferences_saved_and_applied(window: MainWindow) -> None:
    dialog = window.open_preferences()
    assert dialog.ui.dataFileEdit.text() == str(window.tracker.db.path)
    dialog.ui.followUpDaysSpin.setValue(10)
    dialog.ui.themeCombo.setCurrentIndex(dialog.ui.themeCombo.findData("dark"))
    dialog.ui.dateFormatCombo.setCurrentIndex(dialog.ui.dateFormatCombo.findData("long"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.settings.follow_up_days() == 10
    assert window.settings.theme() == "dark"
    assert window.settings.date_format() == "long"
    window.settings.set_theme("light")
    window._preferences_applied()


def test_cancel_keeps_settings(window: MainWindow) -> None:
    dialog = window.open_preferences()
    dialog.ui.followUpDaysSpin.setValue(42)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.settings.follow_up_days() == 7


def test_stages_editor(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(window.tracker, window.settings, window)
    stages = dialog.ui.stagesList
    stages.setCurrentRow(1)  # Applied
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sent", True)))
    dialog.ui.renameStageButton.click()
    assert [s.name for s in window.tracker.stages()][1] == "Sent"
    dialog.ui.downStageButton.click()
    assert [s.name for s in window.tracker.stages()][1:3] == ["Screening", "Sent"]
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Take-home", True)))
    dialog.ui.addStageButton.click()
    assert "Take-home" in [s.name for s in window.tracker.stages()]
    assert dialog.stages_changed
    # A duplicate name is refused with a message, not a crash.
    warnings: list[str] = []
    from jobtracker.ui.preferences import preferences_dialog

    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text: warnings.append(text)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("saved", True)))
    dialog.ui.addStageButton.click()
    assert warnings and "already exists" in warnings[0]
    dialog.reject()
