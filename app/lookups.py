"""Lists the forms need: document types, departments, correspondent suggestions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from app.text import fold, skeleton
from models.db import Database
from models.tables import Correspondent, Department, DocumentType, Setting

SKELETON_MAX = 300  # correspondents.name_skeleton holds at most this much


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class CorrespondentInfo:
    id: int
    kind: str
    name: str
    personal_id: str
    org_code: str
    address: str
    phone: str
    email: str


def document_types(db: Database) -> list[Choice]:
    with db.read() as s:
        rows = s.execute(
            select(DocumentType.code, DocumentType.name, DocumentType.name_en)
            .where(DocumentType.active)
            .order_by(DocumentType.id)
        ).all()
    return [Choice(*r) for r in rows]


def departments(db: Database) -> list[Choice]:
    with db.read() as s:
        rows = s.execute(
            select(Department.code, Department.name, Department.name_en)
            .where(Department.active)
            .order_by(Department.id)
        ).all()
    return [Choice(*r) for r in rows]


def office_settings(db: Database) -> dict[str, str]:
    with db.read() as s:
        return {name: content for name, content in s.execute(select(Setting.name, Setting.content))}


def suggest_correspondents(db: Database, text: str, limit: int = 10) -> list[CorrespondentInfo]:
    """Correspondents whose name skeleton starts with the typed text, or whose number does."""
    typed = fold(text)
    if len(typed) < 2:
        return []
    conds = []
    sk = skeleton(typed)[:SKELETON_MAX]  # longer cannot match a stored skeleton
    if sk:
        conds.append(Correspondent.name_skeleton.startswith(sk, autoescape=True))
        # A surname typed first: match at the start of any word of the name.
        conds.append(Correspondent.name_skeleton.contains(" " + sk, autoescape=True))
    digits = typed.replace(" ", "")
    if digits.isdigit() and len(digits) <= 11:  # longer is nobody's number
        conds.append(Correspondent.personal_id.startswith(digits))
        conds.append(Correspondent.org_code.startswith(digits))
    if not conds:
        return []
    with db.read() as s:
        rows = s.scalars(
            select(Correspondent).where(or_(*conds)).order_by(Correspondent.name).limit(limit)
        ).all()
        return [
            CorrespondentInfo(
                r.id,
                r.kind,
                r.name,
                r.personal_id or "",
                r.org_code or "",
                r.address,
                r.phone,
                r.email,
            )
            for r in rows
        ]


def department_ids(db: Database) -> dict[str, int]:
    """Department code → id (the registry filters by id)."""
    with db.read() as s:
        return {code: i for i, code in s.execute(select(Department.id, Department.code))}
