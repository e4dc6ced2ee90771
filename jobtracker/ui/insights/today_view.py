"""The Today view: a to-do list of what is due, each item with its own buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jobtracker.tracker import TaskRow, TodayItem
from jobtracker.ui.insights.today_items import (
    DELETE,
    DONE,
    GHOST,
    OPEN,
    SNOOZE,
    Key,
    TodayModel,
    group_title,
    headline,
    key_of,
    snooze_to,
)
from jobtracker.ui.insights.today_rows import LABELS, TodayRow, colors_of, label_of
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.contrast import set_tone
from jobtracker.ui.widgets.formatting import format_date, from_qdate, to_qdate
from jobtracker.ui.widgets.icons import themed_icon
from jobtracker.ui.widgets.lazy_view import LazyView

# Rows are real widgets (so Tab, screen readers and the style's buttons just work); a group
# shows this many at first and more on request, so a long search does not build thousands.
PAGE = 25


class _Heading(QLabel):
    """A group's heading: its name and how many items it holds."""

    def __init__(self, group: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.group = group
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setContentsMargins(12, 14, 8, 4)
        self.fit_font()
        # Overdue stands out in the theme's error colour (4.5:1 on the list's background).
        set_tone(self, "error" if group == "overdue" else None)

    def fit_font(self) -> None:
        """Bold and a little larger than the text, following the text size."""
        parent = self.parentWidget()
        font = parent.font() if parent is not None else self.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)


class _More(QWidget):
    """The "Show more" button under a long group, indented like the rows' text."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.button = QPushButton(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.button)
        row.addStretch(1)


class _Content(QWidget):
    """The scrolled page: the list's background, and headings that follow the text size."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for heading in self.findChildren(_Heading):
                heading.fit_font()


class TodayView(LazyView):
    """What needs doing now, item by item with one-click actions; every change is undoable."""

    activated = Signal(int)  # application id
    message = Signal(str)

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 no_reply_days: Callable[[], int] = lambda: 21,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self._no_reply_days = no_reply_days
        self.model = TodayModel(today=today, parent=self)

        self.task_edit = QLineEdit(self)
        self.task_edit.setPlaceholderText(self.tr("New task, e.g. “Update my portfolio”"))
        self.task_edit.setAccessibleName(self.tr("New task"))
        self.task_edit.returnPressed.connect(self.add_task)
        self.due_check = QCheckBox(self.tr("&Due"), self)
        self.due_check.setChecked(True)
        self.due_edit = QDateEdit(self)
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(to_qdate(today()))
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.add_button = QPushButton(self.tr("&Add Task"), self)
        self.add_button.clicked.connect(self.add_task)
        add_row = QHBoxLayout()
        add_row.addWidget(self.task_edit, 1)
        add_row.addWidget(self.due_check)
        add_row.addWidget(self.due_edit)
        add_row.addWidget(self.add_button)

        self.content = _Content()
        self.content.setObjectName("todayList")
        self.content.setAccessibleName(self.tr("Today"))
        self.content.setBackgroundRole(QPalette.ColorRole.Base)
        self.content.setAutoFillBackground(True)
        self.rows_layout = QVBoxLayout(self.content)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(0)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.content)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        self.empty = QFrame(self)
        self.empty.setObjectName("todayEmpty")
        self.empty_icon = QLabel(self.empty)
        self.empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_icon.setAccessibleName(self.tr("Today"))
        self.empty_title = QLabel(self.tr("Nothing due — nice."), self.empty)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_button = QPushButton(self.tr("Add a Task"), self.empty)
        self.empty_button.setToolTip(self.tr("Type the task in the box at the top"))
        self.empty_button.clicked.connect(self.focus_new_task)
        empty_column = QVBoxLayout()
        empty_column.setSpacing(8)
        empty_column.addWidget(self.empty_icon)
        empty_column.addWidget(self.empty_title)
        empty_column.addWidget(self.empty_text)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.empty_button)
        button_row.addStretch(1)
        empty_column.addSpacing(4)
        empty_column.addLayout(button_row)
        # A readable measure for the text, centred with stretches (an aligned widget would get
        # only its size hint, which undercounts word-wrapped text).
        self.empty_holder = QWidget(self.empty)
        self.empty_holder.setLayout(empty_column)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_holder, 4)
        centred.addStretch(1)
        outer = QVBoxLayout(self.empty)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.area)
        self.pages.addWidget(self.empty)

        self.keys_hint = QLabel(self)
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.keys_hint.setText(self.tr(
            "Keys on an item: Enter or Space: Done (a task) or Open · S: Snooze a week · "
            "G: Mark ghosted · O: Open · Del: Delete a task · ↑ ↓: other items · "
            "%1: Undo").replace("%1", _undo_key()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.keys_hint)

        self._rows: dict[Key, TodayRow] = {}
        self._order: list[TodayRow] = []  # rows shown, top to bottom
        self._headings: dict[str, _Heading] = {}
        self._more: dict[str, _More] = {}
        self._limits: dict[str, int] = {}
        self._current: Key | None = None
        self._focus_next: tuple[Key | None, int] | None = None  # after an action
        self._button_width = 0
        self._drawn_on: dt.date | None = None  # the day the rows' "today", "tomorrow" mean
        self._fit_fonts()
        editor.changed.connect(self.reload)

    # -- loading -----------------------------------------------------------------------------

    def refresh_now(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the Today list (a few small queries) and show it."""
        self._stale = False
        today = self._today()
        self.model.set_list(self.editor.tracker.today_list(no_reply_days=self._no_reply_days()))
        self._show(today)
        self._summarize()
        self.empty_text.setText(self.tr(
            "Tasks you add, follow-ups that come due, interviews in the next 7 days and "
            "applications without an answer for %1 days show up here.").replace(
            "%1", str(self._no_reply_days())))
        self.pages.setCurrentWidget(self.empty if not self._order else self.area)
        self.keys_hint.setVisible(bool(self._order))  # nothing to press keys on
        self._restore_focus()

    def _show(self, today: dt.date) -> None:
        """Lay out headings, rows and "Show more" buttons; rows of unchanged items are kept."""
        wanted: list[QWidget] = []
        seen: set[Key] = set()
        order: list[TodayRow] = []
        shown_in_group = 0
        lines = self.model.lines()
        for n, line in enumerate(lines):
            if line.item is None:
                wanted.append(self._heading(line.group, line.count))
                shown_in_group = 0
                continue
            limit = self._limits.get(line.group, PAGE)
            if shown_in_group < limit:
                row = self._row(line.item, today)
                seen.add(key_of(line.item))
                wanted.append(row)
                order.append(row)
            shown_in_group += 1
            last = n + 1 == len(lines) or lines[n + 1].item is None
            if last and shown_in_group > limit:
                wanted.append(self._more_button(line.group, shown_in_group - limit))
        for key in [key for key in self._rows if key not in seen]:
            row = self._rows.pop(key)
            row.hide()
            row.deleteLater()  # not now: its own button may be the one that got us here
        groups = {line.group for line in lines if line.item is None}
        for store in (self._headings, self._more):
            for group in list(store):
                if group not in groups or (store is self._more and store[group] not in wanted):
                    store.pop(group).deleteLater()
        # One layout pass for the lot, not one per row shown.
        self.rows_layout.setEnabled(False)
        while self.rows_layout.count():
            self.rows_layout.takeAt(0)
        for widget in wanted:
            self.rows_layout.addWidget(widget)
            widget.show()
        self.rows_layout.addStretch(1)
        self.rows_layout.setEnabled(True)
        self.rows_layout.activate()
        self._order = order
        self._drawn_on = today
        self._chain_focus(wanted)
        for row in order:
            row.set_current(row.item is not None and key_of(row.item) == self._current)

    def _heading(self, group: str, count: int) -> _Heading:
        heading = self._headings.get(group)
        if heading is None:
            heading = self._headings[group] = _Heading(group, self.content)
        heading.setText(f"{group_title(group)} · {count}")
        heading.setAccessibleName(self.tr("%1, %2 items").replace(
            "%1", group_title(group)).replace("%2", str(count)))
        return heading

    def _row(self, item: TodayItem, today: dt.date) -> TodayRow:
        key = key_of(item)
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = TodayRow(self.content)
            row.action_requested.connect(self._act)
            row.focused.connect(self._on_focused)
            row.step_requested.connect(self._step)
        if row.item != item or self._drawn_on != today:
            row.set_item(item, today, self._button_width)
        return row

    def _more_button(self, group: str, hidden: int) -> _More:
        more = self._more.get(group)
        if more is None:
            more = self._more[group] = _More(self.content)
            more.button.clicked.connect(lambda _=False, g=group: self.show_more(g))
        step = min(PAGE, hidden)
        more.button.setText(self.tr("Show %1 more (%2 not shown)").replace(
            "%1", str(step)).replace("%2", str(hidden)))
        more.button.setAccessibleName(self.tr("Show %1 more in %2").replace(
            "%1", str(step)).replace("%2", group_title(group)))
        return more

    def show_more(self, group: str) -> None:
        """Show the next page of ``group``'s items, and go to the first of them."""
        first_new = self._limits.get(group, PAGE)
        self._limits[group] = first_new + PAGE
        self._show(self._today())
        rows = [row for row in self._order
                if row.item is not None and self._group_of(row.item) == group]
        if first_new < len(rows):
            self._focus_row(rows[first_new])

    def _group_of(self, item: TodayItem) -> str:
        key = key_of(item)
        for line in self.model.lines():
            if line.item is not None and key_of(line.item) == key:
                return line.group
        return ""

    def _chain_focus(self, widgets: list[QWidget]) -> None:
        """Tab goes through the list as it reads: each row, then its buttons, then the next."""
        chain: list[QWidget] = [self.task_edit, self.due_check, self.due_edit, self.add_button]
        for widget in widgets:
            if isinstance(widget, TodayRow):
                chain.extend(widget.focus_chain())
            elif isinstance(widget, _More):
                chain.append(widget.button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _summarize(self) -> None:
        counts = self.model.counts()
        parts = []
        for group, text in (
                ("overdue", self.tr("%1 overdue")), ("today", self.tr("%1 today")),
                ("soon", self.tr("%1 in the next 7 days")),
                ("waiting", self.tr("%1 waiting for a reply (no change for %2 days)")),
                ("undated", self.tr("%1 without a due date"))):
            if counts.get(group):
                parts.append(text.replace("%1", str(counts[group])).replace(
                    "%2", str(self._no_reply_days())))
        # Said to screen readers on the list; the headings show the same counts.
        self.content.setAccessibleDescription(" · ".join(parts))

    def summary_text(self) -> str:
        """How many items each group holds, in one line."""
        return self.content.accessibleDescription()

    # -- the current item and the focus -------------------------------------------------------

    def rows(self) -> list[TodayRow]:
        """The rows shown, top to bottom."""
        return list(self._order)

    def row_of(self, key: Key) -> TodayRow | None:
        """The row showing the item ``key``, if shown."""
        row = self._rows.get(key)
        return row if row is not None and row in self._order else None

    def current_item(self) -> TodayItem | None:
        """The item the user is on (focused last), if still shown."""
        row = self.row_of(self._current) if self._current is not None else None
        return row.item if row is not None else None

    def select_first(self, kind: str) -> bool:
        """Go to the first item of ``kind`` (showing more of its group if needed)."""
        rows = self.model.rows_of(kind)
        if not rows:
            return False
        item = self.model.item(rows[0])
        assert item is not None
        key = key_of(item)
        group = self._group_of(item)
        while self.row_of(key) is None and group:
            self._limits[group] = self._limits.get(group, PAGE) + PAGE
            self._show(self._today())
        row = self.row_of(key)
        if row is not None:
            self._focus_row(row)
        return row is not None

    def _on_focused(self, row: TodayRow) -> None:
        if row.item is None:
            return
        self._current = key_of(row.item)
        for other in self._order:
            other.set_current(other is row)
        self.area.ensureWidgetVisible(row, 0, 0)

    def _focus_row(self, row: TodayRow) -> None:
        self._on_focused(row)
        row.setFocus(Qt.FocusReason.OtherFocusReason)
        # The scroll area's geometry may not be settled yet right after a reload.
        QTimer.singleShot(0, lambda: self._ensure_visible(row))

    def _ensure_visible(self, row: TodayRow) -> None:
        if row in self._order:
            self.area.ensureWidgetVisible(row, 0, 0)

    def _step(self, row: TodayRow, step: int) -> None:
        if row not in self._order:
            return
        position = max(0, min(len(self._order) - 1, self._order.index(row) + step))
        self._focus_row(self._order[position])

    def _restore_focus(self) -> None:
        pending, self._focus_next = self._focus_next, None
        if pending is None:
            return
        key, position = pending
        row = self.row_of(key) if key is not None else None
        if row is None and self._order:
            row = self._order[min(position, len(self._order) - 1)]
        if row is not None:
            self._focus_row(row)
        elif self.isVisible():
            self.empty_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_new_task(self) -> None:
        """Put the cursor in the new-task box."""
        self.task_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.task_edit.selectAll()

    # -- actions -----------------------------------------------------------------------------

    def _run(self, action: Callable[[], None], done: str) -> bool:
        # A refusal is said in the status bar through this view's own message signal; only
        # an action that happened is reported as done.
        if not self.editor.attempt(action, report=self.message.emit):
            return False
        self.message.emit(done.replace("%U", _undo_key()))
        return True

    def _act(self, row: TodayRow, action: str) -> None:
        item = row.item
        if item is None:
            return
        if action == OPEN:
            self.open_item(item)
            return
        # Focus goes to the next item once this one has been handled (or stays on this one
        # if it is still there and nothing follows it).
        if row in self._order:
            position = self._order.index(row)
            after = self._order[position + 1] if position + 1 < len(self._order) else None
            if after is None and position > 0:
                after = self._order[position - 1]
                position -= 1
            self._focus_next = (key_of(after.item) if after and after.item else None, position)
        {DONE: lambda: self._done(item), SNOOZE: lambda: self.snooze(item),
         GHOST: lambda: self.mark_ghosted(item), DELETE: lambda: self.delete_task(item)}[action]()
        self._focus_next = None  # a refused action leaves the focus where it is

    def add_task(self) -> None:
        """Add the typed task (general, not tied to an application)."""
        title = self.task_edit.text().strip()
        if not title:
            self.message.emit(self.tr("Type what the task is first."))
            self.task_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        due = from_qdate(self.due_edit.date()) if self.due_check.isChecked() else None
        if self._run(lambda: self.editor.add_task(title, due),
                     self.tr("Added the task “%1”. Undo with %U.").replace("%1", title)):
            self.task_edit.clear()

    def complete_task(self, task_id: int) -> None:
        """Tick a task off."""
        self._run(lambda: self.editor.set_task_done(task_id, True),
                  self.tr("Task done. Undo with %U."))

    def _done(self, item: TodayItem) -> None:
        if item.task_id is not None:
            task_id = item.task_id
            self._run(lambda: self.editor.set_task_done(task_id, True),
                      self.tr("Done: “%1”. Undo with %U.").replace("%1", item.title))

    def snooze(self, item: TodayItem) -> None:
        """Move the item's date a week on (see ``snooze_to``); Undo puts it back."""
        new = snooze_to(item, self._today())
        when = format_date(new)
        if item.kind == "task" and item.task_id is not None:
            task_id = item.task_id
            self._run(lambda: self.editor.edit_task(task_id, {"due_on": new},
                                                    {"due_on": item.due}),
                      self.tr("“%1” is now due %2. Undo with %U.").replace(
                          "%1", item.title).replace("%2", when))
        elif item.kind in ("follow_up", "no_reply") and item.application_id is not None:
            application_id = item.application_id
            old = item.due if item.kind == "follow_up" else item.follow_up_on
            self._run(lambda: self.editor.edit_application(
                application_id, {"follow_up_on": new}, {"follow_up_on": old}),
                self.tr("Follow up with %1 on %2. Undo with %U.").replace(
                    "%1", headline(item)).replace("%2", when))

    def mark_ghosted(self, item: TodayItem) -> None:
        """Close a silent application as ghosted (one undoable action)."""
        if item.application_id is None:
            return
        application_id = item.application_id
        label = f"{item.title} — {item.company}"
        self._run(lambda: self.editor.mark_ghosted(application_id, label),
                  self.tr("Marked %1 as ghosted. Undo with %U.").replace("%1", headline(item)))

    def delete_task(self, item: TodayItem) -> None:
        """Delete a task; Undo brings it back."""
        if item.task_id is None:
            return
        task = TaskRow(item.task_id, item.application_id, item.title, item.due, None)
        self._run(lambda: self.editor.delete_task(task),
                  self.tr("Deleted the task “%1”. Undo with %U.").replace("%1", item.title))

    def open_item(self, item: TodayItem) -> None:
        """Show the item's application."""
        if item.application_id is not None:
            self.activated.emit(item.application_id)

    # -- look ---------------------------------------------------------------------------------

    def _fit_fonts(self) -> None:
        """Every row button as wide as the widest label, so the buttons line up in columns."""
        probe = QPushButton()  # never shown: it only measures
        probe.setFont(self.font())
        probe.setStyle(self.style())
        widths = []
        for action in LABELS:
            probe.setText(label_of(action))
            widths.append(probe.sizeHint().width())
        self._button_width = max(widths)
        font = self.empty_title.font()
        font.setBold(True)
        base = self.font()
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * 1.4)
        self.empty_title.setFont(font)
        side = round(self.fontMetrics().height() * 3)
        self.empty_icon.setPixmap(themed_icon("today").pixmap(side, side))
        self.empty_holder.setMaximumWidth(self.fontMetrics().averageCharWidth() * 64)
        for row in self._rows.values():
            if row.item is not None:
                row.set_item(row.item, self._today(), self._button_width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_fonts()
        if event.type() == QEvent.Type.PaletteChange:
            colors_of(self.palette())  # worked out once here rather than in the first paint


def _undo_key() -> str:
    return QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)
