"""Realistic messages for the UI mail tests, delivered into the real Dovecot's maildir."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from jobtracker.tracker import ApplicationInput, Tracker

REJECTION_DATE = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
INVITATION_DATE = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def message(sender: str, subject: str, body: str, when: dt.datetime, message_id: str) -> bytes:
    """One plain-text message as a mail server stores it (CRLF line ends)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Ann Example <test@example.com>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)


REJECTION = message(
    "Acme Recruiting <jobs@acme.com>", "Your application for Backend Engineer at Acme",
    "Dear Ann,\n\nThank you for your interest in the Backend Engineer role at Acme. "
    "Unfortunately we have decided not to move forward with your application.\n\n"
    "Best regards,\nAcme Talent Team\n", REJECTION_DATE, "<rejection-1@acme.com>")
INVITATION = message(
    "Jane Smith <jane@globex.io>", "Interview for the Data Analyst position",
    "Hi Ann,\n\nThanks for applying to Globex. We would like to invite you to an interview "
    "for the Data Analyst position on Tuesday, 1 December 2026 at 14:30 CET. "
    "Please confirm that this time works for you.\n\nJane\n", INVITATION_DATE,
    "<invite-7@globex.io>")
NEWSLETTER = message(
    "Job Alerts <alerts@jobboard.example>", "25 new jobs matching your search",
    "New jobs for you this week: Senior Developer, Product Manager, QA Engineer and more. "
    "View all jobs. You receive this job alert because you subscribed. Unsubscribe.\n",
    INVITATION_DATE, "<alert-99@jobboard.example>")

ALL = (REJECTION, INVITATION, NEWSLETTER)


def add_tracked(tracker: Tracker) -> tuple[int, int]:
    """The two applications the messages are about: Acme (Applied) and Globex (Applied)."""
    acme = tracker.add_application(ApplicationInput(
        "Backend Engineer", "Acme", url="https://acme.com/careers/backend-engineer",
        stage="Applied"), stage_on=dt.date(2026, 11, 10))
    globex = tracker.add_application(ApplicationInput(
        "Data Analyst", "Globex", url="https://globex.io/jobs/data-analyst", stage="Applied"),
        stage_on=dt.date(2026, 11, 12))
    return acme, globex
UNMATCHED = message(
    "Hooli Talent <talent@hooli.example>", "Thank you for applying to Hooli",
    "Hi Ann,\n\nThank you for applying for the Site Reliability Engineer position at Hooli. "
    "We have received your application and our team will review it shortly.\n\n"
    "Hooli Talent Acquisition\n", INVITATION_DATE, "<received-3@hooli.example>")
