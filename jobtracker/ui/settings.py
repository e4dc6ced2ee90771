"""Typed access to the window's QSettings: geometry, layout, view and preferences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "dark")
DATE_FORMATS = ("iso", "short", "long")


@dataclass(frozen=True)
class QuickFilters:
    """The choices of the applications filter bar (None: all)."""

    stage: str | None = None
    status: int = 0  # index: open and closed, open, closed
    tag: str | None = None
    days: int | None = None  # a preset, or -1 for the custom range below
    applied_from: dt.date | None = None
    applied_to: dt.date | None = None


class Settings:
    """One place that knows every key, its type and its default."""

    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self.q.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = str(self.q.value(key, default))
        return value if value in choices else default

    # -- window layout ---------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        """Saved main window geometry."""
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        """Saved toolbar/dock state."""
        return self._bytes("window/state")

    def splitter_state(self) -> QByteArray | None:
        """Saved list/detail splitter sizes."""
        return self._bytes("window/splitter")

    def header_state(self) -> QByteArray | None:
        """Saved column order and widths of the applications table."""
        return self._bytes("applications/header")

    def save_layout(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray,
                    header: QByteArray) -> None:
        """Remember the window layout."""
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)
        self.q.setValue("window/splitter", splitter)
        self.q.setValue("applications/header", header)

    def sort(self) -> tuple[int, bool]:
        """Sort column index and whether descending."""
        return self._int("applications/sort_column", 4), bool(
            self._int("applications/sort_descending", 1))

    def set_sort(self, column: int, descending: bool) -> None:
        """Remember the sort column and order."""
        self.q.setValue("applications/sort_column", column)
        self.q.setValue("applications/sort_descending", int(descending))

    def view(self) -> str:
        """The last view shown (applications, contacts, trash)."""
        return str(self.q.value("window/view", "applications"))

    def set_view(self, name: str) -> None:
        """Remember the view shown."""
        self.q.setValue("window/view", name)

    def quick_filters(self) -> QuickFilters:
        """The filter bar as last left."""
        def text(key: str) -> str | None:
            value = self.q.value(key)
            return str(value) if value not in (None, "") else None

        def day(key: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(text(key) or "")
            except ValueError:
                return None

        days = text("filters/days")
        return QuickFilters(stage=text("filters/stage"), status=self._int("filters/status", 0),
                            tag=text("filters/tag"),
                            days=int(days) if days and days.lstrip("-").isdigit() else None,
                            applied_from=day("filters/applied_from"),
                            applied_to=day("filters/applied_to"))

    def set_quick_filters(self, choice: QuickFilters) -> None:
        """Remember the filter bar."""
        self.q.setValue("filters/stage", choice.stage or "")
        self.q.setValue("filters/status", choice.status)
        self.q.setValue("filters/tag", choice.tag or "")
        self.q.setValue("filters/days", "" if choice.days is None else str(choice.days))
        for key, value in (("filters/applied_from", choice.applied_from),
                           ("filters/applied_to", choice.applied_to)):
            self.q.setValue(key, value.isoformat() if value else "")

    # -- preferences ---------------------------------------------------------------------

    def theme(self) -> str:
        """system, light or dark."""
        return self._choice("prefs/theme", THEMES, "system")

    def set_theme(self, value: str) -> None:
        """Remember the colour theme."""
        self.q.setValue("prefs/theme", value)

    def date_format(self) -> str:
        """iso, short or long."""
        return self._choice("prefs/date_format", DATE_FORMATS, "iso")

    def set_date_format(self, value: str) -> None:
        """Remember how dates are shown."""
        self.q.setValue("prefs/date_format", value)

    def follow_up_days(self) -> int:
        """Days after applying when a follow-up reminder is set by default (0 = none)."""
        return max(0, min(90, self._int("prefs/follow_up_days", 7)))

    def set_follow_up_days(self, days: int) -> None:
        """Remember the default follow-up delay."""
        self.q.setValue("prefs/follow_up_days", days)

    def no_reply_days(self) -> int:
        """Days without a stage change after which an application is flagged 'no reply'."""
        return max(1, min(365, self._int("prefs/no_reply_days", 21)))

    def set_no_reply_days(self, days: int) -> None:
        """Remember when silence counts as 'no reply'."""
        self.q.setValue("prefs/no_reply_days", days)

    def stage_follow_up_days(self, stage_id: int) -> int:
        """Days after a move to the stage when a follow-up is set (0 = leave it as it is)."""
        return max(0, min(90, self._int(f"prefs/stage_follow_up/{stage_id}", 0)))

    def set_stage_follow_up_days(self, stage_id: int, days: int) -> None:
        """Remember the follow-up delay of one stage (by id, so renames keep it)."""
        self.q.setValue(f"prefs/stage_follow_up/{stage_id}", days)

    def backup_keep(self) -> int:
        """How many daily backups to keep (the newest; other backups are never pruned)."""
        return max(1, min(365, self._int("prefs/backup_keep", 14)))

    def set_backup_keep(self, count: int) -> None:
        """Remember how many daily backups to keep."""
        self.q.setValue("prefs/backup_keep", count)

    def sync(self) -> None:
        """Write to disk now."""
        self.q.sync()
