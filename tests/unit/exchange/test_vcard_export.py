"""Contacts out as vCard 4.0, parsed back by a strict RFC 6350 reader written here."""

import io
import re

from jobtracker.exchange.vcard_export import contact_uid, fold, split_name, write_vcards
from jobtracker.tracker import ContactInput, Tracker
from jobtracker.tracker.rows import ContactRow

Card = dict[str, list[tuple[dict[str, str], str]]]


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            nxt = value[i + 1]
            assert nxt in "\\,;nN", f"bad escape \\{nxt}"
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            assert char not in ",;", f"unescaped {char!r} in {value!r}"
            out.append(char)
            i += 1
    return "".join(out)


def _components(value: str) -> list[str]:
    return [_unescape(part) for part in re.split(r"(?<!\\);", value)]


def parse(data: bytes) -> list[Card]:
    """Strict: CRLF only, physical lines of at most 75 octets, valid folding and escapes."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
    logical: list[bytes] = []
    for line in physical:
        if line[:1] in (b" ", b"\t"):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    cards: list[Card] = []
    for raw in logical:
        text = raw.decode("utf-8")  # a fold splitting a character would fail here
        head, _, value = text.partition(":")
        name, *params = head.split(";")
        if name == "BEGIN":
            assert value == "VCARD"
            cards.append({})
            continue
        if name == "END":
            continue
        param_map = dict(p.split("=", 1) for p in params)
        cards[-1].setdefault(name.upper(), []).append((param_map, value))
    return cards


def _export(contacts: list[ContactRow]) -> tuple[int, bytes]:
    out = io.StringIO(newline="")
    count = write_vcards(contacts, out)
    return count, out.getvalue().encode("utf-8")


TRICKY = ContactRow(
    id=7, name="Ana María de la Cruz", company="Müller, Schmidt; Partner GmbH",
    role="Head of Talent, EMEA", email="ana@mueller.example", phone="+49 (30) 1234-567",
    linkedin_url="https://www.linkedin.com/in/ana-cruz",
    notes="Met at the meetup; very helpful.\nFollow up in March, about \\the\\ team.\r\n"
          "Ünïcödé ✓ " + "long text " * 20)


def test_every_field_comes_back():
    count, data = _export([TRICKY])
    assert count == 1
    [card] = parse(data)
    assert card["VERSION"] == [({}, "4.0")]
    assert card["UID"] == [({}, contact_uid(7))]
    assert card["UID"][0][1].startswith("urn:uuid:")
    assert _unescape(card["FN"][0][1]) == "Ana María de la Cruz"
    assert _components(card["N"][0][1]) == ["Cruz", "Ana María de la", "", "", ""]
    assert _components(card["ORG"][0][1]) == ["Müller, Schmidt; Partner GmbH"]
    assert _unescape(card["TITLE"][0][1]) == "Head of Talent, EMEA"
    assert card["EMAIL"] == [({"TYPE": "work"}, "ana@mueller.example")]
    assert card["TEL"] == [({"TYPE": "work", "VALUE": "uri"}, "tel:+49-30-1234-567")]
    assert card["URL"] == [({}, "https://www.linkedin.com/in/ana-cruz")]
    assert _unescape(card["NOTE"][0][1]) == (
        "Met at the meetup; very helpful.\nFollow up in March, about \\the\\ team.\n"
        "Ünïcödé ✓ " + "long text " * 20)
    assert b"\r\n " in data  # the note was folded


def test_minimal_contacts_and_local_phone_numbers():
    plain = ContactRow(1, "Cher", None, None, None, "030 1234567", None, None)
    count, data = _export([plain, TRICKY])
    assert count == 2
    first, second = parse(data)
    assert _components(first["N"][0][1]) == ["", "Cher", "", "", ""]
    assert first["TEL"] == [({"TYPE": "work", "VALUE": "text"}, "030 1234567")]
    for absent in ("ORG", "TITLE", "EMAIL", "URL", "NOTE"):
        assert absent not in first
    assert second["UID"] != first["UID"]
    assert _export([])[0] == 0


def test_folding_never_splits_a_character():
    line = "NOTE:" + "ü" * 100 + "✓" * 50
    folded = fold(line).encode("utf-8")
    pieces = folded[:-2].split(b"\r\n")
    assert all(len(piece) <= 75 for piece in pieces)
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    assert b"".join([pieces[0], *(p[1:] for p in pieces[1:])]).decode("utf-8") == line
    assert fold("FN:x") == "FN:x\r\n"


def test_name_split():
    assert split_name("Jane Doe") == ("Doe", "Jane")
    assert split_name("  Cher ") == ("", "Cher")


def test_contacts_from_the_tracker(tracker: Tracker):
    tracker.add_contact(ContactInput(name="Raj Patel", company="Acme", role="CTO",
                                     email="raj@acme.example"))
    tracker.add_contact(ContactInput(name="Ann Lee"))
    _, data = _export(tracker.list_contacts())
    cards = parse(data)
    assert [_unescape(c["FN"][0][1]) for c in cards] == ["Ann Lee", "Raj Patel"]
    assert _components(cards[1]["ORG"][0][1]) == ["Acme"]
