"""substring search indexes (SQLite FTS5 trigram, PostgreSQL pg_trgm) and indexes for filter + sort

Searching a name, unit or indicator text is a substring match (``LIKE '%…%'``), which no B-tree
serves. Each database gets its own trigram index, used by ``jixiao.store.search`` as a candidate
filter in front of the unchanged ``LIKE``:

- SQLite: two external-content FTS5 tables with the ``trigram`` tokenizer (``perf_tables_search`` over
  the project names, ``indicators_search`` over an indicator's name and values), kept in step by
  triggers on every insert, update and delete (cascades included).
- PostgreSQL: GIN ``gin_trgm_ops`` indexes on the project name and on the indicator's text
  (name, period and annual values joined). If the ``pg_trgm`` extension cannot be created here (not
  installed, or no right to create it) the migration goes on without them: search stays correct,
  only slower.

Neither kind is a SQLAlchemy object in ``schema.py`` (they exist on one database each);
``search.is_search_object`` tells Alembic's comparison to leave them alone.

Beware: an Alembic batch migration that recreates ``perf_tables`` or ``indicators`` on SQLite
("move and copy") drops their triggers; such a migration must create them again
(``create_sqlite_search`` below shows them).

Revision ID: 0003_search
Revises: 0002_evaluation
Create Date: 2026-11-24 20:00:00
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import text

revision = "0003_search"
down_revision = "0002_evaluation"
branch_labels = None
depends_on = None

SQLITE_SEARCH = (
    # project names
    "CREATE VIRTUAL TABLE perf_tables_search USING fts5("
    "name, content='perf_tables', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER perf_tables_search_insert AFTER INSERT ON perf_tables BEGIN "
    "INSERT INTO perf_tables_search(rowid, name) VALUES (new.id, new.name); END",
    "CREATE TRIGGER perf_tables_search_delete AFTER DELETE ON perf_tables BEGIN "
    "INSERT INTO perf_tables_search(perf_tables_search, rowid, name) VALUES ('delete', old.id, old.name); "
    "END",
    "CREATE TRIGGER perf_tables_search_update AFTER UPDATE OF id, name ON perf_tables BEGIN "
    "INSERT INTO perf_tables_search(perf_tables_search, rowid, name) VALUES ('delete', old.id, old.name); "
    "INSERT INTO perf_tables_search(rowid, name) VALUES (new.id, new.name); END",
    "INSERT INTO perf_tables_search(perf_tables_search) VALUES ('rebuild')",
    # indicators: name, 实施周期指标值, 年度指标值
    "CREATE VIRTUAL TABLE indicators_search USING fts5("
    "name, period_raw, annual_raw, content='indicators', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER indicators_search_insert AFTER INSERT ON indicators BEGIN "
    "INSERT INTO indicators_search(rowid, name, period_raw, annual_raw) "
    "VALUES (new.id, new.name, new.period_raw, new.annual_raw); END",
    "CREATE TRIGGER indicators_search_delete AFTER DELETE ON indicators BEGIN "
    "INSERT INTO indicators_search(indicators_search, rowid, name, period_raw, annual_raw) "
    "VALUES ('delete', old.id, old.name, old.period_raw, old.annual_raw); END",
    "CREATE TRIGGER indicators_search_update AFTER UPDATE ON indicators BEGIN "
    "INSERT INTO indicators_search(indicators_search, rowid, name, period_raw, annual_raw) "
    "VALUES ('delete', old.id, old.name, old.period_raw, old.annual_raw); "
    "INSERT INTO indicators_search(rowid, name, period_raw, annual_raw) "
    "VALUES (new.id, new.name, new.period_raw, new.annual_raw); END",
    "INSERT INTO indicators_search(indicators_search) VALUES ('rebuild')",
)

SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS indicators_search_update",
    "DROP TRIGGER IF EXISTS indicators_search_delete",
    "DROP TRIGGER IF EXISTS indicators_search_insert",
    "DROP TABLE IF EXISTS indicators_search",
    "DROP TRIGGER IF EXISTS perf_tables_search_update",
    "DROP TRIGGER IF EXISTS perf_tables_search_delete",
    "DROP TRIGGER IF EXISTS perf_tables_search_insert",
    "DROP TABLE IF EXISTS perf_tables_search",
)

# The indicator expression must be written the same way in jixiao.store.search for the planner to use it.
POSTGRES_SEARCH = (
    "CREATE INDEX ix_perf_tables_name_trgm ON perf_tables USING gin (name gin_trgm_ops)",
    "CREATE INDEX ix_indicators_text_trgm ON indicators USING gin "
    "(((name || ' ' || period_raw || ' ' || annual_raw)) gin_trgm_ops)",
)


def create_sqlite_search() -> None:
    """Create SQLite's full-text search tables and triggers."""
    for statement in SQLITE_SEARCH:
        op.execute(statement)


def _has_fts5() -> bool:
    bind = op.get_bind()
    try:
        bind.execute(text("CREATE VIRTUAL TABLE temp.jixiao_fts5_probe USING fts5(x, tokenize='trigram')"))
    except Exception:  # any failure means this SQLite has no FTS5 trigram tokenizer
        return False
    bind.execute(text("DROP TABLE temp.jixiao_fts5_probe"))
    return True


def _create_pg_trgm() -> bool:
    """CREATE EXTENSION pg_trgm inside a savepoint, so that failing it leaves the migration going."""
    bind = op.get_bind()
    savepoint = bind.begin_nested()
    try:
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as why:  # a missing package or a missing right: both mean go on without
        savepoint.rollback()
        logging.getLogger("alembic").warning(
            "pg_trgm 不可用，搜索不建三元组索引（结果不变，只是较慢）：%s", why
        )
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    """Add the listing and counting indexes and the dialect's text search (FTS5 or pg_trgm)."""
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        # visitors (status = 已公开) sorted by budget; the same for everyone. The id is the list's
        # tie-break: with it PostgreSQL reads the index in the page's exact order and stops after a page.
        batch_op.create_index("ix_perf_tables_status_budget", ["status", "budget_fen", "id"], unique=False)
        batch_op.create_index("ix_perf_tables_budget", ["budget_fen", "id"], unique=False)
        # counts of "status + year + has errors/warnings/infos/outcome" read this index alone
        batch_op.create_index(
            "ix_perf_tables_status_year_found",
            ["status", "year", "errors", "warnings", "infos", "outcome"],
            unique=False,
        )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite" and _has_fts5():
        create_sqlite_search()
    elif dialect == "postgresql" and _create_pg_trgm():
        for statement in POSTGRES_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    """Drop the search structures and the listing indexes."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_indicators_text_trgm")
        op.execute("DROP INDEX IF EXISTS ix_perf_tables_name_trgm")
    with op.batch_alter_table("perf_tables", schema=None) as batch_op:
        batch_op.drop_index("ix_perf_tables_status_year_found")
        batch_op.drop_index("ix_perf_tables_budget")
        batch_op.drop_index("ix_perf_tables_status_budget")
