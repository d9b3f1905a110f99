"""audit append-only: the database itself refuses to edit or delete audit rows

Revision ID: 0006_audit_append_only
Revises: 0005_decree_days
Create Date: 2026-12-06 10:00:00

Triggers, per server:

- ``audit_log``: every UPDATE and DELETE is refused (SQLite ``RAISE(ABORT)``, a PL/pgSQL
  function on PostgreSQL (TRUNCATE too), an ``INSTEAD OF UPDATE, DELETE`` trigger on SQL
  Server that throws).
- ``number_counters``: the row ``__audit_tail__`` (the id of the chain's last row, see
  app.audit) is never deleted, renamed or lowered; every other counter is unaffected.

Whoever may drop or disable a trigger (the table's owner, a DBA) can still rewrite the log;
what he cannot do quietly is make the result agree with a checkpoint kept outside the
database (``kantselaria-cli audit checkpoint``).

On SQL Server each trigger is created through ``EXEC (N'…')``: ``CREATE TRIGGER`` must be
the first statement of its batch, and the offline script's batches start with the guard
that stops it after an error (models/mssql_ddl.py).

On SQLite a later migration that rebuilds ``audit_log`` or ``number_counters`` with
``batch_alter_table`` drops these triggers with the old table: it must create them again.
"""

from __future__ import annotations

from alembic import context, op

revision = "0006_audit_append_only"
down_revision = "0005_decree_days"
branch_labels = None
depends_on = None

TAIL = "__audit_tail__"
REFUSED = "audit_log is append-only: rows are never changed or deleted"
TAIL_REFUSED = "the audit tail counter only grows: it is never lowered or deleted"


def _schema() -> str | None:
    """The schema the tables live in when a profile names one (as in 0004_routing)."""
    schema = op.get_context().version_table_schema
    return str(schema) if schema else None


def _q(name: str) -> str:
    schema = _schema()
    return f"{schema}.{name}" if schema else name


def _run(sql: str) -> None:
    """Dialect-specific DDL: as text into the offline script, straight to the driver online
    (not a SQLAlchemy statement: nothing in it is meant for another dialect)."""
    if context.is_offline_mode():
        op.execute(sql)
    else:
        op.get_bind().exec_driver_sql(sql)


def _sqlite_up() -> None:
    for event in ("UPDATE", "DELETE"):
        _run(
            f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log\n"
            f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
        )
    _run(
        "CREATE TRIGGER number_counters_tail_no_delete BEFORE DELETE ON number_counters\n"
        f"WHEN OLD.scope = '{TAIL}'\n"
        f"BEGIN SELECT RAISE(ABORT, '{TAIL_REFUSED}'); END"
    )
    _run(
        "CREATE TRIGGER number_counters_tail_no_lower BEFORE UPDATE ON number_counters\n"
        f"WHEN OLD.scope = '{TAIL}' AND (NEW.scope <> OLD.scope OR NEW.year <> OLD.year\n"
        "    OR NEW.last_value < OLD.last_value)\n"
        f"BEGIN SELECT RAISE(ABORT, '{TAIL_REFUSED}'); END"
    )


def _postgresql_up() -> None:
    _run(
        f"CREATE FUNCTION {_q('kantselaria_audit_append_only')}() RETURNS trigger\n"
        "LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        f"    RAISE EXCEPTION USING MESSAGE = '{REFUSED} (' || TG_OP || ')',\n"
        "        ERRCODE = 'insufficient_privilege';\n"
        "END\n"
        "$$"
    )
    _run(
        f"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON {_q('audit_log')}\n"
        f"FOR EACH ROW EXECUTE FUNCTION {_q('kantselaria_audit_append_only')}()"
    )
    _run(
        f"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {_q('audit_log')}\n"
        f"FOR EACH STATEMENT EXECUTE FUNCTION {_q('kantselaria_audit_append_only')}()"
    )
    _run(f"REVOKE UPDATE, DELETE, TRUNCATE ON {_q('audit_log')} FROM PUBLIC")
    _run(
        f"CREATE FUNCTION {_q('kantselaria_audit_tail_grows')}() RETURNS trigger\n"
        "LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "    IF TG_OP = 'DELETE' OR NEW.scope <> OLD.scope OR NEW.year <> OLD.year\n"
        "            OR NEW.last_value < OLD.last_value THEN\n"
        f"        RAISE EXCEPTION USING MESSAGE = '{TAIL_REFUSED}',\n"
        "            ERRCODE = 'insufficient_privilege';\n"
        "    END IF;\n"
        "    RETURN NEW;\n"
        "END\n"
        "$$"
    )
    _run(
        "CREATE TRIGGER number_counters_audit_tail BEFORE UPDATE OR DELETE ON "
        f"{_q('number_counters')}\n"
        f"FOR EACH ROW WHEN (OLD.scope = '{TAIL}')\n"
        f"EXECUTE FUNCTION {_q('kantselaria_audit_tail_grows')}()"
    )


def _mssql_trigger(body: str) -> str:
    return "EXEC (N'" + body.replace("'", "''") + "')"


def _mssql_up() -> None:
    _run(
        _mssql_trigger(
            f"CREATE TRIGGER {_q('audit_log_append_only')} ON {_q('audit_log')}\n"
            "INSTEAD OF UPDATE, DELETE AS\n"
            "BEGIN\n"
            "    SET NOCOUNT ON;\n"
            f"    THROW 51000, N'{REFUSED}', 1;\n"
            "END"
        )
    )
    _run(
        _mssql_trigger(
            f"CREATE TRIGGER {_q('number_counters_audit_tail')} ON {_q('number_counters')}\n"
            "AFTER UPDATE, DELETE AS\n"
            "BEGIN\n"
            "    SET NOCOUNT ON;\n"
            "    IF EXISTS (SELECT 1 FROM deleted AS d LEFT JOIN inserted AS i ON i.id = d.id\n"
            f"               WHERE d.scope = N'{TAIL}' AND (i.id IS NULL OR i.scope <> d.scope\n"
            "                   OR i.year <> d.year OR i.last_value < d.last_value))\n"
            f"        THROW 51001, N'{TAIL_REFUSED}', 1;\n"
            "END"
        )
    )


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        _sqlite_up()
    elif dialect == "postgresql":
        _postgresql_up()
    elif dialect == "mssql":
        _mssql_up()


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in ("audit_log_no_update", "audit_log_no_delete",
                     "number_counters_tail_no_delete", "number_counters_tail_no_lower"):  # fmt: skip
            _run(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        _run(f"DROP TRIGGER IF EXISTS number_counters_audit_tail ON {_q('number_counters')}")
        _run(f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {_q('audit_log')}")
        _run(f"DROP TRIGGER IF EXISTS audit_log_append_only ON {_q('audit_log')}")
        _run(f"DROP FUNCTION IF EXISTS {_q('kantselaria_audit_tail_grows')}()")
        _run(f"DROP FUNCTION IF EXISTS {_q('kantselaria_audit_append_only')}()")
    elif dialect == "mssql":
        _run(f"DROP TRIGGER {_q('number_counters_audit_tail')}")
        _run(f"DROP TRIGGER {_q('audit_log_append_only')}")
