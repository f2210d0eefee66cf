"""files imported in bulk, by content hash: a re-run of ``jixiao import`` skips what is stored

Revision ID: 0007_imported_files
Revises: 0006_library
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jixiao.store.schema import UtcDateTime

revision = "0007_imported_files"
down_revision = "0006_library"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``imported_files`` (one row per stored file, unique by its SHA-256)."""
    op.create_table(
        "imported_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("tables", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["imported_by"], ["users.id"], name="fk_imported_files_imported_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_imported_files"),
        sa.UniqueConstraint("content_hash", name="uq_imported_files_content_hash"),
    )


def downgrade() -> None:
    """Drop ``imported_files``."""
    op.drop_table("imported_files")
