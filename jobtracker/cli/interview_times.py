"""An interview's --at, --tz and --fold read as one instant, or refused as a usage error."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
from pathlib import Path

from jobtracker.cli.common import UsageError


def interview_start(args: argparse.Namespace, zone_name: str | None) -> dt.datetime:
    """``--at`` as one instant: in ``zone_name``, resolved by ``--fold``, or by its offset."""
    import zoneinfo

    from jobtracker.errors import ValidationError
    from jobtracker.tracker.inputs import AmbiguousTimeError, check_wall_time, offset_text

    at: dt.datetime = args.at
    zone = None
    if zone_name:
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise UsageError(f"--tz: unknown time zone {zone_name!r}") from None
    if at.tzinfo is not None:
        if args.fold is not None:
            raise UsageError("--fold: --at already gives the offset, which says which")
        offset = at.utcoffset() or dt.timedelta()
        if zone is not None:
            # The offset must be one the zone has at that wall time, or --at and --tz
            # name different moments.
            possible = sorted({at.replace(tzinfo=zone, fold=fold).utcoffset() or offset
                               for fold in (0, 1)}, reverse=True)
            if offset not in possible:
                valid = " or ".join(offset_text(o) for o in possible)
                raise UsageError(f"--at: {offset_text(offset)} is not the offset of {zone_name} "
                                 f"at {at:%H:%M} on {at:%Y-%m-%d} (it is {valid})")
        return at
    if zone is None:
        return _local_start(at, args.fold)
    starts = at.replace(tzinfo=zone)
    try:
        check_wall_time("starts_at", starts)
    except AmbiguousTimeError as error:
        if args.fold is not None:
            return error.later if args.fold else error.earlier
        first, then = (offset_text(when.utcoffset() or dt.timedelta())
                       for when in (error.earlier, error.later))
        raise UsageError(f"--at: {error.situation}: add --fold earlier for {first} or "
                         f"--fold later for {then}, or give the offset, e.g. --at "
                         f"'{at:%Y-%m-%d %H:%M}{first}'") from None
    except ValidationError as error:
        raise UsageError(f"--at: {error.reason}") from None
    return starts


def _local_start(at: dt.datetime, fold: int | None) -> dt.datetime:
    """``at`` in this computer's zone when its name is unknown, by the system's own rules."""
    from jobtracker.tracker.inputs import offset_text

    earlier, later = at.replace(fold=0).astimezone(), at.replace(fold=1).astimezone()
    if earlier.utcoffset() == later.utcoffset():
        return earlier
    wall = f"{at:%H:%M} on {at:%Y-%m-%d}"
    if earlier.astimezone().replace(tzinfo=None) != at:
        raise UsageError(f"--at: {wall} does not exist in this computer's time zone (the "
                         "clocks skip it)")
    if fold is None:
        first, then = (offset_text(when.utcoffset() or dt.timedelta())
                       for when in (earlier, later))
        raise UsageError(f"--at: {wall} happens twice in this computer's time zone: add "
                         f"--fold earlier for {first} or --fold later for {then}")
    return later if fold else earlier


def local_zone_name() -> str | None:
    """This computer's IANA time zone name, where the system tells it (TZ, /etc/localtime)."""
    import zoneinfo

    candidates: list[str] = []
    tz = os.environ.get("TZ")
    if tz:
        candidates.append(tz.removeprefix(":"))
    else:
        with contextlib.suppress(OSError, ValueError):
            target = str(Path("/etc/localtime").resolve())
            if "zoneinfo/" in target:
                candidates.append(target.split("zoneinfo/", 1)[1])
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            zoneinfo.ZoneInfo(name)
            return name
    return None
