"""``jobtracker mail`` end to end, as real processes against a real IMAP server.

The keyring is the one thing swapped: a file-backed test backend selected the
standard way (PYTHON_KEYRING_BACKEND), standing in for the OS keyring.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.imap_server import ImapServer

ROOT = Path(__file__).parents[2]
KEYS = {"id", "message_id", "date", "sender", "subject", "application_id", "kind",
        "proposed_stage", "interview_at", "reason"}


def mail_date(days_ago: int, hour: int = 10) -> dt.datetime:
    # Relative to the real clock: the CLI runs in its own process with the real today.
    day = dt.date.today() - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour, 0,
                       tzinfo=dt.timezone(dt.timedelta(hours=1)))


def message(n: int, sender: str, subject: str, body: str, when: dt.datetime,
            extra: str = "") -> bytes:
    return (f"From: {sender}\r\nTo: alex@example.net\r\nSubject: {subject}\r\n"
            f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S %z')}\r\n"
            f"Message-ID: <cli-{n}@mail.example>\r\n{extra}"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.memory_keyring.FileKeyring",
            "JOBTRACKER_TEST_KEYRING": str(tmp_path / "keyring.json"),
            "PYTHONPATH": str(ROOT)}


def jt(env: dict[str, str], db: Path, *args: str, stdin: str = ""
       ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, text=True, input=stdin, env=env, timeout=120)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def deliver_mailbox(server: ImapServer) -> dt.datetime:
    invited = mail_date(3)
    server.deliver(message(
        1, "Acme Robotics <no-reply@us.greenhouse-mail.io>",
        "Acme Robotics: interview invitation",
        f"Hi Alex,\r\n\r\nWe would like to invite you to a technical interview on "
        f"{(invited + dt.timedelta(days=7)).strftime('%B %d')} at 2:30 PM CET.\r\n\r\n"
        "Acme Robotics Recruiting", invited))
    server.deliver(message(
        2, "Bergmann Software <karriere@bergmann.example>", "Ihre Bewerbung",
        "Leider müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber entschieden "
        "haben.", mail_date(2)))
    server.deliver(message(
        3, "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
        "Senior Backend Engineer at Acme Robotics and 9 more jobs for you",
        "Your job alert: Acme Robotics is hiring.", mail_date(1),
        "List-Unsubscribe: <https://www.linkedin.com/e/unsubscribe>\r\n"))
    return invited


def test_mail_from_add_to_remove(imap_server: ImapServer, env: dict[str, str], tmp_path: Path):
    imap_server.reset_mailbox()
    invited = deliver_mailbox(imap_server)
    db = tmp_path / "jobtracker.db"
    password = imap_server.password
    app_id = int(ok(jt(env, db, "add", "--title", "Senior Backend Engineer", "--company",
                       "Acme Robotics", "--url",
                       "https://boards.greenhouse.io/acmerobotics/jobs/4012345", "--applied",
                       (dt.date.today() - dt.timedelta(days=20)).isoformat())).split()[-1])

    added = ok(jt(env, db, "mail", "add", "Work", "--host", "127.0.0.1", "--port",
                  str(imap_server.imaps_port), "--user", imap_server.user, stdin=password + "\n"))
    assert "password kept in the system keyring" in added
    keyring_file = Path(env["JOBTRACKER_TEST_KEYRING"])
    assert json.loads(keyring_file.read_text()) == {"JobTracker/Work": password}
    listed = ok(jt(env, db, "mail", "list", "--format", "json"))
    assert password not in listed
    assert json.loads(listed)[0]["user"] == imap_server.user

    # The product's default trust refuses the self-signed server: a plain one-line error.
    refused = jt(env, db, "mail", "scan")
    assert refused.returncode == 1
    assert "certificate of 127.0.0.1" in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1

    found = json.loads(ok(jt(env, db, "mail", "scan", "--format", "json", "--cafile",
                             str(imap_server.cafile))))
    assert [set(item) for item in found] == [KEYS, KEYS]
    by_kind = {item["kind"]: item for item in found}
    interview, rejection = by_kind["interview"], by_kind["rejection"]
    assert (interview["application_id"], interview["proposed_stage"]) == (app_id, "Interviewing")
    assert interview["interview_at"].endswith("T14:30:00+01:00")
    assert dt.datetime.fromisoformat(interview["date"]) == invited
    assert (rejection["application_id"], rejection["proposed_stage"]) == (None, "Rejected")

    text = ok(jt(env, db, "mail", "suggestions"))
    assert f"#{interview['id']}" in text and "why: The message invites you to an" in text

    ok(jt(env, db, "mail", "accept", str(interview["id"])))
    shown = json.loads(ok(jt(env, db, "show", str(app_id), "--format", "json")))
    assert shown["stage"] == "Interviewing"
    assert shown["events"][-1]["to_stage"] == "Interviewing"
    assert shown["events"][-1]["occurred_on"] == invited.date().isoformat()
    assert len(shown["interviews"]) == 1
    ok(jt(env, db, "mail", "dismiss", str(rejection["id"])))
    assert json.loads(ok(jt(env, db, "mail", "suggestions", "--format", "json"))) == []

    # The server renumbers its mailbox: the same messages come again, and are not proposed.
    imap_server.reset_mailbox(uidvalidity=int(dt.datetime.now().timestamp()) + 99)
    deliver_mailbox(imap_server)
    again = ok(jt(env, db, "mail", "scan", "--format", "json", "--cafile",
                  str(imap_server.cafile)))
    assert json.loads(again) == []

    # The password is nowhere on disk but in the keyring: not in the database (and its
    # WAL), settings, logs, nor exports.
    ok(jt(env, db, "export", "csv", "--output", str(tmp_path / "out.csv")))
    ok(jt(env, db, "export", "json", "--output", str(tmp_path / "out.json")))
    home = Path(os.environ["HOME"])
    files = [p for base in (tmp_path, home) for p in base.rglob("*")
             if p.is_file() and p != keyring_file]
    assert db.with_name(db.name + "-wal").exists() or db.exists()
    assert any(p.suffix == ".db" for p in files)
    leaked = [p for p in files if password.encode() in p.read_bytes()
              or password.encode("utf-16-le") in p.read_bytes()]
    assert leaked == []

    removed = ok(jt(env, db, "mail", "remove", "work"))
    assert "removed mail account 'Work'" in removed
    assert json.loads(keyring_file.read_text()) == {}
    assert json.loads(ok(jt(env, db, "mail", "list", "--format", "json"))) == []
    assert json.loads(ok(jt(env, db, "mail", "suggestions", "--format", "json"))) == []


def test_without_a_usable_keyring_the_password_is_asked_per_scan(imap_server: ImapServer,
                                                                 env: dict[str, str],
                                                                 tmp_path: Path):
    imap_server.reset_mailbox()
    deliver_mailbox(imap_server)
    env = {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    db = tmp_path / "jobtracker.db"
    added = jt(env, db, "mail", "add", "Work", "--host", "127.0.0.1", "--port",
               str(imap_server.imap_port), "--security", "plain", "--user", imap_server.user,
               stdin=imap_server.password + "\n")
    ok(added)
    assert "No password store (keyring) is available" in added.stderr
    assert "will ask for it each time" in added.stderr
    assert "unencrypted" in added.stderr
    scanned = jt(env, db, "mail", "scan", "--format", "json", stdin=imap_server.password + "\n")
    assert len(json.loads(ok(scanned))) == 2
    no_password = jt(env, db, "mail", "scan")
    assert no_password.returncode == 1
    assert "no password given" in no_password.stderr


def test_mail_cli_errors_are_one_plain_line(env: dict[str, str], tmp_path: Path):
    db = tmp_path / "jobtracker.db"
    bad = jt(env, db, "mail", "add", "Work", "--host", "mail.example.com", "--security",
             "plain", "--user", "ann", stdin="pw\n")
    assert bad.returncode == 1
    assert "security: plain (unencrypted) IMAP is only allowed" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = jt(env, db, "mail", "accept", "99")
    assert missing.returncode == 1 and "no mail suggestion with id 99" in missing.stderr
    nothing = jt(env, db, "mail", "scan")
    assert nothing.returncode == 1 and "no mail accounts" in nothing.stderr
    usage = jt(env, db, "mail", "scan", "--since", "yesterday")
    assert usage.returncode == 2 and "is not a date" in usage.stderr
