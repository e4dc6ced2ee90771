"""Markdown notes to safe HTML for QTextBrowser: markdown-it with raw HTML disabled."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@functools.cache
def _renderer() -> MarkdownIt:
    # Built on the first note shown, not at start-up: importing markdown-it and its
    # rule tables costs about 0.1 s of CPU that the first window does not need.
    from markdown_it import MarkdownIt

    # "commonmark" preset with html off: raw HTML in a note is shown as text, never
    # interpreted; markdown-it's own link validation refuses javascript: and data: URLs.
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.enable("table").enable("strikethrough")
    return renderer


def render(text: str) -> str:
    """HTML for ``text`` (a note body)."""
    return str(_renderer().render(text))
