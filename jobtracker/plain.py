"""JSON-ready plain values: enums as their value, dates ISO, timestamps UTC with a ``Z``."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any


def plain(value: Any) -> Any:
    """``value`` with enums, dates and datetimes (also inside lists and dicts) made JSON-ready."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
