"""The columns of JobTracker's own CSV export, in order, shared by export and import."""

from __future__ import annotations

from typing import Final

ID: Final = "ID"
COMPANY: Final = "Company"
TITLE: Final = "Title"
STAGE: Final = "Stage"
APPLIED: Final = "Applied"
LAST_CHANGE: Final = "Last change"
LOCATION: Final = "Location"
REMOTE: Final = "Remote"
SALARY_MIN: Final = "Salary min"
SALARY_MAX: Final = "Salary max"
CURRENCY: Final = "Currency"
SALARY_PERIOD: Final = "Salary period"
EMPLOYMENT_TYPE: Final = "Employment type"
PRIORITY: Final = "Priority"
TAGS: Final = "Tags"
URL: Final = "URL"
SOURCE: Final = "Source"
NEXT_INTERVIEW: Final = "Next interview"
FOLLOW_UP: Final = "Follow-up"
NOTES: Final = "Notes"

COLUMNS: Final[tuple[str, ...]] = (
    ID, COMPANY, TITLE, STAGE, APPLIED, LAST_CHANGE, LOCATION, REMOTE, SALARY_MIN, SALARY_MAX,
    CURRENCY, SALARY_PERIOD, EMPLOYMENT_TYPE, PRIORITY, TAGS, URL, SOURCE, NEXT_INTERVIEW,
    FOLLOW_UP, NOTES,
)  # fmt: skip

# Derived on export, so an import does not take them back (ID is assigned by the database;
# Next interview comes from the interviews). Notes holds the notes' text, newest first,
# and an import makes it one note.
READ_ONLY: Final = frozenset({ID, NEXT_INTERVIEW})

TAG_SEPARATOR: Final = "; "
