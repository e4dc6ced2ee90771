"""What a message says: received, interview, assessment, rejection, offer or other, and why.

Rules are phrase patterns in English, German, French and Spanish. Each match
carries the words that triggered it, so every suggestion can explain itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Literal

from jobtracker.mail.message import MailMessage

Kind = Literal["received", "interview", "assessment", "rejection", "offer", "other"]
KINDS: tuple[Kind, ...] = ("received", "interview", "assessment", "rejection", "offer", "other")

_GAP = r"[^.!?\n]{0,80}?"  # a few words, within one sentence


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_REJECTION = _rx(
    rf"unfortunately{_GAP}(not (be )?(moving|move|proceed|progress)|other candidates|"
    r"decided|(won't|will not) be (moving|proceeding|progressing|offering|taking)|"
    r"(not able|unable) to (offer|move|proceed)|not been selected|not selected)",
    rf"(decided|decision){_GAP}(not to (move|proceed|progress|pursue|continue)|"
    rf"(move|go|proceed) forward with (other|another)|pursue other)",
    r"(move|moving|proceed|proceeding|go|going) forward with (other|another) candidate",
    r"not (be )?(moving|move|proceeding|progressing) forward with your (application|candidacy)",
    r"will not be (moving|proceeding|progressing) (forward )?with your (application|candidacy)",
    r"position has (now )?been filled",
    r"(we regret to inform|regret to let you know)",
    r"not (to )?(offer you|extend an offer)",
    rf"leider{_GAP}(nicht|absagen|anderen? (Kandidat|Bewerber)|entschieden|keine)",
    r"(müssen|mussten) (wir )?Ihnen (leider )?(mitteilen|absagen)",
    r"(Absage|nicht weiter berücksichtigen)",
    rf"malheureusement{_GAP}(pas|ne pourrons|autre candidat|retenu)",
    r"(pas été retenue?|ne pas donner suite|ne pouvons pas donner suite|"
    r"pas pouvoir donner suite)",
    rf"lamentablemente{_GAP}(no|otros candidatos|otro candidato)",
    rf"(lamentamos|sentimos) (informarte|informarle|comunicarte){_GAP}",
    r"no (has|ha) sido seleccionad[oa]",
    r"no seguir(emos)? adelante con tu candidatura",
)
_OFFER = _rx(
    r"(pleased|delighted|happy|excited|thrilled) to (formally )?(offer you|extend (you )?an offer|"
    r"make you an offer)",
    r"(your|an|the) (formal |written )?offer letter",
    r"(job|employment) offer (for|from)\b",
    r"offer of employment",
    r"(freuen uns|freue mich),? Ihnen (ein|das|unser) (Vertrags|Arbeits)?angebot",
    r"(Vertragsangebot|Arbeitsvertrag anbei|Angebot für die Position)",
    r"(proposition d'embauche|offre d'emploi (ci-jointe|en pièce jointe)|"
    r"(heureux|ravis) de vous (faire|proposer|présenter) (une|notre) (offre|proposition))",
    r"(oferta de (empleo|trabajo) (formal|adjunta)|(encantados|complace) de (hacerte|ofrecerte) "
    r"(una|la) oferta|carta de oferta)",
)
_SCREEN = _rx(
    r"phone screen", r"(recruiter|recruiting|introductory|intro|initial|screening|first) "
    r"(call|chat|phone call|conversation)",
    r"(quick|short|brief) (call|chat|phone call)",
    r"(kurzes|erstes) (Telefonat|Telefongespräch|Kennenlerngespräch)",
    r"(premier )?(échange|entretien) téléphonique",
    r"(llamada|entrevista telefónica) (inicial|breve|corta|telefónica)",
    r"(breve|primera) (llamada|conversación)",
)
_INTERVIEW = _rx(
    r"invite you (to|for) (an?|the|our|your) [^.!?\n]{0,40}?(interview|call|chat|conversation|"
    r"meeting|onsite|on-site)",
    r"(like|love|want) to (schedule|set up|arrange|book|invite you|speak|talk|chat|meet)",
    r"(schedule|scheduling|set up|arrange) (an?|your|the) [^.!?\n]{0,30}?(interview|call|chat)",
    r"(availability|available) for (an?|the) [^.!?\n]{0,30}?(interview|call|chat)",
    r"interview (invitation|confirmation|request|is (scheduled|confirmed))",
    r"(next round|next step|final round|onsite interview|technical interview|panel interview)"
    r"[^.!?\n]{0,60}?(interview|call|meet|schedule)",
    r"(Vorstellungsgespräch|Bewerbungsgespräch|Interview) (einladen|Einladung)",
    r"(einladen|Einladung)[^.!?\n]{0,60}?(Gespräch|Interview|Telefonat|Kennenlernen)",
    r"(inviter|convier) (à|pour) (un|une|notre) [^.!?\n]{0,30}?(entretien|échange|rencontre)",
    r"(entretien|échange)[^.!?\n]{0,40}?(prévu|programmé|confirmé|le \w+ \d)",
    r"(invitarte|invitarle|invitamos) a (una|un) [^.!?\n]{0,30}?(entrevista|llamada|reunión)",
    r"(agendar|programar|coordinar) (una|la) (entrevista|llamada)",
    r"entrevista[^.!?\n]{0,40}?(programada|confirmada|el \w+ \d)",
)
_ASSESSMENT = _rx(
    r"(take[- ]home|coding) (assignment|challenge|exercise|test|task)",
    r"(online|technical|skills?) (assessment|test|exercise)",
    r"(hackerrank|codility|codesignal|testgorilla|coderbyte|codingame)",
    r"(complete|start|finish) (the|an|our|your) (assessment|challenge|case study|exercise)",
    r"case study",
    r"(Programmieraufgabe|Coding-Challenge|Online-Test|Fallstudie|Probeaufgabe)",
    r"(test technique|exercice technique|étude de cas|cas pratique)",
    r"(prueba técnica|ejercicio técnico|caso práctico|prueba de código)",
)
_RECEIVED = _rx(
    r"(thank you|thanks) for (applying|your application|submitting your application|"
    r"your interest in)",
    r"(we('ve| have)|we) (received|got) your application",
    r"application (has been |was )?(received|submitted)",
    r"your application (for|to) [^.!?\n]{0,80}?(has been|was) (received|submitted)",
    r"(vielen dank|danke) für (Ihre|deine) Bewerbung",
    r"(Ihre|deine) Bewerbung (ist )?(bei uns )?(eingegangen|erhalten)",
    r"Eingangsbestätigung",
    r"(nous avons bien reçu|avons bien reçu) votre candidature",
    r"merci (pour|de) votre candidature",
    r"(hemos recibido|recibimos) tu (candidatura|solicitud|postulación)",
    r"gracias por (tu|su) (candidatura|solicitud|postulación|interés)",
)

# The order settles mixed messages: a rejection thanks for applying, an offer may
# mention earlier interviews, an invitation may mention a later assessment.
_RULES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("offer", _OFFER),
    ("rejection", _REJECTION),
    ("assessment", _ASSESSMENT),
    ("interview", _INTERVIEW),
    ("received", _RECEIVED),
)

_JOB_ALERT = _rx(
    r"new jobs? (for you|matching|that match)", r"job alert", r"jobs you may be interested in",
    r"recommended jobs", r"jobs? (recommendations?|picks) for you", r"is hiring",
    r"neue Jobs für Sie", r"Job-?Alarm", r"Jobempfehlungen", r"offres d'emploi pour vous",
    r"alerte emploi", r"nuevos empleos", r"alerta de empleo", r"weekly digest", r"newsletter",
    r"similar jobs", r"apply now to",
)
_ALERT_SENDERS = ("linkedin.com", "indeed.com", "glassdoor.com", "ziprecruiter.com",
                  "monster.com", "stepstone.de", "xing.com", "otta.com", "wellfound.com")


@dataclasses.dataclass(frozen=True)
class Classification:
    """The kind of a message, the words that show it, and an interview time when stated."""

    kind: Kind
    reason: str  # a plain sentence for the user, quoting ``phrase``
    interview_at: dt.datetime | None = None
    screening: bool = False
    phrase: str = ""  # the message's own words that decided the kind (any of four languages)


# What each kind means, said to the user; the quoted phrase keeps the message's language.
_KIND_SENTENCES: dict[Kind, str] = {
    "received": "The message confirms that your application arrived",
    "interview": "The message invites you to an interview",
    "assessment": "The message asks you to complete an assessment",
    "rejection": "The message says they are not moving forward with you",
    "offer": "The message makes you an offer",
}
_SCREENING_SENTENCE = "The message invites you to a screening call"


def reason_sentence(kind: Kind, phrase: str, *, screening: bool = False) -> str:
    """A plain sentence for a kind and the words that decided it, quoting them."""
    if kind == "other" or not phrase:
        return "The message is not one of the kinds JobTracker recognises."
    sentence = _SCREENING_SENTENCE if kind == "interview" and screening else _KIND_SENTENCES[kind]
    return f"{sentence}: \u201c{phrase}\u201d."


def _snippet(match: re.Match[str]) -> str:
    text = " ".join(match.group(0).split())
    if len(text) > 70:
        words = text.split()
        text = f"{' '.join(words[:3])} … {' '.join(words[-4:])}"
    return text


def is_job_alert(message: MailMessage) -> bool:
    """Job boards' alerts and digests: about jobs, never about an application of the user's."""
    domain = message.sender_domain
    if any(domain == d or domain.endswith("." + d) for d in _ALERT_SENDERS):
        return True
    return bool(_JOB_ALERT.search(message.subject)) or (
        message.bulk and bool(_JOB_ALERT.search(message.text[:2000])))


def classify(message: MailMessage) -> Classification:
    """The kind of ``message`` with a plain-sentence reason quoting the words that decided."""
    from jobtracker.mail.when import find_interview_time

    text = f"{message.subject}\n{message.text}"
    for kind, pattern in _RULES:
        found = pattern.search(text)
        if found is None:
            continue
        phrase = _snippet(found)
        if kind == "interview":
            at = find_interview_time(message.text or message.subject, message.date)
            screening = _SCREEN.search(text) is not None
            return Classification(kind, reason_sentence(kind, phrase, screening=screening), at,
                                  screening, phrase)
        return Classification(kind, reason_sentence(kind, phrase), phrase=phrase)
    return Classification("other", reason_sentence("other", ""))
