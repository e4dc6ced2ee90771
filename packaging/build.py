"""Build the Linux installers: ``python3 packaging/build.py``.

1. Makes ``build/venv`` hold exactly ``requirements.lock`` and the pinned build tools of
   ``packaging/requirements-build.txt`` (reinstalled only when a pin changes; the test venv
   ``.venv`` is never touched).
2. Runs ``pyinstaller jobtracker.spec`` into ``dist/jobtracker/``, takes the build machine's
   absolute library search paths (RUNPATH) out of its libraries and smoke-tests the bundle
   (``dist/jobtracker/jobtracker --smoke-test``, offscreen).
3. Packs ``dist/jobtracker-<version>-linux-<machine>.tar.gz``: the bundle plus ``share/``
   (desktop entry, icons, AppStream file) to copy into ``~/.local/share`` if wanted.
4. Makes ``dist/jobtracker_<version>_<arch>.deb`` with ``dpkg-deb``: the bundle in
   ``/opt/jobtracker``, ``/usr/bin/jobtracker``, the desktop entry, the hicolor icons, the
   AppStream file, a manual page made from ``jobtracker --help``, the changelog (the AppStream
   file's release notes) and lintian's overrides (``packaging/linux/``); ``Depends`` lists the
   packages of the system libraries the bundle links but does not carry (found with objdump
   and ``dpkg -S``, like dpkg-shlibdeps).

``--no-pyinstaller`` packs an existing ``dist/jobtracker``. Prints what it made and its sizes.
``--print-version`` prints the version it builds (the release workflow names files with it).
"""

from __future__ import annotations

import argparse
import ast
import datetime
import email.utils
import gzip
import hashlib
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "venv"
BUNDLE = DIST / "jobtracker"
RESOURCES = ROOT / "resources"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.jobtracker.JobTracker"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = "JobTracker developers <jobtracker@users.noreply.github.com>"
# System libraries the bundle links whose package dpkg -S cannot name on a build machine that
# lacks them (the xcb and Wayland platform plugins' helpers; headless CI has neither).
KNOWN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libgtk-3.so.0": "",  # only the dropped GTK platform theme
    "libgdk-3.so.0": "",
}


def log(message: str) -> None:
    """One progress line."""
    print(f"build: {message}", flush=True)


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the build when it fails."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [str(part) for part in command], check=True, text=True, **kwargs)


def version() -> str:
    """jobtracker.__version__, the single source of the version."""
    tree = ast.parse((ROOT / "jobtracker" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                getattr(target, "id", None) == "__version__" for target in node.targets):
            return str(ast.literal_eval(node.value))
    raise SystemExit("jobtracker/__init__.py has no __version__")


def size_mb(path: Path) -> float:
    """Size in MB of a file or a folder (symlinks not followed)."""
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file()
               and not p.is_symlink()) / 2**20


# -- 1. the build venv ------------------------------------------------------------------------


def build_venv() -> Path:
    """build/venv with the locked runtime and the pinned PyInstaller; its python."""
    pins = [ROOT / "requirements.lock", ROOT / "packaging" / "requirements-build.txt"]
    want = hashlib.sha256(b"".join(p.read_bytes() for p in pins)).hexdigest()
    stamp = VENV / ".installed"
    python = VENV / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text() == want:
        return python
    log(f"installing the pinned build tools into {VENV.relative_to(ROOT)}")
    if not python.exists():
        run(sys.executable, "-m", "venv", VENV)
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        *[arg for pin in pins for arg in ("-r", pin)])
    stamp.write_text(want)
    return python


# -- 2. the bundle ----------------------------------------------------------------------------


def pyinstaller(python: Path) -> None:
    """Run the spec into dist/jobtracker."""
    log("pyinstaller jobtracker.spec")
    started = time.monotonic()
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", ROOT / "jobtracker.spec",
        cwd=ROOT)
    log(f"bundle built in {time.monotonic() - started:.0f} s: {size_mb(BUNDLE):.1f} MB")


# -- 2b. no build-machine paths in the bundle --------------------------------------------------
# ELF constants (the System V gABI): program header and dynamic section entry kinds.
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_RPATH, DT_RUNPATH = 0, 5, 15, 29


def drop_absolute_runpath(path: Path) -> bool:
    """Remove the RPATH/RUNPATH entries of one ELF file that name only absolute folders.

    PyInstaller copies the build machine's Python libraries as they are, and a Python built
    with a shared libpython (pyenv's, a CI runner's) points them at its own lib folder by
    absolute path: a folder the user's computer lacks, and that the loader would search first
    if someone made it. The bundle needs none of them (libpython is loaded from the bundle
    before any extension module). Entries relative to ``$ORIGIN`` (Qt's and PySide6's) are
    how the bundle finds its own libraries and stay.
    Only 64-bit little-endian files are edited; True when the file changed.
    """
    data = bytearray(path.read_bytes())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # ELFCLASS64, ELFDATA2LSB
        return False
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    # (p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align)
    headers = [struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize) for i in range(phnum)]
    dynamic = next((h for h in headers if h[0] == PT_DYNAMIC), None)
    if dynamic is None:
        return False
    entries: list[tuple[int, int]] = []
    for offset in range(dynamic[2], dynamic[2] + dynamic[5] - 15, 16):
        entries.append(struct.unpack_from("<qQ", data, offset))
        if entries[-1][0] == DT_NULL:
            break
    strtab = next((value for tag, value in entries if tag == DT_STRTAB), None)
    if strtab is None:
        return False
    # DT_STRTAB holds an address: the PT_LOAD segment that maps it gives its file offset.
    base = next((h[2] + strtab - h[3] for h in headers
                 if h[0] == PT_LOAD and h[3] <= strtab < h[3] + h[5]), None)
    if base is None:
        return False

    def absolute_only(index: int) -> bool:
        text = bytes(data[base + index:data.index(b"\0", base + index)]).decode("utf-8", "replace")
        return not any(part.startswith(("$ORIGIN", "${ORIGIN}")) for part in text.split(":"))

    kept = [(tag, value) for tag, value in entries
            if tag not in (DT_RPATH, DT_RUNPATH) or not absolute_only(value)]
    if len(kept) == len(entries):
        return False
    # The section keeps its size: the entries move up and DT_NULL fills the end, as chrpath -d.
    kept += [(DT_NULL, 0)] * (len(entries) - len(kept))
    for i, entry in enumerate(kept):
        struct.pack_into("<qQ", data, dynamic[2] + 16 * i, *entry)
    mode = path.stat().st_mode
    path.chmod(mode | 0o200)  # a library copied read-only (0555) must still be written
    path.write_bytes(bytes(data))
    path.chmod(mode)
    return True


def drop_absolute_runpaths(bundle: Path) -> int:
    """drop_absolute_runpath on every ELF file of the bundle; how many changed."""
    return sum(drop_absolute_runpath(path) for path in _elf_files(bundle))


def smoke_test(executable: Path) -> None:
    """The bundle starts the real app, offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run(executable, "--version", env=env)
    run(executable, "--smoke-test", env=env)


# -- 3. share/: desktop entry, icons, AppStream, manual page ----------------------------------


def releases() -> list[tuple[str, str, list[str]]]:
    """The AppStream file's releases, newest first: (version, YYYY-MM-DD, notes)."""
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    found = []
    for release in root.findall("releases/release"):
        notes = []
        for node in release.findall("description/*"):
            # A <p> is one note, a list's every <li> another.
            for part in ([node] if node.tag == "p" else list(node)):
                notes.append(" ".join("".join(part.itertext()).split()))
        found.append((release.get("version", ""), release.get("date", ""), notes))
    return found


def _roff(text: str) -> str:
    """Plain text as roff that prints it verbatim (inside .nf)."""
    lines = []
    for line in text.replace("\\", "\\e").replace("-", "\\-").splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def manual_page(executable: Path, version_: str) -> bytes:
    """jobtracker.1.gz: packaging/linux/jobtracker.1.in with the bundle's own --help in it.

    The command list comes from the executable being packaged, so the page cannot fall
    behind it; the date is the newest release's, so the same source gives the same page.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COLUMNS": "80"}  # argparse's width
    help_text = run(executable, "--help", env=env, capture_output=True).stdout
    page = (LINUX / "jobtracker.1.in").read_text(encoding="utf-8")
    page = (page.replace("@VERSION@", version_).replace("@DATE@", releases()[0][1])
            .replace("@HELP@", _roff(help_text.rstrip())))
    return gzip.compress(page.encode("utf-8"), compresslevel=9, mtime=0)


def debian_changelog() -> bytes:
    """changelog.gz in Debian's format, from the AppStream file's release notes (gzip -9n)."""
    entries = []
    for version_, date, notes in releases():
        when = email.utils.format_datetime(
            datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.UTC))
        items = "\n".join(textwrap.fill(note, width=78, initial_indent="  * ",
                                        subsequent_indent="    ") for note in notes)
        entries.append(f"jobtracker ({version_}) unstable; urgency=medium\n\n"
                       f"{items or '  * Released.'}\n\n -- {MAINTAINER}  {when}\n")
    return gzip.compress("\n".join(entries).encode("utf-8"), compresslevel=9, mtime=0)


def install_share(share: Path) -> None:
    """Lay out the desktop integration files under ``share`` (an XDG data dir)."""
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RESOURCES / "jobtracker.desktop", share / "applications" / "jobtracker.desktop")
    icons = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RESOURCES / "icons" / "app" / f"jobtracker-{size}.png",
                        folder / "jobtracker.png")
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RESOURCES / "icons" / "app" / "jobtracker.svg",
                    icons / "scalable" / "apps" / "jobtracker.svg")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RESOURCES / f"{APP_ID}.metainfo.xml",
                    share / "metainfo" / f"{APP_ID}.metainfo.xml")


def make_tarball(version_: str) -> Path:
    """dist/jobtracker-<version>-linux-<machine>.tar.gz."""
    name = f"jobtracker-{version_}-linux-{platform.machine()}"
    stage = BUILD / "tar" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(BUNDLE, stage, symlinks=True)
    install_share(stage / "share")
    (stage / "INSTALL.txt").write_text(
        f"JobTracker {version_}\n\n"
        "Run ./jobtracker from this folder (no installation needed); ./jobtracker --help lists "
        "the commands.\nTo add it to your desktop's menu:\n"
        "  cp -r share/. ~/.local/share/\n"
        "  ln -s \"$PWD/jobtracker\" ~/.local/bin/jobtracker\n", encoding="utf-8")
    target = DIST / f"{name}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name, filter=owned_by_root)
    return target


# -- 4. the .deb ------------------------------------------------------------------------------


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def depends(bundle: Path) -> list[str]:
    """Debian packages of the libraries the bundle links but does not carry."""
    carried = {path.name for path in bundle.rglob("*")}
    needed: set[str] = set()
    glibc = (2, 17)
    for path in _elf_files(bundle):
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True,
                              check=False).stdout
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)$", dump, re.MULTILINE))
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", dump):
            glibc = max(glibc, (int(major), int(minor)))
    missing = sorted(needed - carried)
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    cache = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    packages: set[str] = set()
    for name in missing:
        if name in KNOWN_PACKAGES:
            if KNOWN_PACKAGES[name]:
                packages.add(KNOWN_PACKAGES[name])
            continue
        match = re.search(rf"^\s+{re.escape(name)} \(libc6,x86-64[^)]*\) => (\S+)$", cache,
                          re.MULTILINE) or re.search(
                              rf"^\s+{re.escape(name)} \([^)]*\) => (\S+)$", cache, re.MULTILINE)
        if match is None:
            raise SystemExit(f"build: the bundle links {name}, which this machine lacks and no "
                             "rule names a package for; add it to KNOWN_PACKAGES")
        owner = subprocess.run(["dpkg", "-S", str(Path(match[1]).resolve())],
                               capture_output=True, text=True, check=False)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", match[1]], capture_output=True, text=True,
                                   check=True)
        packages.add(owner.stdout.split(":")[0].strip())
    packages.discard("libc6")
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(packages)]


CONTROL = """\
Package: jobtracker
Version: {version}
Architecture: {arch}
Maintainer: {maintainer}
Installed-Size: {installed_kb}
Depends: {depends}
Recommends: fonts-dejavu-core | fonts-freefont-ttf
Suggests: gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Homepage: https://github.com/jobtracker/jobtracker
Description: offline desktop tracker for a whole job search
 JobTracker keeps the postings you found, the applications you sent, every
 interview stage with its date, the people you met and your notes in one
 local SQLite file. Nothing leaves the computer unless you ask.
 .
 This package holds a self-contained build in /opt/jobtracker and the
 jobtracker command.
"""

# Python must not have left bytecode in the bundle (the runtime hook forbids it), but a
# removal must leave /opt/jobtracker gone even if something did.
POSTRM = """\
#!/bin/sh
set -e
case "$1" in
    remove|purge)
        if [ -d /opt/jobtracker ]; then
            find /opt/jobtracker -depth -name __pycache__ -type d -exec rm -rf {} +
            find /opt/jobtracker -depth -type d -empty -delete
        fi
        ;;
esac
exit 0
"""


# libfoo.so, libfoo.so.6.11, module.cpython-311-x86_64-linux-gnu.so
SHARED_LIBRARY = re.compile(r"\.so(\.[0-9]+)*$")


def make_deb(version_: str) -> Path:
    """dist/jobtracker_<version>_<arch>.deb, built with dpkg-deb."""
    arch = run("dpkg", "--print-architecture", capture_output=True).stdout.strip()
    root = BUILD / "deb" / f"jobtracker_{version_}_{arch}"
    shutil.rmtree(root.parent, ignore_errors=True)
    shutil.copytree(BUNDLE, root / "opt" / "jobtracker", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "jobtracker").symlink_to("/opt/jobtracker/jobtracker")
    install_share(root / "usr" / "share")
    doc = root / "usr" / "share" / "doc" / "jobtracker"
    doc.mkdir(parents=True)
    # Debian wants the years in the copyright notice: those of the first and newest release.
    years = sorted({date[:4] for _, date, _ in releases()})
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: JobTracker\n\nFiles: *\n"
        f"Copyright: {'-'.join(dict.fromkeys([years[0], years[-1]]))} The JobTracker developers\n"
        "License: GPL-3.0-or-later\n On Debian systems, the complete text of the GNU General "
        "Public License\n version 3 can be found in /usr/share/common-licenses/GPL-3.\n",
        encoding="utf-8")
    (doc / "changelog.gz").write_bytes(debian_changelog())
    man = root / "usr" / "share" / "man" / "man1"
    man.mkdir(parents=True)
    (man / "jobtracker.1.gz").write_bytes(manual_page(BUNDLE / "jobtracker", version_))
    # What lintian reports that a self-contained bundle in /opt is by design (reasons there).
    overrides = root / "usr" / "share" / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(LINUX / "jobtracker.lintian-overrides", overrides / "jobtracker")
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kb = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file()) // 1024 + 1
    (debian / "control").write_text(CONTROL.format(
        version=version_, arch=arch, maintainer=MAINTAINER, installed_kb=installed_kb,
        depends=", ".join(depends(BUNDLE))), encoding="utf-8")
    (debian / "postrm").write_text(POSTRM, encoding="utf-8")
    # What dh_md5sums writes: lets `dpkg --verify jobtracker` find damaged or changed files.
    sums = [f"{hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()}  "
            f"{path.relative_to(root)}\n" for path in sorted(root.rglob("*"))
            if path.is_file() and not path.is_symlink() and debian not in path.parents]
    (debian / "md5sums").write_text("".join(sums), encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            # Shared libraries are loaded, not run: Debian wants them 0644 (pip and PyInstaller
            # leave them 0755); the bootloader and postrm are what must stay executable.
            library = SHARED_LIBRARY.search(path.name) is not None
            executable = path.name == "postrm" or (path.stat().st_mode & 0o111 and not library)
            path.chmod(0o755 if executable else 0o644)
    target = DIST / f"{root.name}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", root, target)
    return target


def main(argv: list[str] | None = None) -> int:
    """Build everything; 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-pyinstaller", action="store_true",
                        help="package the existing dist/jobtracker instead of rebuilding it")
    parser.add_argument("--print-version", action="store_true",
                        help="print the version it builds (jobtracker.__version__) and exit")
    args = parser.parse_args(argv)
    if args.print_version:
        print(version())
        return 0
    if not sys.platform.startswith("linux"):
        raise SystemExit("build.py makes the Linux installers; see the README for Windows "
                         "and macOS (pyinstaller jobtracker.spec)")
    version_ = version()
    if releases()[0][0] != version_:
        raise SystemExit(f"build: the newest release in resources/{APP_ID}.metainfo.xml is not "
                         f"{version_}; add it there first (the changelog is made from it)")
    if not args.no_pyinstaller:
        pyinstaller(build_venv())
    if not (BUNDLE / "jobtracker").exists():
        raise SystemExit(f"build: no bundle in {BUNDLE}")
    log(f"took the build machine's library paths out of {drop_absolute_runpaths(BUNDLE)} files")
    started = time.monotonic()
    smoke_test(BUNDLE / "jobtracker")
    log(f"bundle smoke test passed in {time.monotonic() - started:.1f} s")
    tarball = make_tarball(version_)
    log(f"{tarball.relative_to(ROOT)}: {size_mb(tarball):.1f} MB")
    deb = make_deb(version_)
    log(f"{deb.relative_to(ROOT)}: {size_mb(deb):.1f} MB (bundle {size_mb(BUNDLE):.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
