"""File › Export onto a full disk: one plain message, no partial file, the old file kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jobtracker.tracker import ApplicationInput, ContactInput, InterviewInput
from jobtracker.ui.mainwindow.main_window import MainWindow
from tests.small_disk import fill, listing, small_disk


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path) as folder:
        if isinstance(folder, str):
            pytest.skip(f"no small file system can be mounted here ({folder})")
        yield folder


@pytest.mark.parametrize(("action", "name"), [("export_ics_action", "interviews.ics"),
                                              ("export_vcard_action", "people.vcf")])
def test_an_export_onto_a_full_disk_says_so_and_leaves_the_folder_as_it_was(
        qtbot: QtBot, window: MainWindow, disk: Path, monkeypatch: pytest.MonkeyPatch,
        action: str, name: str) -> None:
    tracker = window.tracker
    for n in range(30):
        app_id = tracker.add_application(ApplicationInput(f"Dev {n}", "Acme"))
        tracker.add_interview(app_id, InterviewInput(
            "Technical", dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC) + dt.timedelta(days=n),
            notes="prepare " * 50))
        tracker.add_contact(ContactInput(f"Person {n}", "Acme", "Recruiter",
                                         notes="met at a fair " * 50))
    target = disk / name
    target.write_bytes(b"last week's export\n")
    fill(disk)
    before = listing(disk)
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: pytest.fail("exported?"))
    getattr(window, action).trigger()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"the disk holding {disk} is full (")
    assert warnings[0].endswith(" MB free); nothing was changed")
    assert listing(disk) == before  # no partial file, the old export untouched



@pytest.mark.parametrize(("action", "name"), [("export_ics_action", "calendar.ics"),
                                              ("export_vcard_action", "people.vcf")])
def test_an_export_onto_another_name_of_the_database_is_refused(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        action: str, name: str) -> None:
    database = window.tracker.db.path
    window.tracker.add_application(ApplicationInput("Dev", "Acme"))
    # The dialog adds the suffix the user left out, so only another name can reach the file.
    alias = tmp_path / name
    alias.symlink_to(database) if name.endswith(".ics") else alias.hardlink_to(database)
    before = database.read_bytes()
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(alias), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: pytest.fail("exported?"))
    getattr(window, action).trigger()
    assert len(warnings) == 1
    assert "is the database" in warnings[0] and "Nothing was written" in warnings[0]
    assert database.read_bytes() == before
