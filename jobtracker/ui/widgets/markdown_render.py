"""Markdown notes to safe HTML for QTextBrowser: raw HTML disabled, images shown as links."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict


@functools.cache
def _renderer() -> MarkdownIt:
    # Built on the first note shown, not at start-up: importing markdown-it and its
    # rule tables costs about 0.1 s of CPU that the first window does not need.
    from markdown_it import MarkdownIt

    # "commonmark" preset with html off: raw HTML in a note is shown as text, never
    # interpreted; markdown-it's own link validation refuses javascript: and data: URLs.
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.enable("table").enable("strikethrough")
    renderer.add_render_rule("image", _image_as_link)
    return renderer


def _image_as_link(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                   env: EnvType) -> str:
    # A note never loads a picture by itself: ![](/path) could name a FIFO or a device that
    # blocks the UI thread, a web address would be a request nobody asked for. It shows as a
    # link instead, which the user may follow (web addresses only, see PostingBrowser).
    from markdown_it.common.utils import escapeHtml

    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    translate = QCoreApplication.translate
    label = escapeHtml(translate("Notes", "[image: %1]").replace("%1", alt) if alt
                       else translate("Notes", "[image]"))
    depth = sum(1 if t.type == "link_open" else -1 if t.type == "link_close" else 0
                for t in tokens[:idx])
    if depth > 0:  # already inside a link: an anchor in an anchor would hide the outer one
        return label
    return f'<a href="{escapeHtml(str(token.attrGet("src") or ""))}">{label}</a>'


def render(text: str) -> str:
    """HTML for ``text`` (a note body)."""
    return str(_renderer().render(text))
