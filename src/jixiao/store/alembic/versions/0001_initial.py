"""initial schema: orgs, users, sessions, tables, versions, indicators, findings, workflow, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-24 18:41:01.872583
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the initial schema: orgs, users, sessions, tables, versions, findings, uploads, events."""
    op.create_table(
        "orgs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orgs")),
        sa.UniqueConstraint("name", name=op.f("uq_orgs_name")),
    )
    op.create_table(
        "perf_tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("project_type", sa.String(length=120), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("budget_fen", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("infos", sa.Integer(), nullable=False),
        sa.Column("risk", sa.BigInteger(), nullable=False),
        sa.Column("indicator_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["orgs.id"], name=op.f("fk_perf_tables_department_id_orgs")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["orgs.id"], name=op.f("fk_perf_tables_unit_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perf_tables")),
        sa.UniqueConstraint("identity", name=op.f("uq_perf_tables_identity")),
    )
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.create_index("ix_perf_tables_department", ["department_id"], unique=False)
        batch_op.create_index("ix_perf_tables_risk", ["risk"], unique=False)
        batch_op.create_index("ix_perf_tables_status_year", ["status", "year"], unique=False)
        batch_op.create_index("ix_perf_tables_unit", ["unit_id"], unique=False)
        batch_op.create_index("ix_perf_tables_updated", ["updated_at"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["orgs.id"], name=op.f("fk_users_unit_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("indicator", sa.String(length=300), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("suggestion", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_findings_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_code", ["code"], unique=False)
        batch_op.create_index("ix_findings_table", ["table_id"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.String(length=60), nullable=False),
        sa.Column("level2", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("period_raw", sa.Text(), nullable=False),
        sa.Column("annual_raw", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_indicators_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index("ix_indicators_table", ["table_id"], unique=False)

    op.create_table(
        "reviewer_departments",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_reviewer_departments_org_id_orgs")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_reviewer_departments_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "org_id", name=op.f("pk_reviewer_departments")),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_sessions")),
    )
    op.create_table(
        "table_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_table_versions_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_table_versions_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_versions")),
        sa.UniqueConstraint("table_id", "number", name="uq_table_versions_table_number"),
    )
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_uploads_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
        sa.UniqueConstraint("token", name=op.f("uq_uploads_token")),
    )
    op.create_table(
        "workflow_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_workflow_events_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_workflow_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_events")),
    )
    with op.batch_alter_table("workflow_events", schema=None) as batch_op:
        batch_op.create_index("ix_workflow_events_table", ["table_id"], unique=False)


def downgrade() -> None:
    """Drop the initial schema."""
    with op.batch_alter_table("workflow_events", schema=None) as batch_op:
        batch_op.drop_index("ix_workflow_events_table")

    op.drop_table("workflow_events")
    op.drop_table("uploads")
    op.drop_table("table_versions")
    op.drop_table("sessions")
    op.drop_table("reviewer_departments")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_table")

    op.drop_table("indicators")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_table")
        batch_op.drop_index("ix_findings_code")

    op.drop_table("findings")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")

    op.drop_table("audit_log")
    op.drop_table("users")
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.drop_index("ix_perf_tables_updated")
        batch_op.drop_index("ix_perf_tables_unit")
        batch_op.drop_index("ix_perf_tables_status_year")
        batch_op.drop_index("ix_perf_tables_risk")
        batch_op.drop_index("ix_perf_tables_department")

    op.drop_table("perf_tables")
    op.drop_table("orgs")
