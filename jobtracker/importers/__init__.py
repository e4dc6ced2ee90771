"""Import a job posting from a URL into a PostingDraft (no database, no Qt, network on demand).

``import_posting(url)`` asks the ATS's public JSON API when the URL is a known ATS posting
(better data: pay ranges), otherwise fetches the page; ``extract`` reads a body already
fetched. Both raise ``PostingImportError`` subclasses whose message is one plain line.
``to_application`` maps a draft onto the tracker's inputs. This package is the importers'
whole API: callers outside it (the UI, the CLI) import from here, never a submodule.
"""

from __future__ import annotations

import dataclasses
import threading

from jobtracker.importers.ats import ApiCall, api_call, recognise
from jobtracker.importers.draft import SUMMARY_KEYS, PostingDraft
from jobtracker.importers.errors import (
    FetchCancelled,
    FetchError,
    NoPostingFound,
    PostingImportError,
)
from jobtracker.importers.extract import extract
from jobtracker.importers.fetch import ACCEPT_JSON, FetchOptions, FetchResult, check_url, fetch
from jobtracker.importers.to_application import ImportedApplication, to_application

__all__ = [
    "SUMMARY_KEYS",
    "ApiCall",
    "FetchCancelled",
    "FetchError",
    "FetchOptions",
    "FetchResult",
    "ImportedApplication",
    "NoPostingFound",
    "PostingDraft",
    "PostingImportError",
    "api_call",
    "check_url",
    "extract",
    "fetch",
    "import_posting",
    "recognise",
    "to_application",
]


def import_posting(url: str, *, cancel: threading.Event | None = None,
                   timeout: float = 30.0, options: FetchOptions | None = None,
                   use_api: bool = True) -> PostingDraft:
    """Fetch ``url`` and read the one posting it shows.

    ``timeout`` is the total deadline in seconds (``options`` sets every limit); ``cancel``
    is checked between chunks and retries. A known ATS posting URL is read through the
    ATS's public API first, falling back to the page itself.
    """
    url = check_url(url)
    opts = options or FetchOptions(deadline=timeout)
    call = api_call(url) if use_api else None
    if call is not None:
        try:
            result = fetch(call.url, cancel=cancel, options=opts, accept=ACCEPT_JSON)
            draft = extract(result.text, result.content_type, url, job_id=call.job_id,
                            board=call.board)
            return _with_fetch(draft, url, result)
        except FetchCancelled:
            raise
        except PostingImportError:
            pass  # the page itself may still carry the posting
    result = fetch(url, cancel=cancel, options=opts)
    draft = extract(result.text, result.content_type, result.final_url)
    return _with_fetch(draft, url, result)


def _with_fetch(draft: PostingDraft, url: str, result: FetchResult) -> PostingDraft:
    return dataclasses.replace(draft, source_url=url, final_url=result.final_url,
                               http_status=result.status, fetched_at=result.fetched_at)
