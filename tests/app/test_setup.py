"""The schema a database has versus the program's: a newer one is refused with "update the
program" (nothing touched); an older one is upgraded by an administrator's login only."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select, text, update

from app import users
from app.clock import FixedClock
from app.errors import PermissionDenied, UserError
from app.setup import SchemaMismatch, prepare, schema_state, upgrade_as_admin
from app.users import UserInput
from models import migrate
from models.db import Database
from models.tables import AuditEntry, User

OLD_REVISION = "0003_search"
FUTURE_REVISION = "0099_future"
ADMIN_PASSWORD = "ადმინის-პაროლი-1"


def make_older(db: Database, revision: str = OLD_REVISION) -> None:
    """Take a current database back to *revision* (as an older program left it)."""
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def make_newer(db: Database) -> None:
    """Mark the database as upgraded by a newer program (a revision this one does not know)."""
    with db.write() as s:
        s.execute(text(f"UPDATE alembic_version SET version_num = '{FUTURE_REVISION}'"))


def set_admin_password(db: Database, password: str = ADMIN_PASSWORD) -> None:
    with db.write() as s:
        s.execute(
            update(User)
            .where(User.login == "admin")
            .values(password_hash=users.hash_password(password))
        )


def test_prepare_refuses_a_schema_newer_than_the_program(db: Database) -> None:
    make_newer(db)
    with pytest.raises(SchemaMismatch) as err:
        prepare(db)
    assert err.value.key == "db.schema_new"
    assert "განაახლეთ პროგრამა" in err.value.message()
    assert FUTURE_REVISION in err.value.message()
    assert schema_state(db).current == FUTURE_REVISION  # nothing was touched


def test_only_an_administrator_upgrades_an_older_schema(
    db: Database, clock: FixedClock, cheap_hashing: None
) -> None:
    from app.auth import default_actor

    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    users.create_user(
        db, admin, UserInput("nino", "ნინო კაპანაძე", "registrar", None), "რეგისტრატორი-1",
        clock=clock,
    )  # fmt: skip
    set_admin_password(db)
    make_older(db)
    assert schema_state(db).status == "old"

    with pytest.raises(PermissionDenied):
        upgrade_as_admin(db, "nino", "რეგისტრატორი-1", clock)
    with pytest.raises(UserError) as wrong:
        upgrade_as_admin(db, "admin", "არასწორი", clock)
    assert wrong.value.key == "login.failed"
    assert schema_state(db).current == OLD_REVISION  # refused: still the old schema

    state = upgrade_as_admin(db, "admin", ADMIN_PASSWORD, clock)
    assert state.up_to_date and state.current == migrate.head_revision()
    with db.read() as s:
        entry = s.execute(
            select(AuditEntry.old_value, AuditEntry.new_value, AuditEntry.at).where(
                AuditEntry.action == "schema_upgrade"
            )
        ).one()
    assert tuple(entry) == (OLD_REVISION, state.current, clock.now_utc())
