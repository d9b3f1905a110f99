"""The municipality's own settings: the letterhead (name, address, logo, signer) that the
slip and the reply letter print, and the attachment limit. Administrator only, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.errors import ValidationError
from app.validation import clean_text
from app.validation import email as email_address
from models.db import Database, unit_of_work
from models.tables import Setting

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_ATTACHMENT_MB = 200


@dataclass(frozen=True)
class OfficeSettings:
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    signer_title: str = ""
    signer_name: str = ""
    attachments_max_mb: int = 20


def store_settings(
    s: Session, new: dict[str, str], user_id: int | None, now: dt.datetime
) -> list[Change]:
    """Write *new* (name → value) into the settings table; audit what changed."""
    rows = {r.name: r for r in s.scalars(select(Setting).where(Setting.name.in_(new)))}
    changes: list[Change] = []
    for name, value in new.items():
        row = rows.get(name)
        if row is None:
            s.add(Setting(name=name, content=value))
            changes.append(Change(name, "", value))
        elif row.content != value:
            changes.append(Change(name, row.content, value))
            row.content = value
    if changes:
        s.flush()
        record(
            s, at=now, user_id=user_id, action="update", entity="setting", entity_id=None,
            changes=changes,
        )  # fmt: skip
    return changes


def _from_rows(cfg: dict[str, str]) -> OfficeSettings:
    try:
        limit = int(cfg.get("attachments.max_mb", "20") or 20)
    except ValueError:
        limit = 20
    return OfficeSettings(
        name=cfg.get("office.name", ""),
        address=cfg.get("office.address", ""),
        phone=cfg.get("office.phone", ""),
        email=cfg.get("office.email", ""),
        logo_path=cfg.get("office.logo_path", ""),
        signer_title=cfg.get("office.signer_title", ""),
        signer_name=cfg.get("office.signer_name", ""),
        attachments_max_mb=limit,
    )


def office_settings(db: Database) -> OfficeSettings:
    with db.read() as s:
        rows = s.execute(select(Setting.name, Setting.content)).all()
        return _from_rows({name: content for name, content in rows})


def _logo(value: str) -> str:
    text = clean_text(value, "logo_path", max_len=500)
    if not text:
        return ""
    p = Path(text)
    if p.suffix.lower() not in LOGO_SUFFIXES:
        raise ValidationError("office.logo_format", field="logo_path", got=p.name[:80])
    if not p.is_file():
        raise ValidationError("office.logo_missing", field="logo_path", got=text[:120])
    return str(p)


@unit_of_work
def save_office_settings(
    db: Database, actor: Actor, inp: OfficeSettings, clock: Clock | None = None
) -> OfficeSettings:
    """Validate every field first (nothing written on an error), then one transaction."""
    require(actor, "admin")
    if not 1 <= inp.attachments_max_mb <= MAX_ATTACHMENT_MB:
        raise ValidationError(
            "office.attachment_limit", field="attachments_max_mb", max=MAX_ATTACHMENT_MB
        )
    new = {
        "office.name": clean_text(inp.name, "office_name", max_len=200, required=True),
        "office.address": clean_text(inp.address, "address", max_len=300),
        "office.phone": clean_text(inp.phone, "phone", max_len=50),
        "office.email": email_address(inp.email),
        "office.logo_path": _logo(inp.logo_path),
        "office.signer_title": clean_text(inp.signer_title, "signer_title", max_len=200),
        "office.signer_name": clean_text(inp.signer_name, "signer_name", max_len=200),
        "attachments.max_mb": str(inp.attachments_max_mb),
    }
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        store_settings(s, new, actor.user_id, now)
    return office_settings(db)
