"""Builds document.xlsx: a 重庆 区县 部门预算公开表 sheet '表十三' holding two 项目支出绩效目标表.

Stands for the workbook 石柱土家族自治县民政局 published with its 2022 部门预算 (one sheet a table: 封面,
表一 … 表十三; see README): the sheet's own title rows '表十三' / the table title / '编制单位' and
'单位:万元', then per project 专项资金名称, 业务主管部门, 当年预算, 项目概况, 立项依据, 当年绩效目标 and
an indicator block without 一级/二级 columns: 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值, the
operator in 指标性质 (≥, ≤, =, 定性) and the bare number in 指标值. Projects, texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout8/chongqing-shizhu-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# (专项资金名称, 当年预算, 概况, 目标, [(指标, 权重, 计量单位, 指标性质, 指标值)])
PROJECTS = [
    (
        "城乡低保对象临时价格补贴",
        "312.50",
        "对城乡低保对象、特困人员按月发放临时价格补贴",
        "按时足额发放补贴,缓解物价上涨对困难群众基本生活的影响",
        [
            ("补贴发放人次", "25", "人次", "≥", "52000"),
            ("补贴按时发放率", "20", "%", "=", "100"),
            ("人均月补贴标准", "15", "元", "≤", "60"),
            ("困难群众基本生活保障水平", "20", "", "定性", "稳步提高"),
            ("受助群众满意度", "20", "%", "≥", "90"),
        ],
    ),
    (
        "养老机构运营补贴",
        "86.00",
        "对县内公办及民办养老机构按入住老人数给予运营补贴",
        "保障养老机构正常运营,提升入住老人照护服务质量",
        [
            ("补贴养老机构数量", "25", "个", "≥", "14"),
            ("入住老人护理达标率", "20", "%", "≥", "95"),
            ("每床每月补贴标准", "15", "元", "=", "150"),
            ("入住老人满意度", "20", "%", "≥", "92"),
        ],
    ),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("编制单位:", 1), C("316-石柱土家族自治县民政局", 4), "单位:万元"],
    ]
    for name, budget, overview, goal, indicators in PROJECTS:
        rows += [
            ["专项资金名称", C(name, 5)],
            ["业务主管部门", C("316-石柱土家族自治县民政局", 5)],
            ["当年预算", C(budget, 5)],
            ["项目概况", C(overview, 5)],
            ["立项依据", C("《重庆市社会救助条例》及县级有关文件", 5)],
            ["当年绩效目标", C(goal, 5)],
            [C("绩效指标", rs=len(indicators) + 1), "指标", "指标权重", "计量单位", "指标性质", "指标值"],
        ]
        for indicator in indicators:
            rows.append(list(indicator))
    return rows


if __name__ == "__main__":
    write_xlsx(
        layout(),
        HERE / "document.xlsx",
        title=("表十三", "2022年项目支出绩效目标表"),
        sheet="表十三",
    )
