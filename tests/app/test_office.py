"""The letterhead settings: validated first, written in one audited transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.office import OfficeSettings, office_settings, save_office_settings
from models.db import Database
from models.tables import AuditEntry


def _admin(db: Database) -> Actor:
    with db.read() as s:
        a = default_actor(s)
    assert a is not None
    return a


def _audit_rows(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_saves_the_letterhead_and_audits_each_change(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    logo = tmp_path / "გერბი.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    before = office_settings(sqlite_db)
    new = OfficeSettings(
        name="ქუთაისის მუნიციპალიტეტის მერია", address="ქუთაისი, რუსთაველის 3",
        phone=before.phone, email="info@kutaisi.gov.ge", logo_path=str(logo),
        signer_title="მერი", signer_name="ივანე ბერიძე", attachments_max_mb=30,
    )  # fmt: skip
    saved = save_office_settings(sqlite_db, _admin(sqlite_db), new, clock)
    assert saved == new
    with sqlite_db.read() as s:
        fields = set(s.scalars(select(AuditEntry.field).where(AuditEntry.entity == "setting")))
    assert {"office.name", "office.signer_name", "attachments.max_mb"} <= fields
    assert "office.phone" not in fields  # unchanged: not audited


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "office_name"),
        ({"email": "not-an-address"}, "email"),
        ({"logo_path": "/nowhere/logo.png"}, "logo_path"),
        ({"logo_path": "/etc/hostname"}, "logo_path"),
        ({"attachments_max_mb": 0}, "attachments_max_mb"),
        ({"signer_name": "x" * 201}, "signer_name"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    sqlite_db: Database, clock: FixedClock, change: dict[str, object], field: str
) -> None:
    from dataclasses import replace

    before, audit = office_settings(sqlite_db), _audit_rows(sqlite_db)
    with pytest.raises(ValidationError) as err:
        save_office_settings(sqlite_db, _admin(sqlite_db), replace(before, **change), clock)  # type: ignore[arg-type]
    assert err.value.field == field and err.value.message()
    assert office_settings(sqlite_db) == before and _audit_rows(sqlite_db) == audit


def test_only_the_administrator_changes_the_letterhead(sqlite_db: Database) -> None:
    registrar = Actor(99, "nino", "ნინო", "registrar")
    with pytest.raises(PermissionDenied):
        save_office_settings(sqlite_db, registrar, office_settings(sqlite_db))
