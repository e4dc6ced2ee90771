"""The installed PySide6 keeps every reference to True, False and None: the reason for its pin.

PySide6-Essentials 6.12.0 drops one reference to True on each ``Signal.emit()`` and one to None
on each void call (``setText``, ``update``, ``setPen`` ...); on Python 3.11 that reaches zero
after hours of use and CPython aborts ("Fatal Python error: bool_dealloc" / "none_dealloc").
From Python 3.12 the three are immortal (PEP 683): their count starts at 2**32 - 1, and
PySide6's stable-ABI (abi3) wheels still move it (6.11.3 lowers True's by about one in eight
emissions on 3.12 and 3.13). That is harmless until the count falls below 2**31, where CPython
would stop treating them as immortal, so there only that is checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 5_000
# From Python 3.12 True, False and None stay immortal while their count is at least this.
IMMORTAL = 2**31

# Stops a call's run at the first batch that loses anything: the object's count is only a few
# thousand, so carrying on would abort the interpreter before it could say what it saw.
_PROBE = textwrap.dedent("""
    import gc, json, sys
    from PySide6 import __version__
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    CALLS, IMMORTAL, BATCH, WARM_UP = int(sys.argv[1]), int(sys.argv[2]), 250, 100

    class Emitter(QObject):
        fired = Signal(bool)

    def counts():
        gc.collect()
        return {"True": sys.getrefcount(True), "False": sys.getrefcount(False),
                "None": sys.getrefcount(None)}

    app = QApplication([])
    emitter = Emitter()
    emitter.fired.connect(lambda value: None)
    label = QLabel()
    widget = QWidget()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("#336699")
    calls = {
        "Signal(bool).emit": lambda n: emitter.fired.emit(n % 2 == 0),
        "QLabel.setText": lambda n: label.setText("text"),
        "QWidget.update": lambda n: widget.update(),
        "QPainter.setPen": lambda n: painter.setPen(color),
    }
    report = []
    for name, call in calls.items():
        for n in range(WARM_UP):  # first calls fill PySide's signature caches
            call(n)
        before, done, lost = counts(), 0, {}
        while done < CALLS and not lost:
            for n in range(BATCH):
                call(n)
            done += BATCH
            lost = {key: before[key] - now for key, now in counts().items()
                    if now < min(before[key], IMMORTAL)}
        report.append({"call": name, "calls": done, "lost": lost})
    painter.end()
    print(json.dumps({"pyside": __version__, "python": sys.version.split()[0],
                      "counts": counts(), "report": report}), flush=True)
""")


def test_pyside_keeps_its_references_to_true_false_and_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _PROBE, str(CALLS), str(IMMORTAL)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert reports, f"the probe died (exit code {result.returncode}):\n{result.stderr[-3000:]}"
    [probe] = reports
    losses = [f"{run['call']} lost {count} references to {name} in {run['calls']} calls"
              for run in probe["report"] for name, count in run["lost"].items()]
    assert not losses, (
        f"PySide6 {probe['pyside']} on Python {probe['python']} drops references: "
        + "; ".join(losses)
        + ". Each lost reference brings the object nearer to zero, where CPython aborts the app "
        "(\"Fatal Python error: bool_dealloc\" / \"none_dealloc\") after hours of use. Keep "
        "PySide6-Essentials pinned: see the comment by its pin in pyproject.toml.")
    assert [run["calls"] for run in probe["report"]] == [CALLS] * 4
    assert result.returncode == 0, result.stderr[-3000:]
