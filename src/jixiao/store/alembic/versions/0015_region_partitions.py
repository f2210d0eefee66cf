"""region code (财政区划) in every fact table; on PostgreSQL the fact tables partitioned by year

- ``orgs.region_code``: a region's own code (first six digits), else its parent's; ``000000`` unknown.
- perf_tables, table_versions, indicators, findings, monitoring_snapshots, self_evaluations:
  ``region_code`` (the table's unit → region) and ``partition_year`` (the table's 年度, 0 unknown),
  filled from the data already stored.
- PostgreSQL only: those six tables become RANGE-partitioned by ``partition_year``, with a default
  partition and one partition per year already stored; their rows move over, ids and the id sequences
  are kept. Keys per local partition (jixiao.store.partitions).

Revision ID: 0015_region_partitions
Revises: 0014_library_projects
Create Date: 2026-11-30 13:40:00
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0015_region_partitions"
down_revision = "0014_library_projects"
branch_labels = None
depends_on = None

UNKNOWN_CODE = "000000"
FACT_CHILDREN = ("table_versions", "indicators", "findings", "monitoring_snapshots", "self_evaluations")


def _key_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("region_code", sa.String(length=6), nullable=False, server_default=UNKNOWN_CODE),
        sa.Column("partition_year", sa.Integer(), nullable=False, server_default="0"),
    ]


def _org_region_codes(conn: sa.Connection) -> dict[int, str]:
    rows = conn.execute(sa.text("SELECT id, kind, code, parent_id FROM orgs")).all()
    by_id = {row.id: row for row in rows}
    codes: dict[int, str] = {}

    def code_of(org_id: int, depth: int = 0) -> str:
        if org_id in codes:
            return codes[org_id]
        row = by_id[org_id]
        own = (row.code or "").strip()
        if row.kind == "region" and re.fullmatch(r"\d{6,}", own) and own[:6] != UNKNOWN_CODE:
            found = own[:6]
        elif row.parent_id in by_id and depth < 8:
            found = code_of(row.parent_id, depth + 1)
        else:
            found = UNKNOWN_CODE
        codes[org_id] = found
        return found

    for org_id in by_id:
        code_of(org_id)
    return codes


def upgrade() -> None:
    """Add and fill the key columns; partition the fact tables on PostgreSQL."""
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("region_code", sa.String(length=6), nullable=False, server_default=UNKNOWN_CODE)
        )
    for table in ("perf_tables", *FACT_CHILDREN):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in _key_columns():
                batch_op.add_column(column)
    conn = op.get_bind()
    changed = [{"b_id": k, "b_code": v} for k, v in _org_region_codes(conn).items() if v != UNKNOWN_CODE]
    if changed:
        conn.execute(sa.text("UPDATE orgs SET region_code = :b_code WHERE id = :b_id"), changed)
    conn.execute(
        sa.text(
            "UPDATE perf_tables SET partition_year = COALESCE(year, 0), region_code = COALESCE("
            "(SELECT o.region_code FROM orgs o WHERE o.id = perf_tables.unit_id), "
            "(SELECT o.region_code FROM orgs o WHERE o.id = perf_tables.department_id), :unknown)"
        ),
        {"unknown": UNKNOWN_CODE},
    )
    for child in FACT_CHILDREN:
        conn.execute(
            sa.text(
                f"UPDATE {child} SET "
                f"region_code = (SELECT p.region_code FROM perf_tables p WHERE p.id = {child}.table_id), "
                f"partition_year = (SELECT p.partition_year FROM perf_tables p WHERE p.id = {child}.table_id)"
            )
        )
    if conn.dialect.name == "postgresql":
        from jixiao.store.partitions import partition_plain_tables

        years = conn.execute(sa.text("SELECT DISTINCT partition_year FROM perf_tables ORDER BY 1")).scalars()
        partition_plain_tables(conn, [int(y) for y in years])


def downgrade() -> None:
    """Not supported on PostgreSQL (the partitions would have to be merged back by a dump and reload)."""
    if op.get_bind().dialect.name == "postgresql":
        raise NotImplementedError("分区后的 PostgreSQL 数据库不能降级到 0011：请从备份恢复")
    for table in (*FACT_CHILDREN, "perf_tables"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("partition_year")
            batch_op.drop_column("region_code")
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.drop_column("region_code")
