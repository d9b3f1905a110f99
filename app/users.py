"""Staff and departments: argon2 passwords, first-run administrator, login, administration.

Passwords are hashed with argon2-cffi through the module-level :data:`HASHER` (tests
replace it with a cheap one). Hashing is slow by design, so it happens before a write
transaction opens, never inside one. User administration serialises on one counter row
(scope ``__users__``) so that two administrators cannot demote each other at once and
leave the office without an administrator.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Change, record
from app.auth import Actor, actor_from_user, require
from app.clock import Clock, SystemClock
from app.errors import NotFound, UserError, ValidationError
from app.numbering import next_seq
from app.refdata import ROLE_NAMES, label
from app.validation import clean_text, email, one_of
from models.db import Database, unit_of_work
from models.tables import ROLES, Department, Setting, User

HASHER = PasswordHasher()
"""The one place argon2 parameters are chosen (library defaults: RFC 9106 low-memory)."""

PASSWORD_MIN = 8
PASSWORD_MAX = 128
LOGIN_MAX = 60
FULL_NAME_MAX = 200
DEPARTMENT_CODE_MAX = 20
DEPARTMENT_NAME_MAX = 200
DEMO_PASSWORD = "demo"
DEMO_LOGIN_PREFIX = "demo."
# Written by the demo generator (app.demo) into a database it filled while it was empty.
# The demo password (too short for any password the program sets) logs in only there.
DEMO_SETTING = "demo.database"
NEEDS_DEPARTMENT = frozenset({"head", "executor"})
USERS_LOCK = "__users__"

_LOGIN = re.compile(r"[\w.@-]+")
_CODE = re.compile(r"[\w-]+")


# --- hashing -----------------------------------------------------------------------------


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def check_password(password_hash: str, password: str) -> bool:
    """True when *password* matches *password_hash*; False for an empty or foreign hash."""
    if not password_hash:
        return False
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_cached: dict[str, tuple[PasswordHasher, str]] = {}


def _hash_once(key: str, password: str) -> str:
    """One hash per process (and per :data:`HASHER`) for a fixed password."""
    hit = _cached.get(key)
    if hit is None or hit[0] is not HASHER:
        hit = (HASHER, hash_password(password))
        _cached[key] = hit
    return hit[1]


def demo_password_hash() -> str:
    """The hash of the demo password, computed once and shared by every demo user."""
    return _hash_once("demo", DEMO_PASSWORD)


def _dummy_check(password: str) -> None:
    """Spend the time of one verification so an unknown login answers as slowly as a
    known one with a wrong password."""
    check_password(_hash_once("dummy", "not the password of anyone"), password)


def check_password_rules(password: str, login: str = "") -> None:
    """At least :data:`PASSWORD_MIN` characters, at most :data:`PASSWORD_MAX`, not the login."""
    if len(password) < PASSWORD_MIN:
        raise ValidationError("password.too_short", field="password", min=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        raise ValidationError("field.too_long", field="password", max=PASSWORD_MAX)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in password):
        raise ValidationError("field.bad_chars", field="password")
    if login and password.strip().casefold() == login.casefold():
        raise ValidationError("password.same_as_login", field="password")


def _login(value: str) -> str:
    text = clean_text(value, "login", max_len=LOGIN_MAX, required=True).lower()
    if not _LOGIN.fullmatch(text):
        raise ValidationError("user.login_invalid", field="login")
    return text


# --- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInput:
    login: str
    full_name: str
    role: str
    department_id: int | None
    email: str = ""
    active: bool = True


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    full_name: str
    role: str
    role_label: str
    department_id: int | None
    department: str  # the department's name, "" when none
    email: str
    active: bool
    has_password: bool


@dataclass(frozen=True)
class UserChoice:
    id: int
    full_name: str
    role: str
    department_id: int | None


@dataclass(frozen=True)
class DepartmentInput:
    code: str
    name: str
    name_en: str = ""
    active: bool = True


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    code: str
    name: str
    name_en: str
    active: bool
    users: int  # active staff of the department


def _user_rows(s: Session, items: Sequence[User]) -> list[UserRow]:
    dept_ids = {u.department_id for u in items if u.department_id is not None}
    names: dict[int, str] = {}
    if dept_ids:
        names = {
            int(i): str(n)
            for i, n in s.execute(
                select(Department.id, Department.name).where(Department.id.in_(dept_ids))
            )
        }
    return [
        UserRow(
            id=u.id,
            login=u.login,
            full_name=u.full_name,
            role=u.role,
            role_label=label(ROLE_NAMES, u.role),
            department_id=u.department_id,
            department=names.get(u.department_id, "") if u.department_id else "",
            email=u.email or "",
            active=bool(u.active),
            has_password=bool(u.password_hash),
        )
        for u in items
    ]


def _lock(s: Session) -> None:
    next_seq(s, USERS_LOCK, 0)  # held until commit


def _usable_admins(s: Session) -> list[int]:
    """Active administrators who can log in (have a password)."""
    return [
        int(i)
        for i in s.scalars(
            select(User.id).where(User.role == "admin", User.active, User.password_hash != "")
        )
    ]


# --- first run and login -----------------------------------------------------------------


def is_demo_database(s: Session) -> bool:
    """True in a database the demo generator filled (:data:`DEMO_SETTING`)."""
    return s.scalar(select(Setting.content).where(Setting.name == DEMO_SETTING)) == "yes"


def needs_first_admin(db: Database) -> bool:
    """True while no active administrator has a password (a new database)."""
    with db.read() as s:
        return not _usable_admins(s)


@unit_of_work
def create_first_admin(
    db: Database, login: str, full_name: str, password: str, clock: Clock | None = None
) -> Actor:
    """The first start: give the seeded ``admin`` a password, or create another administrator."""
    login = _login(login)
    full_name = clean_text(full_name, "full_name", max_len=FULL_NAME_MAX, required=True)
    check_password_rules(password, login)
    if not needs_first_admin(db):
        raise UserError("user.first_admin_exists")
    password_hash = hash_password(password)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _lock(s)
        if _usable_admins(s):  # someone else finished the first run meanwhile
            raise UserError("user.first_admin_exists")
        u = s.scalar(select(User).where(User.login == login))
        if u is None:
            u = User(
                login=login,
                full_name=full_name,
                role="admin",
                department_id=None,
                password_hash=password_hash,
                email="",
                active=True,
                created_at=now,
            )
            s.add(u)
            action = "create"
        elif u.role == "admin":
            u.full_name = full_name
            u.password_hash = password_hash
            u.active = True
            action = "first_admin"
        else:
            raise ValidationError("user.login_taken", field="login", got=login)
        s.flush()
        record(
            s,
            at=now,
            user_id=u.id,
            action=action,
            entity="user",
            entity_id=u.id,
            changes=[
                Change("login", "", u.login),
                Change("full_name", "", u.full_name),
                Change("role", "", "admin"),
                Change("password", "", "set"),
            ],
        )
        return actor_from_user(u)


@unit_of_work
def authenticate(db: Database, login: str, password: str, clock: Clock | None = None) -> Actor:
    """The acting user for *login*/*password*, or UserError("login.failed") — the same for
    an unknown login, a wrong password, a disabled account, and the demo password outside
    a demo database (:func:`is_demo_database`)."""
    typed = (login or "").strip().lower()
    if not typed:
        raise ValidationError("field.required", field="login")
    if not password:
        raise ValidationError("field.required", field="password")
    with db.read() as s:
        u = s.scalar(select(User).where(User.login == typed))
        found = (u.id, u.password_hash, bool(u.active)) if u is not None else None
        demo = is_demo_database(s)
    now = (clock or SystemClock()).now_utc()
    if found is None:
        _dummy_check(password)
        ok = False
    else:
        ok = check_password(found[1], password) and found[2]
        # the demo accounts' known password opens only a demo database
        ok = ok and (demo or password != DEMO_PASSWORD)
    if not ok:
        with db.write() as s:
            record(
                s,
                at=now,
                user_id=None,
                action="login_failed",
                entity="user",
                entity_id=found[0] if found else None,
            )  # an unknown login is not recorded: it may be a password typed in the wrong box
        raise UserError("login.failed")
    assert found is not None
    new_hash = hash_password(password) if HASHER.check_needs_rehash(found[1]) else None
    with db.write() as s:
        u = s.get(User, found[0])
        if u is None or not u.active:  # disabled in the meantime
            raise UserError("login.failed")
        changes = None
        if new_hash is not None and u.password_hash == found[1]:
            u.password_hash = new_hash
            changes = [Change("password", "", "rehashed")]
        s.flush()
        record(
            s, at=now, user_id=u.id, action="login", entity="user", entity_id=u.id, changes=changes
        )
        return actor_from_user(u)


def demo_logins(db: Database) -> list[str]:
    """In a demo database, a few logins whose password is still :data:`DEMO_PASSWORD`
    (the login dialog shows them); [] in a real database."""
    with db.read() as s:
        if not is_demo_database(s):
            return []
        rows = s.execute(
            select(User.login, User.role, User.password_hash)
            .where(User.active, User.password_hash != "")
            .where((User.login.like(DEMO_LOGIN_PREFIX + "%")) | (User.role == "admin"))
            .order_by(User.id)
        ).all()
    demo = [r for r in rows if r.login.startswith(DEMO_LOGIN_PREFIX)]
    if not demo or not check_password(demo[0].password_hash, DEMO_PASSWORD):
        return []
    shared = demo[0].password_hash
    picked: list[str] = []
    seen_roles: set[str] = set()
    for r in rows:
        if r.password_hash == shared and r.role not in seen_roles:
            picked.append(r.login)
            seen_roles.add(r.role)
    return picked


# --- users -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CleanUser:
    login: str
    full_name: str
    role: str
    department_id: int | None
    email: str
    active: bool


def _validate_user(inp: UserInput) -> _CleanUser:
    role = one_of(inp.role, "role", ROLES, "role.unknown")
    if role in NEEDS_DEPARTMENT and inp.department_id is None:
        raise ValidationError(
            "user.department_required", field="department", role=label(ROLE_NAMES, role)
        )
    return _CleanUser(
        login=_login(inp.login),
        full_name=clean_text(inp.full_name, "full_name", max_len=FULL_NAME_MAX, required=True),
        role=role,
        department_id=inp.department_id,
        email=email(inp.email),
        active=bool(inp.active),
    )


def _check_department(s: Session, dept_id: int | None, keep: int | None) -> None:
    """The department exists and is active (an inactive one may stay where it already is)."""
    if dept_id is None:
        return
    d = s.get(Department, dept_id)
    if d is None:
        raise NotFound("department.unknown", field="department", got=f"#{dept_id}")
    if not d.active and dept_id != keep:
        raise ValidationError("department.inactive", field="department", got=d.name)


def _refuse_taken_login(s: Session, login: str, own_id: int | None) -> None:
    stmt = select(User.id).where(User.login == login)
    if own_id is not None:
        stmt = stmt.where(User.id != own_id)
    if s.scalar(stmt.limit(1)) is not None:
        raise ValidationError("user.login_taken", field="login", got=login)


def _load_user(s: Session, user_id: int) -> User:
    u = s.get(User, user_id)
    if u is None:
        raise NotFound("user.unknown", got=user_id)
    return u


_USER_FIELDS = ("login", "full_name", "role", "department_id", "email", "active")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _apply_edit(
    s: Session,
    actor: Actor,
    now: dt.datetime,
    entity: str,
    row: User | Department,
    clean: object,
    fields: tuple[str, ...],
) -> None:
    """Copy *fields* of the checked input onto *row*, with one audit entry of what changed
    (none when nothing did)."""
    changes = [
        Change(f, _text(getattr(row, f)), _text(getattr(clean, f)))
        for f in fields
        if getattr(row, f) != getattr(clean, f)
    ]
    if not changes:
        return
    for f in fields:
        setattr(row, f, getattr(clean, f))
    s.flush()
    record(
        s, at=now, user_id=actor.user_id, action="edit", entity=entity, entity_id=row.id,
        changes=changes,
    )  # fmt: skip


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    require(actor, "manage_users")
    with db.read() as s:
        items = s.scalars(select(User).order_by(User.full_name, User.id)).all()
        return _user_rows(s, items)


def user_by_login(db: Database, actor: Actor, login: str) -> UserRow:
    """One user by login: administrators look up anyone, everyone else only himself."""
    typed = (login or "").strip().lower()
    if typed != actor.login.lower():
        require(actor, "manage_users")
    with db.read() as s:
        u = s.scalar(select(User).where(User.login == typed))
        if u is None:
            raise NotFound("user.unknown_login", field="login", got=typed[:LOGIN_MAX])
        return _user_rows(s, [u])[0]


@unit_of_work
def create_user(
    db: Database, actor: Actor, inp: UserInput, password: str, clock: Clock | None = None
) -> UserRow:
    require(actor, "manage_users")
    c = _validate_user(inp)
    check_password_rules(password, c.login)
    with db.read() as s:  # refuse before spending the time of a hash
        _check_department(s, c.department_id, None)
        _refuse_taken_login(s, c.login, None)
    password_hash = hash_password(password)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _lock(s)
        _check_department(s, c.department_id, None)
        _refuse_taken_login(s, c.login, None)
        u = User(
            login=c.login,
            full_name=c.full_name,
            role=c.role,
            department_id=c.department_id,
            password_hash=password_hash,
            email=c.email,
            active=c.active,
            created_at=now,
        )
        s.add(u)
        s.flush()
        changes = [
            Change(f, "", _text(getattr(c, f)))
            for f in _USER_FIELDS
            if getattr(c, f) not in ("", None)
        ]
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="create",
            entity="user",
            entity_id=u.id,
            changes=[*changes, Change("password", "", "set")],
        )
        return _user_rows(s, [u])[0]


@unit_of_work
def update_user(
    db: Database, actor: Actor, user_id: int, inp: UserInput, clock: Clock | None = None
) -> UserRow:
    """Save the administrator's form. The last administrator who can log in is never
    disabled or given another role."""
    require(actor, "manage_users")
    c = _validate_user(inp)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _lock(s)
        u = _load_user(s, user_id)
        _check_department(s, c.department_id, u.department_id)
        _refuse_taken_login(s, c.login, u.id)
        loses_admin = u.role == "admin" and (c.role != "admin" or not c.active)
        if loses_admin and u.active and _usable_admins(s) in ([], [u.id]):
            raise ValidationError(
                "user.last_admin", field="role" if c.role != "admin" else "active"
            )
        _apply_edit(s, actor, now, "user", u, c, _USER_FIELDS)
        return _user_rows(s, [u])[0]


@unit_of_work
def set_password(
    db: Database, actor: Actor, user_id: int, password: str, clock: Clock | None = None
) -> None:
    """A new password: administrators for anyone, everyone for himself."""
    if user_id != actor.user_id:
        require(actor, "manage_users")
    with db.read() as s:
        login = _load_user(s, user_id).login
    check_password_rules(password, login)
    password_hash = hash_password(password)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        u = _load_user(s, user_id)
        had = bool(u.password_hash)
        u.password_hash = password_hash
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="set_password",
            entity="user",
            entity_id=u.id,
            changes=[Change("password", "set" if had else "", "changed" if had else "set")],
        )


def executors(db: Database, actor: Actor, department_id: int | None = None) -> list[UserChoice]:
    """Active heads and executors (of *department_id*, or all) for the assignment pickers."""
    require(actor, "view_registry")
    stmt = select(User.id, User.full_name, User.role, User.department_id).where(
        User.active, User.role.in_(("head", "executor"))
    )
    if department_id is not None:
        stmt = stmt.where(User.department_id == department_id)
    with db.read() as s:
        rows = s.execute(stmt.order_by(User.full_name, User.id)).all()
    return [UserChoice(int(i), str(n), str(r), d) for i, n, r, d in rows]


# --- departments -------------------------------------------------------------------------


def _department_rows(s: Session, items: Sequence[Department]) -> list[DepartmentRow]:
    ids = [d.id for d in items]
    counts: dict[int, int] = {}
    if ids:
        for dept, n in s.execute(
            select(User.department_id, func.count(User.id))
            .where(User.department_id.in_(ids), User.active)
            .group_by(User.department_id)
        ):
            if dept is not None:
                counts[int(dept)] = int(n)
    return [
        DepartmentRow(d.id, d.code, d.name, d.name_en or "", bool(d.active), counts.get(d.id, 0))
        for d in items
    ]


def list_departments(db: Database, actor: Actor) -> list[DepartmentRow]:
    """Every department, active or not (pickers show the active ones)."""
    require(actor, "view_registry")
    with db.read() as s:
        items = s.scalars(select(Department).order_by(Department.code)).all()
        return _department_rows(s, items)


@dataclass(frozen=True)
class _CleanDepartment:
    code: str
    name: str
    name_en: str
    active: bool


def _validate_department(inp: DepartmentInput) -> _CleanDepartment:
    code = clean_text(inp.code, "code", max_len=DEPARTMENT_CODE_MAX, required=True)
    if not _CODE.fullmatch(code):
        raise ValidationError("department.code_invalid", field="code")
    return _CleanDepartment(
        code="".join(ch.upper() if ch.isascii() else ch for ch in code),
        name=clean_text(inp.name, "name", max_len=DEPARTMENT_NAME_MAX, required=True),
        name_en=clean_text(inp.name_en, "name_en", max_len=DEPARTMENT_NAME_MAX),
        active=bool(inp.active),
    )


def _refuse_taken_code(s: Session, code: str, own_id: int | None) -> None:
    stmt = select(Department.id).where(Department.code == code)
    if own_id is not None:
        stmt = stmt.where(Department.id != own_id)
    if s.scalar(stmt.limit(1)) is not None:
        raise ValidationError("department.code_taken", field="code", got=code)


_DEPARTMENT_FIELDS = ("code", "name", "name_en", "active")


@unit_of_work
def create_department(
    db: Database, actor: Actor, inp: DepartmentInput, clock: Clock | None = None
) -> DepartmentRow:
    require(actor, "manage_users")
    c = _validate_department(inp)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _lock(s)
        _refuse_taken_code(s, c.code, None)
        d = Department(code=c.code, name=c.name, name_en=c.name_en, active=c.active)
        s.add(d)
        s.flush()
        record(
            s,
            at=now,
            user_id=actor.user_id,
            action="create",
            entity="department",
            entity_id=d.id,
            changes=[
                Change(f, "", _text(getattr(c, f)))
                for f in _DEPARTMENT_FIELDS
                if getattr(c, f) != ""
            ],
        )
        return _department_rows(s, [d])[0]


@unit_of_work
def update_department(
    db: Database, actor: Actor, department_id: int, inp: DepartmentInput, clock: Clock | None = None
) -> DepartmentRow:
    """Rename or (de)activate; a department is deactivated only once nobody active works in it."""
    require(actor, "manage_users")
    c = _validate_department(inp)
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        _lock(s)
        d = s.get(Department, department_id)
        if d is None:
            raise NotFound("department.unknown", field="department", got=f"#{department_id}")
        _refuse_taken_code(s, c.code, d.id)
        if d.active and not c.active:
            staff = _department_rows(s, [d])[0].users
            if staff:
                raise ValidationError("department.has_users", field="active", count=staff)
        _apply_edit(s, actor, now, "department", d, c, _DEPARTMENT_FIELDS)
        return _department_rows(s, [d])[0]
