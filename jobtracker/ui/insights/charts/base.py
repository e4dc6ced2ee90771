"""The chart base: a titled QWidget painting with QPainter, saved as PNG or SVG on demand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QImageWriter,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from jobtracker.ui.widgets.formatting import literal
from jobtracker.ui.widgets.icons import themed_icon

# Distinct colours that read on light and dark backgrounds alike.
SERIES = ("#3B82F6", "#8B5CF6", "#10B981", "#F59E0B", "#EF4444", "#06B6D4", "#EC4899",
          "#84CC16", "#6366F1", "#14B8A6", "#F97316", "#A855F7")


def blend(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of ``a`` over ``b``."""
    return QColor.fromRgbF(*(share * x + (1 - share) * y for x, y in (
        (a.redF(), b.redF()), (a.greenF(), b.greenF()), (a.blueF(), b.blueF()))))


class Chart(QWidget):
    """Subclasses draw the plot in ``draw``; the title, empty state and export are shared."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = self.tr("No data in this range")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.setAccessibleName(title)
        # A visible way to save, besides the context menu.
        self.save_button = QToolButton(self)
        self.save_button.setIcon(themed_icon("export"))
        self.save_button.setAutoRaise(True)
        self.save_button.setToolTip(self.tr("Save chart…"))
        self.save_button.setAccessibleName(self.tr("Save chart"))
        self.save_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.save_button)
        menu.addAction(self.tr("Save as &PNG…")).triggered.connect(
            lambda: self.save_dialog("png"))
        menu.addAction(self.tr("Save as &SVG…")).triggered.connect(
            lambda: self.save_dialog("svg"))
        self.save_menu = menu
        self.save_button.setMenu(menu)

    # -- what subclasses provide ---------------------------------------------------------------

    def has_data(self) -> bool:
        """Whether there is anything to plot."""
        raise NotImplementedError

    def draw(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        """Paint the plot inside ``rect`` (below the title)."""
        raise NotImplementedError

    # -- painting ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(520, 300)

    def paint_all(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        """Title, then the plot or the empty text, into ``rect`` (a widget, image or SVG)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        text = palette.color(QPalette.ColorRole.WindowText)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.1)
        painter.setFont(title_font)
        painter.setPen(text)
        title_height = painter.fontMetrics().height() + 8
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        plot = rect.adjusted(0, title_height + 4, 0, 0)
        if self.has_data():
            self.draw(painter, plot, palette)
        else:
            painter.setPen(blend(text, palette.color(QPalette.ColorRole.Window), 0.6))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        painter.restore()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_all(painter, QRectF(self.rect()).adjusted(8, 4, -8, -8), self.palette())
        painter.end()

    # -- export --------------------------------------------------------------------------------

    def render_image(self, size: QSize | None = None, scale: float = 2.0) -> QImage:
        """The chart as an image (``scale`` times the size, for sharp PNGs)."""
        size = size or (self.size() if self.width() > 100 else self.sizeHint())
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(image)
        self.paint_all(painter, QRectF(QRect(QPoint(0, 0), size)).adjusted(12, 8, -12, -12),
                       self.palette())
        painter.end()
        return image

    def svg_bytes(self, size: QSize | None = None) -> bytes:
        """The chart as an SVG document."""
        size = size or (self.size() if self.width() > 100 else self.sizeHint())
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(QPoint(0, 0), size))
        generator.setTitle(self.title)
        generator.setDescription(self.tr("A chart from JobTracker"))
        painter = QPainter(generator)
        painter.fillRect(QRect(QPoint(0, 0), size), self.palette().color(QPalette.ColorRole.Window))
        self.paint_all(painter, QRectF(QRect(QPoint(0, 0), size)).adjusted(12, 8, -12, -12),
                       self.palette())
        painter.end()
        buffer.close()
        data: QByteArray = buffer.data()
        return bytes(data.data())

    def save(self, path: Path) -> None:
        """Write the chart to ``path``: SVG for ``.svg``, else PNG."""
        if path.suffix.lower() == ".svg":
            path.write_bytes(self.svg_bytes())
            return
        writer = QImageWriter(str(path), QByteArray(b"png"))
        if not writer.write(self.render_image()):
            raise OSError(f"could not write {path}")

    def save_dialog(self, kind: str) -> None:
        """Ask where to save the chart as ``png`` or ``svg``."""
        stem = "".join(c if c.isalnum() else "-" for c in self.title.lower()).strip("-")
        pattern = self.tr("PNG image (*.png)") if kind == "png" else self.tr(
            "SVG drawing (*.svg)")
        name, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Save Chart"), f"{stem}.{kind}", pattern)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        try:
            self.save(path)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Chart not saved"), literal(str(error)))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.save_menu.popup(event.globalPos())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        hint = self.save_button.sizeHint()
        self.save_button.setGeometry(self.width() - hint.width() - 4, 2, hint.width(),
                                     hint.height())
