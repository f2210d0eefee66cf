"""Builds document.xlsx: a 河津市 (山西) 文化和旅游局 target table in the 山西 县(区)级 申报表 form.

Reproduces the layout of the 山西 县(区)级预算部门(单位)项目支出绩效目标申报表 seen as an .xls of another
county's culture bureau (2023年度): 主管部门及代码 written '405-…', 项目期, the 项目资金(元) block with
实施期资金总额 and 年度资金总额 side by side, each with 中央 / 省级 / 市县(区) / 单位自筹 / 其他资金 sub-rows
and amounts as numbers shown with thousands separators, text rows 项目概况 … 项目实施计划, 实施期目标 |
年度目标, and the indicator block with the 实施期 indicators on the left and the 年度 indicators on the
right (一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值). Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/shanxi-hejin-wenlv-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL_PERIOD = "两年内完成全市非遗项目的展演、传承人培训和档案整理,形成非遗保护传承长效机制。"
GOAL_YEAR = "2023年开展非遗展演20场、培训传承人150人次,完成市级以上非遗项目建档。"
ROWS = [
    ("产出指标", "数量指标", "非遗项目传承展演场次", "≥40场", "≥20场"),
    ("产出指标", "数量指标", "非遗传承人培训人次", "≥300人次", "≥150人次"),
    ("产出指标", "质量指标", "非遗项目档案建档率", "100%", "100%"),
    ("产出指标", "时效指标", "展演活动完成时限", "2024年12月底前", "2023年12月底前"),
    ("产出指标", "成本指标", "单场展演补助标准", "≤8000元/场", "≤8000元/场"),
    ("效益指标", "社会效益指标", "非遗保护社会认知度", "明显提升", "逐步提升"),
    ("效益指标", "可持续影响指标", "非遗传承保护机制", "长效运行", "长效运行"),
    ("满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "≥90%"),
]


def indicator_rows() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        [C("绩效指标", rs=len(ROWS) + 1), "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]
    ]
    spans = {"产出指标": 5, "效益指标": 2, "满意度指标": 1}
    seen: set[str] = set()
    for level1, level2, name, period, annual in ROWS:
        row: list[C | str | int | float] = []
        if level1 not in seen:
            seen.add(level1)
            row.append(C(level1, rs=spans[level1]))
        row += [level2, name, period, level2, name, annual]
        rows.append(row)
    return rows


LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("2023年非物质文化遗产保护传承经费", cs=7)],
    ["主管部门及代码", C("405-河津市文化和旅游局", cs=3), "实施单位", C("河津市文化馆", cs=3)],
    ["项目属性", C("延续性项目", cs=3), "项目期", C("2年", cs=3)],
    [C("项目资金\n(元)", rs=6), "实施期资金总额：", C(1360000, cs=2), C("年度资金总额：", cs=2), C(680000, cs=2)],
    ["其中：中央财政资金", C(0, cs=2), C("其中：中央财政资金", cs=2), C(0, cs=2)],
    ["省级财政资金", C(0, cs=2), C("省级财政资金", cs=2), C(0, cs=2)],
    ["市县(区)财政资金", C(1360000, cs=2), C("市县(区)财政资金", cs=2), C(680000, cs=2)],
    ["单位自筹", C(0, cs=2), C("单位自筹", cs=2), C(0, cs=2)],
    ["其他资金", C(0, cs=2), C("其他资金", cs=2), C(0, cs=2)],
    ["项目概况", C("用于非遗项目展演、传承人培训补助、非遗档案整理和宣传。", cs=7)],
    ["立项依据", C("河文旅发〔2022〕31号关于非遗保护传承经费纳入预算的请示。", cs=7)],
    ["项目设立必要性", C("保护和传承本地非物质文化遗产,延续地方文化记忆。", cs=7)],
    ["保证项目实施的制度、措施", C("非遗保护专项资金管理办法,专账核算。", cs=7)],
    ["项目实施计划", C("上半年完成培训,下半年集中开展展演和建档。", cs=7)],
    [C("总体目标", rs=2), C("实施期目标", cs=3), C("年度目标", cs=4)],
    [C(GOAL_PERIOD, cs=3), C(GOAL_YEAR, cs=4)],
    *indicator_rows(),
]
TITLE = ["县(区)级预算部门(单位)项目支出绩效目标申报表", "(2023年度)"]


def main() -> None:
    path = HERE / "document.xlsx"
    write_xlsx(LAYOUT, path, TITLE, sheet="Sheet1")
    book = load_workbook(path)
    for row in book.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
    book.properties.modified = book.properties.created
    book.save(path)


if __name__ == "__main__":
    main()
