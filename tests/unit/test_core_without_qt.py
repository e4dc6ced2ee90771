"""The core runs headless: importing it never loads Qt, and quick commands skip heavy imports."""

import subprocess
import sys

CORE_MODULES = [
    "jobtracker.cli", "jobtracker.db", "jobtracker.models", "jobtracker.tracker",
    "jobtracker.exchange.csv_export", "jobtracker.exchange.csv_import",
    "jobtracker.exchange.json_backup", "jobtracker.exchange.text_output", "jobtracker.demo",
    "jobtracker.money", "jobtracker.paths", "jobtracker.migrations", "jobtracker.tracker.stages",
    "jobtracker.importers", "jobtracker.importers.to_application", "jobtracker.plain",
    "jobtracker.secrets", "jobtracker.cli_mail", "jobtracker.tracker.mail",
    "jobtracker.mail.accounts", "jobtracker.mail.providers", "jobtracker.mail.imap",
    "jobtracker.mail.scan", "jobtracker.mail.match", "jobtracker.mail.classify",
    "jobtracker.mail.suggest", "jobtracker.mail.service", "jobtracker.mail.message",
    "jobtracker.mail.when",
]


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
