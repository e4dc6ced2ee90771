"""Failures of a posting import, each one plain line for the user."""

from __future__ import annotations

from jobtracker.errors import JobTrackerError


class PostingImportError(JobTrackerError):
    """A posting could not be imported; ``str(error)`` says why in one line."""


class FetchError(PostingImportError):
    """The page could not be fetched: bad address, HTTP status, timeout, too large."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class FetchCancelled(FetchError):
    """The user cancelled the import."""


class NoPostingFound(PostingImportError):
    """The page was fetched but holds no job posting (closed ad, empty list, app shell)."""
