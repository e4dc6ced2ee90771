"""Writing a file whole or not at all: a hidden partial file beside it, synced, then renamed."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast


@contextlib.contextmanager
def _whole(target: Path, mode: str, **kwargs: Any) -> Iterator[IO[Any]]:
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open(mode, **kwargs) as handle:
            yield handle
            handle.flush()
            # A full disk may only show at the sync (network and delayed-allocation file
            # systems); and a renamed file that was never synced can be empty after a crash.
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException as error:
        # Any failure (a full disk, an error while exporting, Ctrl+C): no partial file is
        # left, and the target stays as it was.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError) and (not error.filename
                                           or error.filename == str(partial)):
            error.filename = str(target)  # the file the user named, never our partial one
        raise


@contextlib.contextmanager
def whole_text_file(target: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """``target`` opened for UTF-8 text, replaced only once everything was written."""
    with _whole(target, "w", encoding="utf-8", newline=newline) as handle:
        yield cast(TextIO, handle)


@contextlib.contextmanager
def whole_binary_file(target: Path) -> Iterator[BinaryIO]:
    """``target`` opened for bytes, replaced only once everything was written."""
    with _whole(target, "wb") as handle:
        yield cast(BinaryIO, handle)
