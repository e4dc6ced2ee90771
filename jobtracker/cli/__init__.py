"""The ``jobtracker`` command: no subcommand opens the app, subcommands work headless.

Heavy imports wait inside the commands, so that ``jobtracker --version`` and ``--help``
load neither SQLAlchemy nor Qt nor requests. ``common`` serves the command modules
(``applications``, ``records`` with ``interview_times``, ``recovery``, ``exchange``,
``mail``, ``demo``); ``parser`` puts them together, and ``main`` here runs a command after
``checks``, saying any failure through ``failures``. None of them imports this package.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from jobtracker.cli.checks import (
    check_output_folder,
    refuse_missing_db_folder,
    refuse_output_onto_database,
)
from jobtracker.cli.common import PROG, UsageError, db_path
from jobtracker.cli.failures import plain_damage, report_failure
from jobtracker.cli.parser import build_parser, glue_salary
from jobtracker.cli.records import implicit_add
from jobtracker.errors import UnknownStageError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    args_list = implicit_add(glue_salary(list(sys.argv[1:] if argv is None else argv)))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.smoke_test:
        if args.command is not None:
            parser.error("--smoke-test takes no command")
        if _no_display():
            # A check, not a session: the window is drawn off-screen, as in CI.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from jobtracker.ui.mainwindow.smoke import run_smoke_test

        return run_smoke_test(args.db)
    from jobtracker.logs import configure_logging

    configure_logging()  # only once a command runs: --version and --help stay fast
    try:
        if args.command is None:
            return _open_app(args, args_list)
        refuse_missing_db_folder(args)
        refuse_output_onto_database(args)
        check_output_folder(args)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except UsageError as error:
        parser.error(str(error))
    except UnknownStageError as error:  # a word the command line got wrong, like any option
        parser.error(str(error))
    except BrokenPipeError:
        # `jobtracker list | head` closed the pipe: not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing half-saved", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: one line, no traceback
        return report_failure(plain_damage(error, args), args)
    return 0  # pragma: no cover - parser.error exits


def _no_display() -> bool:
    """No desktop session for Qt to show a window in (only X11/Wayland systems lack one)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return False  # Windows and macOS always have their display
    return not any(os.environ.get(name) for name in
                   ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def _open_app(args: argparse.Namespace, argv: list[str]) -> int:
    if _no_display():
        # Qt would abort (SIGABRT, exit 134) with a page about platform plugins.
        print(f"{PROG}: error: no display: the window needs a desktop session (DISPLAY or "
              f"WAYLAND_DISPLAY is not set); the commands work without one — see {PROG} "
              f"--help", file=sys.stderr)
        return 1
    try:
        from jobtracker.ui.mainwindow.app import run
    except ImportError as error:
        print(f"{PROG}: the desktop window cannot start ({error}); the commands work without "
              f"it: {PROG} --help", file=sys.stderr)
        return 1
    from jobtracker.paths import db_path_is_chosen

    # Like a write command: a new file in an existing folder, but no folders for a typo.
    status: int = run(db_path(args), argv, make_folder=not db_path_is_chosen(args.db))
    return status
