"""A public page may not redirect a fetch into the user's own network; link-local never fetched.

The public host is a made-up name that the pretend net (tests/net_guard.py) resolves to a
public address and carries to the loopback server; every connect attempt is recorded, and
nothing may leave this computer.
"""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtracker.importers import FetchError, FetchOptions, fetch, import_posting
from tests.net_guard import PUBLIC, PretendNet

from .conftest import LocalServer, send

QUICK = FetchOptions(connect_timeout=2, read_timeout=2, deadline=5, retries=0)
POSTING = ('<html><head><script type="application/ld+json">{"@type": "JobPosting", '
           '"title": "Welder", "hiringOrganization": {"name": "Acme"}}</script></head></html>')
ATS = "jobs.example-ats.test"

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[PretendNet]:
    pretend = PretendNet()
    pretend.install(monkeypatch.setattr)
    yield pretend


def public_url(server: LocalServer, path: str, host: str = ATS) -> str:
    return f"http://{host}:{server.server.server_address[1]}{path}"


# Where a hostile page sends the fetch; {port} is the loopback server's, where a page
# nobody outside should see waits at /admin.
TARGETS = [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://[fe80::1]/", "fe80::1"),
    ("http://127.0.0.1:{port}/admin", "127.0.0.1"),
    ("http://[::1]:{port}/admin", "::1"),
    ("http://localhost:{port}/admin", "localhost (127.0.0.1)"),
    ("http://2130706433:{port}/admin", "2130706433 (127.0.0.1)"),
    ("http://0x7f000001:{port}/admin", "0x7f000001 (127.0.0.1)"),
    ("http://0177.0.0.1:{port}/admin", "0177.0.0.1 (127.0.0.1)"),
    ("http://127.1:{port}/admin", "127.1 (127.0.0.1)"),
    ("http://[::ffff:127.0.0.1]:{port}/admin", "::ffff:127.0.0.1 (127.0.0.1)"),
    ("http://10.1.2.3/admin", "10.1.2.3"),
    ("http://192.168.1.1/admin", "192.168.1.1"),
    ("http://100.64.0.1/admin", "100.64.0.1"),
    ("http://0.0.0.0:{port}/admin", "0.0.0.0"),
    ("http://224.0.0.1/admin", "224.0.0.1"),
]


@pytest.mark.parametrize(("target", "named"), TARGETS)
def test_a_public_page_cannot_redirect_into_the_own_network(
        local_server: LocalServer, net: PretendNet, target: str, named: str) -> None:
    port = local_server.server.server_address[1]
    local_server.page("/admin", "<h1>router admin</h1>")
    local_server.page("/moved", b"", status=302, headers={"Location": target.format(port=port)})
    with pytest.raises(FetchError) as error:
        import_posting(public_url(local_server, "/moved"), options=QUICK)
    assert str(error.value) == (f"refused: the page redirected to {named}, an address inside "
                                "your own network")
    # Refused before any connection: the only connect went to the public host.
    assert net.connects == [(PUBLIC[ATS], port)]
    assert local_server.hits.get("/admin", 0) == 0


def test_a_redirect_through_a_second_public_host_to_loopback_is_refused(
        local_server: LocalServer, net: PretendNet) -> None:
    port = local_server.server.server_address[1]
    local_server.page("/admin", "<h1>admin</h1>")
    local_server.page("/hop2", b"", status=301,
                      headers={"Location": f"http://127.0.0.1:{port}/admin"})
    local_server.page("/hop1", b"", status=301, headers={
        "Location": public_url(local_server, "/hop2", "careers.example-corp.test")})
    with pytest.raises(FetchError, match=r"^refused: the page redirected to 127\.0\.0\.1, "):
        fetch(public_url(local_server, "/hop1"), options=QUICK)
    assert net.connects == [(PUBLIC[ATS], port),
                            (PUBLIC["careers.example-corp.test"], port)]
    assert local_server.hits.get("/admin", 0) == 0


def test_public_to_public_redirects_are_followed(local_server: LocalServer,
                                                 net: PretendNet) -> None:
    local_server.page("/job", POSTING)
    local_server.page("/short", b"", status=301, headers={
        "Location": public_url(local_server, "/job", "careers.example-corp.test")})
    result = fetch(public_url(local_server, "/short"), options=QUICK)
    assert result.final_url == public_url(local_server, "/job", "careers.example-corp.test")
    assert "Welder" in result.text
    assert {host for host, _port in net.connects} == set(PUBLIC.values())


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/iam/",
                                 "http://[fe80::a9fe:a9fe]/", "http://2852039166/"])
def test_a_typed_link_local_address_is_never_fetched(net: PretendNet, url: str) -> None:
    with pytest.raises(FetchError, match=r"^refused: ") as error:
        fetch(url, options=QUICK)
    assert "is a link-local address inside your own network" in str(error.value)
    assert net.connects == []


def test_a_typed_loopback_or_intranet_address_stays_allowed(local_server: LocalServer,
                                                            net: PretendNet) -> None:
    # The user's own choice: a local test server, an intranet job board.
    port = local_server.server.server_address[1]
    local_server.page("/job", POSTING)
    local_server.page("/moved", b"", status=302, headers={"Location": "/job"})
    for url in (f"http://localhost:{port}/moved", f"http://127.0.0.1:{port}/moved"):
        assert "Welder" in fetch(url, options=QUICK).text
    assert net.connects == [("127.0.0.1", port)] * 2


def test_loopback_may_not_redirect_to_link_local(local_server: LocalServer,
                                                 net: PretendNet) -> None:
    url = local_server.page("/moved", b"", status=302,
                            headers={"Location": "http://169.254.169.254/latest/"})
    with pytest.raises(FetchError, match=r"^refused: the page redirected to 169\.254\.169\.254"):
        fetch(url, options=QUICK)
    assert all(host == "127.0.0.1" for host, _port in net.connects)


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(
        local_server: LocalServer, net: PretendNet, monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS rebinding: the name is public when first asked, loopback on any later lookup.
    import socket

    first = [True]
    pretend = socket.getaddrinfo

    def rebinding(host: str, port: object, *args: object, **kwargs: object) -> object:
        if host == "rebind.example-corp.test":
            address = PUBLIC["careers.example-corp.test"] if first[0] else "127.0.0.1"
            first[0] = False
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(str(port))))]
        return pretend(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = local_server.server.server_address[1]
    local_server.page("/job", POSTING)
    local_server.page("/moved", b"", status=302, headers={
        "Location": public_url(local_server, "/job", "rebind.example-corp.test")})
    assert "Welder" in fetch(public_url(local_server, "/moved"), options=QUICK).text
    assert net.connects == [(PUBLIC[ATS], port), (PUBLIC["careers.example-corp.test"], port)]


def test_a_name_that_does_not_resolve_is_named(net: PretendNet) -> None:
    with pytest.raises(FetchError, match=r"^cannot find the server nowhere\.example-ats\.test "):
        fetch("http://nowhere.example-ats.test/job", options=QUICK)
    assert net.connects == []


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """An HTTPS server on 127.0.0.1 whose certificate names jobs.example-ats.test only."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={ATS}", "-addext", f"subjectAltName=DNS:{ATS}",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            send(self, 200, f"{POSTING}<!-- {self.headers['Host']} -->".encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], tmp_path / "cert.pem"
    server.shutdown()
    server.server_close()


def test_tls_still_checks_the_name_while_connecting_to_the_checked_address(
        tls_server: tuple[int, Path], net: PretendNet, monkeypatch: pytest.MonkeyPatch) -> None:
    port, cafile = tls_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cafile))
    result = fetch(f"https://{ATS}:{port}/job", options=QUICK)
    assert "Welder" in result.text
    assert f"<!-- {ATS}:{port} -->" in result.text  # the Host header names the site
    assert net.connects == [(PUBLIC[ATS], port)]
    # The same server reached under another name fails the certificate check.
    with pytest.raises(FetchError, match=r"^secure connection to localhost:\d+ failed"):
        fetch(f"https://localhost:{port}/job", options=QUICK)
