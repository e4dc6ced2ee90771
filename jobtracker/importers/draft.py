"""PostingDraft: what an importer hands back, plain values only and never saved by itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

# The keys of ``PostingDraft.summary()``, in order: the JSON the CLI prints.
SUMMARY_KEYS = (
    "title", "company", "location", "remote", "salary_min", "salary_max", "salary_currency",
    "salary_period", "employment_type", "date_posted", "valid_through", "apply_url", "source",
    "description_text",
)  # fmt: skip


@dataclass(frozen=True)
class PostingDraft:
    """One job posting as read from a page or an ATS payload, normalised.

    Salaries are exact major-unit amounts (``Decimal('62.50')``); ``source`` names the ATS
    or the extraction method; the fetch facts (URLs, status, time) let the tracker archive
    a posting snapshot.
    """

    title: str
    company: str | None = None
    location: str | None = None
    remote: str | None = None
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    employment_type: str | None = None
    date_posted: dt.date | None = None
    valid_through: dt.date | None = None
    apply_url: str | None = None
    source: str = "html"
    description_html: str | None = None
    description_text: str | None = None
    raw_data: str | None = None
    source_url: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    fetched_at: dt.datetime | None = None

    def summary(self) -> dict[str, Any]:
        """The fields as JSON-ready plain values (numbers, ISO dates, None)."""
        values = asdict(self)
        out: dict[str, Any] = {}
        for key in SUMMARY_KEYS:
            value = values[key]
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            out[key] = value
        return out

    @property
    def page_url(self) -> str | None:
        """Where the posting lives: the apply link, else the page that was fetched."""
        return self.apply_url or self.final_url or self.source_url
