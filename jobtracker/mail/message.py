"""One mail message reduced to what matching needs: ids, sender, subject, plain text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.utils
import hashlib
import re
from email import policy
from email.message import EmailMessage, Message

# Text beyond this is not looked at: the facts of a reply are at its top.
TEXT_LIMIT = 20_000

_QUOTE_HEADER = re.compile(
    r"^(On .{0,200}wrote:|Am .{0,200}schrieb .{0,200}:|Le .{0,200}a écrit\s*:|"
    r"El .{0,200}escribió:|-{2,} ?(Original Message|Ursprüngliche Nachricht|Message d'origine|"
    r"Mensaje original) ?-{2,}|From: .{0,200}$)",
    re.MULTILINE,
)

# Out-of-office replies quote the user's subject and say "unfortunately": never a rejection.
_AUTO_SUBJECT = re.compile(
    r"(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|abwesenheitsnotiz|"
    r"automatische antwort|réponse automatique|absence du bureau|respuesta automática|"
    r"fuera de la oficina)", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class MailMessage:
    """The parts of a message the matcher reads; the text is never stored."""

    message_id: str
    date: dt.datetime
    sender: str
    sender_address: str
    subject: str
    text: str
    bulk: bool
    reply_to: str = ""
    auto_reply: bool = False

    @property
    def sender_domain(self) -> str:
        """The domain of the sender's address, lower case."""
        return self.sender_address.rpartition("@")[2].lower()


def parse_message(raw: bytes, *, received: dt.datetime | None = None) -> MailMessage:
    """Parse an RFC 5322 message (possibly cut short) into a MailMessage."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    subject = _header(msg, "Subject")
    sender = _header(msg, "From")
    name, address = email.utils.parseaddr(sender)
    reply_to = email.utils.parseaddr(_header(msg, "Reply-To"))[1]
    date = _date(_header(msg, "Date")) or received or dt.datetime.now(dt.UTC)
    message_id = _header(msg, "Message-ID").strip()
    if not message_id:
        # A stable stand-in, so a message without an id is still never proposed twice.
        digest = hashlib.sha256(f"{date.isoformat()}\n{address}\n{subject}".encode()).hexdigest()
        message_id = f"<no-id-{digest[:32]}@jobtracker.invalid>"
    precedence = _header(msg, "Precedence").strip().lower()
    bulk = bool(_header(msg, "List-Unsubscribe") or _header(msg, "List-Id")) \
        or precedence in {"bulk", "list", "junk"}
    auto = _header(msg, "Auto-Submitted").strip().lower()
    # RFC 3834: "auto-replied" is an out-of-office; "auto-generated" (ATS mail) is not.
    auto_reply = auto.startswith("auto-replied") \
        or bool(_header(msg, "X-Autoreply") or _header(msg, "X-Autorespond")) \
        or bool(_AUTO_SUBJECT.match(subject.strip()))
    display = f"{name} <{address}>" if name else address
    return MailMessage(
        message_id=message_id[:998],
        date=date,
        sender=display[:500],
        sender_address=address.lower(),
        subject=" ".join(subject.split())[:1000],
        text=strip_quoted(body_text(msg))[:TEXT_LIMIT],
        bulk=bulk,
        reply_to=reply_to.lower(),
        auto_reply=auto_reply,
    )


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError):
        # A malformed header must not stop the scan; read it raw instead.
        raw = msg.get_all(name, failobj=[])
        value = str(raw[0]) if raw else None
    return "" if value is None else str(value)


def _date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        # RFC 5322 "-0000": the zone is unknown; UTC is the honest reading.
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def body_text(msg: EmailMessage) -> str:
    """The message's plain text: its text/plain part, or its HTML part turned into text."""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, LookupError):
        part = None
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError, KeyError):
        payload = part.get_payload(decode=True)
        content = payload.decode("latin-1") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return content


def html_to_text(html: str) -> str:
    """Readable text of an HTML mail, without scripts, styles or markup."""
    if not html.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    for br in root.xpath("//br|//p|//div|//li|//tr|//h1|//h2|//h3"):
        br.tail = "\n" + (br.tail or "")
    text = root.text_content()
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def strip_quoted(text: str) -> str:
    """The new part of a reply: quoted lines and everything after "On ... wrote:" go."""
    match = _QUOTE_HEADER.search(text)
    if match and match.start() > 0:
        text = text[:match.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
