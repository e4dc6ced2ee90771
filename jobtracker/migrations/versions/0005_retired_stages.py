"""A stage can be retired: removed from use while its history keeps its name

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08

Stage events are kept for good and refer to their stages (ON DELETE RESTRICT),
so a stage any application was ever in cannot be deleted. Removing such a
stage moves its applications elsewhere and sets ``retired_on``; every stage
list and name lookup then skips it. A nullable column needs no default, and
ADD COLUMN leaves the table (and the events referring to it) untouched.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE stage ADD COLUMN retired_on DATE")


def downgrade() -> None:
    raise NotImplementedError(
        "JobTracker does not downgrade; restore the backup taken before the upgrade"
    )
