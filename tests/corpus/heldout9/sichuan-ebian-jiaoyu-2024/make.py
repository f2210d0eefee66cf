"""Builds document.xlsx: a 四川 部门预算项目绩效目标申报表 exported from the budget system to Excel.

Stands for the 2024 table 峨边彝族自治县教育局 publishes with its 部门预算 (see the set's README): title
'部门预算项目绩效目标申报表(2024年度)', '金额单位:元', one header row 单位名称 | 项目名称 | 预算数 | 年度目标 |
一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性, a 部门 subtotal row, then each
project with 单位名称 / 项目名称 / 预算数 / 年度目标 merged down its indicator rows, the indicators in the
system's order (not 产出 first), the comparator in 指标性质 and the bare number in 指标值, amounts in 元
with thousands separators. Projects, texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout9/sichuan-ebian-jiaoyu-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "831001-峨边彝族自治县教育局"
# (项目名称, 预算数, 年度目标, [(一级, 二级, 三级, 指标性质, 指标值, 度量单位, 权重, 方向)])
PROJECTS = [
    (
        "学前教育保教费减免补助",
        "1,286,400.00",
        "对全县在园幼儿按标准减免保教费,减轻家庭教育负担。",
        [
            ("效益指标", "社会效益指标", "适龄幼儿入园率", "≥", "90", "%", "20", "正向指标"),
            ("产出指标", "数量指标", "享受减免幼儿人数", "≥", "2680", "人", "20", "正向指标"),
            ("产出指标", "时效指标", "资金拨付及时率", "=", "100", "%", "10", "正向指标"),
            ("产出指标", "成本指标", "生均年减免标准", "≤", "480", "元/生", "10", "反向指标"),
            ("产出指标", "质量指标", "减免对象认定准确率", "=", "100", "%", "20", "正向指标"),
            ("满意度指标", "服务对象满意度指标", "幼儿家长满意度", "≥", "95", "%", "20", "正向指标"),
        ],
    ),
    (
        "农村义务教育学校公用经费",
        "3,052,000.00",
        "保障农村义务教育学校正常运转,改善办学条件。",
        [
            ("产出指标", "数量指标", "保障学校数", "=", "26", "所", "20", "正向指标"),
            ("产出指标", "质量指标", "学校正常运转率", "=", "100", "%", "20", "正向指标"),
            ("效益指标", "可持续影响指标", "义务教育巩固率", "≥", "98", "%", "20", "正向指标"),
            ("产出指标", "成本指标", "小学生均公用经费标准", "=", "720", "元/生·年", "20", "正向指标"),
            ("满意度指标", "服务对象满意度指标", "师生满意度", "≥", "90", "%", "20", "正向指标"),
        ],
    ),
]
HEADER = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
          "度量单位", "权重", "指标方向性"]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [[C("金额单位:元", 12)], HEADER, ["831-峨边彝族自治县教育局部门", "", "4,338,400.00", C("", 9)]]
    for name, budget, goal, indicators in PROJECTS:
        span = len(indicators)
        for i, indicator in enumerate(indicators):
            lead: list[C | str] = [C(UNIT, rs=span), C(name, rs=span), C(budget, rs=span), C(goal, rs=span)] if i == 0 else []
            rows.append(lead + list(indicator))
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("部门预算项目绩效目标申报表(2024年度)",), sheet="项目绩效目标")
