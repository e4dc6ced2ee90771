"""Test helper: user actions one after another on a database until killed, each logged once done.

Run as ``python crash_burst_driver.py DB LOG`` by ``test_crash_safety.py``: a fork server that
imports everything once, then for each ``run SEED`` line on stdin forks a worker process, prints
``ready PID`` once the worker has the database open, and ``exit STATUS`` when it died (the test
SIGKILLs it). Forking keeps 20 restarts cheap; each worker is still a whole process of its own.

Every action goes through the ``Tracker`` use cases (the path of the UI and the CLI); after it
returns (committed), one JSON line naming it is appended to LOG and fsynced, so the log never
claims an action the database might not hold. The sequence number continues across restarts.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from jobtracker.errors import ValidationError
from jobtracker.tracker import ApplicationInput, Tracker

STAGES = ("Saved", "Applied", "Screening", "Interviewing", "Offer", "Rejected", "Ghosted")


def note_body(seq: int) -> str:
    """A long note whose every byte is known from its number, so a torn one shows."""
    # No surrounding blanks: the tracker strips those, as it should.
    return f"Note {seq}\n\n" + "\n".join(f"line {seq}.{i}: ünïcødé ✓ text" for i in range(60))


def edited_title(seq: int) -> str:
    return f"Edited {seq}"


def edited_location(seq: int) -> str:
    return f"City {seq}"


def main(db_path: Path, log_path: Path, seed: int) -> None:
    logged = ([json.loads(line) for line in log_path.read_text("utf-8").splitlines()]
              if log_path.exists() else [])
    apps = [entry["app"] for entry in logged if entry["action"] == "add"]
    seq = len(logged)
    rng = random.Random(seed)
    log = log_path.open("a", encoding="utf-8")
    tracker = Tracker.open(db_path)
    print(f"ready {os.getpid()}", flush=True)
    while True:
        seq += 1
        action = rng.choice(("add", "edit", "move", "note")) if apps else "add"
        entry: dict[str, object] = {"seq": seq, "action": action}
        if action == "add":
            app = tracker.add_application(ApplicationInput(
                title=f"App {seq}", company=f"Company {seq % 7}", location="Berlin"))
            apps.append(app)
            entry["app"] = app
        else:
            app = rng.choice(apps)
            entry["app"] = app
            if action == "edit":
                tracker.edit_application(app, title=edited_title(seq),
                                         location=edited_location(seq))
            elif action == "note":
                entry["note"] = tracker.add_note(app, note_body(seq))
            else:
                stage = rng.choice(STAGES)
                try:
                    entry["event"] = tracker.move_stage(app, stage)
                except ValidationError:  # already there: nothing was done, nothing to log
                    continue
                entry["stage"] = stage
        log.write(json.dumps(entry) + "\n")
        log.flush()
        os.fsync(log.fileno())


def serve(db_path: Path, log_path: Path) -> None:
    for line in sys.stdin:
        seed = int(line.removeprefix("run "))
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into this loop
            try:
                main(db_path, log_path, seed)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]))
