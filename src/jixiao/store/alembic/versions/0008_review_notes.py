"""a project across years and review with safeguards: table links, indicator comments, dismissals

- ``table_links``: a table's link to last year's table of the same project (copy, by hand, or
  unlinked by hand).
- ``indicator_comments``: a reviewer's comment on one indicator, until resolved.
- ``finding_dismissals``: a finding a reviewer dismissed, with the reason, by rule and stable place.

Revision ID: 0008_review_notes
Revises: 0007_imported_files
Create Date: 2026-11-30 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_review_notes"
down_revision = "0007_imported_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create table_links, indicator_comments and finding_dismissals."""
    op.create_table(
        "table_links",
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_table_links_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["perf_tables.id"],
            name=op.f("fk_table_links_previous_id_perf_tables"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_table_links_user_id_users")),
        sa.PrimaryKeyConstraint("table_id", name=op.f("pk_table_links")),
    )
    op.create_index("ix_table_links_previous", "table_links", ["previous_id"], unique=False)
    op.create_table(
        "indicator_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("level1", sa.String(length=60), nullable=False),
        sa.Column("level2", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_indicator_comments_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_indicator_comments_user_id_users")),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["users.id"], name=op.f("fk_indicator_comments_resolved_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_comments")),
    )
    op.create_index("ix_indicator_comments_table", "indicator_comments", ["table_id"], unique=False)
    op.create_table(
        "finding_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=400), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_finding_dismissals_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_finding_dismissals_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_dismissals")),
        sa.UniqueConstraint("table_id", "code", "place", name="uq_finding_dismissals_place"),
    )


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("finding_dismissals")
    op.drop_index("ix_indicator_comments_table", table_name="indicator_comments")
    op.drop_table("indicator_comments")
    op.drop_index("ix_table_links_previous", table_name="table_links")
    op.drop_table("table_links")
