"""Hostile servers on 127.0.0.1: each import ends by its deadline with one plain message."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtracker.importers import (
    FetchError,
    FetchOptions,
    NoPostingFound,
    PostingImportError,
    import_posting,
)
from jobtracker.importers.to_application import to_application
from jobtracker.tracker import Tracker

from .conftest import LocalServer
from .test_extract_hostile import ALL_AT_ONCE, assert_harmless_html, assert_harmless_text

# Small limits keep each failure quick; pytest-timeout is the safety net should a
# deadline not hold (the deadline itself is the product's behaviour, asserted by message).
QUICK = FetchOptions(connect_timeout=1, read_timeout=1, deadline=1, retries=0)
POSTING = ('<html><head><script type="application/ld+json">{"@type": "JobPosting", '
           '"title": "Welder", "hiringOrganization": {"name": "Acme"}}</script></head></html>')
MiB = 2**20

pytestmark = pytest.mark.timeout(20)


def one_line(error: PostingImportError) -> str:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message
    return message


class Sent:
    """Bytes a handler wrote before the client went away, and when it stopped."""

    def __init__(self) -> None:
        self.count = 0
        self.done = threading.Event()

    def stream(self, handler: http.server.BaseHTTPRequestHandler, chunks: Iterator[bytes]
               ) -> None:
        try:
            for chunk in chunks:
                handler.wfile.write(chunk)
                self.count += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.done.set()


# -- no server ------------------------------------------------------------------------------


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as error:
        import_posting(f"http://127.0.0.1:{port}/job", options=QUICK)
    assert one_line(error.value) == f"cannot connect to 127.0.0.1:{port}"


@pytest.mark.parametrize("url", ["http://jobs.invalid/posting/1", "https://a.b.invalid./x",
                                 "http://INVALID/"])
def test_dns_failure_names_the_server(url: str) -> None:
    # .invalid never resolves (RFC 6761); the fetch refuses it without asking a DNS server.
    with pytest.raises(FetchError, match=r"^cannot find the server [a-z.]*invalid \(no such "
                                         r"name: \.invalid names never exist\)$") as error:
        import_posting(url, options=FetchOptions(retries=2, backoff=0.01, deadline=1))
    one_line(error.value)


def test_a_redirect_to_a_name_that_does_not_exist(local_server: LocalServer) -> None:
    url = local_server.page("/moved", b"", status=301,
                            headers={"Location": "//careers.invalid/job"})
    with pytest.raises(FetchError, match=r"^cannot find the server careers\.invalid \(no such "
                                         r"name: \.invalid names never exist\)$"):
        import_posting(url, options=QUICK)


# -- slow servers ---------------------------------------------------------------------------


def _stall_after_headers(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"<html><head>")
    handler.wfile.flush()
    time.sleep(4)


@pytest.mark.parametrize(("options", "message"), [
    # No byte for longer than the read timeout.
    (FetchOptions(connect_timeout=1, read_timeout=0.3, deadline=10, retries=0),
     r"^timed out reading .* \(no data for 0.3 s\)$"),
    # A read timeout longer than the deadline: the deadline still holds.
    (FetchOptions(connect_timeout=1, read_timeout=30, deadline=0.8, retries=0),
     r"^timed out: no complete answer within 0.8 s from "),
])
def test_a_server_that_stalls_after_the_headers(local_server: LocalServer, options: FetchOptions,
                                                message: str) -> None:
    url = local_server.route("/stall-after-headers", _stall_after_headers)
    with pytest.raises(FetchError, match=message) as error:
        import_posting(url, options=options)
    one_line(error.value)


def test_a_slow_drip_is_cut_off_at_the_deadline(local_server: LocalServer) -> None:
    sent = Sent()

    def drip(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()

        def bytes_slowly() -> Iterator[bytes]:
            for _ in range(1000):  # one byte every 0.2 s: 200 s in all
                time.sleep(0.2)
                handler.wfile.flush()
                yield b"x"

        sent.stream(handler, bytes_slowly())

    url = local_server.route("/drip", drip)
    # Each byte comes well within the read timeout, so only the deadline can end this.
    options = FetchOptions(connect_timeout=1, read_timeout=5, deadline=1, retries=0)
    with pytest.raises(FetchError, match=r"^timed out: no complete answer within 1 s") as error:
        import_posting(url, options=options)
    one_line(error.value)
    assert sent.done.wait(5)  # the server found the connection closed on its next byte
    assert sent.count < 100


# -- redirects ------------------------------------------------------------------------------


def test_a_redirect_loop(local_server: LocalServer) -> None:
    local_server.page("/ping", b"", status=302, headers={"Location": "/pong"})
    local_server.page("/pong", b"", status=307, headers={"Location": "/ping"})
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 10\)") as error:
        import_posting(local_server.url("/ping"), options=QUICK)
    one_line(error.value)
    assert local_server.hits["/ping"] + local_server.hits["/pong"] == 11


def test_a_page_that_redirects_to_itself(local_server: LocalServer) -> None:
    url = local_server.page("/self", b"", status=308, headers={"Location": "/self?again"})
    with pytest.raises(FetchError, match="too many redirects"):
        import_posting(url, options=QUICK)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "file:/etc/shadow",
                                    "ftp://127.0.0.1/job", "gopher://127.0.0.1:70/",
                                    "javascript:alert(1)", "data:text/html,<script>x</script>",
                                    "jar:file:///tmp/x.jar!/"])
def test_a_redirect_off_the_web_is_refused(local_server: LocalServer, target: str) -> None:
    url = local_server.page("/away", b"", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="redirects to a non-web address") as error:
        import_posting(url, options=QUICK)
    assert "root:" not in one_line(error.value)


# -- big bodies -----------------------------------------------------------------------------


def _fifty_megabytes(framing: str, sent: Sent):
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        chunk = b"<p>" + b"a" * (64 * 1024 - 3)
        count = 50 * MiB // len(chunk)
        if framing == "declared":
            handler.send_header("Content-Length", str(count * len(chunk)))
        elif framing == "chunked":
            handler.send_header("Transfer-Encoding", "chunked")
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        if framing == "chunked":
            frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
            sent.stream(handler, (frame for _ in range(count)))
        else:
            sent.stream(handler, (chunk for _ in range(count)))

    return route


@pytest.mark.parametrize("framing", ["declared", "chunked", "until-close"])
def test_a_fifty_megabyte_body_is_not_downloaded(local_server: LocalServer,
                                                 framing: str) -> None:
    sent = Sent()
    url = local_server.route(f"/big-{framing}", _fifty_megabytes(framing, sent))
    with pytest.raises(FetchError, match=r"^too large: .* 5120 KB limit") as error:
        import_posting(url, options=FetchOptions(connect_timeout=1, read_timeout=5, deadline=10,
                                                 retries=0))
    one_line(error.value)
    # The server is streamed, never holding 50 MB; the client hung up long before the end.
    assert sent.done.wait(10)
    assert sent.count < 25 * MiB


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 GiB of zeros gzipped, about 10 MB, made without compressing 10 GiB.

    After a full flush deflate starts afresh, so the compressed form of each further
    MiB of zeros is the same bytes: compress one, repeat it 10,240 times. (The trailer's
    CRC is not computed: no reader gets that far.)
    """
    path = tmp_path_factory.mktemp("bomb") / "zeros.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * MiB) + compressor.flush(zlib.Z_FULL_FLUSH)
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip header, no name
        for _ in range(10 * 1024):
            out.write(block)
        out.write(compressor.flush(zlib.Z_FINISH))
        out.write(b"\0\0\0\0" + (10 * 1024 * MiB % 2**32).to_bytes(4, "little"))
    return path


def test_the_gzip_bomb_is_what_it_claims(gzip_bomb: Path) -> None:
    # Its first 20 MiB decompress to zeros at about 1000:1.
    with gzip_bomb.open("rb") as stream:
        head = stream.read(21_000)
    out = zlib.decompressobj(16 + 15).decompress(head)
    assert len(out) >= 20 * MiB and not out.strip(b"\0")
    assert 10 * MiB < gzip_bomb.stat().st_size < 11 * MiB


def test_a_ten_gigabyte_gzip_bomb_stops_at_the_cap(local_server: LocalServer,
                                                   gzip_bomb: Path) -> None:
    sent = Sent()

    def bomb(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Connection", "close")  # no length: the cap must do it
        handler.end_headers()
        with gzip_bomb.open("rb") as stream:
            sent.stream(handler, iter(lambda: stream.read(64 * 1024), b""))

    url = local_server.route("/bomb", bomb)
    with pytest.raises(FetchError, match=r"^too large: .* 5120 KB limit \(decompressed\)$"
                       ) as error:
        import_posting(url, options=FetchOptions(connect_timeout=1, read_timeout=5, deadline=10,
                                                 retries=0))
    one_line(error.value)


# -- odd bodies -----------------------------------------------------------------------------


@pytest.mark.parametrize(("content_type", "body"), [
    ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64),
    ("application/octet-stream", b"PK\x03\x04\x14\x00\x08\x00" + bytes(range(256)) * 64),
    ("text/html; charset=utf-8", b"\x00\x00\x01\x00" + bytes(range(256)) * 64),
])
def test_a_wrong_content_type_is_named(local_server: LocalServer, content_type: str,
                                       body: bytes) -> None:
    url = local_server.page("/thing", body, content_type=content_type)
    with pytest.raises(NoPostingFound, match=r"not a web page$") as error:
        import_posting(url, options=QUICK)
    one_line(error.value)


def test_json_ld_that_is_not_json_over_http(local_server: LocalServer) -> None:
    page = '<script type="application/ld+json">{"@type": "JobPosting", title: Welder</script>'
    url = local_server.page("/broken-ld", page)
    with pytest.raises(NoPostingFound, match=r"^no job posting found at http") as error:
        import_posting(url, options=QUICK)
    one_line(error.value)


def test_invalid_utf8_and_nesting_are_saved_cleanly(local_server: LocalServer,
                                                    tracker: Tracker) -> None:
    nested = "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000
    body = POSTING.replace('"Welder"', '"Welder %%"').replace(
        "</head>", "</head><body>" + nested + "</body>").encode()
    body = body.replace(b"%%", b"\xff\xc3\x28\xed\xa0\x80")
    url = local_server.page("/odd", body, content_type="text/html; charset=utf-8")
    draft = import_posting(url, options=QUICK)
    assert draft.title.startswith("Welder ")
    imported = to_application(draft, url, now=tracker.now())
    app_id = tracker.add_application(imported.application, snapshot=imported.snapshot)
    saved = tracker.get_application(app_id)
    assert saved.title == draft.title
    saved.title.encode("utf-8")  # no lone surrogates in the database


def test_a_hostile_description_over_http_is_saved_harmless(local_server: LocalServer,
                                                           tracker: Tracker) -> None:
    data = {"@type": "JobPosting", "title": "Welder", "hiringOrganization": {"name": "Acme"},
            "description": ALL_AT_ONCE}
    page = ('<html><head><script type="application/ld+json">'
            + json.dumps(data).replace("</", "<\\/") + "</script></head></html>")
    url = local_server.page("/hostile", page)
    draft = import_posting(url, options=QUICK)
    imported = to_application(draft, url, now=tracker.now())
    app_id = tracker.add_application(imported.application, snapshot=imported.snapshot)
    snapshot = tracker.posting_snapshots(app_id)[0]
    assert_harmless_html(tracker.posting_snapshot_html(snapshot.id))
    assert_harmless_text(tracker.get_application(app_id).description)
    assert_harmless_text(snapshot.description_text)
