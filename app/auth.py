"""Who is acting, and what each role may do. Checked in app/, never only in the GUI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.errors import PermissionDenied
from app.refdata import ROLE_NAMES, label
from models.tables import User

PERMISSIONS: dict[str, frozenset[str]] = {
    "register": frozenset({"admin", "registrar"}),
    "view_registry": frozenset({"admin", "registrar", "head", "executor", "viewer"}),
    "admin": frozenset({"admin"}),
    "edit_templates": frozenset({"admin"}),
    "edit_deadline_rules": frozenset({"admin"}),
    "edit_calendar": frozenset({"admin"}),
    "extend_deadline": frozenset({"admin", "registrar", "head"}),
    "stop_clock": frozenset({"admin", "registrar", "head", "executor"}),
    "edit_correspondents": frozenset({"admin", "registrar"}),
    "merge_correspondents": frozenset({"admin"}),
    "view_personal_data": frozenset({"admin", "registrar", "head"}),
    "link_documents": frozenset({"admin", "registrar", "head", "executor"}),
    # Confidential documents: these roles see all of them; everyone else only those they
    # registered or execute (app.access).
    "view_confidential": frozenset({"admin"}),
    "manage_users": frozenset({"admin"}),
    "attach": frozenset({"admin", "registrar", "head", "executor"}),
    "send_mail": frozenset({"admin", "registrar", "head", "executor"}),
    # Routing (app.routing): a head resolves his department's documents, executors take
    # work from the queue and answer, registrars file and cancel.
    "assign": frozenset({"admin", "head"}),
    "claim": frozenset({"head", "executor"}),
    "answer": frozenset({"admin", "head", "executor"}),
    "close": frozenset({"admin", "registrar", "head"}),
    "cancel": frozenset({"admin", "registrar"}),
}

ACTION_NAMES = {
    "register": "დოკუმენტის რეგისტრაცია",
    "view_registry": "რეესტრის ნახვა",
    "admin": "ადმინისტრირება",
    "edit_templates": "ნომრის შაბლონების რედაქტირება",
    "edit_deadline_rules": "ვადების წესების რედაქტირება",
    "edit_calendar": "დასვენების დღეების კალენდრის რედაქტირება",
    "extend_deadline": "ვადის გაგრძელება",
    "stop_clock": "ვადის შეჩერება და განახლება",
    "edit_correspondents": "კორესპონდენტების რედაქტირება",
    "merge_correspondents": "კორესპონდენტების გაერთიანება",
    "view_personal_data": "პერსონალური მონაცემების ნახვა",
    "link_documents": "დოკუმენტების დაკავშირება",
    "view_confidential": "კონფიდენციალური დოკუმენტების ნახვა",
    "manage_users": "თანამშრომლებისა და სამსახურების მართვა",
    "attach": "დანართების დამატება და წაშლა",
    "send_mail": "ელ. ფოსტით გაგზავნა",
    "assign": "რეზოლუციის დადება",
    "claim": "დოკუმენტის აღება შესასრულებლად",
    "answer": "პასუხის გაცემა",
    "close": "საქმის დასრულება",
    "cancel": "რეგისტრაციის ანულირება",
}


ACTION_NAMES_EN = {
    "register": "register documents",
    "view_registry": "view the registry",
    "admin": "administration",
    "edit_templates": "edit numbering templates",
    "edit_deadline_rules": "edit deadline rules",
    "edit_calendar": "edit the calendar of days off",
    "extend_deadline": "extend a deadline",
    "stop_clock": "stop and resume the clock",
    "edit_correspondents": "edit correspondents",
    "merge_correspondents": "merge correspondents",
    "view_personal_data": "view personal data",
    "link_documents": "link documents",
    "view_confidential": "view confidential documents",
    "manage_users": "manage staff and departments",
    "attach": "add and remove attachments",
    "send_mail": "send by e-mail",
    "assign": "give a resolution",
    "claim": "take a document to execute",
    "answer": "answer",
    "close": "close a case",
    "cancel": "cancel a registration",
}
assert set(ACTION_NAMES_EN) == set(ACTION_NAMES) == set(PERMISSIONS)


@dataclass(frozen=True)
class Actor:
    user_id: int
    login: str
    full_name: str
    role: str
    department_id: int | None = None


def require(actor: Actor, action: str) -> None:
    if actor.role not in PERMISSIONS[action]:
        lang = messages.current_language()  # the role and action in the message's language
        names = ACTION_NAMES if lang == "ka" else ACTION_NAMES_EN
        raise PermissionDenied(
            "permission.denied",
            role=label(ROLE_NAMES, actor.role, lang),
            action=names.get(action, action),
        )


def actor_from_user(u: User) -> Actor:
    return Actor(u.id, u.login, u.full_name, u.role, u.department_id)


def find_actor(session: Session, login: str) -> Actor | None:
    u = session.scalar(select(User).where(User.login == login, User.active))
    return actor_from_user(u) if u else None


def default_actor(session: Session) -> Actor | None:
    """The first active administrator (used until the login dialog exists)."""
    u = session.scalar(
        select(User).where(User.role == "admin", User.active).order_by(User.id).limit(1)
    )
    return actor_from_user(u) if u else None
