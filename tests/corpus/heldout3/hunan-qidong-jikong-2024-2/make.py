"""Builds document.xlsx: the 湖南 county 部门整体支出绩效目标表 (预算14表) of a 疾控中心 as the Excel sheet.

Stands for the table 祁东县财政局 published for 祁东县疾病预防控制中心 (page text in
heldout3/hunan-qidong-jikong-2024): '预算14表' and the title above, '填报单位:(盖章)', 部门名称, 年度预算申请
(万元) merged over five rows with the 按收入性质分 and 按支出性质分 blocks side by side (资金总额 on the
first row), 部门职能职责概述 and 整体绩效目标 as text rows, then 部门整体支出年度绩效指标 merged down the
left of the header 一级指标|二级指标|三级指标|指标值及单位 and every indicator row. Texts and values are
our own.

Run: ``.venv/bin/python tests/corpus/heldout3/hunan-qidong-jikong-2024-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

TREE = [
    ("产出指标", [
        ("数量指标", [("预防接种门诊督导次数", "12次以上"), ("结核病患者筛查人次", "800人次以上")]),
        ("质量指标", [("传染病报告及时率", "≥95%"), ("实验室检测结果准确率", "100%")]),
        ("时效指标", [("疫情报告处置时限", "2小时内")]),
        ("成本指标", [("日常公用经费", "不超预算")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("甲乙类传染病报告发病率", "低于全省平均水平")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("服务对象满意度", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str | int | float]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str | int | float]] = [
        [C("部门名称", 2), C("祁东县疾病预防控制中心", 4)],
        [C("年度预算申请\n(万元)", 2, 5), C("资金总额:", 1), 913.6, C("", 2)],
        ["按收入性质分:", 913.6, "按支出性质分:", 913.6],
        ["其中:一般公共预算:", 913.6, "其中:基本支出:", 846.1],
        ["政府性基金拨款:", "", "项目支出:", 67.5],
        ["纳入专户管理的非税收入拨款:", "", "其他资金:", ""],
        [C("部门职能职责概述", 2), C("负责全县免疫规划、传染病和慢性病防控、突发公共卫生事件处置、卫生检验检测和健康教育等工作。", 4)],
        [C("整体绩效目标", 2), C("全面完成年度免疫规划和重点传染病防控任务,及时处置突发公共卫生事件,提高群众健康素养。", 4)],
        [C("部门整体支出年度绩效指标", rs=count + 1), "一级指标", "二级指标", C("三级指标", 2), "指标值及单位"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str | int | float] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [C(name, 2), value]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_xlsx(
        layout(),
        HERE / "document.xlsx",
        title=["预算14表", "2023年祁东县部门整体支出绩效目标表", "填报单位:(盖章)"],
        sheet="预算14表",
    )
