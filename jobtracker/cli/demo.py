"""The demo command: realistic sample data, refused where it would mix with real data."""

from __future__ import annotations

import argparse

from jobtracker.cli.common import counted, db_path, open_tracker


def cmd_demo(args: argparse.Namespace) -> int:
    """Add sample data; refused on a database that holds applications unless --force."""
    from jobtracker.demo import populate
    from jobtracker.errors import JobTrackerError
    from jobtracker.tracker import ApplicationFilter

    with open_tracker(args) as tracker:
        # Sample applications are indistinguishable from real ones once added (stats,
        # exports, the trash's empty-trash), so they never go into real data unasked.
        # Trashed ones count: they are the user's, waiting to be restored.
        live = tracker.count_applications()
        trashed = tracker.count_applications(ApplicationFilter(trashed=True))
        if live + trashed and not args.force:
            held = f"{live + trashed} application{'s' if live + trashed != 1 else ''}"
            if trashed:
                held += f" ({trashed} in the trash)"
            raise JobTrackerError(
                f"{db_path(args)} already holds {held}; sample data would mix with them. "
                "Try it in a new file (--db jobtracker-demo.db), or add --force")
        added = populate(tracker, args.count, seed=args.seed)
    print(f"{counted(added, 'sample application')} added to {db_path(args)}")
    return 0
