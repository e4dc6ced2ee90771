"""Alembic migrations, run from code: script_location points here, no .ini in the cwd."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

# The newest revision this version knows. Opening a database at this revision
# skips importing Alembic at all, which keeps headless commands quick; a test
# checks that it equals the head of versions/.
HEAD = "0005"

# Tables Alembic must neither create nor compare: the FTS5 index and its shadow
# tables are maintained by SQL in the migrations, not by the ORM.
FTS_TABLE = "application_fts"


def script_location() -> Path:
    """The folder holding env.py and versions/, also inside a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    if base is not None:
        bundled = Path(base) / "jobtracker" / "migrations"
        if bundled.is_dir():
            return bundled
    return Path(__file__).resolve().parent


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """Keep the FTS index and its shadow tables out of autogenerate comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config bound to ``connection`` (migrations then run inside its transaction)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Every revision in versions/; a database at any other revision is from a newer app."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def script_head() -> str:
    """The head revision according to the scripts themselves."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
