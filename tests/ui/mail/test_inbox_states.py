"""The Inbox's states without a mail server: empty pages, and the selection after answering."""

from __future__ import annotations

import datetime as dt

from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.scan import FolderState, ScanOutcome
from jobtracker.mail.suggest import SuggestionDraft
from jobtracker.tracker import ApplicationInput
from jobtracker.ui.mainwindow.main_window import MainWindow

CET = dt.timezone(dt.timedelta(hours=1))


def draft(n: int, application_id: int) -> SuggestionDraft:
    return SuggestionDraft(
        message_id=f"<m{n}@acme.example>", date=dt.datetime(2026, 11, 28, 20 - n, 30, tzinfo=CET),
        sender="Acme Hiring <jobs@acme.example>", subject=f"Your application {n}",
        application_id=application_id, kind="rejection", proposed_stage="Rejected",
        interview_at=None, reason="The message says they are not moving forward with you.")


def fill(window: MainWindow, count: int) -> list[int]:
    """An account, ``count`` applications and one suggestion for each, newest first."""
    tracker = window.tracker
    tracker.save_mail_account(MailAccount("Work", "imap.example.com", 993, "ssl", "ann"))
    ids = [tracker.add_application(ApplicationInput(f"Job {n}", f"Company {n}"))
           for n in range(count)]
    drafts = tuple(draft(n, app) for n, app in enumerate(ids))
    tracker.save_scan(ScanOutcome("Work", drafts, (FolderState("INBOX", 77, 5),), count,
                                  False, ()))
    window.refresh()
    window.show_view("inbox")
    return ids


def subjects(window: MainWindow) -> list[str]:
    model = window.inbox.model
    return [model.suggestion(row).subject for row in range(model.rowCount())]


def test_empty_inbox_says_what_goes_there(window: MainWindow) -> None:
    window.show_view("inbox")
    inbox = window.inbox
    assert inbox.ui.pages.currentWidget() is inbox.ui.emptyPage
    assert inbox.empty_message.heading.text() == "Mail is not set up"
    assert inbox.ui.setupButton.isVisible()
    window.tracker.save_mail_account(MailAccount("Work", "imap.example.com", 993, "ssl", "ann"))
    inbox.reload()
    assert inbox.empty_message.heading.text() == "No suggestions waiting"
    assert "Scan Mail" in inbox.empty_message.text.text()
    assert not inbox.ui.setupButton.isVisible()


def test_accept_selects_the_next_suggestion_in_the_same_place(window: MainWindow) -> None:
    fill(window, 3)
    inbox = window.inbox
    before = subjects(window)
    inbox.select(inbox.model.suggestion(1).id)
    assert inbox.accept_current()
    assert subjects(window) == [before[0], before[2]]
    current = inbox.current()
    assert current is not None and current.subject == before[2]
    # The last one answered: the one before it takes the selection.
    assert inbox.dismiss_current()
    current = inbox.current()
    assert current is not None and current.subject == before[0]


def test_undo_brings_the_answered_suggestion_back_selected(window: MainWindow) -> None:
    fill(window, 2)
    inbox = window.inbox
    first = inbox.current()
    assert first is not None
    assert inbox.accept_current()
    window.undo_action.trigger()
    assert inbox.model.row_of(first.id) >= 0
    assert window.statusBar().currentMessage().startswith("Undone: ")
