"""Shared plumbing of the use-case mixins: the database, the clock, name lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobtracker.db import Database
from jobtracker.errors import NotFoundError, UnknownStageError, ValidationError
from jobtracker.models import Application, Company, Stage, Tag, utcnow
from jobtracker.stage_words import find_stage
from jobtracker.tracker.rows import StageRow
from jobtracker.vocabulary import StageKind


class TrackerBase:
    """Holds the open database; every public method of a mixin is one user action."""

    def __init__(self, db: Database, *, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] = utcnow) -> None:
        self.db = db
        self._today = today
        self._now = now

    def today(self) -> dt.date:
        """The local date this tracker considers today (injected in tests)."""
        return self._today()

    def now(self) -> dt.datetime:
        """The current UTC time as this tracker sees it."""
        return self._now()

    # -- lookups used inside a session -------------------------------------------------------

    @staticmethod
    def _stage_rows(session: Session, *, retired: bool = False) -> list[StageRow]:
        """The stages in board order; with ``retired``, also those only history still names.

        Lookups, pickers and new history use the default; anything reading stage
        events by id must pass ``retired=True``, since old events may name a retired one.
        """
        query = select(Stage.id, Stage.name, Stage.kind, Stage.position, Stage.color,
                       Stage.retired_on).order_by(Stage.position, Stage.id)
        if not retired:
            query = query.where(Stage.retired_on.is_(None))
        return [StageRow(*row) for row in session.execute(query)]

    def _find_stage(self, session: Session, name: str) -> StageRow:
        stages = self._stage_rows(session)
        found = find_stage(name, stages)
        if found is None:
            valid = ", ".join(stage.name for stage in stages)
            retired = find_stage(name, [s for s in self._stage_rows(session, retired=True)
                                        if s.retired_on is not None])
            if retired is not None:
                raise UnknownStageError("stage", f"the stage {retired.name!r} was removed; "
                                                 f"valid stages: {valid}")
            raise UnknownStageError("stage", f"no stage named {name!r}; valid stages: {valid}")
        return found

    def _initial_stage(self, session: Session) -> StageRow:
        stages = [s for s in self._stage_rows(session) if s.kind == StageKind.OPEN]
        if not stages:
            raise ValidationError("stage", "there is no open stage to start in")
        return stages[0]

    @staticmethod
    def _company_id(session: Session, name: str) -> int:
        """The id of the company with this name (any case), created when new."""
        found = session.scalar(select(Company.id).where(Company.name == name))
        if found is not None:
            return found
        company = Company(name=name)
        session.add(company)
        session.flush()
        return company.id

    @staticmethod
    def _tags(session: Session, names: tuple[str, ...]) -> list[Tag]:
        if not names:
            return []
        existing = {
            tag.name.casefold(): tag
            for tag in session.scalars(select(Tag).where(Tag.name.in_(names)))
        }
        tags = []
        for name in names:
            tag = existing.get(name.casefold())
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
                existing[name.casefold()] = tag
            tags.append(tag)
        return tags

    @staticmethod
    def _application(session: Session, application_id: int, *, trashed: bool | None = False
                     ) -> Application:
        app = session.get(Application, application_id)
        if app is None:
            raise NotFoundError(f"no application with id {application_id}")
        if trashed is False and app.deleted_at is not None:
            # It exists: "no application" would send the user looking for lost data.
            raise NotFoundError(f"application {application_id} is in the trash "
                                "(restore it first)")
        if trashed is True and app.deleted_at is None:
            raise NotFoundError(f"application {application_id} is not in the trash")
        return app
