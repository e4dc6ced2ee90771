"""A view that re-reads its data only while it is shown; changes made meanwhile mark it stale."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyView(QWidget):
    """Base of the sidebar views: hidden views skip reloads and catch up when shown."""

    _stale = True

    def reload(self) -> None:
        """Re-read soon if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh_soon()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        """Read the data and fill the view (and clear ``_stale``)."""
        raise NotImplementedError

    def refresh_soon(self) -> None:
        """A change while shown; views that coalesce bursts of changes use a timer here."""
        self.refresh_now()
