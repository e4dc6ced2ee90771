"""Screenshots of the mail parts: Preferences › Mail, the account dialog, the inbox.

Called by ``scripts/screenshots.py`` per theme; alone:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/mail_shots.py [--out DIR]``.
No mail server is contacted: the suggestions are saved through ``save_scan`` as a
scan would save them, from drafts written here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.scan import FolderState, ScanOutcome
from jobtracker.mail.suggest import SuggestionDraft
from jobtracker.secrets import SessionSecretStore
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.mainwindow.app import make_application
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)  # the window's default size
CET = dt.timezone(dt.timedelta(hours=1))


def _grab(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def mail_sample(path: Path) -> Tracker:
    """A few applications, one mail account and the suggestions a scan would have made."""
    tracker = Tracker.open(path)
    apps = {}
    for title, company, url, on in (
            ("Backend Engineer", "Acme", "https://acme.com/careers/42", dt.date(2026, 11, 3)),
            ("Data Analyst", "Globex", "https://globex.io/jobs/7", dt.date(2026, 11, 9)),
            ("Platform Engineer", "Nimbus Labs", "https://nimbus.example/jobs/3",
             dt.date(2026, 11, 12)),
            ("Product Designer", "Initech", None, dt.date(2026, 11, 14))):
        apps[company] = tracker.add_application(
            ApplicationInput(title, company, url=url, stage="Applied"), stage_on=on)
    tracker.save_mail_account(MailAccount("Personal", "imap.fastmail.com", 993, "ssl",
                                          "ann@fastmail.com", ("INBOX", "Jobs")))
    drafts = (
        SuggestionDraft(
            "<r1@acme.com>", dt.datetime(2026, 11, 24, 10, 2, tzinfo=CET),
            "Acme Recruiting <jobs@acme.com>", "Your application for Backend Engineer",
            apps["Acme"], "rejection", "Rejected", None,
            "The message says they are not moving forward with you: \u201cUnfortunately we "
            "have decided not to move forward\u201d. It comes from acme.com, Acme's domain."),
        SuggestionDraft(
            "<i1@globex.io>", dt.datetime(2026, 11, 25, 9, 14, tzinfo=CET),
            "Jane Smith <jane@globex.io>", "Interview for the Data Analyst position",
            apps["Globex"], "interview", "Interviewing",
            dt.datetime(2026, 12, 1, 14, 30, tzinfo=CET),
            "The message invites you to an interview: \u201cwe would like to invite "
            "you\u201d. It comes from globex.io, Globex's domain."),
        SuggestionDraft(
            "<a1@greenhouse.io>", dt.datetime(2026, 11, 26, 16, 40, tzinfo=CET),
            "Nimbus Labs <no-reply@greenhouse.io>", "Take-home exercise: Platform Engineer",
            apps["Nimbus Labs"], "assessment", "Screening", None,
            "The message asks you to complete an assessment: \u201ctake-home "
            "exercise\u201d. It names Nimbus Labs and the job title Platform Engineer."),
        SuggestionDraft(
            "<u1@hooli.example>", dt.datetime(2026, 11, 27, 11, 5, tzinfo=CET),
            "Hooli Talent <talent@hooli.example>", "Thanks for applying to Hooli",
            None, "received", "Applied", None,
            "The message confirms that your application arrived: \u201cthank you for "
            "applying\u201d. No tracked application matches it; Create Application can "
            "track one."),
    )
    tracker.save_scan(ScanOutcome("Personal", drafts, (FolderState("INBOX", 1, 120),), 120,
                                  False, ()))
    return tracker


def shoot_mail(app: QApplication, theme: str, out: Path, work: Path) -> None:
    """The inbox with suggestions, Preferences › Mail and the account dialog, in ``theme``."""
    apply_theme(app, theme)
    settings = Settings(QSettings(str(work / f"settings-mail-{theme}.ini"),
                                  QSettings.Format.IniFormat))
    tracker = mail_sample(work / f"mail-{theme}.db")
    window = MainWindow(tracker, settings)
    # The keyring is not touched for pictures: an in-memory store, as if it were usable.
    window.mail = MailContext(SessionSecretStore(), None)
    window.resize(*SIZE)
    window.show()
    window.show_view("inbox")
    window.inbox.refresh_now()
    window.inbox.ui.suggestionsList.setCurrentIndex(window.inbox.model.index(1, 0))
    _grab(app, window, out / f"mail-inbox-{theme}.png")
    prefs = window.open_mail_preferences()
    prefs.resize(prefs.sizeHint().expandedTo(prefs.size()))
    _grab(app, prefs, out / f"preferences-mail-{theme}.png")
    dialog = MailAccountDialog(tracker, window.mail, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    dialog.ui.addressEdit.setText("ann@gmail.com")
    dialog.ui.addressEdit.textEdited.emit("ann@gmail.com")
    dialog.show()
    dialog.adjustSize()
    _grab(app, dialog, out / f"mail-account-dialog-{theme}.png")
    dialog.close()
    prefs.close()
    window.close()
    tracker.close()


def main(argv: list[str] | None = None) -> int:
    """Write the mail screenshots alone."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    with tempfile.TemporaryDirectory() as work:
        for theme in ("light", "dark"):
            shoot_mail(app, theme, args.out, Path(work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
