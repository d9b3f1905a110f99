"""No personal data in logs or error text: a database error carrying a personal number and
a name reaches neither stderr, nor the log, nor the message shown."""

from __future__ import annotations

import argparse
import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import cli
from app.connection import explain
from app.privacy import ScrubbingFormatter, scrub
from models.db import Database

PERSONAL = "01001012345"
NAME = "ნინო ბერიძე"


def test_the_engine_never_puts_parameters_into_its_errors(sqlite_db: Database) -> None:
    with pytest.raises(DBAPIError) as err, sqlite_db.write() as s:
        s.execute(
            text("INSERT INTO no_such_table (pid, name) VALUES (:pid, :name)"),
            {"pid": PERSONAL, "name": NAME},
        )
    shown = str(err.value)
    assert PERSONAL not in shown and NAME not in shown
    assert "hidden due to hide_parameters" in shown


@pytest.mark.parametrize(
    "raw",
    [
        f'duplicate key value violates unique constraint "uq_x"\nDETAIL:  Key (personal_id)=({PERSONAL}) already exists.',
        f"Key (personal_id, name)=({PERSONAL}, {NAME}) already exists",
        "mobile (599) 12-34-56, +995 599 123 456, landline 0494 22 15 67",
        f"person {PERSONAL[:3]} {PERSONAL[3:7]} {PERSONAL[7:]} wrote to nino@example.ge",
        f"subject: {NAME}ს განცხადება",
    ],
)
def test_scrub_leaves_no_personal_data(raw: str) -> None:
    clean = scrub(raw)
    for secret in (PERSONAL, NAME, "ბერიძე", "599", "22 15 67", "nino@example.ge", "4069"):
        assert secret not in clean, clean


def test_scrub_keeps_what_an_administrator_needs() -> None:
    raw = "could not connect to server at 10.0.0.5 port 5432: Connection refused (HYT00)"
    assert scrub(raw) == raw


def test_a_database_error_in_the_command_line_is_logged_without_personal_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bug path of the CLI (exit 1, traceback logged) — the traceback included."""

    def boom(_args: argparse.Namespace) -> int:
        raise DBAPIError(
            "INSERT INTO correspondents …",
            {"personal_id": PERSONAL, "name": NAME},
            Exception(f"DETAIL: Key (personal_id)=({PERSONAL}) already exists; {NAME}"),
            hide_parameters=False,  # as an engine without our setting would
        )

    monkeypatch.setattr(cli, "cmd_db_sql", boom)
    cli.setup_logging()
    try:
        assert cli.run(["db", "sql"]) == cli.EXIT_BUG
    finally:
        logging.getLogger().handlers.clear()
    err = capsys.readouterr().err
    assert "unexpected error" in err and "Traceback" in err
    assert PERSONAL not in err and NAME not in err and "ბერიძე" not in err


def test_the_log_file_formatter_scrubs_message_and_traceback(tmp_path: object) -> None:
    formatter = ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        raise ValueError(f"row for {NAME} ({PERSONAL})")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "kantselaria", logging.ERROR, __file__, 1, "failed for %s", (PERSONAL,), sys.exc_info()
        )
    line = formatter.format(record)
    assert "Traceback" in line and PERSONAL not in line and NAME not in line
    assert line[:4].isdigit()  # the time stays readable


def test_the_message_shown_for_a_database_error_has_no_personal_data() -> None:
    exc = DBAPIError("stmt", None, Exception(f"DETAIL: Key (personal_id)=({PERSONAL}) exists"))
    shown = explain(exc).message()
    assert PERSONAL not in shown
