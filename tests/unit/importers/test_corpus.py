"""Every posting in tests/data/postings, served over real HTTP, gives its manifest's fields."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from jobtracker.importers import FetchOptions, NoPostingFound, import_posting

# Real postings with their expected fields, copied with their licences (tests/data/postings).
CORPUS = Path(__file__).resolve().parents[2] / "data" / "postings"
FAST = FetchOptions(connect_timeout=2, read_timeout=5, deadline=10, retries=0)


def _entries() -> list[tuple[str, dict[str, Any]]]:
    entries = []
    for folder in ("real", "examples"):
        for entry in json.loads((CORPUS / folder / "manifest.json").read_text("utf-8")):
            entries.append((folder, entry))
    return entries


ENTRIES = _entries()


def _path(folder: str, entry: dict[str, Any]) -> str:
    """The served path; for a list whose expected item is not the first, the URL names the
    job's id, as a real posting URL does (``.../frontend-developer-2091141``).
    """
    path = f"/{folder}/{entry['file']}"
    match = re.match(r"(\w+)\[(\d+)\]", entry["item"])
    if match and int(match[2]) > 0:
        data = json.loads((CORPUS / folder / entry["file"]).read_text("utf-8"))
        path += f"?job={data[match[1]][int(match[2])]['id']}"
    return path


def _imported(url: str, origin: str) -> dict[str, Any]:
    try:
        draft = import_posting(url, options=FAST)
    except NoPostingFound:
        return {"posting_found": False}
    found = {**draft.summary(), "posting_found": True}
    apply_url = found.get("apply_url")
    if isinstance(apply_url, str) and apply_url.startswith(origin):
        # A relative link joined to this stand-in server: the manifest counts a link whose
        # base is not in the file as null.
        found["apply_url"] = None
    return found


@pytest.mark.parametrize(("folder", "entry"), ENTRIES, ids=[e["file"] for _, e in ENTRIES])
def test_each_posting_gives_its_expected_fields(local_server, folder, entry):
    found = _imported(local_server.url(_path(folder, entry)), local_server.origin)
    expected = entry["expected"]
    if not expected["posting_found"]:
        assert found == {"posting_found": False}
        return
    wrong = {k: (found.get(k), v) for k, v in expected.items() if found.get(k) != v}
    assert not wrong, f"{entry['file']}: (got, expected) {wrong}"


def test_corpus_accuracy(local_server, accuracy_report):
    right = total = 0
    misses = []
    for folder, entry in ENTRIES:
        found = _imported(local_server.url(_path(folder, entry)), local_server.origin)
        for key, value in entry["expected"].items():
            total += 1
            got = found.get(key) if found["posting_found"] or key == "posting_found" else None
            if got == value:
                right += 1
            else:
                misses.append(f"{entry['file']} {key}: got {got!r}, expected {value!r}")
    share = right / total
    accuracy_report.update(right=right, total=total, share=share, files=len(ENTRIES),
                           misses=misses)
    print(f"posting import accuracy: {right}/{total} = {share:.1%}")
    assert share >= 0.95, "\n".join(misses)


def test_json_summary_has_exactly_the_cli_keys(local_server):
    draft = import_posting(local_server.url("/real/greenhouse-board-vercel.json"), options=FAST)
    assert list(draft.summary()) == [
        "title", "company", "location", "remote", "salary_min", "salary_max", "salary_currency",
        "salary_period", "employment_type", "date_posted", "valid_through", "apply_url",
        "source", "description_text"]
    assert draft.source == "greenhouse"
    assert draft.http_status == 200
    assert draft.final_url == draft.source_url
    assert draft.fetched_at is not None and draft.fetched_at.tzinfo is not None
    assert draft.raw_data and json.loads(draft.raw_data)["id"] == 6136160004
    # The entity-escaped content became real, sanitised HTML and plain text.
    assert draft.description_html and draft.description_html.startswith("<div>")
    assert draft.description_text and "About Vercel" in draft.description_text
    assert "&lt;" not in draft.description_text
