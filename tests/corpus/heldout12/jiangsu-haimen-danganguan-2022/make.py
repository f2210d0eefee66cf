"""Builds document.xlsx: a 南通 district 档案馆's 部门预算 workbook with one sheet per project's 绩效目标表.

Stands for the multi-sheet workbooks units publish (see the set's README): a first sheet '项目支出预算表'
listing the unit's projects and amounts (no indicators), then one sheet per project, each with its own
title '2022年项目支出绩效目标表', '单位:万元', the project block (项目资金 merged over 年度资金总额 / 其中:财政拨款
/ 其他资金, numbers as numbers), and 绩效指标 merged down beside 一级 | 二级 | 三级 | 指标值 | 备注 with 一级
and 二级 merged down. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/jiangsu-haimen-danganguan-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import FIXED_TIME, C, Layout, place  # noqa: E402

UNIT = "南通市海门区档案馆"

# (project, amount in 万元, goal, [(一级, [(二级, [(三级, 指标值)])])])
PROJECTS = [
    (
        "馆藏档案数字化及安全保管经费",
        18.5,
        "完成馆藏纸质档案数字化加工,做好库房温湿度调控和消防安全,确保档案实体与信息安全。",
        [
            (
                "产出指标",
                [
                    ("数量指标", [("档案数字化扫描页数", "≥25万页"), ("库房安全巡查次数", "≥240次")]),
                    ("质量指标", [("数字化成果质检合格率", "≥99%")]),
                    ("时效指标", [("数字化加工完成时间", "2022年11月底前")]),
                    ("成本指标", [("每页数字化加工成本", "≤0.45元")]),
                ],
            ),
            ("效益指标", [("社会效益指标", [("档案查阅利用便捷程度", "显著提高")])]),
            ("满意度指标", [("服务对象满意度指标", [("查档群众满意度", "≥95%")])]),
        ],
    ),
    (
        "地方志编纂出版经费",
        12.0,
        "完成《海门年鉴(2022)》编纂出版,开展方志文化进机关、进校园活动。",
        [
            (
                "产出指标",
                [
                    ("数量指标", [("年鉴出版册数", "800册"), ("方志文化宣传活动场次", "≥6场")]),
                    ("质量指标", [("年鉴编校差错率", "≤0.01%")]),
                    ("时效指标", [("年鉴出版时间", "2022年10月底前")]),
                ],
            ),
            ("效益指标", [("社会效益指标", [("地情资料存史资政作用", "有效发挥")])]),
            ("满意度指标", [("服务对象满意度指标", [("读者满意度", "≥90%")])]),
        ],
    ),
]


def project_sheet(name: str, amount: float, goal: str, tree: list) -> list[list[C | str | int | float]]:
    count = sum(len(items) for _, seconds in tree for _, items in seconds)
    rows: list[list[C | str | int | float]] = [
        ["项目名称", C(name, 3), "项目类别", "一般性项目"],
        ["主管部门", C(UNIT, 3), "实施单位", UNIT],
        [C("项目资金", rs=3), C("年度资金总额", 2), C(amount, 3)],
        [C("其中:财政拨款", 2), C(amount, 3)],
        [C("其他资金", 2), C(0, 3)],
        ["年度绩效目标", C(goal, 5)],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值", "备注"],
    ]
    for first, seconds in tree:
        first_rows = sum(len(items) for _, items in seconds)
        for j, (second, items) in enumerate(seconds):
            for k, (third, value) in enumerate(items):
                row: list[C | str | int | float] = []
                if j == 0 and k == 0:
                    row.append(C(first, rs=first_rows))
                if k == 0:
                    row.append(C(second, rs=len(items)))
                rows.append([*row, third, value, ""])
    return rows


def fill(ws: object, layout: Layout, title: tuple[str, ...]) -> None:
    from openpyxl.styles import Alignment, Border, Side

    width, placed = place(layout)
    thin = Side(style="thin")
    for i, line in enumerate(title, start=1):
        ws.cell(i, 1, line)  # type: ignore[attr-defined]
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)  # type: ignore[attr-defined]
    offset = len(title)
    for r, c, cell in placed:
        target = ws.cell(offset + r + 1, c + 1, cell.text)  # type: ignore[attr-defined]
        target.alignment = Alignment(wrap_text=True, vertical="center")
        target.border = Border(thin, thin, thin, thin)
        if cell.cs > 1 or cell.rs > 1:
            ws.merge_cells(  # type: ignore[attr-defined]
                start_row=offset + r + 1,
                start_column=c + 1,
                end_row=offset + r + cell.rs,
                end_column=c + cell.cs,
            )


def main() -> None:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "项目支出预算表"
    listing: list[list[C | str | int | float]] = [["序号", "项目名称", "功能科目", "金额"]]
    for i, (name, amount, _, _) in enumerate(PROJECTS, start=1):
        listing.append([i, name, "2070199 其他文化和旅游支出" if i == 2 else "2010699 其他财政事务支出", amount])
    listing.append(["", "合计", "", sum(amount for _, amount, _, _ in PROJECTS)])
    fill(summary, listing, ("南通市海门区档案馆2022年项目支出预算表", "单位:万元"))
    for i, (name, amount, goal, tree) in enumerate(PROJECTS, start=1):
        ws = book.create_sheet(f"绩效目标表{i}")
        fill(ws, project_sheet(name, amount, goal, tree), ("2022年项目支出绩效目标表", "单位:万元"))
    book.properties.creator = "jixiao corpus"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(HERE / "document.xlsx")


if __name__ == "__main__":
    main()
