"""The Editor is the one way views make undoable changes; refusals become plain messages."""

from __future__ import annotations

import ast
from pathlib import Path

from jobtracker.tracker import Tracker
from jobtracker.ui.undo_commands import Editor

UI = Path(__file__).resolve().parents[2] / "jobtracker" / "ui"


def test_views_cannot_push_commands_themselves() -> None:
    assert not hasattr(Editor, "push")
    # No view imports a command: each undoable action is an Editor method.
    offenders = []
    for path in UI.rglob("*.py"):
        if "undo_commands" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and node.module
                    and node.module.startswith("jobtracker.ui.undo_commands.")):
                offenders.append(f"{path.relative_to(UI)}: {node.module}")
    assert offenders == []


def test_attempt_reports_a_refusal_and_keeps_the_stack(ui_tracker: Tracker) -> None:
    editor = Editor(ui_tracker)
    failed: list[str] = []
    editor.failed.connect(failed.append)
    assert not editor.attempt(lambda: editor.add_task("   "))  # a blank title is refused
    assert len(failed) == 1 and failed[0]
    assert editor.stack.count() == 0
    # With a report, the message goes there instead (a view's own message signal).
    told: list[str] = []
    assert not editor.attempt(lambda: editor.set_task_done(999_999), report=told.append)
    assert len(told) == 1 and len(failed) == 1
    assert editor.attempt(lambda: editor.add_task("Write back"))
    assert editor.stack.count() == 1 and failed == [failed[0]]


def test_task_actions_undo_and_redo(ui_tracker: Tracker) -> None:
    editor = Editor(ui_tracker)
    editor.add_task("Call Ada")
    [task] = ui_tracker.open_tasks()
    editor.set_task_done(task.id)
    assert ui_tracker.open_tasks() == []
    editor.stack.undo()
    [task] = ui_tracker.open_tasks()
    editor.edit_task(task.id, {"title": "Call Ada back"}, {"title": task.title})
    editor.edit_task(task.id, {}, {})  # nothing changed: nothing to undo
    assert editor.stack.count() == 2  # the add and the edit; the undone tick gave way
    [task] = ui_tracker.open_tasks()
    editor.delete_task(task)
    assert ui_tracker.open_tasks() == []
    editor.stack.undo()  # back, with a new id the older commands still find
    [task] = ui_tracker.open_tasks()
    assert task.title == "Call Ada back"
    editor.stack.undo()
    assert [t.title for t in ui_tracker.open_tasks()] == ["Call Ada"]
