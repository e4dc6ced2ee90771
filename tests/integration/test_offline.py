"""Offline by default: CLI commands and the app's start make no network call (sockets guarded).

Each command runs as a real process whose sockets are blocked by a ``sitecustomize`` guard
that records every attempt; only the commands that exist to fetch (``import url``,
``mail scan``) are allowed to try, and one of them is the positive control.
"""

from __future__ import annotations

import argparse
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from jobtracker.cli import build_parser

if TYPE_CHECKING:
    from jobtracker.tracker import Tracker

# Imported by every Python process whose PYTHONPATH starts with its folder. It replaces the
# socket calls that reach a network (connect, name lookups, datagrams) by ones that write the
# attempt to $JOBTRACKER_NET_GUARD and fail. AF_UNIX stays allowed: Qt and the keyring talk to
# D-Bus through it, which is the desktop's own bus, not a network.
GUARD = r'''
import atexit, os, socket, sys, traceback

_LOG = os.environ["JOBTRACKER_NET_GUARD"]
_INET = (socket.AF_INET, socket.AF_INET6)


def _record(what, target):
    stack = "".join(traceback.format_stack(limit=12)[:-2])
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"NETWORK ATTEMPT {what} {target!r} in {sys.argv!r}\n{stack}\n")


def _blocked(what, target):
    _record(what, target)
    return OSError(101, f"network blocked by the offline test ({what} {target!r})")


def _guard_method(name):
    original = getattr(socket.socket, name)

    def guarded(self, *args, **kwargs):
        if self.family in _INET:
            raise _blocked(f"socket.{name}", args[-1] if args else None)
        return original(self, *args, **kwargs)

    setattr(socket.socket, name, guarded)


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    _guard_method(_name)


def _guard_function(name):
    def guarded(*args, **kwargs):
        raise _blocked(f"socket.{name}", args[0] if args else None)

    setattr(socket, name, guarded)


for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr"):
    _guard_function(_name)


@atexit.register
def _native_sockets():
    # Sockets made by C++ code (Qt's own networking) never pass through the calls above. On
    # Linux, an internet socket of this process still open at exit is flagged from /proc (a
    # QLocalSocket, as the single-instance check uses, is AF_UNIX and not listed there).
    try:
        inodes = set()
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[len("socket:["):-1])
        for table in ("tcp", "tcp6", "udp", "udp6"):
            with open(f"/proc/self/net/{table}", encoding="ascii") as rows:
                for row in list(rows)[1:]:
                    fields = row.split()
                    if len(fields) > 9 and fields[9] in inodes:
                        _record(f"open {table} socket", fields[1:3])
    except OSError:
        pass  # no /proc: not Linux
'''

# Commands that exist to use the network, and only when the user asks. Nothing else belongs
# here: every other command, a new one too, must have a scripted invocation below, or
# test_every_command_is_scripted_or_allowed_to_use_the_network fails. (`mail add` only saves
# the account and puts the password in the keyring: it is scripted, not allowed.)
NETWORK_COMMANDS = {("import", "url"), ("mail", "scan")}

# One invocation per command, run on a copy of a database with sample data. {data} is a folder
# with an exported CSV and JSON file, {out} a folder for outputs.
SCRIPTS: dict[tuple[str, ...], list[str]] = {
    ("add",): ["add", "--title", "Backend Engineer", "--company", "Acme", "--url",
               "https://acme.example/jobs/1", "--salary", "62.50 EUR/hour"],
    ("edit",): ["edit", "1", "--priority", "5", "--url", "https://acme.example/jobs/2"],
    ("list",): ["list", "--search", "engineer", "--format", "json"],
    ("show",): ["show", "1", "--format", "json"],
    ("move",): ["move", "1", "Screening", "--note", "called back"],
    # The add commands of earlier versions, in their old form: scripts still use them.
    ("note", "add"): ["note", "1", "See https://acme.example/team for the team page"],
    ("interview", "add"): ["interview", "1", "--at", "2026-12-01 14:30", "--tz",
                           "Europe/Berlin", "--link", "https://meet.example/abc"],
    ("note", "list"): ["note", "list", "{app}", "--format", "json"],
    ("note", "edit"): ["note", "edit", "{note}", "See https://acme.example/careers"],
    ("note", "delete"): ["note", "delete", "{note}", "--yes"],
    ("interview", "list"): ["interview", "list", "--format", "json"],
    ("interview", "edit"): ["interview", "edit", "{interview}", "--outcome", "passed",
                            "--link", "https://meet.example/xyz"],
    ("interview", "delete"): ["interview", "delete", "{interview}", "--yes"],
    ("contact", "add"): ["contact", "add", "Ana Lima", "--email", "ana@acme.example",
                         "--linkedin", "https://linkedin.example/in/ana"],
    ("contact", "list"): ["contact", "list", "--format", "json"],
    ("contact", "edit"): ["contact", "edit", "{contact}", "--role", "CTO", "--clear", "phone"],
    ("contact", "delete"): ["contact", "delete", "{contact}", "--yes"],
    ("contact", "link"): ["contact", "link", "{contact}", "1"],
    ("contact", "unlink"): ["contact", "unlink", "{contact}", "{app}"],
    ("task", "add"): ["task", "add", "Send thanks", "--due", "2026-12-02", "--application",
                      "1"],
    ("task", "list"): ["task", "list", "--all", "--format", "json"],
    ("task", "edit"): ["task", "edit", "{task}", "--clear", "due"],
    ("task", "done"): ["task", "done", "{task}"],
    ("task", "undone"): ["task", "undone", "{task}"],
    ("task", "delete"): ["task", "delete", "{task}", "--yes"],
    ("event", "list"): ["event", "list", "{app}", "--format", "json"],
    ("event", "edit"): ["event", "edit", "{event}", "--at", "2026-11-11"],
    ("event", "delete"): ["event", "delete", "{event}", "--yes"],
    ("delete",): ["delete", "2"],
    ("restore",): ["restore", "3"],
    ("empty-trash",): ["empty-trash", "--yes"],
    ("stats",): ["stats"],
    ("export", "csv"): ["export", "csv", "-o", "{out}/all.csv"],
    ("export", "json"): ["export", "json", "-o", "{out}/all.json"],
    ("export", "ics"): ["export", "ics", "-o", "{out}/all.ics"],
    ("export", "vcard"): ["export", "vcard", "-o", "{out}/all.vcf"],
    ("import", "csv"): ["import", "csv", "{data}/jobs.csv"],
    ("import", "json"): ["import", "json", "{data}/backup.json"],
    ("demo",): ["demo", "--count", "5", "--force"],
    ("salvage",): ["salvage", "-o", "{out}/salvaged.db"],
    ("backup",): ["backup", "-o", "{out}/copy.db"],
    ("backups",): ["backups"],
    ("mail", "add"): ["mail", "add", "home", "--host", "imap.example.com", "--user",
                      "jane@example.com"],
    ("mail", "list"): ["mail", "list"],
    ("mail", "remove"): ["mail", "remove", "work"],
    ("mail", "suggestions"): ["mail", "suggestions"],
    ("mail", "accept"): ["mail", "accept", "1"],
    ("mail", "dismiss"): ["mail", "dismiss", "2"],
}
STDIN = {("mail", "add"): "app-password\n"}
ROOT = Path(__file__).parents[2]


def leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
                  ) -> list[tuple[str, ...]]:
    """Every runnable command of ``parser`` as its words, e.g. ("export", "csv")."""
    found: list[tuple[str, ...]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += leaf_commands(sub, (*prefix, name))
    return found or [prefix]


COMMANDS = leaf_commands(build_parser())


@pytest.fixture
def guard(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """The environment of a guarded process and the file where attempts are written."""
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    attempts = tmp_path / "network-attempts.txt"
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env.update(PYTHONPATH=os.pathsep.join(filter(None, [str(folder), str(ROOT),
                                                         env.get("PYTHONPATH")])),
               JOBTRACKER_NET_GUARD=str(attempts), QT_QPA_PLATFORM="offscreen",
               # The one thing tests swap: a file keyring instead of the desktop's.
               PYTHON_KEYRING_BACKEND="tests.memory_keyring.FileKeyring",
               JOBTRACKER_TEST_KEYRING=str(tmp_path / "keyring.json"))
    return env, attempts


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with sample data (trash included) and files to import, made once."""
    import datetime as dt

    from jobtracker.demo import populate
    from jobtracker.mail.accounts import MailAccount
    from jobtracker.mail.scan import ScanOutcome
    from jobtracker.mail.suggest import SuggestionDraft
    from jobtracker.tracker import Tracker

    folder = tmp_path_factory.mktemp("sample")
    with Tracker.open(folder / "sample.db") as tracker:
        populate(tracker, 12, seed=1)
        tracker.delete_application(3)
        ids = _records(tracker)
        # Exported before the mail account exists: merging an account that is already there
        # is refused (a UNIQUE name), which is not what this test is about.
        backup = tracker.export_everything()
        tracker.save_mail_account(MailAccount("work", "imap.example.com", 993, "ssl",
                                              "jane@example.com"))
        when = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
        tracker.save_scan(ScanOutcome("work", tuple(
            SuggestionDraft(f"<m{n}@acme.example>", when, "Acme <jobs@acme.example>",
                            "Your application", 1, "rejection", "Rejected", None, "said no")
            for n in (1, 2)), (), 2, False, ()))
    import json

    (folder / "backup.json").write_text(json.dumps(backup), encoding="utf-8")
    (folder / "ids.json").write_text(json.dumps(ids), encoding="utf-8")
    (folder / "jobs.csv").write_text("title,company,url\nSRE,Globex,https://globex.example/j\n",
                                     encoding="utf-8")
    return folder


def _records(tracker: Tracker) -> dict[str, int]:
    """One record of each kind the record commands edit and delete, whatever the demo made."""
    import datetime as dt

    from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput

    app = tracker.add_application(ApplicationInput(title="Offline Engineer", company="Acme",
                                                   applied_on=dt.date(2026, 11, 2)))
    contact = tracker.add_contact(ContactInput(name="Ben Okafor", phone="+49 30 1234"))
    tracker.link_contact(app, contact)
    return {
        "app": app, "contact": contact,
        "task": tracker.add_task("Prepare questions", application_id=app,
                                 due_on=dt.date(2026, 12, 1)),
        "note": tracker.add_note(app, "First call went well"),
        "interview": tracker.add_interview(app, InterviewInput(
            kind="Phone", starts_at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC))),
        "event": tracker.move_stage(app, "Screening", on=dt.date(2026, 11, 10)),
    }


def run_guarded(env: dict[str, str], *args: str, stdin: str | None = None
                ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", *args], capture_output=True,
                          text=True, env=env, input=stdin, timeout=120)


def no_attempts(attempts: Path) -> str:
    return attempts.read_text(encoding="utf-8") if attempts.exists() else ""


def test_every_command_is_scripted_or_allowed_to_use_the_network() -> None:
    unscripted = [" ".join(c) for c in COMMANDS if c not in SCRIPTS and c not in NETWORK_COMMANDS]
    assert not unscripted, f"commands with no offline check: {unscripted}; add each to SCRIPTS"
    stale = [" ".join(c) for c in [*SCRIPTS, *NETWORK_COMMANDS] if c not in COMMANDS]
    assert not stale, f"scripted commands the parser does not have: {stale}"


@pytest.mark.parametrize("command", sorted(SCRIPTS), ids=" ".join)
def test_command_makes_no_network_call(command: tuple[str, ...], sample: Path, tmp_path: Path,
                                       guard: tuple[dict[str, str], Path]) -> None:
    env, attempts = guard
    db = tmp_path / "jobs.db"
    shutil.copyfile(sample / "sample.db", db)
    out = tmp_path / "out"
    out.mkdir()
    import json

    ids = json.loads((sample / "ids.json").read_text(encoding="utf-8"))
    args = [arg.format(data=sample, out=out, **ids) for arg in SCRIPTS[command]]
    result = run_guarded(env, "--db", str(db), *args, stdin=STDIN.get(command))
    assert result.returncode == 0, result.stderr
    assert no_attempts(attempts) == ""


def test_the_app_starts_and_shows_its_data_without_network(
        sample: Path, tmp_path: Path, guard: tuple[dict[str, str], Path]) -> None:
    env, attempts = guard
    db = tmp_path / "jobs.db"
    shutil.copyfile(sample / "sample.db", db)
    result = run_guarded(env, "--smoke-test", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert no_attempts(attempts) == ""


class _Counting(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[http.server.ThreadingHTTPServer]:
    _Counting.hits = 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_the_guard_catches_a_real_network_call(
        server: http.server.ThreadingHTTPServer, tmp_path: Path,
        guard: tuple[dict[str, str], Path]) -> None:
    """The positive control: ``import url`` does reach for the network, and the guard sees
    it and stops it before the listening server gets the request."""
    env, attempts = guard
    url = f"http://127.0.0.1:{server.server_address[1]}/posting"
    result = run_guarded(env, "--db", str(tmp_path / "jobs.db"), "import", "url", "--dry-run",
                         "--timeout", "5", url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "NETWORK ATTEMPT socket." in no_attempts(attempts)
    assert _Counting.hits == 0


def test_the_guard_sees_a_socket_it_did_not_wrap(guard: tuple[dict[str, str], Path]) -> None:
    """The control of the exit check: an internet socket left open (here a listening one,
    which the wrapped calls do not cover) is reported."""
    env, attempts = guard
    probe = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60)
    if sys.platform.startswith("linux"):
        assert "NETWORK ATTEMPT open tcp socket" in no_attempts(attempts)
