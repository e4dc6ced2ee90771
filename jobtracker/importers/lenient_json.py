"""JSON as browsers tolerate it in pages: comments, trailing commas, raw newlines in strings."""

from __future__ import annotations

import html
import json
from typing import Any

# Real postings nest a dozen levels; a page nesting hundreds is hostile, and the
# recursive walks over the data (and json itself, near 1,000) would hit Python's limit.
MAX_DEPTH = 100


def loads(text: str) -> Any:
    """Parse JSON, repairing what page authors commonly break; ValueError when hopeless.

    Data nested deeper than ``MAX_DEPTH`` is refused with ValueError too, never with
    RecursionError.
    """
    try:
        data = _loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if _too_deep(data):
        raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep")
    return data


def _too_deep(data: Any) -> bool:
    """Whether containers nest deeper than MAX_DEPTH (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        children = (item.values() if isinstance(item, dict)
                    else item if isinstance(item, list) else ())
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > MAX_DEPTH:
                    return True
                stack.append((child, depth + 1))
    return False


def _loads(text: str) -> Any:
    body = text.strip()
    for prefix, suffix in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if body.startswith(prefix) and body.endswith(suffix):
            body = body[len(prefix): -len(suffix)].strip()
    body = body.rstrip(";").strip()
    try:
        return json.loads(body, strict=False)
    except ValueError:
        pass
    repaired = repair(body)
    try:
        return json.loads(repaired, strict=False)
    except ValueError:
        pass
    if "&quot;" in body:
        return _loads(html.unescape(body))
    return json.loads(repaired, strict=False)


def repair(text: str) -> str:
    """Drop ``//`` and ``/* */`` comments and trailing commas outside strings."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    quote = ""
    while i < n:
        char = text[i]
        if in_string:
            out.append(char)
            if char == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if char == quote:
                in_string = False
            i += 1
            continue
        if char == '"':
            in_string, quote = True, char
            out.append(char)
            i += 1
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if char == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in "}]":
                i += 1
                continue
        out.append(char)
        i += 1
    return "".join(out)
