"""SQL Server the way its DBAs run it, shown without a SQL Server: FreeTDS against a server
that never answers, one wait per action, deadlock victims retried, lock timeouts explained,
READ_COMMITTED_SNAPSHOT checked (the statements themselves are checked as T-SQL by
tests/_tsql.py while the suite runs)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from app.cli import EXIT_DB, run
from app.errors import DatabaseUnavailable
from app.setup import RCSI_QUERY, rcsi_warning
from models.db import Database, is_retryable, make_engine, open_database, unit_of_work
from models.tables import Setting
from tests import _tsql


class Blackhole:
    """A TCP port that accepts every connection and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self.accepted = 0
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            self._held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for c in self._held:
            c.close()


@pytest.fixture
def blackhole() -> Iterator[Blackhole]:
    hole = Blackhole()
    yield hole
    hole.close()


def _freetds_installed() -> bool:
    try:
        import pyodbc
    except ImportError:
        return False
    return "FreeTDS" in pyodbc.drivers()


def test_freetds_gets_a_tds_version_so_its_login_timeout_holds() -> None:
    for url in (
        "mssql+pyodbc://u:p@h:1433/db?driver=FreeTDS",
        "mssql+pyodbc://u:p@h/db?driver=%2Fusr%2Flib%2Flibtdsodbc.so",
        "mssql+pyodbc:///?odbc_connect=DRIVER%3D%7BFreeTDS%7D%3BSERVER%3Dh",
    ):
        engine = make_engine(url)
        args = engine.dialect.create_connect_args(engine.url)[0][0]
        engine.dispose()
        assert "TDS_Version=7.4" in args, args
    kept = make_engine("mssql+pyodbc://u:p@h/db?driver=FreeTDS&TDS_Version=7.3")
    assert "TDS_Version=7.3" in kept.dialect.create_connect_args(kept.url)[0][0]
    kept.dispose()
    msft = make_engine("mssql+pyodbc://u:p@h/db?driver=ODBC+Driver+18+for+SQL+Server")
    assert "TDS_Version" not in msft.dialect.create_connect_args(msft.url)[0][0]
    msft.dispose()


def test_db_check_against_a_server_that_never_answers_gives_up_with_the_remedy(
    blackhole: Blackhole, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's command: FreeTDS, a port that accepts and never answers. Without the
    pinned TDS version it was still hanging after 586 s; now: exit 3, the Georgian
    remedy, one connection attempt (the 10 s connect timeout is not waited twice)."""
    if not _freetds_installed():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("FreeTDS is not installed (apt-get install tdsodbc): .ci/run must")
        pytest.skip("FreeTDS not installed: sudo apt-get install tdsodbc")
    url = f"mssql+pyodbc://u:p@127.0.0.1:{blackhole.port}/db?driver=FreeTDS"
    started = time.monotonic()
    assert run(["--db", url, "db", "check"]) == EXIT_DB
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert "სერვერი ვერ მოიძებნა ან არ პასუხობს" in err
    assert blackhole.accepted == 1
    assert elapsed < 20, f"gave up only after {elapsed:.1f} s"  # a hang guard, not a benchmark


@pytest.mark.pg
def test_a_connect_timeout_is_waited_once_not_twice(blackhole: Blackhole) -> None:
    """A server that is down made every action wait twice the timeout: the second try is
    kept for quick failures (a dropped connection) only."""
    pytest.importorskip("psycopg2")
    url = make_url(f"postgresql+psycopg2://u@127.0.0.1:{blackhole.port}/db")
    db = open_database(url, connect_args={"connect_timeout": 1})
    try:
        with pytest.raises(DatabaseUnavailable), db.read() as s:
            s.scalar(select(Setting.name))
    finally:
        db.dispose()
    assert blackhole.accepted == 1


# -- deadlock victims and lock timeouts, on a real server ----------------------------------


def _two_settings(db: Database) -> None:
    with db.write() as s:
        s.add_all([Setting(name="test.a", content="0"), Setting(name="test.b", content="0")])


@pytest.mark.pg
def test_a_deadlock_victim_is_run_again_as_a_whole(pg_db: Database) -> None:
    """Two units of work lock two rows in opposite order; the server aborts one as the
    deadlock victim (40P01). It is run again from the start and both finish."""
    _two_settings(pg_db)
    barrier = threading.Barrier(2, timeout=30)
    attempts: Counter[str] = Counter()
    errors: list[BaseException] = []

    @unit_of_work
    def swap(first: str, second: str) -> None:
        attempts[first] += 1
        with pg_db.write() as s:
            s.execute(update(Setting).where(Setting.name == first).values(content=first))
            if attempts[first] == 1:
                barrier.wait()  # both hold their first row: each now waits for the other
            s.execute(update(Setting).where(Setting.name == second).values(content=first))

    def worker(first: str, second: str) -> None:
        try:
            swap(first, second)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=worker, args=("test.a", "test.b")),
        threading.Thread(target=worker, args=("test.b", "test.a")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(attempts.values()) == [1, 2]  # the victim ran twice, the winner once
    _tsql.CHECKER.take()


@pytest.mark.pg
def test_without_the_retry_the_victim_is_recognised(pg_db: Database) -> None:
    _two_settings(pg_db)
    barrier = threading.Barrier(2, timeout=30)
    caught: list[BaseException] = []

    def swap(first: str, second: str) -> None:
        try:
            with pg_db.write() as s:
                s.execute(update(Setting).where(Setting.name == first).values(content=first))
                barrier.wait()
                s.execute(update(Setting).where(Setting.name == second).values(content=first))
        except BaseException as exc:
            caught.append(exc)

    threads = [
        threading.Thread(target=swap, args=p) for p in (("test.a", "test.b"), ("test.b", "test.a"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(caught) == 1 and is_retryable(caught[0])


@pytest.mark.pg
def test_a_lock_held_too_long_is_the_busy_message_not_a_hang(pg_url: str) -> None:
    """Another transaction holds the row: after the profile's lock timeout the clerk reads
    'the database is busy, try again' and nothing is written."""
    holder_db = open_database(pg_url)
    db = open_database(pg_url, lock_timeout_s=1)
    _two_settings(holder_db)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder_db.write() as s:
            s.execute(update(Setting).where(Setting.name == "test.a").values(content="held"))
            holding.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(30)
        with pytest.raises(DatabaseUnavailable) as exc, db.write() as s:
            s.execute(update(Setting).where(Setting.name == "test.a").values(content="mine"))
        assert exc.value.key == "db.busy"
    finally:
        release.set()
        holder.join(60)
    with db.read() as s:
        assert s.scalar(select(Setting.content).where(Setting.name == "test.a")) == "held"
    db.dispose()
    holder_db.dispose()


# -- READ_COMMITTED_SNAPSHOT ---------------------------------------------------------------


def test_the_snapshot_check_is_valid_t_sql_and_names_the_remedy() -> None:
    sql, found = _tsql.CHECKER.rules_for(RCSI_QUERY)
    assert found == [] and "sys.databases" in sql and "db_name()" in sql.lower()
    assert rcsi_warning("kants", True) is None
    warning = rcsi_warning("kan]ts", False)
    assert warning is not None and "READ_COMMITTED_SNAPSHOT" in warning
    assert "ALTER DATABASE [kan]]ts] SET READ_COMMITTED_SNAPSHOT ON" in warning


def test_db_check_on_an_embedded_file_has_no_snapshot_warning(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", sqlite_url, "db", "check"]) == 0
    assert "READ_COMMITTED_SNAPSHOT" not in capsys.readouterr().err


# -- which ODBC driver a new profile gets --------------------------------------------------


def test_driver_18_then_17_then_freetds_and_never_the_legacy_one_by_itself() -> None:
    from app.connection import is_legacy_driver, preferred_driver, sorted_drivers

    windows = ["SQL Server", "ODBC Driver 17 for SQL Server", "ODBC Driver 18 for SQL Server"]
    assert preferred_driver(windows) == "ODBC Driver 18 for SQL Server"
    assert sorted_drivers(windows) == [
        "ODBC Driver 18 for SQL Server", "ODBC Driver 17 for SQL Server", "SQL Server",
    ]  # fmt: skip
    assert preferred_driver(["SQL Server", "ODBC Driver 17 for SQL Server"]).endswith(
        "17 for SQL Server"
    )
    assert preferred_driver(["SQL Server", "FreeTDS"]) == "FreeTDS"
    assert preferred_driver(["SQL Server"]) == ""  # the legacy one only when chosen by hand
    assert is_legacy_driver("SQL Server") and not is_legacy_driver("FreeTDS")
