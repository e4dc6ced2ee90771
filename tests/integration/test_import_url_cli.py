"""``jobtracker import url`` as a real process against a real local HTTP server."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# Real postings with their expected fields, copied with their licences (tests/data/postings).
CORPUS = Path(__file__).resolve().parents[1] / "data" / "postings"
KEYS = ["title", "company", "location", "remote", "salary_min", "salary_max", "salary_currency",
        "salary_period", "employment_type", "date_posted", "valid_through", "apply_url", "source",
        "description_text"]


class _Files(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        file = CORPUS / self.path.split("?", 1)[0].lstrip("/")
        if file.is_file() and file.parent.name in {"real", "examples"}:
            body = file.read_bytes()
            kind = "application/json" if file.suffix == ".json" else "text/html; charset=utf-8"
            self.send_response(200)
        else:
            body, kind = b"<h1>Not found</h1>", "text/html"
            self.send_response(404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def jt(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**env, "NO_PROXY": "127.0.0.1"})


def test_dry_run_prints_exactly_the_json_keys(db_path, origin):
    result = jt(db_path, "import", "url", "--dry-run", "--format", "json",
                f"{origin}/real/recruitee-board-channable.json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    assert (data["salary_min"], data["salary_max"], data["salary_currency"]) == (
        3750, 5250, "EUR")
    assert data["source"] == "recruitee" and data["date_posted"] == "2026-09-18"
    assert not db_path.exists()  # a dry run does not even create the database


def test_import_saves_application_and_snapshot_and_warns_on_duplicates(db_path, origin):
    url = f"{origin}/real/breezy-board-trial.json"
    first = jt(db_path, "import", "url", url)
    assert first.returncode == 0, first.stderr
    new_id = int(first.stdout.strip())
    shown = json.loads(jt(db_path, "show", str(new_id), "--format", "json").stdout)
    text = json.dumps(shown)
    assert "Employee #12" in text and "MS Breezy Trial" in text
    assert "https://breezy.breezy.hr/p/98323abf2296-employee-12" in text

    from jobtracker.tracker import Tracker

    with Tracker.open(db_path) as tracker:
        detail = tracker.get_application(new_id)
        assert detail.snapshots, "a posting snapshot is stored"
    second = jt(db_path, "import", "url", url)
    assert second.returncode == 0, second.stderr
    assert f"possible duplicate of {new_id}" in second.stderr


def test_a_page_without_a_posting_exits_1_with_one_line(db_path, origin):
    result = jt(db_path, "import", "url", "--dry-run",
                f"{origin}/real/thoughtbot-careers-none.html")
    assert result.returncode == 1
    assert "no job posting found" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_http_404_exits_1_with_the_status(db_path, origin):
    result = jt(db_path, "import", "url", "--dry-run", f"{origin}/real/missing.json")
    assert result.returncode == 1
    assert "HTTP 404" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_non_web_schemes_are_refused(db_path):
    result = jt(db_path, "import", "url", "--dry-run", "file:///etc/passwd")
    assert result.returncode == 1
    assert "only http and https" in result.stderr


class _Redirect(http.server.BaseHTTPRequestHandler):
    """/moved?to=URL answers 302 to URL; /admin is what only this computer should see."""

    def do_GET(self) -> None:
        from urllib.parse import parse_qs, urlsplit

        parts = urlsplit(self.path)
        if parts.path == "/moved":
            self.send_response(302)
            self.send_header("Location", parse_qs(parts.query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        type(self).admin_hits += 1
        body = b"<h1>admin</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    admin_hits = 0

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/",
                                    "http://2130706433:{port}/admin",
                                    "http://localhost:{port}/admin"])
def test_a_public_page_redirecting_into_the_own_network_is_refused(db_path, tmp_path, target):
    from urllib.parse import quote

    from tests.net_guard import PUBLIC, SITECUSTOMIZE, read_log

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        # The child process sees jobs.example-ats.test as a public host (tests/net_guard.py);
        # nothing it does can leave this computer.
        site = tmp_path / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        log = tmp_path / "net.log"
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        env.update(PYTHONPATH=os.pathsep.join([str(site), str(Path(__file__).parents[2])]),
                   JOBTRACKER_PRETEND_NET=str(log))
        url = (f"http://jobs.example-ats.test:{port}/moved?to="
               + quote(target.format(port=port), safe=""))
        result = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db_path),
                                 "import", "url", url], capture_output=True, text=True,
                                timeout=120, env=env)
        assert result.returncode == 1
        assert result.stderr.startswith("jobtracker: error: refused: the page redirected to ")
        assert result.stderr.endswith(", an address inside your own network\n")
        assert result.stderr.count("\n") == 1
        connects = [line for line in read_log(log) if line.startswith("connect ")]
        assert connects == [f"connect {PUBLIC['jobs.example-ats.test']} {port}"]
        assert _Redirect.admin_hits == 0
        assert not db_path.exists() or result.stdout == ""
    finally:
        server.shutdown()
        server.server_close()
