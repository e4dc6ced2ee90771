"""Alembic environment: migrates the connection handed in by jobtracker.db, never a URL."""

from __future__ import annotations

from alembic import context

from jobtracker.migrations import include_object
from jobtracker.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("JobTracker migrations run through jobtracker.db.open_database()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only change most columns by rebuilding the table
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
