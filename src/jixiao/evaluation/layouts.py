"""The column layouts of the 项目支出绩效自评表 per profile (rules.md §6.7, §6.8, §11.24), as data.

The xlsx writer, the template and the tests read these tuples; nothing else spells the headers.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.evaluation.profiles import Layout
from jixiao.model import Kind, Target


@dataclass(frozen=True, slots=True)
class SelfEvaluationLayout:
    """Headers of the funds block and of the indicator block, and the funds rows, in order."""

    layout: Layout
    title: str
    funds_title: str
    funds_columns: tuple[str, ...]
    funds_rows: tuple[str, ...]
    indicators_title: str
    indicator_columns: tuple[str, ...]
    footer: str


CENTRAL_LAYOUT = SelfEvaluationLayout(
    layout=Layout.CENTRAL,
    title="项目支出绩效自评表",
    funds_title="年度资金（万元）",
    funds_columns=("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"),
    funds_rows=("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
    indicators_title="绩效指标",
    indicator_columns=(
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值（A）",
        "实际完成值（B）",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ),
    footer="总分",
)

SICHUAN_LAYOUT = SelfEvaluationLayout(
    layout=Layout.SICHUAN,
    title="项目支出绩效自评表",
    funds_title="预算执行情况（10分）（万元）",
    funds_columns=("年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"),
    funds_rows=("总额", "财政资金", "财政专户管理资金", "单位资金", "其他资金"),
    indicators_title="绩效指标（90分）",
    indicator_columns=(
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
    ),
    footer="合计",
)

HUBEI_LAYOUT = SelfEvaluationLayout(
    layout=Layout.HUBEI,
    title="项目支出绩效自评表",
    funds_title="预算执行情况（20分）（万元）",
    funds_columns=("年初预算数", "全年预算数", "全年执行数", "执行率", "得分"),
    funds_rows=("年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金"),
    indicators_title="年度绩效目标（80分）",
    indicator_columns=(
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值（A）",
        "实际完成值（B）",
        "权重",
        "得分",
        "偏差原因分析及改进措施",
    ),
    footer="总分",
)

LAYOUTS = {layout.layout: layout for layout in (CENTRAL_LAYOUT, SICHUAN_LAYOUT, HUBEI_LAYOUT)}


def nature_of(target: Target) -> str:
    """The 指标性质 cell of the Sichuan layout: ≥ > = < ≤ for quantitative targets, else 定性."""
    if target.kind is Kind.QUANTITATIVE and target.op is not None:
        return target.op.symbol
    return "定性"


# What each header holds, so writers and the template reader need no per-layout code.
INDICATOR_ROLES: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "年度指标值（A）": "target",
    "年初目标值（A）": "target",
    "指标性质": "nature",
    "指标值": "target_value",
    "度量单位": "target_unit",
    "实际完成值（B）": "actual",
    "完成值": "actual",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
    "偏差原因分析及改进措施": "reason",
    "未完成原因分析": "reason",
}

FUNDS_ROLES: dict[str, str] = {
    "年初预算数": "initial",
    "年初预算": "initial",
    "全年预算数（A）": "budget",
    "全年预算数": "budget",
    "调整后预算数": "budget",
    "全年执行数（B）": "executed",
    "全年执行数": "executed",
    "预算执行数": "executed",
    "分值": "weight",
    "权重": "weight",
    "执行率（B/A）": "rate",
    "执行率": "rate",
    "预算执行率": "rate",
    "得分": "score",
    "原因": "reason",
}
