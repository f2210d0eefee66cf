"""The database schema (SQLAlchemy Core tables), the same on SQLite and PostgreSQL.

Money is kept in 分 (``budget_fen``, an integer): exact and sortable on both backends, where SQLite
has no decimal type. A table's content is kept whole, per version, as the JSON document of the open
data contract (product.md §6) in ``table_versions.document``; the current version's indicators and
findings are also kept as rows so that search, filters and the dashboard are plain SQL.
The Alembic migrations in ``store/alembic/versions`` create exactly this; a test compares them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both backends (SQLite would hand back naive ones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store a moment as naive UTC."""
        if value is None:
            return None
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Read a stored moment back as an aware UTC datetime."""
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# 主管部门 and 用款单位 are both organisations; a table names one of each.
orgs = Table(
    "orgs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    # 0006: the hierarchy 财政区划 (region) → 主管部门 (department) → 用款单位 (unit). A department that
    # spends itself (部门本级) is its own tables' unit. ``code``: a region's 财政区划 code ("000000":
    # unknown). A reviewer's scope is the subtree of their organisations (jixiao.store.orgs).
    Column("kind", String(20), nullable=True),  # region | department | unit
    Column("parent_id", Integer, nullable=True),  # an orgs.id (no constraint: SQLite adds it in place)
    Column("code", String(20), nullable=True),
    # 0012: the 财政区划 code this organisation belongs to (a region's own code when it is six digits, else
    # its parent's; "000000" when unknown), kept by jixiao.store.table_keys on every move
    Column("region_code", String(6), nullable=False, default="000000", server_default="000000"),
)
Index("ix_orgs_parent", orgs.c.parent_id)


def table_key_columns() -> list[Column[Any]]:
    """The two columns every fact table carries (0012): the 财政区划 code of the table's unit, by which
    the schema can be distributed (Citus), and the year its PostgreSQL partition is chosen by (the
    table's 年度, 0 when unknown). Filled on write from the table (jixiao.store.table_keys)."""
    return [
        Column("region_code", String(6), nullable=False, default="000000", server_default="000000"),
        Column("partition_year", Integer, nullable=False, default=0, server_default="0"),
    ]


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("display_name", String(120), nullable=False, default=""),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),  # filler | reviewer | admin
    Column("unit_id", Integer, ForeignKey("orgs.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    # 0004: a disabled user cannot log in; demo users (known passwords) log in only in demo mode
    Column("disabled_at", UtcDateTime(), nullable=True),
    Column("demo", Boolean, nullable=False, default=False, server_default="0"),
    Column("password_changed_at", UtcDateTime(), nullable=True),
    # 0016: a password an administrator (or the CLI's operator) set: changed at the next login
    Column("password_must_change", Boolean, nullable=False, default=False, server_default=false()),
)

# The hashes of a user's earlier passwords (0016), newest kept, so a new password cannot be one of
# the last `AccountPolicy.password_history`; only argon2 hashes, never a password.
password_history = Table(
    "password_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("retired_at", UtcDateTime(), nullable=False),
)
Index("ix_password_history_user", password_history.c.user_id, password_history.c.id)

# Failed logins per account, per source address and per (account, address) pair (0004). The key is
# a hash of the attempted name or address, so a name typed by mistake (or a password typed into the
# name field) is not kept, and unknown names are throttled exactly like real ones.
login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("lockouts", Integer, nullable=False, default=0),
    Column("locked_until", UtcDateTime(), nullable=True),
    Column("last_failure_at", UtcDateTime(), nullable=False),
)

# The departments a reviewer (审核人) reviews.
reviewer_departments = Table(
    "reviewer_departments",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("org_id", Integer, ForeignKey("orgs.id"), primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_seen_at", UtcDateTime(), nullable=True),  # 0004: the idle timeout counts from it
)
Index("ix_sessions_user", sessions.c.user_id)

perf_tables = Table(
    "perf_tables",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    # project name + unit + year: the same table imported twice is recognised by it.
    Column("identity", String(64), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("project_type", String(120), nullable=True),
    Column("unit_id", Integer, ForeignKey("orgs.id"), nullable=True),
    Column("department_id", Integer, ForeignKey("orgs.id"), nullable=True),
    Column("year", Integer, nullable=True),
    Column("budget_fen", BigInteger, nullable=True),
    Column("status", String(20), nullable=False),
    Column("current_version", Integer, nullable=False, default=1),
    # optimistic locking: every write bumps it; a save naming an older one is a conflict.
    Column("lock_version", Integer, nullable=False, default=1),
    Column("outcome", String(10), nullable=False),  # the review's 优/良/中/差
    Column("outcome_reason", Text, nullable=True),  # why, in one sentence (added in 0002)
    Column("errors", Integer, nullable=False, default=0),
    Column("warnings", Integer, nullable=False, default=0),
    Column("infos", Integer, nullable=False, default=0),
    Column("risk", BigInteger, nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    # 0005: a 目标调整 of a published table. The row, its indicators and findings stay the published
    # version (what visitors, lists, search and figures see); the adjustment's newest version is
    # ``pending_version`` in table_versions and its workflow status ``pending_status``, until it is
    # published and becomes the row (jixiao.store.adjustments).
    Column("pending_version", Integer, nullable=True),
    Column("pending_status", String(20), nullable=True),
)
Index("ix_perf_tables_status_year", perf_tables.c.status, perf_tables.c.year)
Index("ix_perf_tables_unit", perf_tables.c.unit_id)
Index("ix_perf_tables_department", perf_tables.c.department_id)
Index("ix_perf_tables_risk", perf_tables.c.risk)
Index("ix_perf_tables_updated", perf_tables.c.updated_at)
# visitors see one status (已公开), the queue another (已提交): filter and order from one index
Index("ix_perf_tables_status_updated", perf_tables.c.status, perf_tables.c.updated_at)
Index("ix_perf_tables_status_risk", perf_tables.c.status, perf_tables.c.risk)
# covering index: a search by name scans this instead of the table
Index("ix_perf_tables_name_unit", perf_tables.c.name, perf_tables.c.unit_id, perf_tables.c.status)
# visitors' lists sorted by budget read these in order (id: the tie-break) and stop after a page (0003)
Index("ix_perf_tables_status_budget", perf_tables.c.status, perf_tables.c.budget_fen, perf_tables.c.id)
Index("ix_perf_tables_budget", perf_tables.c.budget_fen, perf_tables.c.id)
# exact totals of "status + year + has errors/warnings/infos + outcome" come from this index alone
Index(
    "ix_perf_tables_status_year_found",
    perf_tables.c.status,
    perf_tables.c.year,
    perf_tables.c.errors,
    perf_tables.c.warnings,
    perf_tables.c.infos,
    perf_tables.c.outcome,
)
# 0016: each table's partition keys by id, kept by triggers on perf_tables (jixiao.store.table_homes):
# a page that knows only the id reads the year here, and PostgreSQL then reads one year's partition.
table_homes = Table(
    "table_homes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("region_code", String(6), nullable=False),
    Column("partition_year", Integer, nullable=False),
)
# Substring search also has a trigram index per database (SQLite FTS5 tables, PostgreSQL GIN indexes),
# made by migration 0003 and not described here: see jixiao.store.search.

table_versions = Table(
    "table_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("reason", Text, nullable=True),  # 目标调整的理由
    Column("created_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("table_id", "number", name="uq_table_versions_table_number"),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("level1", String(60), nullable=False),
    Column("level2", String(60), nullable=False),
    Column("name", String(300), nullable=False),
    Column("period_raw", Text, nullable=False),
    Column("annual_raw", Text, nullable=False),
    Column("line", Integer, nullable=True),
)
Index("ix_indicators_table", indicators.c.table_id)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("message", Text, nullable=False),
    Column("indicator", String(300), nullable=True),
    Column("line", Integer, nullable=True),
    Column("basis", Text, nullable=True),
    Column("suggestion", Text, nullable=True),
    # 0012: true when a reviewer dismissed it (settled by jixiao.service.active_findings): it then
    # leaves every count
    Column("dismissed", Boolean, nullable=False, default=False, server_default=false()),
)
Index("ix_findings_table", findings.c.table_id)
# the findings that count: not dismissed by a reviewer (the dashboard's figures read only these)
ACTIVE_FINDING = findings.c.dismissed == false()
Index("ix_findings_code", findings.c.code, findings.c.severity)  # covers the dashboard's count by rule

workflow_events = Table(
    "workflow_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(20), nullable=False),
    Column("from_status", String(20), nullable=True),
    Column("to_status", String(20), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("comment", Text, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
)
Index("ix_workflow_events_table", workflow_events.c.table_id)

# Append-only (triggers refuse UPDATE and DELETE, see migration 0004) and hash-chained: ``seq`` counts
# rows without gaps, ``row_hash`` is the hash of the row's content and ``prev_hash`` (jixiao.store.audit).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer, nullable=True),
    Column("detail", Text, nullable=False, default="{}"),  # JSON: what changed, old → new
    Column("created_at", UtcDateTime(), nullable=False),
    Column("actor", String(120), nullable=True),  # 0004: the operating-system user, for the CLI
    Column("address", String(64), nullable=True),  # 0004: the source address (web), or "cli"
    Column("outcome", String(20), nullable=False, default="success", server_default="success"),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("prev_hash", String(64), nullable=False),
    Column("row_hash", String(64), nullable=False),
    Column("key_id", String(16), nullable=True),  # 0012: which audit key signed the row (None: none)
)
Index("ix_audit_log_entity", audit_log.c.entity, audit_log.c.entity_id)
Index("ix_audit_log_created", audit_log.c.created_at)

# The head of the audit chain (one row, id 1): the last row's seq and hash, and the anchor left by
# archiving (the seq and hash of the last row moved out), from which the rows still here continue.
audit_chain = Table(
    "audit_chain",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("last_hash", String(64), nullable=False, default=""),
    Column("anchor_seq", BigInteger, nullable=False, default=0),
    Column("anchor_hash", String(64), nullable=False, default=""),
    Column("archived_before", UtcDateTime(), nullable=True),
)

# Uploaded files waiting for the user to confirm the import after seeing the preview.
uploads = Table(
    "uploads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("content", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

# Files stored by ``jixiao import`` (0005), by the SHA-256 of their bytes: a re-run of a bulk import
# skips a file whose content is here, whatever its name now (resumable, idempotent). A file is
# recorded after its tables are stored; a crash between the two only makes the next run read it again.
imported_files = Table(
    "imported_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("file", Text, nullable=False),  # the name it was first imported under
    Column("tables", Integer, nullable=False, default=0),
    Column("imported_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("imported_at", UtcDateTime(), nullable=False),
)

# 0005: a project across years. A table's link to last year's table of the same project: set by
# 复制到新年度 (``how`` = "copy") or by hand ("manual"). A row whose ``previous_id`` is NULL ("none")
# records that the unit unlinked the table, so no automatic match (same unit, same normalised
# project name, the year before) is offered again. Without a row, the automatic match applies.
table_links = Table(
    "table_links",
    metadata,
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), primary_key=True),
    Column("previous_id", Integer, ForeignKey("perf_tables.id", ondelete="SET NULL"), nullable=True),
    Column("how", String(10), nullable=False),  # copy | manual | none
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
)
Index("ix_table_links_previous", table_links.c.previous_id)

# 0005: a reviewer's comment on one indicator, found again by its stable place (一级/二级/三级), shown
# on that row to the unit until someone marks it resolved.
indicator_comments = Table(
    "indicator_comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("level1", String(60), nullable=False),
    Column("level2", String(60), nullable=False),
    Column("name", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("resolved_at", UtcDateTime(), nullable=True),
    Column("resolved_by", Integer, ForeignKey("users.id"), nullable=True),
)
Index("ix_indicator_comments_table", indicator_comments.c.table_id)

# 0005: a finding a reviewer dismissed with a reason. Findings are written anew on every save, so the
# dismissal names the finding by its rule and its stable place (an indicator's 一级/二级/三级, or a
# project field), and applies to every later version where the same rule finds the same place.
finding_dismissals = Table(
    "finding_dismissals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("place", String(400), nullable=False),
    Column("message", Text, nullable=False),  # what the finding said when it was dismissed
    Column("reason", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    # 0012: the version it was made on; it holds for that version and later ones (NULL: every one)
    Column("from_version", Integer, nullable=True),
    UniqueConstraint("table_id", "code", "place", name="uq_finding_dismissals_place"),
)
