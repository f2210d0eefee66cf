"""Builds document.xlsx: the 湖南 2025 项目支出绩效目标表 as the budget system exports it to Excel.

Stands for the table 南县疾病预防控制中心 published for its 2025 projects (the web page is the same
table flattened; see heldout2/hunan-nanxian-jikong-2025). One sheet: title row, 填报单位/金额单位 row,
项目支出名称 beside 部门预算, 年度本级预算金额 beside 该项目支出上级资金, 项目支出实施期, 项目绩效目标,
then 一级|二级|三级|指标值类型|目标值|度量单位|指标值内容|备注 with 一级 and 二级 merged down their rows,
目标值 stored as numbers. Project, goal and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout2/hunan-nanxian-jikong-2025-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

NAME = "公共场所及饮用水卫生监督专项"
GOAL = "完成全县公共场所、生活饮用水和学校卫生双随机监督抽检任务,依法查处卫生违法行为,保障群众健康权益。"
# (一级, [(二级, [(三级, 指标值类型, 目标值, 度量单位, 指标值内容)])])
TREE = [
    ("成本指标", [
        ("经济成本指标", [("卫生监督抽检经费", "≤", 24, "万元", "反映项目经费控制情况。")]),
        ("社会成本指标", [("项目实施对社会产生的不利影响", "定性", "无", "", "反映项目实施对社会的不利影响。")]),
    ]),
    ("产出指标", [
        ("数量指标", [("双随机监督抽检单位数", "≥", 260, "家", "反映完成抽检的单位数。"),
                      ("生活饮用水水质监测点", "=", 18, "个", "反映水质监测点数量。")]),
        ("质量指标", [("双随机任务完成率", "=", 100, "%", "反映任务完成情况。")]),
        ("时效指标", [("抽检结果公示时限", "≤", 20, "个工作日", "反映结果公示是否及时。")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("卫生违法案件查处率", "=", 100, "%", "反映违法行为查处情况。")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("监管对象满意度", "≥", 85, "%", "反映监管对象的满意程度。")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        [C("填报单位(盖章):南县疾病预防控制中心", 5), C("金额单位:万元", 3)],
        ["项目支出名称", C(NAME, 3), "部门预算", C(24, 3)],
        ["年度本级预算金额", C(24, 3), "该项目支出上级资金", C("", 3)],
        ["项目支出实施期", C("2025年", 7)],
        ["项目绩效目标", C(GOAL, 7)],
        ["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标值内容", "备注"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, op, value, unit, text) in enumerate(items):
                row: list[C | str | int | float] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, op, value, unit, text, text]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=["2025年项目支出绩效目标表"], sheet="项目支出绩效目标表")
