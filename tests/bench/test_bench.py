"""The bench measures what it says: the hand-written SQL returns what the program does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.clock import FixedClock
from app.dashboard import MEASURES, Dashboard
from app.registration import RegistrationInput, register
from app.search import SearchResult
from bench import data
from bench.core import Operation, Timing, measure, table
from bench.operations import Context, registry_operations
from models.db import Database
from models.tables import Document
from tests.app._rules_helpers import admin

TODAY = dt.date(2026, 11, 25)


def _fill(db: Database, clock: FixedClock) -> None:
    names = ["ნინო ბერიძე", "Giorgi Beridze", "ლევან კაპანაძე", "მაია ღლონტი"]
    for i in range(40):
        day = dt.date(2025, 1, 6) + dt.timedelta(days=i * 17)
        doc = register(
            db,
            admin(db),
            RegistrationInput(
                kind="incoming",
                doc_type=("foi", "letter", "complaint")[i % 3],
                subject=f"განცხადება {i}",
                from_name=names[i % 4],
                reg_date=min(day, TODAY),
                department=("ADM", "FIN", "SOC")[i % 3],
            ),
            clock,
        )
        if i % 4 == 0:
            with db.write() as s:
                row = s.get(Document, doc.id)
                assert row is not None
                row.status = "closed"


def _ids(result: Any) -> Any:
    """The program's result and the raw SQL's, reduced to comparable ids and counts."""
    if isinstance(result, SearchResult):
        return [r.id for r in result.rows]
    if isinstance(result, Dashboard):
        return [
            getattr(row, m).value for row in (result.total, *result.departments) for m in MEASURES
        ]
    if isinstance(result, tuple) and len(result) == 2:
        n, rows = result
        n = n if isinstance(n, int) else n[0][0]
        return n, [r.id if hasattr(r, "id") else r[0] for r in rows]
    if isinstance(result, list) and len(result) == 1 and len(result[0]) > 12:
        return list(result[0])  # the dashboard's one row of counts
    return [r[0] for r in result][:200]


def test_raw_sql_finds_what_the_program_finds(sqlite_db: Database, clock: FixedClock) -> None:
    _fill(sqlite_db, clock)
    raw = sqlite_db.engine.raw_connection()
    try:
        ctx = Context(db=sqlite_db, actor=admin(sqlite_db), today=TODAY, raw=raw)
        ops = registry_operations(ctx, "ბერიძე", "Beridze", "3/2025")
        assert len(ops) == 7
        for op in ops:
            assert op.raw is not None
            program, by_hand = _ids(op.program()), _ids(op.raw())
            assert program == by_hand, op.name
            assert program not in ([], (0, [])), op.name  # the data exercises every line
        timings = measure(ops, repeat=1)
    finally:
        raw.close()
    text = table(timings)
    assert text.splitlines()[0].split()[:3] == ["operation", "program", "ms"]
    assert len(text.splitlines()) == 2 + len(ops)


def test_the_table_flags_a_missed_target() -> None:
    slow = Timing("slow", 400.0, 100.0, 300.0, 1.5)
    assert slow.ratio == 4.0 and not slow.ok
    fine = Timing("gui", 20.0, None, 300.0, 1.5)
    assert fine.ok and fine.ratio is None
    lines = table([slow, fine]).splitlines()
    assert lines[2].endswith("MISS") and lines[3].endswith("ok")
    assert "—" in lines[3]
    assert measure([Operation("noop", lambda: None)], repeat=1)[0].raw_ms is None


def test_the_cache_lives_outside_the_repository(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = data.cache_path(1_000_000)
    assert path.parent == tmp_path / "kantselaria"
    assert path.name == f"bench-1m-{data.fingerprint()}.sqlite"
    assert data.cache_path(5000).name.startswith("bench-5000-")
    path.parent.mkdir(parents=True)
    stale = path.with_name("bench-1m-00000000.sqlite")
    other_size = data.cache_path(5000)
    for p in (stale, other_size, path):
        p.write_bytes(b"")
    data._drop_stale(path)
    assert path.exists() and other_size.exists() and not stale.exists()
