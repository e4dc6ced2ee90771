"""`jobtracker export ics` and `export vcard`, run as real processes."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput, Tracker


def jt(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "jobtracker", "--db", str(db), *args],
                          capture_output=True, env=dict(os.environ), timeout=120)


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Tracker.open(db_path) as tracker:
        app = tracker.add_application(ApplicationInput(title="Backend Engineer",
                                                       company="Acme",
                                                       applied_on=dt.date(2026, 1, 5)))
        tracker.add_interview(app, InterviewInput(
            kind="Technical", timezone="Europe/Berlin", duration_minutes=45,
            starts_at=dt.datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")),
            meeting_url="https://meet.example.com/x", interviewers="Jane <jane@acme.example>"))
        tracker.add_contact(ContactInput(name="Jane Doe", company="Acme", role="Recruiter",
                                         email="jane@acme.example"))
    return db_path


def test_export_ics_to_a_file_and_to_stdout(filled: Path, tmp_path: Path):
    target = tmp_path / "interviews.ics"
    result = jt(filled, "export", "ics", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert b"1 calendar entry written" in result.stderr
    data = target.read_bytes()
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTSTART"].dt == dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)
    assert str(event["SUMMARY"]) == "Technical: Backend Engineer at Acme"
    assert not list(tmp_path.glob(".*.partial"))
    stdout = jt(filled, "export", "ics")
    assert stdout.returncode == 0, stdout.stderr
    assert stdout.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert stdout.stdout.replace(b"\r\n", b"").count(b"\n") == 0


def test_export_vcard_to_a_file_and_to_stdout(filled: Path, tmp_path: Path):
    target = tmp_path / "contacts.vcf"
    result = jt(filled, "export", "vcard", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert b"1 contact written" in result.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert b"FN:Jane Doe\r\n" in data and b"ORG:Acme\r\n" in data
    assert b"EMAIL;TYPE=work:jane@acme.example\r\n" in data
    assert data.replace(b"\r\n", b"").count(b"\n") == 0
    stdout = jt(filled, "export", "vcard")
    assert stdout.returncode == 0, stdout.stderr
    assert stdout.stdout == data


def test_export_from_an_empty_database(db_path: Path, migrated_template: Path):
    shutil.copyfile(migrated_template, db_path)  # a missing file is refused: no database there
    result = jt(db_path, "export", "vcard")
    assert result.returncode == 0 and result.stdout == b""
    result = jt(db_path, "export", "ics")
    assert result.returncode == 0
    assert Calendar.from_ical(result.stdout).walk("VEVENT") == []


_EXPORT_WITHOUT_SQLALCHEMY = (
    "import sys\n"
    "from jobtracker.cli import main\n"
    "code = main(['--db', sys.argv[1], 'export', 'csv', '-o', sys.argv[2]])\n"
    "print(code, 'sqlalchemy' in sys.modules)\n")


def test_export_csv_of_an_up_to_date_file_reads_it_without_sqlalchemy(filled: Path,
                                                                       tmp_path: Path):
    # The fast path (sqlite3 alone) must write exactly what the tracker's path writes.
    with Tracker.open(filled) as tracker:
        from jobtracker.exchange.csv_export import write_records

        with (tmp_path / "tracker.csv").open("w", newline="", encoding="utf-8") as out:
            write_records(tracker.iter_export_records(), out)
    result = subprocess.run(
        [sys.executable, "-c", _EXPORT_WITHOUT_SQLALCHEMY, str(filled), str(tmp_path / "a.csv")],
        capture_output=True, text=True, env=dict(os.environ), timeout=120, check=False)
    assert result.stdout.split() == ["0", "False"], result.stderr
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "tracker.csv").read_bytes()


def test_export_csv_of_an_older_file_migrates_it_first(tmp_path: Path):
    import shutil

    from jobtracker import migrations
    from jobtracker.db import read_revision

    old = tmp_path / "old.db"
    shutil.copyfile(Path(__file__).parents[2] / "data" / "schema-0001.db", old)
    result = jt(old, "export", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"\r\n") > 1  # header and rows
    assert read_revision(old) == migrations.HEAD
