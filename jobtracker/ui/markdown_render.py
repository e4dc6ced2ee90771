"""Markdown notes to safe HTML for QTextBrowser: markdown-it with raw HTML disabled."""

from __future__ import annotations

from markdown_it import MarkdownIt

# "commonmark" preset with html off: raw HTML in a note is shown as text, never
# interpreted; markdown-it's own link validation refuses javascript: and data: URLs.
_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_RENDERER.enable("table").enable("strikethrough")


def render(text: str) -> str:
    """HTML for ``text`` (a note body)."""
    return str(_RENDERER.render(text))
