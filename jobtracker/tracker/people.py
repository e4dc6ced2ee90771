"""Use cases on companies and the contacts met at them."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import delete, insert, select

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import Company, Contact, application_contact
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import MAX_NAME, ContactInput, required_text
from jobtracker.tracker.rows import ContactRow


class PeopleMixin(TrackerBase):
    """Companies and contacts."""

    def rename_company(self, old_name: str, new_name: str) -> None:
        """Rename a company everywhere (search follows through the index triggers)."""
        new_name = required_text("company", new_name, MAX_NAME)
        with self.db.write() as session:
            company = session.scalar(select(Company).where(Company.name == old_name))
            if company is None:
                raise NotFoundError(f"no company named {old_name!r}")
            clash = session.scalar(select(Company.id).where(Company.name == new_name,
                                                            Company.id != company.id))
            if clash is not None:
                raise ValidationError("company", f"a company named {new_name!r} already exists")
            company.name = new_name

    def add_contact(self, contact: ContactInput) -> int:
        """Save a person; returns the contact id."""
        contact = contact.validated()
        with self.db.write() as session:
            row = Contact(**self._contact_fields(session, contact))
            session.add(row)
            session.flush()
            return row.id

    def edit_contact(self, contact_id: int, **changes: Any) -> None:
        """Change some fields of a contact."""
        with self.db.write() as session:
            row = self._contact(session, contact_id)
            company = session.get(Company, row.company_id) if row.company_id else None
            current = ContactInput(name=row.name, company=company.name if company else None,
                                   role=row.role, email=row.email, phone=row.phone,
                                   linkedin_url=row.linkedin_url, notes=row.notes)
            try:
                merged = dataclasses.replace(current, **changes).validated()
            except TypeError as error:
                raise ValidationError("contact", str(error)) from error
            for name, value in self._contact_fields(session, merged).items():
                setattr(row, name, value)

    def delete_contact(self, contact_id: int) -> None:
        """Remove a contact (and its links to applications)."""
        with self.db.write() as session:
            session.delete(self._contact(session, contact_id))

    def link_contact(self, application_id: int, contact_id: int) -> None:
        """Say that this person is part of this application."""
        with self.db.write() as session:
            self._application(session, application_id)
            self._contact(session, contact_id)
            linked = session.scalar(select(application_contact.c.contact_id).where(
                application_contact.c.application_id == application_id,
                application_contact.c.contact_id == contact_id))
            if linked is None:
                session.execute(insert(application_contact).values(
                    application_id=application_id, contact_id=contact_id))

    def unlink_contact(self, application_id: int, contact_id: int) -> bool:
        """Undo ``link_contact``; False when they were not linked."""
        with self.db.write() as session:
            result = session.execute(delete(application_contact).where(
                application_contact.c.application_id == application_id,
                application_contact.c.contact_id == contact_id))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def list_contacts(self) -> list[ContactRow]:
        """Every contact, by name."""
        with self.db.read() as session:
            rows = session.execute(
                select(Contact.id, Contact.name, Company.name, Contact.role, Contact.email,
                       Contact.phone, Contact.linkedin_url, Contact.notes)
                .outerjoin(Company, Company.id == Contact.company_id).order_by(Contact.name)
            )
            return [ContactRow(*row) for row in rows]

    def _contact_fields(self, session: Any, contact: ContactInput) -> dict[str, Any]:
        return {
            "name": contact.name,
            "company_id": self._company_id(session, contact.company) if contact.company else None,
            "role": contact.role,
            "email": contact.email,
            "phone": contact.phone,
            "linkedin_url": contact.linkedin_url,
            "notes": contact.notes,
        }

    @staticmethod
    def _contact(session: Any, contact_id: int) -> Contact:
        row = session.get(Contact, contact_id)
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        assert isinstance(row, Contact)
        return row
