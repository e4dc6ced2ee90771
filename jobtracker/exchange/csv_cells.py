"""Neutralising spreadsheet formulas in CSV cells (OWASP CSV injection), losslessly."""

from __future__ import annotations

# Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula
# (or, for TAB and CR, that some of them strip before looking for one).
DANGEROUS = frozenset("=+-@\t\r")
_QUOTE = "'"
# A cell that already starts with the escape is escaped again, so reading back never
# has to guess whether a leading quote was ours or the user's.
_ESCAPED = DANGEROUS | {_QUOTE}


def neutralize(text: str) -> str:
    """The cell as written to a file: a leading ``'`` when a spreadsheet could run it."""
    if text and text[0] in _ESCAPED:
        return _QUOTE + text
    return text


def restore(text: str) -> str:
    """Undo ``neutralize``: drop one leading ``'`` only where ``neutralize`` would add one."""
    if len(text) > 1 and text[0] == _QUOTE and text[1] in _ESCAPED:
        return text[1:]
    return text
