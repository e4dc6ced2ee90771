"""A company's initials on a board card, in a colour derived from its name."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from jobtracker.ui.widgets.contrast import (
    GRAPHIC_CONTRAST,
    readable_fill,
    readable_text_on,
    relative_luminance,
    with_contrast,
)

# Legal forms say nothing about which company it is: "Acme Inc." reads "A", not "AI".
_LEGAL_FORMS = frozenset({
    "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "inc", "kg",
    "limited", "llc", "llp", "ltd", "nv", "oy", "plc", "pty", "sa", "sarl", "sas", "se", "spa",
    "the",
})


def _words(company: str) -> list[str]:
    words, word = [], []
    for char in company:
        if char.isalnum():
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words


def initials(company: str) -> str:
    """One or two letters standing for ``company``: "Northgate Interactive" reads "NI"."""
    words = _words(company)
    meaningful = [w for w in words if w.casefold() not in _LEGAL_FORMS] or words
    if not meaningful:
        return "?"
    letters = [w[0] for w in meaningful[:2]]
    return "".join(letters).upper()


def company_hue(company: str) -> int:
    """A hue (0-359) that stays the same for a name across runs, machines and case."""
    # crc32, not hash(): Python salts str hashes per process.
    return zlib.crc32(" ".join(company.casefold().split()).encode()) % 360


def avatar_colors(company: str, card: QColor, *, dark: bool) -> tuple[QColor, QColor]:
    """(fill, text) of ``company``'s initials drawn on a card coloured ``card``.

    The disc stands out from the card (3:1, a graphic) and the letters read on the disc
    (4.5:1): yellows are deepened on light cards, blues lightened on dark ones.
    """
    fill = QColor.fromHsl(company_hue(company), 150, 150 if dark else 105)
    fill = with_contrast(fill, [card], GRAPHIC_CONTRAST)
    fill = readable_fill(fill)
    return fill, readable_text_on(fill)


def paint_initials(painter: QPainter, company: str, rect: QRectF, card: QColor,
                   font: QFont) -> None:
    """Draw ``company``'s initials in a disc filling ``rect`` on a card coloured ``card``."""
    fill, text = avatar_colors(company, card, dark=relative_luminance(card) < 0.2)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(rect)
    letters = initials(company)
    bold = QFont(font)
    bold.setBold(True)
    # Two letters fit the disc's inner square at the text size; never larger than the text.
    points = bold.pointSizeF() > 0  # a font set in pixels has no point size
    size = bold.pointSizeF() if points else float(bold.pixelSize())
    while size > 5.0 and QFontMetrics(bold).horizontalAdvance(letters) > rect.width() * 0.72:
        size -= 0.5
        if points:
            bold.setPointSizeF(size)
        else:
            bold.setPixelSize(int(size))
    painter.setFont(bold)
    painter.setPen(text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letters)
    painter.restore()
