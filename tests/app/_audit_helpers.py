"""The audit log's guard (migration 0006): what refusing looks like, and taking it away as a
DBA with every right would, to show what the chain and the checkpoints still catch."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import DBAPIError

from models.db import Database


@contextlib.contextmanager
def refused() -> Iterator[None]:
    """The block's change to the audit log is refused by the database (its trigger)."""
    with pytest.raises(DBAPIError) as info:
        yield
    text = str(info.value).lower()
    assert "append-only" in text or "only grows" in text, text


_DROP = {
    "sqlite": [
        "DROP TRIGGER audit_log_no_update",
        "DROP TRIGGER audit_log_no_delete",
        "DROP TRIGGER number_counters_tail_no_delete",
        "DROP TRIGGER number_counters_tail_no_lower",
    ],
    "postgresql": [
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "DROP TRIGGER audit_log_no_truncate ON audit_log",
        "DROP TRIGGER number_counters_audit_tail ON number_counters",
    ],
}


def drop_audit_guard(db: Database) -> None:
    """Drop the triggers that keep the audit log append-only (a DBA with full rights)."""
    with db.engine.begin() as c:
        for sql in _DROP[db.backend]:
            c.exec_driver_sql(sql)
