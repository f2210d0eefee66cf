"""what each mined table's project is about (name, goal text, 项目类型, 主管部门), for 推荐指标

See jixiao.store.library_schema.library_project_terms. The terms are written by the next build: the
mining watermark goes back to 0, so that build reads every published table again (tables mined
before are recognised by their fingerprint and not counted twice) and writes their terms and links.

Revision ID: 0014_library_projects
Revises: 0013_security_gaps
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_library_projects"
down_revision = "0013_security_gaps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the project terms; the next build fills them."""
    op.create_table(
        "library_project_terms",
        sa.Column("term", sa.String(length=80), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name="fk_library_project_terms_table_id_perf_tables",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "table_id", name="pk_library_project_terms"),
    )
    op.create_index("ix_library_project_terms_table", "library_project_terms", ["table_id"])
    op.execute("UPDATE library_state SET watermark = 0")


def downgrade() -> None:
    """Drop the project terms."""
    op.drop_index("ix_library_project_terms_table", table_name="library_project_terms")
    op.drop_table("library_project_terms")
