"""Contacts out as vCard 4.0 (RFC 6350), one card per person.

Written by hand rather than with ``vobject``: that library writes vCard 3.0 only
and is barely maintained, and the 4.0 text format needs little — escaping
(RFC 6350 §3.4), CRLF line ends and folding at 75 octets without splitting a
UTF-8 character (§3.2). The tests parse every card back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import TextIO

from jobtracker import __version__
from jobtracker.tracker.rows import ContactRow

PRODID = f"-//JobTracker//JobTracker {__version__}//EN"
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://jobtracker.local/contact")
_GLOBAL_PHONE = re.compile(r"\+[0-9][0-9 ().\-]*[0-9]")
LIMIT = 75  # octets per physical line, CRLF not counted


def escape_text(value: str) -> str:
    """A TEXT value: backslash, comma, semicolon and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def _uri(value: str) -> str:
    # A URI cannot hold a line break; everything else stays as given.
    return " ".join(value.split())


def fold(line: str) -> str:
    """Fold a content line into CRLF-separated pieces of at most 75 octets."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LIMIT - 1  # the leading space counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def contact_uid(contact_id: int) -> str:
    """A stable UID per contact of this database (a name-based UUID URN)."""
    return uuid.uuid5(_UID_NAMESPACE, str(contact_id)).urn


def split_name(name: str) -> tuple[str, str]:
    """(family, given) guessed from a full name: the last word is the family name."""
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    return words[-1], " ".join(words[:-1])


def _phone(phone: str) -> str:
    number = phone.strip()
    if _GLOBAL_PHONE.fullmatch(number):
        compact = re.sub(r"[ ().\-]+", "-", number)
        return f"TEL;TYPE=work;VALUE=uri:tel:{compact}"
    return f"TEL;TYPE=work;VALUE=text:{escape_text(number)}"


def card_lines(contact: ContactRow) -> list[str]:
    """The unfolded content lines of one contact's card."""
    family, given = split_name(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{escape_text(PRODID)}",
        f"UID:{contact_uid(contact.id)}",
        "KIND:individual",
        f"FN:{escape_text(contact.name)}",
        f"N:{escape_text(family)};{escape_text(given)};;;",
    ]
    if contact.company:
        lines.append(f"ORG:{escape_text(contact.company)}")
    if contact.role:
        lines.append(f"TITLE:{escape_text(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{escape_text(contact.email)}")
    if contact.phone:
        lines.append(_phone(contact.phone))
    if contact.linkedin_url:
        lines.append(f"URL:{_uri(contact.linkedin_url)}")
    if contact.notes:
        lines.append(f"NOTE:{escape_text(contact.notes)}")
    lines.append("END:VCARD")
    return lines


def write_vcards(contacts: Iterable[ContactRow], out: TextIO) -> int:
    """Write each contact as a vCard 4.0; returns how many.

    ``out`` must not translate line ends (open files with ``newline=""``): the
    format requires CRLF.
    """
    count = 0
    for contact in contacts:
        out.write("".join(fold(line) for line in card_lines(contact)))
        count += 1
    return count
