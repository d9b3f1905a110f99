"""routing: assignments (main and co-executors), the answer's outcome

Revision ID: 0004_routing
Revises: 0003_search
Create Date: 2026-11-25 12:00:00

The new document columns are added in place (no table rebuild: a registry of a million
rows upgrades in a moment). Their allowed values are checked by app.routing; on the
servers a named CHECK constraint guards them too (SQLite cannot add one to an existing
table without rebuilding it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mssql

revision = "0004_routing"
down_revision = "0003_search"
branch_labels = None
depends_on = None

OUTCOMES = (
    "granted",
    "partly_granted",
    "refused",
    "forwarded",
    "clarification_requested",
    "left_without_consideration",
)


def _schema() -> str | None:
    """The schema the tables live in when a profile names one (env.py gives it to alembic
    as the version table's schema): alembic's ALTER TABLE does not go through the engine's
    ``schema_translate_map``, so it is passed explicitly."""
    schema = op.get_context().version_table_schema
    return str(schema) if schema else None


def upgrade() -> None:
    schema = _schema()
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.Unicode(length=10), nullable=False),
        sa.Column(
            "instruction", sa.UnicodeText().with_variant(sa.NVARCHAR(), "mssql"), nullable=False
        ),
        sa.Column("due_date", sa.Date().with_variant(sa.DATE(), "mssql"), nullable=True),
        sa.Column("assigned_by", sa.Integer(), nullable=True),
        sa.Column(
            "assigned_at", sa.DateTime().with_variant(mssql.DATETIME2(), "mssql"), nullable=False
        ),
        sa.Column("state", sa.Unicode(length=15), nullable=False),
        sa.Column("done_at", sa.DateTime().with_variant(mssql.DATETIME2(), "mssql"), nullable=True),
        sa.Column("note", sa.Unicode(length=500), nullable=False),
        sa.CheckConstraint("role IN ('main', 'co')", name=op.f("ck_assignments_role")),
        sa.CheckConstraint(
            "state IN ('open', 'in_progress', 'done', 'withdrawn')",
            name=op.f("ck_assignments_state"),
        ),
        sa.ForeignKeyConstraint(
            ["assigned_by"], ["users.id"], name=op.f("fk_assignments_assigned_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_assignments_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_assignments_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index(op.f("ix_assignments_document_id"), "assignments", ["document_id"])
    op.create_index(op.f("ix_assignments_user_id_state"), "assignments", ["user_id", "state"])
    op.add_column(
        "documents", sa.Column("outcome", sa.Unicode(length=30), nullable=True), schema=schema
    )
    op.add_column(
        "documents",
        sa.Column("outcome_ground", sa.Unicode(length=500), server_default="", nullable=False),
        schema=schema,
    )
    op.add_column(
        "documents",
        sa.Column("due_override_reason", sa.Unicode(length=500), server_default="", nullable=False),
        schema=schema,
    )
    if op.get_context().dialect.name != "sqlite":
        allowed = ", ".join(f"'{o}'" for o in OUTCOMES)
        op.create_check_constraint(
            op.f("ck_documents_outcome"),
            "documents",
            f"outcome IS NULL OR outcome IN ({allowed})",
            schema=schema,
        )


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_documents_outcome"), "documents", type_="check")
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("due_override_reason")
        batch_op.drop_column("outcome_ground")
        batch_op.drop_column("outcome")
    op.drop_index(op.f("ix_assignments_user_id_state"), table_name="assignments")
    op.drop_index(op.f("ix_assignments_document_id"), table_name="assignments")
    op.drop_table("assignments")
