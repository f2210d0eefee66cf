"""passwords set by an administrator are changed at first login; earlier passwords are not reused

- ``users.password_must_change``: set when an administrator (web) or the CLI's operator sets a
  user's password (new user or reset); every page but the account page asks for a new one until the
  user sets their own. False for every user already stored.
- ``password_history``: the argon2 hashes of a user's earlier passwords (never the passwords), so
  that a new one cannot be one of the last N (``JIXIAO_PASSWORD_HISTORY``, default 5).

Revision ID: 0017_password_history
Revises: 0016_table_homes
Create Date: 2026-11-30 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jixiao.store.schema import UtcDateTime

revision = "0017_password_history"
down_revision = "0016_table_homes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """A plain ADD COLUMN and a new table, the same on SQLite and PostgreSQL."""
    op.add_column(
        "users",
        sa.Column("password_must_change", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "password_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("retired_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_password_history_user", "password_history", ["user_id", "id"])


def downgrade() -> None:
    """Drop the table and the column (SQLite 3.35+ drops a column in place)."""
    op.drop_index("ix_password_history_user", table_name="password_history")
    op.drop_table("password_history")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE users DROP COLUMN password_must_change")
    else:
        op.drop_column("users", "password_must_change")
