"""Use cases on the stages themselves: add, rename, reorder, recolour, and re-date a stage event."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import Stage, StageEvent, StageKind
from jobtracker.tracker.applications import redate_event
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import required_text, to_enum

_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def _clean_color(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    color = value.strip()
    if not _COLOR.fullmatch(color):
        raise ValidationError("color", f"{value!r} is not a colour like #3B82F6")
    return color.upper()


class StagesMixin(TrackerBase):
    """The user's own list of stages (names, order, colours)."""

    def add_stage(self, name: str, kind: StageKind | str = StageKind.OPEN, *,
                  color: str | None = None, after: str | None = None) -> int:
        """Add a stage at the end (or right after ``after``); returns its id."""
        name = required_text("name", name, 60)
        stage_kind = to_enum("kind", StageKind, kind) or StageKind.OPEN
        clean = _clean_color(color)
        with self.db.write() as session:
            self._check_free(session, name, None)
            stages = self._stage_rows(session)
            position = (stages[-1].position + 1) if stages else 0
            if after is not None:
                anchor = self._find_stage(session, after)
                position = anchor.position + 1
                # Shift the later stages down one place to make room.
                for row in session.scalars(select(Stage).where(Stage.position >= position)):
                    row.position += 1
            stage = Stage(name=name, kind=stage_kind, position=position, color=clean)
            session.add(stage)
            session.flush()
            return stage.id

    def rename_stage(self, old_name: str, new_name: str) -> None:
        """Rename a stage; its history follows since events refer to it by id."""
        new_name = required_text("name", new_name, 60)
        with self.db.write() as session:
            found = self._find_stage(session, old_name)
            self._check_free(session, new_name, found.id)
            session.get_one(Stage, found.id).name = new_name

    def reorder_stages(self, names: list[str] | tuple[str, ...]) -> None:
        """Put the stages in the order given; every stage must be named exactly once."""
        with self.db.write() as session:
            stages = self._stage_rows(session)
            wanted = [name.strip().casefold() for name in names]
            have = sorted(stage.name.casefold() for stage in stages)
            if sorted(wanted) != have:
                raise ValidationError("stages", "name every stage exactly once to reorder them")
            by_name = {stage.name.casefold(): stage.id for stage in stages}
            for position, key in enumerate(wanted):
                session.get_one(Stage, by_name[key]).position = position

    def set_stage_color(self, name: str, color: str | None) -> None:
        """Set (or clear, with None) the colour a stage is shown in."""
        clean = _clean_color(color)
        with self.db.write() as session:
            found = self._find_stage(session, name)
            session.get_one(Stage, found.id).color = clean

    def redate_stage_event(self, event_id: int, on: dt.date) -> None:
        """Change the date of a recorded stage change (back-filling), within its neighbours.

        The only way an existing event's date changes. It keeps its place in the
        timeline (not before the event before it, not after the one after it, not
        in the future, not before 1970); re-dating the Applied event moves the
        applied date with it.
        """
        with self.db.write() as session:
            event = session.get(StageEvent, event_id)
            if event is None:
                raise NotFoundError(f"no stage change with id {event_id}")
            app = self._application(session, event.application_id)
            redate_event(session, app, event, on, self._stage_rows(session), self._today())
            app.updated_at = self._now()

    @staticmethod
    def _check_free(session: object, name: str, own_id: int | None) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        clash = session.scalar(select(Stage.id).where(func.lower(Stage.name) == name.lower()))
        if clash is not None and clash != own_id:
            raise ValidationError("name", f"a stage named {name!r} already exists")
