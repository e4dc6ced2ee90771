"""Every user-visible string of the UI is extractable by pyside6-lupdate, in its context."""

import ast
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "jobtracker" / "ui"


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_qt", ROOT / "resources" / "build_qt.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


def test_lupdate_extracts_headers_presets_and_command_names(tmp_path: Path) -> None:
    messages = _messages(_build_module().update_translations(tmp_path / "check.ts"))
    expected = {
        ("ApplicationsModel", header) for header in (
            "Company", "Title", "Stage", "Applied", "Last change", "Location", "Salary",
            "Priority", "Next interview", "Follow-up", "Remote", "Follow-up overdue since %1")
    } | {
        ("ContactsModel", header) for header in ("Name", "E-mail", "LinkedIn / URL")
    } | {
        ("ApplicationsView", preset) for preset in (
            "Any time", "Last 7 days", "Last 365 days", "Custom range…")
    } | {
        ("InterviewDialog", kind) for kind in ("Phone screen", "Take-home review", "Other")
    } | {
        ("UndoCommands", name) for name in ("Add note", "Delete %1 interview", "Move to %1",
                                            "Remove stage change to %1", "Unlink %1")
    } | {("TimelineWidget", "Stage"), ("DetailPanel", "&Company")}  # code and Designer forms
    assert expected <= messages, sorted(expected - messages)
    # A string extracted without a context could never be looked up at run time.
    assert not [source for context, source in messages if not context]


def test_committed_catalog_is_fresh(tmp_path: Path) -> None:
    committed = ROOT / "resources" / "translations" / "jobtracker_en.ts"
    fresh = _messages(_build_module().update_translations(tmp_path / "fresh.ts"))
    assert _messages(committed) == fresh, (
        "regenerate with: .venv/bin/python resources/build_qt.py --ts-only")


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            found.append((name, node))
    return found


def test_strings_translated_from_variables_are_marked() -> None:
    """``tr(variable)`` only works when the values are marked where they are written."""
    unmarked = []
    for path in sorted(UI.rglob("*.py")):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = _calls(tree)
        marks = {node.args[1].value for name, node in calls if name == "QT_TRANSLATE_NOOP"
                 and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)}
        for name, node in calls:
            position = {"tr": 0, "translate": 1, "_tr": 0}.get(name)
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant):
                continue
            # A variable: its module must mark the values it can take.
            if not marks:
                unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not unmarked, unmarked
