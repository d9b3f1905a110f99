"""The registry's interactive operations: the program's path and hand-written SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app import dashboard, registry, search
from app.auth import Actor
from app.clock import FixedClock
from app.registry import OPEN_STATUSES, RegistryQuery
from bench.core import Operation
from models.db import Database
from models.tables import Department, Document

PAGE = 200  # rows the registry window asks for at a time (ui.registry.model.BLOCK)
SEARCH_LIMIT = search.DEFAULT_LIMIT

ROW = (
    "d.id, d.reg_number, d.reg_date, c.name, d.subject, t.name, d.status, d.due_date, "
    "dp.code, u.full_name, d.confidential, d.kind"
)
JOINS = (
    "JOIN documents d ON d.id = p.id JOIN document_types t ON t.id = d.doc_type_id "
    "LEFT JOIN correspondents c ON c.id = d.correspondent_id "
    "LEFT JOIN departments dp ON dp.id = d.department_id "
    "LEFT JOIN users u ON u.id = d.executor_id"
)
OPEN = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
NEWEST = "reg_date DESC, id DESC"


@dataclass(frozen=True)
class Context:
    db: Database
    actor: Actor
    today: dt.date
    raw: Any  # a DBAPI connection of the same engine (sqlite3 for the cached registry)


def _rows(raw: Any, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    cur = raw.cursor()
    try:
        cur.execute(sql, params)
        return list(cur.fetchall())
    finally:
        cur.close()


def _page_sql(where: str, order: str) -> str:
    inner = f"SELECT id FROM documents WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    outer = ", ".join(f"d.{part.strip()}" for part in order.split(","))
    return f"SELECT {ROW} FROM ({inner}) p {JOINS} ORDER BY {outer}"


def _prefix_bounds(word: str) -> tuple[str, str]:
    w = search.stem(word)
    upper = search.successor(w)
    assert upper is not None
    return w, upper


def _word_search_sql(ctx: Context, text: str) -> tuple[str, tuple[Any, ...]]:
    """The SQL a person would write for the shape the program picks (decided untimed)."""
    q = search.parse(text)
    assert len(q.words) == 1, "the bench searches one surname"
    lo, hi = _prefix_bounds(q.words[0])
    with ctx.db.read() as s:
        stats = search.word_stats(s, q.words[0], search.documents_per_name(s))
    if stats.documents < search.NARROW_MAX:
        hits = (
            "SELECT document_id AS id FROM document_words WHERE word >= ? AND word < ? UNION "
            "SELECT d2.id FROM documents d2 JOIN correspondent_words w "
            "ON w.correspondent_id = d2.correspondent_id WHERE w.word >= ? AND w.word < ?"
        )
        ids = (
            f"SELECT d.id FROM documents d JOIN ({hits}) h ON h.id = d.id "
            f"ORDER BY d.{NEWEST.replace(', ', ', d.')} LIMIT ?"
        )
        params: tuple[Any, ...] = (lo, hi, lo, hi, SEARCH_LIMIT + 1)
    else:
        has = (
            "(EXISTS (SELECT 1 FROM document_words w WHERE w.document_id = d.id "
            "AND w.word >= ? AND w.word < ?) OR EXISTS (SELECT 1 FROM correspondent_words w "
            "WHERE w.correspondent_id = d.correspondent_id AND w.word >= ? AND w.word < ?))"
        )
        ids = (
            f"SELECT d.id FROM documents d WHERE {has} ORDER BY d.reg_date DESC, d.id DESC LIMIT ?"
        )
        params = (lo, hi, lo, hi, SEARCH_LIMIT + 1)
    sql = f"SELECT {ROW} FROM ({ids}) p {JOINS} ORDER BY d.reg_date DESC, d.id DESC"
    return sql, params


def registry_operations(ctx: Context, surname: str, latin: str, number: str) -> list[Operation]:
    today = ctx.today
    base = RegistryQuery(viewer=ctx.actor, today=today)
    with ctx.db.read() as s:
        # the department with the most overdue documents: the worst case of that filter
        dept = s.execute(
            select(Document.department_id)
            .where(
                Document.kind == "incoming",
                Document.status.in_(OPEN_STATUSES),
                Document.due_date < today,
                Document.department_id.is_not(None),
            )
            .group_by(Document.department_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar() or s.scalar(select(func.min(Department.id)))
    ops: list[Operation] = []

    def listing(
        name: str, q: RegistryQuery, where: str, order: str, params: tuple[Any, ...]
    ) -> None:
        count_sql = f"SELECT count(*) FROM documents WHERE {where}"
        page_sql = _page_sql(where, order)

        def program() -> object:
            return registry.count(ctx.db, q), registry.page(ctx.db, q, 0, PAGE)

        def raw() -> object:
            n = _rows(ctx.raw, count_sql, params)
            return n, _rows(ctx.raw, page_sql, (*params, PAGE, 0))

        ops.append(Operation(name, program, raw, target_ms=300))

    listing("open first page (count + 200 rows)", base, "kind = ?", NEWEST, ("incoming",))
    listing(
        "sort by due date",
        RegistryQuery(viewer=ctx.actor, today=today, sort="due_date", descending=False),
        "kind = ?",
        "due_date ASC, id ASC",
        ("incoming",),
    )
    listing(
        f"filter overdue, one department (#{dept})",
        RegistryQuery(viewer=ctx.actor, today=today, department_id=dept, overdue=True),
        f"kind = ? AND department_id = ? AND status IN ({OPEN}) AND due_date < ?",
        NEWEST,
        ("incoming", dept, today.isoformat()),
    )

    for label, text in ((f"search surname «{surname}»", surname), (f"search «{latin}»", latin)):
        sql, params = _word_search_sql(ctx, text)

        def program(text: str = text) -> object:
            return search.search(ctx.db, ctx.actor, text)

        def raw(sql: str = sql, params: tuple[Any, ...] = params) -> object:
            return _rows(ctx.raw, sql, params)

        ops.append(Operation(label, program, raw, target_ms=150))

    parsed = search.parse(number)
    assert parsed.number is not None and parsed.number[1] is not None
    seq, year = parsed.number
    hits = (
        "SELECT id FROM documents WHERE seq = ? AND seq_year = ? UNION "
        "SELECT id FROM documents WHERE reg_number = ?"
    )
    number_sql = (
        f"SELECT {ROW} FROM (SELECT d.id FROM documents d JOIN ({hits}) h ON h.id = d.id "
        f"ORDER BY d.reg_date DESC, d.id DESC LIMIT ?) p {JOINS} "
        "ORDER BY d.reg_date DESC, d.id DESC"
    )
    ops.append(
        Operation(
            f"search by number «{number}»",
            lambda: search.search(ctx.db, ctx.actor, number),
            lambda: _rows(ctx.raw, number_sql, (seq, year, number, SEARCH_LIMIT + 1)),
            target_ms=150,
        )
    )

    clock = FixedClock(dt.datetime.combine(today, dt.time(8)))
    board = dashboard.dashboard(ctx.db, ctx.actor, clock)  # the dates, for the raw SQL
    dash_sql, dash_params = _dashboard_sql(board)
    ops.append(
        Operation(
            "dashboard counts (8 × 5)",
            lambda: dashboard.dashboard(ctx.db, ctx.actor, clock),
            lambda: _rows(ctx.raw, dash_sql, dash_params),
            target_ms=300,
        )
    )
    return ops


def _dashboard_sql(board: dashboard.Dashboard) -> tuple[str, tuple[Any, ...]]:
    parts: list[str] = []
    params: list[Any] = []
    tomorrow = board.today + dt.timedelta(days=1)
    for row in (board.total, *board.departments):
        dept = "" if row.department_id is None else " AND department_id = ?"
        dp: tuple[Any, ...] = () if row.department_id is None else (row.department_id,)
        open_ = f"kind = ?{dept} AND status IN ({OPEN})"
        for cond, values in (
            (f"{open_} AND due_date < ?", (board.today,)),
            (f"{open_} AND due_date >= ? AND due_date <= ?", (board.today, board.today)),
            (f"{open_} AND due_date >= ? AND due_date <= ?", (tomorrow, board.soon_until)),
            (f"kind = ?{dept} AND reg_date >= ? AND reg_date <= ?", (board.week_from, board.today)),
            (
                f"kind = ?{dept} AND reg_date >= ? AND reg_date <= ?",
                (board.month_from, board.today),
            ),
        ):
            parts.append(f"(SELECT count(*) FROM documents WHERE {cond})")
            params.extend((board.kind, *dp, *(v.isoformat() for v in values)))
    return "SELECT " + ", ".join(parts), tuple(params)
