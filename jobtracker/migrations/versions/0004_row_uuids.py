"""Applications, notes, interviews, contacts, tasks and stage events carry a stable UUID

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

A JSON backup imported twice, or into the database it came from, must match
what is already there instead of doubling it. Integer ids are
renumbered on import; a UUID made once per row stays with it in every copy.

SQLite can add a NOT NULL column only with a constant default, and rebuilding
the tables instead would cascade-delete their children (foreign keys are on
while migrating), so the column is added with DEFAULT '' and filled at once.
A trigger gives a fresh UUID to a row inserted without one (the app always
sets it; salvage and hand-written SQL may not), so '' never meets the unique
index twice.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("application", "note", "interview", "contact", "task", "stage_event")

# A random (version 4, RFC 4122 variant) UUID in its usual lower-case text form.
NEW_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)


def upgrade() -> None:
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN uuid VARCHAR(36) NOT NULL DEFAULT ''")
        op.execute(f"UPDATE {table} SET uuid = {NEW_UUID}")
        op.execute(f"CREATE UNIQUE INDEX ix_{table}_uuid ON {table} (uuid)")
        op.execute(f"CREATE TRIGGER {table}_uuid_ai AFTER INSERT ON {table} "
                   f"WHEN new.uuid = '' BEGIN "
                   f"UPDATE {table} SET uuid = {NEW_UUID} WHERE rowid = new.rowid; END")


def downgrade() -> None:
    raise NotImplementedError(
        "JobTracker does not downgrade; restore the backup taken before the upgrade"
    )
