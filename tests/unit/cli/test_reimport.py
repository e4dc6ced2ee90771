"""Importing the same backup or sheet again, as real processes: merged or skipped, never doubled."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.test_main import assert_one_line_error, jt, ok


def _tables(db: Path, tmp_path: Path) -> dict[str, list[dict[str, object]]]:
    out = tmp_path / "now.json"
    ok(jt(db, "export", "json", "-o", str(out)))
    tables: dict[str, list[dict[str, object]]] = json.loads(out.read_text())["tables"]
    return tables


def _search(db: Path) -> None:
    ok(jt(db, "add", "--title", "Backend Engineer", "--company", "Acme", "--applied",
          "2026-11-02", "--url", "https://jobs.example.com/acme/1"))
    ok(jt(db, "note", "1", "first note"))
    ok(jt(db, "move", "1", "Screening"))
    ok(jt(db, "add", "--title", "SRE", "--company", "Globex"))


def test_a_json_backup_imported_twice_is_merged_not_doubled(db_path: Path, tmp_path: Path):
    _search(db_path)
    backup = tmp_path / "backup.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    before = _tables(db_path, tmp_path)

    result = jt(db_path, "import", "json", str(backup))

    assert ok(result).splitlines() == [
        "0 applications imported; 2 already present, kept as in the database",
        "already present: 1 note, 3 stage changes"]
    assert _tables(db_path, tmp_path) == before
    # Into another database: added once, then matched.
    other = tmp_path / "other.db"
    assert ok(jt(other, "import", "json", str(backup))).splitlines()[0] == (
        "2 applications imported")
    assert ok(jt(other, "import", "json", str(backup))).splitlines()[0] == (
        "0 applications imported; 2 already present, kept as in the database")
    assert len(json.loads(ok(jt(other, "list", "--format", "json")))) == 2


def test_a_new_note_in_the_backup_joins_the_application_already_present(db_path: Path,
                                                                        tmp_path: Path):
    _search(db_path)
    other = tmp_path / "other.db"
    backup = tmp_path / "backup.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    ok(jt(other, "import", "json", str(backup)))
    ok(jt(db_path, "note", "1", "written after the first import"))
    ok(jt(db_path, "move", "1", "Rejected"))
    ok(jt(db_path, "export", "json", "-o", str(backup)))

    result = jt(other, "import", "json", str(backup))

    assert ok(result).splitlines() == [
        "0 applications imported; 2 already present, kept as in the database (1 differs from "
        "the file)",
        "added: 1 note; already present: 1 note, 3 stage changes"]
    assert result.stderr == ("jobtracker: warning: 1 stage change of applications already "
                             "present left out: their history stays as it is in the database\n")
    detail = json.loads(ok(jt(other, "show", "1", "--format", "json")))
    assert sorted(note["body"] for note in detail["notes"]) == [
        "first note", "written after the first import"]
    assert detail["stage"] == "Screening"


def test_an_invalid_row_names_file_table_row_and_field_and_imports_nothing(db_path: Path,
                                                                          tmp_path: Path):
    _search(db_path)
    backup = tmp_path / "backup.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    payload = json.loads(backup.read_text())
    payload["tables"]["application"][1]["title"] = "x" * 1_000_000
    backup.write_text(json.dumps(payload))
    other = tmp_path / "other.db"

    assert_one_line_error(jt(other, "import", "json", str(backup)), 1,
                          f"{backup}: table application, row 2, field title: is longer than "
                          "300 characters")
    payload["tables"]["application"][1]["title"] = "SRE"
    payload["tables"]["application"][0]["salary_min"] = -500
    payload["tables"]["application"][0]["salary_currency"] = "EUR"
    backup.write_text(json.dumps(payload))
    assert_one_line_error(jt(other, "import", "json", str(backup)), 1,
                          "table application, row 1, field salary_min: must not be negative")
    assert json.loads(ok(jt(other, "list", "--format", "json"))) == []


SHEET = ("Company,Title,URL,Applied\n"
         "Acme,Backend Engineer,HTTPS://Jobs.Example.com/acme/1/,\n"  # same posting URL
         "globex,sre,,\n"  # same company (any case), title and applied date (none)
         "Initech,Data Engineer,,2026-11-03\n")


def test_a_sheet_imported_again_skips_the_rows_already_tracked(db_path: Path, tmp_path: Path):
    _search(db_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")

    dry = ok(jt(db_path, "import", "csv", str(sheet), "--dry-run"))
    assert dry == ("1 application would be imported; 2 already tracked, would be skipped "
                   "(rows 2, 3; --allow-duplicates imports them too) (dry run: nothing "
                   "saved)\n")
    assert ok(jt(db_path, "import", "csv", str(sheet))) == (
        "1 application imported; 2 already tracked, skipped (rows 2, 3; --allow-duplicates "
        "imports them too)\n")
    assert ok(jt(db_path, "import", "csv", str(sheet))) == (
        "0 applications imported; 3 already tracked, skipped (rows 2, 3, 4; "
        "--allow-duplicates imports them too)\n")
    assert len(json.loads(ok(jt(db_path, "list", "--format", "json")))) == 3

    assert ok(jt(db_path, "import", "csv", str(sheet), "--allow-duplicates")) == (
        "3 applications imported\n")
    assert len(json.loads(ok(jt(db_path, "list", "--format", "json")))) == 6


def test_identical_rows_of_one_sheet_are_both_imported_and_reported(db_path: Path,
                                                                    tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Company,Title\nAcme,Engineer\nAcme,Engineer\nAcme,Engineer II\n",
                     encoding="utf-8")

    result = jt(db_path, "import", "csv", str(sheet))

    assert ok(result) == "3 applications imported\n"
    assert result.stderr == ("jobtracker: warning: row 3 is identical to row 2; both imported "
                             "(delete one if it was pasted twice)\n")


def test_an_old_format_backup_into_a_database_with_applications_warns(db_path: Path,
                                                                      tmp_path: Path):
    ok(jt(db_path, "add", "--title", "SRE", "--company", "Globex"))
    backup = tmp_path / "old.json"
    ok(jt(db_path, "export", "json", "-o", str(backup)))
    payload = json.loads(backup.read_text())
    payload["version"] = 1  # as written before rows had UUIDs
    for rows in payload["tables"].values():
        for row in rows:
            row.pop("uuid", None)
    backup.write_text(json.dumps(payload))

    result = jt(db_path, "import", "json", str(backup))

    assert ok(result).splitlines()[0] == "1 application imported"
    assert result.stderr == (f"jobtracker: warning: {backup} is a backup of format 1 (before "
                             "rows had lasting identities): its applications cannot be matched "
                             "with this database's, so any it already held are now there "
                             "twice\n")
