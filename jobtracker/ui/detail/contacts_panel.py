"""The people linked to one application: link an existing contact, add a new one, unlink."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationDetail, ContactInput, ContactRow
from jobtracker.ui.contacts.contact_dialog import ContactDialog
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import literal
from jobtracker.ui.widgets.item_views import comfortable_rows


def contact_line(name: str, role: str | None, company: str | None, email: str | None) -> str:
    """``Name — Role at Company · email``."""
    where = " ".join(part for part in (role, f"@ {company}" if company else None) if part)
    return " — ".join(part for part in (name, where) if part) + (f" · {email}" if email else "")


class ContactsPanel(QWidget):
    """Linked contacts of the shown application."""

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._detail: ApplicationDetail | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Linked contacts"))
        comfortable_rows(self.list)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Contact to link"))
        self.choice.setMinimumContentsLength(10)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_button = QPushButton(self.tr("&Link"), self)
        self.new_button = QPushButton(self.tr("&New contact…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.unlink_button = QPushButton(self.tr("&Unlink"), self)
        self._contacts: dict[int, ContactRow] = {}
        self.link_button.clicked.connect(self._link)
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(self.edit_selected)
        self.unlink_button.clicked.connect(self._unlink)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda *_: self.edit_selected())
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.link_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        # Nobody linked: a sentence in the list's place says who goes here and how.
        self.empty_label = QLabel(self.tr(
            "No one is linked to this application yet. Link a recruiter, interviewer or "
            "referrer from your contacts below, or add a new contact."), self)
        self.empty_label.setObjectName("linkedContactsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the contacts of ``detail``."""
        self._detail = detail
        self.list.clear()
        self._contacts = {contact.id: contact for contact in self._editor.tracker.list_contacts()}
        linked = set()
        for contact in detail.contacts:
            linked.add(contact.id)
            item = QListWidgetItem(contact_line(contact.name, contact.role, contact.company,
                                                contact.email))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.list.addItem(item)
        self.choice.clear()
        for contact in self._contacts.values():
            if contact.id not in linked:
                self.choice.addItem(contact_line(contact.name, contact.role, contact.company,
                                                 None), contact.id)
        self.link_button.setEnabled(self.choice.count() > 0)
        self.list.setVisible(bool(detail.contacts))
        self.empty_label.setVisible(not detail.contacts)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        selected = self.list.currentItem() is not None
        self.unlink_button.setEnabled(selected)
        self.edit_button.setEnabled(selected)

    def _selected(self) -> ContactRow | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self._contacts.get(int(item.data(Qt.ItemDataRole.UserRole)))

    def _link(self) -> None:
        if self._detail is None or self.choice.currentData() is None:
            return
        contact = self._contacts[int(self.choice.currentData())]
        self._run(lambda detail: self._editor.link_contact(detail.id, contact))

    def new_contact(self) -> ContactDialog | None:
        """Open the dialog for a new person, linked to the application on OK."""
        if self._detail is None:
            return None
        detail = self._detail
        dialog = ContactDialog(self, companies=self._editor.tracker.company_names(),
                               company=detail.company)
        dialog.accepted.connect(lambda: self._run(
            lambda _detail: self._editor.add_linked_contact(detail.id, self._chosen(dialog))))
        dialog.open()
        return dialog

    def edit_selected(self) -> ContactDialog | None:
        """Open the contact dialog on the selected person; saved (undoably) on OK."""
        contact = self._selected()
        if self._detail is None or contact is None:
            return None
        dialog = ContactDialog(self, existing=contact,
                               companies=self._editor.tracker.company_names())
        dialog.accepted.connect(lambda: self._run(
            lambda _detail: self._editor.edit_contact(contact, self._chosen(dialog))))
        dialog.open()
        return dialog

    def _unlink(self) -> None:
        contact = self._selected()
        if contact is None:
            return
        self._run(lambda detail: self._editor.unlink_contact(detail.id, contact))

    @staticmethod
    def _chosen(dialog: ContactDialog) -> ContactInput:
        contact = dialog.contact()
        assert contact is not None  # set before the dialog accepts
        return contact

    def _run(self, action: Callable[[ApplicationDetail], None]) -> None:
        if self._detail is None:
            return
        try:
            action(self._detail)
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Contact not saved"), literal(str(error)))
