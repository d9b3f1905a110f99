"""kantselaria-cli asks who you are, like the window: ``--user`` (or $KANTSELARIA_USER) and
the password — typed at a terminal, ``--password-stdin``, or remembered in the keyring.
Without them a command that reads or changes documents or users exits 2, writes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli
from app.cli import EXIT_DB, EXIT_OK, EXIT_USER, run
from app.setup import schema_state
from models import migrate
from models.base import Base
from models.db import open_database
from models.tables import AuditEntry
from tests.app._cli_login import ADMIN_PASSWORD, login, stdin, with_admin
from tests.app.test_profiles import (  # noqa: F401  (the keyring fixtures)
    MemoryKeyring,
    memory_keyring,
    no_keyring,
)


@pytest.fixture(autouse=True)
def _cheap(cheap_hashing: None) -> None:
    """argon2 at minimal cost."""


def _rows(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.read() as s:
            return {
                t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables
            }
    finally:
        db.dispose()


def _commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "register": ["register", "--type", "foi", "--subject", "ს", "--from-name", "ა"],
        "search": ["search", "ბერიძე"],
        "report": ["report", "monthly", "--period", "2026-10", "--out", str(tmp / "out")],
        "import-journal": ["import-journal", str(tmp / "j.xlsx")],
        "user list": ["user", "list"],
        "user add": ["user", "add", "x.y", "--name", "X", "--role", "viewer",
                     "--new-password-stdin"],
        "user passwd": ["user", "passwd", "admin", "--new-password-stdin"],
        "audit verify": ["audit", "verify"],
        "audit checkpoint": ["audit", "checkpoint", "--out", str(tmp / "cp.json")],
        "db reindex": ["db", "reindex"],
        "backup": ["backup", str(tmp / "b.sqlite3")],
    }  # fmt: skip


COMMANDS = list(_commands(Path("/")))


@pytest.mark.parametrize("command", COMMANDS)
def test_without_a_login_a_command_exits_2_in_one_line_and_writes_nothing(
    sqlite_url: str,
    tmp_path: Path,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_admin(sqlite_url)
    monkeypatch.delenv(cli.USER_ENV, raising=False)
    before = _rows(sqlite_url)
    stdin(monkeypatch, "new-password-1")  # not a terminal: nobody to ask
    work = tmp_path / "work"
    assert run(["--db", sqlite_url, "--lang", "en", *_commands(work)[command]]) == EXIT_USER
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("Error: This command needs a login")
    assert _rows(sqlite_url) == before
    assert not work.exists()


@pytest.mark.parametrize("command", ["register", "user add", "audit checkpoint", "backup"])
def test_a_wrong_password_exits_2_writes_nothing_but_the_failed_login(
    db_url: str,
    tmp_path: Path,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_admin(db_url)
    work = tmp_path / "work"
    argv = ["--db", db_url, "--lang", "en", *_commands(work)[command]]
    before = _rows(db_url)
    rc = run([*argv, *login(monkeypatch, "new-password-1", password="not-the-password")])
    err = capsys.readouterr().err.strip()
    assert rc == EXIT_USER and len(err.splitlines()) == 1
    if command == "backup" and not db_url.startswith("sqlite"):
        assert "backs up only the embedded database" in err  # said before any password
        assert _rows(db_url) == before
        return
    assert err == "Error: The user name or the password is not correct."
    after = _rows(db_url)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {"audit_log": 1}
    db = open_database(db_url)
    try:
        with db.read() as s:
            last = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first()
    finally:
        db.dispose()
    assert last == "login_failed"
    assert not work.exists()


def test_the_login_is_audited_as_that_user_and_the_work_too(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_admin(sqlite_url)
    rc = run(["--db", sqlite_url, "register", "--type", "foi", "--subject", "საჯარო ინფორმაცია",
              "--from-name", "ნინო ბერიძე", *login(monkeypatch)])  # fmt: skip
    assert rc == EXIT_OK
    db = open_database(sqlite_url)
    try:
        with db.read() as s:
            rows = s.execute(
                select(AuditEntry.action, AuditEntry.user_id)
                .order_by(AuditEntry.id.desc())
                .limit(2)
            ).all()
    finally:
        db.dispose()
    (register, who), (logged_in, who_logged) = rows
    assert (logged_in, register) == ("login", "register") and who == who_logged is not None


def test_kantselaria_user_names_the_login(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_admin(sqlite_url)
    monkeypatch.setenv(cli.USER_ENV, "admin")
    stdin(monkeypatch, ADMIN_PASSWORD)
    assert run(["--db", sqlite_url, "user", "list", "--password-stdin"]) == EXIT_OK
    assert "admin\tadmin" in capsys.readouterr().out


def test_a_terminal_is_asked_for_the_login_and_the_password(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_admin(sqlite_url)
    monkeypatch.delenv(cli.USER_ENV, raising=False)
    asked: list[str] = []
    answers = [ADMIN_PASSWORD, ADMIN_PASSWORD, "ახალი-პაროლი-1", "ახალი-პაროლი-2"]

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return answers[len(asked) - 1]

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(cli.getpass, "getpass", getpass)
    stdin(monkeypatch, "admin")
    assert run(["--db", sqlite_url, "user", "list"]) == EXIT_OK
    assert asked == ["admin — password: "] and "login: " in capsys.readouterr().err
    # a new password at a terminal: typed twice, and the two must agree
    assert run(["--db", sqlite_url, "user", "passwd", "admin", "--user", "admin"]) == EXIT_USER
    assert asked[1:] == ["admin — password: ", "new password: ", "new password again: "]
    assert "არ ემთხვევა" in capsys.readouterr().err  # the second answer differed


def test_remember_keeps_the_password_in_the_keyring_and_forgets_a_stale_one(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    with_admin(sqlite_url)
    base = ["--db", sqlite_url, "--lang", "en", "user", "list"]
    assert run([*base, *login(monkeypatch), "--remember"]) == EXIT_OK
    ((service, account), stored), *_ = memory_keyring.items.items()
    assert service == "kantselaria" and account.startswith("cli|admin|sqlite:")
    assert stored == ADMIN_PASSWORD
    stdin(monkeypatch)  # nothing on stdin, no terminal: the keyring answers
    assert run([*base, "--user", "admin"]) == EXIT_OK
    # changing one's own password keeps the remembered one current
    assert run(["--db", sqlite_url, "user", "passwd", "admin", "--new-password-stdin",
                *login(monkeypatch, "ახალი-პაროლი-1")]) == EXIT_OK  # fmt: skip
    assert memory_keyring.items[(service, account)] == "ახალი-პაროლი-1"
    stdin(monkeypatch)
    assert run([*base, "--user", "admin"]) == EXIT_OK
    memory_keyring.items[(service, account)] = "stale"  # changed elsewhere
    capsys.readouterr()
    assert run([*base, "--user", "admin"]) == EXIT_USER
    assert "not correct" in capsys.readouterr().err
    assert memory_keyring.items == {}  # forgotten: the next time asks
    assert run([*base, "--user", "admin"]) == EXIT_USER
    assert "is needed" in capsys.readouterr().err


def test_remember_without_a_keyring_says_so(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_keyring: None,  # noqa: F811
) -> None:
    with_admin(sqlite_url)
    argv = ["--db", sqlite_url, "--lang", "en", "user", "list", "--remember"]
    assert run([*argv, *login(monkeypatch)]) == EXIT_OK
    assert "no keyring" in capsys.readouterr().err


def test_the_first_administrators_password_from_the_command_line(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server set up from the command line: nobody can log in before the first
    administrator has a password; ``user passwd admin`` sets it, as the first start does."""
    assert run(["--db", db_url, "--lang", "en", "user", "list", *login(monkeypatch)]) == EXIT_USER
    assert "No administrator of this database has a password yet" in capsys.readouterr().err
    stdin(monkeypatch, "viewer-pass-1")
    assert run(["--db", db_url, "user", "passwd", "nobody", "--new-password-stdin"]) == EXIT_USER
    stdin(monkeypatch, ADMIN_PASSWORD)
    assert run(["--db", db_url, "user", "passwd", "admin", "--new-password-stdin"]) == EXIT_OK
    assert "first administrator" in capsys.readouterr().out
    stdin(monkeypatch, "another-pass-1")  # now only with a login
    assert run(["--db", db_url, "user", "passwd", "admin", "--new-password-stdin"]) == EXIT_USER
    assert run(["--db", db_url, "user", "list", *login(monkeypatch)]) == EXIT_OK


def test_what_works_without_a_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``make run``: db upgrade and demo --if-empty on the embedded file, no prompt."""
    monkeypatch.delenv(cli.USER_ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert run(["--db", url, "db", "upgrade"]) == EXIT_OK
    assert run(["--db", url, "db", "check"]) == EXIT_OK
    assert run(["--db", url, "demo", "--if-empty", "--count", "40"]) == EXIT_OK
    assert run(["--db", url, "demo", "--if-empty", "--count", "40"]) == EXIT_OK
    assert run(["db", "sql", "--dialect", "postgresql"]) == EXIT_OK
    with pytest.raises(SystemExit) as info:
        run(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "40 documents" in out and "already has documents" in out


@pytest.mark.pg
def test_an_older_server_schema_is_upgraded_only_after_an_administrators_login(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.app.test_setup import OLD_REVISION, make_older

    with_admin(pg_url)
    db = open_database(pg_url)
    make_older(db)
    try:
        monkeypatch.delenv(cli.USER_ENV, raising=False)
        stdin(monkeypatch)
        assert run(["--db", pg_url, "--lang", "en", "db", "upgrade"]) == EXIT_USER
        assert "needs a login" in capsys.readouterr().err
        assert run(["--db", pg_url, "db", "upgrade", *login(monkeypatch, password="x")]) == 2
        assert schema_state(db).current == OLD_REVISION
        assert run(["--db", pg_url, "db", "check"]) == EXIT_DB
        assert run(["--db", pg_url, "db", "upgrade", *login(monkeypatch)]) == EXIT_OK
        assert schema_state(db).current == migrate.head_revision()
        with db.read() as s:
            assert s.scalar(select(func.count()).where(AuditEntry.action == "schema_upgrade")) == 1
    finally:
        db.dispose()
