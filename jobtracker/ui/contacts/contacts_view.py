"""Browse, search, add, edit and delete contacts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ContactRow, Tracker
from jobtracker.ui.contacts.contact_dialog import ContactDialog
from jobtracker.ui.contacts.contacts_model import ContactRole, ContactsModel
from jobtracker.ui.widgets.empty_state import EmptyMessage
from jobtracker.ui.widgets.formatting import literal
from jobtracker.ui.widgets.icons import themed_icon
from jobtracker.ui.widgets.item_views import comfortable_rows


class ContactsView(QWidget):
    """The Contacts view of the main window."""

    search_cleared = Signal()  # "Clear search" on the no-match page (the window's box follows)

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self.model = ContactsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search contacts"))
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("&New contact…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        comfortable_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 150, 150, 210, 120)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.activated.connect(lambda *_: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # No contacts, or none matching: say so and offer the way on, never a blank table.
        self.empty = EmptyMessage("", parent=self)
        self.empty.setObjectName("contactsEmpty")
        self.empty_add_button = self.empty.add_action(self.tr("&Add a Contact…"),
                                                      themed_icon("new"))
        self.empty_add_button.clicked.connect(self.add)
        self.empty_clear_button = self.empty.add_action(self.tr("C&lear Search"))
        self.empty_clear_button.clicked.connect(self.clear_search)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_page)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages)
        self.reload()

    def set_tracker(self, tracker: Tracker) -> None:
        """Show another database."""
        self._tracker = tracker
        self.reload()

    def reload(self) -> None:
        """Re-read the contacts."""
        self.model.set_rows(self._tracker.list_contacts())
        self._update_buttons()
        self._update_page()

    def clear_search(self) -> None:
        """Show every contact again."""
        self.search.clear()
        self.search_cleared.emit()

    def _update_page(self, *_args: object) -> None:
        if self.proxy.rowCount():
            self.pages.setCurrentWidget(self.table)
            return
        searching = bool(self.search.text().strip()) and self.model.rowCount() > 0
        if searching:
            self.empty.set_message(
                self.tr("No contacts match “%1”").replace("%1", self.search.text().strip()),
                self.tr("Search looks in names, companies, roles, e-mail addresses and phone "
                        "numbers."))
        else:
            self.empty.set_message(
                self.tr("No contacts yet"),
                self.tr("Keep the recruiters, interviewers and referrers of your search here, "
                        "with how to reach them. Add one now, or from an application's "
                        "Contacts tab to link them to it."))
        self.empty_add_button.setVisible(not searching)
        self.empty_clear_button.setVisible(searching)
        self.pages.setCurrentWidget(self.empty)

    def _selected(self) -> ContactRow | None:
        index: QModelIndex = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return index.data(ContactRole)  # type: ignore[no-any-return]

    def _update_buttons(self, *_args: object) -> None:
        selected = self._selected() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def add(self) -> None:
        """Add a contact."""
        dialog = ContactDialog(self, companies=self._tracker.company_names())
        if dialog.exec() == ContactDialog.DialogCode.Accepted and dialog.contact():
            self._tracker.add_contact(dialog.contact())  # type: ignore[arg-type]
            self.reload()

    def edit_selected(self) -> None:
        """Edit the selected contact."""
        row = self._selected()
        if row is None:
            return
        dialog = ContactDialog(self, existing=row, companies=self._tracker.company_names())
        if dialog.exec() == ContactDialog.DialogCode.Accepted and dialog.contact():
            contact = dialog.contact()
            assert contact is not None
            try:
                self._tracker.edit_contact(
                    row.id, name=contact.name, company=contact.company, role=contact.role,
                    email=contact.email, phone=contact.phone,
                    linkedin_url=contact.linkedin_url, notes=contact.notes)
            except JobTrackerError as error:
                QMessageBox.warning(self, self.tr("Contact not saved"),
                                    literal(str(error)))
            self.reload()

    def delete_selected(self) -> None:
        """Delete the selected contact after asking."""
        row = self._selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete contact"),
            literal(self.tr("Delete %1? Their links to applications go too.").replace(
                "%1", row.name)))
        if answer == QMessageBox.StandardButton.Yes:
            self._tracker.delete_contact(row.id)
            self.reload()
