"""The installer's inputs agree: desktop entry, AppStream file, icons, spec and build pins."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import jobtracker

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "io.github.jobtracker.JobTracker"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
DESKTOP = RESOURCES / "jobtracker.desktop"
ICONS = RESOURCES / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry() -> None:
    entry = _desktop()
    assert entry["Type"] == "Application"
    assert entry["Name"] == jobtracker.APP_NAME
    assert entry["Exec"].split()[0] == "jobtracker"
    assert entry["Icon"] == "jobtracker"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_desktop_command_is_the_installed_script() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert _desktop()["Exec"].split()[0] in scripts


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == jobtracker.APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == _desktop()["Icon"]
    assert root.findtext("provides/binary") == "jobtracker"
    assert root.findtext("project_license") == tomllib.loads(
        (ROOT / "pyproject.toml").read_text())["project"]["license"]


def test_metainfo_newest_release_is_the_package_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == jobtracker.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or "")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_in_every_size(size: int) -> None:
    assert _png_size(ICONS / f"jobtracker-{size}.png") == (size, size)


def test_icon_svg_is_the_logo() -> None:
    assert (ICONS / "jobtracker.svg").read_bytes() == (
        RESOURCES / "icons" / "jobtracker.svg").read_bytes()


def test_windows_icon() -> None:
    data = (ICONS / "jobtracker.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sides = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_macos_icon() -> None:
    data = (ICONS / "jobtracker.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    assert b"ic09" in data  # 512 px
    assert b"ic07" in data  # 128 px


def test_spec_collects_what_the_app_looks_up_at_run_time() -> None:
    spec = (ROOT / "jobtracker.spec").read_text(encoding="utf-8")
    assert 'collect_entry_point("keyring.backends")' in spec
    assert "jobtracker/migrations/versions/*.py" in spec
    assert 'collect_data_files("certifi")' in spec
    assert re.search(r"^SIZE_BUDGET_MB = \d+$", spec, re.MULTILINE)
    assert f'APP_ID = "{APP_ID}"' in spec
    assert "bundle_identifier=APP_ID" in spec
    for name in ("jobtracker.ico", "jobtracker.icns"):
        assert name in spec and (ICONS / name).is_file()
    hook = re.search(r'"packaging" / "(pyi_rth_\w+\.py)"', spec)
    assert hook and (ROOT / "packaging" / hook[1]).is_file()


def test_build_tools_are_pinned_exactly() -> None:
    lines = [line.strip() for line in
             (ROOT / "packaging" / "requirements-build.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert any(line.startswith("pyinstaller==") for line in lines)
    for line in lines:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.\-]*", line), line


def test_ci_runs_the_packaging_step_after_the_tests() -> None:
    steps = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "packaging/ci.sh" in steps
    assert steps.index("scripts/test") < steps.index("packaging/ci.sh")
