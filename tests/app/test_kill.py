"""Pull the plug mid-save: a number shown to the clerk is a number that exists.

A worker process (tests/app/_kill_worker.py) registers documents in a loop and prints
each registration number only after its transaction committed. The test reads those
lines, and after a random number of them arms a timer that sends SIGKILL at a random
moment — possibly inside a transaction, inside a commit, inside SQLite's journal write.
Then a new worker starts on the same database. After 20 kills per backend:

* every printed number is stored;
* SQLite's ``PRAGMA integrity_check`` says ``ok``;
* each number counter equals the highest sequence issued in its scope and year, and the
  sequence is gap-free 1..max (a killed transaction took its number with it).

The kill delay is seeded, so a failure can be replayed with the same moments.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.audit import verify
from models.db import open_database
from models.tables import Document, NumberCounter, NumberTemplate

RecordProperty = Callable[[str, object], None]

KILLS = 20
SEED = 20261125
ROOT = Path(__file__).resolve().parents[2]
MAX_LINES_BEFORE_ARMING = 6
MAX_KILL_DELAY_S = 0.04  # a registration takes a few ms: the kill lands anywhere in one


def _one_life(url: str, rng: random.Random) -> list[str]:
    """Start a worker, let it print a few numbers, kill it at a random moment.

    Returns the numbers it printed (complete lines only: a number counts once its
    newline reached us).
    """
    arm_after = rng.randint(1, MAX_LINES_BEFORE_ARMING)
    delay = rng.uniform(0.0, MAX_KILL_DELAY_S)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.app._kill_worker", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    timer = threading.Timer(delay, proc.send_signal, args=(signal.SIGKILL,))
    printed: list[str] = []
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready == "ready\n", f"worker did not start: {ready!r}"
        for line in proc.stdout:  # blocks until the next line or EOF (after the kill)
            if not line.endswith("\n"):
                break  # cut off by the kill: never shown to a clerk
            printed.append(line.rstrip("\n"))
            if len(printed) == arm_after:
                timer.start()
        proc.wait(timeout=60)
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr = proc.stderr.read() if proc.stderr else ""
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert proc.returncode == -signal.SIGKILL, (
        f"worker ended by itself (exit {proc.returncode}), not by the kill:\n{stderr}"
    )
    assert len(printed) >= arm_after
    return printed


def _kill_repeatedly(url: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    printed: list[str] = []
    for _ in range(KILLS):
        printed.extend(_one_life(url, rng))
    return printed


def _check_database(url: str, printed: list[str]) -> int:
    """Check the promises; returns how many documents are stored."""
    db = open_database(url)
    try:
        with db.read() as s:
            stored = set(s.scalars(select(Document.reg_number)))
            # Document-number counters only: the audit chain and the user list keep their
            # locks in the same table under internal scopes ("__audit__", …).
            scopes = set(s.scalars(select(NumberTemplate.counter_scope)))
            counters = list(
                s.execute(
                    select(NumberCounter.scope, NumberCounter.year, NumberCounter.last_value).where(
                        NumberCounter.scope.in_(scopes)
                    )
                )
            )
            seqs: dict[tuple[str, int], list[int]] = {}
            for scope, year, seq in s.execute(
                select(Document.counter_scope, Document.seq_year, Document.seq)
            ):
                seqs.setdefault((scope, year), []).append(seq)
            docs = s.scalar(select(func.count(Document.id)))
            chain = verify(s)
    finally:
        db.dispose()

    assert len(printed) == len(set(printed)), "a number was shown twice"
    missing = sorted(set(printed) - stored)
    assert not missing, f"{len(missing)} printed number(s) not in the database: {missing[:5]}"
    assert docs == len(stored)
    counted = {(scope, year): last for scope, year, last in counters}
    assert set(seqs) <= set(counted), "documents drew from a counter that does not exist"
    for key, last in counted.items():
        issued = sorted(seqs.get(key, []))
        assert issued == list(range(1, len(issued) + 1)), f"{key}: gaps or duplicates"
        assert last == (issued[-1] if issued else 0), f"{key}: counter {last} != max issued"
    assert len(seqs) == 3, "all three kinds' counters were exercised"
    assert chain.ok, f"audit chain broken at {chain.first_broken_id}: {chain.reason}"
    return len(stored)


def _report(backend: str, printed: list[str], stored: int, record: RecordProperty) -> None:
    # Stored but never printed: killed between COMMIT and print — allowed (the clerk
    # did not see it; it is in the registry). Printed but not stored would be the bug.
    record(f"kills_survived_{backend}", KILLS)
    print(f"\n[{backend}] {KILLS} kills: {len(printed)} numbers shown, {stored} stored")


def test_sigkill_on_sqlite_loses_nothing(sqlite_url: str, record_property: RecordProperty) -> None:
    printed = _kill_repeatedly(sqlite_url, SEED)
    _report("sqlite", printed, _check_database(sqlite_url, printed), record_property)
    db = open_database(sqlite_url)
    try:
        with db.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        db.dispose()


@pytest.mark.pg
def test_sigkill_on_postgresql_loses_nothing(pg_url: str, record_property: RecordProperty) -> None:
    printed = _kill_repeatedly(pg_url, SEED + 1)
    _report("postgresql", printed, _check_database(pg_url, printed), record_property)
