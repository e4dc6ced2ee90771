"""Render the application icon: ``.venv/bin/python resources/make_app_icons.py``.

Reads ``resources/icons/jobtracker.svg`` (the logo the window and the empty state use) and
writes ``resources/icons/app/``: the SVG itself, a PNG per freedesktop hicolor size, a Windows
``jobtracker.ico`` and a macOS ``jobtracker.icns``. The PNGs are rendered with Qt's
QSvgRenderer; the .ico and .icns wrap those PNGs (a few lines of ``struct``), so no imaging
library is needed. The outputs are committed; run this again after changing the logo.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "jobtracker.svg"
OUT = ROOT / "resources" / "icons" / "app"
NAME = "jobtracker"
# The hicolor sizes desktops look for; 512 also feeds the .icns.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)
# PNG-holding icon types of the .icns format, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int, out: Path = OUT) -> Path:
    """Where the PNG of ``size`` pixels goes."""
    return out / f"{NAME}-{size}.png"


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    directory, payload = b"", b""
    offset = len(header) + 16 * len(pngs)
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data),
                                 offset + len(payload))
        payload += data
    return header + directory + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images under their OSType codes."""
    body = b""
    for size, data in sorted(pngs.items()):
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _png(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("cannot encode a PNG")
    buffer.close()
    return bytes(array.data())


def main(argv: list[str] | None = None) -> int:
    """Write every icon file; prints their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out = Path(argv[0]) if argv else OUT
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, out / f"{NAME}.svg")

    images: dict[int, QImage] = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        if size in PNG_SIZES:
            target = png_path(size, out)
            if not image.save(str(target), "PNG"):
                raise SystemExit(f"cannot write {target}")
            print(target)

    ico = out / f"{NAME}.ico"
    ico.write_bytes(ico_bytes({size: _png(images[size]) for size in ICO_SIZES}))
    print(ico)
    icns = out / f"{NAME}.icns"
    icns.write_bytes(icns_bytes({size: _png(images[size]) for size in ICNS_SIZES}))
    print(icns)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
