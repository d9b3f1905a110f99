"""Users, passwords and departments (app.users): every rule, every role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Row, func, select

from app import users
from app.auth import PERMISSIONS, Actor, actor_from_user
from app.clock import FixedClock
from app.demo import generate
from app.errors import NotFound, PermissionDenied, UserError, ValidationError
from app.users import (
    DepartmentInput,
    UserInput,
    authenticate,
    check_password,
    create_department,
    create_first_admin,
    create_user,
    demo_logins,
    executors,
    hash_password,
    list_departments,
    list_users,
    needs_first_admin,
    set_password,
    update_department,
    update_user,
    user_by_login,
)
from models.db import Database
from models.tables import ROLES, AuditEntry, Department, User

ADMIN_PW = "ადმინის-პაროლი-1"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """Argon2 is slow by design; the tests use the cheapest parameters."""
    monkeypatch.setattr(users, "HASHER", FAST)
    return FAST


@pytest.fixture
def admin(sqlite_db: Database, clock: FixedClock) -> Actor:
    return create_first_admin(sqlite_db, "admin", "ნინო ბერიძე", ADMIN_PW, clock)


def _dept(db: Database, code: str = "ADM") -> int:
    with db.read() as s:
        found = s.scalar(select(Department.id).where(Department.code == code))
    assert found is not None
    return int(found)


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def _audit(db: Database, entity: str, entity_id: int | None) -> list[Row[Any]]:
    a = AuditEntry
    with db.read() as s:
        return list(
            s.execute(
                select(a.action, a.user_id, a.at, a.field, a.old_value, a.new_value)
                .where(a.entity == entity, a.entity_id == entity_id)
                .order_by(a.id)
            ).all()
        )


def _user_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(User.id))) or 0)


def _new(
    db: Database,
    admin: Actor,
    login: str,
    role: str = "executor",
    dept: str | None = "ADM",
    password: str = "პაროლი-12345",
    clock: FixedClock | None = None,
) -> Actor:
    row = create_user(
        db,
        admin,
        UserInput(login, f"{login} გვარიშვილი", role, _dept(db, dept) if dept else None),
        password,
        clock,
    )
    return Actor(row.id, row.login, row.full_name, row.role, row.department_id)


# --- hashing -----------------------------------------------------------------------------


def test_hash_is_argon2_and_checks_only_the_right_password() -> None:
    h = hash_password("სწორი-პაროლი")
    assert h.startswith("$argon2id$") and "სწორი" not in h
    assert check_password(h, "სწორი-პაროლი")
    assert not check_password(h, "სწორი-პაროლი ")
    assert not check_password("", "")
    assert not check_password("not a hash", "სწორი-პაროლი")
    assert hash_password("სწორი-პაროლი") != h  # salted


# --- first run ---------------------------------------------------------------------------


def test_first_admin_gives_the_seeded_admin_a_password_once(
    sqlite_db: Database, clock: FixedClock
) -> None:
    assert needs_first_admin(sqlite_db)
    with sqlite_db.read() as s:
        seeded = s.scalar(select(User.id).where(User.login == "admin"))
    actor = create_first_admin(sqlite_db, " Admin ", "ნინო ბერიძე", ADMIN_PW, clock)
    assert (actor.user_id, actor.login, actor.role, actor.full_name) == (
        seeded,
        "admin",
        "admin",
        "ნინო ბერიძე",
    )
    assert not needs_first_admin(sqlite_db)
    assert authenticate(sqlite_db, "admin", ADMIN_PW, clock) == actor
    with pytest.raises(UserError) as info:
        create_first_admin(sqlite_db, "other", "სხვა", "სხვა-პაროლი-1", clock)
    assert info.value.key == "user.first_admin_exists"
    assert _user_count(sqlite_db) == 1
    assert [e.action for e in _audit(sqlite_db, "user", actor.user_id)][:1] == ["first_admin"]


def test_first_admin_with_another_login_is_a_new_administrator(
    sqlite_db: Database, clock: FixedClock
) -> None:
    actor = create_first_admin(sqlite_db, "n.beridze", "ნინო ბერიძე", ADMIN_PW, clock)
    assert actor.role == "admin" and actor.login == "n.beridze"
    assert _user_count(sqlite_db) == 2
    assert not needs_first_admin(sqlite_db)
    with pytest.raises(UserError) as info:
        authenticate(sqlite_db, "admin", ADMIN_PW, clock)  # the seeded one has no password
    assert info.value.key == "login.failed"


@pytest.mark.parametrize(
    ("login", "name", "password", "key"),
    [
        ("admin", "ნინო", "short", "password.too_short"),
        ("admin", "ნინო", "Admin", "password.too_short"),
        ("administrator", "ნინო", "Administrator", "password.same_as_login"),
        ("", "ნინო", ADMIN_PW, "field.required"),
        ("ნინო ბერიძე", "ნინო", ADMIN_PW, "user.login_invalid"),
        ("admin", "  ", ADMIN_PW, "field.required"),
    ],
)
def test_first_admin_refuses_bad_input_and_writes_nothing(
    sqlite_db: Database, clock: FixedClock, login: str, name: str, password: str, key: str
) -> None:
    before = _audit_count(sqlite_db)
    with pytest.raises(ValidationError) as info:
        create_first_admin(sqlite_db, login, name, password, clock)
    assert info.value.key == key
    assert needs_first_admin(sqlite_db)
    assert _audit_count(sqlite_db) == before


# --- login -------------------------------------------------------------------------------


def test_wrong_password_unknown_login_and_disabled_account_read_the_same(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    gone = _new(sqlite_db, admin, "gone", password="gone-password-1")
    update_user(
        sqlite_db, admin, gone.user_id, UserInput("gone", gone.full_name, "executor",
                                                  _dept(sqlite_db), active=False), clock
    )  # fmt: skip
    said: list[tuple[str, str, str | None]] = []
    for login, password in (
        ("admin", "wrong-password"),
        ("nobody-here", ADMIN_PW),
        ("gone", "gone-password-1"),  # the right password of a disabled account
    ):
        with pytest.raises(UserError) as info:
            authenticate(sqlite_db, login, password, clock)
        said.append((info.value.key, info.value.message(), info.value.field))
    assert len(set(said)) == 1
    assert said[0][0] == "login.failed" and said[0][2] is None
    assert "არასწორია" in said[0][1]
    # Failures are audited against the account, never with the text typed for a stranger.
    assert [e.action for e in _audit(sqlite_db, "user", admin.user_id)][-1] == "login_failed"
    assert [e.action for e in _audit(sqlite_db, "user", gone.user_id)][-1] == "login_failed"
    with sqlite_db.read() as s:
        typed = s.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.new_value.contains("nobody"))
        )
    assert typed == 0


def test_login_ignores_case_and_spaces_around_it_and_is_audited(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    assert authenticate(sqlite_db, "  ADMIN ", ADMIN_PW, clock) == admin
    last = _audit(sqlite_db, "user", admin.user_id)[-1]
    assert (last.action, last.user_id, last.at) == ("login", admin.user_id, clock.now_utc())


@pytest.mark.parametrize(("login", "password"), [("", "x"), ("admin", "")])
def test_empty_login_or_password_names_the_field(
    sqlite_db: Database, admin: Actor, login: str, password: str
) -> None:
    with pytest.raises(ValidationError) as info:
        authenticate(sqlite_db, login, password)
    assert info.value.key == "field.required"
    assert info.value.field == ("login" if not login else "password")


def test_an_old_hash_is_upgraded_at_login(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    old = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1).hash(ADMIN_PW)
    with sqlite_db.write() as s:
        u = s.get(User, admin.user_id)
        assert u is not None
        u.password_hash = old
    assert users.HASHER.check_needs_rehash(old)
    authenticate(sqlite_db, "admin", ADMIN_PW, clock)
    with sqlite_db.read() as s:
        new = s.scalar(select(User.password_hash).where(User.id == admin.user_id))
    assert new is not None and new != old and not users.HASHER.check_needs_rehash(new)
    assert authenticate(sqlite_db, "admin", ADMIN_PW, clock) == admin


# --- password rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "key"),
    [
        ("1234567", "password.too_short"),
        ("ა" * 7, "password.too_short"),
        ("x" * 129, "field.too_long"),
        ("password\x00nul", "field.bad_chars"),
        ("Ia.Kapanadze", "password.same_as_login"),
    ],
)
def test_password_rules_on_create_and_on_change(
    sqlite_db: Database, admin: Actor, clock: FixedClock, password: str, key: str
) -> None:
    before = (_user_count(sqlite_db), _audit_count(sqlite_db))
    with pytest.raises(ValidationError) as info:
        _new(sqlite_db, admin, "ia.kapanadze", password=password)
    assert (info.value.key, info.value.field) == (key, "password")
    assert (_user_count(sqlite_db), _audit_count(sqlite_db)) == before
    ia = _new(sqlite_db, admin, "ia.kapanadze")
    before = (_user_count(sqlite_db), _audit_count(sqlite_db))
    with pytest.raises(ValidationError) as info:
        set_password(sqlite_db, ia, ia.user_id, password, clock)
    assert info.value.key == key
    assert (_user_count(sqlite_db), _audit_count(sqlite_db)) == before


def test_eight_characters_of_any_script_are_enough(sqlite_db: Database, admin: Actor) -> None:
    ia = _new(sqlite_db, admin, "ia", password="ათი-ლარი")
    assert authenticate(sqlite_db, "ia", "ათი-ლარი").user_id == ia.user_id


def test_everyone_changes_his_own_password_only_admins_others(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    ia = _new(sqlite_db, admin, "ia")
    gio = _new(sqlite_db, admin, "gio")
    set_password(sqlite_db, ia, ia.user_id, "ახალი-პაროლი", clock)
    assert authenticate(sqlite_db, "ia", "ახალი-პაროლი", clock).user_id == ia.user_id
    with pytest.raises(PermissionDenied):
        set_password(sqlite_db, ia, gio.user_id, "ახალი-პაროლი", clock)
    set_password(sqlite_db, admin, gio.user_id, "გიოს-პაროლი", clock)
    assert authenticate(sqlite_db, "gio", "გიოს-პაროლი", clock).user_id == gio.user_id
    entry = _audit(sqlite_db, "user", gio.user_id)[-2]  # before gio's login
    assert (entry.action, entry.user_id, entry.field) == ("set_password", admin.user_id, "password")
    with sqlite_db.read() as s:
        texts = [e.old_value + e.new_value for e in s.scalars(select(AuditEntry))]
    assert not any("$argon2" in t or "ახალი-პაროლი" in t or "გიოს-პაროლი" in t for t in texts)


# --- user administration -----------------------------------------------------------------


def test_create_list_and_update_a_user_with_audit(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    adm, fin = _dept(sqlite_db, "ADM"), _dept(sqlite_db, "FIN")
    row = create_user(
        sqlite_db,
        admin,
        UserInput("Ia.K", "ია კაპანაძე", "executor", adm, email="ia@example.ge"),
        "პაროლი-12345",
        clock,
    )
    assert (row.login, row.role_label, row.department, row.has_password, row.active) == (
        "ia.k",
        "შემსრულებელი",
        "ადმინისტრაციული სამსახური",
        True,
        True,
    )
    assert row in list_users(sqlite_db, admin)
    changed = update_user(
        sqlite_db, admin, row.id, UserInput("ia.k", "ია კაპანაძე", "head", fin), clock
    )
    assert (changed.role, changed.department_id, changed.email) == ("head", fin, "")
    entries = _audit(sqlite_db, "user", row.id)
    assert entries[0].action == "create"
    edits = {(e.field, e.old_value, e.new_value) for e in entries if e.action == "edit"}
    assert edits == {
        ("role", "executor", "head"),
        ("department_id", str(adm), str(fin)),
        ("email", "ia@example.ge", ""),
    }
    before = _audit_count(sqlite_db)
    assert update_user(sqlite_db, admin, row.id, UserInput("ia.k", "ია კაპანაძე", "head", fin))
    assert _audit_count(sqlite_db) == before  # nothing changed, nothing recorded


@pytest.mark.parametrize(
    ("inp", "key", "field"),
    [
        (UserInput("x.y", "X", "boss", None), "role.unknown", "role"),
        (UserInput("x.y", "X", "executor", None), "user.department_required", "department"),
        (UserInput("x.y", "X", "head", None), "user.department_required", "department"),
        (UserInput("x y", "X", "viewer", None), "user.login_invalid", "login"),
        (UserInput("x/y", "X", "viewer", None), "user.login_invalid", "login"),
        (UserInput("x" * 61, "X", "viewer", None), "field.too_long", "login"),
        (UserInput("x.y", "", "viewer", None), "field.required", "full_name"),
        (UserInput("x.y", "X", "viewer", None, email="x@"), "email.invalid", "email"),
        (UserInput("ADMIN", "X", "viewer", None), "user.login_taken", "login"),
        (UserInput("x.y", "X", "viewer", 99_999), "department.unknown", "department"),
    ],
)
def test_bad_user_input_is_refused_naming_the_field(
    sqlite_db: Database, admin: Actor, inp: UserInput, key: str, field: str
) -> None:
    before = (_user_count(sqlite_db), _audit_count(sqlite_db))
    with pytest.raises(UserError) as info:
        create_user(sqlite_db, admin, inp, "პაროლი-12345")
    assert (info.value.key, info.value.field) == (key, field)
    assert (_user_count(sqlite_db), _audit_count(sqlite_db)) == before


def test_registrars_and_viewers_may_have_no_department(sqlite_db: Database, admin: Actor) -> None:
    for role in ("registrar", "viewer", "admin"):
        assert _new(sqlite_db, admin, f"u.{role}", role, dept=None).department_id is None


def test_login_renamed_onto_another_is_refused(sqlite_db: Database, admin: Actor) -> None:
    ia = _new(sqlite_db, admin, "ia")
    with pytest.raises(ValidationError) as info:
        update_user(sqlite_db, admin, ia.user_id, UserInput("Admin", "ია", "executor",
                                                            _dept(sqlite_db)))  # fmt: skip
    assert info.value.key == "user.login_taken"
    with pytest.raises(NotFound):
        update_user(sqlite_db, admin, 99_999, UserInput("zz", "ზ", "viewer", None))


def test_the_last_administrator_is_never_disabled_or_demoted(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    me = UserInput("admin", admin.full_name, "admin", None)
    for inp, field in (
        (UserInput("admin", admin.full_name, "registrar", None), "role"),
        (UserInput("admin", admin.full_name, "admin", None, active=False), "active"),
    ):
        with pytest.raises(ValidationError) as info:
            update_user(sqlite_db, admin, admin.user_id, inp, clock)
        assert (info.value.key, info.value.field) == ("user.last_admin", field)
    assert authenticate(sqlite_db, "admin", ADMIN_PW, clock) == admin
    # An administrator without a password cannot log in, so he does not count.
    with sqlite_db.write() as s:
        s.add(User(login="nopw", full_name="უპაროლო", role="admin", password_hash="",
                   active=True, created_at=clock.now_utc()))  # fmt: skip
    with pytest.raises(ValidationError):
        update_user(sqlite_db, admin, admin.user_id, replace_role(me, "viewer"), clock)
    # With a second administrator who can log in, the first may step down.
    second = _new(sqlite_db, admin, "second", "admin", dept=None)
    assert update_user(sqlite_db, admin, admin.user_id, replace_role(me, "viewer"), clock)
    with pytest.raises(ValidationError) as info:
        update_user(sqlite_db, second, second.user_id, UserInput("second", "მეორე", "admin",
                                                                  None, active=False), clock)  # fmt: skip
    assert info.value.key == "user.last_admin"
    assert not needs_first_admin(sqlite_db)


def replace_role(inp: UserInput, role: str) -> UserInput:
    return UserInput(inp.login, inp.full_name, role, inp.department_id, inp.email, inp.active)


def test_a_demoted_administrator_cannot_demote_the_last_one(
    db: Database, clock: FixedClock
) -> None:
    """The rule is checked against the database, not against the acting user's old role."""
    first = create_first_admin(db, "admin", "პირველი", ADMIN_PW, clock)
    second = _new(db, first, "second", "admin", dept=None)
    update_user(db, first, second.user_id, UserInput("second", "მეორე", "viewer", None), clock)
    with pytest.raises(ValidationError):
        update_user(db, second, first.user_id, UserInput("admin", "პირველი", "viewer", None))
    assert not needs_first_admin(db)


# --- departments -------------------------------------------------------------------------


def test_departments_are_created_renamed_and_deactivated_when_empty(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    made = create_department(
        sqlite_db, admin, DepartmentInput("hr-2", "ადამიანური რესურსები", "HR"), clock
    )
    assert (made.code, made.users, made.active) == ("HR-2", 0, True)
    with pytest.raises(ValidationError) as info:
        create_department(sqlite_db, admin, DepartmentInput("Hr-2", "სხვა"), clock)
    assert (info.value.key, info.value.field) == ("department.code_taken", "code")
    with pytest.raises(ValidationError) as info:
        create_department(sqlite_db, admin, DepartmentInput("H R", "სხვა"), clock)
    assert info.value.key == "department.code_invalid"
    ia = _new(sqlite_db, admin, "ia", dept="HR-2")
    rows = {d.code: d for d in list_departments(sqlite_db, admin)}
    assert rows["HR-2"].users == 1 and len(rows) == 8
    renamed = update_department(
        sqlite_db, admin, made.id, DepartmentInput("HR-2", "კადრები", "HR"), clock
    )
    assert renamed.name == "კადრები"
    with pytest.raises(ValidationError) as info:
        update_department(sqlite_db, admin, made.id, DepartmentInput("HR-2", "კადრები",
                                                                     active=False), clock)  # fmt: skip
    assert (info.value.key, info.value.params["count"]) == ("department.has_users", 1)
    update_user(sqlite_db, admin, ia.user_id,
                UserInput("ia", ia.full_name, "executor", _dept(sqlite_db)), clock)  # fmt: skip
    closed = update_department(
        sqlite_db, admin, made.id, DepartmentInput("HR-2", "კადრები", active=False), clock
    )
    assert not closed.active
    with pytest.raises(ValidationError) as info:
        _new(sqlite_db, admin, "new.hr", dept="HR-2")
    assert info.value.key == "department.inactive"
    with pytest.raises(ValidationError) as info:
        update_department(sqlite_db, admin, made.id, DepartmentInput("ADM", "კადრები"), clock)
    assert info.value.key == "department.code_taken"
    fields = [(e.action, e.field) for e in _audit(sqlite_db, "department", made.id)]
    assert ("create", "code") in fields and ("edit", "name") in fields
    assert ("edit", "active") in fields


def test_executors_picker_lists_active_heads_and_executors(
    sqlite_db: Database, admin: Actor, clock: FixedClock
) -> None:
    head = _new(sqlite_db, admin, "fin.head", "head", dept="FIN")
    ex = _new(sqlite_db, admin, "fin.ex", "executor", dept="FIN")
    _new(sqlite_db, admin, "adm.ex", "executor", dept="ADM")
    _new(sqlite_db, admin, "reg", "registrar", dept="FIN")
    off = _new(sqlite_db, admin, "fin.off", "executor", dept="FIN")
    update_user(sqlite_db, admin, off.user_id,
                UserInput("fin.off", off.full_name, "executor", _dept(sqlite_db, "FIN"),
                          active=False), clock)  # fmt: skip
    fin = executors(sqlite_db, ex, _dept(sqlite_db, "FIN"))
    assert {(c.id, c.role) for c in fin} == {(head.user_id, "head"), (ex.user_id, "executor")}
    assert [c.full_name for c in fin] == sorted(c.full_name for c in fin)
    assert {c.full_name for c in executors(sqlite_db, admin, None)} == {
        "fin.head გვარიშვილი",
        "fin.ex გვარიშვილი",
        "adm.ex გვარიშვილი",
    }


def test_user_by_login_for_oneself_or_for_administrators(sqlite_db: Database, admin: Actor) -> None:
    ia = _new(sqlite_db, admin, "ia")
    assert user_by_login(sqlite_db, ia, "IA").id == ia.user_id
    assert user_by_login(sqlite_db, admin, "ia").id == ia.user_id
    with pytest.raises(PermissionDenied):
        user_by_login(sqlite_db, ia, "admin")
    with pytest.raises(NotFound):
        user_by_login(sqlite_db, admin, "nobody")


# --- the demo database -------------------------------------------------------------------


def test_demo_logins_only_in_a_demo_database(sqlite_db: Database, clock: FixedClock) -> None:
    assert demo_logins(sqlite_db) == []
    generate(sqlite_db, 5, seed=1, clock=clock)
    logins = demo_logins(sqlite_db)
    assert len(logins) == 3  # one per role: registrar, head, executor
    roles = {authenticate(sqlite_db, login, "demo", clock).role for login in logins}
    assert roles == {"registrar", "head", "executor"}
    assert needs_first_admin(sqlite_db)  # the administrator is never given the demo password


# --- permissions -------------------------------------------------------------------------

USE_CASES: dict[str, str | None] = {
    # use case -> the permission it needs (None: everyone)
    "list_users": "manage_users",
    "create_user": "manage_users",
    "update_user": "manage_users",
    "set_password_other": "manage_users",
    "set_password_own": None,
    "user_by_login_other": "manage_users",
    "list_departments": "view_registry",
    "create_department": "manage_users",
    "update_department": "manage_users",
    "executors": "view_registry",
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(sqlite_db: Database, admin: Actor, clock: FixedClock, role: str) -> None:
    """Every role calls every use case; only the allowed ones pass, the rest write nothing."""
    adm = _dept(sqlite_db)
    me = _new(sqlite_db, admin, f"me.{role}", role, dept="ADM")
    other = _new(sqlite_db, admin, "other", "executor")
    dept = create_department(sqlite_db, admin, DepartmentInput("TMP", "დროებითი"), clock)
    calls: dict[str, Callable[[], Any]] = {
        "list_users": lambda: list_users(sqlite_db, me),
        "create_user": lambda: create_user(
            sqlite_db, me, UserInput("made", "შექმნილი", "viewer", None), "პაროლი-12345", clock
        ),
        "update_user": lambda: update_user(
            sqlite_db, me, other.user_id, UserInput("other", "სხვა სახელი", "executor", adm), clock
        ),
        "set_password_other": lambda: set_password(
            sqlite_db, me, other.user_id, "სხვისი-პაროლი", clock
        ),
        "set_password_own": lambda: set_password(sqlite_db, me, me.user_id, "ჩემი-პაროლი", clock),
        "user_by_login_other": lambda: user_by_login(sqlite_db, me, "other"),
        "list_departments": lambda: list_departments(sqlite_db, me),
        "create_department": lambda: create_department(
            sqlite_db, me, DepartmentInput("NEW", "ახალი"), clock
        ),
        "update_department": lambda: update_department(
            sqlite_db, me, dept.id, DepartmentInput("TMP", "სახელი შეიცვალა"), clock
        ),
        "executors": lambda: executors(sqlite_db, me, adm),
    }
    assert calls.keys() == USE_CASES.keys()
    for name, permission in USE_CASES.items():
        allowed = permission is None or role in PERMISSIONS[permission]
        before = _audit_count(sqlite_db)
        if allowed:
            calls[name]()
        else:
            with pytest.raises(PermissionDenied) as info:
                calls[name]()
            assert info.value.key == "permission.denied"
            assert _audit_count(sqlite_db) == before, name
    expected_admin_only = role == "admin"
    with sqlite_db.read() as s:
        made = s.scalar(select(User.id).where(User.login == "made"))
        renamed = s.scalar(select(User.full_name).where(User.id == other.user_id))
    assert (made is not None) == expected_admin_only
    assert (renamed == "სხვა სახელი") == expected_admin_only
    assert authenticate(sqlite_db, me.login, "ჩემი-პაროლი", clock).user_id == me.user_id
    assert check_password_of(sqlite_db, other.user_id, "სხვისი-პაროლი") == expected_admin_only


def check_password_of(db: Database, user_id: int, password: str) -> bool:
    with db.read() as s:
        h = s.scalar(select(User.password_hash).where(User.id == user_id))
    return check_password(h or "", password)


def test_actor_from_a_row_matches_what_authenticate_returns(
    sqlite_db: Database, admin: Actor
) -> None:
    with sqlite_db.read() as s:
        u = s.get(User, admin.user_id)
        assert u is not None
        assert actor_from_user(u) == authenticate(sqlite_db, "admin", ADMIN_PW)


def test_audit_times_use_the_clock(sqlite_db: Database, admin: Actor) -> None:
    later = FixedClock(dt.datetime(2026, 12, 1, 8, 0))
    ia = _new(sqlite_db, admin, "ia", clock=later)
    assert {e.at for e in _audit(sqlite_db, "user", ia.user_id)} == {later.now_utc()}
