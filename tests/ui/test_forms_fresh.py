"""The committed generated forms and resources match their sources."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_qt", ROOT / "resources" / "build_qt.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_files_are_fresh(tmp_path: Path) -> None:
    written = _build_module().build(tmp_path)
    committed = ROOT / "jobtracker" / "ui" / "forms"
    stale = [path.name for path in written
             if not (committed / path.name).exists()
             or (committed / path.name).read_bytes() != path.read_bytes()]
    assert not stale, f"regenerate with: python resources/build_qt.py ({stale})"
    extra = {p.name for p in committed.glob("*.py")} - {p.name for p in written}
    assert not extra, f"generated files without a source: {extra}"


def test_every_ui_source_is_compiled() -> None:
    sources = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    generated = {p.stem.removeprefix("ui_") for p in
                 (ROOT / "jobtracker" / "ui" / "forms").glob("ui_*.py")}
    assert sources == generated


def test_every_icon_is_in_the_qrc() -> None:
    qrc = (ROOT / "resources" / "jobtracker.qrc").read_text(encoding="utf-8")
    for icon in (ROOT / "resources" / "icons").glob("*.svg"):
        assert f"icons/{icon.name}" in qrc
