"""The Contacts view's empty and no-match pages, and the actions they offer."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from jobtracker.tracker import ContactInput
from jobtracker.ui.mainwindow.main_window import MainWindow


def test_no_contacts_says_what_goes_there_and_offers_to_add(window: MainWindow) -> None:
    window.show_view("contacts")
    contacts = window.contacts
    assert contacts.pages.currentWidget() is contacts.empty
    assert contacts.empty.heading.text() == "No contacts yet"
    assert contacts.empty_add_button.isVisible()
    assert not contacts.empty_clear_button.isVisible()
    window.tracker.add_contact(ContactInput("Ann Lee", company="Acme"))
    window.refresh()
    assert contacts.pages.currentWidget() is contacts.table


def test_a_search_without_matches_offers_to_clear_it(qtbot: QtBot, window: MainWindow) -> None:
    window.tracker.add_contact(ContactInput("Ann Lee", company="Acme"))
    window.refresh()
    window.show_view("contacts")
    contacts = window.contacts
    qtbot.keyClicks(window.search, "zzz")
    qtbot.waitUntil(lambda: contacts.search.text() == "zzz")
    assert contacts.pages.currentWidget() is contacts.empty
    assert contacts.empty.heading.text() == "No contacts match “zzz”"
    assert contacts.empty_clear_button.isVisible()
    contacts.empty_clear_button.click()
    assert window.search.text() == "" and contacts.search.text() == ""
    assert contacts.pages.currentWidget() is contacts.table
    assert window.count_label.text() == "1 contacts"
