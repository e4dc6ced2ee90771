"""How calendar entries read and look: their text, tooltips, and colours that meet WCAG AA."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QPalette

from jobtracker.tracker import CalendarItem
from jobtracker.ui.widgets.contrast import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    contrast_ratio,
    is_dark,
    readable_fill,
    readable_text_on,
    with_contrast,
)
from jobtracker.ui.widgets.formatting import isolate

translate = QCoreApplication.translate

TASK_OPEN = "☐"
TASK_DONE = "☑"
# Colours found by search sit just over the line; painting rounds them to 8 bits a channel,
# so they aim a little higher than WCAG's 4.5:1 to stay over it on screen.
_HEADROOM = 0.1


def screen(color: QColor) -> QColor:
    """``color`` as the screen gets it, 8 bits a channel: contrast is checked on that."""
    return QColor(color.red(), color.green(), color.blue())


def mix(base: QColor, other: QColor, amount: float) -> QColor:
    """``base`` with ``amount`` (0 … 1) of ``other`` blended in."""
    return screen(QColor.fromRgbF(*(b + (o - b) * amount for b, o in (
        (base.redF(), other.redF()), (base.greenF(), other.greenF()),
        (base.blueF(), other.blueF())))))


def _furthest(make: Callable[[float], QColor], good: Callable[[QColor], bool]) -> QColor:
    """``make(t)`` for the largest t in 0 … 1 that is ``good`` (t = 0 is taken as good)."""
    if good(make(1.0)):
        return make(1.0)
    low, high = 0.0, 1.0
    for _ in range(14):
        middle = (low + high) / 2
        if good(make(middle)):
            low = middle
        else:
            high = middle
    return make(low)


def readable(color: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``color``, or the nearest shade of it that reaches ``ratio`` on ``background``."""
    return screen(with_contrast(color, [background], ratio + _HEADROOM))


def muted(color: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``color`` faded towards ``background`` as far as it can go while keeping ``ratio``."""
    color = readable(color, background, ratio)
    return _furthest(lambda t: mix(color, background, t),
                     lambda c: contrast_ratio(c, background) >= ratio + _HEADROOM)


def tint(background: QColor, accent: QColor, amount: float, text: QColor,
         ratio: float = TEXT_CONTRAST) -> QColor:
    """``background`` with up to ``amount`` of ``accent``, as much as ``text`` still reads on."""
    return _furthest(lambda t: mix(background, accent, amount * t),
                     lambda c: contrast_ratio(text, c) >= ratio + _HEADROOM)


@dataclass(frozen=True, slots=True)
class CalendarColors:
    """The calendar's colours for one palette, each text/background pair checked for AA."""

    base: QColor
    text: QColor
    weekend: QColor  # background of weekend days: a tint, never a red number
    outside: QColor  # background of days of the next or previous month
    outside_text: QColor  # their day numbers: muted, still 4.5:1
    border: QColor
    accent: QColor  # today's disc, the interview bar, the focus ring: 3:1 on every background
    accent_text: QColor  # today's number on the disc: 4.5:1
    chip: QColor  # an interview's background in a cell
    chip_hover: QColor
    selected: QColor  # the agenda's chosen entry
    hover: QColor  # the agenda's entry under the mouse
    bar: QColor  # the interview bar: 3:1 on chips, days and the agenda's rows
    dark: bool

    @classmethod
    def of(cls, palette: QPalette) -> CalendarColors:
        """Colours derived from ``palette`` (light or dark)."""
        base = screen(palette.color(QPalette.ColorRole.Base))
        text = readable(palette.color(QPalette.ColorRole.Text), base)
        dark = is_dark(palette)
        weekend = mix(base, text, 0.035)
        outside = mix(base, text, 0.06 if dark else 0.045)
        # The accent: the palette's selection colour, shaded until the day number on it reads
        # and the disc stands out from every kind of day.
        accent = readable_fill(palette.color(QPalette.ColorRole.Highlight))
        accent = screen(with_contrast(accent, [base, weekend, outside],
                                      GRAPHIC_CONTRAST + _HEADROOM))
        chip = tint(base, accent, 0.30 if dark else 0.14, text)
        chip_hover = tint(base, accent, 0.45 if dark else 0.26, text)
        selected = tint(base, accent, 0.40 if dark else 0.20, text)
        hover = tint(base, text, 0.06, text)
        # On a dark theme a tinted chip comes close to the accent itself: the bar goes lighter.
        bar = screen(with_contrast(accent, [chip, chip_hover, selected, hover, base],
                                   GRAPHIC_CONTRAST + _HEADROOM))
        return cls(
            base=base, text=text, weekend=weekend, outside=outside,
            outside_text=muted(text, outside),
            border=mix(base, text, 0.22 if dark else 0.16),
            accent=accent, accent_text=readable(readable_text_on(accent), accent),
            chip=chip, chip_hover=chip_hover, selected=selected, hover=hover, bar=bar,
            dark=dark)

    def muted_on(self, background: QColor) -> QColor:
        """Secondary text (done tasks, places) on ``background``."""
        return QColor.fromRgb(_muted_rgb(self.text.rgb(), background.rgb()))

    def link_on(self, background: QColor) -> QColor:
        """Accent-coloured text ("+N more", today's heading) on ``background`` that reads."""
        return QColor.fromRgb(_readable_rgb(self.accent.rgb(), background.rgb()))


# Painting asks for the same few pairs for every day of every repaint: search once each.
@lru_cache(maxsize=256)
def _muted_rgb(text: int, background: int) -> int:
    return muted(QColor.fromRgb(text), QColor.fromRgb(background)).rgb()


@lru_cache(maxsize=256)
def _readable_rgb(color: int, background: int) -> int:
    return readable(QColor.fromRgb(color), QColor.fromRgb(background)).rgb()


# -- what an entry says -------------------------------------------------------------------------


def local_start(item: CalendarItem, zone: dt.tzinfo | None = None) -> dt.datetime | None:
    """An interview's start in local time (``zone``, or the machine's zone); None for tasks."""
    return item.starts_at.astimezone(zone) if item.starts_at is not None else None


def local_day(item: CalendarItem, zone: dt.tzinfo | None = None) -> dt.date | None:
    """The local day of an interview, or a task's due date."""
    start = local_start(item, zone)
    return start.date() if start is not None else item.due_on


def about(item: CalendarItem) -> str:
    """``Acme — Backend Developer``; empty for a task about the search in general."""
    parts = [isolate(part) for part in (item.company, item.title) if part]
    return " — ".join(parts)


def line_text(item: CalendarItem, zone: dt.tzinfo | None = None) -> str:
    """The one line a cell shows: ``14:30 Acme — Tech screen`` or ``☐ Send references``."""
    start = local_start(item, zone)
    if start is not None:
        who = isolate(item.company or item.title or "")
        what = isolate(item.label)
        return f"{start:%H:%M} {who} — {what}" if who else f"{start:%H:%M} {what}"
    return f"{TASK_DONE if item.done else TASK_OPEN} {isolate(item.label)}"


def time_range(item: CalendarItem, zone: dt.tzinfo | None = None) -> str:
    """``14:30–15:30`` (or just ``14:30`` without a duration); empty for tasks."""
    start = local_start(item, zone)
    if start is None:
        return ""
    if not item.duration_minutes:
        return f"{start:%H:%M}"
    end = start + dt.timedelta(minutes=item.duration_minutes)
    return f"{start:%H:%M}–{end:%H:%M}"


def long_day(day: dt.date) -> str:
    """``Monday 30 November 2026`` in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def where(item: CalendarItem) -> str:
    """The place or the meeting link of an interview."""
    return isolate(item.location or item.meeting_url or "")


def tooltip_text(item: CalendarItem, zone: dt.tzinfo | None = None) -> str:
    """The details of an entry, one fact a line (plain text; the caller makes it literal)."""
    lines: list[str] = []
    start = local_start(item, zone)
    if start is not None:
        lines.append(translate("CalendarView", "%1 interview").replace("%1", isolate(item.label)))
        lines.append(f"{long_day(start.date())}, {time_range(item, zone)}")
        elsewhere = _in_own_zone(item, start)
        if elsewhere:
            lines.append(elsewhere)
    else:
        head = translate("CalendarView", "Task: %1").replace("%1", isolate(item.label))
        if item.done:
            head += translate("CalendarView", " (done)")
        lines.append(head)
        if item.due_on is not None:
            lines.append(translate("CalendarView", "Due %1").replace("%1", long_day(item.due_on)))
    context = about(item)
    if context:
        stage = f" · {isolate(item.stage)}" if item.stage else ""
        lines.append(context + stage)
    elif item.application_id is None:
        lines.append(translate("CalendarView", "About the search in general"))
    if start is not None:
        if where(item):
            lines.append(translate("CalendarView", "Where: %1").replace("%1", where(item)))
        if item.interviewers:
            lines.append(translate("CalendarView", "With: %1").replace(
                "%1", isolate(item.interviewers)))
        if item.outcome and item.outcome != "pending":
            lines.append(translate("CalendarView", "Outcome: %1").replace(
                "%1", item.outcome.replace("_", " ")))
    if item.application_id is not None:
        lines.append(translate("CalendarView", "Click to open the application"))
    return "\n".join(lines)


def _in_own_zone(item: CalendarItem, local: dt.datetime) -> str:
    """``(09:30 in America/New_York)`` when the interview was set in another zone."""
    if not item.timezone or item.starts_at is None:
        return ""
    try:
        there = item.starts_at.astimezone(ZoneInfo(item.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    if there.utcoffset() == local.utcoffset():
        return ""
    return translate("CalendarView", "(%1 in %2)").replace("%1", f"{there:%H:%M}").replace(
        "%2", isolate(item.timezone))


def spoken(item: CalendarItem, zone: dt.tzinfo | None = None) -> str:
    """An entry as a screen reader says it."""
    if item.starts_at is not None:
        text = translate("CalendarView", "%1, %2 interview").replace(
            "%1", time_range(item, zone)).replace("%2", isolate(item.label))
    else:
        text = translate("CalendarView", "task %1").replace("%1", isolate(item.label))
        if item.done:
            text += translate("CalendarView", ", done")
    context = about(item)
    return f"{text}, {context}" if context else text
