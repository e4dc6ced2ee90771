"""Asks where the applications of a stage being removed go (Preferences › Stages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from jobtracker.ui.widgets.formatting import literal


class MoveApplicationsDialog(QDialog):
    """“Move its N applications to: [stage]” with OK and Cancel; OK keeps ``chosen()``."""

    def __init__(self, stage: str, count: int, choices: Sequence[str], default: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveApplicationsDialog")
        self.setWindowTitle(self.tr("Remove Stage"))
        layout = QVBoxLayout(self)
        # Why the question: the stage's history stays, its current applications cannot.
        self.explanation = QLabel(literal(self.tr(
            "“%1” will be removed from the stage lists. The history of its applications "
            "keeps its name.").replace("%1", stage)), self)
        self.explanation.setObjectName("moveExplanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.label = QLabel(self.tr("&Move its %n application(s) to:", "", count), self)
        self.label.setObjectName("moveToLabel")
        layout.addWidget(self.label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("moveToCombo")
        self.combo.setAccessibleName(self.tr("Move the applications to"))
        self.combo.addItems(list(choices))
        self.combo.setCurrentIndex(max(0, self.combo.findText(default)))
        self.label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("moveButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        # Wide enough that the explanation wraps to a few lines, not a tall column.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)

    def chosen(self) -> str:
        """The stage picked to move the applications to."""
        return self.combo.currentText()
