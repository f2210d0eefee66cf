"""the audit chain is keyed: each audit row names the key that signed it

- ``audit_log.key_id``: the public name of the HMAC key (kept outside the database) that signed the
  row's ``row_hash``; NULL for rows chained without a key (all rows written before this revision).

Revision ID: 0012_audit_key
Revises: 0011_org_hierarchy
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_audit_key"
down_revision = "0011_org_hierarchy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """A plain ADD COLUMN on both databases: the append-only triggers stay as they are."""
    op.add_column("audit_log", sa.Column("key_id", sa.String(length=16), nullable=True))


def downgrade() -> None:
    """Drop the column in place (SQLite 3.35+): the table is not recreated, its triggers stay."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE audit_log DROP COLUMN key_id")
    else:
        op.drop_column("audit_log", "key_id")
