"""The New Application dialog: room at every text size, tab order, names, prefill, saving."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.dialog_checks import (
    fit_problems,
    labels_without_mnemonic,
    name_of,
    tab_chain,
    text_scale,
    unnamed_inputs,
)
from tests.ui.helpers import TODAY


def make_dialog(qtbot: QtBot, tracker: Tracker, prefill: ApplicationInput | None = None,
                ) -> NewApplicationDialog:
    editor = Editor(tracker)
    dialog = NewApplicationDialog(editor.add_application, stages=tracker.stages(),
                                  companies=tracker.company_names(), today=TODAY,
                                  follow_up_days=7, prefill=prefill)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("theme", ("light", "dark"))
@pytest.mark.parametrize("scale", (1.0, 1.5, 2.0), ids=lambda s: f"{s:.0%}")
def test_fits_at_every_text_size(qtbot: QtBot, ui_tracker: Tracker, scale: float,
                                 theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        with text_scale(scale):
            dialog = make_dialog(qtbot, ui_tracker)
            assert not fit_problems(dialog)
            # Air between the last row and the buttons (they touched before).
            last = dialog.ui.followUpEdit
            bottom = last.mapTo(dialog, last.rect().bottomLeft()).y()
            assert dialog.ui.buttonBox.geometry().top() - bottom >= 12
    finally:
        apply_theme(app, "light")


def test_keyboard_and_screen_reader(qtbot: QtBot, ui_tracker: Tracker) -> None:
    dialog = make_dialog(qtbot, ui_tracker)
    ui = dialog.ui
    assert not unnamed_inputs(dialog)
    assert not labels_without_mnemonic(dialog)
    assert dialog.focusWidget() is ui.titleEdit
    chain = [name_of(w) for w in tab_chain(dialog, ui.titleEdit)]
    inputs = ["titleEdit", "companyEdit", "stageCombo", "appliedOnEdit", "locationEdit",
              "urlEdit", "prioritySpin", "followUpCheck", "followUpEdit"]
    assert [name for name in chain if name in inputs] == inputs  # top to bottom
    assert chain[:len(inputs)] == inputs  # and before the buttons


def test_prefilled_from_an_import(qtbot: QtBot, ui_tracker: Tracker) -> None:
    url = "https://jobs.example.com/42"
    dialog = make_dialog(qtbot, ui_tracker, ApplicationInput(title="", company="", url=url))
    ui = dialog.ui
    assert ui.urlEdit.text() == url
    assert dialog.focusWidget() is ui.titleEdit
    qtbot.keyClicks(ui.titleEdit, "Backend Developer")
    qtbot.keyClicks(ui.companyEdit, "Acme")
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.application_id is not None
    saved = ui_tracker.get_application(dialog.application_id)
    assert (saved.title, saved.company, saved.url) == ("Backend Developer", "Acme", url)


def test_refused_draft_keeps_the_dialog_open(qtbot: QtBot, ui_tracker: Tracker) -> None:
    dialog = make_dialog(qtbot, ui_tracker)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.application_id is None
    assert dialog.ui.titleError.isVisible()
