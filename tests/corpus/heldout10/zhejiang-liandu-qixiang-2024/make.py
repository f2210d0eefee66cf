"""Builds document.xlsx: a 浙江 district 气象局's 项目绩效目标表 kept in Excel, numbers as numbers.

Stands for the form a 浙江 district unit fills in the budget system and exports (see the set's README):
a title row and '单位:万元', 项目名称 / 主管部门 / 实施单位, 项目资金 merged over 年度资金总额 / 其中:财政拨款
/ 其他资金, 年度绩效目标, then the indicator block 一级 | 二级 | 三级 | 指标方向 | 目标值 | 计量单位 with
一级 and 二级 merged down and the values typed as numbers (98, not '98%'). Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout10/zhejiang-liandu-qixiang-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# 一级 → [(二级, [(三级, 指标方向, 目标值, 计量单位)])]
TREE = [
    (
        "产出指标",
        [
            ("数量指标", [("区域自动气象站维护数量", "≥", 38, "个"), ("气象预警信息发布次数", "≥", 120, "次")]),
            ("质量指标", [("自动站数据到报率", "≥", 98, "%")]),
            ("时效指标", [("站点故障修复时限", "≤", 48, "小时")]),
            ("成本指标", [("单站年均维护成本", "≤", 1.2, "万元")]),
        ],
    ),
    ("效益指标", [("社会效益指标", [("气象灾害预警覆盖率", "≥", 95, "%")])]),
    ("满意度指标", [("服务对象满意度指标", [("公众气象服务满意度", "≥", 90, "%")])]),
]


def layout() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        [C("单位:万元", 6)],
        ["项目名称", C("区域自动气象站运行维护", 5)],
        ["主管部门", C("丽水市莲都区气象局", 2), "实施单位", C("丽水市莲都区气象台", 2)],
        [C("项目资金", rs=3), "年度资金总额", C(52, 4)],
        ["其中:财政拨款", C(52, 4)],
        ["其他资金", C(0, 4)],
        ["年度绩效目标", C("保障全区区域自动气象站稳定运行,及时发布气象预警信息。", 5)],
        ["一级指标", "二级指标", "三级指标", "指标方向", "目标值", "计量单位"],
    ]
    for level1, groups in TREE:
        first1 = True
        span1 = sum(len(items) for _, items in groups)
        for level2, items in groups:
            for i, item in enumerate(items):
                row: list[C | str | int | float] = []
                if first1:
                    row.append(C(level1, rs=span1))
                    first1 = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                rows.append(row + list(item))
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("2024年项目绩效目标表",), sheet="项目绩效目标")
