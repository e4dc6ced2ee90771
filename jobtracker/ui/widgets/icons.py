"""Monochrome SVG icons drawn in the palette's text colour, so they read in light and dark."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from jobtracker.ui.forms import jobtracker_rc  # noqa: F401 - registers the icons


def icon_color(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in for ``mode`` under ``palette`` (the app's by default)."""
    palette = palette or QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    # A touch softer than the text itself (pure black strokes look heavy beside text), yet
    # always on the text's side of the button colour, so contrast holds in every theme.
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    button = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Button)
    return QColor.fromRgbF(*(0.8 * t + 0.2 * b for t, b in (
        (text.redF(), button.redF()), (text.greenF(), button.greenF()),
        (text.blueF(), button.blueF()))))


class PaletteIconEngine(QIconEngine):
    """Renders a one-colour SVG and paints it over in the current palette's colour.

    The colour is read when the icon is drawn, so a theme change (a new
    application palette, which repaints every widget) recolours every button,
    action and list item without anyone re-setting their icons.
    """

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path
        self._renderer = QSvgRenderer(path)

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self._path)

    def key(self) -> str:
        return "PaletteIconEngine"

    def isNull(self) -> bool:
        return not self._renderer.isValid()

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        if size.isEmpty() or not self._renderer.isValid():
            return pixmap
        painter = QPainter(pixmap)
        self._renderer.render(painter)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), icon_color(mode))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(QPoint(rect.x(), rect.y()), pixmap)


def themed_icon(name: str) -> QIcon:
    """The icon ``:/icons/<name>.svg``, drawn in the palette's button-text colour."""
    return QIcon(PaletteIconEngine(f":/icons/{name}.svg"))
