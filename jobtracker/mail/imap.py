"""Connecting to an IMAP server; failures named plainly: auth, certificate, unreachable, timeout."""

from __future__ import annotations

import ast
import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator

from jobtracker.errors import JobTrackerError
from jobtracker.logs import add_secret, scrub_secrets
from jobtracker.mail.accounts import MailAccount


class MailError(JobTrackerError):
    """Reading the mailbox failed; the message names the server."""


class MailAuthError(MailError):
    """The server refused the user name or password."""


class MailCertificateError(MailError):
    """The server's certificate could not be verified."""


class MailUnreachableError(MailError):
    """No connection to the server (wrong host, port closed, no network)."""


class MailTimeoutError(MailError):
    """The server did not answer in time."""


class MailProtocolError(MailError):
    """The server answered something unexpected."""


def _where(account: MailAccount) -> str:
    return f"{account.host}:{account.port}"


def _plain(error: BaseException) -> str:
    """The words of ``error`` (often the server's), without the password in any form.

    Every server message shown or logged passes here; the password was handed to
    :func:`jobtracker.logs.add_secret` at login, so whatever a server echoes of it (the
    LOGIN line quoted back, the SASL PLAIN blob, a URL-encoded copy) is redacted.
    """
    text = str(error).strip()
    if isinstance(error, imaplib.IMAP4.error) and re.fullmatch(r"b(['\"]).*\1", text, re.S):
        # imaplib puts the server's words in a bytes repr: b'[AUTHENTICATIONFAILED] ...';
        # read back as the bytes they were, so escapes (\\, \xc3) are the server's text again.
        try:
            text = ast.literal_eval(text).decode("utf-8", "replace")
        except (ValueError, SyntaxError, AttributeError):
            text = text[2:-1]
    return scrub_secrets(text) or type(error).__name__


def translate(account: MailAccount, error: BaseException) -> MailError:
    """The plain MailError for a low-level failure while talking to ``account``'s server."""
    where = _where(account)
    if isinstance(error, MailError):
        return error
    if isinstance(error, ssl.SSLCertVerificationError):
        return MailCertificateError(
            f"the certificate of {where} could not be verified ({error.verify_message}); "
            "the connection was not used")
    if isinstance(error, TimeoutError | socket.timeout):
        return MailTimeoutError(f"{where} did not answer in time")
    if isinstance(error, ssl.SSLError):
        return MailProtocolError(f"a secure connection to {where} failed ({error.reason})")
    if isinstance(error, socket.gaierror):
        return MailUnreachableError(f"cannot find the host {account.host} ({error.strerror})")
    if isinstance(error, ConnectionError | OSError) and not isinstance(error, imaplib.IMAP4.error):
        reason = getattr(error, "strerror", None) or _plain(error)
        return MailUnreachableError(f"cannot connect to {where} ({reason})")
    if isinstance(error, imaplib.IMAP4.abort):
        return MailProtocolError(f"{where} closed the connection ({_plain(error)})")
    return MailProtocolError(f"{where} answered unexpectedly ({_plain(error)})")


def connect(account: MailAccount, *, timeout: float,
            ssl_context: ssl.SSLContext | None = None) -> imaplib.IMAP4:
    """A connection to ``account``'s server, secured as configured (not logged in yet)."""
    context = ssl_context or ssl.create_default_context()
    try:
        if account.security == "ssl":
            return imaplib.IMAP4_SSL(account.host, account.port, ssl_context=context,
                                     timeout=timeout)
        imap = imaplib.IMAP4(account.host, account.port, timeout=timeout)
        if account.security == "starttls":
            try:
                imap.starttls(ssl_context=context)
            except BaseException:
                with contextlib.suppress(OSError):
                    imap.shutdown()
                raise
        return imap
    except (OSError, imaplib.IMAP4.error) as error:
        if isinstance(error, imaplib.IMAP4.error) and "STARTTLS" in str(error).upper():
            raise MailProtocolError(
                f"{_where(account)} does not offer STARTTLS; choose ssl (port 993)") from None
        raise translate(account, error) from None


def login(imap: imaplib.IMAP4, account: MailAccount, password: str) -> None:
    """Log in; a refusal becomes MailAuthError (the password is never part of a message)."""
    # Before it is sent: a server may quote it back in its answer, in any encoding.
    add_secret(password, account.user)
    try:
        if (account.user + password).isascii():
            imap.login(account.user, password)
        else:
            # LOGIN is ASCII-only in imaplib; SASL PLAIN carries UTF-8 (RFC 4616).
            token = f"\0{account.user}\0{password}".encode()
            imap.authenticate("PLAIN", lambda _challenge: token)
        return
    except imaplib.IMAP4.abort as error:
        failure = translate(account, error)
    except imaplib.IMAP4.error as error:
        failure = MailAuthError(
            f"{_where(account)} refused the user name or password for {account.user} "
            f"({_plain(error)})")
    except OSError as error:
        failure = translate(account, error)
    # Raised out here: inside the except block the server's raw answer would stay attached
    # as the new error's context, password and all.
    raise failure


@contextlib.contextmanager
def session(account: MailAccount, password: str, *, timeout: float,
            ssl_context: ssl.SSLContext | None = None) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection, logged out (or dropped) at the end whatever happens."""
    imap = connect(account, timeout=timeout, ssl_context=ssl_context)
    try:
        login(imap, account, password)
        yield imap
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            imap.logout()
        with contextlib.suppress(OSError):
            imap.shutdown()


_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\) (?P<delim>"[^"]*"|NIL) (?P<name>.+)$')


def list_folders(imap: imaplib.IMAP4) -> list[str]:
    """The names of the folders the server lists (decoded modified UTF-7 is left as is)."""
    typ, data = imap.list()
    if typ != "OK":
        raise imaplib.IMAP4.error(f"LIST failed: {typ}")
    names = []
    for item in data:
        if not isinstance(item, bytes):
            continue
        found = _LIST_LINE.match(item)
        if found is None:
            continue
        name = found.group("name").strip()
        if name.startswith(b'"') and name.endswith(b'"'):
            name = name[1:-1].replace(b'\\"', b'"').replace(b"\\\\", b"\\")
        names.append(name.decode("utf-8", "replace"))
    return names


def quote_folder(name: str) -> str:
    """A folder name as an IMAP quoted string."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_connection(account: MailAccount, password: str, *, timeout: float = 15.0,
                    ssl_context: ssl.SSLContext | None = None) -> str:
    """Connect, log in, check the folders; a plain sentence on success, MailError otherwise."""
    account = account.validate()
    failure: MailError | None = None
    try:
        with session(account, password, timeout=timeout, ssl_context=ssl_context) as imap:
            folders = list_folders(imap)
    except (OSError, imaplib.IMAP4.error) as error:
        failure = translate(account, error)
    if failure is not None:
        raise failure  # not in the except block: the server's raw words stay out of it
    known = {f.casefold() if f.upper() == "INBOX" else f for f in folders}
    for wanted in account.folders:
        key = wanted.casefold() if wanted.upper() == "INBOX" else wanted
        if key not in known:
            raise MailError(f"{_where(account)} has no folder named {wanted!r}; its folders: "
                            f"{', '.join(sorted(folders)[:20])}")
    count = len(folders)
    return (f"Connected to {_where(account)} as {account.user}; {count} "
            f"folder{'s' if count != 1 else ''} found")
