"""One scan of a mailbox: new messages since the last scan -> suggestion drafts (network only).

Runs in a worker thread: it touches no database and no widget. Messages are
fetched with BODY.PEEK (never marked read), headers plus at most
``ScanLimits.max_message_bytes`` of the body, and folders are opened read-only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import imaplib
import re
import ssl
import time
from collections.abc import Callable

from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.imap import MailError, quote_folder, session, translate
from jobtracker.mail.match import MatchIndex
from jobtracker.mail.message import parse_message
from jobtracker.mail.suggest import SuggestionDraft, suggest

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_UID = re.compile(rb"UID (\d+)")


@dataclasses.dataclass(frozen=True)
class FolderState:
    """How far a folder was read: its UIDVALIDITY and the highest UID handled."""

    folder: str
    uidvalidity: int
    last_uid: int


@dataclasses.dataclass(frozen=True)
class ScanLimits:
    """Bounds of one scan: bytes read per message, seconds per scan, network timeout."""

    max_message_bytes: int = 256 * 1024
    max_seconds: float = 300.0
    timeout: float = 30.0


@dataclasses.dataclass(frozen=True)
class ScanJob:
    """Everything a scan needs, read from the database beforehand (plain data)."""

    account: MailAccount
    states: tuple[FolderState, ...]
    since: dt.date | None
    index: MatchIndex


@dataclasses.dataclass(frozen=True)
class ScanOutcome:
    """What a scan found and how far it got, to be saved on the main thread."""

    account_name: str
    suggestions: tuple[SuggestionDraft, ...]
    states: tuple[FolderState, ...]
    messages_read: int
    cancelled: bool
    notes: tuple[str, ...]


def imap_date(day: dt.date) -> str:
    """A date as IMAP SEARCH wants it (English month names whatever the locale)."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


def _select(imap: imaplib.IMAP4, account: MailAccount, folder: str) -> int:
    """Open ``folder`` read-only (EXAMINE) and return its UIDVALIDITY."""
    typ, _ = imap.select(quote_folder(folder), readonly=True)
    if typ != "OK":
        raise MailError(f"{account.host}:{account.port} has no folder named {folder!r}")
    _, data = imap.response("UIDVALIDITY")
    try:
        return int(data[0]) if data and data[0] is not None else 0
    except (TypeError, ValueError):
        return 0


def _search(imap: imaplib.IMAP4, last_uid: int, since: dt.date | None) -> list[int]:
    criteria = [f"UID {last_uid + 1}:*"] if last_uid else ["ALL"]
    if since is not None:
        criteria.append(f"SINCE {imap_date(since)}")
    typ, data = imap.uid("SEARCH", *criteria)
    if typ != "OK":
        raise imaplib.IMAP4.error(f"SEARCH failed: {typ}")
    found = (data[0] or b"").split() if data else []
    # "n:*" always includes the highest UID even when it is below n.
    return sorted(uid for uid in (int(x) for x in found) if uid > last_uid)


def _fetch(imap: imaplib.IMAP4, uid: int, cap: int) -> tuple[bytes, int, bool]:
    """Header and the first ``cap`` bytes of the body of message ``uid``; its full size."""
    typ, data = imap.uid("FETCH", str(uid),
                         f"(RFC822.SIZE BODY.PEEK[HEADER] BODY.PEEK[TEXT]<0.{cap}>)")
    if typ != "OK":
        raise imaplib.IMAP4.error(f"FETCH failed: {typ}")
    header = b""
    body = b""
    size = 0
    for item in data:
        if not isinstance(item, tuple):
            continue
        prefix, literal = item[0], item[1]
        found = _SIZE.search(prefix)
        if found:
            size = int(found.group(1))
        if b"BODY[HEADER]" in prefix:
            header = literal
        elif b"BODY[TEXT]" in prefix:
            body = literal
    cut = size - len(header) > cap
    if not header.endswith(b"\r\n\r\n") and not header.endswith(b"\n\n"):
        header += b"\r\n"
    return header + body, size, cut


def execute_scan(job: ScanJob, password: str, *,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 ssl_context: ssl.SSLContext | None = None,
                 limits: ScanLimits = ScanLimits()) -> ScanOutcome:
    """Read the new messages of every folder of ``job.account`` and draft suggestions."""
    account = job.account.validate()
    previous = {state.folder: state for state in job.states}
    states: dict[str, FolderState] = dict(previous)
    drafts: dict[str, SuggestionDraft] = {}
    notes: list[str] = []
    read = 0
    stopped = False
    started = time.monotonic()
    failure: MailError | None = None
    try:
        with session(account, password, timeout=limits.timeout,
                     ssl_context=ssl_context) as imap:
            plan: list[tuple[str, int, int, list[int]]] = []
            for folder in account.folders:
                uidvalidity = _select(imap, account, folder)
                old = previous.get(folder)
                last = 0
                if old is not None and old.uidvalidity == uidvalidity:
                    last = old.last_uid
                elif old is not None:
                    notes.append(f"{folder} was renumbered by the server (new UIDVALIDITY); "
                                 "it was read again, and known messages were skipped")
                plan.append((folder, uidvalidity, last, _search(imap, last, job.since)))
            total = sum(len(uids) for *_, uids in plan)
            if progress is not None:
                progress(0, total)
            for folder, uidvalidity, last, uids in plan:
                if stopped:
                    break
                _select(imap, account, folder)
                for uid in uids:
                    if cancelled is not None and cancelled():
                        stopped = True
                        break
                    if time.monotonic() - started > limits.max_seconds:
                        notes.append(f"stopped after {limits.max_seconds:.0f} s; the next scan "
                                     "continues where this one ended")
                        stopped = True
                        break
                    raw, size, cut = _fetch(imap, uid, limits.max_message_bytes)
                    if cut:
                        notes.append(f"message {uid} in {folder} is {size // 1024} kB; only its "
                                     f"first {limits.max_message_bytes // 1024} kB were read")
                    try:
                        draft = suggest(parse_message(raw), job.index)
                    except (ValueError, LookupError, TypeError, AttributeError):
                        # One malformed message must not stop the scan; it is named by
                        # number only, since nothing of the mailbox goes into notes or logs.
                        notes.append(f"message {uid} in {folder} could not be read; skipped")
                        draft = None
                    if draft is not None and draft.message_id not in drafts:
                        drafts[draft.message_id] = draft
                    last = uid
                    read += 1
                    if progress is not None:
                        progress(read, total)
                states[folder] = FolderState(folder, uidvalidity, last)
    except (OSError, imaplib.IMAP4.error) as error:
        failure = translate(account, error)
    if failure is not None:
        raise failure  # not in the except block: the server's raw words stay out of it
    was_cancelled = stopped and cancelled is not None and cancelled()
    return ScanOutcome(
        account_name=account.name,
        suggestions=tuple(sorted(drafts.values(), key=lambda d: d.date)),
        states=tuple(states[f] for f in account.folders if f in states),
        messages_read=read,
        cancelled=was_cancelled,
        notes=tuple(notes),
    )
