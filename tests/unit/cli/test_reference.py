"""The README's command reference and ``--help`` agree: every command and option, both ways."""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from jobtracker.cli import build_parser

README = Path(__file__).parents[3] / "README.md"
# An option as written in a usage line: "--format", "-o"; not "-150000" nor "YYYY-MM-DD".
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
COMMENT = re.compile(r"\s+#\s.*$")


def reference_lines() -> list[str]:
    """The lines of the ```sh blocks of "The command line" (its "Your mailbox" too)."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## The command line\n")
    end = text.index("\n## ", start + 1)
    blocks = re.findall(r"```sh\n(.*?)```", text[start:end], re.DOTALL)
    lines = [COMMENT.sub("", line) for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.strip()]


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    """The options ``--help`` shows, each as all its spellings ("-o", "--output")."""
    return [tuple(a.option_strings) for a in parser._actions
            if a.option_strings and a.help is not argparse.SUPPRESS
            and not isinstance(a, argparse._HelpAction)]


def leaves(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
           ) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for name, sub in subcommands(parser).items():
        found.update(leaves(sub, (*prefix, name)))
    return found or {prefix: parser}


def documented() -> tuple[dict[tuple[str, ...], set[str]], list[str]]:
    """What the README says: options per command (() holds the global ones), and mistakes."""
    root = build_parser()
    said: dict[tuple[str, ...], set[str]] = defaultdict(set)
    problems: list[str] = []
    command: tuple[str, ...] = ()
    for line in reference_lines():
        continued = not line.startswith("jobtracker")
        text = line.removeprefix("jobtracker").replace("[--db PATH]", "", 1)
        if not continued:
            said[()].add("--db")
        for index, segment in enumerate(text.split(" | ")):
            words = segment.split()
            if not (continued and index == 0):
                parser, command = root, ()
                while words and words[0] in subcommands(parser):
                    parser = subcommands(parser)[words[0]]
                    command = (*command, words.pop(0))
                global_only = not command and words and words[0].lstrip("[").startswith("-")
                if subcommands(parser) and not global_only:
                    problems.append(f"{segment.strip()!r}: no such command "
                                    f"(after {' '.join(command) or 'jobtracker'})")
                    continue
            found = set(OPTION.findall(segment))
            said[command] |= found
    return said, problems


def test_the_readme_documents_every_command_and_option() -> None:
    root = build_parser()
    said, _ = documented()
    missing = [" ".join(command) for command in leaves(root) if command not in said]
    assert not missing, f"commands --help knows and README's reference does not: {missing}"
    unsaid = [f"{' '.join(command) or '(global)'} {spellings[-1]}"
              for command, parser in [((), root), *leaves(root).items()]
              for spellings in options(parser)
              if not set(spellings) & (said[command] | (said[()] if not command else set()))]
    assert not unsaid, f"options --help knows and README's reference does not: {unsaid}"


def test_the_readme_names_no_command_or_option_the_parser_lacks() -> None:
    root = build_parser()
    said, problems = documented()
    assert not problems, problems
    commands = leaves(root)
    known_global = {s for spellings in options(root) for s in spellings}
    for command, names in said.items():
        if not command:
            stray = names - known_global
        else:
            assert command in commands, f"README names {' '.join(command)!r}, not a command"
            known = {s for spellings in options(commands[command]) for s in spellings}
            stray = names - known - known_global
        assert not stray, f"README gives {' '.join(command) or 'jobtracker'} {sorted(stray)}, " \
                          "which --help does not know"


def test_the_reference_check_sees_a_missing_option(monkeypatch) -> None:
    """The control: a reference without `list --limit` fails the check."""
    lines = [line.replace(" [--limit N]", "") for line in reference_lines()]
    monkeypatch.setattr(f"{__name__}.reference_lines", lambda: lines)
    said, _ = documented()
    assert "--limit" not in said[("list",)]
    assert "--asc" in said[("list",)]


def test_the_reference_check_sees_a_command_or_option_the_parser_lacks(monkeypatch) -> None:
    """The control of the other direction: a made-up command and option are caught."""
    lines = [*reference_lines(), "jobtracker [--db PATH] frobnicate ID",
             "jobtracker [--db PATH] export pdf", "jobtracker [--db PATH] list [--bogus]"]
    monkeypatch.setattr(f"{__name__}.reference_lines", lambda: lines)
    said, problems = documented()
    assert any("frobnicate" in p for p in problems)
    assert any("export pdf" in p for p in problems)
    assert "--bogus" in said[("list",)]
