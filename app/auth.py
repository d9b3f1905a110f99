"""Who is acting, and what each role may do. Checked in app/, never only in the GUI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import PermissionDenied
from app.refdata import ROLE_NAMES, label
from models.tables import User

PERMISSIONS: dict[str, frozenset[str]] = {
    "register": frozenset({"admin", "registrar"}),
    "view_registry": frozenset({"admin", "registrar", "head", "executor", "viewer"}),
    "admin": frozenset({"admin"}),
}

ACTION_NAMES = {
    "register": "დოკუმენტის რეგისტრაცია",
    "view_registry": "რეესტრის ნახვა",
    "admin": "ადმინისტრირება",
}


@dataclass(frozen=True)
class Actor:
    user_id: int
    login: str
    full_name: str
    role: str
    department_id: int | None = None


def require(actor: Actor, action: str) -> None:
    if actor.role not in PERMISSIONS[action]:
        raise PermissionDenied(
            "permission.denied",
            role=label(ROLE_NAMES, actor.role),
            action=ACTION_NAMES.get(action, action),
        )


def actor_from_user(u: User) -> Actor:
    return Actor(u.id, u.login, u.full_name, u.role, u.department_id)


def find_actor(session: Session, login: str) -> Actor | None:
    u = session.scalar(select(User).where(User.login == login, User.active.is_(True)))
    return actor_from_user(u) if u else None


def default_actor(session: Session) -> Actor | None:
    """The first active administrator (used until the login dialog exists)."""
    u = session.scalar(
        select(User).where(User.role == "admin", User.active.is_(True)).order_by(User.id).limit(1)
    )
    return actor_from_user(u) if u else None
