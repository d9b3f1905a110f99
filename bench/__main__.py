"""python -m bench — build (once) the cached registry and print the timings table."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.auth import default_actor
from app.clock import SystemClock
from bench.core import REPEAT, Operation, measure, table
from bench.data import cache_path, ensure
from bench.operations import Context, registry_operations
from models.db import open_database

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
    return 0 if all(t.ok for t in timings) else 1


if __name__ == "__main__":
    sys.exit(main())
