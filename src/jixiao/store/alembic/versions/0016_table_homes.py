"""table_homes: each stored table's partition (year and region) by id; short GIN pending lists

- ``table_homes (id, region_code, partition_year)``: one row per perf_tables row, kept by triggers on
  perf_tables (insert, update of the keys, delete) on both databases and filled from the tables
  already stored. A page that knows only a table's id reads its year here first, so PostgreSQL reads
  that year's partition alone (jixiao.store.table_homes).
- PostgreSQL: every partition's trigram GIN index gets a short pending list (``gin_pending_list_limit``,
  jixiao.store.search_indexes): a search reads each index's pending list whole, and the default 4 MB
  per partition made a search across the years ten times slower after a bulk load.

Revision ID: 0016_table_homes
Revises: 0015_region_partitions
Create Date: 2026-11-30 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jixiao.store import search_indexes

# PostgreSQL: one trigger function on the partitioned perf_tables. A cross-partition UPDATE (a table's
# year changed) runs as a DELETE and an INSERT, each firing its AFTER trigger; the DELETE removes the
# home only while it still holds the old keys, so the order of the two does not matter.
PG_TRIGGERS = (
    """CREATE FUNCTION table_homes_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND (TG_OP = 'DELETE' OR OLD.id <> NEW.id) THEN
    DELETE FROM table_homes
    WHERE id = OLD.id AND partition_year = OLD.partition_year AND region_code = OLD.region_code;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  INSERT INTO table_homes (id, region_code, partition_year)
  VALUES (NEW.id, NEW.region_code, NEW.partition_year)
  ON CONFLICT (id) DO UPDATE
  SET region_code = EXCLUDED.region_code, partition_year = EXCLUDED.partition_year;
  RETURN NEW;
END $$""",
    "CREATE TRIGGER perf_tables_home AFTER INSERT OR DELETE OR UPDATE OF id, region_code, partition_year "
    "ON perf_tables FOR EACH ROW EXECUTE FUNCTION table_homes_keep()",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS perf_tables_home ON perf_tables",
    "DROP FUNCTION IF EXISTS table_homes_keep()",
)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER perf_tables_home_insert AFTER INSERT ON perf_tables BEGIN "
    "INSERT OR REPLACE INTO table_homes (id, region_code, partition_year) "
    "VALUES (new.id, new.region_code, new.partition_year); END",
    "CREATE TRIGGER perf_tables_home_update AFTER UPDATE OF id, region_code, partition_year ON perf_tables "
    "BEGIN DELETE FROM table_homes WHERE id = old.id; "
    "INSERT OR REPLACE INTO table_homes (id, region_code, partition_year) "
    "VALUES (new.id, new.region_code, new.partition_year); END",
    "CREATE TRIGGER perf_tables_home_delete AFTER DELETE ON perf_tables BEGIN "
    "DELETE FROM table_homes WHERE id = old.id; END",
)
SQLITE_DROP = tuple(
    f"DROP TRIGGER IF EXISTS perf_tables_home_{event}" for event in ("insert", "update", "delete")
)

revision = "0016_table_homes"
down_revision = "0015_region_partitions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The map table, its triggers and its rows; short pending lists on PostgreSQL's trigram indexes."""
    op.create_table(
        "table_homes",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("partition_year", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_table_homes")),
    )
    conn = op.get_bind()
    for statement in PG_TRIGGERS if conn.dialect.name == "postgresql" else SQLITE_TRIGGERS:
        conn.execute(sa.text(statement))
    conn.execute(
        sa.text(
            "INSERT INTO table_homes (id, region_code, partition_year) "
            "SELECT id, region_code, partition_year FROM perf_tables"
        )
    )
    if conn.dialect.name == "postgresql":
        search_indexes.limit_pending_lists(conn)


def downgrade() -> None:
    """Drop the triggers and the map table (the pending-list setting stays: it changes no result)."""
    conn = op.get_bind()
    for statement in PG_DROP if conn.dialect.name == "postgresql" else SQLITE_DROP:
        conn.execute(sa.text(statement))
    op.drop_table("table_homes")
