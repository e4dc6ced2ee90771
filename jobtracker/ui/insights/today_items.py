"""Today's items grouped by when they need doing, with their texts and the actions each allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from jobtracker.tracker import TodayItem, TodayList
from jobtracker.ui.applications.applications_model import RowRole
from jobtracker.ui.mainwindow.i18n import QT_TRANSLATE_NOOP
from jobtracker.ui.widgets.formatting import format_date, isolate, plain_tooltip

translate = QCoreApplication.translate
HeaderRole = Qt.ItemDataRole.UserRole + 30
KeyRole = Qt.ItemDataRole.UserRole + 31
SNOOZE_DAYS = 7

# What a row can do; a row shows the buttons of its actions, in this order.
DONE, GHOST, SNOOZE, DELETE, OPEN = "done", "ghost", "snooze", "delete", "open"
ACTION_ORDER = (DONE, GHOST, SNOOZE, DELETE, OPEN)

GROUPS = (
    ("overdue", QT_TRANSLATE_NOOP("TodayModel", "Overdue")),
    ("today", QT_TRANSLATE_NOOP("TodayModel", "Today")),
    ("soon", QT_TRANSLATE_NOOP("TodayModel", "Next 7 days")),
    ("waiting", QT_TRANSLATE_NOOP("TodayModel", "Waiting for a reply")),
    ("undated", QT_TRANSLATE_NOOP("TodayModel", "No due date")),
)
_KINDS = {
    "task": QT_TRANSLATE_NOOP("TodayModel", "Task"),
    "follow_up": QT_TRANSLATE_NOOP("TodayModel", "Follow-up"),
    "interview": QT_TRANSLATE_NOOP("TodayModel", "Interview"),
    "no_reply": QT_TRANSLATE_NOOP("TodayModel", "No reply"),
}

Key = tuple[str, int | None, int | None, int | None]
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    """Translate a marked title (marked for lupdate at its QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("TodayModel", text)


def _fill(text: str, *args: object) -> str:
    """``text`` (translated already, so lupdate sees each string) with %1, %2… filled in."""
    for n, arg in reversed(list(enumerate(args, 1))):  # %10 before %1
        text = text.replace(f"%{n}", str(arg))
    return text


def key_of(item: TodayItem) -> Key:
    """What identifies an item across reloads (its kind and ids)."""
    return (item.kind, item.application_id, item.task_id, item.interview_id)


def group_title(group: str) -> str:
    """The heading of ``group``, translated."""
    return _tr(dict(GROUPS)[group])


def actions_of(item: TodayItem) -> tuple[str, ...]:
    """The actions that can run on ``item``: only those get a button."""
    if item.kind == "task":
        # A task without a date has nothing to put off.
        snooze = (SNOOZE,) if item.due is not None else ()
        return (DONE, *snooze, DELETE) + ((OPEN,) if item.application_id is not None else ())
    if item.kind in ("follow_up", "no_reply"):
        return (GHOST, SNOOZE, OPEN)
    return (OPEN,) if item.application_id is not None else ()


def primary_action(item: TodayItem) -> str | None:
    """What Enter and Space do on a focused item: Done for a task, else Open."""
    actions = actions_of(item)
    return DONE if DONE in actions else OPEN if OPEN in actions else None


def snooze_to(item: TodayItem, today: dt.date) -> dt.date:
    """Where Snooze a week puts the date: a week after it, and at least a week from today.

    A task due next week moves a week later; anything due already (or a silent application,
    whose ``due`` is its last stage change) comes back a week from today, not still overdue.
    """
    due = item.due if item.kind in ("task", "follow_up") and item.due is not None else today
    return max(due, today) + dt.timedelta(days=SNOOZE_DAYS)


def _local_day(item: TodayItem) -> dt.date | None:
    if item.starts_at is not None:
        return item.starts_at.astimezone().date()
    return item.due


def group_of(item: TodayItem, today: dt.date) -> str:
    """The heading ``item`` goes under."""
    if item.kind == "no_reply":
        return "waiting"
    day = _local_day(item)
    if day is None:
        return "undated"
    if day < today:
        # An interview that began yesterday evening and is still on is today's business.
        return "today" if item.kind == "interview" else "overdue"
    return "today" if day == today else "soon"


def _day(day: dt.date, today: dt.date) -> str:
    """``today``, ``tomorrow``, ``Wednesday`` within the week, else the date."""
    if day == today:
        return translate("TodayModel", "today")
    if day == today + dt.timedelta(days=1):
        return translate("TodayModel", "tomorrow")
    if day == today - dt.timedelta(days=1):
        return translate("TodayModel", "yesterday")
    if today < day < today + dt.timedelta(days=7):
        return QLocale().toString(QDate(day.year, day.month, day.day), "dddd")
    return format_date(day)


def about(item: TodayItem) -> str:
    """``Acme — Backend Developer``; empty for a task about the search in general."""
    # A task's ``detail`` is its application's title; other items' ``title`` is.
    parts = [item.company, item.detail if item.kind == "task" else item.title]
    return " — ".join(isolate(part) for part in parts if part)


def headline(item: TodayItem) -> str:
    """The first line of a row: the task's title, else the application."""
    if item.kind == "task":
        return isolate(item.title)
    return about(item) or isolate(item.title)


def when(item: TodayItem, today: dt.date) -> str:
    """When it is due (or since when silent), relative to ``today``."""
    if item.kind == "interview" and item.starts_at is not None:
        local = item.starts_at.astimezone()
        return _fill(translate("TodayModel", "%1 at %2"), _day(local.date(), today),
                     f"{local:%H:%M}")
    if item.due is None:
        return translate("TodayModel", "no due date")
    late = (today - item.due).days
    since = format_date(item.due)
    if item.kind == "no_reply":
        return _fill(translate("TodayModel", "silent since %1 (%2 days)"), since, late)
    if late == 1:
        return translate("TodayModel", "was due yesterday")
    if late > 1:
        return _fill(translate("TodayModel", "was due %1 (%2 days ago)"), since, late)
    return _fill(translate("TodayModel", "due %1"), _day(item.due, today))


def detail(item: TodayItem, today: dt.date) -> str:
    """The second line: what kind of item, when, and its context."""
    parts = [_tr(_KINDS.get(item.kind, "Task")), when(item, today)]
    if item.kind == "task":
        parts.append(about(item))
    elif item.kind == "interview":
        parts.append(isolate(item.detail or ""))
    else:
        parts.append(isolate(item.stage or ""))
    return " · ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class TodayLine:
    """A group heading (``item`` None) or one item under it."""

    group: str
    count: int
    item: TodayItem | None


def arrange(today_list: TodayList, today: dt.date) -> list[TodayLine]:
    """The items under their headings, in heading order; empty groups are left out.

    An application both due for a follow-up and silent shows once, as the follow-up (its
    row offers Mark ghosted too). A silent application whose follow-up date is still ahead
    was snoozed: it is back as a follow-up on that day.
    """
    following = {item.application_id for item in today_list.overdue_follow_ups}
    silent = [item for item in today_list.no_reply
              if item.application_id not in following
              and (item.follow_up_on is None or item.follow_up_on <= today)]
    grouped: dict[str, list[TodayItem]] = {group: [] for group, _title in GROUPS}
    for item in (*today_list.overdue_follow_ups, *today_list.upcoming_interviews,
                 *today_list.open_tasks, *silent):
        grouped[group_of(item, today)].append(item)

    def order(item: TodayItem) -> tuple[Any, ...]:
        moment = item.starts_at.astimezone().replace(tzinfo=None) if item.starts_at else (
            dt.datetime.combine(item.due, dt.time()) if item.due else dt.datetime.max)
        return (moment, item.kind != "interview", item.task_id or 0, item.application_id or 0)

    lines: list[TodayLine] = []
    for group, _title in GROUPS:
        items = grouped[group]
        if group != "waiting":  # the tracker lists the silent longest-silent first already
            items.sort(key=order)
        if items:
            lines.append(TodayLine(group, len(items), None))
            lines.extend(TodayLine(group, len(items), item) for item in items)
    return lines


class TodayModel(QAbstractListModel):
    """The Today list flattened: a heading line per group, then its items."""

    def __init__(self, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._lines: list[TodayLine] = []

    def set_list(self, today_list: TodayList) -> None:
        """Show ``today_list``, grouped."""
        self.beginResetModel()
        self._lines = arrange(today_list, self._today())
        self.endResetModel()

    def lines(self) -> list[TodayLine]:
        """Every line, headings included."""
        return list(self._lines)

    def item(self, row: int) -> TodayItem | None:
        """The item at ``row`` (None for a heading)."""
        return self._lines[row].item

    def rows_of(self, kind: str) -> list[int]:
        """Rows holding items of ``kind``."""
        return [n for n, line in enumerate(self._lines)
                if line.item is not None and line.item.kind == kind]

    def counts(self) -> dict[str, int]:
        """How many items each non-empty group holds."""
        return {line.group: line.count for line in self._lines if line.item is None}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        item = line.item
        if role == HeaderRole:
            return item is None
        if role == RowRole:
            return item
        if item is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{group_title(line.group)} · {line.count}"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == KeyRole:
            return key_of(item)
        text = f"{headline(item)}\n{detail(item, self._today())}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        return None
