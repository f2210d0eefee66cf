"""the governed 指标库: entry versions, heads, provenance, peer statistics, links, requests, mining state

See jixiao.store.library_schema. Approved versions are never updated: a change is a new row, and
triggers refuse UPDATE and DELETE of a version that is not a mined draft.

Revision ID: 0006_library
Revises: 0005_published_evaluations
Create Date: 2026-11-30 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jixiao.store.schema import UtcDateTime

IMMUTABLE = "已审定的指标库版本不能修改或删除，请提出修改申请生成新版本"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER library_versions_no_update BEFORE UPDATE ON library_versions "
    f"WHEN old.status <> 'draft' BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
    "CREATE TRIGGER library_versions_no_delete BEFORE DELETE ON library_versions "
    f"WHEN old.status <> 'draft' BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
)
POSTGRES_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION library_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION '{IMMUTABLE}' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$""",
    "CREATE TRIGGER library_versions_immutable BEFORE UPDATE OR DELETE ON library_versions "
    "FOR EACH ROW EXECUTE FUNCTION library_versions_immutable()",
)

revision = "0006_library"
down_revision = "0005_published_evaluations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the 指标库 tables."""
    op.create_table(
        "library_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name="fk_library_versions_created_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_library_versions"),
        sa.UniqueConstraint("code", "number", name="uq_library_versions_code_number"),
    )
    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)
    op.create_table(
        "library_heads",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("level1", sa.String(length=60), nullable=False),
        sa.Column("level2", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("tables", sa.Integer(), nullable=False),
        sa.Column("publishers", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_library_heads"),
    )
    op.create_index("ix_library_heads_status_tables", "library_heads", ["status", "tables"])
    op.create_index("ix_library_heads_key", "library_heads", ["key"])
    op.create_table(
        "library_provenance",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_library_provenance"),
    )
    op.create_table(
        "library_peers",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_library_peers"),
    )
    op.create_index("ix_library_peers_code", "library_peers", ["code"])
    op.create_table(
        "library_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"], ["perf_tables.id"], name="fk_library_links_table_id_perf_tables", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_library_links"),
        sa.UniqueConstraint("table_id", "position", name="uq_library_links_table_position"),
    )
    op.create_index("ix_library_links_key", "library_links", ["key"])
    op.create_index("ix_library_links_code", "library_links", ["code"])
    op.create_table(
        "library_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("department", sa.String(length=200), nullable=True),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("requested_at", UtcDateTime(), nullable=False),
        sa.Column("department_by", sa.Integer(), nullable=True),
        sa.Column("department_at", UtcDateTime(), nullable=True),
        sa.Column("finance_by", sa.Integer(), nullable=True),
        sa.Column("finance_at", UtcDateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["users.id"], name="fk_library_requests_requested_by_users"
        ),
        sa.ForeignKeyConstraint(
            ["department_by"], ["users.id"], name="fk_library_requests_department_by_users"
        ),
        sa.ForeignKeyConstraint(["finance_by"], ["users.id"], name="fk_library_requests_finance_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_library_requests"),
    )
    op.create_index("ix_library_requests_status", "library_requests", ["status"])
    op.create_table(
        "library_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watermark", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("built_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_library_state"),
    )


def downgrade() -> None:
    """Drop the 指标库 tables (and the triggers that keep approved versions as they are)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS library_versions_immutable ON library_versions")
        op.execute("DROP FUNCTION IF EXISTS library_versions_immutable()")
    for name in (
        "library_state",
        "library_requests",
        "library_links",
        "library_peers",
        "library_provenance",
        "library_heads",
        "library_versions",
    ):
        op.drop_table(name)
