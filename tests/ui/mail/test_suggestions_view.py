"""The mail inbox against a real Dovecot: add an account, scan, accept, undo, dismiss, cancel."""

from __future__ import annotations

import datetime as dt
import email
import json
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from jobtracker.mail.accounts import MailAccount
from jobtracker.models import Company
from jobtracker.tracker import ApplicationInput, SuggestionRow, Tracker
from jobtracker.ui.applications.board_view import BoardView
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mail.suggestion_edit_dialog import SuggestionEditDialog
from jobtracker.ui.mail.suggestions_view import SuggestionsModel, SuggestionsView, proposal_text
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog
from tests.imap_server import ImapServer
from tests.memory_keyring import MemoryKeyring
from tests.ui import mail_messages as mail

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def mailbox(imap_server: ImapServer) -> ImapServer:
    """The shared Dovecot with an empty mailbox, then the three test messages."""
    imap_server.reset_mailbox()
    for raw in mail.ALL:
        imap_server.deliver(raw)
    return imap_server


@pytest.fixture(autouse=True)
def _no_worker_outlives_the_test(qtbot: QtBot) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000), "a scan outlived its test"
    qtbot.wait(10)


def add_account_through_preferences(qtbot: QtBot, window: MainWindow, server: ImapServer,
                                    *, password: str | None = None, tls: bool = False) -> None:
    """Preferences › Mail › Add…, filled in as a user would, then OK on both dialogs."""
    prefs = window.open_mail_preferences()
    qtbot.mouseClick(prefs.mail_page.ui.addButton, LEFT)
    dialog = next(d for d in prefs.mail_page.findChildren(MailAccountDialog) if d.isVisible())
    ui = dialog.ui
    qtbot.keyClicks(ui.nameEdit, "Local")
    qtbot.keyClicks(ui.hostEdit, "127.0.0.1")
    ui.securityCombo.setCurrentIndex(ui.securityCombo.findData("ssl" if tls else "plain"))
    ui.portSpin.setValue(server.imaps_port if tls else server.imap_port)
    qtbot.keyClicks(ui.userEdit, server.user)
    # QTest types ASCII only; the server's password has an umlaut, so it is pasted in.
    ui.passwordEdit.insert(server.password if password is None else password)
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert not dialog.isVisible(), dialog.errors
    prefs.accept()


def scan(qtbot: QtBot, window: MainWindow) -> SuggestionsView:
    """File › Scan Mail, and wait for the worker's result to be saved."""
    inbox = window.inbox
    window.scan_mail_action.trigger()
    assert window.current_view() == "inbox"
    qtbot.waitUntil(lambda: not inbox.scanner.running, timeout=30_000)
    return inbox


def shown(inbox: SuggestionsView) -> list[SuggestionRow]:
    return [inbox.model.suggestion(row) for row in range(inbox.model.rowCount())]


def by_kind(inbox: SuggestionsView, kind: str) -> SuggestionRow:
    return next(row for row in shown(inbox) if row.kind == kind)


def events(tracker: Tracker, application_id: int) -> list[tuple[str, dt.date]]:
    return [(e.to_stage, e.occurred_on) for e in tracker.get_application(application_id).events]


def board_ids(qtbot: QtBot, window: MainWindow, stage: str) -> list[int]:
    window.show_view("board")
    board = window.view("board")
    assert isinstance(board, BoardView)
    qtbot.waitUntil(lambda: bool(board.columns) and not board._stale)
    column = board.column_of(stage)
    assert column is not None
    return [column.model.application(row).id for row in range(column.model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    at = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    rows = [
        SuggestionRow(1, "<a@x>", at, "Acme <jobs@acme.com>", "Your application", 1,
                      "rejection", "Rejected", None, "rejection: 'unfortunately'", "pending",
                      "Local", "Backend Engineer — Acme"),
        SuggestionRow(2, "<b@x>", at, "jane@globex.io", "Interview", None, "interview",
                      None, at + dt.timedelta(days=7), "interview: 'invite you'", "pending",
                      "Local", None),
    ]
    model = SuggestionsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    text = model.data(model.index(1, 0))
    assert "No tracked application" in text
    assert "(your time)" in text
    assert proposal_text(rows[0]) == "Move to Rejected"
    model.set_rows([])
    qtmodeltester.check(model)


def test_empty_inbox_without_an_account_offers_the_setup(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring) -> None:
    window.show_view("inbox")
    inbox = window.inbox
    assert inbox.ui.pages.currentWidget() is inbox.ui.emptyPage
    assert "No mail account is set up" in inbox.empty_message.text.text()
    assert inbox.ui.setupButton.isVisible()
    assert not inbox.ui.scanButton.isEnabled()
    qtbot.mouseClick(inbox.ui.setupButton, LEFT)
    [prefs] = [p for p in window.findChildren(PreferencesDialog) if p.isVisible()]
    assert prefs.ui.tabs.currentWidget() is prefs.mail_page


def test_scan_accept_undo_dismiss_against_a_real_server(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        mailbox: ImapServer) -> None:
    tracker = window.tracker
    acme, globex = mail.add_tracked(tracker)
    window.refresh()
    add_account_through_preferences(qtbot, window, mailbox)
    assert memory_keyring.entries == {("JobTracker", "Local"): mailbox.password}

    inbox = scan(qtbot, window)
    assert inbox.errors == []
    rows = shown(inbox)
    # The newsletter proposes nothing; the two replies are matched to their applications.
    assert sorted((r.kind, r.application_id, r.proposed_stage) for r in rows) == [
        ("interview", globex, "Interviewing"), ("rejection", acme, "Rejected")]
    assert window.sidebar.item(window.view_row("inbox")).text() == "Inbox (2)"
    assert "2 new suggestions" in inbox.ui.summaryLabel.text()
    rejection = by_kind(inbox, "rejection")
    text = inbox.model.data(inbox.model.index(inbox.model.row_of(rejection.id), 0))
    assert "Backend Engineer — Acme — Move to Rejected" in text
    assert "Unfortunately" in text  # the reason says why

    # Accept the rejection: one undoable action, dated by the message.
    assert inbox.select(rejection.id)
    qtbot.mouseClick(inbox.ui.acceptButton, LEFT)
    assert tracker.get_application(acme).stage == "Rejected"
    assert ("Rejected", dt.date(2026, 11, 24)) in events(tracker, acme)
    assert [r.id for r in shown(inbox)] == [by_kind(inbox, "interview").id]
    assert window.sidebar.item(window.view_row("inbox")).text() == "Inbox (1)"
    # The timeline, the table and the board show it.
    window.show_view("applications")
    assert window.applications.select_id(acme)
    tree = window.detail.timeline.tree
    assert (tree.topLevelItem(0).text(0), tree.topLevelItem(0).text(1)) == (
        "2026-11-24", "Rejected")
    model = window.applications.model
    assert model.application(model.row_of(acme)).stage == "Rejected"  # type: ignore[attr-defined]
    assert acme in board_ids(qtbot, window, "Rejected")

    # Undo takes exactly that back; the suggestion waits again.
    window.undo_action.trigger()
    assert tracker.get_application(acme).stage == "Applied"
    assert ("Rejected", dt.date(2026, 11, 24)) not in events(tracker, acme)
    assert acme in board_ids(qtbot, window, "Applied")
    window.show_view("inbox")
    assert sorted(r.kind for r in shown(inbox)) == ["interview", "rejection"]

    # Dismiss the invitation: gone, and no later scan brings it back, even one that
    # reads every message again (the server renumbered its folder).
    invitation = by_kind(inbox, "interview")
    assert inbox.select(invitation.id)
    qtbot.mouseClick(inbox.ui.dismissButton, LEFT)
    assert [r.kind for r in shown(inbox)] == ["rejection"]
    assert tracker.get_application(globex).stage == "Applied"
    scan(qtbot, window)
    assert [r.kind for r in shown(inbox)] == ["rejection"]
    mailbox.reset_mailbox()
    for raw in mail.ALL:
        mailbox.deliver(raw)
    scan(qtbot, window)
    assert inbox.errors == []
    assert [r.kind for r in shown(inbox)] == ["rejection"]
    # Undo of the dismissal brings it back.
    window.undo_action.trigger()
    assert sorted(r.kind for r in shown(inbox)) == ["interview", "rejection"]


def test_edit_chooses_another_application_and_stage(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        mailbox: ImapServer) -> None:
    tracker = window.tracker
    acme, globex = mail.add_tracked(tracker)
    window.refresh()
    add_account_through_preferences(qtbot, window, mailbox)
    inbox = scan(qtbot, window)
    invitation = by_kind(inbox, "interview")
    assert inbox.select(invitation.id)
    qtbot.mouseClick(inbox.ui.editButton, LEFT)
    dialog = next(d for d in inbox.findChildren(SuggestionEditDialog) if d.isVisible())
    ui = dialog.ui
    assert ui.applicationCombo.currentText() == "Data Analyst — Globex"
    assert ui.stageCombo.currentData() == "Interviewing"
    assert ui.interviewCheck.isChecked()
    # Part of a label is enough to find the application (set, not typed: the completer's
    # popup cannot grab the keyboard on the offscreen platform).
    ui.applicationCombo.setEditText("acme")
    ui.stageCombo.setCurrentIndex(ui.stageCombo.findData("Screening"))
    ui.interviewCheck.setChecked(False)
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert not dialog.isVisible()
    assert tracker.get_application(acme).stage == "Screening"
    assert ("Screening", dt.date(2026, 11, 25)) in events(tracker, acme)
    assert tracker.get_application(globex).stage == "Applied"
    assert invitation.id not in [r.id for r in shown(inbox)]


def test_an_unknown_application_is_refused_in_the_edit_dialog(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        mailbox: ImapServer) -> None:
    mail.add_tracked(window.tracker)
    window.refresh()
    add_account_through_preferences(qtbot, window, mailbox)
    inbox = scan(qtbot, window)
    assert inbox.select(by_kind(inbox, "rejection").id)
    dialog = inbox.edit_current()
    assert dialog is not None
    dialog.ui.applicationCombo.setEditText("Nothing like this")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert dialog.isVisible()
    assert dialog.ui.applicationError.isVisible()
    assert len(shown(inbox)) == 2


def test_cancel_during_a_scan_saves_nothing(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        mailbox: ImapServer) -> None:
    tracker = window.tracker
    mail.add_tracked(tracker)
    window.refresh()
    add_account_through_preferences(qtbot, window, mailbox)
    inbox = window.inbox
    reports: list[tuple[int, int]] = []

    def cancel_at_first_report(done: int, total: int) -> None:
        reports.append((done, total))
        if len(reports) == 1:
            assert inbox.ui.cancelButton.isVisible() and inbox.ui.cancelButton.isEnabled()
            qtbot.mouseClick(inbox.ui.cancelButton, LEFT)

    inbox.scanner.progress.connect(cancel_at_first_report)
    window.scan_mail_action.trigger()
    assert inbox.ui.progressRow.isVisible()
    qtbot.waitUntil(lambda: not inbox.scanner.running, timeout=30_000)
    inbox.scanner.progress.disconnect(cancel_at_first_report)
    assert reports and reports[0][1] == 3  # it was under way: three messages to read
    assert "cancelled" in inbox.ui.summaryLabel.text()
    assert not inbox.ui.progressRow.isVisible()
    # Nothing half-saved: no suggestion, no folder position, no last-scan time.
    assert tracker.mail_suggestions("all") == []
    assert tracker.prepare_scan("Local").states == ()
    assert tracker.mail_last_scan("Local") is None
    # So the next scan reads everything.
    scan(qtbot, window)
    assert len(shown(inbox)) == 2


def test_wrong_password_is_shown_plainly_and_saves_nothing(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        mailbox: ImapServer) -> None:
    add_account_through_preferences(qtbot, window, mailbox, password="not-the-password")
    inbox = scan(qtbot, window)
    assert len(inbox.errors) == 1
    assert inbox.errors[0].startswith("Local: ")
    assert "refused the user name or password" in inbox.errors[0]
    assert "refused the user name or password" in inbox.ui.summaryLabel.text()
    assert "not-the-password" not in inbox.ui.summaryLabel.text()
    assert window.tracker.mail_suggestions("all") == []


def test_without_a_keyring_the_password_is_asked_once_per_session(
        qtbot: QtBot, window: MainWindow, mailbox: ImapServer) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        mail.add_tracked(window.tracker)
        window.refresh()
        # An account saved without a password (it would not be remembered anyway).
        window.tracker.save_mail_account(MailAccount(
            "Local", "127.0.0.1", mailbox.imap_port, "plain", mailbox.user))
        window.refresh()
        inbox = window.inbox
        window.scan_mail_action.trigger()
        prompt = next(d for d in inbox.findChildren(QInputDialog) if d.isVisible())
        assert "kept only until JobTracker quits" in prompt.labelText()
        prompt.setTextValue(mailbox.password)
        prompt.accept()
        qtbot.waitUntil(lambda: not inbox.scanner.running, timeout=30_000)
        assert len(shown(inbox)) == 2
        assert window.mail.problem is not None
        # Asked once: the second scan of this session uses it again without a prompt.
        assert scan(qtbot, window).errors == []
        assert not [d for d in inbox.findChildren(QInputDialog) if d.isVisible()]
    finally:
        keyring.set_keyring(previous)


def test_unmatched_job_mail_can_create_an_application(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        imap_server: ImapServer) -> None:
    imap_server.reset_mailbox()
    imap_server.deliver(mail.UNMATCHED)
    tracker = window.tracker
    add_account_through_preferences(qtbot, window, imap_server)
    inbox = scan(qtbot, window)
    [row] = shown(inbox)
    assert row.application_id is None
    assert "No tracked application" in inbox.model.data(inbox.model.index(0, 0))
    assert inbox.select(row.id)
    assert not inbox.ui.acceptButton.isEnabled()
    assert inbox.ui.createButton.isEnabled()
    qtbot.mouseClick(inbox.ui.createButton, LEFT)
    [created] = tracker.list_applications()
    assert created.company == "Hooli"
    assert shown(inbox) == []
    assert window.applications.model.rowCount() == 1
    window.undo_action.trigger()
    assert tracker.count_applications() == 0
    assert [r.id for r in shown(inbox)] == [row.id]


CORPUS = Path(__file__).parents[2] / "data" / "mail"


def test_the_mail_corpus_over_tls_through_the_inbox(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        imap_server: ImapServer) -> None:
    """The core's realistic mailbox (tests/data/mail), scanned from the app over SSL/TLS."""
    manifest: dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text("utf-8"))
    tracker = window.tracker
    ids = {}
    for key, app in manifest["applications"].items():
        # In their stages since before the mails: a mail older than the current stage's
        # event is refused, it no longer slots in and moves that event back.
        ids[key] = tracker.add_application(ApplicationInput(
            title=app["title"], company=app["company"], url=app.get("url"), stage=app["stage"]),
            stage_on=dt.date(2026, 11, 1))
        if app.get("website"):
            with tracker.db.write() as session:
                session.execute(update(Company).where(Company.name == app["company"])
                                .values(website=app["website"]))
    window.refresh()
    imap_server.reset_mailbox()
    names_by_id = {}
    for name in sorted(manifest["messages"]):
        raw = (CORPUS / name).read_bytes()
        names_by_id[str(email.message_from_bytes(raw)["Message-ID"]).strip()] = name
        imap_server.deliver(raw, name=name.removesuffix(".eml"))
    # The product verifies certificates against the system's roots; the test server's
    # self-signed one is trusted here the same way a user's own CA would be.
    window.mail.ssl_context = ssl.create_default_context(cafile=str(imap_server.cafile))
    add_account_through_preferences(qtbot, window, imap_server, tls=True)
    reports: list[tuple[int, int]] = []
    window.inbox.scanner.progress.connect(lambda done, total: reports.append((done, total)))
    inbox = scan(qtbot, window)
    assert inbox.errors == []
    total = len(manifest["messages"])
    assert reports[0] == (0, total) and reports[-1] == (total, total)
    rows = shown(inbox)
    assert [r.id for r in rows] == [r.id for r in tracker.mail_suggestions()]
    assert window.sidebar.item(window.view_row("inbox")).text() == f"Inbox ({len(rows)})"
    shown_names = {names_by_id[r.message_id] for r in rows}
    # Job alerts and newsletters never reach the inbox.
    assert not {n for n in shown_names if n.startswith(("alert-", "newsletter-"))}
    expected = {n for n, m in manifest["messages"].items() if m["suggestion"]}
    assert len(shown_names & expected) >= 0.85 * len(expected)

    # Accept the Greenhouse invitation: stage and interview, dated by the message.
    row = next(r for r in rows if names_by_id[r.message_id] == "greenhouse-acme-interview.eml")
    assert (row.application_id, row.proposed_stage) == (ids["acme-backend"], "Interviewing")
    assert inbox.select(row.id)
    qtbot.mouseClick(inbox.ui.acceptButton, LEFT)
    detail = tracker.get_application(ids["acme-backend"])
    assert detail.stage == "Interviewing"
    assert ("Interviewing", dt.date(2026, 11, 25)) in events(tracker, ids["acme-backend"])
    assert [i.starts_at for i in detail.interviews] == [
        dt.datetime(2026, 12, 2, 13, 30, tzinfo=dt.UTC)]
    assert ids["acme-backend"] in board_ids(qtbot, window, "Interviewing")
