"""Safe fetch against a real local server: schemes, redirects, timeouts, caps, charsets."""

from __future__ import annotations

import gzip
import threading
import time

import pytest

from jobtracker.importers import FetchCancelled, FetchError, FetchOptions, fetch, import_posting
from jobtracker.importers.fetch import MAX_BYTES, decode

FAST = FetchOptions(connect_timeout=1, read_timeout=0.5, deadline=3, retries=0)
POSTING = """<html><head><title>x</title><script type="application/ld+json">
{"@type": "JobPosting", "title": "Développeuse", "hiringOrganization": {"name": "Café SA"}}
</script></head><body></body></html>"""


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/job",
                                 "javascript:alert(1)", "data:text/html,<h1>x</h1>",
                                 "example.com/jobs/1", "http://"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError) as error:
        fetch(url, options=FAST)
    assert "\n" not in str(error.value)


def test_redirects_are_followed_and_the_final_url_kept(local_server):
    target = local_server.page("/job", POSTING)
    for hop in range(3):
        nxt = "/job" if hop == 0 else f"/hop{hop - 1}"
        local_server.page(f"/hop{hop}", b"", headers={"Location": nxt}, status=302)
    draft = import_posting(local_server.url("/hop2"), options=FAST)
    assert draft.title == "Développeuse"
    assert draft.final_url == target
    assert draft.source_url == local_server.url("/hop2")


def test_more_than_ten_redirects_fail(local_server):
    for hop in range(12):
        local_server.page(f"/loop{hop}", b"", status=301,
                          headers={"Location": f"/loop{hop + 1}"})
    local_server.page("/loop12", POSTING)
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(local_server.url("/loop0"), options=FAST)
    # Exactly ten redirects are fine.
    assert fetch(local_server.url("/loop2"), options=FAST).final_url.endswith("/loop12")


def test_a_redirect_to_a_file_url_is_refused(local_server):
    url = local_server.page("/evil", b"", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="non-web address"):
        fetch(url, options=FAST)


def test_http_status_is_the_message(local_server):
    with pytest.raises(FetchError, match="HTTP 404") as error:
        fetch(local_server.url("/nothing-here"), options=FAST)
    assert error.value.status == 404


def test_transient_failures_are_retried(local_server):
    calls = []

    def flaky(handler):
        from .conftest import send

        calls.append(1)
        if len(calls) < 3:
            send(handler, 503, b"busy")
        else:
            send(handler, 200, POSTING.encode())

    url = local_server.route("/flaky", flaky)
    result = fetch(url, options=FetchOptions(retries=2, backoff=0.01, deadline=5))
    assert result.status == 200 and len(calls) == 3
    calls.clear()
    with pytest.raises(FetchError, match="HTTP 503"):
        fetch(url, options=FetchOptions(retries=1, backoff=0.01, deadline=5))
    assert len(calls) == 2


def test_a_permanent_error_is_not_retried(local_server):
    fetch_url = local_server.url("/gone")
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(fetch_url, options=FetchOptions(retries=3, backoff=0.01))
    assert local_server.hits["/gone"] == 1


def test_a_server_that_stalls_times_out(local_server):
    def stall(handler):
        time.sleep(1.5)

    url = local_server.route("/stall", stall)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, options=FetchOptions(connect_timeout=1, read_timeout=0.3, deadline=2,
                                        retries=0))
    assert time.monotonic() - started < 1.4


def test_a_dripping_server_hits_the_total_deadline(local_server):
    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        try:
            for _ in range(100):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass

    url = local_server.route("/drip", drip)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out|broke off"):
        fetch(url, options=FetchOptions(read_timeout=1, deadline=0.6, retries=0))
    assert time.monotonic() - started < 2.5


def test_a_declared_body_over_the_cap_is_refused_before_reading(local_server):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(MAX_BYTES + 1))
        handler.end_headers()

    url = local_server.route("/huge", huge)
    with pytest.raises(FetchError, match="too large"):
        fetch(url, options=FAST)


def test_an_undeclared_body_over_the_cap_stops_at_the_cap(local_server):
    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(7 * 16):  # 7 MB, more than the 5 MB cap
                handler.wfile.write(b"a" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass

    url = local_server.route("/endless", endless)
    with pytest.raises(FetchError, match="too large"):
        fetch(url, options=FetchOptions(deadline=10, retries=0))


def test_a_gzip_bomb_stops_early(local_server):
    # 10 MB of zeros in about 10 KB: the cap counts the decompressed bytes.
    bomb = gzip.compress(b"\0" * (10 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 50_000
    url = local_server.page("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match=r"too large.*decompressed"):
        fetch(url, options=FAST)


def test_gzip_within_the_cap_is_decoded(local_server):
    url = local_server.page("/gz", gzip.compress(POSTING.encode()),
                            headers={"Content-Encoding": "gzip"})
    assert "Développeuse" in fetch(url, options=FAST).text


def test_cancel_stops_before_and_during_a_fetch(local_server):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(FetchCancelled):
        fetch(local_server.url("/examples/google-standard-jsonld.html"), cancel=cancel,
              options=FAST)

    cancel = threading.Event()

    def slow(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(60 * 65536))
        handler.end_headers()
        try:
            for _ in range(60):
                handler.wfile.write(b"a" * 65536)
                time.sleep(0.02)
        except (BrokenPipeError, ConnectionResetError):
            pass

    url = local_server.route("/slow", slow)
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(FetchCancelled, match="cancelled"):
        fetch(url, cancel=cancel, options=FetchOptions(deadline=10, retries=0))


def test_a_browser_user_agent_is_sent(local_server):
    seen = {}

    def echo(handler):
        from .conftest import send

        seen["ua"] = handler.headers.get("User-Agent")
        send(handler, 200, POSTING.encode())

    fetch(local_server.route("/ua", echo), options=FAST)
    assert seen["ua"].startswith("Mozilla/5.0") and "python-requests" not in seen["ua"]


def test_refused_connection_is_one_plain_message():
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://127.0.0.1:9/", options=FetchOptions(retries=1, backoff=0.01,
                                                          connect_timeout=1, deadline=3))


# -- charsets --------------------------------------------------------------------------------


def test_latin1_page_declared_in_the_header(local_server):
    url = local_server.page("/latin1", POSTING.encode("latin-1"),
                            content_type="text/html; charset=ISO-8859-1")
    draft = import_posting(url, options=FAST)
    assert (draft.title, draft.company) == ("Développeuse", "Café SA")


def test_latin1_page_declared_only_in_meta(local_server):
    body = POSTING.replace("<head>", '<head><meta charset="windows-1252">')
    url = local_server.page("/meta-charset", body.encode("cp1252"), content_type="text/html")
    assert import_posting(url, options=FAST).title == "Développeuse"


def test_latin1_bytes_labelled_utf8_fall_back(local_server):
    url = local_server.page("/mislabelled", POSTING.encode("latin-1"),
                            content_type="text/html; charset=utf-8")
    assert import_posting(url, options=FAST).title == "Développeuse"


def test_utf8_bytes_labelled_latin1_are_read_as_utf8(local_server):
    url = local_server.page("/mislabelled2", POSTING.encode("utf-8"),
                            content_type="text/html; charset=iso-8859-1")
    assert import_posting(url, options=FAST).title == "Développeuse"


def test_decode_unknown_charset_label_falls_back():
    assert decode("café".encode(), "text/html; charset=x-unknown-42") == ("café", "utf-8")
    assert decode(b"\xef\xbb\xbfhi", None) == ("hi", "utf-8")
