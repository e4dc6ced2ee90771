"""Classifying and dating messages: the common phrasings in four languages, with reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from jobtracker.mail.classify import classify, is_job_alert
from jobtracker.mail.message import MailMessage, html_to_text, parse_message, strip_quoted
from jobtracker.mail.when import find_interview_time

CET = dt.timezone(dt.timedelta(hours=1))
SENT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=CET)


def msg(text: str, subject: str = "Your application", *, sender: str = "hr@acme.example",
        bulk: bool = False) -> MailMessage:
    return MailMessage("<1@x>", SENT, sender, sender, subject, text, bulk)


@pytest.mark.parametrize(("text", "kind"), [
    ("Unfortunately, we will not be moving forward with your application.", "rejection"),
    ("We have decided to move forward with other candidates.", "rejection"),
    ("We regret to inform you that the position has been filled.", "rejection"),
    ("Leider müssen wir Ihnen mitteilen, dass wir uns anders entschieden haben.", "rejection"),
    ("Malheureusement, votre candidature n'a pas été retenue.", "rejection"),
    ("Lamentablemente, no podemos continuar con tu candidatura.", "rejection"),
    ("We are delighted to offer you the position!", "offer"),
    ("Wir freuen uns, Ihnen ein Vertragsangebot zu machen.", "offer"),
    ("Nous sommes ravis de vous faire une offre.", "offer"),
    ("Encantados de hacerte una oferta.", "offer"),
    ("We would like to invite you to an interview.", "interview"),
    ("Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen.", "interview"),
    ("Nous souhaitons vous inviter à un entretien.", "interview"),
    ("Queremos invitarte a una entrevista.", "interview"),
    ("Please complete the take-home assignment.", "assessment"),
    ("Anbei eine kleine Programmieraufgabe.", "assessment"),
    ("Voici le test technique.", "assessment"),
    ("Te enviamos una prueba técnica.", "assessment"),
    ("Thank you for applying! We have received your application.", "received"),
    ("Vielen Dank für Ihre Bewerbung.", "received"),
    ("Nous avons bien reçu votre candidature.", "received"),
    ("Hemos recibido tu candidatura.", "received"),
    ("See you at the team lunch.", "other"),
])
def test_kinds_in_four_languages(text: str, kind: str):
    assert classify(msg(text)).kind == kind


def test_reason_is_a_plain_sentence_quoting_the_words_that_decided():
    result = classify(msg("Hi,\nunfortunately we are not moving forward with you."))
    assert result.phrase == "unfortunately we are not moving"
    assert result.reason == ("The message says they are not moving forward with you: "
                             "\u201cunfortunately we are not moving\u201d.")
    german = classify(msg("Vielen Dank für Ihre Bewerbung."))
    assert german.reason == ("The message confirms that your application arrived: "
                             "\u201cVielen Dank für Ihre Bewerbung\u201d.")
    screen = classify(msg("We would like to schedule a quick call with you."))
    assert screen.reason.startswith("The message invites you to a screening call: ")
    assert classify(msg("See you at lunch.")).reason == (
        "The message is not one of the kinds JobTracker recognises.")


def test_rejection_wins_over_the_thanks_it_starts_with():
    result = classify(msg("Thank you for applying. Unfortunately, we have decided to pursue "
                          "other candidates."))
    assert result.kind == "rejection"


def test_a_phone_screen_is_a_screening_interview():
    result = classify(msg("I'd like to schedule a quick call to go over the role."))
    assert (result.kind, result.screening) == ("interview", True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Would Tuesday, December 2 at 2:30 PM CET work?", "2026-12-02T14:30:00+01:00"),
    ("am 3. Dezember um 14:00 Uhr", "2026-12-03T14:00:00+01:00"),
    ("le 4 décembre à 10h00", "2026-12-04T10:00:00+01:00"),
    ("el 5 de diciembre a las 16:00", "2026-12-05T16:00:00+01:00"),
    ("Dec 9th, 11am PST", "2026-12-09T11:00:00-08:00"),
    ("December 4 at 1:00 PM PT", "2026-12-04T13:00:00-08:00"),
    ("2026-12-10 at 09:30 (Europe/London)", "2026-12-10T09:30:00+00:00"),
    ("on 03.12.2026 at 9:30 UTC", "2026-12-03T09:30:00+00:00"),
    ("January 7 at 10:00", "2027-01-07T10:00:00+01:00"),  # next year, after the mail's date
])
def test_interview_times_in_the_stated_zone(text: str, expected: str):
    found = find_interview_time(text, SENT)
    assert found is not None and found.isoformat() == expected


@pytest.mark.parametrize("text", ["on December 2", "at 2:30 PM", "December 2, 2026",
                                  "in 2 weeks"])
def test_no_time_without_both_a_date_and_a_time(text: str):
    assert find_interview_time(text, SENT) is None


def test_job_alerts_and_digests():
    assert is_job_alert(msg("x", "30 new jobs for you", sender="alert@indeed.com"))
    assert is_job_alert(msg("x", "Hooli is hiring", sender="news@jobs.example"))
    assert is_job_alert(msg("Your weekly digest of jobs", "Picks", bulk=True))
    assert not is_job_alert(msg("Thank you for applying", "Your application"))


def test_parsing_decodes_headers_and_html_and_drops_quotes():
    raw = (b"From: =?utf-8?q?M=C3=BCller?= <HR@Mueller.example>\r\nSubject: =?iso-8859-1?q?"
           b"Ihre_Bewerbung_f=FCr?=\r\nDate: Tue, 24 Nov 2026 11:20:00 +0100\r\n"
           b"Auto-Submitted: auto-replied\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           b"<html><head><style>p{}</style></head><body><p>Hallo&nbsp;Alex</p>"
           b"<script>x()</script></body></html>")
    parsed = parse_message(raw)
    assert parsed.subject == "Ihre Bewerbung für"
    assert parsed.sender == "Müller <HR@Mueller.example>"
    assert parsed.sender_domain == "mueller.example"
    assert parsed.text == "Hallo Alex"  # no script, no style, spaces normalised
    assert parsed.auto_reply
    assert parsed.message_id.startswith("<no-id-")
    assert parsed.date == dt.datetime(2026, 11, 24, 11, 20, tzinfo=CET)
    assert html_to_text("") == ""
    assert strip_quoted("New text\n\nOn Mon, Nov 2 Ann wrote:\n> old\n") == "New text\n"
