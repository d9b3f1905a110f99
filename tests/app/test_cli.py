"""kantselaria-cli as a script would use it: exit codes, one-line messages, no writes."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import EXIT_OK, EXIT_USER, run
from models.db import open_database
from models.tables import Correspondent, Document
from tests.app._cli_login import login, with_admin


@pytest.fixture(autouse=True)
def _cheap(cheap_hashing: None) -> None:
    """argon2 at minimal cost: the login's logic is tested, not the library's slowness."""


def _counts(url: str) -> tuple[int, int]:
    db = open_database(url)
    try:
        with db.read() as s:
            return (
                int(s.scalar(select(func.count(Document.id))) or 0),
                int(s.scalar(select(func.count(Correspondent.id))) or 0),
            )
    finally:
        db.dispose()


def test_register_json_reports_number_and_due_date(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with_admin(db_url)
    rc = run(
        ["--db", db_url, "register", "--kind", "incoming", "--type", "foi", "--subject",
         "საჯარო ინფორმაცია", "--from-name", "თამარ ღლონტი", "--personal-id", "01001012345",
         "--date", "2026-04-02", "--json", *login(monkeypatch)]
    )  # fmt: skip
    assert rc == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["number"] == "შ-1/2026"
    assert out["reg_date"] == "2026-04-02"
    assert out["due_date"] == "2026-04-14"


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["--type", "foi", "--subject", "", "--from-name", "ა"], "შინაარსი"),
        (["--type", "foi", "--subject", "ს", "--from-name", "ა", "--personal-id", "0123456789"],
         "პირადი ნომერი"),
        (["--type", "petition", "--subject", "ს", "--from-name", "ა"], "ტიპი"),
        (["--type", "foi", "--subject", "ს", "--from-name", "ა", "--date", "2026-02-31"],
         "თარიღი"),
        (["--type", "foi", "--subject", "ს", "--from-name", "ა", "--date", "yesterday"],
         "თარიღი"),
        (["--type", "foi", "--subject", "ს"], "კორესპონდენტი"),
        (["--subject", "ს", "--from-name", "ა"], "--type"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line_naming_the_field(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    word: str,
) -> None:
    with_admin(db_url)
    before = _counts(db_url)
    with pytest.raises(SystemExit) if args[0] != "--type" else nullcontext():
        rc = run(["--db", db_url, "register", "--kind", "incoming", *args, *login(monkeypatch)])
        assert rc == EXIT_USER
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert word in err
    assert _counts(db_url) == before


@pytest.mark.parametrize(
    ("lang", "prefix", "word"),
    [("ka", "შეცდომა: ", "პირადი ნომერი"), ("en", "Error: ", "personal number")],
)
def test_the_error_line_is_in_the_chosen_language(
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    prefix: str,
    word: str,
) -> None:
    from app import messages

    with_admin(sqlite_url)
    try:
        rc = run(["--lang", lang, "--db", sqlite_url, "register", "--kind", "incoming", "--type",
                  "foi", "--subject", "ს", "--from-name", "ა", "--personal-id", "123",
                  *login(monkeypatch)])  # fmt: skip
        assert rc == EXIT_USER
        err = capsys.readouterr().err
        assert err.startswith(prefix) and word in err
        rc = run(["--lang", lang, "--db", sqlite_url, "search", "ა",
                  *login(monkeypatch, user="nobody")])  # fmt: skip
        assert rc == EXIT_USER
        err = capsys.readouterr().err
        assert err.startswith(prefix) and len(err.strip().splitlines()) == 1
        assert ("პაროლი" if lang == "ka" else "password") in err
        if lang == "en":
            assert "შეცდომა" not in err and "მომხმარებელი" not in err
    finally:
        messages.set_language("ka")  # run() sets the language of the whole process


def test_db_sql_prints_t_sql(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["db", "sql", "--dialect", "mssql"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "CREATE TABLE documents" in out and "\nGO\n" in out


def test_db_check_is_0_on_a_current_database(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", db_url, "db", "check"]) == EXIT_OK
    assert "ok" in capsys.readouterr().out


@pytest.mark.parametrize("driver", ["FreeTDS", "microsoft"])
def test_db_check_fails_fast_on_a_closed_port(
    driver: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from sqlalchemy.engine import URL

    from app.connection import ConnectionProfile, odbc_connection_string
    from tests.app.test_connection import _closed_port, _ms_driver

    drv = _ms_driver() if driver == "microsoft" else "FreeTDS"
    profile = ConnectionProfile(kind="mssql", server=f"127.0.0.1,{_closed_port()}", driver=drv,
                                username="sa")  # fmt: skip
    url = URL.create("mssql+pyodbc", query={"odbc_connect": odbc_connection_string(profile, "pw")})
    t0 = time.monotonic()
    rc = run(["--db", url.render_as_string(hide_password=False), "db", "check"])
    elapsed = time.monotonic() - t0
    assert rc == 3
    assert elapsed < 12  # the default connect timeout is 10 s; FreeTDS answers at once
    err = capsys.readouterr().err
    assert "სერვერი ვერ მოიძებნა" in err and "pw" not in err.replace("pwd", "")


def test_backup_command_writes_a_copy(
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_admin(sqlite_url)
    dest = str(tmp_path / "b.sqlite3")
    assert run(["--db", sqlite_url, "backup", dest]) == EXIT_USER  # who asks?
    assert not (tmp_path / "b.sqlite3").exists()
    assert run(["--db", sqlite_url, "backup", dest, *login(monkeypatch)]) == EXIT_OK
    assert (tmp_path / "b.sqlite3").stat().st_size > 0


def test_db_upgrade_of_a_newer_database_says_update_the_program_and_exits_3(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.setup import schema_state
    from tests.app.test_setup import FUTURE_REVISION, make_newer

    db = open_database(db_url)
    make_newer(db)
    assert run(["--db", db_url, "db", "upgrade"]) == 3
    err = capsys.readouterr().err
    assert "განაახლეთ პროგრამა" in err and FUTURE_REVISION in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert run(["--db", db_url, "db", "check"]) == 3  # the same message from both commands
    assert capsys.readouterr().err == err
    assert schema_state(db).current == FUTURE_REVISION  # nothing was touched
    db.dispose()
