"""A real HTTP server on 127.0.0.1 serving tests/data/postings and hand-made edge cases."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

# Real postings with their expected fields, copied with their licences (tests/data/postings).
CORPUS = Path(__file__).resolve().parents[2] / "data" / "postings"
CONTENT_TYPES = {".json": "application/json; charset=utf-8",
                 ".rss": "application/rss+xml; charset=utf-8",
                 ".html": "text/html; charset=utf-8"}

Route = Callable[[http.server.BaseHTTPRequestHandler], None]

# Filled by the corpus accuracy test, shown in the terminal summary.
ACCURACY: dict[str, object] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    hits: ClassVar[dict[str, int]] = {}
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.hits[path] = self.hits.get(path, 0) + 1
        route = self.routes.get(path)
        if route is not None:
            route(self)
            return
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] in {"real", "examples"}:
            file = CORPUS / parts[0] / parts[1]
            if file.is_file() and file.name != "manifest.json":
                send(self, 200, file.read_bytes(), CONTENT_TYPES[file.suffix])
                return
        send(self, 404, b"<h1>Not found</h1>", "text/html")

    def log_message(self, format: str, *args: object) -> None:
        pass


def send(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes,
         content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    """Write a whole response."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        handler.wfile.write(body)


class LocalServer:
    """The running server: ``url(path)``, ``route(path, fn)``, ``hits``."""

    def __init__(self, server: http.server.ThreadingHTTPServer) -> None:
        self.server = server
        self.origin = f"http://127.0.0.1:{server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def route(self, path: str, fn: Route) -> str:
        _Handler.routes[path] = fn
        return self.url(path)

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
             status: int = 200, headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, lambda h: send(h, status, data, content_type, headers))

    @property
    def hits(self) -> dict[str, int]:
        return _Handler.hits


@pytest.fixture(scope="session")
def _running_server() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_server(_running_server: http.server.ThreadingHTTPServer) -> Iterator[LocalServer]:
    """The server, with this test's routes cleared afterwards."""
    _Handler.routes = {}
    _Handler.hits = {}
    yield LocalServer(_running_server)
    _Handler.routes = {}


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 never go through a proxy configured in the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if ACCURACY:
        terminalreporter.write_sep("-", "posting import accuracy (tests/data/postings)")
        terminalreporter.write_line(
            f"{ACCURACY['right']}/{ACCURACY['total']} expected fields exactly right "
            f"({ACCURACY['share']:.1%}) over {ACCURACY['files']} files")
        for line in ACCURACY.get("misses", []):  # type: ignore[union-attr]
            terminalreporter.write_line(f"  miss: {line}")


@pytest.fixture
def accuracy_report() -> dict[str, object]:
    """Where the corpus test leaves its figure for the terminal summary."""
    return ACCURACY
