"""The benchmark cases, each JobTracker (A) against a bare baseline (B), and the scaling curve."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import data
from benchmarks.runner import Result, interleave, percentile, probe, run_measured, table

BASELINES = Path(__file__).resolve().parent / "baselines"
PY = sys.executable
CASES = ("startup", "memory", "search", "export", "version", "demo", "board", "frames",
         "bundle", "scaling")
# 200,000 is left out of the default: building it takes about 6 minutes here (once per
# code version); add it with --sizes 1000,10000,50000,200000.
DEFAULT_SIZES = (1000, 10_000, 50_000)
BOARD_APPLICATIONS = 7250  # the demo's mix then holds about 2,000 open cards


class Bench:
    """Shared state of one benchmark run: options, scratch folder, child environment."""

    def __init__(self, options: argparse.Namespace, scratch: Path) -> None:
        self.options = options
        self.repeat: int = options.repeat
        self.scratch = scratch
        self.env = data.child_env()
        # Children never touch the user's own settings, logs or backups.
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            self.env[name] = str(scratch / name.lower())
        self.results: list[Result] = []
        self.big = options.size
        self._startup: tuple[list[float], list[float], list[float], list[float]] | None = None
        # Whole-process (seconds, peak RSS MB) of each start-up run, for the notes.
        self._whole_a: list[tuple[float, float]] = []
        self._whole_b: list[tuple[float, float]] = []

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def copy(self, count: int, name: str) -> Path:
        """A scratch copy of the demo database of ``count`` applications."""
        return data.scratch_copy(data.demo_db(count), self.scratch / name)

    # -- cases ---------------------------------------------------------------------------

    def startup(self) -> tuple[list[float], list[float], list[float], list[float]]:
        """--smoke-test on the big database vs the bare window: times and peak RSS (MB).

        Both are measured to their first paint: each writes that moment (wall clock) and its
        peak memory so far to a file (``JOBTRACKER_SMOKE_PAINT_FILE``); the time is counted
        from just before the process is started. What the smoke test checks after the paint
        (keyring backends, the CA bundle, the migration scripts) is no part of the app's
        start-up, so it is left out; the whole processes are measured too, for the notes.
        """
        if self._startup is None:
            db = self.copy(self.big, "startup.db")
            mark = self.scratch / "first-paint.json"
            env = {**self.env, "JOBTRACKER_SMOKE_PAINT_FILE": str(mark)}
            memory_a: list[float] = []
            memory_b: list[float] = []

            def to_first_paint(cmd: list[str], memory: list[float],
                               whole: list[tuple[float, float]]) -> float:
                mark.unlink(missing_ok=True)
                spawned = time.time()
                run = run_measured(cmd, env)
                paint = json.loads(mark.read_text(encoding="utf-8"))
                memory.append(float(paint["max_rss_mb"]))
                whole.append((run.seconds, run.max_rss_mb))
                return float(paint["wall"]) - spawned

            def a() -> float:
                return to_first_paint([PY, "-m", "jobtracker", "--db", str(db), "--smoke-test"],
                                      memory_a, self._whole_a)

            def b() -> float:
                return to_first_paint([PY, str(BASELINES / "bare_window.py")], memory_b,
                                      self._whole_b)

            times_a, times_b = interleave(a, b, self.repeat)
            # The warm-up round's memory is as good a sample as any: peak RSS barely varies.
            self._startup = (times_a, times_b, memory_a[1:], memory_b[1:])
        return self._startup

    def _whole(self, which: list[tuple[float, float]], index: int) -> float:
        return statistics.median(run[index] for run in which[1:] or which)

    def case_startup(self) -> Result:
        times_a, times_b, _, _ = self.startup()
        return Result(f"GUI cold start, {self.big:,} apps", "<= 2.0x", times_a, times_b, 2.0,
                      note="`jobtracker --smoke-test` vs bare_window.py, each from its start to "
                           "its first paint (written by the process); whole processes, with "
                           "the smoke test's install checks after the paint: A median "
                           f"{self._whole(self._whole_a, 0):.2f} s, B median "
                           f"{self._whole(self._whole_b, 0):.2f} s")

    def case_memory(self) -> Result:
        _, _, memory_a, memory_b = self.startup()
        return Result(f"Peak RSS, window on {self.big:,} apps", "<= +80 MB", memory_a,
                      memory_b, 80.0, unit="MB", kind="delta",
                      note="peak RSS at the first paint; A median "
                           f"{statistics.median(memory_a):.0f} MB, B median "
                           f"{statistics.median(memory_b):.0f} MB; whole "
                           f"processes (ru_maxrss): A {self._whole(self._whole_a, 1):.0f} MB, "
                           f"B {self._whole(self._whole_b, 1):.0f} MB")

    def case_search(self) -> Result:
        db = data.demo_db(self.big)
        word, share = pick_word(db)
        answer = probe("benchmarks.probe_search", str(db), word, str(self.repeat),
                       env=self.env)
        a, b = list(answer["a"]), list(answer["b"])  # type: ignore[call-overload]
        return Result("Search as you type + model refresh", "<= 2.0x", a, b, 2.0,
                      note=f"word {word!r} in {answer['matches']:,} of {self.big:,} "
                           f"applications ({share:.1%}); ApplicationsModel.set_search (count "
                           f"+ first page of 200 rows + reset) vs raw FTS5 count + page")

    def case_export(self) -> Result:
        db = self.copy(self.big, "export.db")
        out = self.scratch / "export.csv"
        a, b = interleave(
            lambda: run_measured([PY, "-m", "jobtracker", "--db", str(db), "export", "csv",
                                  "-o", str(out)], self.env).seconds,
            lambda: run_measured([PY, str(BASELINES / "raw_export.py"), str(db),
                                  str(self.scratch / "raw.csv")], self.env).seconds,
            self.repeat)
        loaded = headless_modules([PY, "-X", "importtime", "-m", "jobtracker", "--db", str(db),
                                   "export", "csv", "-o", str(out)], self.env)
        return Result(f"export csv, {self.big:,} apps", "<= 1.5x", a, b, 1.5,
                      note=f"whole processes; raw_export.py = sqlite3 + csv, same rows and "
                           f"columns; heavy modules imported by export: {loaded or 'none'}")

    def case_version(self) -> Result:
        a, b = interleave(
            lambda: run_measured([PY, "-m", "jobtracker", "--version"], self.env).seconds,
            lambda: run_measured([PY, "-c", "pass"], self.env).seconds,
            self.repeat * 3)
        loaded = headless_modules([PY, "-X", "importtime", "-m", "jobtracker", "--version"],
                                  self.env)
        return Result("jobtracker --version", "<= 3.0x", a, b, 3.0,
                      note=f"vs `python -c pass`; heavy modules imported: {loaded or 'none'}")

    def case_demo(self) -> Result:
        count = self.options.demo_count
        source = data.demo_db(count)
        empty = data.migrated_template()
        target = self.scratch / "demo.db"

        def a() -> float:
            data.scratch_copy(empty, target)
            return run_measured([PY, "-m", "jobtracker", "--db", str(target), "demo",
                                 "--count", str(count)], self.env).seconds

        def b() -> float:
            data.scratch_copy(empty, target)
            return run_measured([PY, str(BASELINES / "raw_insert.py"), str(source),
                                 str(target)], self.env).seconds

        times_a, times_b = interleave(a, b, max(1, self.repeat - 1), warmup=False)
        return Result(f"demo --count {count:,}", "<= 3.0x", times_a, times_b, 3.0,
                      note="whole processes into a migrated empty copy; raw_insert.py = "
                           "executemany of the same rows, same triggers and indexes")

    def board_probe(self) -> dict[str, object]:
        if not hasattr(self, "_board"):
            db = self.copy(BOARD_APPLICATIONS, "board.db")
            self._board = probe("benchmarks.probe_board", str(db), str(self.repeat),
                                env=self.env)
        return self._board

    def case_board(self) -> Result:
        answer = self.board_probe()
        load = list(answer["load_a"])  # type: ignore[call-overload]
        b = list(answer["reset_b"])  # type: ignore[call-overload]
        ratio = statistics.median(load) / statistics.median(b)
        return Result(f"Board, {answer['open_cards']:,} open cards: reset + paint", "<= 3.0x",
                      list(answer["reset_a"]), b, 3.0,  # type: ignore[call-overload]
                      note=f"{answer['cards']:,} cards in all (closed columns folded); with "
                           f"the cards read from the database too: median "
                           f"{statistics.median(load) * 1000:.0f} ms = {ratio:.1f}x the bare "
                           f"list (not the target's measure)")

    def case_frames(self) -> Result:
        answer = self.board_probe()
        frames_a = list(answer["frames_a"])  # type: ignore[call-overload]
        frames_b = list(answer["frames_b"])  # type: ignore[call-overload]
        limit = 2 * percentile(frames_b, 0.95)
        return Result("Board drag: every frame", "< 2x bare p95", frames_a, frames_b, limit,
                      kind="max",
                      note=f"{len(frames_a)} frames; bare list p95 "
                           f"{percentile(frames_b, 0.95) * 1000:.1f} ms, board p95 "
                           f"{percentile(frames_a, 0.95) * 1000:.1f} ms, worst "
                           f"{max(frames_a) * 1000:.1f} ms")

    def case_bundle(self) -> Result:
        from benchmarks.bundle import bundle_sizes

        if not self.options.bundle:
            return Result("Bundle size", "<= 1.2x", limit=1.2, skipped=(
                "needs --bundle (builds a bare PySide6 bundle with build/venv's PyInstaller, "
                "about 3 min; measures dist/jobtracker)"))
        answer = bundle_sizes(self.log)
        if isinstance(answer, str):
            return Result("Bundle size", "<= 1.2x", limit=1.2, skipped=answer)
        app_mb, bare_mb = answer
        return Result("Bundle size (one folder)", "<= 1.2x", [app_mb], [bare_mb], 1.2,
                      unit="MB", note="dist/jobtracker vs a bare PySide6 window bundled with "
                                      "the same excludes and strip")

    # -- scaling -------------------------------------------------------------------------

    def scaling(self) -> str:
        sizes: list[int] = self.options.sizes
        lines = ["size      search (model refresh)   export csv (whole process)",
                 "--------  -----------------------  --------------------------"]
        search_cost: list[float] = []
        export_cost: list[float] = []
        for size in sizes:
            db = data.demo_db(size)
            word, _ = pick_word(db)
            answer = probe("benchmarks.probe_search", str(db), word, str(self.repeat),
                           env=self.env)
            search = statistics.median(answer["a"])  # type: ignore[arg-type]
            copy = data.scratch_copy(db, self.scratch / "scaling.db")
            runs = [run_measured([PY, "-m", "jobtracker", "--db", str(copy), "export", "csv",
                                  "-o", str(self.scratch / "scaling.csv")], self.env).seconds
                    for _ in range(max(2, self.repeat))]
            export = statistics.median(runs)
            search_cost.append(search)
            export_cost.append(export)
            lines.append(f"{size:>8,}  {search * 1000:>10.1f} ms ({answer['matches']:>6,} hits)"
                         f"  {export:>10.2f} s")
        growth = [f"x{sizes[i + 1] / sizes[i]:g} rows: search x"
                  f"{search_cost[i + 1] / search_cost[i]:.2f}, export x"
                  f"{export_cost[i + 1] / export_cost[i]:.2f}" for i in range(len(sizes) - 1)]
        lines += ["", "growth per step (rows, search, export):", *("  " + g for g in growth)]
        if len(sizes) > 1:
            rows = sizes[-1] / sizes[0]
            search_growth = search_cost[-1] / search_cost[0]
            # Export: the cost above the smallest run (start-up, imports) per 1,000 rows;
            # not growing from size to size means linear.
            per_k = [(export_cost[i] - export_cost[0]) / (sizes[i] - sizes[0]) * 1000
                     for i in range(1, len(sizes))]
            lines.append(
                f"{sizes[0]:,} -> {sizes[-1]:,} ({rows:g}x rows): search x{search_growth:.1f} "
                f"({'sub-linear' if search_growth < rows / 4 else 'NOT sub-linear'}); "
                f"export per 1,000 rows above the {sizes[0]:,} run: "
                + ", ".join(f"{cost * 1000:.0f} ms at {size:,}"
                            for cost, size in zip(per_k, sizes[1:], strict=True))
                + (" (the cost per row does not grow: linear)"
                   if all(b <= a * 1.25 for a, b in itertools.pairwise(per_k))
                   else " (the cost per row grows: worse than linear)"))
        return "\n".join(lines)


def pick_word(db: Path, share: float = 0.01) -> tuple[str, float]:
    """A word of the search index found in about ``share`` of the applications."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, application_fts, row)")
        total = con.execute("SELECT count(*) FROM application").fetchone()[0]
        rows = con.execute("SELECT term, doc FROM temp.vocab WHERE length(term) >= 4").fetchall()
        tags = [name for (name,) in con.execute("SELECT name FROM tag")]
    finally:
        con.close()
    # The search also finds tags by name, which the raw FTS5 baseline does not: a word
    # starting a tag's word would compare two different searches.
    tag_words = {word for name in tags for word in re.findall(r"\w+", name.casefold())}
    words = [(abs(doc / total - share), term, doc / total) for term, doc in rows
             if term.isalpha() and not any(word.startswith(term) for word in tag_words)]
    _, word, found = min(words)
    return word, found


_IMPORT = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)")
HEAVY = ("PySide6", "requests", "alembic", "markdown", "lxml", "keyring", "sqlalchemy")


def headless_modules(cmd: list[str], env: dict[str, str]) -> str:
    """Which heavy packages a command imports (from ``-X importtime``)."""
    import subprocess

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=data.ROOT,
                          check=True)
    names = {match.group(1).split(".")[0] for line in done.stderr.splitlines()
             if (match := _IMPORT.match(line))}
    return ", ".join(name for name in HEAVY if name in names)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="JobTracker against bare baselines: medians and A/B ratios.")
    parser.add_argument("--quick", action="store_true",
                        help="a short run: 2 rounds, 10,000 applications, sizes 1k and 10k")
    parser.add_argument("--only", action="append", choices=CASES, metavar="CASE",
                        help=f"run only this case (repeatable): {', '.join(CASES)}")
    parser.add_argument("--repeat", type=int, help="interleaved A/B rounds (default 5)")
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")],
                        help="scaling curve sizes (default 1000,10000,50000; add 200000 "
                             "for the full curve)")
    parser.add_argument("--bundle", action="store_true",
                        help="include the bundle-size case (PyInstaller in build/venv)")
    options = parser.parse_args(argv)
    options.repeat = options.repeat or (2 if options.quick else 5)
    options.size = 10_000 if options.quick else 50_000
    options.demo_count = 5_000 if options.quick else 50_000
    options.sizes = options.sizes or ([1000, 10_000] if options.quick else list(DEFAULT_SIZES))
    return options


def main(argv: list[str] | None = None) -> int:
    """Run the chosen cases and print the table; 0 when every target holds, else 1."""
    options = parse_args(argv)
    wanted = options.only or list(CASES)
    with tempfile.TemporaryDirectory(prefix="jobtracker-bench-") as scratch:
        bench = Bench(options, Path(scratch))
        order: list[tuple[str, Callable[[], Result]]] = [
            ("version", bench.case_version), ("export", bench.case_export),
            ("search", bench.case_search), ("startup", bench.case_startup),
            ("memory", bench.case_memory), ("board", bench.case_board),
            ("frames", bench.case_frames), ("demo", bench.case_demo),
            ("bundle", bench.case_bundle)]
        for name, case in order:
            if name in wanted:
                bench.log(f"running {name} ...")
                try:
                    result = case()
                except Exception as error:  # one broken case must not lose the others
                    result = Result(name, "-", skipped=f"error: {str(error)[:300]}")
                bench.results.append(result)
                bench.log(table([result]))
        curve = None
        if "scaling" in wanted:
            bench.log(f"running scaling at {options.sizes} ...")
            curve = bench.scaling()
    cpus = os.cpu_count()
    print(f"JobTracker benchmarks: {options.repeat} interleaved rounds, Python "
          f"{platform.python_version()}, {platform.system()} {platform.machine()}, "
          f"{cpus} CPUs, data cache {data.cache_dir()} (code {data.code_key()})")
    print("A = JobTracker, B = bare baseline; ratios are per round A/B, median (min-max).\n")
    if bench.results:
        print(table(bench.results))
    if curve:
        print("\nScaling (medians):\n" + curve)
    failed = [r for r in bench.results if r.verdict() == "FAIL"]
    return 1 if failed else 0
