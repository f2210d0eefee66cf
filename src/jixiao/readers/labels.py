"""The labels of a 项目绩效目标表, recognised by meaning whatever the layout.

A label is matched after normalisation (spaces dropped, full-width brackets made ASCII, any year
written as ``YYYY``), so ``2025年预算金额（元）`` and ``2024 年预算金额(元)`` are the same label.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache


class Label(StrEnum):
    TITLE = "title"
    NAME = "name"
    TYPE = "type"
    LEVEL = "level"
    DEPARTMENT = "department"
    UNIT = "unit"
    PERIOD = "period"
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    BUDGET = "budget"
    GOALS = "goals"
    PERIOD_GOAL = "period_goal"
    ANNUAL_GOAL = "annual_goal"
    INDICATORS = "indicators"  # the header cell 绩效指标 that opens the indicator block
    HEADER = "header"  # the other header cells: 一级指标 … 年度指标值


_YEAR = re.compile(r"(?:19|20|21)\d{2}")

_LABELS: dict[str, Label] = {
    "项目绩效目标表": Label.TITLE,
    "项目支出绩效目标表": Label.TITLE,
    "YYYY年项目绩效目标表": Label.TITLE,
    "YYYY年度项目绩效目标表": Label.TITLE,
    "项目绩效目标申报表": Label.TITLE,
    "项目支出绩效目标申报表": Label.TITLE,
    "项目名称": Label.NAME,
    "项目类型": Label.TYPE,
    "项目类别": Label.TYPE,
    "项目等级": Label.LEVEL,
    "项目级次": Label.LEVEL,
    "主管部门": Label.DEPARTMENT,
    "主管部门及代码": Label.DEPARTMENT,
    "用款单位": Label.UNIT,
    "实施单位": Label.UNIT,
    "项目实施单位": Label.UNIT,
    "预算单位": Label.UNIT,
    "项目单位": Label.UNIT,
    "实施周期": Label.PERIOD,
    "项目实施周期": Label.PERIOD,
    "起始年度": Label.PERIOD_START,
    "开始年度": Label.PERIOD_START,
    "到期年度": Label.PERIOD_END,
    "结束年度": Label.PERIOD_END,
    "YYYY年预算金额(元)": Label.BUDGET,
    "YYYY年预算金额(万元)": Label.BUDGET,
    "YYYY年度预算金额(元)": Label.BUDGET,
    "YYYY年度预算金额(万元)": Label.BUDGET,
    "预算金额(元)": Label.BUDGET,
    "预算金额(万元)": Label.BUDGET,
    "年度预算金额(元)": Label.BUDGET,
    "年度预算金额(万元)": Label.BUDGET,
    "总体绩效目标": Label.GOALS,
    "绩效目标": Label.GOALS,
    "实施周期总目标": Label.PERIOD_GOAL,
    "实施周期目标": Label.PERIOD_GOAL,
    "中长期目标": Label.PERIOD_GOAL,
    "总体目标": Label.PERIOD_GOAL,
    "YYYY年度目标": Label.ANNUAL_GOAL,
    "YYYY年目标": Label.ANNUAL_GOAL,
    "年度目标": Label.ANNUAL_GOAL,
    "年度绩效目标": Label.ANNUAL_GOAL,
    "绩效指标": Label.INDICATORS,
    "一级指标": Label.HEADER,
    "二级指标": Label.HEADER,
    "三级指标": Label.HEADER,
    "实施周期指标值": Label.HEADER,
    "年度指标值": Label.HEADER,
    "指标值": Label.HEADER,
    "指标性质": Label.HEADER,
    "度量单位": Label.HEADER,
    "计量单位": Label.HEADER,
    "权重": Label.HEADER,
    "分值": Label.HEADER,
}
_PREFIXES = frozenset(key[:i] for key in _LABELS for i in range(1, len(key)))
_BRACKETS = str.maketrans({"（": "(", "）": ")", "\u3000": None, " ": None, "\t": None})


def label_key(text: str) -> str:
    """A cell's text as a label key: no spaces, ASCII brackets, years as YYYY, no trailing colon."""
    key = text.translate(_BRACKETS).rstrip(":：")
    if len(key) > 24:
        return key
    return _YEAR.sub("YYYY", key, count=1)


@lru_cache(maxsize=8192)
def label_of(text: str) -> Label | None:
    """The label a cell is, or None."""
    if len(text) > 30:
        return None
    return _LABELS.get(label_key(text))


@lru_cache(maxsize=8192)
def is_label_prefix(text: str) -> bool:
    """True when the text is the first part of a label wrapped over several lines (``2025年预算金``)."""
    return len(text) < 24 and label_key(text) in _PREFIXES


def year_in(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group()) if match else None


HEADER_ROLES = frozenset(
    ("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "指标值", "指标性质",
     "度量单位", "计量单位", "权重", "分值")
)  # fmt: skip
