"""One clerk in a child process registering a request whose due date lies in a year the
calendar does not have yet (tests/app/test_registration.py, spawned by multiprocessing)."""

from __future__ import annotations

import datetime as dt
import traceback
from typing import Any

# The clerk's day: New Year's Eve 2028; the registry was set up in 2026 (seeded to 2028).
NOW = dt.datetime(2028, 12, 31, 9, 0)


def run(url: str, worker: int, n: int, barrier: Any, results: Any) -> None:
    """Register *n* requests dated 22 December 2028 after *barrier*; put (due dates,
    errors) on *results*."""
    dues: list[str] = []
    errors: list[str] = []
    try:
        from app.auth import default_actor
        from app.clock import FixedClock
        from app.registration import RegistrationInput, register
        from models.db import open_database

        db = open_database(url)
        with db.read() as s:
            actor = default_actor(s)
        assert actor is not None
        barrier.wait()
        for i in range(n):
            doc = register(
                db,
                actor,
                RegistrationInput(
                    kind="incoming",
                    doc_type="foi",
                    subject=f"ინფორმაცია {worker}-{i}",
                    from_name=f"მოქალაქე {worker}-{i}",
                    reg_date=dt.date(2028, 12, 22),
                ),
                FixedClock(NOW),
            )
            dues.append(str(doc.due_date))
        db.dispose()
    except BaseException:
        errors.append(traceback.format_exc(limit=5))
        barrier.abort()
    results.put((worker, dues, errors))
