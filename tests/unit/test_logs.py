"""The log file: where it lives, that it rotates, and that no private data reaches it."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtracker import logs
from jobtracker.paths import log_dir
from jobtracker.tracker import ApplicationInput, Tracker

SECRET = "hunter2-Zq9xK"
TOKEN = "tok_8f3kQ2mZ71"
MAIL_BODY = """From: Sam Recruiter <sam.recruiter@acme.example>
To: Jane Candidate <jane.candidate@example.org>
Subject: Your application for Backend Engineer

Hi Jane,

thanks for the call on Tuesday. The team liked your take on the billing migration.
Could you send me your salary expectations and two references by Friday?
My direct line is +49 30 1234567.

Best, Sam
"""
# A long posting: 50 kB of distinct sentences, so any piece of it can be looked for.
POSTING = " ".join(f"Posting sentence {n}: we offer paid parental leave and a "
                   f"{n}-day onboarding." for n in range(800))
assert len(POSTING) > 50_000


@pytest.fixture
def log_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's logging configured as the CLI does it; taken down again after the test."""
    monkeypatch.setattr(logs, "_handler", None)
    path = logs.configure_logging()
    handler = logs._handler
    yield path
    logging.getLogger().removeHandler(handler)  # type: ignore[arg-type]
    assert handler is not None
    handler.close()


def test_log_file_lives_in_the_platform_log_dir_of_the_isolated_home(log_file: Path) -> None:
    home = Path(os.environ["HOME"])
    assert log_file == log_dir() / "jobtracker.log"
    # tests/conftest.py isolates platformdirs' log folder ($XDG_STATE_HOME on Linux, under
    # HOME on macOS): no test writes into the real user's logs.
    assert home in log_file.parents
    assert not log_file.parent.exists()  # created with the first record, not before
    logging.getLogger("jobtracker.test").warning("first record")
    assert "WARNING jobtracker.test: first record" in log_file.read_text(encoding="utf-8")


def test_version_and_help_write_no_log(tmp_path: Path) -> None:
    for flag in ("--version", "--help"):
        result = subprocess.run([sys.executable, "-m", "jobtracker", flag], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    assert not log_dir().exists()


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(
        monkeypatch: pytest.MonkeyPatch, log_file: Path) -> None:
    log = logging.getLogger("jobtracker.test")
    # The real handler, rotating at 20 kB instead of 1 MB, so the test writes 250 kB, not 8 MB.
    assert logs._handler is not None
    monkeypatch.setattr(logs._handler, "maxBytes", 20_000)
    filler = "x" * 1_000
    for number in range(250):  # about 260 kB: more than the 6 files can hold
        log.info(f"record {number} {filler}")
    files = sorted(log_file.parent.iterdir())
    assert [file.name for file in files] == ["jobtracker.log", *(f"jobtracker.log.{n}"
                                                                for n in range(1, 6))]
    assert all(file.stat().st_size <= 20_000 for file in files)
    # The newest record is in the current file, the oldest ones have been dropped.
    assert "record 249 " in log_file.read_text(encoding="utf-8")
    assert all("record 0 " not in file.read_text(encoding="utf-8") for file in files)


def test_a_long_argument_is_dropped_not_logged(log_file: Path) -> None:
    logging.getLogger("jobtracker.test").info("fetched %s", POSTING)
    text = log_file.read_text(encoding="utf-8")
    assert f"fetched <{len(POSTING)} characters not logged>" in text
    assert "Posting sentence" not in text


def test_no_secret_mail_or_posting_reaches_the_log_however_it_is_logged(log_file: Path
                                                                         ) -> None:
    log = logging.getLogger("jobtracker.mail")
    url = f"https://jane:{SECRET}@imap.example.com/INBOX?token={TOKEN}&x=1"
    log.info("%s", f"login password={SECRET}")
    log.info(f"connecting to {url}")
    log.info("connecting to %s", url)
    log.info("headers %r", {"Authorization": f"Bearer {TOKEN}", "Accept": "text/html"})
    log.info("request: Authorization: Basic %s", TOKEN)
    log.info("config %s", {"user": "jane", "password": SECRET})
    log.info("%s", MAIL_BODY)
    log.info(f"new mail: {MAIL_BODY}")
    log.info("new mail from %(sender)s: %(body)s",
             {"sender": "sam.recruiter@acme.example", "body": MAIL_BODY})
    log.warning(MAIL_BODY)
    log.info("%s", POSTING)
    log.info(f"posting: {POSTING}")
    log.info("posting %r", POSTING)
    try:
        raise ConnectionError(f"LOGIN failed for jane.candidate@example.org "
                              f"password={SECRET} at {url}")
    except ConnectionError:
        log.exception("mail scan failed")
    try:
        try:
            raise ValueError(f"cannot parse {POSTING!r}")
        except ValueError as error:
            raise RuntimeError(f"import failed:\n{MAIL_BODY}") from error
    except RuntimeError as error:
        log.error("import failed", exc_info=error)
    log.info("trace", stack_info=True)

    text = log_file.read_text(encoding="utf-8")
    for private in (SECRET, TOKEN, "jane.candidate@example.org", "sam.recruiter@acme.example",
                    "salary expectations", "+49 30 1234567", "Best, Sam"):
        assert private not in text, private
    # Of the posting, at most the first MESSAGE_CAP characters of an f-string message remain.
    assert "Posting sentence 100:" not in text and "Posting sentence 799:" not in text
    assert len(text) < 20_000
    # What helps a diagnosis is still there: the hosts and paths, the exception types, frames.
    assert "https://imap.example.com/INBOX?<redacted>" in text
    assert "password=<redacted>" in text
    assert "ConnectionError: LOGIN failed for <email> password=<redacted>" in text
    assert "ValueError: cannot parse '<" in text
    assert "The above exception was the direct cause of the following exception" in text
    assert "RuntimeError: import failed: [" in text
    assert "in test_no_secret_mail_or_posting_reaches_the_log_however_it_is_logged" in text
    assert text.count("Traceback (most recent call last):") == 3


def test_redaction_keeps_what_a_diagnosis_needs() -> None:
    assert logs.redact("GET https://u:p@boards.example.com:8443/jobs/42?ref=mail#apply done."
                       ) == "GET https://boards.example.com:8443/jobs/42?<redacted> done."
    assert logs.redact("no token here, see https://example.com/a.") == (
        "no token here, see https://example.com/a.")
    assert logs.redact(f"{Path.home()}/jobs.db is locked") == "~/jobs.db is locked"
    assert logs.redact(f"'client_secret': '{SECRET}', 'api_key': {TOKEN}") == (
        "'client_secret': <redacted>, 'api_key': <redacted>")


def test_an_unexpected_cli_error_is_one_line_and_a_redacted_traceback(
        tracker: Tracker, db_path: Path) -> None:
    # A real database whose note table refuses every insert, as a damaged or foreign-edited
    # file can: saving a note then fails inside SQLite, an error no use case expects.
    tracker.add_application(ApplicationInput("Backend Engineer", "Acme"))
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON note "
                           "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    connection.close()
    note = (f"Call Sam (sam.recruiter@acme.example) back, password={SECRET}\n"
            "They want salary expectations by Friday.")
    result = subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db_path), "note",
                             "1", note], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    log_file = log_dir() / "jobtracker.log"
    assert result.stderr.startswith("jobtracker: unexpected error: IntegrityError: "
                                    "(sqlite3.IntegrityError) disk says no")
    assert f"(details in {log_file})" in result.stderr

    text = log_file.read_text(encoding="utf-8")
    for private in (SECRET, "sam.recruiter@acme.example", "salary expectations", "Call Sam",
                    "[parameters:"):
        assert private not in text and private not in result.stderr, private
    assert "ERROR jobtracker.cli: unexpected error (jobtracker" in text
    assert "Traceback (most recent call last):" in text
    assert 'jobtracker/cli/records.py", line' in text and "in cmd_note_add" in text
    assert "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) disk says no" in text


def test_the_logging_module_needs_no_qt() -> None:
    probe = "import sys, jobtracker.logs; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_a_remembered_secret_is_redacted_in_every_form_a_server_echoes(log_file: Path) -> None:
    import base64
    from urllib.parse import quote

    secret = 'ünique"\\Secret-4d1'
    plain_blob = base64.b64encode(f"\0ann\0{secret}".encode()).decode()
    forms = [secret, '"' + secret.replace("\\", "\\\\").replace('"', '\\"') + '"',
             plain_blob, plain_blob.rstrip("="), quote(secret, safe=""),
             str(secret.encode())]  # the bytes repr imaplib shows: \xc3\xbc, \\ doubled
    logs.add_secret(secret, "ann")
    for form in forms:
        shown = logs.redact(f"NO [AUTHENTICATIONFAILED] refused {form} (try again)")
        assert shown.startswith("NO [AUTHENTICATIONFAILED] refused ") and "Secret-4d1" not in shown
        assert "<redacted>" in shown and shown.endswith(" (try again)")
        logging.getLogger("jobtracker.test").warning("server said: %s", form)
    assert "Secret-4d1" not in log_file.read_text(encoding="utf-8")
    assert plain_blob.rstrip("=") not in log_file.read_text(encoding="utf-8")
