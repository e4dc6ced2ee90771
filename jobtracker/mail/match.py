"""Which tracked application a message is about: by sender domain, ATS, company, title, req id."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from jobtracker.mail.message import MailMessage

# Applicant-tracking systems send mail for many employers from their own domains;
# a message from one says nothing about the employer until its name is found in it.
ATS_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "ashbyhq.com", "myworkday.com",
    "workday.com", "myworkdayjobs.com", "smartrecruiters.com", "smartrecruiters-mail.com",
    "icims.com", "workable.com", "workablemail.com", "bamboohr.com", "personio.de",
    "personio.com", "recruitee.com", "teamtailor.com", "teamtailor-mail.com", "jobvite.com",
    "successfactors.com", "successfactors.eu", "taleo.net", "breezy.hr", "jazzhr.com",
    "applytojob.com", "pinpointhq.com", "join.com", "rippling.com", "gem.com",
)
# Hosts that carry job ads for anyone: their domain is never an employer's.
BOARD_DOMAINS = (
    *ATS_DOMAINS, "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "xing.com",
    "welcometothejungle.com", "otta.com", "wellfound.com", "angel.co", "monster.com",
    "ziprecruiter.com", "google.com",
)
_TWO_LEVEL_SUFFIXES = ("co.uk", "com.au", "co.jp", "com.br", "co.nz", "co.in", "com.mx",
                       "com.es", "co.za", "ac.uk", "org.uk")
_COMPANY_SUFFIX = re.compile(
    r"[,\s]+(inc\.?|incorporated|llc|ltd\.?|limited|gmbh|ag|se|sa|sas|s\.a\.?|s\.l\.?|sl|"
    r"bv|b\.v\.|plc|corp\.?|corporation|co\.?|company|group|ug|kg|oy|ab|as|srl)$",
    re.IGNORECASE)
# Not \b: "SRE_R-20431" in a Workday URL has an underscore (a word character) before the id.
_REQ_ID = re.compile(r"(?<![A-Za-z0-9])((?:R|JR|REQ|JOB)[-_ ]?\d{3,}|\d{6,})(?![A-Za-z0-9])",
                     re.IGNORECASE)


def base_domain(host: str) -> str:
    """The registrable part of a host name (``careers.acme.com`` -> ``acme.com``)."""
    host = host.lower().strip().rstrip(".")
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_ats_domain(domain: str) -> bool:
    """True when ``domain`` belongs to a known applicant-tracking system."""
    return base_domain(domain) in ATS_DOMAINS


def company_key(name: str) -> str:
    """A company name without legal suffixes, case-folded ("Acme GmbH" -> "acme")."""
    key = name.strip()
    for _ in range(2):
        key = _COMPANY_SUFFIX.sub("", key)
    return " ".join(key.casefold().split())


def url_facts(url: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """From a posting URL: the employer's domain (None for ATS/boards), the ATS slug, req ids."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None, None, ()
    host = (parts.hostname or "").lower()
    if not host:
        return None, None, ()
    domain = base_domain(host)
    ids = tuple(m.group(1).upper() for m in _REQ_ID.finditer(parts.path + " " + parts.query))
    if domain in BOARD_DOMAINS:
        segments = [s for s in parts.path.split("/") if s]
        sub = host.split(".")[0]
        slug: str | None = None
        if sub not in {"boards", "jobs", "apply", "careers", "www", "job-boards", "app"}:
            slug = sub  # acme.wd5.myworkday.com, acme.bamboohr.com, acme.recruitee.com
        elif segments:
            slug = segments[0]  # boards.greenhouse.io/acme, jobs.lever.co/acme
        return None, slug.casefold() if slug else None, ids
    return domain, None, ids


@dataclasses.dataclass(frozen=True)
class ApplicationRef:
    """What the matcher knows of one live application."""

    id: int
    company: str
    title: str
    stage: str
    domains: tuple[str, ...] = ()
    ats_slugs: tuple[str, ...] = ()
    requisition_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the application is named to the user: "Backend Engineer — Acme"."""
        return f"{self.title} — {self.company}"


@dataclasses.dataclass(frozen=True)
class StageInfo:
    """A stage of the user's list: name, kind (open/offer/won/lost) and order."""

    name: str
    kind: str
    position: int


@dataclasses.dataclass(frozen=True)
class Match:
    """The application a message is about, and why the matcher thinks so."""

    application: ApplicationRef
    reason: str  # a plain sentence: "It comes from acme.example, Acme's domain."


def _contains(text: str, phrase: str) -> bool:
    if len(phrase) < 2:
        return False
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text, re.IGNORECASE) is not None


# Placeholders in the reasons _pick() finishes with the application it picked.
_COMPANY = "\x00company\x00"
_TITLE = "\x00title\x00"


@dataclasses.dataclass(frozen=True)
class MatchIndex:
    """Plain data read from the database once per scan; safe to hand to a worker thread."""

    applications: tuple[ApplicationRef, ...] = ()
    stages: tuple[StageInfo, ...] = ()

    def stage(self, name: str) -> StageInfo | None:
        """The stage called ``name`` (any case)."""
        wanted = name.casefold()
        return next((s for s in self.stages if s.name.casefold() == wanted), None)

    def match(self, message: MailMessage) -> Match | None:
        """The application ``message`` is about, or None when no clue points to one."""
        subject = message.subject
        head = f"{message.sender}\n{subject}"
        body = message.text
        everything = f"{head}\n{body}"
        domain = base_domain(message.sender_domain) if message.sender_domain else ""
        reply_domain = base_domain(message.reply_to.rpartition("@")[2]) if message.reply_to else ""

        by_domain = [a for a in self.applications
                     if domain and (domain in a.domains or reply_domain in a.domains)]
        if by_domain:
            return self._pick(by_domain, everything,
                              f"It comes from {domain}, {_COMPANY}'s domain")

        if is_ats_domain(domain):
            local = message.sender_address.partition("@")[0].casefold()
            host = message.sender_domain
            by_slug = [a for a in self.applications
                       if any(s and (s == local or f"{s}." in host or s in local.split("."))
                              for s in a.ats_slugs)]
            if by_slug:
                return self._pick(by_slug, everything,
                                  f"It comes from {_COMPANY}'s job board at {domain}")
            named = self._named(head) or self._named(body)
            if named:
                return self._pick(named, everything,
                                  f"It names {_COMPANY} and comes from the job board {domain}")

        for app in self.applications:
            for req in app.requisition_ids:
                if _contains(everything, req):
                    return Match(app, f"It quotes the requisition number {req}.")

        named = self._named(head)
        if named:
            return self._pick(named, everything, f"Its subject names {_COMPANY}")
        named = [a for a in self._named(body) if _contains(everything, a.title)]
        if named:
            return self._pick(named, everything, f"It names {_COMPANY} and the job title "
                                                 f"{_TITLE}")
        return None

    def _named(self, text: str) -> list[ApplicationRef]:
        return [a for a in self.applications
                if _contains(text, company_key(a.company)) or _contains(text, a.company)]

    def _pick(self, candidates: list[ApplicationRef], text: str, why: str) -> Match:
        """One application among several at the same company: the one whose title is quoted.

        ``why`` is a sentence without its full stop, naming the chosen application's company
        and title by placeholders, so the sentence names the one picked and can say its title.
        """
        best = candidates[0]
        titled_too = False
        if len(candidates) > 1:
            titled = [a for a in candidates if _contains(text, a.title)]
            if titled:
                # The longest title wins: "Senior Backend Engineer" over "Backend Engineer".
                best = max(titled, key=lambda a: len(a.title))
                titled_too = _TITLE not in why  # the sentence does not say the title yet
            else:
                live = [a for a in candidates if self._is_open(a)] or candidates
                best = max(live, key=lambda a: a.id)
        sentence = why.replace(_COMPANY, best.company).replace(_TITLE, best.title)
        if titled_too:
            sentence += f", and it names the job title {best.title}"
        return Match(best, f"{sentence}.")

    def _is_open(self, app: ApplicationRef) -> bool:
        info = self.stage(app.stage)
        return info is None or info.kind in {"open", "offer"}
