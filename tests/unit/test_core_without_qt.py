"""The core runs headless: importing it never loads Qt, and quick commands skip heavy imports."""

import subprocess
import sys
from pathlib import Path

import jobtracker


def _core_modules() -> list[str]:
    # Every module outside jobtracker/ui, found on disk so a new one cannot be forgotten
    # (Alembic's env.py and revision scripts run only inside a migration).
    root = Path(jobtracker.__file__).parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] in ("ui", "__main__") or parts[:2] in (("migrations", "env"),
                                                           ("migrations", "versions")):
            continue
        names.append(".".join(("jobtracker", *parts)).removesuffix(".__init__"))
    return names


CORE_MODULES = _core_modules()


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    return set(result.stdout.split())


def test_core_modules_do_not_import_qt():
    loaded = _loaded_after("\n".join(f"import {name}" for name in CORE_MODULES))
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


def test_core_modules_do_not_import_requests():
    # Offline by default: nothing in the core even loads the HTTP stack.
    loaded = _loaded_after("\n".join(f"import {name}" for name in CORE_MODULES))
    assert "requests" not in loaded


def test_version_path_skips_sqlalchemy():
    loaded = _loaded_after(
        "import sys\nfrom jobtracker.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    assert "sqlalchemy" not in loaded
    assert "PySide6" not in loaded
