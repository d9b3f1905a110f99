"""The three hottest queries use their indexes on PostgreSQL and compile for MS SQL.

The registry's first page sorted by registration date, the overdue documents of one
department, and a search by surname: on a registry big enough for the planner to care
(20 000 documents, ANALYZEd), EXPLAIN must name the index each one was built for.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Select, insert, select, text
from sqlalchemy.dialects import mssql

from app.access import SYSTEM
from app.dashboard import _queries, _window, counts_statement
from app.registry import RegistryQuery, count_statement, page_statement, resolve
from app.search import (
    broad_statement,
    index_correspondents,
    index_documents,
    narrow_statement,
    number_statement,
    parse,
    search_statement,
)
from models.db import Database, open_database
from models.tables import Correspondent, Department, Document, DocumentType
from tests.conftest import drop_pg_database, new_pg_database

TODAY = dt.date(2026, 11, 25)
DOCS = 20_000
SURNAMES = ("ლომიძე", "კაპანაძე", "გელაშვილი", "მამედოვი", "ხუციშვილი", "ჯაფარიძე")


def _fill(db: Database) -> int:
    """DOCS documents over ten years, mostly closed; returns the ADM department's id."""
    rnd = random.Random(6)
    now = dt.datetime(2026, 11, 25)
    with db.write() as s:
        depts = list(s.scalars(select(Department.id).order_by(Department.id)))
        types = list(s.scalars(select(DocumentType.id).order_by(DocumentType.id)))
        people = [
            {
                "id": i,
                "kind": "person",
                # a few Beridzes: a surname is selective, as in a real office
                "name": f"პირი{i} {'ბერიძე' if i % 500 == 0 else SURNAMES[i % len(SURNAMES)]}",
                "name_skeleton": "",
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "address": "",
                "phone": "",
                "email": "",
            }
            for i in range(1, 2001)
        ]
        s.execute(insert(Correspondent), people)
        index_correspondents(s, [(int(str(p["id"])), str(p["name"])) for p in people])
        docs: list[dict[str, Any]] = []
        for i in range(1, DOCS + 1):
            reg = dt.date(2016, 1, 1) + dt.timedelta(days=i * 3650 // DOCS)
            open_ = i > DOCS - 400
            docs.append(
                {
                    "id": i,
                    "kind": "incoming",
                    "reg_number": f"შ-{i}/{reg.year}",
                    "seq": i,
                    "seq_year": reg.year,
                    "counter_scope": "incoming",
                    "reg_date": reg,
                    "sender_number": "",
                    "correspondent_id": rnd.randint(1, 2000),
                    "doc_type_id": rnd.choice(types),
                    "channel": "post",
                    "subject": f"განცხადება {i}",
                    "summary": "",
                    "sheets": 1,
                    "confidential": False,
                    "status": "in_progress" if open_ else "closed",
                    "due_date": reg + dt.timedelta(days=30),
                    "department_id": depts[i % len(depts)],
                    "under_control": False,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        s.execute(insert(Document), docs)
        index_documents(s, [(d["id"], d["subject"], "") for d in docs])
    with db.engine.connect() as c:
        c.execute(text("COMMIT"))
        c.execute(text("ANALYZE"))
    return depts[0]


@pytest.fixture(scope="module")
def big_pg(_pg_template: str) -> Iterator[tuple[Database, int]]:
    url = new_pg_database(_pg_template)
    db = open_database(url)
    try:
        yield db, _fill(db)
    finally:
        db.dispose()
        drop_pg_database(url)


def _plan(db: Database, stmt: Select[Any]) -> dict[str, Any]:
    sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
    with db.read() as s:
        raw = s.execute(text("EXPLAIN (FORMAT JSON) " + sql)).scalar_one()
    data = raw if isinstance(raw, list) else json.loads(raw)
    return dict(data[0]["Plan"])


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _indexes(plan: dict[str, Any]) -> set[str]:
    return {n["Index Name"] for n in _nodes(plan) if "Index Name" in n}


def _seq_scanned(plan: dict[str, Any]) -> set[str]:
    return {n["Relation Name"] for n in _nodes(plan) if n["Node Type"] == "Seq Scan"}


@pytest.mark.pg
def test_first_page_sorted_by_registration_date_walks_its_index(
    big_pg: tuple[Database, int],
) -> None:
    db, _ = big_pg
    plan = _plan(db, page_statement(RegistryQuery(viewer=SYSTEM), 0, 100))
    # either index gives the order; which one depends on how many documents are incoming
    assert _indexes(plan) & {"ix_documents_kind_reg_date_id", "ix_documents_reg_date_id"}, plan
    assert "documents" not in _seq_scanned(plan)


@pytest.mark.pg
def test_overdue_of_one_department_uses_the_department_status_due_index(
    big_pg: tuple[Database, int],
) -> None:
    db, dept = big_pg
    q = resolve(RegistryQuery(department_id=dept, overdue=True, today=TODAY, viewer=SYSTEM))
    for stmt in (count_statement(q), page_statement(q, 0, 100)):
        plan = _plan(db, stmt)
        assert "ix_documents_kind_department_id_status_due_date" in _indexes(plan), plan
        assert "documents" not in _seq_scanned(plan)


@pytest.mark.pg
def test_search_by_surname_ranges_over_the_word_index(big_pg: tuple[Database, int]) -> None:
    db, _ = big_pg
    for typed in ("ბერიძე", "Beridze"):
        with db.read() as s:
            stmt = search_statement(s, parse(typed), 200, viewer=SYSTEM)
        assert stmt is not None
        plan = _plan(db, stmt)
        used = _indexes(plan)
        assert "pk_correspondent_words" in used, plan
        assert "ix_documents_correspondent_id" in used, plan
        assert not _seq_scanned(plan) & {"documents", "correspondent_words", "document_words"}


@pytest.mark.pg
def test_search_by_number_uses_the_sequence_index(big_pg: tuple[Database, int]) -> None:
    db, _ = big_pg
    stmt = number_statement(parse("123/2016"), 200, viewer=SYSTEM)
    assert stmt is not None
    assert "ix_documents_seq_seq_year" in _indexes(_plan(db, stmt))


def _hot_statements() -> dict[str, Select[Any]]:
    q = resolve(RegistryQuery(department_id=3, overdue=True, today=TODAY, viewer=SYSTEM))
    surname = narrow_statement(parse("ბერიძე"), "beridze", 200, viewer=SYSTEM)
    common = broad_statement(parse("გიორგი"), 200, viewer=SYSTEM)
    number = number_statement(parse("შ-123/2026"), 200, viewer=SYSTEM)
    assert number is not None
    return {
        "first_page": page_statement(RegistryQuery(viewer=SYSTEM), 0, 100),
        "due_sorted": page_statement(RegistryQuery(sort="due_date", viewer=SYSTEM), 400, 100),
        "overdue_count": count_statement(q),
        "overdue_page": page_statement(q, 0, 100),
        "surname": surname,
        "common_name": common,
        "number": number,
    }


@pytest.mark.parametrize("name", sorted(_hot_statements()))
def test_hot_queries_compile_for_mssql(name: str) -> None:
    stmt = _hot_statements()[name]
    dialect = mssql.dialect()
    dialect.server_version_info = (13, 0)  # SQL Server 2016, the oldest we support
    dialect._setup_version_attributes()  # type: ignore[attr-defined]
    sql = str(stmt.compile(dialect=dialect))
    assert "LIMIT" not in sql
    if name in ("first_page", "due_sorted", "overdue_page"):
        assert "OFFSET" in sql and "FETCH FIRST" in sql  # ids of one page
    if name in ("surname", "common_name", "number"):
        assert "TOP" in sql
    if name == "surname":
        assert "correspondent_words.word >=" in sql and "correspondent_words.word <" in sql


def test_dashboard_counts_compile_for_mssql(sqlite_db: Database) -> None:
    with sqlite_db.read() as s:
        w = _window(s, "incoming", TODAY)
    queries = list(_queries(w, SYSTEM, 3).values())
    sql = str(counts_statement(queries).compile(dialect=mssql.dialect()))
    assert len(re.findall(r"\(SELECT count\(\*\) AS count_\d+", sql)) == len(queries)
    assert "GROUP BY" not in sql
