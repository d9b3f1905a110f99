"""The demo generator: realistic data that obeys the real numbering and deadline rules."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.dialects import mssql
from sqlalchemy.orm import Session

from app import demo
from app.auth import default_actor
from app.cli import EXIT_OK, run
from app.clock import FixedClock, SystemClock
from app.deadlines import DeadlineRule, add_months, compute_due
from app.demo import counter_advance, generate
from app.numbering import NumberParts, render
from app.registration import RegistrationInput, register
from app.registry import OPEN_STATUSES
from app.text import skeleton
from app.users import authenticate, check_password
from app.workdays import load_calendar
from models.db import Database, open_database
from models.tables import (
    AuditEntry,
    Correspondent,
    Department,
    Document,
    DocumentType,
    NumberCounter,
    NumberTemplate,
    User,
)
from tests.app._cli_login import login, with_admin
from tests.conftest import new_sqlite_db

DONE = ("answered", "forwarded", "closed")


def _docs(db: Database) -> list[Any]:
    with db.read() as s:
        return list(
            s.execute(
                select(
                    Document.id,
                    Document.kind,
                    Document.reg_number,
                    Document.seq,
                    Document.seq_year,
                    Document.counter_scope,
                    Document.reg_date,
                    Document.created_at,
                    Document.due_date,
                    Document.statutory_due_date,
                    Document.closed_date,
                    Document.status,
                    Document.doc_type_id,
                    Document.department_id,
                    Document.correspondent_id,
                    Document.executor_id,
                    Document.under_control,
                    Document.confidential,
                    Document.subject,
                    Document.summary,
                ).order_by(Document.id)
            )
        )


def _counters(db: Database) -> dict[tuple[str, int], int]:
    with db.read() as s:
        return {
            (scope, year): last
            for scope, year, last in s.execute(
                select(NumberCounter.scope, NumberCounter.year, NumberCounter.last_value)
            )
            if not scope.startswith("__")
        }


def _assert_numbering_is_gap_free(db: Database) -> dict[tuple[str, int], list[int]]:
    docs = _docs(db)
    assert len({d.reg_number for d in docs}) == len(docs)
    seqs: dict[tuple[str, int], list[int]] = defaultdict(list)
    for d in docs:
        seqs[(d.counter_scope, d.seq_year)].append(d.seq)
        assert d.seq_year == d.reg_date.year
    for key, got in seqs.items():
        assert sorted(got) == list(range(1, len(got) + 1)), key
    assert _counters(db) == {key: len(got) for key, got in seqs.items()}
    return seqs


def test_numbers_are_the_templates_gap_free_sequences_in_registration_order(
    db: Database, clock: FixedClock
) -> None:
    assert generate(db, 900, seed=3, clock=clock) == 900
    docs = _docs(db)
    assert len(docs) == 900
    seqs = _assert_numbering_is_gap_free(db)
    assert {scope for scope, _year in seqs} == {"incoming", "outgoing", "internal"}
    assert len({year for _scope, year in seqs}) >= 3  # three years back from today
    with db.read() as s:
        patterns = {
            kind: pattern
            for kind, pattern in s.execute(
                select(NumberTemplate.kind, NumberTemplate.pattern).where(
                    NumberTemplate.department_id.is_(None)
                )
            )
        }
    by_scope: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for d in docs:
        parts = NumberParts(seq=d.seq, year=d.seq_year, dept="", kind=d.kind)
        assert d.reg_number == render(patterns[d.kind], parts)
        by_scope[(d.counter_scope, d.seq_year)].append(d)
    for rows in by_scope.values():  # a later number never has an earlier registration
        ordered = sorted(rows, key=lambda d: d.seq)
        assert [(d.reg_date, d.created_at) for d in ordered] == sorted(
            (d.reg_date, d.created_at) for d in ordered
        )


def test_registration_continues_after_the_demo_numbers(db: Database, clock: FixedClock) -> None:
    generate(db, 400, seed=5, clock=clock)
    today = clock.today()
    before = _counters(db)[("incoming", today.year)]
    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    doc = register(
        db,
        admin,
        RegistrationInput(
            kind="incoming",
            doc_type="application",
            subject="სოციალური დახმარების გაცემის თხოვნა",
            from_name="ნინო ჩხაიძე",
            reg_date=today,
        ),
        clock,
    )
    assert doc.number == f"შ-{before + 1}/{today.year}"
    assert _counters(db)[("incoming", today.year)] == before + 1


def test_due_dates_follow_the_types_rules_and_the_calendar(db: Database, clock: FixedClock) -> None:
    generate(db, 700, seed=7, clock=clock)
    with db.read() as s:
        cal = load_calendar(s)
        rules = {
            t.id: DeadlineRule(t.deadline_count, t.deadline_unit, t.nonworking_shift, t.legal_ref)
            for t in s.scalars(select(DocumentType))
        }
    shifted = 0
    for d in _docs(db):
        rule = rules[d.doc_type_id]
        assert d.due_date == compute_due(d.reg_date, rule, cal).due
        assert d.statutory_due_date == d.due_date
        if rule.shift == "next" and d.due_date is not None:
            assert cal.is_working(d.due_date), (d.reg_number, d.due_date)
            shifted += 1
    assert shifted > 300


def test_statuses_and_dates_are_consistent_with_today(db: Database, clock: FixedClock) -> None:
    assert generate(db, 2000, seed=11, clock=clock) == 2000
    docs = _docs(db)
    today = clock.today()
    first_day = add_months(today, -36)
    for d in docs:
        assert first_day < d.reg_date <= today
        assert d.created_at <= clock.now_utc()
        if d.status in DONE:
            assert d.closed_date is not None and d.reg_date <= d.closed_date <= today
        else:
            assert d.closed_date is None
        if d.kind == "internal":
            assert d.correspondent_id is None and d.due_date is None
        else:
            assert d.correspondent_id is not None
    kinds = Counter(d.kind for d in docs)
    assert kinds["incoming"] > kinds["outgoing"] > kinds["internal"] > 0
    old = [d for d in docs if (today - d.reg_date).days > 180]
    assert sum(d.status in DONE for d in old) > 0.9 * len(old)
    recent_open = [d for d in docs if (today - d.reg_date).days <= 14 and d.status in OPEN_STATUSES]
    assert recent_open
    overdue = [d for d in docs if d.status in OPEN_STATUSES and d.due_date and d.due_date < today]
    assert 0.005 * len(docs) < len(overdue) < 0.08 * len(docs)
    assert 0 < sum(d.under_control for d in docs) < 0.15 * len(docs)
    assert 0 < sum(d.confidential for d in docs) < 0.08 * len(docs)
    assert sum(d.executor_id is not None for d in docs) > 0.5 * len(docs)
    assert any(d.status == "cancelled" for d in docs)


def test_correspondents_are_reused_and_searchable_by_skeleton(
    db: Database, clock: FixedClock
) -> None:
    generate(db, 1200, seed=13, clock=clock)
    with db.read() as s:
        corrs = list(
            s.execute(
                select(
                    Correspondent.id,
                    Correspondent.kind,
                    Correspondent.name,
                    Correspondent.name_skeleton,
                    Correspondent.personal_id,
                    Correspondent.org_code,
                )
            )
        )
    for c in corrs:
        assert c.name_skeleton == skeleton(c.name)[:300]
        if c.personal_id is not None:
            assert c.kind == "person" and len(c.personal_id) == 11 and c.personal_id.isdigit()
        if c.org_code is not None:
            assert c.kind == "organisation" and len(c.org_code) == 9 and c.org_code.isdigit()
    pids = [c.personal_id for c in corrs if c.personal_id]
    assert len(pids) == len(set(pids)) > 100
    codes = [c.org_code for c in corrs if c.org_code]
    assert len(codes) == len(set(codes))
    assert any("სამინისტრო" in c.name for c in corrs)
    kinds = {c.id: c.kind for c in corrs}
    letters = Counter(d.correspondent_id for d in _docs(db) if d.correspondent_id)
    assert any(n > 1 for cid, n in letters.items() if kinds[cid] == "person")


def test_demo_staff_is_created_once_with_the_demo_password(db: Database, clock: FixedClock) -> None:
    def staff() -> list[tuple[str, str, str, int | None]]:
        with db.read() as s:
            return [
                (u.login, u.role, u.password_hash, u.department_id)
                for u in s.scalars(select(User).where(User.login.like("demo.%")).order_by(User.id))
            ]

    generate(db, 300, seed=1, clock=clock)
    first = staff()
    roles = Counter(role for _l, role, _p, _d in first)
    with db.read() as s:
        departments = int(s.scalar(select(func.count(Department.id))) or 0)
    assert roles["head"] == departments and roles["executor"] > departments
    assert roles["registrar"] >= 1
    hashes = {pw for _l, _r, pw, _d in first}
    assert len(hashes) == 1  # hashed once, shared (argon2 is slow by design)
    assert check_password(hashes.pop(), "demo")
    with db.read() as s:
        admin_hash = s.scalar(select(User.password_hash).where(User.login == "admin"))
    assert admin_hash == ""  # never given a known password: the first start asks for one
    assert authenticate(db, "demo.registrar.1", "demo", clock).role == "registrar"
    generate(db, 300, seed=2, clock=clock)
    assert staff() == first
    _assert_numbering_is_gap_free(db)  # a second run continues every sequence
    assert len(_docs(db)) == 600


def test_same_seed_same_registry_on_any_backend(
    db: Database, clock: FixedClock, _sqlite_template: Path, tmp_path: Path
) -> None:
    def snapshot(database: Database) -> list[tuple[Any, ...]]:
        with database.read() as s:
            return [
                tuple(r)
                for r in s.execute(
                    select(
                        Document.reg_number,
                        Document.reg_date,
                        Document.subject,
                        Document.summary,
                        Document.status,
                        Document.due_date,
                        Document.closed_date,
                        Document.channel,
                        Correspondent.name,
                        Correspondent.personal_id,
                    )
                    .outerjoin(Correspondent, Correspondent.id == Document.correspondent_id)
                    .order_by(Document.id)
                )
            ]

    other = new_sqlite_db(_sqlite_template, tmp_path / "other.sqlite3")
    third = new_sqlite_db(_sqlite_template, tmp_path / "third.sqlite3")
    try:
        generate(db, 500, seed=42, clock=clock)
        generate(other, 500, seed=42, clock=clock, chunk=77)  # chunking changes nothing
        generate(third, 500, seed=43, clock=clock)
        assert snapshot(db) == snapshot(other)
        assert snapshot(db) != snapshot(third)
    finally:
        other.dispose()
        third.dispose()


def test_progress_hook_and_stop_keep_whole_consistent_chunks(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    hooked: list[tuple[int, str, str, str, int | None]] = []

    def hook(
        conn: Session | Connection, rows: Sequence[tuple[int, str, str, str, int | None]]
    ) -> None:
        assert isinstance(conn, Session | Connection)
        hooked.extend(rows)

    monkeypatch.setattr(demo, "_after_chunk", hook)
    made = generate(
        db,
        1000,
        seed=9,
        clock=clock,
        chunk=150,
        progress=lambda done, total: seen.append((done, total)),
        should_stop=lambda: len(seen) >= 3,
    )
    assert made == seen[-1][0] and len(seen) == 3
    assert [total for _d, total in seen] == [1000] * 3
    assert [d for d, _t in seen] == sorted({d for d, _t in seen})
    docs = _docs(db)
    assert len(docs) == made
    _assert_numbering_is_gap_free(db)
    assert sorted(hooked) == sorted(
        (d.id, d.reg_number, d.subject, d.summary, d.correspondent_id) for d in docs
    )
    with db.read() as s:
        audit = s.scalars(select(AuditEntry.new_value).where(AuditEntry.action == "demo")).all()
    assert audit == [f"{made} (seed 9)"]


def test_nothing_is_written_for_zero_documents(db: Database, clock: FixedClock) -> None:
    assert generate(db, 0, clock=clock) == 0
    assert _docs(db) == []


def test_cli_demo_if_empty_adds_nothing_the_second_time(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make run``: the embedded file without a login; a server with the flag and an
    administrator's login."""
    demo_args = ["--db", db_url, "demo", "--if-empty", "--count", "300"]
    if not db_url.startswith("sqlite"):
        with_admin(db_url)
        demo_args += ["--i-know-this-is-a-server", *login(monkeypatch)]
    assert run([*demo_args, "--seed", "4"]) == EXIT_OK
    assert "300 documents" in capsys.readouterr().out
    if not db_url.startswith("sqlite"):
        login(monkeypatch)  # the password again on stdin
    assert run(demo_args) == EXIT_OK
    assert "already has documents" in capsys.readouterr().out
    database = open_database(db_url)
    try:
        assert len(_docs(database)) == 300
        _assert_numbering_is_gap_free(database)
    finally:
        database.dispose()


def test_the_counter_statement_compiles_for_mssql() -> None:
    dialect = mssql.dialect()  # type: ignore[no-untyped-call]
    sql = " ".join(str(counter_advance("incoming", 2026, 500).compile(dialect=dialect)).split())
    assert sql.startswith("UPDATE number_counters SET last_value=(number_counters.last_value +")
    assert "OUTPUT inserted.last_value" in sql and "SELECT" not in sql
    docs = cast(Table, Document.__table__)
    bulk = insert(docs).returning(docs.c.id, sort_by_parameter_order=True)
    assert "OUTPUT inserted.id" in str(bulk.compile(dialect=dialect))


def test_default_dates_end_today_on_the_system_clock(sqlite_db: Database) -> None:
    today = SystemClock().today()
    generate(sqlite_db, 50, seed=1)
    dates = [d.reg_date for d in _docs(sqlite_db)]
    assert len(dates) == 50
    assert add_months(today, -36) < min(dates) <= max(dates) <= SystemClock().today()


def test_open_routed_documents_are_in_their_executors_tasks(
    db: Database, clock: FixedClock
) -> None:
    from app.auth import find_actor
    from app.routing import my_tasks
    from models.tables import Assignment, User

    assert generate(db, 2000, seed=11, clock=clock) == 2000
    docs = {d.id: d for d in _docs(db)}
    with db.read() as s:
        parts = s.execute(
            select(Assignment.document_id, Assignment.user_id, Assignment.state)
        ).all()
        busiest = s.scalar(
            select(User.login).join(Assignment, Assignment.user_id == User.id)
            .where(User.role == "executor")
            .group_by(User.login).order_by(func.count().desc()).limit(1)
        )  # fmt: skip
        actor = find_actor(s, str(busiest))
    routed_open = {i for i, d in docs.items() if d.status in ("assigned", "in_progress",
                   "awaiting_clarification") and d.executor_id is not None}  # fmt: skip
    assert {p.document_id for p in parts} == routed_open
    assert all(docs[p.document_id].executor_id == p.user_id for p in parts)
    assert {p.state for p in parts} <= {"open", "in_progress"}
    assert actor is not None and actor.role == "executor"
    tasks = my_tasks(db, actor, today=clock.today())
    assert tasks and {t.id for t in tasks} <= routed_open


# --- never a back door into a real database -----------------------------------------------


def _real_document(db: Database, clock: FixedClock) -> None:
    with db.read() as s:
        admin = default_actor(s)
    assert admin is not None
    register(db, admin, RegistrationInput(kind="incoming", doc_type="letter", subject="რეალური",
                                          from_name="ნინო ბერიძე"), clock)  # fmt: skip


def test_demo_data_never_goes_into_a_registry_with_real_documents(
    db: Database, clock: FixedClock
) -> None:
    from app.errors import UserError

    _real_document(db, clock)
    with pytest.raises(UserError) as err:
        generate(db, 50, seed=1, clock=clock)
    assert err.value.key == "demo.not_empty"
    with db.read() as s:
        assert s.scalar(select(func.count(User.id)).where(User.login.like("demo.%"))) == 0
        assert s.scalar(select(func.count(Document.id))) == 1  # nothing added, no number used
        counters = s.scalar(select(func.max(NumberCounter.last_value))
                            .where(NumberCounter.scope == "incoming"))  # fmt: skip
    assert counters == 1


def test_the_demo_password_opens_only_a_demo_database(
    db: Database, clock: FixedClock, cheap_hashing: None
) -> None:
    """The demo accounts keep the shared password ``demo``, but it logs in only while the
    database is marked as the demo's: unmarked (a database that became real), every demo
    account is closed, and no administrator ever got a known password."""
    from app.errors import UserError
    from app.users import DEMO_SETTING, demo_logins, needs_first_admin
    from models.tables import Setting

    generate(db, 50, seed=1, clock=clock)
    assert authenticate(db, "demo.soc.head", "demo", clock).role == "head"
    assert needs_first_admin(db)  # the administrator has no password: the first start asks
    with db.write() as s:
        s.execute(
            Setting.__table__.update().where(Setting.name == DEMO_SETTING).values(content="no")
        )
    for name in ("demo.soc.head", "demo.registrar.1", "admin"):
        with pytest.raises(UserError) as err:
            authenticate(db, name, "demo", clock)
        assert err.value.key == "login.failed"
    assert demo_logins(db) == []


def test_cli_demo_refuses_a_real_registry_and_a_server_without_the_flag(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    clock: FixedClock,
) -> None:  # fmt: skip
    database = open_database(db_url)
    try:
        _real_document(database, clock)
    finally:
        database.dispose()
    with_admin(db_url)
    args = ["--db", db_url, "--lang", "en", "demo", "--count", "50"]
    if db_url.startswith("sqlite"):
        assert run(args) == 2
        assert "already has documents" in capsys.readouterr().err
    else:
        assert run(args) == 2  # a server: only with the flag
        assert "--i-know-this-is-a-server" in capsys.readouterr().err
        assert run([*args, "--i-know-this-is-a-server", *login(monkeypatch, password="x")]) == 2
        assert "password is not correct" in capsys.readouterr().err
        assert run([*args, "--i-know-this-is-a-server", *login(monkeypatch)]) == 2
        assert "already has documents" in capsys.readouterr().err
    database = open_database(db_url)
    try:
        assert len(_docs(database)) == 1
    finally:
        database.dispose()
