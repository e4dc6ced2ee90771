"""Use cases on the stages themselves: add, rename, reorder, recolour, delete, retire, re-date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import Application, Stage, StageEvent
from jobtracker.tracker.applications import ApplicationsMixin, redate_event
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import required_text, to_enum
from jobtracker.tracker.rows import StageRow
from jobtracker.vocabulary import StageKind

_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def _clean_color(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    color = value.strip()
    if not _COLOR.fullmatch(color):
        raise ValidationError("color", f"{value!r} is not a colour like #3B82F6")
    return color.upper()


@dataclass(frozen=True, slots=True)
class RetireResult:
    """What ``retire_stage`` did: the stage events it added, which its undo removes."""

    stage: str
    moved_to: str
    application_ids: tuple[int, ...]
    event_ids: tuple[int, ...]


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

    def stage_history_count(self, name: str) -> int:
        """How many applications (trashed ones too) are or ever were in the stage."""
        with self.db.read() as session:
            found = self._find_stage(session, name)
            return self._history_count(session, found.id)

    def stage_application_count(self, name: str) -> int:
        """How many applications (trashed ones too) are in the stage now."""
        with self.db.read() as session:
            found = self._find_stage(session, name)
            return session.scalar(select(func.count(Application.id)).where(
                Application.stage_id == found.id)) or 0

    def delete_unused_stage(self, name: str) -> None:
        """Delete a stage nothing refers to (no application is or ever was in it).

        Undoes ``add_stage``, or removes a stage never used. A stage with history cannot
        go: its events are kept for good, and they name the stage. The last open stage
        stays too, since new applications start in one.
        """
        with self.db.write() as session:
            found = self._find_stage(session, name)
            if self._history_count(session, found.id):
                raise ValidationError("stage", f"the stage {found.name!r} is in use and "
                                               "cannot be deleted")
            stages = self._stage_rows(session)
            if found.kind == StageKind.OPEN and sum(s.kind == StageKind.OPEN
                                                    for s in stages) == 1:
                raise ValidationError("stage", f"{found.name!r} is the only open stage; "
                                               "new applications start in one")
            session.delete(session.get_one(Stage, found.id))

    def retire_stage(self, name: str, move_to: str | None = None) -> RetireResult:
        """Remove a stage with history: its applications move to ``move_to``, it is retired.

        One transaction. Each application in the stage (trashed ones too, so a
        restore never lands in a retired stage) gets a move to ``move_to`` dated
        today, appended like any move; then the stage is marked retired. Its
        events stay and keep naming it, but lists, pickers and lookups skip it.
        ``move_to`` may be left out only when no application is in the stage.
        """
        if not isinstance(self, ApplicationsMixin):
            raise TypeError("retire_stage needs a Tracker (with move_stage)")
        today = self._today()
        with self.db.write() as session:
            found = self._find_stage(session, name)
            stages = self._stage_rows(session)
            if found.kind == StageKind.OPEN and sum(s.kind == StageKind.OPEN
                                                    for s in stages) == 1:
                raise ValidationError("stage", f"{found.name!r} is the only open stage; "
                                               "new applications start in one")
            apps = list(session.scalars(select(Application).where(
                Application.stage_id == found.id).order_by(Application.id)))
            target: StageRow | None = None
            if move_to is not None:
                target = self._find_stage(session, move_to)
                if target.id == found.id:
                    raise ValidationError("move_to", f"the applications in {found.name!r} "
                                                     "must move to another stage")
            elif apps:
                raise ValidationError("move_to", f"{len(apps)} application(s) are in "
                                                 f"{found.name!r}; choose a stage to move "
                                                 "them to")
            events = []
            for app in apps:
                assert target is not None
                self._check_not_before_current(session, app, target, today)
                events.append(self._add_event(session, app, target, today, None))
                app.updated_at = self._now()
            session.get_one(Stage, found.id).retired_on = today
            return RetireResult(found.name, target.name if target else "",
                                tuple(app.id for app in apps), tuple(e.id for e in events))

    def unretire_stage(self, name: str, event_ids: tuple[int, ...] | list[int] = ()) -> None:
        """Undo ``retire_stage``: the stage is back in use and the moves it added are removed.

        Each application returns to the stage it was in, with its applied date
        as it was; ``event_ids`` are those ``RetireResult`` named.
        """
        if not isinstance(self, ApplicationsMixin):
            raise TypeError("unretire_stage needs a Tracker (with undo_stage_event)")
        with self.db.write() as session:
            stage = session.scalar(select(Stage).where(
                func.lower(Stage.name) == name.strip().lower(), Stage.retired_on.is_not(None)))
            if stage is None:
                raise NotFoundError(f"no retired stage named {name!r}")
            # A reorder while it was retired may have given its place to another stage:
            # it goes back in front of that one, as before.
            if session.scalar(select(Stage.id).where(Stage.position == stage.position,
                                                     Stage.id != stage.id).limit(1)):
                for row in session.scalars(select(Stage).where(Stage.position >= stage.position,
                                                               Stage.id != stage.id)):
                    row.position += 1
            # Back in use first, so removing the moves reads the stage list they were made with.
            stage.retired_on = None
            session.flush()
            for event_id in event_ids:
                event = session.get(StageEvent, event_id)
                if event is None:  # its application was purged since: nothing to put back
                    continue
                app = session.get_one(Application, event.application_id)
                self._delete_event(session, app, event)

    def retired_stage_names(self) -> list[str]:
        """The names of retired stages (still shown in history), in their old board order."""
        with self.db.read() as session:
            return [s.name for s in self._stage_rows(session, retired=True)
                    if s.retired_on is not None]

    @staticmethod
    def _history_count(session: Session, stage_id: int) -> int:
        current = select(Application.id).where(Application.stage_id == stage_id)
        passed = select(StageEvent.application_id).where(
            (StageEvent.to_stage_id == stage_id) | (StageEvent.from_stage_id == stage_id))
        return session.scalar(select(func.count()).select_from(
            current.union(passed).subquery())) or 0

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
            redate_event(session, app, event, on, self._stage_rows(session, retired=True),
                         self._today())
            app.updated_at = self._now()

    @staticmethod
    def _check_free(session: object, name: str, own_id: int | None) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        clash = session.execute(select(Stage.id, Stage.retired_on).where(
            func.lower(Stage.name) == name.lower())).first()
        if clash is not None and clash[0] != own_id:
            if clash[1] is not None:
                # Names are unique, and a retired stage's history still shows its name.
                raise ValidationError("name", f"a removed stage named {name!r} still names "
                                              "past stage changes; choose another name")
            raise ValidationError("name", f"a stage named {name!r} already exists")
