"""accounts and audit to 等保2.0 level 2: throttled logins, idle sessions, disabled and demo users,
an append-only, hash-chained audit log

- ``users``: ``disabled_at``, ``demo``, ``password_changed_at``; the old per-user failure counter
  (``failed_logins``, ``locked_until``) gives way to ``login_throttle`` (per account, per address, per
  pair; see jixiao.store.throttle).
- ``sessions``: ``last_seen_at`` for the idle timeout, an index by user for "log out everywhere".
- ``audit_log``: ``actor``, ``address``, ``outcome``, and the chain (``seq``, ``prev_hash``,
  ``row_hash``), computed here for the rows already present; ``audit_chain`` holds the head.
- Triggers refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit rows, except the DELETE by
  ``jixiao audit archive`` of rows older than 180 days that lie before the archive anchor.

Revision ID: 0004_audit_chain_accounts
Revises: 0003_search
Create Date: 2026-11-30 08:00:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from jixiao.store.audit import GENESIS, row_hash
from jixiao.store.schema import UtcDateTime

revision = "0004_audit_chain_accounts"
down_revision = "0003_search"
branch_labels = None
depends_on = None

REFUSAL = "审计日志只能追加，不能修改或删除"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "WHEN NOT (old.created_at < strftime('%Y-%m-%d %H:%M:%f', 'now', '-180 days') "
    "AND old.seq <= (SELECT anchor_seq FROM audit_chain WHERE id = 1)) "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
)
POSTGRES_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.created_at < (now() AT TIME ZONE 'UTC') - interval '180 days'
       AND OLD.seq <= (SELECT anchor_seq FROM audit_chain WHERE id = 1) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
END $$""",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)
DROP_TRIGGERS = {
    "sqlite": ("DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"),
    "postgresql": (
        "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
        "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
        "DROP FUNCTION IF EXISTS audit_log_append_only()",
    ),
}


def _chain_existing_rows() -> tuple[int, str]:
    """Number and hash the rows written before the chain existed, oldest first."""
    bind = op.get_bind()
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("user_id", sa.Integer()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("detail", sa.Text()),
        sa.column("created_at", UtcDateTime()),
        sa.column("seq", sa.BigInteger()),
        sa.column("prev_hash", sa.String()),
        sa.column("row_hash", sa.String()),
    )
    seq, prev = 0, GENESIS
    rows = bind.execute(sa.select(log).order_by(log.c.id)).all()
    for old in rows:
        seq += 1
        detail = old.detail if old.detail else json.dumps({})
        row = {**old._mapping, "seq": seq, "actor": None, "address": None, "outcome": "success"}
        row["detail"] = detail
        digest = row_hash(prev, row)
        bind.execute(
            sa.update(log)
            .where(log.c.id == old.id)
            .values(seq=seq, prev_hash=prev, row_hash=digest, detail=detail)
        )
        prev = digest
    return seq, prev


def upgrade() -> None:
    """Hash-chain the audit log, add account columns (disabled, demo, password changed), drop lockout."""
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("demo", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
    # The users table is referenced by every other table: on SQLite it is not recreated (a batch
    # "move and copy" with foreign keys on would cascade), its columns are dropped in place (3.35+).
    for column in ("failed_logins", "locked_until"):
        if dialect == "sqlite":
            op.execute(f"ALTER TABLE users DROP COLUMN {column}")
        else:
            op.drop_column("users", column)
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_sessions_user", ["user_id"], unique=False)
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("anchor_seq", sa.BigInteger(), nullable=False),
        sa.Column("anchor_hash", sa.String(length=64), nullable=False),
        sa.Column("archived_before", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("actor", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("outcome", sa.String(length=20), nullable=False, server_default="success")
        )
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
    last_seq, last_hash = _chain_existing_rows()
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("row_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(op.f("uq_audit_log_seq"), ["seq"])
        batch_op.create_index("ix_audit_log_created", ["created_at"], unique=False)
    chain = sa.table(
        "audit_chain",
        sa.column("id", sa.Integer()),
        sa.column("last_seq", sa.BigInteger()),
        sa.column("last_hash", sa.String()),
        sa.column("anchor_seq", sa.BigInteger()),
        sa.column("anchor_hash", sa.String()),
    )
    op.bulk_insert(
        chain,
        [{"id": 1, "last_seq": last_seq, "last_hash": last_hash, "anchor_seq": 0, "anchor_hash": GENESIS}],
    )
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    """Undo the audit chain and the account columns."""
    dialect = op.get_bind().dialect.name
    for statement in DROP_TRIGGERS.get(dialect, ()):
        op.execute(statement)
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_index("ix_audit_log_created")
        batch_op.drop_constraint(op.f("uq_audit_log_seq"), type_="unique")
        for column in ("row_hash", "prev_hash", "seq", "outcome", "address", "actor"):
            batch_op.drop_column(column)
    op.drop_table("audit_chain")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_index("ix_sessions_user")
        batch_op.drop_column("last_seen_at")
    op.drop_table("login_throttle")
    op.add_column("users", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("users", sa.Column("locked_until", sa.DateTime(), nullable=True))
    for column in ("password_changed_at", "demo", "disabled_at"):
        if dialect == "sqlite":
            op.execute(f"ALTER TABLE users DROP COLUMN {column}")
        else:
            op.drop_column("users", column)
