"""Matching messages to applications: domains, ATS senders, names, titles, requisition ids."""

from __future__ import annotations

import datetime as dt

from jobtracker.mail.match import (
    ApplicationRef,
    MatchIndex,
    StageInfo,
    base_domain,
    company_key,
    url_facts,
)
from jobtracker.mail.message import MailMessage
from jobtracker.mail.suggest import suggest

STAGES = tuple(StageInfo(name, kind, i) for i, (name, kind) in enumerate(
    [("Saved", "open"), ("Applied", "open"), ("Screening", "open"), ("Interviewing", "open"),
     ("Offer", "offer"), ("Accepted", "won"), ("Rejected", "lost")]))
ACME = ApplicationRef(1, "Acme Robotics Inc.", "Backend Engineer", "Applied",
                      domains=("acme.example",), ats_slugs=("acmerobotics",))
ACME_2 = ApplicationRef(2, "Acme Robotics Inc.", "Senior Backend Engineer", "Applied",
                        domains=("acme.example",))
GLOBEX = ApplicationRef(3, "Globex", "Data Engineer", "Saved", requisition_ids=("R-20431",))
INDEX = MatchIndex((ACME, ACME_2, GLOBEX), STAGES)


def msg(sender: str, subject: str, text: str = "", *, bulk: bool = False) -> MailMessage:
    return MailMessage("<1@x>", dt.datetime(2026, 11, 25, tzinfo=dt.UTC), sender, sender,
                       subject, text, bulk)


def test_url_facts_tell_employer_domains_from_ats_boards():
    assert url_facts("https://careers.acme.co.uk/jobs/123456") == ("acme.co.uk", None,
                                                                   ("123456",))
    assert url_facts("https://boards.greenhouse.io/acmerobotics/jobs/4012345") == (
        None, "acmerobotics", ("4012345",))
    assert url_facts("https://umbrella.wd5.myworkdayjobs.com/en-US/job/SRE_R-20431")[1:] == (
        "umbrella", ("R-20431",))
    assert url_facts("not a url") == (None, None, ())
    assert base_domain("mail.jobs.acme.example") == "acme.example"
    assert company_key("Müller Logistik GmbH") == "müller logistik"


def test_sender_domain_then_title_decides_among_applications_at_one_company():
    found = INDEX.match(msg("jane@careers.acme.example", "Senior Backend Engineer interview"))
    assert found is not None and found.application.id == 2
    assert found.reason == ("It comes from acme.example, Acme Robotics Inc.'s domain, and it "
                            "names the job title Senior Backend Engineer.")


def test_ats_sender_needs_the_company_in_the_text_or_its_slug():
    by_slug = INDEX.match(msg("acmerobotics@greenhouse-mail.io", "Update"))
    assert by_slug is not None and by_slug.application.company == "Acme Robotics Inc."
    named = INDEX.match(msg("no-reply@hire.lever.co", "Thanks for applying to Globex"))
    assert named is not None and named.application.id == 3
    assert INDEX.match(msg("no-reply@hire.lever.co", "Thanks for applying to Initech")) is None


def test_requisition_id_and_company_name_without_a_known_domain():
    by_req = INDEX.match(msg("talent@umbrella.example", "Interview for R-20431"))
    assert by_req is not None and by_req.application.id == 3
    assert by_req.reason == "It quotes the requisition number R-20431."
    assert INDEX.match(msg("x@gmail.com", "Lunch?", "Globex is on my way")) is None


def test_suggestions_only_move_forward():
    rejected = MatchIndex((ApplicationRef(9, "Globex", "Data Engineer", "Rejected",
                                          domains=("globex.example",)),), STAGES)
    late = msg("hr@globex.example", "Update", "Unfortunately we decided not to move forward.")
    assert suggest(late, rejected) is None
    confirmation = msg("hr@globex.example", "Thanks", "Thank you for applying to Globex.")
    assert suggest(confirmation, rejected) is None
    saved = MatchIndex((ApplicationRef(9, "Globex", "Data Engineer", "Saved",
                                       domains=("globex.example",)),), STAGES)
    proposal = suggest(confirmation, saved)
    assert proposal is not None
    assert (proposal.application_id, proposal.kind, proposal.proposed_stage) == (9, "received",
                                                                                 "Applied")


def test_renamed_stages_are_found_by_kind_and_place():
    renamed = tuple(StageInfo(f"Step {s.position}" if s.kind == "open" else s.name, s.kind,
                              s.position) for s in STAGES)
    index = MatchIndex((ApplicationRef(1, "Acme", "Dev", "Step 1", domains=("acme.example",)),),
                       renamed)
    proposal = suggest(msg("hr@acme.example", "Hi", "We would like to invite you to an "
                                                    "interview."), index)
    assert proposal is not None and proposal.proposed_stage == "Step 3"


def test_bulk_unmatched_and_cold_outreach_make_no_suggestion():
    assert suggest(msg("news@x.example", "Tips", "How to schedule an interview", bulk=True),
                   INDEX) is None
    cold = msg("tom@talent.example", "Opportunity",
               "I came across your profile and would love to schedule a call.")
    assert suggest(cold, INDEX) is None
    untracked = suggest(msg("hr@initech.example", "Application",
                            "Unfortunately we have decided not to proceed."), INDEX)
    assert untracked is not None and untracked.application_id is None
    assert untracked.reason == (
        "The message says they are not moving forward with you: \u201cUnfortunately we have "
        "decided\u201d. No tracked application matches it; Create "
        "Application can track one.")
