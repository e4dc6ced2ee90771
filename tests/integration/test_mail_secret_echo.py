"""A server that quotes the password back in its refusal: the password is shown and logged nowhere.

Against a real IMAP server on 127.0.0.1 (tests/echo_imap.py) that echoes the login as it
received it: IMAP-quoted, bare, URL-encoded, or (for a non-ASCII password, which goes by
AUTHENTICATE PLAIN) as the base64 blob and the decoded UTF-8 bytes. Checked in process (the
core the window also calls) and through the real ``jobtracker mail scan`` process.
"""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtracker.logs import configure_logging, format_exception
from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.imap import MailAuthError
from jobtracker.mail.imap import test_connection as check_connection
from jobtracker.mail.service import scan
from jobtracker.tracker import Tracker
from tests.echo_imap import ASCII_PASSWORD, USER, UTF8_PASSWORD, EchoImapServer

ROOT = Path(__file__).parents[2]
CASES = [("quoted", ASCII_PASSWORD), ("bare", ASCII_PASSWORD), ("url", ASCII_PASSWORD),
         ("sasl", UTF8_PASSWORD)]

pytestmark = pytest.mark.timeout(120)


def leaks(text: str, password: str) -> list[str]:
    """What of ``password`` shows in ``text``: its distinctive middle (in any quoting or
    URL form), or the base64 of the SASL PLAIN login."""
    blob = base64.b64encode(f"\0{USER}\0{password}".encode()).decode()
    return [form for form in ("THE-PASSWORD", blob.rstrip("="), password) if form in text]


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[EchoImapServer]:
    echo = EchoImapServer(request.param).start()
    yield echo
    echo.stop()


def account(server: EchoImapServer) -> MailAccount:
    return MailAccount("Local", "127.0.0.1", server.port, "plain", USER)


@pytest.mark.parametrize(("server", "password"), CASES, indirect=["server"])
def test_the_core_never_repeats_the_password(server: EchoImapServer, password: str,
                                             tracker: Tracker) -> None:
    log = configure_logging()
    failures: list[MailAuthError] = []
    with pytest.raises(MailAuthError) as tested:
        check_connection(account(server), password, timeout=10)
    failures.append(tested.value)
    tracker.save_mail_account(account(server))
    with pytest.raises(MailAuthError) as scanned:
        scan(tracker, password, "Local")
    failures.append(scanned.value)
    assert server.logins == 2  # the server did refuse, echoing the login each time
    for failure in failures:
        message = str(failure)
        assert message.startswith(f"127.0.0.1:{server.port} refused the user name or password "
                                  f"for {USER} ([AUTHENTICATIONFAILED] refused ")
        assert "<redacted>" in message  # the echo was there, and was cut out
        assert leaks(message, password) == []
        assert leaks(format_exception(failure), password) == []
        # The server's raw answer is not kept behind the plain error either.
        assert failure.__cause__ is None and failure.__context__ is None
        logging.getLogger("jobtracker.test").error("scan failed: %s", failure, exc_info=failure)
    assert "refused" in log.read_text(encoding="utf-8")
    assert leaks(log.read_text(encoding="utf-8"), password) == []


@pytest.mark.parametrize(("server", "password"), CASES, indirect=["server"])
def test_mail_scan_never_prints_or_logs_the_password(server: EchoImapServer, password: str,
                                                     tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    # No usable keyring: the account is saved without a password, and the scan reads it
    # from standard input (README, "Your mailbox").
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}

    def jt(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                              capture_output=True, text=True, input=stdin, env=env, timeout=60)

    added = jt("mail", "add", "Local", "--host", "127.0.0.1", "--port", str(server.port),
               "--security", "plain", "--user", USER)
    assert added.returncode == 0, added.stderr
    result = jt("mail", "scan", "Local", stdin=password + "\n")
    assert result.returncode == 1
    assert server.logins == 1
    assert "refused the user name or password" in result.stderr
    assert "<redacted>" in result.stderr
    assert "Traceback" not in result.stderr
    assert leaks(result.stdout + result.stderr, password) == []
    # Nor in any file it wrote: the log, the database and its journal.
    state = Path(os.environ["XDG_STATE_HOME"])
    for path in [*state.rglob("*"), *tmp_path.rglob("*")]:
        if path.is_file():
            assert leaks(path.read_bytes().decode("utf-8", "replace"), password) == [], path
