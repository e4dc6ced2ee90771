"""Reading a JobTracker JSON export from disk, with plain messages for anything wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobtracker.errors import InputFileError

MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024  # documents are embedded, so this can be large


def read_json_export(path: Path) -> dict[str, Any]:
    """Parse a JSON export; InputFileError names the line and column of a syntax error."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputFileError(f"cannot read {path}: {error.strerror}") from error
    if size > MAX_BACKUP_BYTES:
        raise InputFileError(f"{path} is larger than 2 GB; not a JobTracker export")
    try:
        with path.open("rb") as handle:
            payload = json.load(handle)
    except UnicodeDecodeError as error:
        raise InputFileError(f"{path} is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise InputFileError(f"{path}: not valid JSON at line {error.lineno}, column "
                             f"{error.colno}: {error.msg}") from error
    except OSError as error:
        raise InputFileError(f"cannot read {path}: {error.strerror}") from error
    if not isinstance(payload, dict):
        raise InputFileError(f"{path} is not a JobTracker export (not a JSON object)")
    return payload
