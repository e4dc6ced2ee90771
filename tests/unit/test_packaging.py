"""The pins agree: every dependency in pyproject.toml is locked at the same exact version."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _lock(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip())
        if match:
            pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


def _declared(group: list[str]) -> dict[str, str]:
    pins = {}
    for spec in group:
        name, _, version = spec.partition("==")
        assert version, f"{spec} is not pinned exactly"
        pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_runtime_dependencies_are_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = _lock("requirements.lock")
    for name, version in _declared(project["dependencies"]).items():
        assert runtime.get(name) == version, name


def test_dev_dependencies_are_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = _lock("requirements-dev.lock")
    assert "-r requirements.lock" in (ROOT / "requirements-dev.lock").read_text()
    for name, version in _declared(project["optional-dependencies"]["dev"]).items():
        assert dev.get(name) == version, name
