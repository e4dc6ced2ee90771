"""Show a validation error at its field: an error outline on the widget and a message under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from jobtracker.ui.widgets.contrast import set_tone


class FieldErrors:
    """Maps core field names (``ValidationError.field``) to a widget and its message label."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.fallback: str | None = None

    def add(self, field: str, widget: QWidget, label: QLabel) -> None:
        """Register where errors of ``field`` are shown."""
        self._fields[field] = (widget, label)
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the user typed
        label.setVisible(False)
        set_tone(label, "error")

    def show(self, field: str, message: str) -> bool:
        """Show ``message`` at ``field``; False when the field is unknown here."""
        target = self._fields.get(field) or (self._fields.get(self.fallback)
                                             if self.fallback else None)
        if target is None:
            return False
        widget, label = target
        text = message[:1].upper() + message[1:]
        label.setText(text if text.endswith(".") else f"{text}.")
        label.setVisible(True)
        widget.setProperty("invalid", True)
        set_tone(widget, "invalid")
        widget.setAccessibleDescription(label.text())
        return True

    def clear(self, field: str) -> None:
        """Remove the error shown at ``field``."""
        target = self._fields.get(field)
        if target is None:
            return
        widget, label = target
        if widget.property("invalid"):
            widget.setProperty("invalid", False)
            set_tone(widget, None)
            widget.setAccessibleDescription("")
        label.clear()
        label.setVisible(False)

    def clear_all(self) -> None:
        """Remove every error."""
        for field in self._fields:
            self.clear(field)

    def has_error(self, field: str) -> bool:
        """Whether ``field`` currently shows an error."""
        target = self._fields.get(field)
        return bool(target and target[0].property("invalid"))
