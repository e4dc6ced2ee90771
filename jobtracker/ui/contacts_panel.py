"""The people linked to one application: link an existing contact, add a new one, unlink."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import ApplicationDetail
from jobtracker.ui.contact_dialog import ContactDialog
from jobtracker.ui.undo_commands import Editor


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
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Contact to link"))
        self.choice.setMinimumContentsLength(10)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_button = QPushButton(self.tr("&Link"), self)
        self.new_button = QPushButton(self.tr("&New contact…"), self)
        self.unlink_button = QPushButton(self.tr("&Unlink"), self)
        self.link_button.clicked.connect(self._link)
        self.new_button.clicked.connect(self._new)
        self.unlink_button.clicked.connect(self._unlink)
        self.list.currentItemChanged.connect(
            lambda *_: self.unlink_button.setEnabled(self.list.currentItem() is not None))
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.link_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addLayout(buttons)

    def show_detail(self, detail: ApplicationDetail) -> None:
        """Show the contacts of ``detail``."""
        self._detail = detail
        self.list.clear()
        linked = set()
        for contact in detail.contacts:
            linked.add(contact.id)
            item = QListWidgetItem(contact_line(contact.name, contact.role, contact.company,
                                                contact.email))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.list.addItem(item)
        self.choice.clear()
        for contact in self._editor.tracker.list_contacts():
            if contact.id not in linked:
                self.choice.addItem(contact_line(contact.name, contact.role, contact.company,
                                                 None), contact.id)
        self.link_button.setEnabled(self.choice.count() > 0)
        self.unlink_button.setEnabled(False)

    def _link(self) -> None:
        if self._detail is None or self.choice.currentData() is None:
            return
        self._editor.tracker.link_contact(self._detail.id, int(self.choice.currentData()))
        self._editor.changed.emit()

    def _new(self) -> None:
        if self._detail is None:
            return
        dialog = ContactDialog(self, companies=self._editor.tracker.company_names(),
                               company=self._detail.company)
        if dialog.exec() == ContactDialog.DialogCode.Accepted and dialog.contact():
            contact_id = self._editor.tracker.add_contact(dialog.contact())  # type: ignore[arg-type]
            self._editor.tracker.link_contact(self._detail.id, contact_id)
            self._editor.changed.emit()

    def _unlink(self) -> None:
        item = self.list.currentItem()
        if self._detail is None or item is None:
            return
        self._editor.tracker.unlink_contact(self._detail.id,
                                            int(item.data(Qt.ItemDataRole.UserRole)))
        self._editor.changed.emit()


