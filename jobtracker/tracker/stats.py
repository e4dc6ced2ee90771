"""Statistics of the search, computed from stage events rather than guessed from current state."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from jobtracker.models import Application, Stage, StageEvent
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.rows import FunnelStep, StageCount, Stats
from jobtracker.vocabulary import StageKind


class StatsMixin(TrackerBase):
    """Counts per stage and the funnel."""

    def stats(self) -> Stats:
        """Headline numbers over live applications."""
        with self.db.read() as session:
            stages = self._stage_rows(session)
            counts = dict(session.execute(
                select(Application.stage_id, func.count(Application.id))
                .where(Application.deleted_at.is_(None)).group_by(Application.stage_id)
            ).all())
            # Furthest non-lost stage each application ever reached: a rejection
            # after an interview still counts as having reached the interview.
            furthest = session.execute(
                select(StageEvent.application_id, func.max(Stage.position))
                .join(Stage, Stage.id == StageEvent.to_stage_id)
                .join(Application, Application.id == StageEvent.application_id)
                .where(Stage.kind != StageKind.LOST, Application.deleted_at.is_(None))
                .group_by(StageEvent.application_id)
            ).all()
        reached_positions = Counter(position for _, position in furthest)
        funnel: list[FunnelStep] = []
        previous: int | None = None
        for stage in stages:
            if stage.kind == StageKind.LOST:
                continue
            reached = sum(n for position, n in reached_positions.items()
                          if position >= stage.position)
            rate = reached / previous if previous else None
            funnel.append(FunnelStep(stage.name, reached, rate))
            previous = reached
        by_stage = tuple(StageCount(stage, counts.get(stage.id, 0)) for stage in stages)
        by_kind: Counter[str] = Counter()
        for item in by_stage:
            by_kind[item.stage.kind.value] += item.count
        return Stats(total=sum(counts.values()), by_stage=by_stage, funnel=tuple(funnel),
                     by_kind=dict(by_kind))
