"""The workstation's clock is not trusted on a server database: "now" and "today" are the
server's (app.clock.ServerClock), a clock more than 5 minutes off is reported, and
``audit verify`` flags stamps that go backwards (or lie in the future)."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from app import audit, clock
from app.cli import EXIT_AUDIT_TIME, EXIT_OK, run
from app.clock import FixedClock, ServerClock, SystemClock, clock_for, clock_skew
from models.db import Database, open_database
from tests.app._cli_login import login, with_admin

YEAR_2031 = dt.datetime(2031, 3, 1, 12, 0, 0)


@pytest.fixture(autouse=True)
def _cheap(cheap_hashing: None) -> None:
    """argon2 at minimal cost."""


def _workstation_at_2031(monkeypatch: pytest.MonkeyPatch) -> None:
    """This PC's clock says 2031 (whatever asks the operating system gets it)."""
    monkeypatch.setattr(SystemClock, "now_utc", lambda self: YEAR_2031)
    monkeypatch.setattr(SystemClock, "today", lambda self: YEAR_2031.date())


@pytest.mark.pg
def test_a_workstation_at_2031_registers_with_the_servers_date_and_audits_in_order(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_admin(pg_url)
    server_year = SystemClock().today().year  # the server runs on this machine's real clock
    _workstation_at_2031(monkeypatch)
    rc = run(["--db", pg_url, "register", "--type", "letter", "--subject", "წერილი",
              "--from-name", "ნინო ბერიძე", "--json", *login(monkeypatch)])  # fmt: skip
    assert rc == EXIT_OK
    registered = json.loads(capsys.readouterr().out)
    assert registered["number"] == f"შ-1/{server_year}"
    assert registered["reg_date"].startswith(str(server_year))
    assert run(["--db", pg_url, "audit", "verify", *login(monkeypatch)]) == EXIT_OK
    assert run(["--db", pg_url, "--lang", "en", "db", "check"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "This computer's clock is" in err and "ahead of the database server's" in err


@pytest.mark.pg
def test_clock_skew_is_reported_beyond_five_minutes(pg_db: Database, sqlite_db: Database) -> None:
    real = SystemClock()
    assert clock_skew(pg_db) is None  # the same machine: no skew
    assert clock_skew(pg_db, FixedClock(real.now_utc() + dt.timedelta(minutes=4))) is None
    ahead = clock_skew(pg_db, FixedClock(real.now_utc() + dt.timedelta(minutes=7)))
    assert ahead is not None and dt.timedelta(minutes=6) < ahead < dt.timedelta(minutes=8)
    behind = clock_skew(pg_db, FixedClock(real.now_utc() - dt.timedelta(days=2)))
    assert behind is not None and behind < -dt.timedelta(days=1)
    assert clock_skew(sqlite_db, FixedClock(YEAR_2031)) is None  # the file is this computer's
    assert isinstance(clock_for(pg_db), ServerClock)
    assert isinstance(clock_for(sqlite_db), SystemClock)


@pytest.mark.pg
def test_server_clock_asks_once_and_carries_the_answer_forward(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[dt.datetime | None] = []
    real = clock.server_now_utc

    def counting(db: Database) -> dt.datetime | None:
        value = real(db)
        asked.append(value)
        return value

    monkeypatch.setattr(clock, "server_now_utc", counting)
    c = ServerClock(pg_db)
    first = c.now_utc()
    _workstation_at_2031(monkeypatch)
    second = c.now_utc()
    assert len(asked) == 1 and dt.timedelta(0) <= second - first < dt.timedelta(seconds=5)
    assert c.today() == (second + dt.timedelta(hours=4)).date()
    stale = ServerClock(pg_db, refresh_s=0)  # asked again each time
    stale.now_utc()
    stale.now_utc()
    assert len(asked) == 3

    def unreachable(db: Database) -> dt.datetime | None:
        raise OSError("the server went away")

    monkeypatch.setattr(clock, "server_now_utc", unreachable)
    assert abs(c.now_utc() - second) < dt.timedelta(seconds=5)  # the last answer, carried on
    assert ServerClock(pg_db).now_utc() == YEAR_2031  # none yet: the workstation stands in


def test_audit_verify_flags_stamps_out_of_time_order(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The embedded file trusts its own computer; a clock set to 2031 and back shows as a
    row in the future followed by one going backwards. A few minutes back is tolerated."""
    with_admin(sqlite_url)
    now = SystemClock().now_utc()
    db = open_database(sqlite_url)
    try:
        with db.write() as s:
            for at in (now - dt.timedelta(minutes=5), YEAR_2031, now):
                audit.record(s, at=at, user_id=None, action="login", entity="user",
                             entity_id=None)  # fmt: skip
    finally:
        db.dispose()
    verify = ["--db", sqlite_url, "--lang", "en", "audit", "verify"]
    assert run([*verify, *login(monkeypatch)]) == EXIT_AUDIT_TIME
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3
    assert "2031-03-01 12:00:00 UTC, in the future" in err[0]
    assert "before the row ahead of it (2031-03-01 12:00:00 UTC)" in err[1]
    assert err[2].startswith("Error: The chain is intact") and "2 rows" in err[2]
    assert run([*verify, "--json", *login(monkeypatch)]) == EXIT_AUDIT_TIME
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and [w["kind"] for w in out["time_warnings"]] == ["future", "backwards"]
    assert out["time_warnings"][1]["row"] == out["time_warnings"][0]["row"] + 1


@pytest.mark.pg
def test_in_the_window_the_server_is_asked_on_a_thread_of_its_own(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread runs no SQL: the first answer is fetched at once by the clock's own
    thread; a worker waits for it, the GUI thread takes its own clock meanwhile."""
    real = clock.server_now_utc
    gate = threading.Event()
    threads: list[str] = []

    def slow_server(db: Database) -> dt.datetime | None:
        threads.append(threading.current_thread().name)
        gate.wait(10)
        return real(db)

    monkeypatch.setattr(clock, "server_now_utc", slow_server)
    _workstation_at_2031(monkeypatch)
    c = clock_for(pg_db, background=True)
    assert c.now_utc() == YEAR_2031  # the GUI thread did not wait for the slow server
    seen: list[dt.datetime] = []
    worker = threading.Thread(target=lambda: seen.append(c.now_utc()))
    worker.start()
    gate.set()
    worker.join(20)
    assert seen and seen[0].year < 2031  # the worker waited for the server's answer
    assert c.now_utc().year < 2031
    assert threads == ["server-clock"]  # asked once, never on a caller's thread
