"""Tables for in-year monitoring (运行监控) and the year-end self-evaluation (单位自评) of a stored table.

Same MetaData as `jixiao.store.schema`, created by migration ``0002_evaluation``. Amounts are kept in
分 (integers, exact on SQLite and PostgreSQL) although users type 万元; weights and scores in
hundredths of a point. Funds totals are never stored: they are always the sum of the rows
(rules.md §11.25 — the T1 table typed a 0/0/0 total and scored 0 instead of 10).

What the unit typed is stored as typed (actual values are text: ``1100``, ``达成年度指标``); what the
scoring core computed from it (score, explanation, light, total, grade, profile) is stored beside it
so the dashboard and lists are plain SQL, and recomputed on every save.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jixiao.store.schema import UtcDateTime, metadata, table_key_columns

# 年度资金: one row per source of money (当年财政拨款 / 上年结转资金 / 其他资金) of a table-year.
funds_rows = Table(
    "funds_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("label", String(40), nullable=False),
    Column("initial_fen", BigInteger, nullable=False, default=0),  # 年初预算数
    Column("budget_fen", BigInteger, nullable=False, default=0),  # 全年预算数 (A)
    Column("executed_fen", BigInteger, nullable=False, default=0),  # 全年执行数 (B)
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("table_id", "year", "label", name="uq_funds_rows_table_year_label"),
)

# A 1–N月 monitoring report; saving the same period again replaces it.
monitoring_snapshots = Table(
    "monitoring_snapshots",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("months", Integer, nullable=False),
    Column("profile", String(40), nullable=False),
    Column("expected_executed_fen", BigInteger, nullable=True),  # 全年预计执行数
    Column("light", String(10), nullable=False),  # worst light of the report
    Column("funds_light", String(10), nullable=False),
    Column("funds_index_cents", BigInteger, nullable=True),  # 进度指数 × 100
    Column("errors", Integer, nullable=False, default=0),
    # the table's most recent period (the one the dashboard counts), kept up to date on every save
    Column("latest", Boolean, nullable=False, default=True),
    # the snapshot exactly as monitored, in the scoring core's JSON form (jixiao.monitoring/1)
    Column("document", Text, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("table_id", "year", "months", name="uq_monitoring_snapshots_table_year_months"),
)
Index("ix_monitoring_snapshots_table", monitoring_snapshots.c.table_id)
Index("ix_monitoring_snapshots_latest_light", monitoring_snapshots.c.latest, monitoring_snapshots.c.light)

# 1–N月执行数 per funds row (the total is their sum).
monitoring_funds = Table(
    "monitoring_funds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("snapshot_id", Integer, ForeignKey("monitoring_snapshots.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("label", String(40), nullable=False),
    Column("executed_fen", BigInteger, nullable=False, default=0),
)
Index("ix_monitoring_funds_snapshot", monitoring_funds.c.snapshot_id)

monitoring_lines = Table(
    "monitoring_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("snapshot_id", Integer, ForeignKey("monitoring_snapshots.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("level1", String(60), nullable=False),
    Column("level2", String(60), nullable=False),
    Column("name", String(300), nullable=False),
    Column("target_raw", Text, nullable=False),
    Column("current", Text, nullable=False, default=""),  # 1–N月完成值
    Column("expected", Text, nullable=False, default=""),  # 全年预计完成情况
    Column("likelihood", String(10), nullable=False),  # 确定能 | 有可能 | 不可能
    Column("reason", Text, nullable=False, default=""),  # 偏差原因分析
    Column("measures", Text, nullable=False, default=""),  # 改进措施
    Column("light", String(10), nullable=False),
)
Index("ix_monitoring_lines_snapshot", monitoring_lines.c.snapshot_id)

# The year-end 自评 of a table-year, with the result of scoring it.
self_evaluations = Table(
    "self_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    *table_key_columns(),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("profile", String(40), nullable=False),
    Column("goal_actual", Text, nullable=False, default=""),  # 年度总体目标 实际完成情况
    Column("funds_reason", Text, nullable=False, default=""),  # 预算执行 原因
    Column("budget_score_cents", Integer, nullable=False),
    Column("indicators_score_cents", Integer, nullable=False),
    Column("total_cents", Integer, nullable=False),
    Column("grade", String(4), nullable=False),
    Column("errors", Integer, nullable=False, default=0),
    Column("warnings", Integer, nullable=False, default=0),
    Column("explanation", Text, nullable=False, default=""),
    # the evaluation exactly as scored, in the scoring core's JSON form (jixiao.selfeval/1)
    Column("document", Text, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("table_id", "year", name="uq_self_evaluations_table_year"),
)

Index("ix_self_evaluations_grade", self_evaluations.c.grade)
Index("ix_self_evaluations_total", self_evaluations.c.total_cents)

self_evaluation_lines = Table(
    "self_evaluation_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("self_evaluations.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("level1", String(60), nullable=False),
    Column("level2", String(60), nullable=False),
    Column("name", String(300), nullable=False),
    Column("target_raw", Text, nullable=False),
    Column("actual", Text, nullable=False, default=""),  # 实际完成值, as typed
    Column("weight_cents", Integer, nullable=True),  # 分值
    Column("entered_score_cents", Integer, nullable=True),  # 得分 typed (qualitative)
    Column("reason", Text, nullable=False, default=""),  # 偏差原因分析及改进措施
    Column("not_applicable", Boolean, nullable=False, default=False),
    Column("reduction_cents", Integer, nullable=True),  # 审核人扣减
    Column("reduction_reason", Text, nullable=True),
    Column("reduction_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("score_cents", Integer, nullable=False),  # computed
    Column("method", String(30), nullable=False),
    Column("explanation", Text, nullable=False, default=""),
)
Index("ix_self_evaluation_lines_evaluation", self_evaluation_lines.c.evaluation_id)

EVALUATION_TABLES = (
    funds_rows,
    monitoring_snapshots,
    monitoring_funds,
    monitoring_lines,
    self_evaluations,
    self_evaluation_lines,
)
