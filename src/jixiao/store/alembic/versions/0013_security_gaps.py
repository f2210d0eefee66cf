"""the audit chain is keyed, and a dismissed finding names the version it was made on

- ``audit_log.key_id``: the public name of the HMAC key (kept outside the database) that signed the
  row's ``row_hash``; NULL for rows chained without a key (all rows written before this revision).
- ``finding_dismissals.from_version``: the table version the finding was dismissed on; it holds for
  that version and later ones, so a dismissal made on a 目标调整 under way leaves the published
  version's findings as they were. NULL (dismissals made before): every version.

Revision ID: 0013_security_gaps
Revises: 0012_active_findings
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_security_gaps"
down_revision = "0012_active_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Plain ADD COLUMNs on both databases: the audit log's append-only triggers stay as they are."""
    op.add_column("audit_log", sa.Column("key_id", sa.String(length=16), nullable=True))
    op.add_column("finding_dismissals", sa.Column("from_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the columns in place (SQLite 3.35+): the tables are not recreated, triggers stay."""
    for table, column in (("audit_log", "key_id"), ("finding_dismissals", "from_version")):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
