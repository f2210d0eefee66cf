"""the review outcome's reason beside the outcome (优/良/中/差)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.drop_column("outcome_reason")
