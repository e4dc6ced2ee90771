"""The developer docs stay true: every path they name exists, every command they give can run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("README.md", "CONTRIBUTING.md", "docs/architecture.md")
# Top-level folders of the repository: a backticked word starting with one is a path.
TOP = ("jobtracker/", "tests/", "scripts/", "resources/", "ui/", "docs/", "packaging/",
       "benchmarks/", ".github/", ".ci/")


def _text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _named_paths(text: str) -> set[str]:
    found = set()
    for word in re.findall(r"`([^`\s]+)`", text):
        word = word.rstrip(".,:;")
        if word.startswith(TOP) and "<" not in word and "*" not in word:
            found.add(word.split("::")[0])
    return found


@pytest.mark.parametrize("name", DOCS)
def test_every_path_named_exists(name: str) -> None:
    missing = sorted(path for path in _named_paths(_text(name)) if not (ROOT / path).exists())
    assert not missing, f"{name} names paths that do not exist: {missing}"


def _commands(text: str) -> list[list[str]]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" #")[0].strip()
            if line:
                commands.append(shlex.split(line))
    return commands


@pytest.mark.parametrize("name", ["CONTRIBUTING.md"])
def test_every_command_given_uses_the_projects_own_tools(name: str) -> None:
    # The README's commands are for users (the app's own command line, installing a release);
    # CONTRIBUTING's are for the checkout. Installing system packages is the one outside step.
    outside = {"sudo", "apt", "dpkg"}
    problems = []
    for words in _commands(_text(name)):
        program = words[0]
        if program in outside or program.startswith("./"):
            continue
        if program.startswith((".venv/bin/", "scripts/")):
            tool = program.removeprefix(".venv/bin/")
            if program.startswith("scripts/") and not (ROOT / program).is_file():
                problems.append(f"{program}: no such script")
            elif program.startswith(".venv/bin/") and not _venv_tool_known(tool):
                problems.append(f"{program}: not installed by the lock files")
            if program.endswith("python") and len(words) > 1:
                target = words[1]
                if target == "-m":
                    if not (ROOT / words[2].replace(".", "/")).exists():
                        problems.append(f"python -m {words[2]}: no such module")
                elif not (ROOT / target).is_file():
                    problems.append(f"{target}: no such file")
            continue
        problems.append(f"{' '.join(words)}: not a project tool")
    assert not problems, f"{name}: {problems}"


def _venv_tool_known(tool: str) -> bool:
    # Tools come from the pinned dev lock: python itself, ruff, mypy, PySide6's pyside6-*.
    lock = (_text("requirements-dev.lock") + _text("requirements.lock")).casefold()
    known = {"python": True, "ruff": "ruff==" in lock, "mypy": "mypy==" in lock}
    if tool.startswith("pyside6-"):
        return "pyside6_essentials==" in lock  # uic, rcc, lupdate, designer come with it
    return known.get(tool, False)
