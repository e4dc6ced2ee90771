"""In-process probe: the board's model reset + first paint and drag frames vs a bare QListView.

Run as a child process by the benchmark (offscreen Qt): ``python -m benchmarks.probe_board
DB REPEAT``; prints JSON (seconds): ``reset_a``/``reset_b`` (cards already read, models
reset and the window painted), ``load_a`` (the same with the cards read from the database,
what a refresh costs), ``frames_a``/``frames_b`` (each frame of a scripted drag across the
columns: one drag-move event and a synchronous repaint), ``open_cards``, ``cards``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from benchmarks.baselines.bare_list import make_bare_list

SIZE = (1400, 900)
STEPS_PER_COLUMN = 12


def _drag_frames(app: object, targets: list[object], mime: object, window: object) -> list[float]:
    """Drag ``mime`` down each target viewport in turn; the time of each frame.

    A frame is one drag-move event and the repaint of whatever it made dirty (drop
    indicator, hover), as Qt does between two mouse moves of a real drag.
    """
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    frames: list[float] = []
    move = Qt.DropAction.MoveAction
    button, modifier = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for target in targets:
        assert isinstance(target, QWidget)
        height = max(1, target.height())
        x = target.width() // 2
        for step in range(STEPS_PER_COLUMN):
            point = QPointF(x, height * (step + 0.5) / STEPS_PER_COLUMN)
            started = time.perf_counter()
            event_type = QDragEnterEvent if step == 0 else QDragMoveEvent
            QApplication.sendEvent(target, event_type(point, move, mime, button, modifier))
            QApplication.processEvents()  # what the move made dirty is painted here

            frames.append(time.perf_counter() - started)
        QApplication.sendEvent(target, QDragLeaveEvent())
    return frames


def main(db: str, repeat: int) -> int:
    """Interleave the board and the bare list ``repeat`` times; print JSON."""
    from PySide6.QtWidgets import QApplication

    from jobtracker.tracker import ApplicationFilter, Tracker
    from jobtracker.ui.applications.board_model import card_mime, load_board
    from jobtracker.ui.applications.board_view import BoardView
    from jobtracker.ui.undo_commands import Editor
    from jobtracker.vocabulary import StageKind

    app = QApplication([])
    tracker = Tracker.open(Path(db))
    editor = Editor(tracker)
    board = BoardView(editor, lambda: ApplicationFilter())
    board.resize(*SIZE)
    board.show()
    bare, bare_model, strings = make_bare_list()
    bare.resize(*SIZE)
    bare.show()
    app.processEvents()
    stages = tracker.stages()
    grouped = load_board(tracker, ApplicationFilter())
    open_ids = {s.id for s in stages if s.kind in (StageKind.OPEN, StageKind.OFFER)}
    open_cards = sum(len(rows) for sid, rows in grouped.items() if sid in open_ids)

    result: dict[str, list[float] | int] = {"reset_a": [], "reset_b": [], "load_a": [],
                                            "frames_a": [], "frames_b": []}
    for round_number in range(repeat + 1):  # round 0 warms up and is dropped
        keep = round_number > 0
        # A: the board's models reset with cards already read, then the window painted.
        started = time.perf_counter()
        for column, stage in zip(board.columns, stages, strict=True):
            column.model.set_rows(list(grouped.get(stage.id, [])), stage)
            column.update_header()
        board.repaint()
        reset_a = time.perf_counter() - started
        # B: the bare list's model reset with 2,000 strings, then painted.
        bare_model.setStringList([])
        app.processEvents()
        started = time.perf_counter()
        bare_model.setStringList(strings)
        bare.repaint()
        reset_b = time.perf_counter() - started
        # A, whole refresh: read the cards from the database too.
        started = time.perf_counter()
        board.refresh_now()
        board.repaint()
        load_a = time.perf_counter() - started
        app.processEvents()
        if keep:
            result["reset_a"].append(reset_a)  # type: ignore[union-attr]
            result["reset_b"].append(reset_b)  # type: ignore[union-attr]
            result["load_a"].append(load_a)  # type: ignore[union-attr]

    # Drag a card of the first column across every open column, and a string down the list.
    first = board.columns[0]
    mime = card_mime(first.model.stage.name, [first.model.application(0).id])
    targets = [c.list.viewport() for c in board.columns if not c.collapsed]
    bare_mime = bare_model.mimeData([bare_model.index(0, 0)])
    # One unrecorded pass each: the first drag builds caches (glyphs, style) in both.
    _drag_frames(app, targets, mime, board)
    _drag_frames(app, [bare.viewport()] * len(targets), bare_mime, bare)
    for _ in range(repeat):
        result["frames_a"].extend(_drag_frames(app, targets, mime, board))  # type: ignore[union-attr]
        result["frames_b"].extend(  # type: ignore[union-attr]
            _drag_frames(app, [bare.viewport()] * len(targets), bare_mime, bare))
    result["open_cards"] = open_cards
    result["cards"] = sum(len(rows) for rows in grouped.values())
    tracker.close()
    print(json.dumps(result), flush=True)
    # PySide6 can crash while tearing down drag events at interpreter exit; nothing is
    # left to clean up, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
