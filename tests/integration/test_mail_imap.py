"""The scan against a real Dovecot on 127.0.0.1: results, UIDs, caps, cancel, TLS modes."""

from __future__ import annotations

import datetime as dt
import imaplib
import socket
import ssl
import threading
from collections.abc import Iterator

import pytest

from jobtracker.mail import imap
from jobtracker.mail.accounts import MailAccount, MailAccountError
from jobtracker.mail.match import ApplicationRef, MatchIndex, StageInfo
from jobtracker.mail.scan import FolderState, ScanJob, ScanLimits, execute_scan
from tests.imap_server import ImapServer, remove, start_imap_server

STAGES = tuple(StageInfo(name, kind, i) for i, (name, kind) in enumerate(
    [("Saved", "open"), ("Applied", "open"), ("Screening", "open"), ("Interviewing", "open"),
     ("Offer", "offer"), ("Accepted", "won"), ("Rejected", "lost")]))
INDEX = MatchIndex((ApplicationRef(7, "Acme", "Backend Engineer", "Applied",
                                   domains=("acme.example",)),), STAGES)


def message(n: int, *, subject: str = "Your application", body: str | None = None,
            day: int = 20, extra: bytes = b"") -> bytes:
    text = body or ("Hi Alex,\r\n\r\nUnfortunately we have decided not to move forward with "
                    "your application.\r\n\r\nAcme")
    return (f"From: Acme Hiring <jobs@acme.example>\r\nTo: alex@example.net\r\n"
            f"Subject: {subject} {n}\r\nDate: Fri, {day} Nov 2026 10:00:00 +0100\r\n"
            f"Message-ID: <msg-{n}@acme.example>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"\r\n{text}\r\n").encode() + extra


@pytest.fixture
def server(imap_server: ImapServer) -> ImapServer:
    imap_server.reset_mailbox()
    return imap_server


@pytest.fixture
def trusted(server: ImapServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(server.cafile))


def account(server: ImapServer, security: str = "ssl", folders: tuple[str, ...] = ("INBOX",)
            ) -> MailAccount:
    port = server.imaps_port if security == "ssl" else server.imap_port
    return MailAccount("Work", "127.0.0.1", port, security, server.user,  # type: ignore[arg-type]
                       folders)


def job(acct: MailAccount, states: tuple[FolderState, ...] = ()) -> ScanJob:
    return ScanJob(acct, states, None, INDEX)


# -- test connection ------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["ssl", "starttls", "plain"])
def test_connection_succeeds_over_each_security_mode(server: ImapServer,
                                                     trusted: ssl.SSLContext, security: str):
    result = imap.test_connection(account(server, security), server.password,
                                  ssl_context=trusted)
    assert result.startswith(f"Connected to 127.0.0.1:{account(server, security).port} as test")
    assert "1 folder found" in result


def test_connection_names_a_missing_folder(server: ImapServer, trusted: ssl.SSLContext):
    with pytest.raises(imap.MailError, match="no folder named 'Jobs'"):
        imap.test_connection(account(server, folders=("INBOX", "Jobs")), server.password,
                             ssl_context=trusted)


def test_certificate_problem_with_the_default_context(server: ImapServer):
    # The product's own context (system trust) must refuse the self-signed test server.
    with pytest.raises(imap.MailCertificateError, match=r"certificate of 127\.0\.0\.1:\d+"):
        imap.test_connection(account(server), server.password)
    with pytest.raises(imap.MailCertificateError):
        imap.test_connection(account(server, "starttls"), server.password)


def test_unreachable_when_nothing_listens():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    acct = MailAccount("Work", "127.0.0.1", port, "plain", "test")
    with pytest.raises(imap.MailUnreachableError, match=f"cannot connect to 127.0.0.1:{port}"):
        imap.test_connection(acct, "x", timeout=5)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A socket that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_timeout_when_the_server_never_greets(silent_server: int):
    acct = MailAccount("Work", "127.0.0.1", silent_server, "plain", "test")
    with pytest.raises(imap.MailTimeoutError, match=f"127.0.0.1:{silent_server} did not answer"):
        imap.test_connection(acct, "x", timeout=0.5)


def test_wrong_password_is_an_auth_error_without_the_password():
    # Its own server: Dovecot slows every later login from 127.0.0.1 after a failure.
    server = start_imap_server()
    try:
        context = ssl.create_default_context(cafile=str(server.cafile))
        with pytest.raises(imap.MailAuthError) as error:
            imap.test_connection(account(server), "not-the-Password-1", ssl_context=context)
    finally:
        remove(server)
    assert f"127.0.0.1:{server.imaps_port} refused the user name or password" in str(error.value)
    assert "not-the-Password-1" not in str(error.value)


# -- scanning -------------------------------------------------------------------------------


def test_scan_reads_new_messages_once_and_never_marks_them_read(server: ImapServer,
                                                                trusted: ssl.SSLContext):
    for n in (1, 2):
        server.deliver(message(n))
    first = execute_scan(job(account(server)), server.password, ssl_context=trusted)
    assert first.messages_read == 2
    assert [d.message_id for d in first.suggestions] == ["<msg-1@acme.example>",
                                                         "<msg-2@acme.example>"]
    assert {(d.application_id, d.kind, d.proposed_stage) for d in first.suggestions} == {
        (7, "rejection", "Rejected")}
    again = execute_scan(job(account(server), first.states), server.password,
                         ssl_context=trusted)
    assert (again.messages_read, again.suggestions) == (0, ())
    server.deliver(message(3))
    third = execute_scan(job(account(server), again.states), server.password,
                         ssl_context=trusted)
    assert [d.message_id for d in third.suggestions] == ["<msg-3@acme.example>"]
    assert third.states[0].last_uid == 3
    # BODY.PEEK and EXAMINE: the user's unread mail stays unread.
    with imaplib.IMAP4_SSL("127.0.0.1", server.imaps_port, ssl_context=trusted) as conn:
        token = f"\0{server.user}\0{server.password}".encode()
        conn.authenticate("PLAIN", lambda _challenge: token)
        conn.select("INBOX", readonly=True)
        assert conn.search(None, "UNSEEN")[1][0].split() == [b"1", b"2", b"3"]


def test_uidvalidity_change_rescans_the_folder(server: ImapServer, trusted: ssl.SSLContext):
    server.deliver(message(1))
    first = execute_scan(job(account(server)), server.password, ssl_context=trusted)
    # The server renumbers: new UIDVALIDITY, UIDs from 1 again.
    server.reset_mailbox(uidvalidity=first.states[0].uidvalidity + 1)
    server.deliver(message(1))
    server.deliver(message(2))
    second = execute_scan(job(account(server), first.states), server.password,
                          ssl_context=trusted)
    assert second.states[0].uidvalidity != first.states[0].uidvalidity
    assert second.messages_read == 2
    assert any("new UIDVALIDITY" in note for note in second.notes)


def test_folders_are_scanned_each_with_its_own_state(server: ImapServer,
                                                     trusted: ssl.SSLContext):
    server.deliver(message(1))
    server.deliver(message(2), "Jobs")
    outcome = execute_scan(job(account(server, folders=("INBOX", "Jobs"))), server.password,
                           ssl_context=trusted)
    assert [(s.folder, s.last_uid) for s in outcome.states] == [("INBOX", 1), ("Jobs", 1)]
    assert len(outcome.suggestions) == 2


def test_size_cap_reads_only_the_start_of_a_huge_message(server: ImapServer,
                                                         trusted: ssl.SSLContext):
    filler = b"X" * 200_000 + b"\r\nUnfortunately we have decided not to move forward.\r\n"
    server.deliver(message(1, body="Hello Alex, a long one follows.", extra=filler))
    outcome = execute_scan(job(account(server)), server.password, ssl_context=trusted,
                           limits=ScanLimits(max_message_bytes=4096))
    assert outcome.messages_read == 1
    # The rejection sits beyond the cap, so it was never read: no suggestion.
    assert outcome.suggestions == ()
    assert outcome.notes == ("message 1 in INBOX is 195 kB; only its first 4 kB were read",)


def test_cancel_stops_between_messages_and_keeps_the_place(server: ImapServer,
                                                          trusted: ssl.SSLContext):
    for n in range(1, 6):
        server.deliver(message(n))
    seen: list[tuple[int, int]] = []
    outcome = execute_scan(job(account(server)), server.password, ssl_context=trusted,
                           progress=lambda done, total: seen.append((done, total)),
                           cancelled=lambda: len(seen) > 2)
    assert outcome.cancelled
    assert outcome.messages_read == 2
    assert seen == [(0, 5), (1, 5), (2, 5)]
    assert outcome.states[0].last_uid == 2
    rest = execute_scan(job(account(server), outcome.states), server.password,
                        ssl_context=trusted)
    assert rest.messages_read == 3 and not rest.cancelled


def test_time_cap_ends_the_scan_with_a_note(server: ImapServer, trusted: ssl.SSLContext):
    server.deliver(message(1))
    outcome = execute_scan(job(account(server)), server.password, ssl_context=trusted,
                           limits=ScanLimits(max_seconds=0))
    assert outcome.messages_read == 0
    assert outcome.states[0].last_uid == 0
    assert outcome.notes == ("stopped after 0 s; the next scan continues where this one ended",)


def test_since_skips_older_messages_on_a_first_scan(server: ImapServer,
                                                    trusted: ssl.SSLContext):
    server.deliver(message(1, day=2))
    server.deliver(message(2, day=20))
    outcome = execute_scan(ScanJob(account(server), (), dt.date(2026, 11, 10), INDEX),
                           server.password, ssl_context=trusted)
    assert [d.message_id for d in outcome.suggestions] == ["<msg-2@acme.example>"]


@pytest.mark.parametrize("security", ["starttls", "plain"])
def test_scan_works_over_starttls_and_plain_on_loopback(server: ImapServer,
                                                        trusted: ssl.SSLContext, security: str):
    server.deliver(message(1))
    outcome = execute_scan(job(account(server, security)), server.password, ssl_context=trusted)
    assert outcome.messages_read == 1


def test_plain_security_is_refused_for_a_remote_host():
    acct = MailAccount("Work", "imap.example.com", 143, "plain", "ann")
    with pytest.raises(MailAccountError, match=r"plain .* only allowed for a server on this"):
        execute_scan(ScanJob(acct, (), None, INDEX), "pw")

