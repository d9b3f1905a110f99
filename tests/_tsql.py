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

A statement marked ``execution_options(postgresql_only=True)`` (a PostgreSQL server's own
administration, as in the bench) is not checked. A violation is recorded with the
program's call site (file:line) and fails the test that executed it
(``tests/conftest.py``). Distinct statements are checked once; the run's
totals print at the end.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections import Counter
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
# A call site that builds its statement from many optional filters (the registry under the
# fuzzer) yields hundreds of distinct statements; the grammar (about 80 ms a parse) sees the
# first GRAMMAR_PER_SITE of each site, the rules below see every one.
GRAMMAR_PER_SITE = 40
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


_PARAM_RUN = re.compile(r"@P\d+(?:\s*,\s*@P\d+)*")
_NUMBER_RUN = re.compile(r"(?<![\w@.])\d+(?![\w.])")


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


def _shape(stmt: ClauseElement, schema_map: dict[str, str] | None) -> tuple[Any, int] | None:
    """(the statement's cache key with the schema map, how many values it binds), or None
    when SQLAlchemy cannot cache it (then it is compiled every time)."""
    try:
        ck = stmt._generate_cache_key()
    except Exception:
        return None
    if ck is None:
        return None
    count = 0
    for b in ck.bindparams:
        value = b.effective_value
        count += len(value) if b.expanding and isinstance(value, (list, tuple)) else 1
    return (ck.key, tuple(sorted((schema_map or {}).items(), key=str))), count


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
    shapes: dict[Any, tuple[str, list[str]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _linter: Any = None
    _parsed: dict[str, list[str]] = field(default_factory=dict)
    grammar_per_site: Counter[str] = field(default_factory=Counter)
    grammar_skipped: int = 0

    def _parse_errors(self, sql: str) -> list[str]:
        if self._linter is None:
            from sqlfluff.core import FluffConfig, Linter

            self._linter = Linter(
                config=FluffConfig(overrides={"dialect": "tsql", "templater": "raw"})
            )
        # The grammar does not care how many values an IN list has, nor which number a TOP
        # or OFFSET carries: parse each shape once (a fuzzed registry gives hundreds).
        shape = _NUMBER_RUN.sub("0", _PARAM_RUN.sub("@P", sql))
        found = self._parsed.get(shape)
        if found is None:
            parsed = self._linter.parse_string(shape)
            found = [f"not valid T-SQL: {v.desc()}" for v in parsed.violations][:3]
            self._parsed[shape] = found
        return found

    def rules_for(
        self, stmt: ClauseElement, schema_map: dict[str, str] | None = None, site: str = ""
    ) -> tuple[str, list[str]]:
        """The T-SQL text of *stmt* and every rule it breaks (not cached)."""
        sql = _compile(stmt, schema_map)
        found = list(dict.fromkeys(_expression_violations(stmt)))
        masked = _mask(sql)
        found += [rule for rule, pattern in _TEXT_RULES if pattern.search(masked)]
        numbered, count = _numbered(sql)
        if count > MAX_PARAMETERS:
            found.append(f"{count} bound parameters (SQL Server's limit is 2 100): chunk it")
        if site and self.grammar_per_site[site] >= GRAMMAR_PER_SITE:
            self.grammar_skipped += 1  # the rules above still ran on it
            return sql, found
        self.grammar_per_site[site] += 1
        return sql, found + self._parse_errors(numbered)

    def check(self, stmt: ClauseElement, schema_map: dict[str, str] | None = None) -> list[str]:
        """Record *stmt* (executed at the caller's site) and what is wrong with it."""
        site = call_site()
        if site is None:
            return []
        with self._lock:
            self.executed += 1
            self.sites.add(site)
            # The same statement shape (SQLAlchemy's own cache key) compiles to the same
            # T-SQL but for the count of expanded IN values: compile each shape once.
            shape = _shape(stmt, schema_map)
            if shape is not None and shape[0] in self.shapes:
                sql, found = self.shapes[shape[0]]
                if shape[1] > MAX_PARAMETERS:
                    found = [*found, f"{shape[1]} bound parameters (SQL Server's limit is 2 100)"]
                self.violations.extend(Violation(rule, sql, site) for rule in found)
                return found
            try:
                sql = _compile(stmt, schema_map)
            except Exception as exc:  # the statement cannot even be written in T-SQL
                sql = repr(stmt)[:300]
                found = [f"does not compile for mssql: {type(exc).__name__}: {exc}"]
            else:
                cached = self.checked.get(sql)
                if cached is None:
                    cached = self.rules_for(stmt, schema_map, site)[1]
                    self.checked[sql] = cached
                found = cached
                if shape is not None:
                    self.shapes[shape[0]] = (sql, [f for f in found if "bound parameters" not in f])
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


@functools.cache
def _program_path(filename: str) -> str | None:
    """*filename* relative to the project when it is the program's (app/, models/ …)."""
    try:
        rel = Path(filename).resolve().relative_to(ROOT)
    except ValueError:
        return None
    return str(rel) if rel.parts[0] in PROGRAM_DIRS else None


def call_site() -> str | None:
    """The innermost frame of the program (app/, models/, ui/ …) that executed the
    statement; None when the statement is not the program's (a dialect's own
    introspection, or a test's own set-up with no program code on the stack)."""
    frame = sys._getframe(2)
    issuer = frame
    while issuer is not None and any(p in issuer.f_code.co_filename for p in _PLUMBING):
        issuer = issuer.f_back
    if issuer is None or any(part in issuer.f_code.co_filename for part in _DIALECT_OWN):
        return None
    f = issuer
    while f is not None:
        rel = _program_path(f.f_code.co_filename)
        if rel is not None:
            return f"{rel}:{f.f_lineno}"
        f = f.f_back
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
    if opts.get("postgresql_only") or clauseelement.get_execution_options().get("postgresql_only"):
        return  # a PostgreSQL server's own administration (the bench's throw-away databases)
    CHECKER.check(clauseelement, opts.get("schema_translate_map"))


def install() -> None:
    if not event.contains(Engine, "before_execute", _before_execute):
        event.listen(Engine, "before_execute", _before_execute)


def uninstall() -> None:
    if event.contains(Engine, "before_execute", _before_execute):
        event.remove(Engine, "before_execute", _before_execute)
