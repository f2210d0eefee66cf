"""monitoring snapshots, the funds block and year-end self-evaluations (jixiao.store.evaluation)

Revision ID: 0002_evaluation
Revises: 0002 (the review outcome's reason)
Create Date: 2026-11-24 19:10:00

The second migration after 0002 (its file once also began 0002_; renamed 0002b so the files sort in
the order they run — the revision id stays, as databases record it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_evaluation"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables of funds, 运行监控 snapshots and 自评 records."""
    op.create_table(
        "funds_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("initial_fen", sa.BigInteger(), nullable=False),
        sa.Column("budget_fen", sa.BigInteger(), nullable=False),
        sa.Column("executed_fen", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_funds_rows_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funds_rows")),
        sa.UniqueConstraint("table_id", "year", "label", name="uq_funds_rows_table_year_label"),
    )
    op.create_table(
        "monitoring_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("expected_executed_fen", sa.BigInteger(), nullable=True),
        sa.Column("light", sa.String(length=10), nullable=False),
        sa.Column("funds_light", sa.String(length=10), nullable=False),
        sa.Column("funds_index_cents", sa.BigInteger(), nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("latest", sa.Boolean(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_monitoring_snapshots_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_monitoring_snapshots_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_snapshots")),
        sa.UniqueConstraint("table_id", "year", "months", name="uq_monitoring_snapshots_table_year_months"),
    )
    with op.batch_alter_table("monitoring_snapshots", schema=None) as batch_op:
        batch_op.create_index("ix_monitoring_snapshots_table", ["table_id"], unique=False)
        batch_op.create_index("ix_monitoring_snapshots_latest_light", ["latest", "light"], unique=False)

    op.create_table(
        "monitoring_funds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("executed_fen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["monitoring_snapshots.id"],
            name=op.f("fk_monitoring_funds_snapshot_id_monitoring_snapshots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_funds")),
    )
    with op.batch_alter_table("monitoring_funds", schema=None) as batch_op:
        batch_op.create_index("ix_monitoring_funds_snapshot", ["snapshot_id"], unique=False)

    op.create_table(
        "monitoring_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.String(length=60), nullable=False),
        sa.Column("level2", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("target_raw", sa.Text(), nullable=False),
        sa.Column("current", sa.Text(), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("likelihood", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("light", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["monitoring_snapshots.id"],
            name=op.f("fk_monitoring_lines_snapshot_id_monitoring_snapshots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_lines")),
    )
    with op.batch_alter_table("monitoring_lines", schema=None) as batch_op:
        batch_op.create_index("ix_monitoring_lines_snapshot", ["snapshot_id"], unique=False)

    op.create_table(
        "self_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("goal_actual", sa.Text(), nullable=False),
        sa.Column("funds_reason", sa.Text(), nullable=False),
        sa.Column("budget_score_cents", sa.Integer(), nullable=False),
        sa.Column("indicators_score_cents", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=4), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["perf_tables.id"],
            name=op.f("fk_self_evaluations_table_id_perf_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_self_evaluations_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_evaluations")),
        sa.UniqueConstraint("table_id", "year", name="uq_self_evaluations_table_year"),
    )
    with op.batch_alter_table("self_evaluations", schema=None) as batch_op:
        batch_op.create_index("ix_self_evaluations_grade", ["grade"], unique=False)
        batch_op.create_index("ix_self_evaluations_total", ["total_cents"], unique=False)

    op.create_table(
        "self_evaluation_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.String(length=60), nullable=False),
        sa.Column("level2", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("target_raw", sa.Text(), nullable=False),
        sa.Column("actual", sa.Text(), nullable=False),
        sa.Column("weight_cents", sa.Integer(), nullable=True),
        sa.Column("entered_score_cents", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("reduction_cents", sa.Integer(), nullable=True),
        sa.Column("reduction_reason", sa.Text(), nullable=True),
        sa.Column("reduction_by", sa.Integer(), nullable=True),
        sa.Column("score_cents", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["self_evaluations.id"],
            name=op.f("fk_self_evaluation_lines_evaluation_id_self_evaluations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reduction_by"], ["users.id"], name=op.f("fk_self_evaluation_lines_reduction_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_evaluation_lines")),
    )
    with op.batch_alter_table("self_evaluation_lines", schema=None) as batch_op:
        batch_op.create_index("ix_self_evaluation_lines_evaluation", ["evaluation_id"], unique=False)


def downgrade() -> None:
    """Drop the funds, monitoring and self-evaluation tables."""
    for name in (
        "self_evaluation_lines",
        "self_evaluations",
        "monitoring_lines",
        "monitoring_funds",
        "monitoring_snapshots",
        "funds_rows",
    ):
        op.drop_table(name)
