"""The release workflow lints clean and builds, smoke-tests and ships every installer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
# Shell scripts that the workflow or CI run: shellcheck must find nothing in them either.
SCRIPTS = [ROOT / ".ci" / "run", ROOT / "packaging" / "ci.sh",
           ROOT / "packaging" / "macos" / "make_dmg.sh"]
BUILD_JOBS = {"linux": "ubuntu-", "windows": "windows-", "macos": "macos-"}


def _tool(name: str) -> str:
    """A dev dependency's command: beside this Python (the venv's bin), else on the PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it is pinned in requirements-dev.lock, which "
                    "scripts/test installs")
    return found


def _actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    # With shellcheck for the run: blocks; pyflakes off (no Python is inlined).
    return subprocess.run([_tool("actionlint"), "-no-color", "-shellcheck", _tool("shellcheck"),
                           "-pyflakes", "", str(path)], capture_output=True, text=True,
                          check=False, cwd=ROOT, timeout=120)


def _workflow() -> dict[str, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean true.
    if True in loaded:
        loaded["on"] = loaded.pop(True)
    return loaded


def _steps(job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"][job]["steps"]
    return steps


def _runs(job: str) -> str:
    return "\n".join(step.get("run", "") for step in _steps(job))


def _uploads(job: str) -> list[str]:
    paths = [step["with"]["path"] for step in _steps(job)
             if step.get("uses", "").startswith("actions/upload-artifact@")]
    return [line.strip() for path in paths for line in path.splitlines() if line.strip()]


def test_actionlint_finds_nothing() -> None:
    result = _actionlint(WORKFLOW)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_actionlint_and_its_shellcheck_do_report_mistakes(tmp_path: Path) -> None:
    # A check that passes because its checker went blind would be worthless: a bad runner
    # label and an unquoted variable in a run: block must both be reported.
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: linux-latest\n    steps:\n"
                      "      - run: echo $GITHUB_SHA$1\n", encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1
    assert "[runner-label]" in result.stdout and "[shellcheck]" in result.stdout, result.stdout


def test_scripts_pass_shellcheck() -> None:
    result = subprocess.run([_tool("shellcheck"), *map(str, SCRIPTS)], capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_triggers_are_version_tags_and_a_manual_run() -> None:
    triggers = _workflow()["on"]
    assert triggers["push"] == {"tags": ["v*"]}
    assert "workflow_dispatch" in triggers


def test_builds_on_linux_windows_and_macos() -> None:
    jobs = _workflow()["jobs"]
    for job, family in BUILD_JOBS.items():
        labels = [jobs[job]["runs-on"]]
        if "${{ matrix." in labels[0]:
            labels = [entry["runner"] for entry in jobs[job]["strategy"]["matrix"]["include"]]
        assert labels and all(label.startswith(family) for label in labels), (job, labels)
    # Apple silicon and Intel Macs each get their own disk image.
    assert {entry["arch"] for entry in jobs["macos"]["strategy"]["matrix"]["include"]} == {
        "arm64", "x86_64"}


def test_builds_with_python_311_and_the_pinned_dependencies() -> None:
    for job in BUILD_JOBS:
        pythons = [step["with"]["python-version"] for step in _steps(job)
                   if step.get("uses", "").startswith("actions/setup-python@")]
        assert pythons == ["3.11"], job
    # Linux goes through packaging/ci.sh and build.py; the others install what build.py does.
    assert "packaging/ci.sh" in _runs("linux")
    for job in ("windows", "macos"):
        runs = _runs(job)
        assert "-r requirements.lock -r packaging/requirements-build.txt" in runs, job
        assert "-m PyInstaller --noconfirm" in runs and "jobtracker.spec" in runs, job


def test_every_system_smoke_tests_what_it_ships() -> None:
    for job in BUILD_JOBS:
        assert "--smoke-test" in _runs(job), job
    # Linux has no display on the runner: Qt's offscreen platform, in the step and in ci.sh.
    offscreen = [step for step in _steps("linux") if "--smoke-test" in step.get("run", "")]
    assert offscreen and all(step["env"]["QT_QPA_PLATFORM"] == "offscreen" for step in offscreen)
    assert "QT_QPA_PLATFORM=offscreen" in (ROOT / "packaging" / "ci.sh").read_text()
    # The installed Windows app and the app inside the disk image are tested, not only the build.
    assert '"$target/jobtracker.exe" --smoke-test' in _runs("windows")
    assert "packaging/macos/make_dmg.sh" in _runs("macos")


def test_ships_every_installer_kind() -> None:
    uploads = {job: _uploads(job) for job in BUILD_JOBS}
    assert [path.rsplit("_", 1)[-1] for path in uploads["linux"] if path.endswith(".deb")] == [
        "amd64.deb"]
    assert any(path.endswith("-linux-x86_64.tar.gz") for path in uploads["linux"])
    assert [path for path in uploads["windows"] if path.endswith("-setup.exe")]
    assert [path for path in uploads["macos"] if path.endswith(".dmg")]


def test_uploaded_names_are_the_ones_the_tools_make() -> None:
    version = "${{ env.VERSION }}"
    iss = (ROOT / "packaging" / "windows" / "jobtracker.iss").read_text(encoding="utf-8")
    base = re.search(r"^OutputBaseFilename=(.+)$", iss, re.MULTILINE)
    assert base
    assert _uploads("windows") == [f"dist/{base[1].replace('{#AppVersion}', version)}.exe"]
    dmg = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert 'dmg="dist/jobtracker-$version-macos-$arch.dmg"' in dmg
    assert _uploads("macos") == [f"dist/jobtracker-{version}-macos-${{{{ matrix.arch }}}}.dmg"]
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'f"jobtracker-{version_}-linux-{platform.machine()}"' in build
    assert 'f"jobtracker_{version_}_{arch}"' in build


def test_release_job_publishes_everything_built_for_a_tag_only() -> None:
    release = _workflow()["jobs"]["release"]
    assert set(release["needs"]) >= set(BUILD_JOBS)
    assert release["if"] == "github.ref_type == 'tag'"
    assert release["permissions"] == {"contents": "write"}
    assert _workflow()["permissions"] == {"contents": "read"}  # no other job may write
    runs = _runs("release")
    assert "gh release create" in runs and "release/*" in runs and "SHA256SUMS" in runs
    # The tag must name the version the files carry.
    assert '"$TAG" != "v$VERSION"' in _runs("version")


def test_actions_are_pinned_by_version_tag() -> None:
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+){0,2}", step["uses"]), step
