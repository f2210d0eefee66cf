"""Builds document.pdf: the 安徽 county 项目支出绩效目标申报表 of an 经济开发区 管委会 (2021) as a PDF.

Stands for the form 金寨县经济开发区 published for its 2021 projects (page text in
heldout3/anhui-jinzhai-kaifaqu-2021): '(2021年度)', 项目名称, 主管部门 (the county finance bureau) beside
实施单位, 项目资金(万元) merged over 年度资金总额 / 其中:财政拨款 / 其他资金, 年度目标, then 绩效指标 merged
down the indicator rows with 一级|二级|三级|指标值, 三级 cells numbered '指标1:' and carrying the
template's '(≥**%)' leftovers, some 三级 cells a whole sentence; the template's notes below. Texts
and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout3/anhui-jinzhai-kaifaqu-2021-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

TREE = [
    ("产出指标", [
        ("数量指标", [("指标1:维保消防设施安置小区数量", "6个"), ("指标2:更换灭火器数量(≥**具)", "≥1500具")]),
        ("质量指标", [("指标1:消防设施完好率(≥**%)", "≥95%")]),
        ("时效指标", [("指标1:隐患整改及时性", "发现后7日内整改")]),
        ("成本指标", [("指标1:项目总成本(≤**万元)", "≤96万元")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("指标1:安置小区火灾事故发生起数", "0起")]),
        ("可持续影响指标", [("指标1:消防设施维保长效机制", "持续保障")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("指标1:小区居民满意度(≥**%)", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        ["项目名称", C("安置小区消防设施维护保养", 4)],
        ["主管部门", "县财政局", "实施单位", C("安徽金寨经济开发区管理委员会", 2)],
        [C("项目资金\n(万元)", rs=3), C("年度资金总额:", 2), C("96", 2)],
        [C("其中:财政拨款", 2), C("96", 2)],
        [C("其他资金", 2), C("", 2)],
        ["年度目标", C("目标1:完成6个安置小区消防设施的维护保养和隐患整改,保障居民消防安全", 4)],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, value]
                rows.append(row)
    rows.append([C("注: 1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金、社会资金等。\n"
                   "2.各单位可根据项目特点自行增加或减少二级指标,并细化三级指标。", 5)])
    return rows


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=["项目支出绩效目标申报表", "(2021年度)"])
