"""Add or edit a contact: a person at a company."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from jobtracker.errors import ValidationError
from jobtracker.tracker import ContactInput, ContactRow
from jobtracker.ui.forms.ui_contact_dialog import Ui_ContactDialog
from jobtracker.ui.widgets.field_errors import FieldErrors


class ContactDialog(QDialog):
    """``contact()`` returns the validated input once accepted."""

    def __init__(self, parent: QWidget | None = None, *, existing: ContactRow | None = None,
                 companies: list[str] | None = None, company: str | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ContactDialog()
        self.ui.setupUi(self)
        # Room for typical values; grows with the text size like the rest of the layout.
        self.setMinimumWidth(36 * self.fontMetrics().averageCharWidth() + 140)
        ui = self.ui
        if companies:
            completer = QCompleter(companies, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            ui.companyEdit.setCompleter(completer)
        self.errors = FieldErrors()
        for field, widget, label in (
                ("name", ui.nameEdit, ui.nameError), ("company", ui.companyEdit, ui.companyError),
                ("role", ui.roleEdit, ui.roleError), ("email", ui.emailEdit, ui.emailError),
                ("phone", ui.phoneEdit, ui.phoneError),
                ("linkedin_url", ui.linkedinUrlEdit, ui.linkedinUrlError),
                ("notes", ui.notesEdit, ui.notesError)):
            self.errors.add(field, widget, label)
        self.errors.fallback = "name"
        self._result: ContactInput | None = None
        self.setWindowTitle(self.tr("Edit Contact") if existing else self.tr("New Contact"))
        if existing is not None:
            ui.nameEdit.setText(existing.name)
            ui.companyEdit.setText(existing.company or "")
            ui.roleEdit.setText(existing.role or "")
            ui.emailEdit.setText(existing.email or "")
            ui.phoneEdit.setText(existing.phone or "")
            ui.linkedinUrlEdit.setText(existing.linkedin_url or "")
            ui.notesEdit.setPlainText(existing.notes or "")
        elif company:
            ui.companyEdit.setText(company)

    def contact(self) -> ContactInput | None:
        """What was entered (after ``accept``)."""
        return self._result

    def accept(self) -> None:
        ui = self.ui
        self.errors.clear_all()
        draft = ContactInput(name=ui.nameEdit.text(), company=ui.companyEdit.text(),
                             role=ui.roleEdit.text(), email=ui.emailEdit.text(),
                             phone=ui.phoneEdit.text(), linkedin_url=ui.linkedinUrlEdit.text(),
                             notes=ui.notesEdit.toPlainText())
        try:
            self._result = draft.validated()
        except ValidationError as error:
            self.errors.show(error.field, error.reason)
            return
        super().accept()
