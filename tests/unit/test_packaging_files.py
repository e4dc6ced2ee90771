"""The installers' inputs agree: desktop entry, AppStream file, icons, spec, pins, scripts."""

from __future__ import annotations

import configparser
import gzip
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import jobtracker

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
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


def _require(tool: str, package: str) -> str:
    """The tool's path. Without it a developer's run skips; CI's fails (never a silent skip)."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (Debian package {package})"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"{message}; .ci/run installs it")
        pytest.skip(message)
    return path


def _build_module() -> ModuleType:
    """packaging/build.py as a module (not importable by name: 'packaging' is a PyPI one)."""
    spec = importlib.util.spec_from_file_location("jobtracker_build", PACKAGING / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_desktop_entry_validates() -> None:
    tool = _require("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    # It exits 0 on mere hints and warnings, so any output at all is a failure here.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout


def test_metainfo_validates() -> None:
    tool = _require("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail; the info "unknown-tag developer" is appstream < 1.0 not yet
    # knowing AppStream 1.0's <developer>, which replaced <developer_name>.
    findings = re.findall(r"^([EW]): .*$", result.stdout, re.MULTILINE)
    assert not findings, result.stdout


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


def test_ci_installs_the_validators() -> None:
    steps = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    packages = re.search(r"^packages=\((.*?)\)", steps, re.MULTILINE | re.DOTALL)
    assert packages
    assert {"desktop-file-utils", "appstream", "lintian"} <= set(packages[1].split())


def test_ci_lints_the_deb_before_installing_it() -> None:
    script = (PACKAGING / "ci.sh").read_text(encoding="utf-8")
    lint = script.index("lintian --fail-on error")
    assert script.index("packaging/build.py") < lint < script.index('dpkg -i "$deb"')


def test_every_lintian_override_gives_its_reason() -> None:
    lines = (PACKAGING / "linux" / "jobtracker.lintian-overrides").read_text().splitlines()
    overrides, explained = [], False
    for line in lines:
        if not line.strip():
            explained = False  # a blank line ends a reason's block
        elif line.startswith("#"):
            explained = True
        else:
            assert explained, f"no comment says why: {line}"
            assert re.fullmatch(r"jobtracker: [a-z0-9-]+( \S+)* \[[^]]+\]", line), line
            overrides.append(line.split()[1])
    # A self-contained bundle in /opt; nothing that hides a real packaging mistake.
    assert "dir-or-file-in-opt" in overrides and "embedded-library" in overrides
    assert not {"custom-library-search-path", "no-changelog",
                "shared-library-is-executable"} & set(overrides)


def test_drop_absolute_runpath_keeps_origin_relative_ones(tmp_path: Path) -> None:
    build = _build_module()
    load, strtab_offset, dynamic_offset = 0x400000, 0x100, 0x200
    strings = b"\0/build-machine/lib\0$ORIGIN/../lib\0"
    entries = [(build.DT_STRTAB, load + strtab_offset), (build.DT_RUNPATH, 1),
               (build.DT_RPATH, 1 + len(b"/build-machine/lib\0")), (build.DT_NULL, 0)]
    size = dynamic_offset + 16 * len(entries)
    data = bytearray(size)
    # A minimal 64-bit little-endian ELF: one PT_LOAD mapping the file, one PT_DYNAMIC.
    data[:16] = b"\x7fELF\x02\x01\x01" + bytes(9)
    struct.pack_into("<HHIQQQIHHHHHH", data, 16, 3, 62, 1, 0, 64, 0, 0, 64, 56, 2, 0, 0, 0)
    struct.pack_into("<IIQQQQQQ", data, 64, build.PT_LOAD, 5, 0, load, load, size, size, 0x1000)
    struct.pack_into("<IIQQQQQQ", data, 120, build.PT_DYNAMIC, 6, dynamic_offset,
                     load + dynamic_offset, load + dynamic_offset, 16 * len(entries),
                     16 * len(entries), 8)
    data[strtab_offset:strtab_offset + len(strings)] = strings
    for i, entry in enumerate(entries):
        struct.pack_into("<qQ", data, dynamic_offset + 16 * i, *entry)
    library = tmp_path / "libexample.so.1"
    library.write_bytes(bytes(data))
    library.chmod(0o755)

    assert build.drop_absolute_runpath(library)
    edited = library.read_bytes()
    left = [struct.unpack_from("<qQ", edited, dynamic_offset + 16 * i) for i in range(4)]
    assert left == [entries[0], entries[2], (build.DT_NULL, 0), (build.DT_NULL, 0)]
    assert edited[:dynamic_offset] == bytes(data[:dynamic_offset])
    assert library.stat().st_mode & 0o777 == 0o755
    assert not build.drop_absolute_runpath(library)  # nothing left to drop
    assert not build.drop_absolute_runpath(DESKTOP)  # not an ELF file: untouched


def test_debian_changelog_comes_from_the_metainfo() -> None:
    packed = _build_module().debian_changelog()
    assert packed[8] == 2  # gzip's "maximum compression" flag, which lintian looks for
    assert packed[4:8] == bytes(4)  # no timestamp: the same source gives the same file
    text = gzip.decompress(packed).decode("utf-8")
    assert text.startswith(f"jobtracker ({jobtracker.__version__}) unstable; urgency=medium\n")
    assert re.search(r"^ -- .+ <.+@.+>  \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$", text,
                     re.MULTILINE)
    assert all(len(line) <= 80 for line in text.splitlines() if not line.startswith(" -- "))


def test_manual_page_prints_help_verbatim() -> None:
    build = _build_module()
    template = (PACKAGING / "linux" / "jobtracker.1.in").read_text(encoding="utf-8")
    assert {"@VERSION@", "@DATE@", "@HELP@"} <= set(re.findall(r"@[A-Z]+@", template))
    assert build._roff(".hidden\n'quoted\n--db C:\\x") == (
        "\\&.hidden\n\\&'quoted\n\\-\\-db C:\\ex")


def _iss() -> str:
    return (PACKAGING / "windows" / "jobtracker.iss").read_text(encoding="utf-8")


def test_windows_installer_installs_the_spec_bundle() -> None:
    iss, spec = _iss(), (ROOT / "jobtracker.spec").read_text(encoding="utf-8")
    root = re.search(r'^#define Root "(.+)"$', iss, re.MULTILINE)
    assert root
    folder = (PACKAGING / "windows" / root[1].replace("\\", "/")).resolve()
    assert folder == ROOT
    icon = re.search(r"^SetupIconFile=\{#Root\}\\(.+)$", iss, re.MULTILINE)
    assert icon and (ROOT / icon[1].replace("\\", "/")) == ICONS / "jobtracker.ico"
    # COLLECT(..., name="jobtracker") is dist\jobtracker; the Start menu runs the windowed EXE.
    assert 'name="jobtracker", upx=False' in spec
    assert 'Source: "{#Root}\\dist\\jobtracker\\*"' in iss
    assert 'name="jobtracker-gui", console=False' in spec
    assert 'Filename: "{app}\\jobtracker-gui.exe"' in iss
    # Windows finds an installed copy by AppId: one fixed GUID, for every version.
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", iss, re.MULTILINE)
    assert "{#AppVersion}" in iss and "#error" in iss  # the version is passed, never stale


def test_macos_disk_image_wraps_the_spec_app() -> None:
    spec = (ROOT / "jobtracker.spec").read_text(encoding="utf-8")
    script = (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert 'APP_NAME = "JobTracker"' in spec and 'name=f"{APP_NAME}.app"' in spec
    assert 'name="jobtracker", console=False' in spec  # the .app's executable
    assert "app=dist/JobTracker.app" in script
    assert '"$mount/JobTracker.app/Contents/MacOS/jobtracker" --smoke-test' in script
    assert os.access(PACKAGING / "macos" / "make_dmg.sh", os.X_OK)
