"""kantselaria-cli user add/passwd/list and audit verify: exit codes and one-line messages.

Standard input: with ``--password-stdin`` the first line is the acting user's password;
with ``--new-password-stdin`` the next line is the new password (tests/app/_cli_login.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text

from app import audit, users
from app.cli import EXIT_AUDIT, EXIT_OK, EXIT_USER, run
from app.clock import SystemClock
from app.errors import UserError
from app.users import authenticate, create_first_admin
from models.db import Database, open_database
from models.tables import AuditEntry, User
from tests.app._audit_helpers import drop_audit_guard, refused
from tests.app._cli_login import ADMIN_PASSWORD, login, with_admin


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def url(db_url: str) -> str:
    """A database whose administrator has a password (the first run is done)."""
    return with_admin(db_url)


def _stdin(monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(content))


def _login(url: str, login: str, password: str) -> str:
    db = open_database(url)
    try:
        return authenticate(db, login, password).role
    finally:
        db.dispose()


def _users(url: str) -> int:
    db = open_database(url)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count(User.id))) or 0)
    finally:
        db.dispose()


def test_user_add_list_and_passwd(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = run(["--db", url, "user", "add", "ia.k", "--name", "ია კაპანაძე", "--role", "executor",
              "--department", "fin", "--new-password-stdin",
              *login(monkeypatch, "ხუთი ლარი და ათი")])  # fmt: skip
    assert rc == EXIT_OK
    assert "ia.k" in capsys.readouterr().out
    assert _login(url, "ia.k", "ხუთი ლარი და ათი") == "executor"  # spaces are kept

    assert run(["--db", url, "user", "list", "--json", *login(monkeypatch)]) == EXIT_OK
    listed = {u["login"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["ia.k"]["department"] == "საფინანსო-საბიუჯეტო სამსახური"
    assert listed["ia.k"]["has_password"] and listed["admin"]["role"] == "admin"
    assert run(["--db", url, "user", "list", *login(monkeypatch)]) == EXIT_OK
    assert "ia.k\texecutor\t" in capsys.readouterr().out

    _stdin(monkeypatch, f"{ADMIN_PASSWORD}\nახალი-პაროლი\r\n")
    assert run(["--db", url, "user", "passwd", "ia.k", "--user", "admin", "--password-stdin",
                "--new-password-stdin"]) == EXIT_OK  # fmt: skip
    assert _login(url, "ia.k", "ახალი-პაროლი") == "executor"

    # Anyone may change his own password (knowing the current one); not someone else's.
    own = ["--db", url, "user", "passwd", "ia.k", "--new-password-stdin"]
    assert run([*own, *login(monkeypatch, "ჩემი-ახალი-პაროლი", user="ia.k",
                             password="არა-ის-პაროლი")]) == EXIT_USER  # fmt: skip
    assert _login(url, "ia.k", "ახალი-პაროლი") == "executor"
    assert run([*own, *login(monkeypatch, "ჩემი-ახალი-პაროლი", user="ia.k",
                             password="ახალი-პაროლი")]) == EXIT_OK  # fmt: skip
    assert _login(url, "ia.k", "ჩემი-ახალი-პაროლი") == "executor"
    capsys.readouterr()
    assert run(["--db", url, "user", "passwd", "admin", "--new-password-stdin",
                *login(monkeypatch, "სხვისი-პაროლი", user="ia.k",
                       password="ჩემი-ახალი-პაროლი")]) == EXIT_USER  # fmt: skip
    assert "უფლება" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "acting", "password", "word"),
    [
        (["add", "x.y", "--name", "X", "--role", "boss"], ADMIN_PASSWORD, "პაროლი-12345", "როლი"),
        (["add", "x.y", "--name", "X", "--role", "head"], ADMIN_PASSWORD, "პაროლი-12345",
         "სამსახურ"),
        (["add", "x.y", "--name", "X", "--role", "head", "--department", "NOPE"],
         ADMIN_PASSWORD, "პაროლი-12345", "NOPE"),
        (["add", "x.y", "--name", "X", "--role", "viewer"], ADMIN_PASSWORD, "short", "8"),
        (["add", "ADMIN", "--name", "X", "--role", "viewer"], ADMIN_PASSWORD, "პაროლი-12345",
         "admin"),
        (["add", "x.y", "--name", "X", "--role", "viewer"], "არასწორი-პაროლი", "პაროლი-12345",
         "პაროლი არასწორია"),
        (["add", "x.y", "--name", "X", "--role", "viewer"], "", "პაროლი-12345", "პაროლი"),
        (["passwd", "nobody"], ADMIN_PASSWORD, "პაროლი-12345", "nobody"),
        (["passwd", "admin"], ADMIN_PASSWORD, "", "8"),
        (["passwd", "admin"], "პაროლი-12345", "პაროლი-12345", "პაროლი არასწორია"),
    ],
)  # fmt: skip
def test_bad_user_input_exits_2_with_one_line_and_writes_nothing(
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    acting: str,
    password: str,
    word: str,
) -> None:
    before = _users(url)
    argv = ["--db", url, "user", *args, "--new-password-stdin"]
    assert run([*argv, *login(monkeypatch, password, password=acting)]) == EXIT_USER
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and word in err
    assert _users(url) == before
    assert _login(url, "admin", ADMIN_PASSWORD) == "admin"


def test_user_add_needs_the_new_password_on_stdin(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _users(url)
    argv = ["--db", url, "--lang", "en", "user", "add", "x.y", "--name", "X", "--role", "viewer"]
    assert run([*argv, *login(monkeypatch)]) == EXIT_USER  # no terminal to ask it at
    assert "new password" in capsys.readouterr().err
    assert _users(url) == before


def test_a_non_administrator_cannot_list_users(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["--db", url, "user", "add", "reg", "--name", "R", "--role", "registrar",
         "--new-password-stdin", *login(monkeypatch, "პაროლი-12345")])  # fmt: skip
    capsys.readouterr()
    rc = run(
        ["--db", url, "user", "list", *login(monkeypatch, user="reg", password="პაროლი-12345")]
    )
    assert rc == EXIT_USER
    assert "რეგისტრატორი" in capsys.readouterr().err


# --- audit verify ------------------------------------------------------------------------


def _audited(url: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A few audited changes; the ids of the audit rows, oldest first."""
    for i in range(3):
        assert run(["--db", url, "user", "add", f"u{i}", "--name", f"მომხმარებელი {i}",
                    "--role", "viewer", "--new-password-stdin",
                    *login(monkeypatch, "პაროლი-12345")]) == EXIT_OK  # fmt: skip
    db = open_database(url)
    try:
        with db.read() as s:
            return [int(i) for i in s.scalars(select(AuditEntry.id).order_by(AuditEntry.id))]
    finally:
        db.dispose()


def _tamper(url: str, sql: str, row: int) -> None:
    """*sql* on audit row *row*: refused by the database's trigger; then done as a DBA who
    dropped the trigger first (what the chain and the checkpoints are for)."""
    db = open_database(url)
    try:
        with refused(), db.engine.begin() as c:
            c.execute(text(sql), {"id": row})
        drop_audit_guard(db)
        with db.engine.begin() as c:
            assert c.execute(text(sql), {"id": row}).rowcount == 1
    finally:
        db.dispose()


def _verify(url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """``audit verify`` as the administrator (*args*: --lang / --json / --checkpoint …)."""
    lang = ["--lang", args[1]] if args[:1] == ("--lang",) else []
    rest = list(args[2:] if lang else args)
    return run(["--db", url, *lang, "audit", "verify", *rest, *login(monkeypatch)])


def test_audit_verify_is_0_on_an_intact_chain(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _audited(url, monkeypatch)
    capsys.readouterr()
    assert _verify(url, monkeypatch) == EXIT_OK  # its login is audited first
    assert capsys.readouterr().out.strip() == f"intact, {len(ids) + 1} rows"
    assert _verify(url, monkeypatch, "--json") == EXIT_OK
    assert json.loads(capsys.readouterr().out) == {
        "ok": True, "checked": len(ids) + 2, "first_broken_id": None, "reason": "", "kind": "",
        "checkpoint": None, "time_warnings": [],
    }  # fmt: skip


def test_audit_verify_names_a_row_edited_by_hand(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _audited(url, monkeypatch)
    edited = ids[len(ids) // 2]
    _tamper(url, "UPDATE audit_log SET new_value = 'viewer→admin' WHERE id = :id", edited)
    capsys.readouterr()
    assert _verify(url, monkeypatch) == EXIT_AUDIT
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and f"#{edited} " in err and "შეცვლილია" in err
    assert _verify(url, monkeypatch, "--lang", "en", "--json") == EXIT_AUDIT
    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["first_broken_id"], out["checked"]) == (False, edited, ids.index(edited))


def test_audit_verify_names_the_row_after_a_deleted_one(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _audited(url, monkeypatch)
    gone = ids[len(ids) // 2]
    _tamper(url, "DELETE FROM audit_log WHERE id = :id", gone)
    capsys.readouterr()
    assert _verify(url, monkeypatch, "--lang", "en") == EXIT_AUDIT
    err = capsys.readouterr().err.strip()
    following = ids[ids.index(gone) + 1]
    assert f"row #{following}:" in err and "deleted or changed" in err


def test_audit_verify_notices_rows_deleted_from_the_end(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No link is left to break after the last rows; the stored tail pointer is."""
    ids = _audited(url, monkeypatch)
    _tamper(url, "DELETE FROM audit_log WHERE id = :id", ids[-1])
    capsys.readouterr()
    assert _verify(url, monkeypatch, "--lang", "en") == EXIT_AUDIT
    err = capsys.readouterr().err.strip()
    assert f"#{ids[-1]})" in err and "last rows" in err


def test_audit_verify_catches_an_edit_whose_own_hash_was_recomputed(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rewriting a row together with its own hash still breaks the next row's link."""
    create_first_admin(sqlite_db, "admin", "ნინო", ADMIN_PASSWORD)
    with pytest.raises(UserError):
        authenticate(sqlite_db, "admin", "wrong-password")
    authenticate(sqlite_db, "admin", ADMIN_PASSWORD)
    drop_audit_guard(sqlite_db)
    with sqlite_db.write() as s:
        failed = s.scalar(select(AuditEntry).where(AuditEntry.action == "login_failed"))
        assert failed is not None
        failed.action = "login"  # hide the failed attempt
        failed.row_hash = audit._digest(failed.prev_hash, failed)
        following = int(failed.id) + 1
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    assert _verify(url, monkeypatch, "--lang", "en") == EXIT_AUDIT
    assert f"row #{following}: the row before it" in capsys.readouterr().err


# --- precision: what every SQL Server driver keeps ---------------------------------------

ODD_TIME = dt.datetime(2026, 11, 25, 9, 30, 15, 123456)


def _as_datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def test_audit_times_are_whole_seconds_so_a_millisecond_driver_still_verifies(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """FreeTDS and the legacy driver keep milliseconds at most (pyodbc#353). The stamps are
    stored in whole seconds, so cutting every stored stamp to milliseconds, as such a
    driver returns them, changes nothing and the chain still verifies."""
    odd = SystemClock().now_utc().replace(microsecond=123456)  # in order after the others
    db = open_database(url)
    try:
        with db.write() as s:
            audit.record(s, at=odd, user_id=None, action="login", entity="user",
                         entity_id=None)  # fmt: skip
        with db.read() as s:
            stored = s.scalars(select(AuditEntry.at).order_by(AuditEntry.id.desc())).first()
        assert stored == odd.replace(microsecond=0)
        drop_audit_guard(db)  # what the driver would return, written back by hand
        with db.engine.begin() as c:
            for row_id, at in c.execute(text("SELECT id, at FROM audit_log")).all():
                at = _as_datetime(at)
                c.execute(
                    text("UPDATE audit_log SET at = :at WHERE id = :id"),
                    {"at": at.replace(microsecond=at.microsecond // 1000 * 1000), "id": row_id},
                )
    finally:
        db.dispose()
    assert _verify(url, monkeypatch) == EXIT_OK, capsys.readouterr().err


def test_rows_hashed_with_microseconds_before_still_verify(sqlite_db: Database) -> None:
    """A chain written by an earlier version (microseconds in the stamp and the hash) is
    read back exactly by SQLite and PostgreSQL, so it stays intact after the change."""
    old = AuditEntry(at=ODD_TIME, user_id=None, workstation="ws", action="login",
                     entity="user", entity_id=None, field="", old_value="", new_value="",
                     prev_hash="")  # fmt: skip
    old.row_hash = audit._digest("", old)
    drop_audit_guard(sqlite_db)  # to stage an old chain in place of the new one
    with sqlite_db.write() as s:
        s.query(AuditEntry).delete()
        s.add(old)
        s.flush()
        audit._set_tail(s, old.id)
        audit.record(s, at=ODD_TIME, user_id=None, action="login", entity="user",
                     entity_id=None)  # fmt: skip
    with sqlite_db.read() as s:
        result = audit.verify(s)
    assert result.ok and result.checked == 2
