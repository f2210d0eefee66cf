"""the review outcome's reason beside the outcome (优/良/中/差); search indicators in their own table;
indexes for visitors' lists, the queue, name search and the dashboard

indicator_text duplicated every indicator inside perf_tables, which made each row wide and every
scan of the list slow; searching by indicator now looks in the indicators table.

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
    """Add perf_tables.outcome_reason, drop indicator_text, add listing indexes."""
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome_reason", sa.Text(), nullable=True))
        batch_op.drop_column("indicator_text")
        batch_op.create_index("ix_perf_tables_name_unit", ["name", "unit_id", "status"], unique=False)
        batch_op.create_index("ix_perf_tables_status_updated", ["status", "updated_at"], unique=False)
        batch_op.create_index("ix_perf_tables_status_risk", ["status", "risk"], unique=False)
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_code")
        batch_op.create_index("ix_findings_code", ["code", "severity"], unique=False)


def downgrade() -> None:
    """Undo: drop the listing indexes and outcome_reason, restore indicator_text."""
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_code")
        batch_op.create_index("ix_findings_code", ["code"], unique=False)
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.drop_index("ix_perf_tables_status_risk")
        batch_op.drop_index("ix_perf_tables_status_updated")
        batch_op.drop_index("ix_perf_tables_name_unit")
        batch_op.drop_column("outcome_reason")
        batch_op.add_column(sa.Column("indicator_text", sa.Text(), nullable=False, server_default=""))
