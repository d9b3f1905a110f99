"""decree days: the Government decree that declared a day off

Revision ID: 0005_decree_days
Revises: 0004_routing
Create Date: 2026-12-02 10:00:00

One column added in place (existing rows get ""), in the profile's schema when it names
one (alembic's ALTER TABLE does not go through ``schema_translate_map``; see 0004).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_decree_days"
down_revision = "0004_routing"
branch_labels = None
depends_on = None


def _schema() -> str | None:
    """The schema the tables live in when a profile names one (as in 0004_routing)."""
    schema = op.get_context().version_table_schema
    return str(schema) if schema else None


def upgrade() -> None:
    op.add_column(
        "holidays",
        sa.Column("decree_ref", sa.Unicode(length=200), server_default="", nullable=False),
        schema=_schema(),
    )


def downgrade() -> None:
    with op.batch_alter_table("holidays", schema=_schema()) as batch_op:
        # SQL Server: the column's DEFAULT constraint (named by the server) goes first
        batch_op.drop_column("decree_ref", mssql_drop_default=True)
