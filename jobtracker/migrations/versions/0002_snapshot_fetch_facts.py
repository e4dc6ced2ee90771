"""Posting snapshots keep the fetch facts and their own text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Importing from a URL archives where the posting really came from (the final
URL after redirects and the HTTP status) and the plain text of each snapshot,
so a re-import can show what changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posting_snapshot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("final_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column("http_status", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("description_text", sa.Text(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError(
        "JobTracker does not downgrade; restore the backup taken before the upgrade"
    )
