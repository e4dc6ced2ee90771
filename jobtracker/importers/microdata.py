"""schema.org items from HTML microdata (itemscope/itemprop) and RDFa Lite (typeof/property)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from jobtracker.importers import normalise as norm

_URL_ATTRS = {"a": "href", "link": "href", "area": "href", "img": "src", "audio": "src",
              "video": "src", "source": "src", "iframe": "src", "embed": "src", "object": "data"}


class _Syntax:
    def __init__(self, scope: str, prop: str, kind: str) -> None:
        self.scope, self.prop, self.kind = scope, prop, kind

    def is_scope(self, element: etree._Element) -> bool:
        return element.get(self.scope) is not None

    def type_of(self, element: etree._Element) -> str:
        return element.get(self.kind) or ""


MICRODATA = _Syntax("itemscope", "itemprop", "itemtype")
RDFA = _Syntax("typeof", "property", "typeof")


def items(root: etree._Element, syntax: _Syntax = MICRODATA) -> list[dict[str, Any]]:
    """Top-level items of the page as JSON-LD-like dicts (``@type`` plus properties)."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not syntax.is_scope(element):
            continue
        if element.get(syntax.prop) is not None:
            continue  # a nested item, read as its parent's property
        found.append(_item(element, syntax))
    return found


def job_postings(root: etree._Element) -> tuple[list[dict[str, Any]], str | None]:
    """JobPosting items from microdata, else RDFa; with the syntax name that found them."""
    for name, syntax in (("microdata", MICRODATA), ("rdfa", RDFA)):
        postings = [i for i in _all_items(items(root, syntax))
                    if "JobPosting" in str(i.get("@type", ""))]
        if postings:
            return postings, name
    return [], None


def _all_items(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    stack = list(found)
    while stack:
        item = stack.pop(0)
        out.append(item)
        for value in item.values():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, dict):
                    stack.append(v)
    return out


def _item(scope: etree._Element, syntax: _Syntax) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": syntax.type_of(scope).rsplit("/", 1)[-1]}
    for element in _properties(scope, syntax):
        value = _item(element, syntax) if syntax.is_scope(element) else _value(element)
        for name in (element.get(syntax.prop) or "").split():
            name = name.rsplit("/", 1)[-1]
            if name in item and name != "@type":
                existing = item[name]
                item[name] = [*existing, value] if isinstance(existing, list) else [existing,
                                                                                   value]
            else:
                item[name] = value
    return item


def _properties(scope: etree._Element, syntax: _Syntax) -> list[etree._Element]:
    """Elements carrying properties of ``scope`` (not of an item nested inside it)."""
    found = []
    stack = list(scope)
    while stack:
        element = stack.pop(0)
        if not isinstance(element.tag, str):
            continue
        if element.get(syntax.prop) is not None:
            found.append(element)
        if not syntax.is_scope(element):
            stack[0:0] = list(element)
    return found


def _value(element: etree._Element) -> str | None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    attribute: str | None = element.get("content")
    if attribute is None and tag in _URL_ATTRS:
        attribute = element.get(_URL_ATTRS[tag]) or None
    if attribute is None and tag in {"time", "data", "meter"}:
        attribute = element.get("datetime") or element.get("value") or None
    if attribute is not None:
        return attribute
    if element.get("itemprop") == "description" or element.get("property") == "description":
        html: str = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
        return html
    return norm.clean_text(element.text_content() if hasattr(element, "text_content")
                           else "".join(element.itertext()))
