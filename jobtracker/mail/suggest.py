"""From one message to a proposed change: which application, what happened, which stage."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from jobtracker.mail.classify import Classification, Kind, classify, is_job_alert
from jobtracker.mail.match import ApplicationRef, MatchIndex, StageInfo
from jobtracker.mail.message import MailMessage

# Recruiters writing first: about a job the user has not applied to, never a stage change.
_COLD_OUTREACH = re.compile(
    r"(came across your (profile|background|cv|resume)|your (profile|background) (caught|"
    r"stood out)|are you open to (new )?(opportunities|a conversation)|I'?m reaching out "
    r"(about|regarding|because)|(an|a new|exciting) opportunity (that|which) (might|may|could) "
    r"(interest|suit)|auf Ihr Profil (gestoßen|aufmerksam)|votre profil a retenu|"
    r"tu perfil (nos )?(ha )?llamado)", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class SuggestionDraft:
    """A proposal drawn from one message, before it is saved; holds no message body."""

    message_id: str
    date: dt.datetime
    sender: str
    subject: str
    application_id: int | None
    kind: Kind
    proposed_stage: str | None
    interview_at: dt.datetime | None
    reason: str  # plain sentences: what the message says, then how it was matched


def _open_stages(index: MatchIndex) -> list[StageInfo]:
    return sorted((s for s in index.stages if s.kind == "open"), key=lambda s: s.position)


def _named_or(index: MatchIndex, name: str, fallback: StageInfo | None) -> StageInfo | None:
    # The default names first; when the user renamed them, the stage in the same place.
    return index.stage(name) or fallback


def target_stage(index: MatchIndex, kind: Kind, *, screening: bool) -> StageInfo | None:
    """The stage a message of this kind moves an application to, from the user's own stages."""
    opens = _open_stages(index)
    by_kind = {k: sorted((s for s in index.stages if s.kind == k), key=lambda s: s.position)
               for k in ("offer", "lost")}
    if kind == "received":
        return _named_or(index, "Applied", opens[1] if len(opens) > 1 else None)
    if kind == "interview" and screening:
        return _named_or(index, "Screening", opens[-2] if len(opens) > 2 else None) \
            or _named_or(index, "Interviewing", opens[-1] if opens else None)
    if kind in ("interview", "assessment"):
        # A take-home is a round of the interview process, not a stage of its own.
        return _named_or(index, "Interviewing", opens[-1] if opens else None)
    if kind == "rejection":
        return _named_or(index, "Rejected", by_kind["lost"][0] if by_kind["lost"] else None)
    if kind == "offer":
        return _named_or(index, "Offer", by_kind["offer"][0] if by_kind["offer"] else None)
    return None


def _forward(index: MatchIndex, app: ApplicationRef, target: StageInfo, kind: Kind) -> bool:
    """True when moving ``app`` to ``target`` is progress, never a step back or a re-opening."""
    current = index.stage(app.stage)
    if current is None:
        return True
    if current.name.casefold() == target.name.casefold():
        return False
    if current.kind in ("won", "lost"):
        return False
    if kind == "received":
        opens = _open_stages(index)
        return bool(opens) and current.name == opens[0].name
    if target.kind == "open":
        return current.kind == "open" and target.position > current.position
    if target.kind == "offer":
        return current.kind == "open"
    return True


def suggest(message: MailMessage, index: MatchIndex) -> SuggestionDraft | None:
    """The proposal for ``message``, or None when it is not about an application."""
    if message.auto_reply or is_job_alert(message):
        return None
    found = index.match(message)
    result: Classification = classify(message)
    if found is None:
        if result.kind == "other" or message.bulk or _COLD_OUTREACH.search(message.text):
            return None
        target = target_stage(index, result.kind, screening=result.screening)
        return _draft(message, None, result, target,
                      f"{result.reason} No tracked application matches it; Create Application "
                      "can track one.")
    if message.bulk and result.kind == "other":
        return None
    app = found.application
    target = target_stage(index, result.kind, screening=result.screening)
    if target is not None and not _forward(index, app, target, result.kind):
        target = None
    if target is None and result.interview_at is None:
        return None  # nothing to change: no stage to move to and no interview to add
    return _draft(message, app.id, result, target,
                  f"{result.reason} {found.reason}")


def _draft(message: MailMessage, application_id: int | None, result: Classification,
           target: StageInfo | None, reason: str) -> SuggestionDraft:
    return SuggestionDraft(
        message_id=message.message_id,
        date=message.date,
        sender=message.sender,
        subject=message.subject,
        application_id=application_id,
        kind=result.kind,
        proposed_stage=target.name if target else None,
        interview_at=result.interview_at,
        reason=reason[:1000],
    )
