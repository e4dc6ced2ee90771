"""Preferences: settings and stage edits kept on OK (undoable), every tab fits and is named."""

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.dialog_checks import (
    fit_problems,
    labels_without_mnemonic,
    text_scale,
    unnamed_inputs,
)


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


def names(window: MainWindow) -> list[str]:
    return [s.name for s in window.tracker.stages()]


def answer(monkeypatch, text: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (text, True)))


def edit_stages(dialog: PreferencesDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Rename Applied to Sent, move it down one, add Take-home after it."""
    dialog.ui.stagesList.setCurrentRow(1)  # Applied
    answer(monkeypatch, "Sent")
    dialog.ui.renameStageButton.click()
    dialog.ui.downStageButton.click()
    answer(monkeypatch, "Take-home")
    dialog.ui.addStageButton.click()
    shown = [dialog.ui.stagesList.item(i).text() for i in range(dialog.ui.stagesList.count())]
    assert shown[1:4] == ["Screening", "Sent", "Take-home"]


def test_stage_edits_wait_for_ok(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = names(window)
    dialog = window.open_preferences()
    edit_stages(dialog, monkeypatch)
    assert names(window) == before  # nothing saved while the dialog is open
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert names(window) == before
    assert not window.editor.stack.canUndo()


def test_stage_edits_applied_on_ok_as_one_undo(window: MainWindow,
                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = names(window)
    dialog = window.open_preferences()
    edit_stages(dialog, monkeypatch)
    dialog.ui.stagesList.setCurrentRow(3)  # Take-home, new: its delay is kept under its id
    dialog.ui.stageFollowUpSpin.setValue(4)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert names(window)[1:4] == ["Screening", "Sent", "Take-home"]
    assert dialog.stages_changed
    take_home = next(s.id for s in window.tracker.stages() if s.name == "Take-home")
    assert window.settings.stage_follow_up_days(take_home) == 4
    assert window.editor.stack.count() == 1
    window.editor.stack.undo()
    assert names(window) == before
    window.editor.stack.redo()
    assert names(window)[1:4] == ["Screening", "Sent", "Take-home"]


def test_stage_clash_refused_at_once(window: MainWindow,
                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    from jobtracker.ui.preferences import preferences_dialog

    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text: warnings.append(text)))
    dialog = PreferencesDialog(window.tracker, window.settings, window, editor=window.editor)
    answer(monkeypatch, "saved")
    dialog.ui.addStageButton.click()
    assert warnings and "already exists" in warnings[0]
    assert not dialog.stage_edits


def test_refused_edit_keeps_dialog_open(window: MainWindow,
                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    from jobtracker.ui.preferences import preferences_dialog

    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text: warnings.append(text)))
    before = names(window)
    dialog = window.open_preferences()
    dialog.ui.stagesList.setCurrentRow(0)
    answer(monkeypatch, "First")
    dialog.ui.renameStageButton.click()
    answer(monkeypatch, "x" * 80)  # longer than a stage name may be: refused on OK
    dialog.ui.addStageButton.click()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert warnings and dialog.isVisible()
    assert dialog.ui.tabs.currentWidget() is dialog.ui.stagesTab
    assert names(window) == before  # all or nothing: the rename was taken back too
    assert not window.editor.stack.canUndo()
    dialog.reject()


@pytest.mark.parametrize("theme", ("light", "dark"))
@pytest.mark.parametrize("scale", (1.0, 1.5, 2.0), ids=lambda s: f"{s:.0%}")
def test_every_tab_fits(qtbot: QtBot, window: MainWindow, scale: float, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        with text_scale(scale):
            dialog = window.open_preferences()
            qtbot.waitExposed(dialog)
            for index in range(dialog.ui.tabs.count()):
                dialog.ui.tabs.setCurrentIndex(index)
                QApplication.processEvents()
                tab = dialog.ui.tabs.tabText(index)
                assert not fit_problems(dialog), tab
                page = dialog.ui.tabs.widget(index)
                assert not unnamed_inputs(page), tab
                assert not labels_without_mnemonic(page), tab
            dialog.reject()
    finally:
        apply_theme(app, "light")


def test_general_labels_stand_clear_of_their_fields(window: MainWindow) -> None:
    dialog = window.open_preferences()
    ui = dialog.ui
    for label, field in ((ui.followUpDaysLabel, ui.followUpDaysSpin),
                         (ui.noReplyDaysLabel, ui.noReplyDaysSpin),
                         (ui.themeLabel, ui.themeCombo), (ui.dataFileLabel, ui.dataFileEdit)):
        text_end = label.x() + label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
        assert field.x() - text_end >= 8, label.objectName()
    # The three boxes share one label column, so their fields line up.
    assert len({field.mapTo(dialog, field.rect().topLeft()).x() for field in (
        ui.dataFileEdit, ui.followUpDaysSpin, ui.themeCombo)}) == 1
    dialog.reject()


def test_remove_an_unused_stage_on_ok_and_undo(window: MainWindow) -> None:
    before = window.tracker.stages()
    dialog = window.open_preferences()
    declined = [s.name for s in before].index("Declined")
    dialog.ui.stagesList.setCurrentRow(declined)
    dialog.ui.removeStageButton.click()
    assert "Declined" not in [dialog.ui.stagesList.item(i).text()
                              for i in range(dialog.ui.stagesList.count())]
    assert window.tracker.stages() == before  # not before OK
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Declined" not in names(window)
    window.editor.stack.undo()
    after = window.tracker.stages()
    # Back in its place with its kind and colour (under a new id).
    assert [(s.name, s.kind, s.color) for s in after] == [
        (s.name, s.kind, s.color) for s in before]


def _stage_texts(dialog: PreferencesDialog) -> list[str]:
    return [dialog.ui.stagesList.item(i).text() for i in range(dialog.ui.stagesList.count())]


def _answer_move(monkeypatch, pick: str | None, asked: list[tuple[str, str]]
                 ) -> None:  # type: ignore[no-untyped-def]
    """The move-to question answered with ``pick`` (None: Cancel); records what it offered."""
    from PySide6.QtWidgets import QDialog

    from jobtracker.ui.preferences.move_applications_dialog import MoveApplicationsDialog

    def answer_it(self: MoveApplicationsDialog) -> int:
        asked.append((self.label.text(), self.combo.currentText()))
        if pick is None:
            return QDialog.DialogCode.Rejected
        self.combo.setCurrentText(pick)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MoveApplicationsDialog, "exec", answer_it)


def test_remove_a_stage_with_applications_moves_them_on_ok_and_undo(
        window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jobtracker.tracker import ApplicationInput

    tracker = window.tracker
    apps = [tracker.add_application(ApplicationInput(title, "Acme", stage="Screening"))
            for title in ("Dev", "Ops")]
    before = tracker.stages()
    asked: list[tuple[str, str]] = []
    _answer_move(monkeypatch, "Offer", asked)
    dialog = window.open_preferences()
    dialog.ui.stagesList.setCurrentRow(names(window).index("Screening"))
    dialog.ui.removeStageButton.click()
    # Asked once, defaulting to the next stage of the same (open) kind.
    assert asked == [("&Move its 2 application(s) to:", "Interviewing")]
    assert "Screening" not in _stage_texts(dialog)
    assert tracker.stages() == before  # not before OK
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Screening" not in names(window)
    for app in apps:
        detail = tracker.get_application(app)
        assert detail.stage == "Offer"
        assert [e.to_stage for e in detail.events] == ["Screening", "Offer"]
    window.editor.stack.undo()
    assert tracker.stages() == before
    for app in apps:
        detail = tracker.get_application(app)
        assert (detail.stage, [e.to_stage for e in detail.events]) == ("Screening",
                                                                      ["Screening"])


def test_removing_a_stage_with_applications_cancelled(
        window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jobtracker.tracker import ApplicationInput

    tracker = window.tracker
    app = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Screening"))
    before = tracker.stages()
    asked: list[tuple[str, str]] = []
    # Cancel in the question keeps the stage in the list.
    _answer_move(monkeypatch, None, asked)
    dialog = window.open_preferences()
    dialog.ui.stagesList.setCurrentRow(names(window).index("Screening"))
    dialog.ui.removeStageButton.click()
    assert len(asked) == 1 and "Screening" in _stage_texts(dialog)
    assert not dialog.stage_edits
    # Cancel of the whole dialog after a staged removal changes nothing either.
    _answer_move(monkeypatch, "Rejected", asked)
    dialog.ui.removeStageButton.click()
    assert dialog.stage_edits
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert tracker.stages() == before
    assert tracker.get_application(app).stage == "Screening"
    assert not window.editor.stack.canUndo()


def test_a_stage_with_only_history_is_retired_without_a_question(
        window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jobtracker.tracker import ApplicationInput

    tracker = window.tracker
    app = tracker.add_application(ApplicationInput("Dev", "Acme", stage="Screening"))
    tracker.move_stage(app, "Interviewing")
    asked: list[tuple[str, str]] = []
    _answer_move(monkeypatch, "Offer", asked)
    dialog = window.open_preferences()
    dialog.ui.stagesList.setCurrentRow(names(window).index("Screening"))
    dialog.ui.removeStageButton.click()
    assert not asked
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Screening" not in names(window)
    # The timeline still shows it by name.
    assert [e.to_stage for e in tracker.get_application(app).events] == [
        "Screening", "Interviewing"]
    window.editor.stack.undo()
    assert "Screening" in names(window)


@pytest.mark.parametrize("scale", (1.0, 1.5, 2.0), ids=lambda s: f"{s:.0%}")
def test_move_question_fits_and_is_named(qtbot: QtBot, window: MainWindow,
                                         scale: float) -> None:
    from jobtracker.ui.preferences.move_applications_dialog import MoveApplicationsDialog

    with text_scale(scale):
        dialog = MoveApplicationsDialog("A rather long stage name", 12,
                                        ["Applied", "Interviewing", "Offer"], "Offer", window)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        assert dialog.chosen() == "Offer"
        assert not fit_problems(dialog)
        assert not unnamed_inputs(dialog)
        assert not labels_without_mnemonic(dialog)
        dialog.reject()
