"""Timing helpers: whole processes with their peak memory, interleaved A/B rounds, statistics."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.data import ROOT


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    max_rss_mb: float
    stdout: str


def run_process(cmd: Sequence[str], env: dict[str, str], *, timeout: float = 600.0) -> Run:
    """Run ``cmd`` to its end, keeping its standard output (for probes that answer in JSON)."""
    started = time.perf_counter()
    process = subprocess.Popen(list(cmd), env=env, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise RuntimeError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}") from None
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"exit {process.returncode}: {' '.join(cmd)}\n{stderr[-2000:]}")
    return Run(seconds, 0.0, stdout)  # peak memory needs run_measured


def run_measured(cmd: Sequence[str], env: dict[str, str], *, stdout_path: Path | None = None,
                 timeout: float = 600.0) -> Run:
    """Like ``run_process`` but reaped with ``os.wait4`` to read the child's peak RSS."""
    out = stdout_path.open("w") if stdout_path else subprocess.DEVNULL
    started = time.perf_counter()
    try:
        process = subprocess.Popen(list(cmd), env=env, cwd=ROOT, stdout=out,
                                   stderr=subprocess.PIPE)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise RuntimeError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
            time.sleep(0.002)
        seconds = time.perf_counter() - started
    finally:
        if stdout_path:
            out.close()  # type: ignore[union-attr]
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"exit {process.returncode}: {' '.join(cmd)}\n{stderr[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, "")


def interleave(a: Callable[[], float], b: Callable[[], float], repeat: int,
               *, warmup: bool = True) -> tuple[list[float], list[float]]:
    """Run A B A B ... ``repeat`` times (after one unrecorded round); their times."""
    if warmup:
        a()
        b()
    times_a: list[float] = []
    times_b: list[float] = []
    for _ in range(repeat):
        times_a.append(a())
        times_b.append(b())
    return times_a, times_b


def probe(module: str, *args: str, env: dict[str, str]) -> dict[str, object]:
    """Run an in-process probe (``python -m benchmarks.X``) and read its JSON answer."""
    import sys

    run = run_process([sys.executable, "-m", module, *args], env)
    result: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


@dataclass
class Result:
    """One line of the table."""

    case: str
    target: str
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    limit: float = 0.0
    unit: str = "s"
    kind: str = "ratio"  # "ratio": A/B <= limit; "delta": A - B <= limit; "max": A <= limit
    note: str = ""
    skipped: str = ""

    @property
    def ratios(self) -> list[float]:
        return [x / y for x, y in zip(self.a, self.b, strict=True) if y > 0]

    @property
    def deltas(self) -> list[float]:
        return [x - y for x, y in zip(self.a, self.b, strict=True)]

    def verdict(self) -> str:
        if self.skipped:
            return "SKIP"
        if self.kind == "ratio":
            value = statistics.median(self.ratios)
        elif self.kind == "delta":
            value = statistics.median(self.deltas)
        else:
            value = max(self.a)
        return "PASS" if value <= self.limit else "FAIL"


def fmt(value: float, unit: str) -> str:
    """A measurement with its unit, to three significant figures."""
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def table(results: list[Result]) -> str:
    """The printed table: case, target, medians, ratio median (min-max), verdict."""
    header = ("case", "target", "A median", "B median", "A/B median (min-max)", "")
    lines: list[tuple[str, ...]] = [header]
    for r in results:
        if r.skipped:
            lines.append((r.case, r.target, "-", "-", f"skipped: {r.skipped}", "SKIP"))
            continue
        a, b = statistics.median(r.a), statistics.median(r.b)
        if r.kind == "ratio":
            ratios = r.ratios
            spread = (f"{statistics.median(ratios):.2f}x "
                      f"({min(ratios):.2f}-{max(ratios):.2f})")
        elif r.kind == "delta":
            deltas = r.deltas
            spread = (f"+{statistics.median(deltas):.1f} {r.unit} "
                      f"({min(deltas):+.1f}..{max(deltas):+.1f})")
        else:
            spread = f"max {fmt(max(r.a), r.unit)} vs limit {fmt(r.limit, r.unit)}"
        lines.append((r.case, r.target, fmt(a, r.unit), fmt(b, r.unit), spread, r.verdict()))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
                   .rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    notes = [f"- {r.case}: {r.note}" for r in results if r.note]
    return "\n".join(out + (["", *notes] if notes else []))


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]
