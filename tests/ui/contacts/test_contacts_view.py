from PySide6.QtWidgets import QDialogButtonBox

from jobtracker.tracker import ContactInput
from jobtracker.ui.contacts.contacts_model import ContactsModel
from jobtracker.ui.mainwindow.main_window import MainWindow


def test_contacts_model_passes_modeltester(qtmodeltester, tracker) -> None:  # type: ignore[no-untyped-def]
    tracker.add_contact(ContactInput("Grace Hopper", "Navy", "Admiral", "grace@example.com"))
    tracker.add_contact(ContactInput("Ada Lovelace"))
    model = ContactsModel()
    model.set_rows(tracker.list_contacts())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Ada Lovelace"


def test_contacts_view_search_add_edit_delete(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.tracker.add_contact(ContactInput("Grace Hopper", "Navy", "Admiral"))
    window.tracker.add_contact(ContactInput("Ada Lovelace", "Analytical"))
    window.refresh()
    window.show_view("contacts")
    view = window.contacts
    assert view.proxy.rowCount() == 2
    window.search.setText("navy")
    window._apply_search()
    assert view.proxy.rowCount() == 1
    assert window.count_label.text() == "1 contacts"
    window.search.clear()
    window._apply_search()

    from jobtracker.ui.contacts import contacts_view

    def fake_exec(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.ui.nameEdit.setText("Alan Turing")
        dialog.ui.emailEdit.setText("not-an-email")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.ui.emailError.text()  # refused at the field, dialog still open
        dialog.ui.emailEdit.setText("alan@example.com")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(contacts_view.ContactDialog, "exec", fake_exec)
    view.new_button.click()
    assert "Alan Turing" in [c.name for c in window.tracker.list_contacts()]
    view.table.selectRow(0)
    assert view.edit_button.isEnabled()
