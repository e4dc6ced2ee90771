"""Reading applications from CSV: our own export, hand-made sheets, Huntr and Teal exports."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import enum
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeAlias

from dateutil import parser as date_parser

from jobtracker import money
from jobtracker.errors import InputFileError, ValidationError
from jobtracker.exchange import csv_columns as columns
from jobtracker.exchange.csv_cells import restore
from jobtracker.stage_words import find_stage
from jobtracker.tracker.applications import EARLIEST_EVENT_DATE
from jobtracker.tracker.inputs import MAX_TEXT, ApplicationInput, ApplicationRecord, optional_text
from jobtracker.tracker.rows import StageRow
from jobtracker.vocabulary import StageKind

MAX_FILE_BYTES = 40 * 1024 * 1024
# Above the 1 MB limit of a description, so an over-long one gets the field's own message.
FIELD_SIZE_LIMIT = 2 * 1024 * 1024
# No salary is this large in any currency; it also keeps minor units inside SQLite's int64.
MAX_SALARY = Decimal(money.MAX_SALARY)
_MAX_AMOUNT_TEXT = 200


@dataclass(frozen=True)
class CsvImport:
    """What ``read_csv`` found in a file.

    ``records`` are ready for ``Tracker.import_records``. They come in file order,
    except that a file whose every row has a numeric ID (our own export) is ordered by
    that ID, so a re-import into a new database hands out the same ids. Each record's
    ``extra["row"]`` is its spreadsheet row number (the header is row 1), to turn
    ``import_records``' "record N" back into a row. ``warnings`` are sentences for the
    user; ``ignored_columns`` are the header texts of columns that were not imported.
    """

    records: list[ApplicationRecord]
    warnings: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


class _F(enum.Enum):
    """What a column holds."""

    ID = "ID"
    COMPANY = "company"
    TITLE = "title"
    STAGE = "stage"
    APPLIED = "applied date"
    LAST_CHANGE = "date of the current stage"
    SAVED = "date saved"
    LOCATION = "location"
    REMOTE = "remote policy"
    SALARY = "salary"
    SALARY_MIN = "minimum salary"
    SALARY_MAX = "maximum salary"
    CURRENCY = "currency"
    PERIOD = "salary period"
    EMPLOYMENT = "employment type"
    PRIORITY = "priority"
    TAGS = "tags"
    URL = "URL"
    SOURCE = "source"
    NEXT_INTERVIEW = "next interview"
    FOLLOW_UP = "follow-up date"
    NOTES = "notes"
    DESCRIPTION = "description"

    # Members are singletons; identity hashing skips Enum's Python-level __hash__, which
    # dominated the per-cell lookups of a 50,000-row file.
    __hash__ = object.__hash__


# Builds the error for one cell of the row being read: ``fail(message, field)``.
_Fail: TypeAlias = Callable[[str, _F], InputFileError]
# The mapped cells of one row, restored and stripped.
_Values: TypeAlias = dict[_F, str]


# Header spellings per field. Besides our own export and common hand-made names, these
# cover what Huntr ("Job Title", "List", "Job URL", "Excitement", "Created At") and
# Teal ("Job Position", "Min Salary", "Date Saved", "Follow Up", "Job Description")
# write, as far as their exports are known.
_SPELLINGS: dict[_F, tuple[str, ...]] = {
    _F.ID: (columns.ID,),
    _F.COMPANY: (columns.COMPANY, "Company Name", "Employer", "Organization", "Organisation"),
    _F.TITLE: (columns.TITLE, "Position", "Role", "Job Title", "Job", "Job Position",
               "Position Title", "Job Name", "Role Title"),
    _F.STAGE: (columns.STAGE, "Status", "State", "Application Status", "Job Status", "List",
               "Pipeline Stage", "Stage Name"),
    _F.APPLIED: (columns.APPLIED, "Date Applied", "Application Date", "Applied On",
                 "Applied Date", "Applied At", "Date of Application"),
    _F.LAST_CHANGE: (columns.LAST_CHANGE, "Stage Date", "Status Date", "Stage Changed",
                     "Status Changed"),
    _F.SAVED: ("Date Saved", "Saved On", "Date Added", "Date Created", "Created At",
               "Created", "Added"),
    _F.LOCATION: (columns.LOCATION, "City", "Job Location"),
    _F.REMOTE: (columns.REMOTE, "Work Model", "Workplace Type", "Workplace", "Remote Policy",
                "Location Type", "Work Mode", "Work Arrangement"),
    _F.SALARY: ("Salary", "Compensation", "Pay", "Salary Range", "Pay Range", "Comp"),
    _F.SALARY_MIN: (columns.SALARY_MIN, "Min Salary", "Minimum Salary", "Salary From",
                    "Salary Low"),
    _F.SALARY_MAX: (columns.SALARY_MAX, "Max Salary", "Maximum Salary", "Salary To",
                    "Salary High"),
    _F.CURRENCY: (columns.CURRENCY, "Salary Currency"),
    _F.PERIOD: (columns.SALARY_PERIOD, "Pay Period", "Salary Per"),
    _F.EMPLOYMENT: (columns.EMPLOYMENT_TYPE, "Job Type", "Employment", "Contract Type"),
    _F.PRIORITY: (columns.PRIORITY, "Excitement", "Interest", "Interest Level",
                  "Excitement Level"),
    _F.TAGS: (columns.TAGS, "Labels", "Tag", "Label"),
    _F.URL: (columns.URL, "Link", "Job Link", "Job URL", "Posting URL", "Posting Link",
             "Job Posting URL", "Listing URL"),
    _F.SOURCE: (columns.SOURCE, "Job Board", "Found Via", "Found On"),
    _F.NEXT_INTERVIEW: (columns.NEXT_INTERVIEW,),
    _F.FOLLOW_UP: (columns.FOLLOW_UP, "Follow up", "Follow-up date", "Follow Up On",
                   "Follow Up By", "Next Follow-up"),
    _F.NOTES: (columns.NOTES, "Comments", "Note", "Comment"),
    _F.DESCRIPTION: ("Description", "Job Description"),
}


def normalise_header(text: str) -> str:
    """The key a header is matched by: case-folded, letters and digits only."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_ALIASES: dict[str, _F] = {normalise_header(spelling): key
                           for key, spellings in _SPELLINGS.items() for spelling in spellings}

# Header sets only our export writes: a file with one is ours (plain numbers; see Notes).
_OWN_MARKERS = (
    frozenset({normalise_header(columns.LAST_CHANGE)}),
    frozenset({normalise_header(columns.ID), normalise_header(columns.NEXT_INTERVIEW)}),
)

_DATE_FIELDS = (_F.APPLIED, _F.LAST_CHANGE, _F.SAVED, _F.FOLLOW_UP)

# What a ValidationError's field came from, first column present wins.
_ERROR_COLUMNS: dict[str, tuple[_F, ...]] = {
    "title": (_F.TITLE,), "company": (_F.COMPANY,), "stage": (_F.STAGE,),
    "location": (_F.LOCATION,), "remote": (_F.REMOTE,), "employment_type": (_F.EMPLOYMENT,),
    "salary_min": (_F.SALARY_MIN, _F.SALARY), "salary_max": (_F.SALARY_MAX, _F.SALARY),
    "salary_currency": (_F.CURRENCY, _F.SALARY, _F.SALARY_MIN, _F.SALARY_MAX),
    "salary_period": (_F.PERIOD, _F.SALARY), "url": (_F.URL,), "source": (_F.SOURCE,),
    "priority": (_F.PRIORITY,), "description": (_F.DESCRIPTION,), "tags": (_F.TAGS,),
    "notes": (_F.NOTES,), "applied_on": (_F.APPLIED,), "follow_up_on": (_F.FOLLOW_UP,),
}  # fmt: skip

_EMPLOYMENT_SYNONYMS = {"contractor": "contract", "freelance": "contract", "intern": "internship",
                        "temp": "temporary", "volunteering": "volunteer"}
_REMOTE_WORDS = {"yes": "remote", "y": "remote", "true": "remote", "no": "onsite", "n": "onsite",
                 "false": "onsite", "fully remote": "remote", "in person": "onsite"}
# Typed cells holding one of these mean "nothing here", as hand-made sheets write it.
_NOTHING = frozenset({"-", "–", "—", "n/a", "na", "none", "tbd", "?"})
_STARS = frozenset("★⭐☆✩\ufe0f")

# UTF-32 LE comes first: its BOM starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip


def read_csv(path: Path, *, stages: Sequence[StageRow], encoding: str | None = None,
             today: dt.date | None = None) -> CsvImport:
    """Read every application in the CSV file at ``path``; nothing is saved.

    ``stages`` are the database's stages (``Tracker.stages()``): status words map to
    them. ``encoding`` forces a text encoding instead of detecting it. With ``today``,
    applied and stage dates after it are refused here with their row, rather than by
    ``import_records``. Any problem with the file raises ``InputFileError`` naming the
    row (header = row 1) and column; no other exception comes from bad input.
    """
    text, notices = _decode(_read_bytes(path), encoding)
    rows = _parse_rows(text)
    return _Reader(rows, stages, today, notices).read()


# -- bytes and text ---------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    limit = f"files over {MAX_FILE_BYTES // 2**20} MiB are refused"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(f"the file is too large ({size / 2**20:.1f} MiB); {limit}")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputFileError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after stat(), or is not a regular file
        raise InputFileError(f"the file is too large; {limit}")
    return data


def _decode(data: bytes, encoding: str | None) -> tuple[str, list[str]]:
    notices: list[str] = []
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputFileError(f"unknown text encoding {encoding!r}") from None
        text = _strict_decode(data, encoding, encoding)
    else:
        bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
        if bom is None:
            bom = _utf16_without_bom(data)
        if bom is None or bom == "utf-8-sig":
            _refuse_nul_bytes(data)
        if bom is not None:
            text = _strict_decode(data, bom, bom.removesuffix("-sig").upper())
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError as error:
                    # The five bytes Windows-1252 leaves undefined: no text encoding we
                    # know fits, so say where the first one is.
                    raise InputFileError(
                        f"byte {error.start} (0x{data[error.start]:02X}) is neither UTF-8 nor "
                        "Windows-1252 text; save the file as UTF-8 CSV",
                        row=data.count(b"\n", 0, error.start) + 1) from None
                notices.append("the file is not UTF-8; it was read as Windows-1252 (Western "
                               "European). If letters look wrong, save it as UTF-8 CSV.")
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        raise InputFileError("the file contains NUL characters: it is binary, not CSV text",
                             row=text.count("\n", 0, nul) + 1)
    if not text.strip():
        raise InputFileError("the file is empty")
    return text, notices


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes are evidently UTF-16 text that lost its BOM.

    Such text (some "Unicode text" exports) has a NUL as the high byte of nearly every
    Latin character; a binary file's NULs fall anywhere. Without this it was refused as
    binary, which sent the user looking for a problem they do not have.
    """
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.9 * len(high) and 0 not in low:
            return codec
    return None


def _strict_decode(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        # error.object is what the codec saw: for utf-8-sig the bytes after the BOM.
        line = error.object[: error.start].decode(codec, errors="replace").count("\n") + 1
        raise InputFileError(f"the file is not valid {label} text (byte {error.start}); "
                             "save it as UTF-8 CSV", row=line) from None
    except (LookupError, ValueError) as error:  # a codec that cannot decode bytes at all
        raise InputFileError(f"cannot read the file as {label}: {error}") from None


def _refuse_nul_bytes(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputFileError("the file contains NUL bytes: it is binary (a spreadsheet "
                             "workbook?), not CSV text; save it as CSV",
                             row=data.count(b"\n", 0, nul) + 1)


def _delimiter(text: str) -> str:
    """Comma, unless the header line clearly uses ``;`` (European Excel) or TAB."""
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max((";", "\t"), key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def _parse_rows(text: str) -> list[tuple[int, list[str]]]:
    """Every record with its spreadsheet row number; a quoted line break stays in one row."""
    rows: list[tuple[int, list[str]]] = []
    # The limit is process-wide state: raised only while this file is read.
    previous = csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text),
                            strict=True)
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                raise InputFileError(_csv_message(str(error)), row=len(rows) + 1) from None
            rows.append((len(rows) + 1, cells))
    finally:
        csv.field_size_limit(previous)
    return rows


def _csv_message(error: str) -> str:
    if "field limit" in error:
        return (f"a cell is longer than {FIELD_SIZE_LIMIT // 2**20} MiB; "
                "is a closing quote missing?")
    if "unexpected end of data" in error:
        return "a quoted cell is never closed (a closing \" is missing)"
    if "expected after" in error:
        return f"a quote inside a quoted cell must be doubled (\"\"); {error}"
    return f"not valid CSV: {error}"


# -- rows to records --------------------------------------------------------------------------


@dataclass
class _Layout:
    """Which column holds which field, learned from the header."""

    index: dict[_F, int]
    names: dict[_F, str]
    header: list[str]  # every header cell, restored and stripped
    width: int  # header cells up to the last named one
    own: bool  # our own export: numbers are plain, a bare number in Notes a count

    def column(self, key: _F) -> str | None:
        return self.names.get(key)


class _Reader:
    """Turns parsed rows into records, with the state one file needs (layout, date order)."""

    def __init__(self, rows: list[tuple[int, list[str]]], stages: Sequence[StageRow],
                 today: dt.date | None, notices: list[str]) -> None:
        self.rows = rows
        self.stages = list(stages)
        self.today = today
        self.warnings = list(notices)
        self.ignored: list[str] = []
        self.day_first = False
        self.textless_salaries: list[int] = []
        open_stages = sorted((s for s in self.stages if s.kind == StageKind.OPEN),
                             key=lambda s: s.position)
        self.initial = open_stages[0] if open_stages else None
        self.applied = open_stages[1] if len(open_stages) > 1 else None

    def read(self) -> CsvImport:
        start = next((i for i, (_, cells) in enumerate(self.rows) if not _blank(cells)), None)
        if start is None:
            raise InputFileError("the file is empty")
        header_row, header = self.rows[start]
        layout = self._layout(header_row, header)
        data = self._data_rows(layout, self.rows[start + 1:], len(header))
        if not data:
            raise InputFileError("no applications after the header", row=header_row + 1)
        self._decide_date_order(layout, data)
        records = [self._record(layout, number, cells) for number, cells in data]
        records = self._ordered(layout, data, records)
        if self.ignored:
            self.warnings.append("ignored columns JobTracker does not know: "
                                 + ", ".join(self.ignored))
        if self.textless_salaries:
            shown = ", ".join(str(n) for n in self.textless_salaries[:10])
            more = " ..." if len(self.textless_salaries) > 10 else ""
            self.warnings.append(f"salaries without a number were left out (rows {shown}{more})")
        return CsvImport(records, self.warnings, self.ignored)

    # -- header -----------------------------------------------------------------------------

    def _layout(self, row: int, header: list[str]) -> _Layout:
        names = [restore(cell).strip() for cell in header]
        keys = [normalise_header(name) for name in names]
        own = any(marker <= set(keys) for marker in _OWN_MARKERS)
        index: dict[_F, int] = {}
        for position, (name, key) in enumerate(zip(names, keys, strict=True)):
            if not name:
                continue
            found = _ALIASES.get(key)
            if found is None:
                self.ignored.append(name)
                continue
            if found in index:
                first = names[index[found]]
                raise InputFileError(f"columns {first!r} and {name!r} both hold the "
                                     f"{found.value}; delete or rename one", row=row,
                                     column=name)
            if found == _F.NEXT_INTERVIEW and not own:
                self.ignored.append(name)  # someone else's: worth telling it was not read
            index[found] = position
        missing = [label for key, label in ((_F.COMPANY, "Company"), (_F.TITLE, "Title"))
                   if key not in index]
        if missing:
            found_text = ", ".join(repr(n) for n in names if n) or "none"
            raise InputFileError(f"the file needs a Company and a Title column; missing: "
                                 f"{', '.join(missing)} (headers found: {found_text})", row=row)
        width = max((i + 1 for i, name in enumerate(names) if name), default=0)
        return _Layout(index, {key: names[i] for key, i in index.items()}, names, width, own)

    def _data_rows(self, layout: _Layout, rows: list[tuple[int, list[str]]], header_cells: int
                   ) -> list[tuple[int, list[str]]]:
        data = []
        unnamed: set[int] = set()
        nameless = [i for i, name in enumerate(layout.header) if not name]
        for number, cells in rows:
            if _blank(cells):
                continue
            if len(cells) < layout.width:
                raise InputFileError(f"row has {len(cells)} cells, the header has "
                                     f"{layout.width}", row=number,
                                     column=layout.header[len(cells)] or None)
            if len(cells) > header_cells:
                last = max((i for i in range(header_cells, len(cells)) if cells[i].strip()),
                           default=None)
                if last is not None:
                    raise InputFileError(f"row has {last + 1} cells, the header has "
                                         f"{header_cells}", row=number)
            if len(unnamed) < len(nameless):
                unnamed.update(i for i in nameless if i < len(cells) and cells[i].strip())
            data.append((number, cells))
        if unnamed:
            where = ", ".join(str(i + 1) for i in sorted(unnamed))
            self.warnings.append(f"columns without a header were ignored (column {where})")
        return data

    # -- dates ------------------------------------------------------------------------------

    def _decide_date_order(self, layout: _Layout, data: list[tuple[int, list[str]]]) -> None:
        """Day/month or month/day for the whole file, from values that can only be one."""
        day_first: tuple[int, str] | None = None
        month_first: tuple[int, str] | None = None
        ambiguous: str | None = None
        for key in _DATE_FIELDS:
            position = layout.index.get(key)
            if position is None:
                continue
            for number, cells in data:
                match = _NUMERIC_DATE.fullmatch(restore(cells[position]).strip())
                if match is None or match["sep"] == ".":
                    continue
                first, second = int(match["a"]), int(match["b"])
                if first > 12:
                    day_first = day_first or (number, layout.names[key])
                elif second > 12:
                    month_first = month_first or (number, layout.names[key])
                elif first != second and ambiguous is None:
                    ambiguous = match.group(0)
        if day_first and month_first:
            later = max(day_first, month_first)
            raise InputFileError(
                f"dates mix day/month/year (row {day_first[0]}) and month/day/year "
                f"(row {month_first[0]}); use one order, best YYYY-MM-DD",
                row=later[0], column=later[1])
        self.day_first = day_first is not None
        if day_first:
            self.warnings.append(f"dates were read as day/month/year (the one in row "
                                 f"{day_first[0]} can only be read so)")
        elif ambiguous and not month_first:
            self.warnings.append(f"dates such as {ambiguous} could be month/day or day/month; "
                                 "they were read as month/day/year (US). Write YYYY-MM-DD "
                                 "to be sure.")

    def _date(self, layout: _Layout, values: _Values, number: int, key: _F) -> dt.date | None:
        text = values.get(key, "")
        if not text or text.casefold() in _NOTHING:
            return None
        try:
            return parse_date(text, day_first=self.day_first)
        except ValueError as error:
            raise InputFileError(str(error), row=number, column=layout.column(key)) from None

    # -- one row ----------------------------------------------------------------------------

    def _record(self, layout: _Layout, number: int, cells: list[str]) -> ApplicationRecord:
        values: _Values = {key: restore(cells[i]).strip() for key, i in layout.index.items()}

        def cell(key: _F) -> str:
            return values.get(key, "")

        def fail(message: str, key: _F) -> InputFileError:
            return InputFileError(message, row=number, column=layout.column(key))

        stage = self._stage(cell(_F.STAGE), fail)
        applied_on = self._date(layout, values, number, _F.APPLIED)
        stage_on = self._date(layout, values, number, _F.LAST_CHANGE)
        saved_on = self._date(layout, values, number, _F.SAVED)
        follow_up = self._date(layout, values, number, _F.FOLLOW_UP)
        if self.today is not None:
            for key, value in ((_F.APPLIED, applied_on), (_F.LAST_CHANGE, stage_on),
                               (_F.SAVED, saved_on)):
                if value is not None and value > self.today:
                    raise fail(f"{value.isoformat()} is in the future", key)
        for key, value in ((_F.APPLIED, applied_on), (_F.LAST_CHANGE, stage_on),
                           (_F.SAVED, saved_on)):
            if value is not None and value < EARLIEST_EVENT_DATE:
                raise fail(f"{value.isoformat()} is before 1970", key)
        if (stage is not None and applied_on is not None and self.initial is not None
                and stage.id == self.initial.id):
            raise fail(f"an application at {stage.name} has not been sent yet; leave out the "
                       "applied date or give a later stage", _F.APPLIED)
        if (stage is not None and applied_on is not None and stage_on is not None
                and self.applied is not None and stage.position > self.applied.position
                and applied_on > stage_on):
            # The Applied step comes first; dropping it would lose the applied date.
            raise fail(f"applied on {applied_on.isoformat()}, after the {stage.name} date "
                       f"{stage_on.isoformat()}", _F.APPLIED)
        salary_min, salary_max, currency, period = self._salary(layout, values, number, fail)
        notes_text = cell(_F.NOTES)
        if layout.own and notes_text.isdigit():
            # Older exports held the count of notes here; now it is their text
            # (one note on import), but a bare number in our own file is still a count.
            notes_text = ""
        draft = ApplicationInput(
            title=cell(_F.TITLE),
            company=cell(_F.COMPANY),
            stage=stage.name if stage else None,
            location=cell(_F.LOCATION) or None,
            remote=_remote(cell(_F.REMOTE)),
            employment_type=_employment(cell(_F.EMPLOYMENT)),
            salary_min=salary_min,
            salary_max=salary_max,
            salary_currency=currency,
            salary_period=period,
            url=_url(cell(_F.URL)),
            source=cell(_F.SOURCE) or None,
            priority=self._priority(cell(_F.PRIORITY), fail),
            applied_on=applied_on,
            follow_up_on=follow_up,
            description=cell(_F.DESCRIPTION) or None,
            tags=_tags(cell(_F.TAGS), layout.own),
        )
        try:
            draft = draft.validated()
            note = optional_text("notes", notes_text, MAX_TEXT)
        except ValidationError as error:
            sources = _ERROR_COLUMNS.get(error.field, ())
            source = next((k for k in sources if k in layout.index), None)
            raise InputFileError(error.reason, row=number,
                                 column=layout.column(source) if source else error.field
                                 ) from None
        return ApplicationRecord(
            application=draft,
            events=self._events(stage, applied_on, stage_on, saved_on),
            notes=((note, None),) if note else (),
            extra={"row": number},
        )

    def _stage(self, text: str, fail: _Fail) -> StageRow | None:
        if not text:
            return None
        found = find_stage(text, self.stages)
        if found is None:
            valid = ", ".join(stage.name for stage in self.stages)
            raise fail(f"unknown status {text!r}; valid stages: {valid}", _F.STAGE)
        return found

    def _events(self, stage: StageRow | None, applied_on: dt.date | None,
                stage_on: dt.date | None, saved_on: dt.date | None
                ) -> tuple[tuple[str, dt.date], ...]:
        """The dated steps the file tells of; empty lets the tracker date the stage itself.

        Like the tracker's ``initial_history``: the current stage dated by its column
        (or by the applied/saved date when it is that stage), preceded by the Applied
        and Saved steps it evidently went through when their dates are known and earlier.
        """
        if stage is None:
            return ()
        applied, initial = self.applied, self.initial
        if applied is not None and stage.id == applied.id and applied_on is not None:
            # The Applied event is dated by the applied date, whatever the last change says.
            stage_on = applied_on
        if stage_on is None:
            if applied is not None and stage.id == applied.id:
                stage_on = applied_on
            elif initial is not None and stage.id == initial.id:
                stage_on = saved_on
            if stage_on is None:
                return ()
        steps: list[tuple[StageRow, dt.date]] = [(stage, stage_on)]
        if (applied_on is not None and applied is not None and stage.id != applied.id
                and stage.position > applied.position):
            steps.insert(0, (applied, applied_on))
        if saved_on is not None and initial is not None and stage.id != initial.id:
            steps.insert(0, (initial, saved_on))
        # Keep only steps that come before the next one, so the last event stays the stage.
        kept = [steps[-1]]
        for step in reversed(steps[:-1]):
            if step[1] <= kept[0][1]:
                kept.insert(0, step)
        return tuple((s.name, on) for s, on in kept)

    def _priority(self, text: str, fail: _Fail) -> int:
        if not text or text.casefold() in _NOTHING:
            return 3
        if set(text) <= _STARS:
            value = sum(1 for ch in text if ch in "★⭐")
        elif re.fullmatch(r"\d{1,3}(?:\.0+)?", text):
            value = int(text.split(".")[0])
        else:
            raise fail(f"{text!r} is not a priority; write a whole number from 1 to 5",
                       _F.PRIORITY)
        if not 1 <= value <= 5:
            raise fail(f"priority {text!r} is outside 1 to 5", _F.PRIORITY)
        return value

    def _salary(self, layout: _Layout, values: _Values, number: int, fail: _Fail
                ) -> tuple[int | None, int | None, str | None, str | None]:
        def cell(key: _F) -> str:
            return values.get(key, "")

        currency = cell(_F.CURRENCY).upper() or None
        period_text = cell(_F.PERIOD)
        period = (money.parse_period(period_text) or period_text) if period_text else None
        found_currency: str | None = None
        found_period: str | None = None
        amounts: dict[_F, Decimal] = {}
        for key in (_F.SALARY_MIN, _F.SALARY_MAX):
            text = cell(key)
            if not text or text.casefold() in _NOTHING:
                continue
            low, high, code, per = self._amounts(text, layout.own, fail, key)
            if low != high:
                raise fail(f"{text!r} is a range; write one amount", key)
            amounts[key] = low
            found_currency = found_currency or code
            found_period = found_period or per
        blame = _F.SALARY_MIN if _F.SALARY_MIN in amounts else _F.SALARY_MAX
        free = cell(_F.SALARY)
        if not amounts and free and free.casefold() not in _NOTHING:
            if not any(ch.isdigit() for ch in free):
                self.textless_salaries.append(number)  # "Competitive", "DOE"
            else:
                low, high, found_currency, found_period = self._amounts(free, False, fail,
                                                                        _F.SALARY)
                amounts = {_F.SALARY_MIN: low, _F.SALARY_MAX: high}
                blame = _F.SALARY
        if not amounts:
            return None, None, currency, period
        currency = currency or found_currency
        period = period or found_period
        if currency is None:
            if _F.CURRENCY in layout.index:
                raise fail("a currency is needed when a salary is given", _F.CURRENCY)
            raise fail("the salary has no currency: write it in the cell (USD, EUR, $, €) "
                       "or add a Currency column", blame)
        minor: dict[_F, int] = {}
        for key, amount in amounts.items():
            column = blame if blame == _F.SALARY else key
            if amount > MAX_SALARY:
                raise fail(f"{amount} is not a believable salary", column)
            try:
                minor[key] = money.to_minor(amount, currency)
            except ValueError as error:
                raise fail(str(error), column) from None
        return minor.get(_F.SALARY_MIN), minor.get(_F.SALARY_MAX), currency, period

    @staticmethod
    def _amounts(text: str, plain: bool, fail: _Fail, key: _F
                 ) -> tuple[Decimal, Decimal, str | None, str | None]:
        # Our own export writes plain numbers; reading them as such keeps 1.234 BHD exact
        # where a hand-made sheet's 120.000 means a hundred and twenty thousand.
        if plain and _PLAIN_NUMBER.fullmatch(text):
            return Decimal(text), Decimal(text), None, None
        if len(text) > _MAX_AMOUNT_TEXT:
            raise fail("is too long for a salary", key)
        try:
            low, high, code, period = money.parse_salary_text(text)
        except (ValueError, ArithmeticError):
            raise fail(f"{text!r} is not a salary; write e.g. 120000, 62.50 or "
                       "\"$120,000 - $150,000 / year\"", key) from None
        if low is None or high is None:
            raise fail(f"{text!r} has no amount", key)
        if low > high:
            raise fail(f"{text!r}: the minimum is larger than the maximum", key)
        return low, high, code, period

    def _ordered(self, layout: _Layout, data: list[tuple[int, list[str]]],
                 records: list[ApplicationRecord]) -> list[ApplicationRecord]:
        position = layout.index.get(_F.ID)
        if position is None:
            return records
        ids = [restore(cells[position]).strip() for _, cells in data]
        if not all(_PLAIN_ID.fullmatch(value) for value in ids):
            return records
        order = sorted(range(len(records)), key=lambda i: int(ids[i]))
        return [records[i] for i in order]


_PLAIN_NUMBER = re.compile(r"\d{1,20}(?:\.\d{1,6})?")
_PLAIN_ID = re.compile(r"\d{1,18}")
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_FIRST = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*")
_MONTH_NAME = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Two defaults that differ in every part: a date that parses the same with both was
# complete, so dateutil never fills in a missing day, month or year on the quiet.
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def parse_date(text: str, *, day_first: bool = False) -> dt.date:
    """Read a spreadsheet date: ISO, ``11/03/2026`` (order by ``day_first``), ``Nov 3, 2026``.

    A time after the date (``2026-11-03T10:00:00``) is allowed and dropped. Raises
    ValueError with a message for the user when the text is not a whole, valid date.
    """
    text = text.strip()
    try:
        if match := _ISO_DATE.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _YEAR_FIRST.fullmatch(text):
            return dt.date(int(match[1]), int(match[3]), int(match[4]))
        if _ISO_DATETIME.fullmatch(text):
            return dt.datetime.fromisoformat(text).date()
        if match := _NUMERIC_DATE.fullmatch(text):
            first, second = int(match["a"]), int(match["b"])
            year = int(match["year"])
            if len(match["year"]) == 2:
                year += 2000
            if match["sep"] == "." or day_first:
                return dt.date(year, second, first)
            return dt.date(year, first, second)
        if _MONTH_NAME.search(text) and _FOUR_DIGITS.search(text) and len(text) <= 60:
            return _named_month_date(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a valid date ({error})") from None
    raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD")


def _named_month_date(text: str) -> dt.date:
    try:
        first, second = (date_parser.parse(text, default=default, fuzzy=False, ignoretz=True)
                         for default in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        raise ValueError("not a date dateutil can read") from None
    day: dt.date = first.date()
    if day != second.date():
        raise ValueError("the day, month or year is missing")
    return day


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _remote(text: str) -> str | None:
    if not text:
        return None
    return _REMOTE_WORDS.get(text.casefold(), text)


def _employment(text: str) -> str | None:
    if not text:
        return None
    return _EMPLOYMENT_SYNONYMS.get(text.casefold(), text)


def _url(text: str) -> str | None:
    if not text:
        return None
    if text.casefold().startswith("www."):  # what people paste from the address bar
        return "https://" + text
    return text


def _tags(text: str, own: bool) -> tuple[str, ...]:
    if not text:
        return ()
    # Our export joins with "; ". Other sheets use commas unless they use semicolons.
    separator = ";" if own or ";" in text else ","
    return tuple(part.strip() for part in text.split(separator) if part.strip())
