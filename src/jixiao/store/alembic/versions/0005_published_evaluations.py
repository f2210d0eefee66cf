"""published self-evaluations (已公开的项目支出绩效自评表), audited: jixiao.store.published

Revision ID: 0005_published_evaluations
Revises: 0004_audit_chain_accounts
Create Date: 2026-11-30 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_published_evaluations"
down_revision = "0004_audit_chain_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of stored published self-evaluations and its indexes."""
    op.create_table(
        "published_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=64), nullable=False),
        sa.Column("project", sa.String(length=300), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("file", sa.String(length=300), nullable=False),
        sa.Column("project_key", sa.String(length=300), nullable=False),
        sa.Column("unit_key", sa.String(length=200), nullable=False),
        sa.Column("published_cents", sa.BigInteger(), nullable=True),
        sa.Column("computed_cents", sa.BigInteger(), nullable=True),
        sa.Column("published_grade", sa.String(length=10), nullable=True),
        sa.Column("computed_grade", sa.String(length=10), nullable=True),
        sa.Column("arithmetic", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("full_marks", sa.Boolean(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_published_evaluations_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_evaluations")),
        sa.UniqueConstraint("identity", name=op.f("uq_published_evaluations_identity")),
    )
    with op.batch_alter_table("published_evaluations", schema=None) as batch_op:
        batch_op.create_index("ix_published_evaluations_arithmetic", ["arithmetic"], unique=False)
        batch_op.create_index("ix_published_evaluations_department", ["department"], unique=False)
        batch_op.create_index(
            "ix_published_evaluations_link", ["year", "project_key", "unit_key"], unique=False
        )


def downgrade() -> None:
    """Drop the table of published self-evaluations."""
    op.drop_table("published_evaluations")
