"""One clerk in a child process: register *n* letters as fast as possible.

Used by tests/app/test_concurrency.py through ``multiprocessing`` with the *spawn* start
method, so each worker is a fresh interpreter with its own engine and connections —
the situation of eight workstations saving at the same moment.
"""

from __future__ import annotations

import datetime as dt
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

# 2026-11-25 09:00 UTC: registrations are dated 2026-11-25 (Tbilisi), sequence year 2026.
REG_INSTANT = dt.datetime(2026, 11, 25, 9, 0, 0)


@dataclass
class WorkerResult:
    worker: int
    numbers: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0


def run(url: str, worker: int, n: int, barrier: Any, results: Any) -> None:
    """Register *n* incoming letters after *barrier* releases; put a WorkerResult on *results*."""
    res = WorkerResult(worker)
    try:
        from app.auth import default_actor
        from app.clock import FixedClock
        from app.registration import RegistrationInput, register
        from models.db import open_database

        db = open_database(url)
        clock = FixedClock(REG_INSTANT)
        with db.read() as s:  # also opens the first connection before the start signal
            actor = default_actor(s)
        assert actor is not None, "no administrator in the seeded database"
    except BaseException:
        res.errors.append(traceback.format_exc())
        barrier.abort()  # release the others at once instead of letting them time out
        results.put(res)
        return

    try:
        barrier.wait()
    except Exception:
        res.errors.append(traceback.format_exc())
        results.put(res)
        db.dispose()
        return
    res.started = time.monotonic()  # system-wide clock: comparable across processes
    for i in range(n):
        try:
            doc = register(
                db,
                actor,
                RegistrationInput(
                    kind="incoming",
                    doc_type="letter",
                    subject=f"წერილი {worker}-{i}",
                    from_name=f"მოქალაქე {worker}-{i}",
                ),
                clock,
            )
            res.numbers.append(doc.number)
        except Exception:
            res.errors.append(traceback.format_exc(limit=3))
            if len(res.errors) >= 20:  # enough to diagnose; do not spin for minutes
                break
    res.finished = time.monotonic()
    db.dispose()
    results.put(res)
