"""a dismissed finding leaves every count: findings.dismissed

- ``findings``: ``dismissed`` (false unless a reviewer's dismissal in ``finding_dismissals`` matches
  the finding's rule and place). The dashboard's counts by rule and severity read only the active
  ones; the table's counts, risk and outcome are settled by the service
  (`jixiao.service.active_findings.settle`), which `Service.upgrade` runs for the tables that already
  have dismissals.

Revision ID: 0012_active_findings
Revises: 0011_org_hierarchy
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_active_findings"
down_revision = "0011_org_hierarchy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add findings.dismissed (false for every stored finding until settled)."""
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dismissed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop findings.dismissed (the dismissals themselves stay in finding_dismissals)."""
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_column("dismissed")
