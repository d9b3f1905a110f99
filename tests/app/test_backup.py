"""Online backup of the embedded database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.auth import default_actor
from app.backup import backup, backup_overdue, last_backup
from app.clock import FixedClock
from app.errors import ValidationError
from app.registration import RegistrationInput, register
from models.db import Database


def test_backup_is_a_consistent_copy_and_clears_the_reminder(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    with sqlite_db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    doc = register(sqlite_db, admin, RegistrationInput(kind="incoming", doc_type="letter",
                   subject="სარეზერვო ასლი", from_name="ნანა კვირკველია"), clock)  # fmt: skip
    assert backup_overdue(sqlite_db, clock)
    # a reader holds a transaction open while the backup runs
    with sqlite_db.read() as s:
        s.connection()
        result = (
            backup(sqlite_db, tmp_path / "copies", clock)
            if (tmp_path / "copies").mkdir() is None
            else None
        )
    assert result is not None and result.path.exists() and result.size_bytes > 0
    con = sqlite3.connect(result.path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        got = con.execute("SELECT reg_number FROM documents WHERE id = ?", (doc.id,)).fetchone()
        assert got == (doc.number,)
    finally:
        con.close()
    assert last_backup(sqlite_db) == clock.now_utc()
    assert not backup_overdue(sqlite_db, clock)
    later = FixedClock(clock.now_utc() + dt.timedelta(days=8))
    assert backup_overdue(sqlite_db, later)
    assert not list((tmp_path / "copies").glob("*.part"))


def test_backup_refuses_a_server_database(pg_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        backup(pg_db, tmp_path / "x.sqlite3")
