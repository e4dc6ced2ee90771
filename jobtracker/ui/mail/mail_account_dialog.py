"""Add or edit a mail account: server, security, user name, password (to the keyring), folders."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent, QStandardItemModel
from PySide6.QtWidgets import QDialog, QWidget

from jobtracker.errors import JobTrackerError, ValidationError
from jobtracker.mail import service
from jobtracker.mail.service import (
    LOOPBACK_HOSTS,
    MailAccount,
    MailAccountError,
    MailError,
    Security,
    default_port,
    guess_provider,
    test_connection,
)
from jobtracker.tracker import Tracker
from jobtracker.ui.forms.ui_mail_account_dialog import Ui_MailAccountDialog
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.widgets.background import BackgroundJob, run_in_background
from jobtracker.ui.widgets.contrast import set_tone
from jobtracker.ui.widgets.field_errors import FieldErrors

_SECURITIES: tuple[Security, ...] = ("ssl", "starttls", "plain")


def split_folders(text: str) -> tuple[str, ...]:
    """``"INBOX, Jobs"`` -> ``("INBOX", "Jobs")``."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


class MailAccountDialog(QDialog):
    """Saves the account (and the password to the store) on OK; ``account`` is what was saved."""

    def __init__(self, tracker: Tracker, context: MailContext, *,
                 existing: MailAccount | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MailAccountDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(46 * self.fontMetrics().averageCharWidth() + 160)
        self._tracker = tracker
        self._context = context
        self._existing = existing
        self.account: MailAccount | None = None
        self.testing = False
        self._test: BackgroundJob | None = None  # the latest Test Connection
        # What the address filled in, so typing another address only replaces guesses.
        self._guessed: dict[str, str] = {}
        ui = self.ui
        self.errors = FieldErrors()
        for field, widget, label in (
                ("name", ui.nameEdit, ui.nameError), ("host", ui.hostEdit, ui.hostError),
                ("port", ui.portSpin, ui.portError),
                ("security", ui.securityCombo, ui.securityError),
                ("user", ui.userEdit, ui.userError),
                ("password", ui.passwordEdit, ui.passwordError),
                ("folders", ui.foldersEdit, ui.foldersError)):
            self.errors.add(field, widget, label)
        self.errors.fallback = "name"
        for value, label_text in (("ssl", self.tr("SSL/TLS")), ("starttls", self.tr("STARTTLS")),
                                  ("plain", self.tr("Plain (this computer only)"))):
            ui.securityCombo.addItem(label_text, value)
        set_tone(ui.securityWarning, "warning")
        ui.securityWarning.setText(self.tr(
            "Plain IMAP sends your password unencrypted. Use it only for a mail server "
            "running on this computer."))
        ui.providerNote.setOpenExternalLinks(False)
        ui.portSpin.setAccessibleName(self.tr("Port"))
        ui.passwordEdit.setAccessibleName(self.tr("Password"))

        problem = context.problem
        if problem is not None:
            ui.keyringNote.setText(self.tr(
                "%1 The password you type here is used until JobTracker quits and is "
                "never stored.").replace("%1", problem))
            set_tone(ui.keyringNote, "notice")  # information: the password still works
        elif existing is not None:
            ui.keyringNote.setText(self.tr("Leave empty to keep the password stored in your "
                                           "system's keyring."))
        else:
            ui.keyringNote.setText(self.tr("Kept in your system's keyring, never in "
                                           "JobTracker's files."))

        if existing is not None:
            self.setWindowTitle(self.tr("Edit Mail Account"))
            ui.nameEdit.setText(existing.name)
            # The keyring entry is filed under the name: renaming would orphan it.
            ui.nameEdit.setReadOnly(True)
            ui.hostEdit.setText(existing.host)
            ui.securityCombo.setCurrentIndex(ui.securityCombo.findData(existing.security))
            ui.portSpin.setValue(existing.port)
            ui.userEdit.setText(existing.user)
            ui.foldersEdit.setText(", ".join(existing.folders))
            if "@" in existing.user:
                ui.addressEdit.setText(existing.user)
        else:
            self.setWindowTitle(self.tr("New Mail Account"))
            ui.securityCombo.setCurrentIndex(0)
            ui.portSpin.setValue(default_port("ssl"))
        self._security = self.security()
        ui.addressEdit.textEdited.connect(self._address_edited)
        ui.hostEdit.textChanged.connect(lambda _text: self._update_security())
        ui.securityCombo.currentIndexChanged.connect(lambda _i: self._security_changed())
        ui.testButton.clicked.connect(self.test)
        self._update_security()

    def showEvent(self, event: QShowEvent) -> None:
        """Size the form to show whole where the screen allows; else it scrolls, never sideways."""
        page, scroll = self.ui.formPage, self.ui.formScroll
        page.adjustSize()
        need = page.sizeHint()
        scroll.setMinimumWidth(need.width() + scroll.verticalScrollBar().sizeHint().width())
        screen = self.screen()
        # Large text on a small screen: everything but the form (the test row, the buttons,
        # the margins and the title bar) keeps its room, and the form scrolls in what is left.
        room = (screen.availableGeometry().height() if screen is not None else need.height())
        others = self.sizeHint().height() - scroll.sizeHint().height() + 40
        scroll.setMinimumHeight(max(120, min(need.height(), room - others)))
        self.adjustSize()
        super().showEvent(event)

    # -- the fields ----------------------------------------------------------------------------

    def security(self) -> Security:
        """The chosen security mode."""
        value = self.ui.securityCombo.currentData()
        return value if value in _SECURITIES else "ssl"

    def _guess(self, widget_name: str, value: str) -> None:
        widget = getattr(self.ui, widget_name)
        if not widget.text().strip() or widget.text() == self._guessed.get(widget_name):
            widget.setText(value)
            self._guessed[widget_name] = value

    def _address_edited(self, address: str) -> None:
        ui = self.ui
        address = address.strip()
        provider = guess_provider(address)
        if "@" in address:
            self._guess("userEdit", address)
            if not ui.nameEdit.isReadOnly():
                self._guess("nameEdit", address)
        if provider is None:
            ui.providerNote.setVisible(False)
            return
        if not ui.hostEdit.text().strip() or ui.hostEdit.text() == self._guessed.get("hostEdit"):
            self._guess("hostEdit", provider.host)
            ui.securityCombo.setCurrentIndex(ui.securityCombo.findData(provider.security))
            ui.portSpin.setValue(provider.port)
        ui.providerNote.setText(provider.note)  # each note names its provider
        ui.providerNote.setVisible(True)

    def _security_changed(self) -> None:
        old, new = self._security, self.security()
        self._security = new
        # A port left at the old mode's standard follows the mode; a custom port stays.
        if self.ui.portSpin.value() == default_port(old):
            self.ui.portSpin.setValue(default_port(new))
        self._update_security()

    def _update_security(self) -> None:
        local = self.ui.hostEdit.text().strip().lower() in LOOPBACK_HOSTS
        model = self.ui.securityCombo.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(_SECURITIES.index("plain"))
            if item is not None:
                item.setEnabled(local)
        self.ui.securityWarning.setVisible(self.security() == "plain")

    def entered(self) -> MailAccount:
        """The account as typed (not validated)."""
        ui = self.ui
        return MailAccount(name=ui.nameEdit.text(), host=ui.hostEdit.text(),
                           port=ui.portSpin.value(), security=self.security(),
                           user=ui.userEdit.text(),
                           folders=split_folders(ui.foldersEdit.text()))

    def _validated(self) -> MailAccount | None:
        self.errors.clear_all()
        try:
            return self.entered().validate()
        except MailAccountError as error:
            field, _, message = str(error).partition(": ")
            self.errors.show(field, message)
            return None

    # -- Test Connection ---------------------------------------------------------------------

    def test(self) -> bool:
        """Connect and log in in the background; the result is shown under the button."""
        account = self._validated()
        if account is None:
            return False
        ui = self.ui
        password = ui.passwordEdit.text()
        if not password and self._existing is not None:
            try:
                password = self._context.password(self._existing.name) or ""
            except JobTrackerError as error:
                self.errors.show("password", str(error))
                return False
        if not password:
            self.errors.show("password", self.tr("type the password to test the connection"))
            return False
        if self._test is not None:
            self._test.cancel()  # only the newest test's answer is shown
        self.testing = True
        ui.testBusy.setVisible(True)
        ui.testButton.setEnabled(False)
        set_tone(ui.testResult, None)
        ui.testResult.setText(self.tr("Connecting to %1:%2…").replace(
            "%1", account.host).replace("%2", str(account.port)))
        context = self._context.ssl_context
        self._test = run_in_background(
            lambda: test_connection(account, password, ssl_context=context),
            lambda text: self._tested(str(text), ok=True),
            lambda error: self._tested(_plain(error), ok=False), self._context.pool, owner=self)
        return True

    def _tested(self, text: str, *, ok: bool) -> None:
        ui = self.ui
        self.testing = False
        ui.testBusy.setVisible(False)
        ui.testButton.setEnabled(True)
        set_tone(ui.testResult, None if ok else "error")
        ui.testResult.setText(f"{text}." if ok else self.tr("Test failed: %1").replace(
            "%1", text))

    def done(self, result: int) -> None:
        if self._test is not None:
            self._test.cancel()  # a test still running reports into nothing
        super().done(result)

    # -- OK ------------------------------------------------------------------------------------

    def accept(self) -> None:
        account = self._validated()
        if account is None:
            return
        password = self.ui.passwordEdit.text()
        store = self._context.store
        if self._existing is None and not password and store.persistent:
            self.errors.show("password", self.tr("type the password; it is kept in your "
                                                 "system's keyring"))
            return
        try:
            if self._existing is None and password:
                service.add_account(self._tracker, store, account, password)
            else:
                self._tracker.save_mail_account(account, replace=self._existing is not None)
                if password:
                    store.set(account.name, password)
        except ValidationError as error:
            if not self.errors.show(error.field, error.reason):
                self.errors.show("name", str(error))
            return
        except JobTrackerError as error:
            self.errors.show("password", str(error))
            return
        self.account = account
        super().accept()


def _plain(error: BaseException) -> str:
    if isinstance(error, MailError | JobTrackerError):
        from jobtracker.logs import scrub_secrets

        return scrub_secrets(str(error))  # the core did already; shown, so checked again
    # Not the text of an unexpected error: it could quote what the server sent.
    return type(error).__name__
