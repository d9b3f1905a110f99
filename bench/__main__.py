"""python -m bench — build (once) the cached registry and print the timings table."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.auth import Actor, default_actor
from app.clock import SystemClock
from bench.core import RATIO_FLOOR_MS, REPEAT, Operation, measure, table
from bench.data import cache_path, ensure
from bench.gui_stress import WARMUP as WARMUP_ROUNDS
from bench.operations import Context, registry_operations
from models.db import Database, open_database

# Each entry adds lines to the table: (context, options) -> operations. GUI timings and
# the reports' data go here as further entries.
OperationSet = Callable[[Context, argparse.Namespace], Sequence[Operation]]
OPERATION_SETS: list[OperationSet] = [
    lambda ctx, a: registry_operations(ctx, a.surname, a.latin, a.number),
]


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--count", type=int, default=1_000_000, help="documents in the registry")
    p.add_argument("--db", help="bench this database URL instead of the cached registry")
    p.add_argument("--rebuild", action="store_true", help="regenerate the cached registry")
    p.add_argument("--repeat", type=int, default=REPEAT)
    p.add_argument("--surname", default="ბერიძე")
    p.add_argument("--latin", default="Beridze")
    p.add_argument("--number", help="a registration number to find (default 123/<last year>)")
    p.add_argument("--today", type=dt.date.fromisoformat, help="the day (default: today)")
    p.add_argument("--no-gui", action="store_true", help="skip the window timings and stress")
    p.add_argument("--stress-switches", type=int, default=200, help="user switches in the stress")
    p.add_argument("--no-reports", action="store_true", help="skip the report generation")
    p.add_argument("--no-load", action="store_true", help="skip the many-clerk load on PostgreSQL")
    p.add_argument("--load-seconds", type=float, default=60.0, help="how long the load runs")
    p.add_argument("--load-workers", type=int, default=8, help="clerk processes in the load")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _args(argv)
    today = args.today or SystemClock().today()
    args.number = args.number or f"123/{today.year - 1}"
    built = 0.0
    if args.db:
        db = open_database(args.db)
        where = args.db
    else:
        db, built = ensure(args.count, rebuild=args.rebuild)
        where = str(cache_path(args.count))
    with db.read() as s:
        actor = default_actor(s)
    if actor is None:
        print("the database has no administrator to search as", file=sys.stderr)
        return 2
    raw = db.engine.raw_connection()
    try:
        ctx = Context(db=db, actor=actor, today=today, raw=raw)
        ops = [op for make in OPERATION_SETS for op in make(ctx, args)]
        timings = measure(ops, args.repeat)
    finally:
        raw.close()
        db.dispose()
    size = ""
    if db.backend == "sqlite" and db.engine.url.database:
        size = f", {Path(db.engine.url.database).stat().st_size / 2**20:,.0f} MiB"
    print(f"registry: {where}{size}" + (f" (built in {built:.0f} s)" if built else ""))
    print(f"median of {args.repeat} runs, ms; cpus: {os.cpu_count()}\n")
    print(table(timings))
    print(f"(the ratio target applies where raw SQL takes ≥ {RATIO_FLOOR_MS:.0f} ms)\n")
    reports_ok = True
    if not args.no_reports:
        reports_ok = report_timings(db, actor, today)
    gui_ok = True
    if db.backend == "sqlite" and not args.no_gui:
        gui_ok = gui_timings(db.engine.url.render_as_string(hide_password=False))
    if not args.no_gui:
        gui_ok = gui_stress(args.stress_switches) and gui_ok
    load_ok = True
    if not args.no_load:
        from bench.load import load_bench  # PostgreSQL: KANTSELARIA_BENCH_PG or its own server

        load_ok = load_bench(args.load_seconds, args.load_workers)
    return 0 if all(t.ok for t in timings) and reports_ok and gui_ok and load_ok else 1


GUI_TARGETS = {
    "first_rows_ms": ("window shown → first rows painted", 300.0, "ms"),
    "scroll_to_end_ms": ("scroll to the last row, loaded", 300.0, "ms"),
    "search_in_window_ms": ("search typed in the window → rows", 300.0, "ms"),
    "peak_rss_mb": ("GUI process peak memory", 300.0, "MB"),
}


def report_timings(db: Database, actor: Actor, today: dt.date) -> bool:
    """The reports, generated through the Reports screen's path (bench/reports.py)."""
    from bench.reports import all_ok, run_reports

    try:
        lines, text = run_reports(db, actor, today)
    finally:
        db.dispose()
    print("reports (app.reporting.generate; seconds: one run, or the median of 3 when fast)")
    print(text + "\n")
    return all_ok(lines)


def gui_timings(url: str) -> bool:
    """Run the real window offscreen in a process of its own (bench/gui_probe.py)."""
    import json
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "bench.gui_probe", "--db", url],
        env=env, capture_output=True, text=True, timeout=600, check=True,
    ).stdout  # fmt: skip
    data = json.loads(out.strip().splitlines()[-1])
    print(f"GUI on the same registry ({data['documents']:,} incoming documents in the list)")
    ok = True
    for key, (name, target, unit) in GUI_TARGETS.items():
        value = float(data[key])
        good = value <= target
        ok &= good
        print(
            f"  {name:<38} {value:>8.1f} {unit}  < {target:.0f} {unit}  {'ok' if good else 'MISS'}"
        )
    return ok


STRESS_RSS_GROWTH_MB = 100.0  # after the warm-up; a window leaked per switch would exceed it


def gui_stress(switches: int) -> bool:
    """The long form of tests/ui/test_stress.py in a process of its own (bench/gui_stress.py):
    user switches, dialogs and allocating workers — no hang, no Qt warning, memory bounded."""
    import json
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.gui_stress", "--switches", str(switches)],
        env=env, capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    if not lines:
        print(f"GUI stress failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
        return False
    d = json.loads(lines[-1])
    growth = float(d["rss_end_mb"]) - float(d["rss_start_mb"])
    ok = done.returncode == 0 and growth <= STRESS_RSS_GROWTH_MB
    print(
        f"GUI stress: {d['switches']} user switches, {d['dialogs']} dialogs, {d['tasks']} "
        f"allocating worker tasks, {d['leftover_widgets']} widgets left in cycles — "
        f"{d['seconds']:.0f} s, {d['collections']} collections on the GUI thread, "
        f"{d['qt_warnings']} Qt warnings"
    )
    start = f"RSS at the start (after {WARMUP_ROUNDS} switches)"
    print(
        f"  {start:<38} {d['rss_start_mb']:>8.1f} MB\n"
        f"  {'RSS after the stress':<38} {d['rss_end_mb']:>8.1f} MB  "
        f"(+{growth:.1f} MB < {STRESS_RSS_GROWTH_MB:.0f} MB)  {'ok' if ok else 'MISS'}"
    )
    return ok


if __name__ == "__main__":
    sys.exit(main())
