"""The many-clerk load (bench/load.py) in miniature: two clerk processes for three seconds
on the test PostgreSQL server. No timings are checked — only that every action ran,
nothing but "changed by" conflicts went wrong, and no number was lost or doubled."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.clock import FixedClock
from bench import load
from models.db import open_database
from models.tables import Document, NumberCounter, NumberTemplate
from tests.conftest import TEST_NOW


@pytest.mark.slow
@pytest.mark.pg
def test_two_clerks_for_three_seconds_lose_no_number_and_make_no_error(pg_url: str) -> None:
    result = load.run_load(pg_url, seconds=3, workers=2, clock=FixedClock(TEST_NOW))

    assert result.problems == (), "\n".join(result.problems)
    errors = {line.name: line.errors for line in result.lines if line.errors}
    assert not errors, f"{errors}\n" + "\n".join(result.tracebacks)
    assert result.error_count == 0 and result.ok
    ran = {line.name: line.count for line in result.lines}
    assert set(ran) == set(load.OPS)
    assert all(n >= 1 for n in ran.values()), ran
    assert result.total == sum(ran.values())

    db = open_database(pg_url)
    try:
        with db.read() as s:
            stored = Counter(s.scalars(select(Document.reg_number)))
            scopes = set(s.scalars(select(NumberTemplate.counter_scope)))
            counters = {
                (scope, year): last
                for scope, year, last in s.execute(
                    select(NumberCounter.scope, NumberCounter.year, NumberCounter.last_value)
                    .where(NumberCounter.scope.in_(scopes))
                )
            }  # fmt: skip
            highest = {
                (scope, year): top
                for scope, year, top in s.execute(
                    select(Document.counter_scope, Document.seq_year, func.max(Document.seq))
                    .group_by(Document.counter_scope, Document.seq_year)
                )
            }  # fmt: skip
    finally:
        db.dispose()
    shown = Counter(result.numbers)
    assert all(n == 1 for n in shown.values()), "a number was shown twice"
    # Every number a clerk was shown is stored exactly once, and nothing else is stored
    # (a fresh database: the registrations and the reply letters of this run only).
    assert stored == shown
    answered = ran["answer"] - next(ln.conflicts for ln in result.lines if ln.name == "answer")
    seeded = load.SEED_PER_DEPARTMENT * len(load.DEPARTMENTS)
    assert len(shown) == seeded + ran["register"] + answered  # each reply letter numbered too
    assert len(highest) >= 2, "incoming requests and outgoing replies were both numbered"
    for key, top in highest.items():
        assert counters[key] == top, f"counter {key} at {counters[key]}, highest number {top}"
