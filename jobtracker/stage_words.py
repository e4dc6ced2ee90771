"""Stage names as people type them: exact names, spacing and case aside, and common synonyms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar


class _Named(Protocol):
    @property
    def name(self) -> str: ...


S = TypeVar("S", bound=_Named)

# Status words of other trackers, hand-made sheets and habit -> the default stage names. Only
# used when the database still has a stage of that name (stages are user-renamable).
STATUS_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("wishlist", "wish list", "bookmarked", "saved", "interested",
                     "to apply"), "Saved"),
    **dict.fromkeys(("applied", "application sent", "submitted", "applying"), "Applied"),
    **dict.fromkeys(("phone screen", "screening", "recruiter call", "hr screen",
                     "screen"), "Screening"),
    **dict.fromkeys(("interview", "interviewing", "onsite", "on site",
                     "technical interview", "final round", "interviews"), "Interviewing"),
    **dict.fromkeys(("offer", "offer received", "offered", "negotiating", "negotiation"),
                    "Offer"),
    **dict.fromkeys(("accepted", "hired", "offer accepted"), "Accepted"),
    **dict.fromkeys(("rejected", "not selected", "declined by company"), "Rejected"),
    **dict.fromkeys(("withdrawn", "withdrew", "i withdrew"), "Withdrawn"),
    **dict.fromkeys(("declined", "offer declined"), "Declined"),
    **dict.fromkeys(("ghosted", "no response", "no reply"), "Ghosted"),
}


def status_key(text: str) -> str:
    """``text`` folded for comparison: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def find_stage(text: str, stages: Sequence[S]) -> S | None:
    """The stage ``text`` names, or None.

    Its exact name (any case) first, then with spacing and punctuation aside, then a
    synonym of a default stage name ("Phone screen" is Screening).
    """
    wanted = text.strip().casefold()
    for stage in stages:
        if stage.name.casefold() == wanted:
            return stage
    key = status_key(text)
    by_key = {status_key(stage.name): stage for stage in stages}
    if key in by_key:
        return by_key[key]
    target = STATUS_SYNONYMS.get(key)
    return by_key.get(status_key(target)) if target else None
