"""Light, dark or follow-the-system colours (QStyleHints.setColorScheme, Qt 6.8+)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark,
            "system": Qt.ColorScheme.Unknown}


# White reads at 5.2:1 on this blue (the brand #3B82F6 gives only 3.7:1), in both themes.
SELECTION = "#2563EB"


def light_palette(style_palette: QPalette) -> QPalette:
    """Fusion's light palette with the roles that read under 4.5:1 there made darker."""
    palette = QPalette(style_palette)
    roles = {
        QPalette.ColorRole.Highlight: SELECTION, QPalette.ColorRole.Accent: SELECTION,
        # Fusion's placeholder is half-transparent black: 4.0:1 on white, 3.9:1 on the window.
        QPalette.ColorRole.PlaceholderText: "#6B6B6B",
        QPalette.ColorRole.LinkVisited: "#7E22CE",  # Fusion's magenta is 3.1:1 on white
    }
    for role, color in roles.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(color))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for styles (and platforms) that do not follow the colour scheme."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#E8EAED",
        QPalette.ColorRole.Base: "#17181A", QPalette.ColorRole.AlternateBase: "#232427",
        QPalette.ColorRole.Text: "#E8EAED", QPalette.ColorRole.Button: "#2D2E31",
        QPalette.ColorRole.ButtonText: "#E8EAED", QPalette.ColorRole.Highlight: SELECTION,
        QPalette.ColorRole.Accent: SELECTION,
        QPalette.ColorRole.HighlightedText: "#FFFFFF", QPalette.ColorRole.ToolTipBase: "#2D2E31",
        QPalette.ColorRole.ToolTipText: "#E8EAED", QPalette.ColorRole.PlaceholderText: "#9AA0A6",
        QPalette.ColorRole.Link: "#8AB4F8", QPalette.ColorRole.Mid: "#3C4043",
        QPalette.ColorRole.Light: "#3C4043", QPalette.ColorRole.Dark: "#111214",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6F7378"))
    return palette


def apply_theme(app: QApplication, name: str) -> None:
    """Apply ``system``, ``light`` or ``dark``."""
    scheme = _SCHEMES.get(name, Qt.ColorScheme.Unknown)
    QGuiApplication.styleHints().setColorScheme(scheme)
    # The Fusion style and the offscreen/xcb platforms do not always repaint
    # for a scheme change, so set the palette explicitly as well.
    style = app.style()
    if name == "dark" or (name == "system"
                          and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark):
        app.setPalette(dark_palette())
        # Fusion outlines check boxes in a shade of the window colour, which vanishes on a
        # dark list background: give the item-view indicators a visible frame.
        app.setStyleSheet(_DARK_INDICATORS)
    else:
        app.setPalette(light_palette(style.standardPalette()))
        app.setStyleSheet("")


_DARK_INDICATORS = """
QAbstractItemView::indicator { width: 14px; height: 14px; border: 1px solid #9AA0A6;
                               border-radius: 3px; background: #232427; }
QAbstractItemView::indicator:checked { background: #3B82F6; border-color: #3B82F6;
                                       image: url(:/icons/check.svg); }
"""
