"""An audit nobody can rewrite quietly: the database refuses to edit or delete audit rows
(migration 0006), and a checkpoint kept outside the database catches a chain a DBA rewrote
and re-hashed from the start — which the chain alone cannot (it agrees with itself)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app import audit, mail
from app.audit import Checkpoint, load_checkpoint, verify
from app.cli import EXIT_AUDIT, EXIT_OK, EXIT_USER, run
from app.errors import UserError
from app.users import UserInput, authenticate, create_user, list_departments
from models.db import Database, open_database
from models.tables import AuditEntry, NumberCounter, User
from tests.app._audit_helpers import drop_audit_guard, refused
from tests.app._cli_login import ADMIN_PASSWORD, login, with_admin
from tests.app._rules_helpers import admin
from tests.app.test_mail import Sink, sink  # noqa: F401  (the local SMTP server fixture)


@pytest.fixture(autouse=True)
def _cheap(cheap_hashing: None) -> None:
    """argon2 at minimal cost."""


@pytest.fixture
def url(db_url: str) -> Iterator[str]:
    """A database whose administrator has a password and a few audited events."""
    with_admin(db_url)
    db = open_database(db_url)
    try:
        with pytest.raises(UserError):
            authenticate(db, "admin", "not-the-password")  # audited as login_failed
        authenticate(db, "admin", ADMIN_PASSWORD)
    finally:
        db.dispose()
    yield db_url


def _ids(db: Database) -> list[int]:
    with db.read() as s:
        return [int(i) for i in s.scalars(select(AuditEntry.id).order_by(AuditEntry.id))]


def test_the_database_refuses_to_edit_or_delete_audit_rows(url: str) -> None:
    db = open_database(url)
    try:
        ids = _ids(db)
        with refused(), db.engine.begin() as c:
            c.execute(text("UPDATE audit_log SET new_value = 'x' WHERE id = :id"), {"id": ids[1]})
        with refused(), db.engine.begin() as c:
            c.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[-1]})
        with refused(), db.write() as s:  # through the ORM alike
            s.query(AuditEntry).delete()
        with refused(), db.write() as s:
            row = s.get(AuditEntry, ids[0])
            assert row is not None
            row.action = "nothing happened"
        if db.backend == "postgresql":
            with refused(), db.engine.begin() as c:
                c.execute(text("TRUNCATE audit_log"))
        # the tail pointer: never deleted, renamed or lowered; raised, it is by record()
        tail = "WHERE scope = '__audit_tail__'"
        for sql in (f"DELETE FROM number_counters {tail}",
                    f"UPDATE number_counters SET last_value = last_value - 1 {tail}",
                    f"UPDATE number_counters SET scope = 'x' {tail}"):  # fmt: skip
            with refused(), db.engine.begin() as c:
                c.execute(text(sql))
        with db.engine.begin() as c:  # every other counter is the program's to move
            c.execute(text("UPDATE number_counters SET last_value = last_value "
                           "WHERE scope <> '__audit_tail__'"))  # fmt: skip
        assert _ids(db) == ids
        authenticate(db, "admin", ADMIN_PASSWORD)  # appending goes on as before
        with db.read() as s:
            result = verify(s)
            tail_now = s.scalar(
                select(NumberCounter.last_value).where(NumberCounter.scope == audit.TAIL_SCOPE)
            )
        assert result.ok and result.checked == len(ids) + 1
        assert tail_now == _ids(db)[-1]
    finally:
        db.dispose()


def _checkpoint(url: str, out: Path, monkeypatch: pytest.MonkeyPatch) -> Checkpoint:
    assert run(["--db", url, "audit", "checkpoint", "--out", str(out), *login(monkeypatch)]) == 0
    return load_checkpoint(out)


def _verify(url: str, monkeypatch: pytest.MonkeyPatch, *more: str) -> int:
    return run(["--db", url, "--lang", "en", "audit", "verify", *more, *login(monkeypatch)])


def _rehash_all(db: Database) -> None:
    """What a DBA with every right (and hashlib) can do: recompute the whole chain."""
    with db.write() as s:
        prev = ""
        for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            e.prev_hash = prev
            e.row_hash = audit._digest(prev, e)  # sha256 over the row, as anyone can compute
            prev = e.row_hash


def test_a_rewritten_and_rehashed_chain_verifies_but_not_against_a_checkpoint(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cp_file = tmp_path / "checkpoint.json"
    cp = _checkpoint(url, cp_file, monkeypatch)
    saved = json.loads(cp_file.read_text(encoding="utf-8"))
    assert set(saved) == {"kantselaria_audit_checkpoint", "database", "rows", "last_id",
                          "last_hash", "at", "by"}  # fmt: skip
    assert saved["by"] == "admin" and saved["rows"] == cp.rows and len(saved["last_hash"]) == 64
    assert run(["--db", url, "user", "list", *login(monkeypatch)]) == EXIT_OK  # more rows
    capsys.readouterr()
    assert _verify(url, monkeypatch, "--checkpoint", str(cp_file)) == EXIT_OK
    assert "extends the checkpoint" in capsys.readouterr().out

    db = open_database(url)
    try:
        drop_audit_guard(db)
        with db.write() as s:  # hide the failed login, before the checkpoint
            failed = s.scalar(select(AuditEntry).where(AuditEntry.action == "login_failed"))
            assert failed is not None and failed.id < (cp.last_id or 0)
            failed.action = "login"
        _rehash_all(db)
    finally:
        db.dispose()
    capsys.readouterr()
    assert _verify(url, monkeypatch) == EXIT_OK  # the chain agrees with itself…
    assert capsys.readouterr().out.startswith("intact")
    assert _verify(url, monkeypatch, "--checkpoint", str(cp_file)) == EXIT_AUDIT  # …not with it
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"row #{cp.last_id} no longer matches the checkpoint" in err and "recomputed" in err


def test_deleting_the_tail_with_its_pointer_verifies_but_not_against_a_checkpoint(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cp_file = tmp_path / "checkpoint.json"
    cp = _checkpoint(url, cp_file, monkeypatch)
    db = open_database(url)
    try:
        ids = _ids(db)
        drop_audit_guard(db)
        with db.engine.begin() as c:  # the last rows, and the pointer that remembers them
            c.execute(text("DELETE FROM audit_log WHERE id >= :id"), {"id": ids[-3]})
            c.execute(text("DELETE FROM number_counters WHERE scope = '__audit_tail__'"))
    finally:
        db.dispose()
    capsys.readouterr()
    assert _verify(url, monkeypatch) == EXIT_OK
    assert _verify(url, monkeypatch, "--checkpoint", str(cp_file)) == EXIT_AUDIT
    assert f"the checkpoint's row #{cp.last_id}" in capsys.readouterr().err


def test_rows_deleted_from_the_end_stay_evident_after_the_next_write(url: str) -> None:
    """Deleting the last rows and letting the program write on would chain the new row onto
    what is left; the tail pointer makes that row link to a mark that says so."""
    db = open_database(url)
    try:
        ids = _ids(db)
        drop_audit_guard(db)
        with db.engine.begin() as c:
            c.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[-1]})
        authenticate(db, "admin", ADMIN_PASSWORD)
        authenticate(db, "admin", ADMIN_PASSWORD)
        with db.read() as s:
            result = verify(s)
        assert (result.ok, result.kind, result.first_broken_id) == (False, "missing_tail", ids[-1])
    finally:
        db.dispose()


def test_checkpoint_needs_an_administrator_and_a_readable_file(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(url)
    try:
        dept = list_departments(db, admin(db))[0].id
        create_user(db, admin(db), UserInput("reg", "რეგისტრატორი", "registrar", dept),
                    "პაროლი-12345")  # fmt: skip
    finally:
        db.dispose()
    out = tmp_path / "cp.json"
    rc = run(["--db", url, "audit", "checkpoint", "--out", str(out),
              *login(monkeypatch, user="reg", password="პაროლი-12345")])  # fmt: skip
    assert rc == EXIT_USER and not out.exists()
    assert "რეგისტრატორი" in capsys.readouterr().err
    out.write_text("{}", encoding="utf-8")
    assert _verify(url, monkeypatch, "--checkpoint", str(out)) == EXIT_USER
    assert "is not an audit checkpoint" in capsys.readouterr().err
    assert _verify(url, monkeypatch, "--checkpoint", str(tmp_path / "none.json")) == EXIT_USER


def test_checkpoint_is_mailed_to_the_administrator(
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sink: tuple[Sink, int],  # noqa: F811
) -> None:
    handler, port = sink
    db = open_database(url)
    try:
        mail.save_smtp_settings(db, admin(db), "127.0.0.1", port,
                                sender="kantselaria@lanchkhuti.gov.ge")  # fmt: skip
    finally:
        db.dispose()
    out = tmp_path / "cp.json"
    argv = ["--db", url, "--lang", "en", "audit", "checkpoint", "--out", str(out), "--mail"]
    assert run([*argv, *login(monkeypatch)]) == EXIT_USER  # no address to send it to
    assert "has no e-mail address" in capsys.readouterr().err
    assert out.exists()  # the file is written first, whatever the mail does
    db = open_database(url)
    try:
        with db.write() as s:
            s.execute(User.__table__.update().where(User.login == "admin")
                      .values(email="nino@lanchkhuti.gov.ge"))  # fmt: skip
    finally:
        db.dispose()
    assert run([*argv, *login(monkeypatch)]) == EXIT_OK
    assert "sent to nino@lanchkhuti.gov.ge" in capsys.readouterr().out
    (envelope,) = handler.envelopes
    assert envelope.rcpt_tos == ["nino@lanchkhuti.gov.ge"]
    msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content or b"")
    (part,) = list(msg.iter_attachments())
    assert part.get_content_type() == "application/json"
    assert Checkpoint.from_json(part.get_content().decode("utf-8")) == load_checkpoint(out)
