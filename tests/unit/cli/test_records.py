"""The contact, task, note, interview and event command groups, and application edit's extras."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from jobtracker.cli import main
from jobtracker.cli.common import counted
from jobtracker.cli.records import OUTCOMES, implicit_add
from tests.unit.cli.test_main import jt, ok


@pytest.fixture
def db(db_path: Path, migrated_template: Path) -> Path:
    shutil.copyfile(migrated_template, db_path)
    return db_path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def out(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert run(db, *args) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def fails(db: Path, capsys: pytest.CaptureFixture[str], code: int, *args: str) -> str:
    """The stderr of a command that must fail with ``code`` (1: error, 2: usage)."""
    capsys.readouterr()
    try:
        status = run(db, *args)
    except SystemExit as exit_:  # argparse's usage errors
        status = int(exit_.code or 0)
    assert status == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the user's answer typed in."""

    def isatty(self) -> bool:
        return True


def add_app(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return out(db, capsys, "add", "--title", "Backend Engineer", "--company", "Acme",
               "--applied", "2026-11-02", "--tag", "python", "--tag", "Remote",
               "--salary", "100000 EUR/year", "--location", "Berlin").strip()


# -- real processes: the wiring of every group ----------------------------------------------


def test_every_group_runs_as_a_real_process(db: Path) -> None:
    ok(jt(db, "add", "--title", "SRE", "--company", "Globex", "--applied", "2026-11-02"))
    contact = ok(jt(db, "contact", "add", "Jane Doe", "--company", "Globex", "--role",
                    "Recruiter", "--email", "jane@globex.example")).strip()
    ok(jt(db, "contact", "link", contact, "1"))
    assert json.loads(ok(jt(db, "contact", "list", "1", "--format", "json")))[0]["name"] == \
        "Jane Doe"
    task = ok(jt(db, "task", "add", "Send thanks", "--due", "2026-12-02", "--application",
                 "1")).strip()
    ok(jt(db, "task", "done", task))
    assert "Send thanks" in ok(jt(db, "task", "list", "--all"))
    # The old add forms keep working for scripts.
    note = ok(jt(db, "note", "1", "-", stdin="first *note*\n")).strip()
    interview = ok(jt(db, "interview", "1", "--at", "2026-12-01 14:30", "--tz",
                      "Europe/Berlin")).strip()
    ok(jt(db, "interview", "edit", interview, "--outcome", "passed"))
    ok(jt(db, "note", "edit", note, "better note"))
    assert "better note" in ok(jt(db, "note", "list", "1"))
    events = json.loads(ok(jt(db, "event", "list", "1", "--format", "json")))
    assert [e["to_stage"] for e in events] == ["Applied"]
    detail = json.loads(ok(jt(db, "show", "1", "--format", "json")))
    assert detail["interviews"][0]["outcome"] == "passed"
    assert detail["tasks"][0]["done_at"] is not None
    assert [c["name"] for c in detail["contacts"]] == ["Jane Doe"]
    # Without a terminal a delete needs --yes (a usage error, exit 2), and deletes nothing.
    refused = jt(db, "note", "delete", note, stdin="")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    ok(jt(db, "note", "delete", note, "--yes"))
    assert ok(jt(db, "note", "list", "1")).strip() == "No notes."


# -- the old add forms -------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [
    (["note", "3", "text"], ["note", "add", "3", "text"]),
    (["--db", "x.db", "note", "3", "-"], ["--db", "x.db", "note", "add", "3", "-"]),
    (["--db=x.db", "interview", "3", "--at", "t"], ["--db=x.db", "interview", "add", "3",
                                                     "--at", "t"]),
    (["interview", "--at", "t", "3"], ["interview", "add", "--at", "t", "3"]),
    (["note", "list", "3"], ["note", "list", "3"]),
    (["note", "--help"], ["note", "--help"]),
    (["note", "lst"], ["note", "lst"]),  # argparse names the valid subcommands
    (["list", "--search", "note"], ["list", "--search", "note"]),
    (["--db", "note", "list"], ["--db", "note", "list"]),  # a database called "note"
    (["add", "--title", "note", "3"], ["add", "--title", "note", "3"]),
])
def test_note_and_interview_with_an_id_are_the_add_commands(argv: list[str],
                                                             expected: list[str]) -> None:
    assert implicit_add(argv) == expected


def test_the_outcomes_offered_are_the_models() -> None:
    from jobtracker.vocabulary import InterviewOutcome

    assert tuple(o.value for o in InterviewOutcome) == OUTCOMES


def test_counts_say_one_in_the_singular() -> None:
    assert counted(1, "application") == "1 application"
    assert counted(0, "application") == "0 applications"
    assert counted(2, "calendar entry", "calendar entries") == "2 calendar entries"


# -- contacts ------------------------------------------------------------------------------


def test_contacts_add_edit_clear_link_unlink_delete(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    cid = out(db, capsys, "contact", "add", "Ana Lima", "--phone", "+49 30 1234",
              "--email", "ana@acme.example").strip()
    assert out(db, capsys, "contact", "list", "1").strip() == "No contacts."
    out(db, capsys, "contact", "link", cid, "1")
    out(db, capsys, "contact", "link", cid, "1")  # twice: still one link
    assert len(json.loads(out(db, capsys, "contact", "list", "1", "--format", "json"))) == 1
    out(db, capsys, "contact", "edit", cid, "--role", "CTO", "--clear", "phone")
    [row] = json.loads(out(db, capsys, "contact", "list", "--format", "json"))
    assert (row["role"], row["phone"], row["email"]) == ("CTO", None, "ana@acme.example")
    assert "--clear phone" in fails(db, capsys, 2, "contact", "edit", cid, "--phone", "1",
                                    "--clear", "phone")
    assert "say what to change" in fails(db, capsys, 2, "contact", "edit", cid)
    assert "ana@" in fails(db, capsys, 1, "contact", "edit", cid, "--email", "ana@ x")
    out(db, capsys, "contact", "unlink", cid, "1")
    assert "is not linked to application 1" in fails(db, capsys, 1, "contact", "unlink",
                                                     cid, "1")
    assert "no contact with id 9" in fails(db, capsys, 1, "contact", "delete", "9", "--yes")
    assert "add --yes" in fails(db, capsys, 2, "contact", "delete", cid)
    out(db, capsys, "contact", "delete", cid, "--yes")
    assert out(db, capsys, "contact", "list").strip() == "No contacts."


def test_a_delete_asks_on_a_terminal(db: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cid = out(db, capsys, "contact", "add", "Ana Lima").strip()
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    err = fails(db, capsys, 1, "contact", "delete", cid)
    assert "Delete contact 1 (Ana Lima) for good? [y/N]" in err and "nothing deleted" in err
    assert "Ana Lima" in out(db, capsys, "contact", "list")
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert "contact 1 deleted" in out(db, capsys, "contact", "delete", cid)


# -- tasks ---------------------------------------------------------------------------------


def test_tasks_add_list_edit_done_undone_delete(db: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    general = out(db, capsys, "task", "add", "Update CV").strip()
    own = out(db, capsys, "task", "add", "Send thanks", "--application", "1", "--due",
              "2026-12-02").strip()
    assert [t["title"] for t in json.loads(out(db, capsys, "task", "list", "--format",
                                               "json"))] == ["Send thanks", "Update CV"]
    assert [t["id"] for t in json.loads(out(db, capsys, "task", "list", "1", "--format",
                                            "json"))] == [int(own)]
    out(db, capsys, "task", "done", own)
    assert "Send thanks" not in out(db, capsys, "task", "list")
    assert "Send thanks" in out(db, capsys, "task", "list", "--all")
    out(db, capsys, "task", "undone", own)
    assert "Send thanks" in out(db, capsys, "task", "list")
    out(db, capsys, "task", "edit", own, "--title", "Send a thank-you note", "--clear", "due")
    [row] = json.loads(out(db, capsys, "task", "list", "1", "--format", "json"))
    assert (row["title"], row["due_on"]) == ("Send a thank-you note", None)
    assert "no application with id 7" in fails(db, capsys, 1, "task", "add", "x",
                                               "--application", "7")
    assert "no application with id 7" in fails(db, capsys, 1, "task", "list", "7")
    out(db, capsys, "task", "delete", general, "--yes")
    assert "no task with id" in fails(db, capsys, 1, "task", "done", general)


# -- notes ---------------------------------------------------------------------------------


def test_notes_add_list_edit_delete(db: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    add_app(db, capsys)
    first = out(db, capsys, "note", "1", "Called *Ana*").strip()
    out(db, capsys, "note", "add", "1", "Second")
    monkeypatch.setattr("sys.stdin", io.StringIO("Called **Ana** twice\n"))
    out(db, capsys, "note", "edit", first, "-")
    notes = json.loads(out(db, capsys, "note", "list", "1", "--format", "json"))
    assert [n["body"] for n in notes] == ["Called **Ana** twice", "Second"]
    assert fails(db, capsys, 1, "note", "edit", first, " ").startswith("jobtracker: error: note")
    out(db, capsys, "note", "delete", first, "--yes")
    assert [n["body"] for n in json.loads(out(db, capsys, "note", "list", "1", "--format",
                                              "json"))] == ["Second"]
    assert "no note with id" in fails(db, capsys, 1, "note", "delete", first, "--yes")
    assert "invalid choice" in fails(db, capsys, 2, "note", "lst", "1")


# -- interviews ------------------------------------------------------------------------------


def test_interviews_list_edit_outcome_clear_delete(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    iid = out(db, capsys, "interview", "1", "--at", "2026-03-10 10:00", "--tz",
              "Europe/Berlin", "--with", "Ana", "--location", "HQ").strip()
    assert "2026-03-10 10:00 Europe/Berlin" in out(db, capsys, "interview", "list", "1")
    out(db, capsys, "interview", "edit", iid, "--outcome", "passed", "--clear", "with",
        "--notes", "went well")
    out(db, capsys, "interview", "edit", iid, "--at", "2026-03-11 09:00")  # in its own zone
    [row] = json.loads(out(db, capsys, "interview", "list", "1", "--format", "json"))
    assert (row["outcome"], row["interviewers"], row["notes"], row["location"]) == \
        ("passed", None, "went well", "HQ")
    assert row["starts_at"] == "2026-03-11T08:00:00Z"
    # --tz alone: the clock time was right, the zone was not.
    out(db, capsys, "interview", "edit", iid, "--tz", "America/New_York")
    [row] = json.loads(out(db, capsys, "interview", "list", "1", "--format", "json"))
    assert (row["starts_at"], row["timezone"]) == ("2026-03-11T13:00:00Z", "America/New_York")
    assert "invalid choice" in fails(db, capsys, 2, "interview", "edit", iid, "--outcome",
                                     "great")
    assert "unknown time zone" in fails(db, capsys, 2, "interview", "edit", iid, "--tz",
                                        "Mars/Olympus")
    assert "say what to change" in fails(db, capsys, 2, "interview", "edit", iid)
    assert "add --yes" in fails(db, capsys, 2, "interview", "delete", iid)
    out(db, capsys, "interview", "delete", iid, "--yes")
    assert out(db, capsys, "interview", "list", "1").strip() == "No interviews."
    assert "no interview with id" in fails(db, capsys, 1, "interview", "edit", iid,
                                           "--outcome", "failed")


# -- stage events ----------------------------------------------------------------------------


def test_events_list_redate_delete(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "move", "1", "Screening", "--at", "2026-11-10")
    events = json.loads(out(db, capsys, "event", "list", "1", "--format", "json"))
    assert [(e["to_stage"], e["occurred_on"]) for e in events] == [
        ("Applied", "2026-11-02"), ("Screening", "2026-11-10")]
    applied, screening = (str(e["id"]) for e in events)
    out(db, capsys, "event", "edit", applied, "--at", "2026-11-01")
    assert json.loads(out(db, capsys, "show", "1", "--format", "json"))["applied_on"] == \
        "2026-11-01"
    assert "would put it after the change to Screening" in fails(
        db, capsys, 1, "event", "edit", applied, "--at", "2026-11-20")
    assert "add --yes" in fails(db, capsys, 2, "event", "delete", screening)
    out(db, capsys, "event", "delete", screening, "--yes")
    assert json.loads(out(db, capsys, "show", "1", "--format", "json"))["stage"] == "Applied"
    assert "first stage" in fails(db, capsys, 1, "event", "delete", applied, "--yes")


# -- item 11: trashed applications, edit's tags and clears, messages --------------------------


@pytest.mark.parametrize("args", [
    ["move", "1", "Screening"], ["note", "1", "text"], ["edit", "1", "--priority", "5"],
    ["interview", "1", "--at", "2026-12-01 10:00"], ["task", "add", "x", "--application", "1"],
    ["contact", "link", "1", "1"],
])
def test_a_trashed_application_says_so(db: Path, capsys: pytest.CaptureFixture[str],
                                       args: list[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "contact", "add", "Ana")
    out(db, capsys, "delete", "1")
    assert "application 1 is in the trash (restore it first)" in fails(db, capsys, 1, *args)


def test_deleting_a_trashed_application_again_keeps_its_date(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "delete", "1")
    trashed = json.loads(out(db, capsys, "show", "1", "--format", "json"))["deleted_at"]
    assert "already in the trash" in fails(db, capsys, 1, "delete", "1")
    assert json.loads(out(db, capsys, "show", "1", "--format", "json"))["deleted_at"] == trashed
    assert "1: restored from the trash" in out(db, capsys, "restore", "1")


def test_edit_adds_and_removes_tags_or_replaces_them(db: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "edit", "1", "--add-tag", "berlin", "--remove-tag", "remote")
    assert json.loads(out(db, capsys, "show", "1", "--format", "json"))["tags"] == [
        "berlin", "python"]
    out(db, capsys, "edit", "1", "--tag", "go")
    assert json.loads(out(db, capsys, "show", "1", "--format", "json"))["tags"] == ["go"]
    assert "choose one" in fails(db, capsys, 2, "edit", "1", "--tag", "a", "--add-tag", "b")
    capsys.readouterr()
    with pytest.raises(SystemExit):
        run(db, "edit", "--help")
    assert "replace all tags" in capsys.readouterr().out


def test_edit_clears_optional_fields(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "edit", "1", "--url", "https://acme.example/j", "--follow-up",
        "2026-12-20", "--remote", "hybrid")
    out(db, capsys, "edit", "1", "--clear", "salary", "--clear", "location", "--clear", "url",
        "--clear", "follow-up", "--clear", "remote", "--clear", "tags")
    detail = json.loads(out(db, capsys, "show", "1", "--format", "json"))
    assert [detail[k] for k in ("salary_min", "salary_currency", "salary_period", "location",
                                "url", "follow_up_on", "remote")] == [None] * 7
    assert detail["tags"] == []
    assert "--clear salary" in fails(db, capsys, 2, "edit", "1", "--clear", "salary",
                                     "--salary", "5 EUR")
    assert "invalid choice" in fails(db, capsys, 2, "edit", "1", "--clear", "title")


def test_empty_trash_asks_and_counts_in_words(db: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    add_app(db, capsys)
    out(db, capsys, "delete", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert "empty-trash deletes 1 application for good; add --yes" in fails(
        db, capsys, 2, "empty-trash")
    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    assert "Delete 1 application for good? [y/N]" in fails(db, capsys, 1, "empty-trash")
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert out(db, capsys, "empty-trash").strip() == "1 application deleted for good"
    assert out(db, capsys, "empty-trash").strip() == "the trash is empty"


def test_export_json_and_restore_say_what_they_wrote(db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    out(db, capsys, "note", "1", "hello")
    target = tmp_path / "all.json"
    capsys.readouterr()
    assert run(db, "export", "json", "-o", str(target)) == 0
    assert capsys.readouterr().err.strip() == (
        f"1 application, 1 stage change, 1 note written to {target}")
    backup = tmp_path / "copy.db"
    out(db, capsys, "backup", "-o", str(backup))
    assert "(1 application, trash aside)" in out(db, capsys, "restore", str(backup))


def test_stats_count_one_application_in_the_singular(db: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    add_app(db, capsys)
    assert out(db, capsys, "stats").splitlines()[0] == "1 application"
