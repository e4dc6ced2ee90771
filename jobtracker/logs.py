"""The log of the CLI and the app: a rotating file in the platform's log folder, no private data."""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
import traceback
from collections.abc import Mapping
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from jobtracker.paths import log_dir

LOG_FILE = "jobtracker.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # jobtracker.log.1 ... .5: at most 6 MB on disk
MESSAGE_CAP = 2_000  # characters of one record's message
ARG_CAP = 200  # a %-argument longer than this is data (a posting, a mail body), not a diagnostic
EXCEPTION_CAP = 300  # characters of an exception's message
QUOTED_CAP = 80  # a longer quoted literal in an exception message is a stored value (a note ...)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

REDACTED = "<redacted>"
EMAIL = "<email>"

_URL = re.compile(r"\b([a-zA-Z][a-zA-Z0-9+.\-]{0,30})://([^\s<>\"'`\\]+)")
# Header lines whose whole value is a credential, as written by HTTP libraries or in a dict repr.
_HEADER = re.compile(r"(?i)\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key)"
                     r"(['\"]?\s*[:=]\s*)[^\n]*")
_BEARER = re.compile(r"(?i)\b(bearer|basic|token)(\s+)[A-Za-z0-9._~+/\-]{8,}=*")
# key=value, key: value, 'key': 'value' where the key names a credential. The bounded {0,40}
# keeps a long run of word characters from costing quadratic time.
_SECRET = re.compile(
    r"(?i)\b([\w\-]{0,40}(?:password|passwd|passphrase|pwd|secret|token|api[_\-]?key|apikey"
    r"|access[_\-]?key|private[_\-]?key|credentials?|session[_\-]?id)[\w\-]{0,40})"
    r"(['\"]?\s*[:=]\s*)"
    r"('[^'\n]*'|\"[^\"\n]*\"|[^\s,;&)}\]]+)")
# The look-behind starts a match only where a run of address characters starts: linear time
# on long runs like base64 or a row of x's (else each position rescans the run).
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_QUOTED = re.compile(rf"'[^'\n]{{{QUOTED_CAP},}}'|\"[^\"\n]{{{QUOTED_CAP},}}\"")


def _url(match: re.Match[str]) -> str:
    """Scheme, host and path of a URL: no user:password@, no query string, no fragment."""
    text = match.group(0)
    tail = ""
    while text and text[-1] in ".,;:!?)]}":  # sentence punctuation after a URL is not in it
        tail = text[-1] + tail
        text = text[:-1]
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return f"{match.group(1)}://{REDACTED}{tail}"
    if ":" in host:
        host = f"[{host}]"
    hidden = f"?{REDACTED}" if parts.query or parts.fragment else ""
    return f"{parts.scheme}://{host}{port}{parts.path}{hidden}{tail}"


# Every form of each secret this process was given (a mail password at login), longest
# first; swapped whole under the lock, so readers in other threads need none.
_known_secrets: tuple[str, ...] = ()
_secrets_lock = threading.Lock()


def secret_forms(secret: str, user: str | None = None) -> set[str]:
    """The forms in which a server might echo ``secret`` back.

    As is; quoted as IMAP LOGIN sends it (backslash and double quote escaped); the base64 of
    SASL PLAIN (NUL, user, NUL, secret) and of AUTH LOGIN; URL-encoded; and each of those
    inside a bytes repr (how imaplib shows a server's reply).
    """
    import base64
    from urllib.parse import quote, quote_plus

    forms = {secret, secret.replace("\\", "\\\\").replace('"', '\\"'), quote(secret, safe=""),
             quote(secret), quote_plus(secret)}
    blobs = [secret] + ([f"\0{user}\0{secret}", f"{user}\0{user}\0{secret}"] if user else [])
    for blob in blobs:
        encoded = base64.b64encode(blob.encode("utf-8")).decode("ascii")
        forms |= {encoded, encoded.rstrip("=")}
    forms |= {repr(form.encode("utf-8"))[2:-1] for form in list(forms)}
    return {form for form in forms if form}


def add_secret(secret: str, user: str | None = None) -> None:
    """Remember ``secret`` for :func:`redact` and :func:`scrub_secrets`.

    From now on they remove it in every form of :func:`secret_forms`, from messages shown
    and lines logged alike.
    """
    global _known_secrets
    if not secret:
        return
    with _secrets_lock:
        forms = set(_known_secrets) | secret_forms(secret, user)
        _known_secrets = tuple(sorted(forms, key=len, reverse=True))


def scrub_secrets(text: str) -> str:
    """``text`` with every remembered secret (see :func:`add_secret`) replaced."""
    for form in _known_secrets:
        if form in text:
            text = text.replace(form, REDACTED)
    return text


def redact(text: str) -> str:
    """``text`` without credentials, e-mail addresses, URL query strings or the home folder."""
    text = scrub_secrets(text)  # first: the patterns below could cut a secret in two
    text = _URL.sub(_url, text)
    text = _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _EMAIL.sub(EMAIL, text)
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    return text


def _cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit} more characters left out]"


def one_line(text: str, limit: int = MESSAGE_CAP) -> str:
    """The first line of ``text``, redacted and capped: what may be logged or shown of a message.

    Only the first line, because what follows it in a message is data: a pasted posting, a mail
    body, or the ``[parameters: ...]`` SQLAlchemy appends (the values of the failed row).
    """
    first, *rest = text.strip().splitlines() or [""]
    more = f" [{len(rest)} more lines left out]" if rest else ""
    # Cut before redacting too (a margin keeps a secret at the cut whole), so that a 50 kB
    # line costs no more than a short one.
    return _cap(redact(first[:limit + 500]), limit) + more


def exception_message(error: BaseException) -> str:
    """The message of ``error`` fit for a log or an error report: one line, redacted, short.

    Long quoted literals go too: libraries quote the offending value (``repr`` of a note, a
    description), which is the user's data, not the diagnosis.
    """
    try:
        text = str(error)
    except Exception:  # a broken __str__ must not hide the original error
        text = ""
    text = _QUOTED.sub(lambda m: f"{m.group(0)[0]}<{len(m.group(0)) - 2} characters>"
                                 f"{m.group(0)[0]}", text)
    return one_line(text, EXCEPTION_CAP)


def _type_name(kind: type[BaseException]) -> str:
    module = kind.__module__
    if module in ("builtins", "__main__"):
        return kind.__qualname__
    return f"{module}.{kind.__qualname__}"


def format_exception(error: BaseException, tb: TracebackType | None = None) -> str:
    """A traceback: every frame (file, line, function), the chain of causes, each message cut.

    Each exception's message is reduced by :func:`exception_message`.
    """
    return redact("".join(_exception_lines(error, tb or error.__traceback__, set())))


def _exception_lines(error: BaseException, tb: TracebackType | None, seen: set[int]
                     ) -> list[str]:
    seen.add(id(error))
    lines: list[str] = []
    cause, context = error.__cause__, error.__context__
    if cause is not None and id(cause) not in seen:
        lines += _exception_lines(cause, cause.__traceback__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:"
                     "\n\n")
    elif context is not None and not error.__suppress_context__ and id(context) not in seen:
        lines += _exception_lines(context, context.__traceback__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:"
                     "\n\n")
    if tb is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_list(traceback.extract_tb(tb))
    message = exception_message(error)
    lines.append(f"{_type_name(type(error))}: {message}\n" if message
                 else f"{_type_name(type(error))}\n")
    return lines


class _Omitted:
    """Stands in for a %-argument too long to log."""

    def __init__(self, length: int) -> None:
        self.length = length

    def __str__(self) -> str:
        return f"<{self.length} characters not logged>"

    __repr__ = __str__


def _safe_arg(value: object) -> object:
    if value is None or isinstance(value, int | float):
        return value
    try:
        length = len(str(value))
    except Exception:
        return _Omitted(0)
    return _Omitted(length) if length > ARG_CAP else value


def _raw_message(record: logging.LogRecord) -> str:
    args: Any = record.args
    if isinstance(args, tuple):
        args = tuple(_safe_arg(arg) for arg in args)
    elif isinstance(args, Mapping):
        args = {key: _safe_arg(value) for key, value in args.items()}
    try:
        return str(record.msg) % args if args else str(record.msg)
    except (TypeError, ValueError, KeyError):
        return str(record.msg)


class RedactingFormatter(logging.Formatter):
    """Formats a copy of each record, leaving the record (seen by other handlers) unchanged.

    The message on one redacted line, long arguments dropped, the traceback by
    :func:`format_exception`.
    """

    def __init__(self) -> None:
        super().__init__(FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)
        safe.msg, safe.args = one_line(_raw_message(record)), None
        safe.exc_info = None
        safe.exc_text = None
        if record.exc_info and record.exc_info[1] is not None:
            safe.exc_text = format_exception(record.exc_info[1], record.exc_info[2]).rstrip("\n")
        elif record.exc_text:
            safe.exc_text = redact(record.exc_text)
        safe.stack_info = redact(record.stack_info) if record.stack_info else None
        return redact(super().format(safe))


class _LogFile(logging.handlers.RotatingFileHandler):
    """Creates its folder on the first record; a failure to log stays silent.

    A full disk or a read-only folder must not turn one error into a second one on the screen.
    """

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


_lock = threading.Lock()
_handler: _LogFile | None = None


def configure_logging() -> Path:
    """Send the app's log records to ``log_dir()/jobtracker.log``; returns that path.

    Call it when a command or the window starts, not at import: ``--version`` and ``--help``
    stay fast and write nothing. The file is only created with the first record. Calling it
    again is cheap; it follows ``log_dir()`` when that changed.
    """
    global _handler
    path = log_dir() / LOG_FILE
    with _lock:
        if _handler is not None and Path(_handler.baseFilename) == path.absolute():
            return path
        root = logging.getLogger()
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                            encoding="utf-8", delay=True)
        _handler.setLevel(logging.INFO)
        _handler.setFormatter(RedactingFormatter())
        root.addHandler(_handler)
        # Our own records from INFO; other libraries' only from WARNING (the root's default).
        logging.getLogger("jobtracker").setLevel(logging.INFO)
    return path
