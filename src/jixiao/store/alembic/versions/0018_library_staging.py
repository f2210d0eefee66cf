"""the 指标库's mining state in SQL: tables mined, per-key statistics, groups (memory flat when building)

- ``library_mined``: each table mined, by ordinal (content fingerprint, year, publisher);
- ``library_key_stats``: each normalised key's statistics, appended per page while mining and
  merged per key afterwards (``level2`` set once merged);
- ``library_groups``: the groups of keys the entries were built from (kept by later builds).

The packed state in ``library_state.data`` is no longer read: it is cleared and the watermark goes
back to 0, so the next build mines every published table again into these tables. Entry codes
depend only on group keys, so approved entries keep their codes.

Revision ID: 0018_library_staging
Revises: 0017_password_history
Create Date: 2026-11-30 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_library_staging"
down_revision = "0017_password_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Three new tables; the old packed state is dropped (the next build mines again)."""
    op.create_table(
        "library_mined",
        sa.Column("ordinal", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("ordinal", name="pk_library_mined"),
        sa.UniqueConstraint("fingerprint", name="uq_library_mined_fingerprint"),
    )
    op.create_table(
        "library_key_stats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("level2", sa.Text(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("tables", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_library_key_stats"),
    )
    op.create_index("ix_library_key_stats_key", "library_key_stats", ["key"])
    op.create_table(
        "library_groups",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("group_key", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_library_groups"),
    )
    op.create_index("ix_library_groups_group", "library_groups", ["group_key", "position"])
    op.execute("UPDATE library_state SET watermark = 0, data = ''")


def downgrade() -> None:
    """Drop the three tables (an earlier version then builds its state from the tables again)."""
    op.drop_index("ix_library_groups_group", table_name="library_groups")
    op.drop_table("library_groups")
    op.drop_index("ix_library_key_stats_key", table_name="library_key_stats")
    op.drop_table("library_key_stats")
    op.drop_table("library_mined")
