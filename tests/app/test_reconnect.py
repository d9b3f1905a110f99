"""Connection loss mid-work, against a PostgreSQL server this module starts and stops.

The shared test server is never stopped: the module runs its own throw-away server in a
temporary folder (``scripts/pg-test-server``, which keeps the port across a restart, so
the program's URL stays valid as a real server's would).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.errors import DatabaseUnavailable
from app.registration import RegistrationInput, register, register_in_session
from app.setup import document_count, prepare
from models.db import Database, open_database
from models.tables import AuditEntry, Document
from tests._pg_server import Server, fresh_database, own_server
from tests.conftest import TEST_NOW

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with own_server("kpg-reconnect-") as srv:
        yield srv


@pytest.fixture
def db(server: Server) -> Iterator[Database]:
    """A fresh, prepared database on the module's own server."""
    with fresh_database(server) as url:
        database = open_database(url)
        prepare(database, FixedClock(TEST_NOW))
        yield database
        database.dispose()


def _actor(db: Database) -> Actor:
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    return actor


def _letter(subject: str) -> RegistrationInput:
    return RegistrationInput(
        kind="incoming", doc_type="letter", subject=subject, from_name="ლევან გოგიჩაიშვილი"
    )


def test_during_an_outage_actions_fail_in_georgian_and_work_again_after_restart(
    server: Server, db: Database, clock: FixedClock
) -> None:
    actor = _actor(db)
    assert register(db, actor, _letter("პირველი"), clock).number == "შ-1/2026"

    server.stop()
    t0 = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as err:
        register(db, actor, _letter("გათიშვისას"), clock)
    assert err.value.key == "db.server_not_found"
    assert "სერვერი" in err.value.message("ka")
    with pytest.raises(DatabaseUnavailable):
        document_count(db)
    assert time.monotonic() - t0 < 10  # refused at once, not after a hang

    server.start()  # the same Database object: no restart of the program
    assert register(db, actor, _letter("აღდგენის შემდეგ"), clock).number == "შ-2/2026"
    assert document_count(db) == 2


def test_connection_lost_inside_a_save_leaves_nothing_half_written(
    server: Server, db: Database, clock: FixedClock
) -> None:
    actor = _actor(db)
    with db.read() as s:
        audit_before = s.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(DatabaseUnavailable) as err, db.write() as s:
        doc = register_in_session(s, actor, _letter("ნახევრად შენახული"), clock)
        assert doc.number == "შ-1/2026"  # inserted and flushed, not committed
        server.stop()
        s.add(Document(**_copy_of(s, doc.id)))  # the second statement meets a dead socket
        s.flush()
    assert err.value.key == "db.connection_lost"
    assert "არ შენახულა" in err.value.message("ka")

    server.start()
    assert document_count(db) == 0
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == audit_before
    # the number went back with the rollback: no gap
    assert register(db, actor, _letter("ხელახლა"), clock).number == "შ-1/2026"


def _copy_of(s: Session, doc_id: int) -> dict[str, object]:
    d = s.get(Document, doc_id)
    assert d is not None
    cols = [c.key for c in Document.__table__.columns if c.key != "id"]
    data = {c: getattr(d, c) for c in cols}
    data["seq"] = d.seq + 1
    return data


def test_a_pooled_connection_to_a_restarted_server_is_replaced_silently(
    server: Server, db: Database
) -> None:
    with db.read() as s:
        first = s.scalar(text("SELECT pg_backend_pid()"))
    server.stop()
    server.start()
    with db.read() as s:  # pool_pre_ping finds the dead connection and reconnects
        assert s.scalar(text("SELECT pg_backend_pid()")) != first


def test_read_retry_runs_a_read_again_when_its_connection_dies(
    server: Server, db: Database
) -> None:
    admin = open_database(server.url)
    calls: list[int] = []

    def count_documents(s: Session) -> int:
        calls.append(1)
        if len(calls) == 1:  # the server drops this session's connection mid-read
            pid = s.scalar(text("SELECT pg_backend_pid()"))
            with admin.engine.begin() as c:
                c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return int(s.scalar(select(func.count(Document.id))) or 0)

    try:
        assert db.read_retry(count_documents) == 0
    finally:
        admin.dispose()
    assert len(calls) == 2
    with pytest.raises(DatabaseUnavailable) as err, db.read() as s:  # without the retry
        pid = s.scalar(text("SELECT pg_backend_pid()"))
        admin = open_database(server.url)
        with admin.engine.begin() as c:
            c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        admin.dispose()
        s.execute(text("SELECT 1"))
    assert err.value.key == "db.connection_lost"


def test_a_failed_connect_is_tried_once_more(db: Database) -> None:
    import psycopg2

    db.engine.dispose()  # no pooled connection: the next session connects afresh
    failures = {"left": 1}

    @event.listens_for(db.engine, "do_connect")
    def _flaky(*_args: object) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise psycopg2.OperationalError("could not connect to server: Connection refused")

    assert document_count(db) == 0  # first attempt refused, the retry connected
    assert failures["left"] == 0

    db.engine.dispose()
    failures["left"] = 2
    with pytest.raises(DatabaseUnavailable) as err:
        document_count(db)
    assert err.value.key == "db.server_not_found"
    event.remove(db.engine, "do_connect", _flaky)
