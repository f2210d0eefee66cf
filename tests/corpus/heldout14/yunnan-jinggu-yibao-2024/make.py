"""Builds document.xlsx: a 景谷 (云南) county 医疗保障局's project target table in the 部门预算公开 form.

Composed from the 云南 部门预算公开 project target table as published in many departments' budgets: one
sheet listing EVERY project of the unit, the project name and its 年度绩效目标 merged down over the project's
rows, then 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 指标属性 | 指标内容, the comparator in its
own column (≥ = ≤ and 定性), the unit in its own column and two text columns after the value. No amounts.
Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/yunnan-jinggu-yibao-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

HEADER = ["项目名称", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标属性", "指标内容"]
GOAL_1 = "按时足额落实城乡居民医疗保险财政补助,保障参保群众基本医疗待遇。"
GOAL_2 = "开展定点医药机构飞行检查和专项治理,守护医保基金安全。"
LAYOUT: list[list[C | str | int | float]] = [
    ["单位名称:景谷傣族彝族自治县医疗保障局", C("", cs=9)],
    HEADER,
    [C("城乡居民基本医疗保险县级配套补助资金", rs=6), C(GOAL_1, rs=6), C("产出指标", rs=3), "数量指标"]
    + ["城乡居民参保人数", "≥", 245000, "人", "定量指标", "年度参保登记人数"],
    ["质量指标", "财政补助资金到位率", "=", 100, "%", "定量指标", "到位资金/应补助资金"],
    ["时效指标", "补助资金拨付时限", "≤", 30, "日", "定量指标", "收到上级资金后拨付"],
    [C("效益指标", rs=2), "社会效益指标", "参保群众医疗费用负担", "定性", "有所减轻", "", "定性指标", ""],
    ["可持续影响指标", "基本医疗保险制度运行", "定性", "平稳持续", "", "定性指标", ""],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥", 90, "%", "定量指标", "问卷调查"],
    [C("医疗保障基金监管专项经费", rs=5), C(GOAL_2, rs=5), C("产出指标", rs=3), "数量指标"]
    + ["定点医药机构检查覆盖率", "=", 100, "%", "定量指标", "检查机构数/定点机构数"],
    ["数量指标", "开展专项治理行动", "≥", 2, "次", "定量指标", ""],
    ["成本指标", "监管工作经费", "≤", 18, "万元", "定量指标", "年度经费控制数"],
    ["效益指标", "社会效益指标", "欺诈骗保行为", "定性", "有效遏制", "", "定性指标", ""],
    ["满意度指标", "服务对象满意度指标", "定点医药机构满意度", "≥", 85, "%", "定量指标", ""],
]
TITLE = ["预算10表", "景谷傣族彝族自治县医疗保障局2024年部门预算项目支出绩效目标表"]


def main() -> None:
    write_xlsx(LAYOUT, HERE / "document.xlsx", TITLE, sheet="项目支出绩效目标表")


if __name__ == "__main__":
    main()
