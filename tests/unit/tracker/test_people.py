"""Companies and contacts."""

import pytest

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, ContactInput, Tracker


def test_contacts_link_to_companies_and_applications(tracker: Tracker):
    app_id = tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    jane = tracker.add_contact(ContactInput(name="Jane Doe", company="acme", role="Recruiter",
                                            email="jane@acme.example"))
    tracker.link_contact(app_id, jane)
    tracker.link_contact(app_id, jane)  # linking twice is harmless
    [contact] = tracker.get_application(app_id).contacts
    assert (contact.name, contact.company, contact.role) == ("Jane Doe", "Acme", "Recruiter")
    tracker.edit_contact(jane, role="Head of Talent")
    assert tracker.list_contacts()[0].role == "Head of Talent"
    tracker.unlink_contact(app_id, jane)
    assert tracker.get_application(app_id).contacts == ()
    tracker.delete_contact(jane)
    assert tracker.list_contacts() == []


def test_contact_validation(tracker: Tracker):
    with pytest.raises(ValidationError) as caught:
        tracker.add_contact(ContactInput(name="Jane", email="not an email"))
    assert caught.value.field == "email"


def test_rename_company_refuses_a_clash(tracker: Tracker):
    tracker.add_application(ApplicationInput(title="A", company="Acme"))
    tracker.add_application(ApplicationInput(title="B", company="Globex"))
    with pytest.raises(ValidationError, match="already exists"):
        tracker.rename_company("Acme", "globex")
