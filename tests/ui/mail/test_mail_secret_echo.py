"""The window's mail paths against a server that quotes the password back: it is never shown.

Test Connection in the account dialog and File › Scan Mail, each against the real echoing
IMAP server of tests/echo_imap.py, with the password pasted as a user would.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from jobtracker.logs import configure_logging
from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.service import add_account
from jobtracker.secrets import KeyringSecretStore
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.echo_imap import ASCII_PASSWORD, USER, UTF8_PASSWORD, EchoImapServer
from tests.memory_keyring import MemoryKeyring

LEFT = Qt.MouseButton.LeftButton
CASES = [("quoted", ASCII_PASSWORD), ("url", ASCII_PASSWORD), ("sasl", UTF8_PASSWORD)]


def leaks(text: str, password: str) -> list[str]:
    blob = base64.b64encode(f"\0{USER}\0{password}".encode()).decode()
    return [form for form in ("THE-PASSWORD", blob.rstrip("="), password) if form in text]


@pytest.fixture
def server(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[EchoImapServer]:
    echo = EchoImapServer(request.param).start()
    yield echo
    assert QThreadPool.globalInstance().waitForDone(20_000), "a mail worker outlived its test"
    qtbot.wait(10)
    echo.stop()


def no_leak_in_the_log(password: str) -> None:
    log = configure_logging()
    if log.exists():
        assert leaks(log.read_text(encoding="utf-8"), password) == []


@pytest.mark.parametrize(("server", "password"), CASES, indirect=["server"])
def test_test_connection_never_shows_the_password(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        server: EchoImapServer, password: str) -> None:
    prefs = window.open_mail_preferences()
    qtbot.mouseClick(prefs.mail_page.ui.addButton, LEFT)
    dialog = next(d for d in prefs.mail_page.findChildren(MailAccountDialog) if d.isVisible())
    ui = dialog.ui
    qtbot.keyClicks(ui.nameEdit, "Local")
    qtbot.keyClicks(ui.hostEdit, "127.0.0.1")
    ui.securityCombo.setCurrentIndex(ui.securityCombo.findData("plain"))
    ui.portSpin.setValue(server.port)
    qtbot.keyClicks(ui.userEdit, USER)
    ui.passwordEdit.insert(password)  # pasted: QTest types ASCII letters only
    assert dialog.test()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    shown = ui.testResult.text()
    assert shown.startswith("Test failed:")
    assert "refused the user name or password" in shown and "<redacted>" in shown
    assert leaks(shown + ui.testResult.toolTip(), password) == []
    assert server.logins == 1
    no_leak_in_the_log(password)
    dialog.reject()
    prefs.reject()


@pytest.mark.parametrize(("server", "password"), CASES, indirect=["server"])
def test_scan_mail_never_shows_the_password(
        qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring,
        server: EchoImapServer, password: str) -> None:
    add_account(window.tracker, KeyringSecretStore(),
                MailAccount("Local", "127.0.0.1", server.port, "plain", USER), password)
    window.refresh()
    inbox = window.inbox
    window.scan_mail_action.trigger()
    qtbot.waitUntil(lambda: not inbox.scanner.running, timeout=30_000)
    assert server.logins == 1
    assert len(inbox.errors) == 1 and "refused the user name or password" in inbox.errors[0]
    assert "<redacted>" in inbox.errors[0]
    shown = "\n".join([*inbox.errors, inbox.ui.summaryLabel.text(),
                       inbox.ui.summaryLabel.toolTip()])
    assert leaks(shown, password) == []
    no_leak_in_the_log(password)
