"""What changed between two copies of a posting: a short line diff of their text."""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass

CONTEXT_LINES = 1
ADDED_STYLE = "background-color: #DCFCE7; color: #14532D;"
REMOVED_STYLE = "background-color: #FEE2E2; color: #7F1D1D; text-decoration: line-through;"
# The gap marker keeps the text colour: no fixed grey reads at 4.5:1 on both themes' views.
GAP_STYLE = ""


@dataclass(frozen=True)
class PostingDiff:
    """Lines as ``(kind, text)``: ``+`` added, ``-`` removed, `` `` context, ``…`` a gap."""

    lines: tuple[tuple[str, str], ...]
    added: int
    removed: int

    @property
    def unchanged(self) -> bool:
        """The two texts say the same (ignoring blank lines and surrounding spaces)."""
        return not self.added and not self.removed


def _lines(text: str | None) -> list[str]:
    # List items come as "- item" in the plain text; a bullet keeps them apart from the
    # diff's own +/- markers.
    lines = (line.strip() for line in (text or "").splitlines())
    return [f"• {line[2:]}" if line.startswith(("- ", "* ")) else line for line in lines if line]


def diff_text(old: str | None, new: str | None) -> PostingDiff:
    """The unified line diff of ``old`` to ``new`` with one line of context."""
    lines: list[tuple[str, str]] = []
    added = removed = 0
    for line in difflib.unified_diff(_lines(old), _lines(new), lineterm="", n=CONTEXT_LINES):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            if lines:
                lines.append(("…", ""))
            continue
        kind, text = line[:1], line[1:]
        added += kind == "+"
        removed += kind == "-"
        lines.append((kind, text))
    return PostingDiff(tuple(lines), added, removed)


def diff_html(diff: PostingDiff, heading: str) -> str:
    """The diff as HTML with added and removed lines highlighted, under ``heading``."""
    parts = [f"<p><b>{html.escape(heading)}</b></p>"]
    for kind, text in diff.lines:
        if kind == "…":
            parts.append(f'<p style="{GAP_STYLE}">…</p>')
            continue
        style = {"+": ADDED_STYLE, "-": REMOVED_STYLE}.get(kind, "")
        marker = {"+": "+ ", "-": "− "}.get(kind, "  ")
        parts.append(f'<p style="margin: 0; {style}">{marker}{html.escape(text)}</p>')
    return "".join(parts)
