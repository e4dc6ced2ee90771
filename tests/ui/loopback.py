"""A real HTTP server on 127.0.0.1 for the UI tests: shared-corpus pages, routes, stalls."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

# Real postings with their expected fields, copied with their licences (tests/data/postings).
CORPUS = Path(__file__).resolve().parents[1] / "data" / "postings"
STALL_LIMIT = 30.0  # a stalled handler gives up by itself after this, should teardown not come

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def send(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes,
         content_type: str = "text/html; charset=utf-8") -> None:
    """Write a whole response."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        handler.wfile.write(body)


class LoopbackServer:
    """``page(path, body)``, ``stall(path)``, ``url(path)``; ``close()`` ends every stall."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.release = threading.Event()
        self.stalled = threading.Event()  # set once a stalled request has arrived
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                owner.hits[path] = owner.hits.get(path, 0) + 1
                route = owner.routes.get(path)
                if route is not None:
                    route(self)
                    return
                parts = path.strip("/").split("/")
                file = CORPUS / parts[0] / parts[-1] if len(parts) == 2 else None
                if file is not None and parts[0] in {"real", "examples"} and file.is_file():
                    send(self, 200, file.read_bytes())
                    return
                send(self, 404, b"<h1>Not found</h1>")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.origin + path

    def page(self, path: str, body: str | bytes, status: int = 200) -> str:
        """Serve ``body`` at ``path`` (replacing what was there)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = lambda handler: send(handler, status, data)
        return self.url(path)

    def stall(self, path: str) -> str:
        """A path whose answer never comes until ``close()`` (then a 503)."""
        def route(handler: http.server.BaseHTTPRequestHandler) -> None:
            self.stalled.set()
            self.release.wait(STALL_LIMIT)
            send(handler, 503, b"gave up")

        self.routes[path] = route
        return self.url(path)

    def close(self) -> None:
        """End every stall, stop serving, free the port."""
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)


def corpus_page(name: str) -> str:
    """A page of the shared corpus, as text."""
    return (CORPUS / "examples" / name).read_text(encoding="utf-8")
