"""Eight workstations press Save at the same moment: numbers stay unique and gap-free.

Each worker is a separate OS process (``multiprocessing`` with *spawn*), with its own
engine, registering 250 letters in a loop after a common start barrier. Afterwards the
2000 documents of the year must carry 2000 distinct numbers, the sequence must be exactly
1..2000 and the counter must stand at 2000 — on SQLite (one file, BEGIN IMMEDIATE) and on
PostgreSQL (row lock taken by the atomic counter UPDATE).
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from app.audit import verify
from models.db import open_database
from models.tables import Document, NumberCounter
from tests.app import _register_worker as worker_mod
from tests.app._register_worker import WorkerResult

RecordProperty = Callable[[str, object], None]

WORKERS = 8
PER_WORKER = 250
TOTAL = WORKERS * PER_WORKER
START_TIMEOUT_S = 120  # spawning 8 interpreters on a 2-core machine takes a few seconds
RUN_TIMEOUT_S = 180


def _hammer(url: str) -> tuple[list[WorkerResult], float]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WORKERS, timeout=START_TIMEOUT_S)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=worker_mod.run, args=(url, w, PER_WORKER, barrier, results))
        for w in range(WORKERS)
    ]
    for p in procs:
        p.start()
    got: list[WorkerResult] = []
    deadline = time.monotonic() + START_TIMEOUT_S + RUN_TIMEOUT_S
    try:
        while len(got) < WORKERS:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                got.append(results.get(timeout=min(left, 5)))
            except queue.Empty:
                if not any(p.is_alive() for p in procs) and results.empty():
                    break
    finally:
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.terminate()
                p.join()
    assert len(got) == WORKERS, (
        f"only {len(got)} of {WORKERS} workers reported; exit codes {[p.exitcode for p in procs]}"
    )
    started = min(r.started for r in got)
    finished = max(r.finished for r in got)
    return got, finished - started


def _check(url: str, backend: str, record_property: RecordProperty) -> None:
    results, elapsed = _hammer(url)
    errors = [e for r in results for e in r.errors]
    assert not errors, f"{len(errors)} error(s) in workers; first:\n{errors[0]}"
    numbers = [n for r in results for n in r.numbers]
    assert len(numbers) == TOTAL
    assert len(set(numbers)) == TOTAL, "two workers got the same number"

    db = open_database(url)
    try:
        with db.read() as s:
            seqs = sorted(
                s.scalars(
                    select(Document.seq).where(
                        Document.counter_scope == "incoming", Document.seq_year == 2026
                    )
                )
            )
            stored = set(s.scalars(select(Document.reg_number)))
            counter = s.scalar(
                select(NumberCounter.last_value).where(
                    NumberCounter.scope == "incoming", NumberCounter.year == 2026
                )
            )
            docs = s.scalar(select(func.count(Document.id)))
            chain = verify(s)
    finally:
        db.dispose()
    assert seqs == list(range(1, TOTAL + 1)), "sequence has gaps or duplicates"
    assert counter == TOTAL
    assert docs == TOTAL
    assert stored == set(numbers)
    assert chain.ok, f"audit chain broken at {chain.first_broken_id}: {chain.reason}"

    rate = TOTAL / elapsed
    record_property(f"registrations_per_second_{backend}", round(rate, 1))
    print(
        f"\n[{backend}] {WORKERS} processes x {PER_WORKER} registrations: "
        f"{elapsed:.2f} s, {rate:.0f} registrations/s"
    )


@pytest.mark.slow
def test_eight_processes_on_one_sqlite_file(
    sqlite_url: str, record_property: RecordProperty, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        _check(sqlite_url, "sqlite", record_property)


@pytest.mark.slow
@pytest.mark.pg
def test_eight_processes_on_postgresql(
    pg_url: str, record_property: RecordProperty, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        _check(pg_url, "postgresql", record_property)
