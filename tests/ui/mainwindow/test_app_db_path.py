"""The window on a mistyped --db: refused with a message box, no folder created."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from jobtracker.ui.mainwindow import app


def test_a_chosen_database_in_a_missing_folder_is_refused(
        qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, title, text: shown.append((title, text)))
    db = tmp_path / "typo" / "jobtracker.db"
    assert app.run(db, [], make_folder=False) == 1
    message = f"no folder {db.parent} for the database {db}; check the path (nothing was created)"
    assert shown == [("Cannot open database", message)]
    assert capsys.readouterr().err == f"jobtracker: error: {message}\n"
    assert list(tmp_path.iterdir()) == []
