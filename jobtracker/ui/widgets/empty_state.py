"""Empty pages: the first-start page with the ways to start, and a smaller one for any view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from jobtracker.ui.widgets.icons import themed_icon


class EmptyState(QWidget):
    """Add your first application, import one from a URL, or try sample data."""

    add_clicked = Signal()
    import_clicked = Signal()
    sample_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setPixmap(QIcon(":/icons/jobtracker.svg").pixmap(72, 72))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setMinimumHeight(80)
        self.heading = QLabel(self.tr("Track your job search in one place"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.text = QLabel(self.tr(
            "Keep every posting, application, interview and contact together. Everything "
            "stays in one file on this computer."), self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(themed_icon("new"),
                                      self.tr("&Add your first application"), self)
        self.add_button.setDefault(True)
        self.import_button = QPushButton(themed_icon("import"),
                                         self.tr("&Import from URL"), self)
        self.import_button.setToolTip(self.tr("Paste the link to a job posting: its details "
                                              "and description are filled in for you"))
        self.sample_button = QPushButton(self.tr("&Try with sample data"), self)
        self.sample_button.setToolTip(self.tr("Opens a separate sample database; your own data "
                                              "is never mixed with it"))
        self.add_button.clicked.connect(self.add_clicked)
        self.import_button.clicked.connect(self.import_clicked)
        self.sample_button.clicked.connect(self.sample_clicked)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.icon)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addSpacing(12)
        for button in (self.add_button, self.import_button, self.sample_button):
            button.setMinimumHeight(button.sizeHint().height() + 8)
            column.addWidget(button)
        holder = QWidget(self)
        holder.setLayout(column)
        # Word-wrapped labels ask for little width; give the column a readable measure.
        holder.setMinimumWidth(min(480, 30 * self.fontMetrics().averageCharWidth() * 2))
        holder.setMaximumWidth(560)
        # Centre with stretches rather than an alignment flag: an aligned widget gets only its
        # size hint, which undercounts word-wrapped text and clipped the icon.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class EmptyMessage(QWidget):
    """What goes in an empty view or a search that found nothing, and the actions that fill it.

    A heading, a sentence, and buttons added with :meth:`add_action`; centred, so a blank
    table never stands in for "there is nothing here yet".
    """

    def __init__(self, heading: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(heading, self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # may quote the user's search
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.text = QLabel(text, self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setVisible(bool(text))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addSpacing(6)
        column.addLayout(self.buttons)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(520)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        # A screen reader landing here hears the whole message, not "grouping".
        self.setAccessibleName(heading)
        self.setAccessibleDescription(text)

    def set_message(self, heading: str, text: str = "") -> None:
        """Change what the page says."""
        self.heading.setText(heading)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setAccessibleName(heading)
        self.setAccessibleDescription(text)

    def add_action(self, text: str, icon: QIcon | None = None) -> QPushButton:
        """A button under the message (between the centring stretches), connected by the caller."""
        button = QPushButton(icon or QIcon(), text, self)
        self.add_widget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        """A widget made elsewhere (a form's button) in the row under the message."""
        self.buttons.insertWidget(self.buttons.count() - 1, widget)
