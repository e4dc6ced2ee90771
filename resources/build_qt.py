"""Regenerate the Qt forms, resources, translations: ``.venv/bin/python resources/build_qt.py``.

Compiles every ``ui/*.ui`` with ``pyside6-uic --from-imports`` into
``jobtracker/ui/forms/ui_<name>.py`` and ``resources/jobtracker.qrc`` with
``pyside6-rcc --format-version 1`` into ``jobtracker/ui/forms/jobtracker_rc.py``.
``--out DIR`` writes somewhere else (the freshness test compares against it).
Without ``--out`` it also runs ``pyside6-lupdate`` over the UI sources into
``resources/translations/jobtracker_en.ts`` (``--ts-only`` does just that).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_SOURCE = ROOT / "ui"
QRC = ROOT / "resources" / "jobtracker.qrc"
FORMS_PACKAGE = ROOT / "jobtracker" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations" / "jobtracker_en.ts"


def _tool(name: str) -> str:
    # Prefer the tool beside the running interpreter (the virtualenv's), so the
    # generated code matches the pinned PySide6 rather than whatever is on PATH.
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install the pinned PySide6-Essentials")
    return found


def build(out: Path) -> list[Path]:
    """Write every generated file into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(FORMS_SOURCE.glob("*.ui")):
        target = out / f"ui_{source.stem}.py"
        # Run from the source folder so the header names only the file, not a machine path.
        subprocess.run([_tool("pyside6-uic"), "--from-imports", source.name, "-o", str(target)],
                       check=True, cwd=FORMS_SOURCE)
        written.append(target)
    target = out / "jobtracker_rc.py"
    subprocess.run([_tool("pyside6-rcc"), "--format-version", "1", QRC.name, "-o", str(target)],
                   check=True, cwd=QRC.parent)
    written.append(target)
    init = out / "__init__.py"
    init.write_text('"""Generated from ui/*.ui and resources/jobtracker.qrc; do not edit."""\n',
                    encoding="utf-8")
    written.append(init)
    return written


def translation_sources() -> list[Path]:
    """What lupdate reads: the hand-written UI modules and the Designer forms (not their output)."""
    modules = [path for path in sorted((ROOT / "jobtracker" / "ui").rglob("*.py"))
               if FORMS_PACKAGE not in path.parents]
    return [*modules, *sorted(FORMS_SOURCE.glob("*.ui"))]


def update_translations(target: Path = TRANSLATIONS) -> Path:
    """Extract every marked user string into the Qt Linguist file ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sources = [str(path.relative_to(ROOT)) for path in translation_sources()]
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
                    "-source-language", "en", "-target-language", "en", *sources,
                    "-ts", str(target)], check=True, cwd=ROOT)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--ts-only", action="store_true",
                        help="only update resources/translations/jobtracker_en.ts")
    args = parser.parse_args(argv)
    if not args.ts_only:
        for path in build(args.out or FORMS_PACKAGE):
            print(path)
    if args.out is None:
        print(update_translations())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
