"""Reminders while the app runs: what fell due since the last look, shown by the system tray."""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import TodayList
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.formatting import format_datetime

CHECK_INTERVAL_MS = 60_000
FIRST_CHECK_DELAY_MS = 2_000  # after start-up, once the window has painted
INTERVIEW_LEAD = dt.timedelta(minutes=30)  # a reminder this long before an interview
MAX_SINGLE = 3  # more than this at once become one summary notification
# On Linux and the BSDs the tray's messages go to org.freedesktop.Notifications, whose
# servers read the body as markup (<b>, <a>, <img> of a local file): titles are escaped there.
BODY_IS_MARKUP = sys.platform not in ("win32", "darwin")

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Reminder:
    """Something due: ``key`` is stable, so each thing is announced once."""

    key: str
    title: str
    text: str


def due_reminders(today_list: TodayList, *, now: dt.datetime, today: dt.date,
                  lead: dt.timedelta = INTERVIEW_LEAD) -> list[Reminder]:
    """What is due at ``now``: interviews starting within ``lead``, tasks and follow-ups due."""
    due: list[Reminder] = []
    for item in today_list.upcoming_interviews:
        if item.starts_at is not None and now <= item.starts_at <= now + lead:
            due.append(Reminder(
                f"interview:{item.interview_id}:{item.starts_at.isoformat()}",
                translate("Reminders", "Interview soon: %1").replace("%1", item.company or ""),
                f"{item.title} · {format_datetime(item.starts_at)}"))
    for item in today_list.open_tasks:
        if item.due is not None and item.due <= today:
            due.append(Reminder(f"task:{item.task_id}:{item.due.isoformat()}",
                                translate("Reminders", "Task due"), item.title))
    for item in today_list.overdue_follow_ups:
        if item.due is not None:
            due.append(Reminder(
                f"follow_up:{item.application_id}:{item.due.isoformat()}",
                translate("Reminders", "Time to follow up"), f"{item.company} — {item.title}"))
    return due


class ReminderNotifier(QObject):
    """Checks every minute; the first check only counts, later ones announce what is new."""

    notified = Signal(str, str)  # title, text
    clicked = Signal()

    def __init__(self, editor: Editor, icon: QIcon, *,
                 no_reply_days: Callable[[], int] = lambda: 21,
                 tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
                 interval_ms: int = CHECK_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._no_reply_days = no_reply_days
        self._seen: set[str] | None = None  # None: not looked yet
        self.tray: QSystemTrayIcon | None = None
        if tray_available():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("JobTracker")
            self.tray.messageClicked.connect(self.clicked)
            self.tray.activated.connect(lambda _reason: self.clicked.emit())
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Look soon (to know what is already due), then every interval."""
        # Not before the window's first paint: the first look reads the Today lists,
        # which costs 0.3-1 s at 10,000-50,000 applications and can wait a moment.
        QTimer.singleShot(FIRST_CHECK_DELAY_MS, self, self.check)
        self.timer.start()

    def reset(self) -> None:
        """Another database: start counting again."""
        self._seen = None

    def check(self) -> list[Reminder]:
        """Announce what fell due since the last check; returns it."""
        tracker = self.editor.tracker
        try:
            today_list = tracker.today_list(no_reply_days=self._no_reply_days(),
                                                      horizon_days=1)
        except JobTrackerError:
            return []
        due = due_reminders(today_list, now=tracker.now(), today=tracker.today())
        first = self._seen is None
        seen = self._seen or set()
        new = [r for r in due if r.key not in seen]
        self._seen = seen | {r.key for r in due}
        if not new:
            return []
        if first or len(new) > MAX_SINGLE:
            self._notify(translate("Reminders", "JobTracker"),
                         translate("Reminders", "%1 things need your attention today. "
                                   "See the Today view.").replace("%1", str(len(new))))
        else:
            for reminder in new:
                self._notify(reminder.title, reminder.text)
        return new

    def _notify(self, title: str, text: str) -> None:
        if self.tray is not None:
            body = html.escape(text, quote=False) if BODY_IS_MARKUP else text
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.notified.emit(title, text)


def start_reminders(editor: Editor, icon: QIcon, *, no_reply_days: Callable[[], int],
                    status: Callable[[str], object], clicked: Callable[[], object],
                    parent: QObject) -> ReminderNotifier:
    """Start announcing what falls due while the app runs; each one also goes to ``status``.

    ``clicked``: the user clicked a notification (or the tray icon), so show what is due.
    """
    notifier = ReminderNotifier(editor, icon, no_reply_days=no_reply_days, parent=parent)
    notifier.clicked.connect(clicked)
    notifier.notified.connect(lambda title, text: status(f"{title}: {text}"))
    notifier.start()
    return notifier
