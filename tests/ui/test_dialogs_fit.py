"""The smaller dialogs fit at every text size and in both themes, with every input named.

New Application, Import from URL and Preferences have their own, deeper tests in their rooms;
these are the dialogs opened from a row, a page or a menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from jobtracker.mail.service import ApplicationRef
from jobtracker.tracker import InterviewInput, SuggestionRow
from jobtracker.ui.contacts.contact_dialog import ContactDialog
from jobtracker.ui.detail.interview_dialog import InterviewDialog
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mail.suggestion_edit_dialog import SuggestionEditDialog
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.move_applications_dialog import MoveApplicationsDialog
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.dialog_checks import fit_problems, text_scale, unnamed_inputs
from tests.ui.helpers import add_apps

NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def _suggestion(window: MainWindow) -> SuggestionEditDialog:
    [app_id] = add_apps(window.tracker, ("Senior Backend Engineer", "Acme Robotics"))
    row = SuggestionRow(1, "<m1@acme.example>", NOW, "Acme Recruiting <jobs@acme.example>",
                        "Interview for the Senior Backend Engineer position", app_id,
                        "interview", "Interviewing", NOW + dt.timedelta(days=3),
                        "The message invites you to an interview: \u201cwe would like to "
                        "invite you\u201d.", "pending", "Personal",
                        "Senior Backend Engineer \u2014 Acme Robotics")
    refs = [ApplicationRef(app_id, "Acme Robotics", "Senior Backend Engineer", "Applied")]
    return SuggestionEditDialog(row, refs, window.tracker.stages(), parent=window)


def _interview(window: MainWindow) -> InterviewDialog:
    [app_id] = add_apps(window.tracker, ("Platform Engineer", "Nimbus Labs"))
    window.tracker.add_interview(app_id, InterviewInput(
        "Technical interview", NOW + dt.timedelta(days=2), timezone="Europe/Berlin",
        meeting_url="https://meet.example/abc", interviewers="Jane Smith, Ravi Patel"))
    existing = window.tracker.get_application(app_id).interviews[0]
    return InterviewDialog(window, existing=existing, contact_names=["Jane Smith"])


DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "contact": lambda window: ContactDialog(window, companies=["Acme Robotics", "Globex"]),
    "interview": _interview,
    "mail account": lambda window: MailAccountDialog(window.tracker, window.mail, parent=window),
    "suggestion": _suggestion,
    "shortcuts": lambda window: window.show_shortcuts(),
    "move applications": lambda window: MoveApplicationsDialog(
        "Technical Interviews", 12, ["Saved", "Applied", "Screening", "Offer"], "Screening",
        parent=window),
}


@pytest.fixture
def themed() -> Iterator[Callable[[str], None]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield lambda theme: apply_theme(app, theme)
    apply_theme(app, "light")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0], ids=["100%", "150%", "200%"])
@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_fits_and_names_its_inputs(qtbot: QtBot, window: MainWindow,
                                              themed: Callable[[str], None], name: str,
                                              scale: float, theme: str) -> None:
    themed(theme)
    with text_scale(scale):
        dialog = DIALOGS[name](window)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems = fit_problems(dialog) + unnamed_inputs(dialog)
        dialog.reject()
    assert problems == [], f"{name} at {scale:.0%}, {theme}: {problems}"
