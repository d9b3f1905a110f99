"""Connection profiles against real ODBC drivers and a closed local port."""

from __future__ import annotations

import glob
import socket
import sys
from pathlib import Path

import pytest

from app.connection import (
    ConnectionProfile,
    check_odbc,
    explain,
    odbc_connection_string,
    profile_url,
    try_profile,
)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


def _ms_driver() -> str:
    pattern = str(
        Path(sys.prefix) / "lib/python3*/site-packages/mssql_python_odbc/libs/linux/"
        "debian_ubuntu/*/lib/libmsodbcsql-18*.so*"
    )
    found = sorted(glob.glob(pattern))
    if not found:
        pytest.fail("Microsoft ODBC driver (PyPI mssql-python-odbc) is not installed")
    return found[0]


def test_freetds_is_installed() -> None:
    assert "FreeTDS" in check_odbc()


@pytest.mark.parametrize("driver", ["FreeTDS", "microsoft"])
def test_closed_port_fails_within_the_timeout_with_a_clear_message(driver: str) -> None:
    drv = _ms_driver() if driver == "microsoft" else "FreeTDS"
    p = ConnectionProfile(
        name="t", kind="mssql", server=f"127.0.0.1,{_closed_port()}", database="kantselaria",
        username="sa", driver=drv, timeout=3,
    )  # fmt: skip
    report = try_profile(p, "secret")
    assert not report.ok
    assert report.seconds < p.timeout + 2
    assert report.error is not None and report.error.key == "db.server_not_found"
    assert "სერვერ" in report.message  # Georgian, names the server
    assert "secret" not in report.message


def test_unknown_driver_is_reported_as_missing_driver() -> None:
    p = ConnectionProfile(kind="mssql", server="127.0.0.1,1", driver="No Such Driver 99",
                          username="sa", timeout=2)  # fmt: skip
    report = try_profile(p, "x")
    assert report.error is not None and report.error.key == "odbc.driver_missing"


def test_missing_driver_manager_is_named_not_a_traceback() -> None:
    err = explain(ImportError("libodbc.so.2: cannot open shared object file: No such file"))
    assert err.key == "odbc.manager_missing"
    assert "ODBC" in err.message("ka")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'sa'.",
         "db.login_failed"),
        ("[08001] [Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: certificate verify failed:"
         " self-signed certificate", "db.certificate"),
        ("[42000] Cannot open database \"kantselaria\" requested by the login. (4060)", "db.missing"),
        ('FATAL:  database "kantselaria" does not exist', "db.missing"),
        ("FATAL:  password authentication failed for user \"k\"", "db.login_failed"),
    ],
)  # fmt: skip
def test_driver_messages_map_to_remedies(raw: str, key: str) -> None:
    err = explain(RuntimeError(raw))
    assert err.key == key
    assert err.message("ka") != key


def test_passwords_with_separators_are_quoted_not_concatenated() -> None:
    p = ConnectionProfile(kind="mssql", server=r"db01\SQLEXPRESS", database="kants",
                          username="clerk", driver="ODBC Driver 18 for SQL Server")  # fmt: skip
    cs = odbc_connection_string(p, "pa;ss}word")
    assert "PWD={pa;ss}}word}" in cs
    assert r"SERVER=db01\SQLEXPRESS" in cs
    url = profile_url(p, "pa;ss}word")
    assert "pa;ss}word" not in url.render_as_string(hide_password=True) or url.password is None


def test_windows_authentication_sends_no_password() -> None:
    p = ConnectionProfile(kind="mssql", server="db01,1433", auth="windows", username="x")
    cs = odbc_connection_string(p, "ignored")
    assert "Trusted_Connection=yes" in cs and "PWD" not in cs


def test_postgresql_profile_reaches_the_test_server(pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    u = make_url(pg_url)
    p = ConnectionProfile(kind="postgresql", server=f"{u.host}:{u.port}", database=u.database or "",
                          username=u.username or "", timeout=5)  # fmt: skip
    report = try_profile(p)
    assert report.ok, report.message


def test_postgresql_closed_port_fails_fast() -> None:
    p = ConnectionProfile(kind="postgresql", server=f"127.0.0.1:{_closed_port()}",
                          database="x", username="x", timeout=3)  # fmt: skip
    report = try_profile(p)
    assert not report.ok and report.seconds < 5
    assert report.error is not None and report.error.key == "db.server_not_found"
