"""The T-SQL conformance layer: every statement the program executes in the tests is also
compiled for SQL Server and checked there.

No SQL Server can run on our machines, so while the suite runs on SQLite and PostgreSQL a
``before_execute`` listener on every engine compiles each executed statement (ORM, Core,
DDL; ``exec_driver_sql`` strings are dialect-specific by construction and skipped) with
the real ``mssql+pyodbc`` dialect at the oldest server we support (SQL Server 2016, version
13). The T-SQL text is then

1. parsed by sqlfluff's strict ``tsql`` grammar (the text a server would receive, with
   ``?`` placeholders renamed ``@P1…`` as the driver does);
2. checked by the rules the grammar misses (see :func:`violations_of`): ``IS`` with anything
   but ``NULL``; a predicate used as a value (SELECT list, ORDER BY, GROUP BY, a function
   argument); LIMIT / ILIKE / NULLS FIRST / boolean literals; more than 2 000 bound
   parameters (SQL Server's cap is 2 100); a ``with_for_update`` the dialect drops.

A violation is recorded with the program's call site (file:line) and fails the test that
executed it (``tests/conftest.py``). Distinct statements are checked once; the run's
totals print at the end.
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.dialects.mssql import pyodbc as mssql_pyodbc
from sqlalchemy.sql import ClauseElement, operators, visitors
from sqlalchemy.sql.elements import (
    BinaryExpression,
    BooleanClauseList,
    Case,
    Grouping,
    Label,
    UnaryExpression,
)
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Select

ROOT = Path(__file__).resolve().parent.parent
PROGRAM_DIRS = ("app", "models", "ui", "bench", "reports")
MAX_PARAMETERS = 2000  # SQL Server refuses more than 2 100; keep a margin


def mssql_dialect() -> mssql_pyodbc.MSDialect_pyodbc:
    """The dialect a SQL Server 2016 connection gets (what ``initialize`` would set)."""
    d = mssql_pyodbc.dialect(paramstyle="qmark")  # what pyodbc uses
    d.server_version_info = (13, 0)
    d._setup_version_attributes()
    d.deprecate_large_types = True
    d.supports_multivalues_insert = True
    return d


_DIALECT = mssql_dialect()


@dataclass(frozen=True)
class Violation:
    rule: str
    sql: str
    site: str

    def __str__(self) -> str:
        return f"{self.site}: {self.rule}\n    {self.sql[:600]}"


# -- text rules --------------------------------------------------------------------------

_STRINGS = re.compile(r"N?'(?:[^']|'')*'")
_IDENTS = re.compile(r"\[[^\]]*\]")
_TEXT_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("IS with something other than NULL (T-SQL allows only IS [NOT] NULL)",
     re.compile(r"\bIS\s+(?!NOT\s+NULL\b|NULL\b)", re.I)),
    ("LIMIT/OFFSET without ORDER BY … OFFSET … FETCH", re.compile(r"\bLIMIT\b", re.I)),
    ("ILIKE does not exist in T-SQL", re.compile(r"\bILIKE\b", re.I)),
    ("NULLS FIRST/LAST does not exist in T-SQL", re.compile(r"\bNULLS\s+(FIRST|LAST)\b", re.I)),
    ("boolean literal (T-SQL has no TRUE/FALSE)", re.compile(r"(?<![\w.@])(TRUE|FALSE)\b", re.I)),
    ("FOR UPDATE does not exist in T-SQL (use WITH (UPDLOCK))",
     re.compile(r"\bFOR\s+UPDATE\b", re.I)),
    ("RETURNING does not exist in T-SQL (OUTPUT)", re.compile(r"\bRETURNING\b", re.I)),
]  # fmt: skip


def _mask(sql: str) -> str:
    """The statement with string literals and [quoted] names blanked out."""
    return _IDENTS.sub("[]", _STRINGS.sub("''", sql))


def _numbered(sql: str) -> tuple[str, int]:
    """``?`` placeholders (outside literals) renamed ``@P1…``, and how many there were."""
    out: list[str] = []
    n = 0
    pos = 0
    for m in re.finditer(r"N?'(?:[^']|'')*'|\[[^\]]*\]|\?", sql):
        out.append(sql[pos : m.start()])
        if m.group() == "?":
            n += 1
            out.append(f"@P{n}")
        else:
            out.append(m.group())
        pos = m.end()
    out.append(sql[pos:])
    return "".join(out), n


# -- expression rules --------------------------------------------------------------------


def _is_predicate(e: Any) -> bool:
    while isinstance(e, (Label, Grouping)):
        e = e.element
    if isinstance(e, BooleanClauseList):
        return True
    if isinstance(e, BinaryExpression):
        return operators.is_comparison(e.operator) or e.operator in (
            operators.and_,
            operators.or_,
        )
    if isinstance(e, UnaryExpression):
        return e.operator is operators.inv or e.operator is operators.exists
    return False


def _expression_violations(stmt: ClauseElement) -> Iterable[str]:
    for node in visitors.iterate(stmt):
        if isinstance(node, Select):
            for where, clauses in (
                ("in the SELECT list", node._raw_columns),
                ("as a sort key (ORDER BY)", node._order_by_clauses),
                ("in GROUP BY", node._group_by_clauses),
            ):
                for c in clauses:
                    if _is_predicate(c):
                        yield f"a predicate {where}: T-SQL has no boolean values (use CASE)"
            if node._for_update_arg is not None and not any(
                "UPDLOCK" in str(text) for (_t, d), text in node._hints.items() if d == "mssql"
            ):
                yield "with_for_update() is dropped on mssql: add with_hint(…, 'WITH (UPDLOCK, ROWLOCK)', 'mssql')"
        elif isinstance(node, FunctionElement) and not isinstance(node, Case):
            for arg in node.clauses:
                if _is_predicate(arg):
                    yield f"a predicate as an argument of {node.name}(): use CASE"


# -- the checker -------------------------------------------------------------------------


def _compile(stmt: ClauseElement, schema_map: dict[str, str] | None) -> str:
    compiled = stmt.compile(
        dialect=_DIALECT,
        schema_translate_map=schema_map,
        render_schema_translate=bool(schema_map),
        compile_kwargs={"render_postcompile": True},
    )
    return str(compiled).strip()


@dataclass
class Checker:
    """Collects executed statements and what is wrong with them as T-SQL."""

    checked: dict[str, list[str]] = field(default_factory=dict)  # T-SQL -> its violations
    sites: set[str] = field(default_factory=set)
    violations: list[Violation] = field(default_factory=list)
    executed: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _linter: Any = None

    def _parse_errors(self, sql: str) -> list[str]:
        if self._linter is None:
            from sqlfluff.core import FluffConfig, Linter

            self._linter = Linter(
                config=FluffConfig(overrides={"dialect": "tsql", "templater": "raw"})
            )
        parsed = self._linter.parse_string(sql)
        return [f"not valid T-SQL: {v.desc()}" for v in parsed.violations][:3]

    def rules_for(
        self, stmt: ClauseElement, schema_map: dict[str, str] | None = None
    ) -> tuple[str, list[str]]:
        """The T-SQL text of *stmt* and every rule it breaks (not cached)."""
        sql = _compile(stmt, schema_map)
        found = list(dict.fromkeys(_expression_violations(stmt)))
        masked = _mask(sql)
        found += [rule for rule, pattern in _TEXT_RULES if pattern.search(masked)]
        numbered, count = _numbered(sql)
        if count > MAX_PARAMETERS:
            found.append(f"{count} bound parameters (SQL Server's limit is 2 100): chunk it")
        return sql, found + self._parse_errors(numbered)

    def check(self, stmt: ClauseElement, schema_map: dict[str, str] | None = None) -> list[str]:
        """Record *stmt* (executed at the caller's site) and what is wrong with it."""
        site = call_site()
        if site is None:
            return []
        with self._lock:
            self.executed += 1
            self.sites.add(site)
            try:
                sql = _compile(stmt, schema_map)
            except Exception as exc:  # the statement cannot even be written in T-SQL
                sql = repr(stmt)[:300]
                found = [f"does not compile for mssql: {type(exc).__name__}: {exc}"]
            else:
                cached = self.checked.get(sql)
                if cached is None:
                    cached = self.rules_for(stmt, schema_map)[1]
                    self.checked[sql] = cached
                found = cached
            self.violations.extend(Violation(rule, sql, site) for rule in found)
            return found

    def take(self) -> list[Violation]:
        with self._lock:
            out, self.violations = self.violations, []
            return out


# Frames of the machinery between a caller and the database (skipped when looking for it).
_PLUMBING = ("/sqlalchemy/engine/", "/sqlalchemy/orm/", "/sqlalchemy/event/", "/sqlalchemy/util/",
             "/sqlalchemy/sql/", "/tests/_tsql.py")  # fmt: skip
# A statement issued by one dialect's own code is that dialect's, never sent to SQL Server.
_DIALECT_OWN = ("/sqlalchemy/dialects/", "/alembic/ddl/postgresql.py", "/alembic/ddl/sqlite.py")


def call_site() -> str | None:
    """The innermost frame of the program (app/, models/, ui/ …) that executed the
    statement; None when the statement is not the program's (a dialect's own
    introspection, or a test's own set-up with no program code on the stack)."""
    frames = traceback.extract_stack()[:-2]
    issuer = next(
        (f for f in reversed(frames) if not any(p in f.filename for p in _PLUMBING)), None
    )
    if issuer is None or any(part in issuer.filename for part in _DIALECT_OWN):
        return None
    for f in reversed(frames):
        try:
            rel = Path(f.filename).resolve().relative_to(ROOT)
        except ValueError:
            continue
        if rel.parts[0] in PROGRAM_DIRS:
            return f"{rel}:{f.lineno}"
    return None


CHECKER = Checker()


def _before_execute(
    conn: Any, clauseelement: Any, multiparams: Any, params: Any, execution_options: Any
) -> None:
    if not isinstance(clauseelement, ClauseElement):
        return  # exec_driver_sql: a dialect's own string (SQLite PRAGMAs, BEGIN IMMEDIATE)
    opts = conn.get_execution_options()
    if execution_options:
        opts = opts.union(execution_options)
    CHECKER.check(clauseelement, opts.get("schema_translate_map"))


def install() -> None:
    if not event.contains(Engine, "before_execute", _before_execute):
        event.listen(Engine, "before_execute", _before_execute)


def uninstall() -> None:
    if event.contains(Engine, "before_execute", _before_execute):
        event.remove(Engine, "before_execute", _before_execute)
