"""Preferences › Mail: the mail accounts JobTracker may read, with Add, Edit and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from jobtracker.errors import JobTrackerError
from jobtracker.mail import service
from jobtracker.mail.service import MailAccount
from jobtracker.tracker import Tracker
from jobtracker.ui.forms.ui_mail_accounts_page import Ui_MailAccountsPage
from jobtracker.ui.mail.mail_account_dialog import MailAccountDialog
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.widgets.contrast import set_tone
from jobtracker.ui.widgets.formatting import literal

_SECURITY_NAMES = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "plain": "plain"}


class MailAccountsPage(QWidget):
    """Accounts are saved as soon as a dialog is accepted (they are data, not settings)."""

    changed = Signal()

    def __init__(self, tracker: Tracker, context: MailContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MailAccountsPage()
        self.ui.setupUi(self)
        self._tracker = tracker
        self._context = context
        ui = self.ui
        problem = context.problem
        ui.keyringLabel.setVisible(problem is not None)
        if problem is not None:
            ui.keyringLabel.setText(problem)
            # Information, not an error: the accounts still work for this session.
            set_tone(ui.keyringLabel, "notice")
        ui.accountsList.setWordWrap(True)
        ui.accountsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.accountsList.setSpacing(2)
        ui.addButton.clicked.connect(self.add)
        ui.editButton.clicked.connect(self.edit)
        ui.removeButton.clicked.connect(self.remove)
        ui.accountsList.itemActivated.connect(lambda _item: self.edit())
        ui.accountsList.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Re-read the accounts."""
        keep = select or self.current()
        accounts = self._tracker.mail_accounts()
        listing = self.ui.accountsList
        listing.clear()
        for account in accounts:
            item = QListWidgetItem(self._describe(account), listing)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            if account.name == keep:
                listing.setCurrentItem(item)
        if listing.currentItem() is None and listing.count():
            listing.setCurrentRow(0)
        self._update_buttons()

    def _describe(self, account: MailAccount) -> str:
        # Three short lines rather than one long one: the Preferences dialog is narrow.
        return self.tr("%1\n%2 on %3:%4 (%5)\nFolders: %6").replace(
            "%1", account.name).replace("%2", account.user).replace(
            "%3", account.host).replace("%4", str(account.port)).replace(
            "%5", _SECURITY_NAMES.get(account.security, account.security)).replace(
            "%6", ", ".join(account.folders))

    def current(self) -> str | None:
        """The name of the selected account."""
        item = self.ui.accountsList.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self) -> None:
        selected = self.current() is not None
        self.ui.editButton.setEnabled(selected)
        self.ui.removeButton.setEnabled(selected)

    def _open(self, dialog: MailAccountDialog) -> MailAccountDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.account))
        dialog.open()
        return dialog

    def _saved(self, account: MailAccount | None) -> None:
        self.refresh(account.name if account is not None else None)
        self.changed.emit()

    def add(self) -> MailAccountDialog:
        """Open the dialog for a new account."""
        return self._open(MailAccountDialog(self._tracker, self._context, parent=self))

    def edit(self) -> MailAccountDialog | None:
        """Open the dialog on the selected account."""
        name = self.current()
        if name is None:
            return None
        try:
            account = self._tracker.mail_account(name)
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Mail Account"), literal(str(error)))
            self.refresh()
            return None
        return self._open(MailAccountDialog(self._tracker, self._context, existing=account,
                                            parent=self))

    def remove(self) -> QMessageBox | None:
        """Ask, then forget the account, its password and its suggestions."""
        name = self.current()
        if name is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove Mail Account"), self.tr(
            "Remove the mail account “%1”? Its password is deleted from the keyring and its "
            "pending suggestions are forgotten. Changes you already accepted stay.").replace(
            "%1", name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self)
        box.setObjectName("removeMailAccountBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # quotes the account's name
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._remove_answered(name, result))
        box.open()
        return box

    def _remove_answered(self, name: str, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes.value:
            return
        try:
            service.remove_account(self._tracker, self._context.store, name)
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Mail Account"), literal(str(error)))
        self._context.session.delete(name)
        self.refresh()
        self.changed.emit()
