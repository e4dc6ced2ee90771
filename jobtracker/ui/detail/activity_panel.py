"""The Activity tab: timeline, interviews, tasks and notes as collapsible sections in one scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


class FitWidth(QObject):
    """Keeps a vertical-only scroll area at least as wide as its contents' minimum.

    A QScrollArea's own minimum ignores its contents, so a splitter would squeeze it and the
    form would scroll sideways or clip; this follows the contents whenever their layout
    changes (a longer text, a larger font).
    """

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        contents = area.widget()
        assert contents is not None
        contents.installEventFilter(self)
        self.update()

    def update(self) -> None:
        """Set the area's minimum width from its contents now."""
        area = self._area
        contents = area.widget()
        if contents is None:
            return
        bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, area)
        area.setMinimumWidth(contents.minimumSizeHint().width() + bar + 2 * area.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self.update()
        return False


class FitRows(QObject):
    """Sizes a list to its rows (between ``fewest`` and ``most``), so sections stack tightly.

    In one scroll area a list that keeps its default height leaves a block of blank rows
    under two entries; past ``most`` rows the list scrolls on its own.
    """

    def __init__(self, view: QTreeView, fewest: int = 2, most: int = 8) -> None:
        super().__init__(view)
        self._view = view
        self._fewest = fewest
        self._most = most
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.layoutChanged):
            signal.connect(self.update)
        view.installEventFilter(self)
        self.update()

    def update(self) -> None:
        """Set the list's height for the rows it holds now."""
        view = self._view
        try:
            count = view.model().rowCount()
        except RuntimeError:  # the list clears its rows while it is being destroyed
            return
        row = view.sizeHintForRow(0) if count else 0
        if row <= 0:
            row = view.fontMetrics().height() + 8
        rows = min(max(count, self._fewest), self._most)
        header = 0 if view.isHeaderHidden() else view.header().sizeHint().height()
        # Room for a sideways scroll bar too: narrow panes scroll wide columns.
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        view.setFixedHeight(header + rows * row + bar + 2 * view.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.update()
        return False


class Section(QWidget):
    """A header button that shows or hides one panel below it (open by default)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.body = body
        self.header = QToolButton(self)
        self.header.setObjectName(f"{body.objectName() or 'section'}Header")
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.toggled.connect(self.set_open)
        body.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(body)
        self.set_count(None)

    def set_count(self, count: int | None) -> None:
        """Show how many entries the section holds beside its title."""
        text = self.title if count is None else f"{self.title} ({count})"
        self.header.setText(text)
        self.header.setAccessibleName(text)

    def is_open(self) -> bool:
        """Whether the body is shown."""
        return self.header.isChecked()

    def set_open(self, shown: bool) -> None:
        """Show or hide the body."""
        self.header.setChecked(shown)
        self.header.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)


class ActivityPanel(QScrollArea):
    """Sections stacked top to bottom; only vertical scrolling (the pane's width fits them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        contents = QWidget(self)
        contents.setObjectName("activityContents")
        self._layout = QVBoxLayout(contents)
        self._layout.addStretch(1)
        self.setWidget(contents)
        self.sections: dict[str, Section] = {}
        self.fit = FitWidth(self)

    def add_section(self, name: str, title: str, body: QWidget) -> Section:
        """Append a section called ``name`` holding ``body``."""
        body.setObjectName(body.objectName() or name)
        section = Section(title, body, self.widget())
        section.setObjectName(f"{name}Section")
        self._layout.insertWidget(self._layout.count() - 1, section)
        self.sections[name] = section
        return section

    def reveal(self, name: str) -> Section:
        """Open the section called ``name`` and scroll it into view."""
        section = self.sections[name]
        section.set_open(True)
        content = self.widget()
        if content is not None and (layout := content.layout()) is not None:
            layout.activate()  # the opened section's place now, not after the next paint
            content.adjustSize()
        # Its header at the top, so as much of the section as fits shows below it.
        self.verticalScrollBar().setValue(section.mapTo(content, QPoint(0, 0)).y()
                                          if content is not None else 0)
        return section
