"""The banner over the window when the database is damaged (or its -wal was cut short)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from jobtracker.errors import DamagedDatabaseError

# (light theme, dark theme): a pale tint with dark text, or a deep tint with light text, so
# the banner reads as a warning in both without glaring against a dark window.
_STYLES = {
    "damage": ("DamageBanner { background: #FEE2E2; } QLabel { color: #7F1D1D; }",
               "DamageBanner { background: #4C1D1D; } QLabel { color: #FECACA; }"),
    "warning": ("DamageBanner { background: #FEF3C7; } QLabel { color: #78350F; }",
                "DamageBanner { background: #45310B; } QLabel { color: #FDE68A; }"),
}


class DamageBanner(QFrame):
    """What is wrong with the database file, in plain words, and the one thing to do."""

    restore_requested = Signal(object)  # the Path of the backup to restore

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.backup: Path | None = None
        self._kind = "damage"
        self.label = QLabel()
        self.label.setObjectName("damageText")
        # File names and SQLite's words are shown as they are, never as markup.
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("&Restore This Backup"))
        self.restore_button.clicked.connect(self._restore_clicked)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def show_damage(self, error: DamagedDatabaseError) -> None:
        """A damaged file: writes are refused until a good backup is restored."""
        backup = self.backup = error.backup
        text = self.tr("Your database %1 is damaged (%2). Nothing more is saved to it, so "
                       "the damage cannot spread.").replace("%1", str(error.path)).replace(
            "%2", error.problem)
        if backup is not None:
            text += " " + self.tr("The newest backup that passes the check is %1. Restoring "
                                  "it keeps the damaged file aside.").replace("%1", str(backup))
        else:
            text += " " + self.tr("No backup passes the check. To copy what can still be read "
                                  "into a new file, run: %1").replace(
                "%1", f"jobtracker --db {error.path} salvage -o FILE")
        self.label.setText(text)
        self._restyle("damage")
        self.restore_button.setVisible(backup is not None)
        self.dismiss_button.setVisible(False)  # it stays until the file is sound again
        self.show()

    def show_warning(self, text: str) -> None:
        """Something worth knowing (nothing is refused); the user can dismiss it."""
        self.backup = None
        self.label.setText(text)
        self._restyle("warning")
        self.restore_button.setVisible(False)
        self.dismiss_button.setVisible(True)
        self.show()

    def _restyle(self, kind: str) -> None:
        self._kind = kind
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        style = _STYLES[kind][dark]
        if self.styleSheet() != style:
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed while it shows
            self._restyle(self._kind)

    def _restore_clicked(self) -> None:
        if self.backup is not None:
            self.restore_requested.emit(self.backup)


def ask_to_restore(error: DamagedDatabaseError) -> Path | None:
    """At start, when the damaged file cannot even be shown: the backup to restore, or None."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Critical,
                      translate("DamageBanner", "Your Database Is Damaged"), str(error),
                      QMessageBox.StandardButton.Close)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = None
    if error.backup is not None:
        restore = box.addButton(translate("DamageBanner", "&Restore This Backup"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        return error.backup
    return None


__all__ = ["DamageBanner", "ask_to_restore"]
