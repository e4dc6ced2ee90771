"""WCAG contrast of colours, readable text on a fill, and error/warning/success/info per theme."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

# WCAG 2.x success criteria 1.4.3 (text) and 1.4.11 (graphics, large text).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0

NEAR_BLACK = QColor("#111111")
WHITE = QColor("#FFFFFF")

# Semantic colours, light and dark. Each reads at >= 4.5:1 on the app's Window, Base,
# AlternateBase and Button colours in its theme (tests/ui/widgets/test_contrast.py computes it);
# a foreign palette (a platform theme) gets them nudged until they do there too.
_TONES: dict[str, tuple[str, str]] = {
    "error": ("#B91C1C", "#F87171"),
    "warning": ("#92400E", "#FBBF24"),
    "success": ("#166534", "#4ADE80"),
    "info": ("#1D4ED8", "#60A5FA"),
}


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def composite(color: QColor, background: QColor) -> QColor:
    """``color`` painted over the opaque ``background`` (alpha blended, as the screen shows it)."""
    alpha = color.alphaF()
    if alpha >= 1.0:
        return QColor(color.red(), color.green(), color.blue())
    return QColor.fromRgbF(*(alpha * top + (1 - alpha) * bottom for top, bottom in (
        (color.redF(), background.redF()), (color.greenF(), background.greenF()),
        (color.blueF(), background.blueF()))))


def relative_luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour: 0 for black, 1 for white."""
    return (0.2126 * _linear(color.redF()) + 0.7152 * _linear(color.greenF())
            + 0.0722 * _linear(color.blueF()))


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio (1 to 21) of ``foreground`` over ``background``."""
    top = relative_luminance(composite(foreground, background))
    bottom = relative_luminance(composite(background, WHITE))
    high, low = max(top, bottom), min(top, bottom)
    return (high + 0.05) / (low + 0.05)


def readable_text_on(fill: QColor) -> QColor:
    """Near-black or white, whichever contrasts more with ``fill``.

    When neither reaches 4.5:1 the fill itself is the problem: see ``readable_fill``.
    """
    dark = contrast_ratio(NEAR_BLACK, fill)
    return QColor(NEAR_BLACK) if dark >= contrast_ratio(WHITE, fill) else QColor(WHITE)


def readable_fill(fill: QColor) -> QColor:
    """``fill``, or the nearest shade of it on which ``readable_text_on`` reaches 4.5:1.

    Mid-tones (a luminance near 0.18) are too light for white and too dark for near-black;
    a user's colour is kept in the database as chosen and only shifted where it is drawn.
    """
    opaque = composite(fill, WHITE)
    return with_contrast(opaque, [readable_text_on(opaque)], TEXT_CONTRAST)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark theme (its window darker than its text)."""
    return (relative_luminance(palette.color(QPalette.ColorRole.Window))
            < relative_luminance(palette.color(QPalette.ColorRole.WindowText)))


def with_contrast(color: QColor, backgrounds: Iterable[QColor], minimum: float) -> QColor:
    """``color`` if it reaches ``minimum`` on every background, else the closest shade that does.

    The shade moves towards black on light backgrounds and towards white on dark ones, so the
    hue stays recognisable (a stage's amber stays amber, only deeper).
    """
    grounds = [composite(ground, WHITE) for ground in backgrounds]
    opaque = composite(color, grounds[0] if grounds else WHITE)
    if not grounds or all(contrast_ratio(opaque, ground) >= minimum for ground in grounds):
        return opaque
    lightest = max(relative_luminance(ground) for ground in grounds)
    darkest = min(relative_luminance(ground) for ground in grounds)
    # Go towards black when black would contrast more with every background than white would.
    target = QColor("#000000") if (darkest + 0.05) / 0.05 >= 1.05 / (lightest + 0.05) else WHITE
    best = opaque
    for step in range(1, 101):
        share = step / 100
        best = QColor.fromRgbF(*((1 - share) * own + share * goal for own, goal in (
            (opaque.redF(), target.redF()), (opaque.greenF(), target.greenF()),
            (opaque.blueF(), target.blueF()))))
        if all(contrast_ratio(best, ground) >= minimum for ground in grounds):
            break
    return best


def _grounds(palette: QPalette) -> list[QColor]:
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
             QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Button)
    return [palette.color(role) for role in roles]


def tone_color(tone: str, palette: QPalette | None = None) -> QColor:
    """The ``error``, ``warning``, ``success`` or ``info`` colour for ``palette``'s theme."""
    palette = palette if palette is not None else QGuiApplication.palette()
    light, dark = _TONES[tone]
    return with_contrast(QColor(dark if is_dark(palette) else light), _grounds(palette),
                         TEXT_CONTRAST)


def error_color(palette: QPalette | None = None) -> QColor:
    """Error text and error outlines (>= 4.5:1 on the window, fields and buttons)."""
    return tone_color("error", palette)


def warning_color(palette: QPalette | None = None) -> QColor:
    """Warnings: something worth a look, nothing refused."""
    return tone_color("warning", palette)


def success_color(palette: QPalette | None = None) -> QColor:
    """Something that worked."""
    return tone_color("success", palette)


def info_color(palette: QPalette | None = None) -> QColor:
    """Neutral information (not a problem)."""
    return tone_color("info", palette)


def tone_style(tone: str | None, palette: QPalette | None = None) -> str:
    """The style sheet of a widget showing ``tone``; "" for none.

    ``error``, ``warning``, ``success``, ``info``: text in that colour. ``invalid``: an error
    outline around a field. ``notice``: information in the palette's own text colour, in a
    frame with an info-coloured bar, so it does not read as an error.
    """
    if not tone:
        return ""
    palette = palette if palette is not None else QGuiApplication.palette()
    if tone == "invalid":
        return f"border: 2px solid {error_color(palette).name()}; border-radius: 3px;"
    if tone == "notice":
        info = info_color(palette)
        window = palette.color(QPalette.ColorRole.Window)
        tint = QColor(info)
        tint.setAlphaF(0.10)
        return (f"QLabel {{ color: {palette.color(QPalette.ColorRole.WindowText).name()}; "
                f"background: {composite(tint, window).name()}; "
                f"border: 1px solid {info.name()}; border-left-width: 4px; "
                "border-radius: 3px; padding: 6px; }")
    return f"color: {tone_color(tone, palette).name()};"


class _ToneKeeper(QObject):
    """Restyles toned widgets when the theme changes (their colours are per theme)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
                and isinstance(watched, QWidget)):
            _restyle(watched)
        return False


_KEEPER: _ToneKeeper | None = None
_TONE_PROPERTY = "jobtrackerTone"


def _restyle(widget: QWidget) -> None:
    style = tone_style(widget.property(_TONE_PROPERTY) or None)
    if widget.styleSheet() != style:  # setting it sends PaletteChange again: stop there
        widget.setStyleSheet(style)


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Show ``widget`` in ``tone`` (see ``tone_style``) and keep it so across theme changes.

    None takes the tone off again.
    """
    global _KEEPER
    widget.setProperty(_TONE_PROPERTY, tone or "")
    if tone and not widget.property(_TONE_PROPERTY + "Kept"):
        if _KEEPER is None:
            _KEEPER = _ToneKeeper()
        widget.installEventFilter(_KEEPER)
        widget.setProperty(_TONE_PROPERTY + "Kept", True)
    _restyle(widget)
