"""Builds document.xlsx: the 蓬安 (四川) county 共青团 committee's target table with thousands separators.

Composed: the ordinary 项目支出绩效目标表 filled in Excel with the amounts in 元 and every large number typed
WITH THOUSANDS SEPARATORS as text — the budget '1,260,000.00' under '单位：元' and values such as
'≥1,500人次' and '≤12,000元/场'. Two-row project block (年度资金总额 | 其中：财政拨款 | 其他资金 as a header
row over their amounts), then 一级 | 二级 | 三级 | 指标值 with 一级 merged down and 二级 on every row.
Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/sichuan-pengan-tuanwei-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "实施青少年思想引领和“希望工程”助学行动,开展青少年心理关爱和青年就业创业培训。"
LAYOUT: list[list[C | str | int | float]] = [
    ["单位：元", C("", cs=3)],
    ["项目名称", C("青少年思想引领及关爱服务项目", cs=3)],
    ["主管部门", "共青团蓬安县委员会", "实施单位", "共青团蓬安县委员会"],
    [C("项目资金", rs=2), "年度资金总额", "其中：财政拨款", "其他资金"],
    ["1,260,000.00", "1,060,000.00", "200,000.00"],
    ["年度目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), "数量指标", "青少年主题教育活动参与人次", "≥1,500人次"],
    ["数量指标", "资助家庭经济困难学生", "≥120人"],
    ["质量指标", "资助对象精准识别率", "100%"],
    ["时效指标", "助学金发放完成时间", "2025年9月30日前"],
    ["成本指标", "单场就业创业培训成本", "≤12,000元/场"],
    [C("效益指标", rs=2), "社会效益指标", "青少年心理健康关爱覆盖面", "逐步扩大"],
    ["可持续影响指标", "共青团服务青年长效机制", "持续健全"],
    ["满意度指标", "服务对象满意度指标", "受助学生及家长满意度", "≥95%"],
]
TITLE = ["2025年项目支出绩效目标表"]


def main() -> None:
    write_xlsx(LAYOUT, HERE / "document.xlsx", TITLE, sheet="绩效目标表")


if __name__ == "__main__":
    main()
