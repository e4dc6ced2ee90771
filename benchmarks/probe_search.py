"""In-process probe: the tracker's search + table model refresh vs the raw FTS5 query.

Run as a child process by the benchmark (offscreen Qt): ``python -m benchmarks.probe_search
DB WORD REPEAT``; prints JSON ``{"a": [...], "b": [...], "matches": N}`` (seconds).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

from benchmarks.baselines.raw_search import raw_search


def main(db: str, word: str, repeat: int) -> int:
    """Interleave A (tracker + model) and B (raw sqlite3) ``repeat`` times; print JSON."""
    from PySide6.QtWidgets import QApplication, QTableView

    from jobtracker.tracker import Tracker
    from jobtracker.ui.applications.applications_model import PAGE_SIZE, ApplicationsModel

    app = QApplication([])
    tracker = Tracker.open(Path(db))
    model = ApplicationsModel(tracker)
    view = QTableView()  # a view on the model, as in the window: resets reach its header
    view.setModel(model)
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat + 1):  # the first round warms caches and is dropped
        model.set_search("")
        app.processEvents()
        started = time.perf_counter()
        model.set_search(word)
        app.processEvents()
        a.append(time.perf_counter() - started)
        started = time.perf_counter()
        total, page = raw_search(raw, word, PAGE_SIZE)
        b.append(time.perf_counter() - started)
    if model.total != total or model.rowCount() != len(page):
        raise SystemExit(f"the two searches disagree: {model.total} vs {total} matches")
    tracker.close()
    raw.close()
    del view, app
    print(json.dumps({"a": a[1:], "b": b[1:], "matches": total}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
