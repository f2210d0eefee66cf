"""the rule profile of each year (jixiao.store.admin.rule_profiles)

Revision ID: 0009_rule_profiles
Revises: 0008_review_notes
Create Date: 2026-11-30 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jixiao.store.schema import UtcDateTime

revision = "0009_rule_profiles"
down_revision = "0008_review_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of per-year rule profiles."""
    op.create_table(
        "rule_profiles",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_rule_profiles_updated_by_users")),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_rule_profiles")),
    )


def downgrade() -> None:
    """Drop the per-year rule profiles."""
    op.drop_table("rule_profiles")
