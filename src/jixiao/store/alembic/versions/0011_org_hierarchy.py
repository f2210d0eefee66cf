"""units and departments form a hierarchy: 财政区划 (region) → 主管部门 (department) → 用款单位 (unit)

- ``orgs``: ``kind``, ``parent_id``, ``code`` (a region's 财政区划 code).
- Existing data moves in: a region 未知区划 (code 000000) holds every organisation named as a table's
  主管部门 or a reviewer's department; every other organisation is a unit, under the department its
  most recently updated table names (none known: left unplaced, for ``jixiao org move``).

Revision ID: 0011_org_hierarchy
Revises: 0010_pending_adjustment
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_org_hierarchy"
down_revision = "0010_pending_adjustment"
branch_labels = None
depends_on = None

UNKNOWN_REGION = "未知区划"
UNKNOWN_CODE = "000000"


def upgrade() -> None:
    """Add the columns and place the organisations already stored."""
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("code", sa.String(length=20), nullable=True))
        batch_op.create_index("ix_orgs_parent", ["parent_id"], unique=False)
    conn = op.get_bind()
    region = conn.execute(sa.text("SELECT id FROM orgs WHERE name = :n"), {"n": UNKNOWN_REGION}).scalar()
    if region is None:
        conn.execute(
            sa.text("INSERT INTO orgs (name, kind, code) VALUES (:n, 'region', :c)"),
            {"n": UNKNOWN_REGION, "c": UNKNOWN_CODE},
        )
        region = conn.execute(sa.text("SELECT id FROM orgs WHERE name = :n"), {"n": UNKNOWN_REGION}).scalar()
    else:
        conn.execute(
            sa.text("UPDATE orgs SET kind = 'region', code = :c WHERE id = :r"),
            {"c": UNKNOWN_CODE, "r": region},
        )
    conn.execute(
        sa.text(
            "UPDATE orgs SET kind = 'department', parent_id = :r WHERE kind IS NULL AND ("
            "id IN (SELECT department_id FROM perf_tables WHERE department_id IS NOT NULL) "
            "OR id IN (SELECT org_id FROM reviewer_departments))"
        ),
        {"r": region},
    )
    conn.execute(
        sa.text(
            "UPDATE orgs SET kind = 'unit', parent_id = (SELECT p.department_id FROM perf_tables p "
            "WHERE p.unit_id = orgs.id AND p.department_id IS NOT NULL AND p.department_id <> orgs.id "
            "ORDER BY p.updated_at DESC, p.id DESC LIMIT 1) WHERE kind IS NULL"
        )
    )


def downgrade() -> None:
    """Drop the hierarchy (the organisations stay, the region 未知区划 with them)."""
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.drop_index("ix_orgs_parent")
        batch_op.drop_column("code")
        batch_op.drop_column("parent_id")
        batch_op.drop_column("kind")
