"""Turning an imported posting into what the tracker saves: an application and its snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jobtracker import money
from jobtracker.importers.draft import PostingDraft
from jobtracker.tracker.inputs import ApplicationInput, SnapshotInput

# Extraction methods are how we read a page, not where the job was found; for
# those the application's source is the site's host instead.
_METHODS = {"json-ld", "microdata", "rdfa", "opengraph", "html", "rss"}


@dataclass(frozen=True)
class ImportedApplication:
    """The inputs to save, plus the caveats to tell the user about."""

    application: ApplicationInput
    snapshot: SnapshotInput
    warnings: list[str] = field(default_factory=list)


def to_application(draft: PostingDraft, requested_url: str, *, now: dt.datetime
                   ) -> ImportedApplication:
    """Map a posting onto an ApplicationInput and SnapshotInput (not yet validated)."""
    warnings: list[str] = []
    page = draft.page_url or requested_url
    host = (urlsplit(page).hostname or "").removeprefix("www.")
    company = draft.company
    if not company:
        company = host or "Unknown company"
        warnings.append(f"the posting does not name the company; it was saved as {company!r}")
    salary: dict[str, object] = {}
    if draft.salary_currency and (draft.salary_min is not None or draft.salary_max is not None):
        try:
            salary = {
                "salary_min": money.to_minor(draft.salary_min, draft.salary_currency)
                if draft.salary_min is not None else None,
                "salary_max": money.to_minor(draft.salary_max, draft.salary_currency)
                if draft.salary_max is not None else None,
                "salary_currency": draft.salary_currency,
                "salary_period": draft.salary_period,
            }
        except ValueError as error:
            warnings.append(f"the salary was left out ({error})")
    elif draft.salary_min is not None or draft.salary_max is not None:
        warnings.append("the salary was left out: the posting does not say its currency")
    source = host if draft.source in _METHODS else draft.source.capitalize()
    application = ApplicationInput(
        title=draft.title,
        company=company,
        location=draft.location,
        remote=draft.remote,
        employment_type=draft.employment_type,
        url=draft.apply_url or page,
        source=source or None,
        description=draft.description_text,
        **salary,  # type: ignore[arg-type]
    )
    snapshot = SnapshotInput(
        source_url=draft.source_url or requested_url,
        final_url=draft.final_url,
        http_status=draft.http_status,
        fetched_at=draft.fetched_at or now,
        extractor=draft.source,
        title=draft.title,
        description_html=draft.description_html,
        description_text=draft.description_text,
        raw_data=draft.raw_data,
    )
    return ImportedApplication(application, snapshot, warnings)
