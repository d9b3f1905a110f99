"""A clerk that registers documents forever, for tests/app/test_kill.py.

Run as ``python -m tests.app._kill_worker URL``. Each registration number is printed
(and flushed) only after ``register`` returned, i.e. after its transaction committed, so
every line the parent reads is a promise: this number exists in the database. The
parent kills the process with SIGKILL at a random moment and checks that promise.

The kinds rotate so several counters (scopes) are exercised by the kills.
"""

from __future__ import annotations

import datetime as dt
import sys

from app.auth import default_actor
from app.clock import FixedClock
from app.registration import RegistrationInput, register
from models.db import open_database

# Same instant as the test clock: registrations dated 2026-11-25, sequence year 2026.
REG_INSTANT = dt.datetime(2026, 11, 25, 9, 0, 0)
KINDS = ("incoming", "outgoing", "internal")


def main(url: str) -> None:
    db = open_database(url)
    clock = FixedClock(REG_INSTANT)
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None, "no administrator in the seeded database"
    print("ready", flush=True)
    i = 0
    while True:
        kind = KINDS[i % len(KINDS)]
        doc = register(
            db,
            actor,
            RegistrationInput(
                kind=kind,
                doc_type="letter",
                subject=f"წერილი {i}",
                from_name=f"მოქალაქე {i}",
            ),
            clock,
        )
        print(doc.number, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1])
