"""Posting descriptions made safe with nh3 (no scripts, handlers, remote images) and as text."""

from __future__ import annotations

import re

import lxml.html
import nh3
from lxml import etree

# Everything nh3 allows except images (a remote image is a tracking pixel when shown offline).
_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "area", "map"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"},
               "th": {"colspan", "rowspan"}, "ol": {"start"}, "time": {"datetime"}}
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
           "table", "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt",
           "dl", "hr", "figure", "figcaption", "details", "summary", "aside", "nav"}


def sanitise_html(fragment: str | None) -> str | None:
    """The fragment with only harmless markup.

    No script/style, no event handlers, no ``javascript:`` or ``data:`` links, no images;
    links get ``rel="noopener noreferrer nofollow"``.
    """
    if not fragment or not fragment.strip():
        return None
    cleaned = nh3.clean(
        fragment,
        tags=_TAGS,
        clean_content_tags={"script", "style", "noscript", "iframe", "object", "embed",
                            "template", "svg", "math"},
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        strip_comments=True,
        link_rel="noopener noreferrer nofollow",
    ).strip()
    return cleaned or None


def html_to_text(fragment: str | None) -> str | None:
    """Readable plain text of an HTML fragment: paragraphs and list items on their own lines."""
    if not fragment or not fragment.strip():
        return None
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"\s+", " ", fragment).strip() or None
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BLOCKS:
            pieces.append("\n")
        if tag == "li":
            pieces.append("- ")
        if element.text and tag not in {"script", "style"}:
            pieces.append(element.text)
        for child in element:
            walk(child)
        if tag in _BLOCKS:
            pieces.append("\n")
        if element.tail:
            pieces.append(element.tail)

    walk(root)
    text = "".join(pieces).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() or None
