"""a published table stays public during its 目标调整: the adjustment's version and status beside it

- ``perf_tables``: ``pending_version`` (the adjustment's newest version) and ``pending_status`` (its
  workflow status). Tables already in an adjustment keep their data as they are: nothing to move.

Revision ID: 0010_pending_adjustment
Revises: 0009_rule_profiles
Create Date: 2026-11-30 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_pending_adjustment"
down_revision = "0009_rule_profiles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add perf_tables.pending_version and pending_status."""
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("pending_status", sa.String(length=20), nullable=True))


def downgrade() -> None:
    """Drop them (a pending adjustment's versions stay in table_versions)."""
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.drop_column("pending_status")
        batch_op.drop_column("pending_version")
