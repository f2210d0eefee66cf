"""The 监控表 workbook contract: its format name, sheet names and columns, for its writer and reader."""

from __future__ import annotations

FORMAT = "jixiao.monitoring/1"
META_SHEET = "jixiao"
MAIN_SHEET = "监控表"

FUNDS_COLUMNS = ("年初预算数", "全年预算数", "1-N月执行数", "执行率", "全年预计执行数", "进度指数", "预警")
INDICATOR_COLUMNS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "1-N月完成值",
    "全年预计完成情况",
    "完成目标可能性",
    "偏差原因分析",
    "改进措施",
    "预警",
)
# Columns (1-based) the reader relies on; they follow INDICATOR_COLUMNS and FUNDS_COLUMNS.
COL_TARGET, COL_CURRENT, COL_EXPECTED, COL_LIKELIHOOD, COL_REASON, COL_MEASURES, COL_LIGHT = (
    4,
    5,
    6,
    7,
    8,
    9,
    10,
)
FUNDS_COL_INITIAL, FUNDS_COL_BUDGET, FUNDS_COL_EXECUTED, FUNDS_COL_EXPECTED = 2, 3, 4, 6
