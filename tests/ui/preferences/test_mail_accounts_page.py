"""Preferences › Mail: adding, testing, refusing and removing accounts, with a test keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.service import add_account
from jobtracker.secrets import NO_KEYRING
from jobtracker.tracker import Tracker
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.mail_accounts_page import MailAccountsPage
from tests.imap_server import ImapServer
from tests.memory_keyring import MemoryKeyring

LEFT = Qt.MouseButton.LeftButton
SECRET = "Tr0ub4dor-&-3-horse"  # a test password, searched for on disk


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """keyring's own "no backend" (what a machine without a keyring daemon gets)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _no_worker_outlives_the_test(qtbot: QtBot) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000), "a mail worker outlived its test"
    qtbot.wait(10)  # deliver the last reports while the widgets still exist


def make_page(qtbot: QtBot, tracker: Tracker) -> MailAccountsPage:
    page = MailAccountsPage(tracker, MailContext())
    qtbot.addWidget(page)
    page.show()
    return page


def open_add(qtbot: QtBot, page: MailAccountsPage) -> MailAccountDialog:
    qtbot.mouseClick(page.ui.addButton, LEFT)
    dialogs = [d for d in page.findChildren(MailAccountDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def fill(qtbot: QtBot, dialog: MailAccountDialog, *, name: str = "", host: str = "",
         user: str = "", password: str = "", security: str | None = None,
         port: int | None = None) -> None:
    ui = dialog.ui
    for edit, text in ((ui.nameEdit, name), (ui.hostEdit, host), (ui.userEdit, user),
                       (ui.passwordEdit, password)):
        if text:
            edit.clear()
            qtbot.keyClicks(edit, text)
    if security is not None:
        ui.securityCombo.setCurrentIndex(ui.securityCombo.findData(security))
    if port is not None:
        ui.portSpin.setValue(port)


def press_ok(qtbot: QtBot, dialog: MailAccountDialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     LEFT)


def test_address_prefills_the_provider_and_says_app_password(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    qtbot.keyClicks(dialog.ui.addressEdit, "ann.example@gmail.com")
    ui = dialog.ui
    assert ui.hostEdit.text() == "imap.gmail.com"
    assert ui.portSpin.value() == 993
    assert dialog.security() == "ssl"
    assert ui.userEdit.text() == "ann.example@gmail.com"
    assert ui.nameEdit.text() == "ann.example@gmail.com"
    assert ui.providerNote.isVisible()
    assert "app password" in ui.providerNote.text()
    # The keyring is usable: the dialog says where the password goes.
    assert "keyring" in ui.keyringNote.text()
    # A typed host is the user's: another address does not overwrite it.
    ui.hostEdit.setText("mail.example.org")
    qtbot.keyClicks(ui.addressEdit, "x")  # now "...gmail.comx": no provider
    assert ui.hostEdit.text() == "mail.example.org"
    assert not ui.providerNote.isVisible()


def test_adding_an_account_puts_the_password_in_the_keyring_only(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring,
        settings_path: Path, window: MainWindow) -> None:
    prefs = window.open_mail_preferences()
    assert prefs.ui.tabs.currentWidget() is prefs.mail_page
    dialog = open_add(qtbot, prefs.mail_page)
    fill(qtbot, dialog, name="Personal", host="imap.example.org", user="ann@example.org",
         password=SECRET)
    dialog.ui.foldersEdit.setText("INBOX, Jobs")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    tracker = window.tracker
    assert tracker.mail_accounts() == [MailAccount(
        "Personal", "imap.example.org", 993, "ssl", "ann@example.org", ("INBOX", "Jobs"))]
    assert memory_keyring.entries == {("JobTracker", "Personal"): SECRET}
    assert prefs.mail_page.ui.accountsList.count() == 1
    assert "Personal" in prefs.mail_page.ui.accountsList.item(0).text()
    prefs.accept()
    window.save_layout()
    window.settings.sync()
    # Nowhere on disk: not in the database (and its WAL), not in the settings file.
    db = Path(tracker.db.path)
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)] + [settings_path]
    assert any(p.name == db.name for p in files) and settings_path.exists()
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


def test_fields_are_checked_where_they_are(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    fill(qtbot, dialog, name="Work", user="ann")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.hostError.isVisible()
    assert "host" in dialog.ui.hostError.text().lower()
    fill(qtbot, dialog, host="imap.example.org")
    press_ok(qtbot, dialog)
    # A new account with a usable keyring needs its password.
    assert dialog.isVisible() and dialog.ui.passwordError.isVisible()
    assert not dialog.ui.hostError.isVisible()
    assert ui_tracker.mail_accounts() == []
    assert memory_keyring.entries == {}


def test_plain_imap_only_for_this_computer(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    ui = dialog.ui
    plain_item = ui.securityCombo.model().item(2)  # type: ignore[attr-defined]
    fill(qtbot, dialog, name="Remote", host="imap.example.org", user="ann", password=SECRET)
    assert not plain_item.isEnabled()
    ui.hostEdit.setText("127.0.0.1")
    assert plain_item.isEnabled()
    ui.securityCombo.setCurrentIndex(ui.securityCombo.findData("plain"))
    assert ui.securityWarning.isVisible()
    assert "unencrypted" in ui.securityWarning.text()
    assert ui.portSpin.value() == 143  # the port followed the mode
    # Chosen for 127.0.0.1, then the host changed: refused at the security field.
    ui.hostEdit.setText("imap.example.org")
    assert not plain_item.isEnabled()
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert ui.securityError.isVisible()
    assert "only allowed for a server on this computer" in ui.securityError.text()
    assert ui_tracker.mail_accounts() == []
    assert memory_keyring.entries == {}


def test_without_a_keyring_the_dialog_says_so_and_keeps_the_password_in_memory(
        qtbot: QtBot, ui_tracker: Tracker, no_keyring: None, settings_path: Path) -> None:
    context = MailContext()
    page = MailAccountsPage(ui_tracker, context)
    qtbot.addWidget(page)
    page.show()
    assert page.ui.keyringLabel.isVisible()
    assert page.ui.keyringLabel.text() == NO_KEYRING
    dialog = open_add(qtbot, page)
    assert NO_KEYRING in dialog.ui.keyringNote.text()
    assert "never stored" in dialog.ui.keyringNote.text()
    fill(qtbot, dialog, name="Personal", host="imap.example.org", user="ann",
         password=SECRET)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert [a.name for a in ui_tracker.mail_accounts()] == ["Personal"]
    assert not context.store.persistent
    assert context.password("Personal") == SECRET  # for this session only
    # Without a password the account is still saved: it is asked for at the scan.
    dialog = open_add(qtbot, page)
    fill(qtbot, dialog, name="Other", host="imap.example.org", user="bob")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert context.password("Other") is None
    db = Path(ui_tracker.db.path)
    for path in db.parent.iterdir():
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_test_connection_reports_success_and_a_refused_password(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring,
        imap_server: ImapServer) -> None:
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    fill(qtbot, dialog, name="Local", host="127.0.0.1", user=imap_server.user,
         password="wrong-password", security="plain", port=imap_server.imap_port)
    assert dialog.test()
    assert dialog.ui.testBusy.isVisible()
    assert not dialog.ui.testButton.isEnabled()
    # The dialog stays usable while the worker connects.
    qtbot.keyClicks(dialog.ui.foldersEdit, "")
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    result = dialog.ui.testResult.text()
    assert result.startswith("Test failed:")
    assert f"127.0.0.1:{imap_server.imap_port}" in result
    assert "refused the user name or password" in result
    assert "wrong-password" not in result
    dialog.ui.passwordEdit.setText(imap_server.password)
    qtbot.mouseClick(dialog.ui.testButton, LEFT)
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    assert dialog.ui.testResult.text().startswith(
        f"Connected to 127.0.0.1:{imap_server.imap_port} as {imap_server.user}")
    assert not dialog.ui.testBusy.isVisible()
    # A missing folder is named.
    dialog.ui.foldersEdit.setText("INBOX, Applications")
    dialog.test()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    assert "no folder named 'Applications'" in dialog.ui.testResult.text()
    # Testing saves nothing.
    assert ui_tracker.mail_accounts() == []
    assert memory_keyring.entries == {}


def test_test_connection_names_an_unreachable_server(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    from tests.imap_server import free_port
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    port = free_port()
    fill(qtbot, dialog, name="Local", host="127.0.0.1", user="ann", password=SECRET,
         security="plain", port=port)
    dialog.test()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    assert f"cannot connect to 127.0.0.1:{port}" in dialog.ui.testResult.text()


def test_edit_keeps_the_stored_password_unless_a_new_one_is_typed(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    context = MailContext()
    add_account(ui_tracker, context.store,
                MailAccount("Work", "imap.example.org", 993, "ssl", "ann"), SECRET)
    page = MailAccountsPage(ui_tracker, context)
    qtbot.addWidget(page)
    page.show()
    dialog = page.edit()
    assert dialog is not None
    assert dialog.ui.nameEdit.isReadOnly()
    assert dialog.ui.passwordEdit.text() == ""
    dialog.ui.foldersEdit.setText("INBOX, Jobs")
    press_ok(qtbot, dialog)
    assert ui_tracker.mail_account("Work").folders == ("INBOX", "Jobs")
    assert memory_keyring.entries == {("JobTracker", "Work"): SECRET}
    dialog = page.edit()
    assert dialog is not None
    fill(qtbot, dialog, password="n3w-Secret")
    press_ok(qtbot, dialog)
    assert memory_keyring.entries == {("JobTracker", "Work"): "n3w-Secret"}


def test_remove_asks_then_deletes_the_account_and_its_keyring_entry(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring) -> None:
    context = MailContext()
    add_account(ui_tracker, context.store,
                MailAccount("Work", "imap.example.org", 993, "ssl", "ann"), SECRET)
    page = MailAccountsPage(ui_tracker, context)
    qtbot.addWidget(page)
    page.show()
    box = page.remove()
    assert box is not None and box.isVisible()
    assert "Work" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)
    assert [a.name for a in ui_tracker.mail_accounts()] == ["Work"]
    assert ("JobTracker", "Work") in memory_keyring.entries
    box = page.remove()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert ui_tracker.mail_accounts() == []
    assert memory_keyring.entries == {}
    assert page.ui.accountsList.count() == 0
    assert not page.ui.removeButton.isEnabled()


def test_test_connection_names_an_untrusted_certificate(
        qtbot: QtBot, ui_tracker: Tracker, memory_keyring: MemoryKeyring,
        imap_server: ImapServer) -> None:
    # The product checks certificates against the system's roots: the test server's own
    # self-signed certificate is refused, and the password is never sent.
    page = make_page(qtbot, ui_tracker)
    dialog = open_add(qtbot, page)
    fill(qtbot, dialog, name="Local", host="127.0.0.1", user=imap_server.user,
         password=SECRET, security="ssl", port=imap_server.imaps_port)
    dialog.test()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=20_000)
    text = dialog.ui.testResult.text()
    assert f"the certificate of 127.0.0.1:{imap_server.imaps_port} could not be verified" in text
