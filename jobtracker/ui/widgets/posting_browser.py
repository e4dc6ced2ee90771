"""A read-only view of a posting or a note: links open in the browser, nothing is loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

EXTERNAL_SCHEMES = ("http", "https", "mailto")


class PostingBrowser(QTextBrowser):
    """Shows posting HTML or a rendered note; loads nothing, opens web and mail links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_url = QUrl()
        # The least size it asks for, when its owner wants more than the default (None).
        self.preferred_size: QSize | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint if self.preferred_size is None else hint.expandedTo(self.preferred_size)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Offline by default: an archived page or a note must not fetch images, styles or
        # anything else, from the web or from local files it names. Answering nothing is
        # not enough: QTextDocument and its image handler then open a local path themselves
        # (a FIFO would block the UI thread), so every request gets a harmless stand-in.
        if type == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return QByteArray()

    def link_target(self, url: QUrl) -> QUrl | None:
        """Where a clicked link goes (relative links against the posting's page), or None."""
        target = self.base_url.resolved(url) if url.isRelative() and self.base_url.isValid() \
            else url
        return target if target.scheme().lower() in EXTERNAL_SCHEMES else None

    def _open(self, url: QUrl) -> None:
        target = self.link_target(url)
        if target is not None:
            # Following a link is the user's explicit request: the browser does the fetching.
            QDesktopServices.openUrl(target)
