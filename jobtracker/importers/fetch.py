"""Safe HTTP(S) fetch of one page: scheme check, address check, timeouts, deadline, caps."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from jobtracker.importers.errors import FetchCancelled, FetchError

if TYPE_CHECKING:
    import requests

    from jobtracker.importers.pinned import Pins

USER_AGENT = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/142.0.0.0 Safari/537.36")
ACCEPT_PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPT_JSON = "application/json,text/html;q=0.5,*/*;q=0.1"
MAX_BYTES = 5 * 1024 * 1024
CHUNK = 64 * 1024
_TRANSIENT_STATUS = {429, 502, 503, 504}


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one fetch; tests shrink them to keep failures quick."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 10
    retries: int = 2
    backoff: float = 0.5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    """A fetched body, decoded, with where it finally came from."""

    url: str
    final_url: str
    status: int
    content_type: str
    text: str
    encoding: str
    fetched_at: dt.datetime


def check_url(url: str) -> str:
    """The URL stripped, or FetchError when it is not an http(s) address with a host."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        raise FetchError(f"{text!r} is not a web address") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise FetchError(f"only http and https addresses can be imported, not {shown} ({text})")
    if not parts.hostname:
        raise FetchError(f"{text!r} has no host name")
    return text


def fetch(url: str, *, cancel: threading.Event | None = None,
          options: FetchOptions | None = None, accept: str = ACCEPT_PAGE,
          session: requests.Session | None = None) -> FetchResult:
    """GET ``url`` and return its decoded body; every failure is a FetchError with one line.

    Follows at most ``max_redirects`` redirects (each to http/https only), reads the body in
    chunks (decompressed) up to ``max_bytes``, gives up after ``deadline`` seconds in all,
    retries connection failures and 429/502/503/504 (GET is idempotent), and checks
    ``cancel`` between chunks and attempts.
    """
    import requests  # deferred: the core stays offline and light until a fetch is asked for

    opts = options or FetchOptions()
    url = check_url(url)
    started = time.monotonic()
    own_session = session is None
    http = session or requests.Session()
    http.headers.update({"User-Agent": opts.user_agent, "Accept": accept,
                         "Accept-Language": "en-US,en;q=0.8"})
    from jobtracker.importers.pinned import pinned_adapter

    # Connections go only to addresses _checked_addresses approved, never to a fresh lookup.
    adapter, pins = pinned_adapter()
    http.mount("http://", adapter)
    http.mount("https://", adapter)
    try:
        attempt = 0
        while True:
            _check(cancel, started, opts, url)
            try:
                return _fetch_once(http, pins, url, cancel, started, opts)
            except _Transient as transient:
                attempt += 1
                if attempt > opts.retries:
                    raise transient.error from None
                pause = transient.retry_after or opts.backoff * 2 ** (attempt - 1)
                remaining = opts.deadline - (time.monotonic() - started)
                if pause >= remaining:
                    raise transient.error from None
                if cancel is not None and cancel.wait(pause):
                    raise FetchCancelled("import cancelled") from None
                if cancel is None:
                    time.sleep(pause)
    finally:
        if own_session:
            http.close()


class _Transient(Exception):
    """A failure worth another try (carries the error to raise when tries run out)."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def _check(cancel: threading.Event | None, started: float, opts: FetchOptions, url: str) -> None:
    if cancel is not None and cancel.is_set():
        raise FetchCancelled("import cancelled")
    if time.monotonic() - started > opts.deadline:
        raise FetchError(f"timed out: no complete answer within {opts.deadline:g} s from {url}")


def _fetch_once(http: requests.Session, pins: Pins, url: str,
                cancel: threading.Event | None, started: float, opts: FetchOptions
                ) -> FetchResult:
    import requests

    from jobtracker.importers.pinned import pin_key

    current = url
    public_seen = False
    for hop in range(opts.max_redirects + 1):
        _check(cancel, started, opts, url)
        _refuse_reserved_name(current)
        host, port = _target(current)
        addresses = _checked_addresses(current, host, port, redirected=hop > 0,
                                       public_seen=public_seen)
        pins[pin_key(host, port)] = tuple(str(address) for address in addresses)
        public_seen = public_seen or not any(_internal(address) for address in addresses)
        remaining = max(0.1, opts.deadline - (time.monotonic() - started))
        try:
            response = http.get(current, stream=True, allow_redirects=False,
                                timeout=(min(opts.connect_timeout, remaining),
                                         min(opts.read_timeout, remaining)))
        except requests.exceptions.ConnectTimeout:
            raise _Transient(FetchError(
                f"timed out connecting to {_host(current)} after {opts.connect_timeout:g} s"
            )) from None
        except requests.exceptions.ReadTimeout:
            _check(cancel, started, opts, url)  # the deadline cut the wait short: say so
            raise FetchError(f"timed out: {_host(current)} sent no answer within "
                             f"{opts.read_timeout:g} s") from None
        except requests.exceptions.SSLError:
            raise FetchError(f"secure connection to {_host(current)} failed (certificate or "
                             f"TLS error)") from None
        except requests.exceptions.ConnectionError as error:
            if _name_not_found(error):
                raise _Transient(FetchError(f"cannot find the server {_host(current)} "
                                            "(no such name, or no network)")) from None
            raise _Transient(FetchError(f"cannot connect to {_host(current)}")) from None
        except requests.exceptions.RequestException as error:
            raise FetchError(f"cannot fetch {current}: {type(error).__name__}") from None
        with response:
            if response.is_redirect:
                location = response.headers.get("Location", "")
                target = urljoin(current, location)
                if urlsplit(target).scheme.lower() not in {"http", "https"}:
                    raise FetchError(f"{current} redirects to a non-web address ({target})")
                current = target
                continue
            if response.status_code >= 400:
                failure = FetchError(f"HTTP {response.status_code} {response.reason or ''}".strip()
                                     + f" from {current}", status=response.status_code)
                if response.status_code in _TRANSIENT_STATUS:
                    raise _Transient(failure, _retry_after(response.headers.get("Retry-After")))
                raise failure
            body = _read_body(response, cancel, started, opts, current)
            content_type = response.headers.get("Content-Type", "")
            text, encoding = decode(body, content_type)
            return FetchResult(url=url, final_url=current, status=response.status_code,
                               content_type=content_type.split(";")[0].strip().lower(),
                               text=text, encoding=encoding,
                               fetched_at=dt.datetime.now(dt.UTC))
    raise FetchError(f"too many redirects (more than {opts.max_redirects}) from {url}")


def _read_body(response: Any, cancel: threading.Event | None, started: float,
               opts: FetchOptions, url: str) -> bytes:
    import requests
    import urllib3

    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > opts.max_bytes:
        raise FetchError(f"too large: {url} is {int(declared) // 1024} KB, more than the "
                         f"{opts.max_bytes // 1024} KB limit")
    # The deadline holds against a server that drips bytes, and a cancel takes effect at
    # once even inside a blocked read: a watchdog closes the socket under the reader.
    done = threading.Event()
    watchdog = threading.Thread(target=_watch, args=(response, cancel, started + opts.deadline,
                                                     done), daemon=True)
    watchdog.start()
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _check(cancel, started, opts, url)
            try:
                chunk = response.raw.read(CHUNK, decode_content=True)
            except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
                _check(cancel, started, opts, url)  # the deadline cut the wait short: say so
                raise FetchError(f"timed out reading {url} (no data for "
                                 f"{opts.read_timeout:g} s)") from None
            except urllib3.exceptions.DecodeError:
                raise FetchError(f"{url} sent a body that does not decompress") from None
            except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException,
                    OSError, ValueError, AttributeError):
                _check(cancel, started, opts, url)
                raise FetchError(f"the connection to {_host(url)} broke off while reading"
                                 ) from None
            if not chunk:
                break
            size += len(chunk)
            if size > opts.max_bytes:
                raise FetchError(f"too large: {url} is more than the {opts.max_bytes // 1024} KB "
                                 f"limit (decompressed)")
            chunks.append(chunk)
    finally:
        done.set()
    _check(cancel, started, opts, url)
    return b"".join(chunks)


def _watch(response: Any, cancel: threading.Event | None, deadline_at: float,
           done: threading.Event) -> None:
    while not done.wait(0.05):
        if (cancel is not None and cancel.is_set()) or time.monotonic() >= deadline_at:
            _abort(response)
            return


def _abort(response: Any) -> None:
    """Break a read blocked in another thread: shut the socket down, then close."""
    connection = getattr(response.raw, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(Exception):
        response.raw.close()


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value), 5.0)
    return None


def _refuse_reserved_name(url: str) -> None:
    """RFC 6761: names under ``.invalid`` never exist, so no lookup is sent for them."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "invalid" or host.endswith(".invalid"):
        raise FetchError(f"cannot find the server {host} (no such name: .invalid names "
                         "never exist)")


# -- where a fetch may connect ---------------------------------------------------------------

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: someone's own network


def resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` in the system resolver's order: the one lookup of a fetch.

    Numeric forms such as ``2130706433``, ``0x7f000001`` or ``127.1`` come out as the OS
    reads them, so they are checked as the addresses they are.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _address(text: str) -> Address:
    """``text`` as an address; an IPv4-mapped IPv6 address as the IPv4 address it is."""
    address = ipaddress.ip_address(text.split("%", 1)[0])  # no IPv6 zone: fe80::1%eth0
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _internal(address: Address) -> bool:
    """Whether ``address`` is inside the user's own network (or this computer), not the web."""
    return (address.is_private or address.is_loopback or address.is_link_local
            or address.is_reserved or address.is_multicast or address.is_unspecified
            or address in _SHARED or not address.is_global)


def _target(url: str) -> tuple[str, int]:
    """The host and port that requests will connect to for ``url`` (IDNA-encoded)."""
    import requests
    import urllib3

    try:
        prepared = requests.Request("GET", url).prepare().url or url
        parts = urllib3.util.parse_url(prepared)
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError,
            ValueError) as error:
        raise FetchError(f"cannot fetch {url}: {type(error).__name__}") from None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return (parts.host or "").strip("[]"), port


def _checked_addresses(url: str, host: str, port: int, *, redirected: bool,
                       public_seen: bool) -> list[Address]:
    """The addresses of ``host`` a fetch may connect to, or FetchError naming the refused one.

    Link-local addresses (169.254.0.0/16, fe80::/10: cloud metadata, routers) are never
    fetched. An address inside the user's own network is fetched when the user typed it (an
    intranet job board, a local test server) but not when a public site redirects there:
    that is how a web page would reach what only this computer can reach. Every candidate is
    checked, and the connection then goes only to these (PinnedAdapter): no second lookup.
    """
    try:
        addresses = [_address(text) for text in resolve(host, port)]
    except socket.gaierror:
        raise _Transient(FetchError(f"cannot find the server {_host(url)} (no such name, or "
                                    "no network)")) from None
    except (UnicodeError, ValueError):
        raise FetchError(f"cannot find the server {_host(url)} (not a valid name)") from None
    except OSError:
        raise _Transient(FetchError(f"cannot connect to {_host(url)}")) from None
    if not addresses:
        raise _Transient(FetchError(f"cannot find the server {_host(url)} (no address)"))
    for address in addresses:
        shown = str(address) if host.lower() == str(address) else f"{host} ({address})"
        if redirected and (address.is_link_local or (public_seen and _internal(address))):
            raise FetchError(f"refused: the page redirected to {shown}, an address inside "
                             "your own network")
        if address.is_link_local:
            raise FetchError(f"refused: {shown} is a link-local address inside your own "
                             "network (where cloud and router settings live); it is never "
                             "fetched")
    return addresses


def _name_not_found(error: BaseException) -> bool:
    """Whether a connection error is a failed DNS lookup (urllib3 wraps it a few levels deep)."""
    seen: BaseException | None = error
    for _depth in range(6):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror) or type(seen).__name__ == "NameResolutionError":
            return True
        reason = getattr(seen, "reason", None)
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = reason if isinstance(reason, BaseException) else nested or seen.__cause__ or \
            seen.__context__
    return False


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


# -- text decoding ---------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_SINGLE_BYTE = {"iso8859-1", "latin-1", "cp1252", "ascii", "iso8859-15"}


def decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Body bytes as text, and the codec used.

    By BOM, then the header's charset, then ``<meta>``/XML declaration, then UTF-8, then
    Windows-1252. A page labelled Latin-1 whose bytes are valid, non-ASCII UTF-8 is read as
    UTF-8 (a common mislabel); a page labelled UTF-8 that is not falls back.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace"), name
    candidates: list[str] = []
    header = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    if header:
        candidates.append(header[1])
    head = body[:8192]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            candidates.append(match[1].decode("ascii", "replace"))
    candidates += ["utf-8", "cp1252"]
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec in _SINGLE_BYTE and _is_utf8(body):
            return body.decode("utf-8"), "utf-8"
        try:
            return body.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", errors="replace"), "cp1252"  # pragma: no cover - unreachable


def _is_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
