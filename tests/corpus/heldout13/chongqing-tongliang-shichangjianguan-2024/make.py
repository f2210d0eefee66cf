"""Builds document.xlsx: a 重庆市铜梁区 市场监督管理局's target table split over three sheets.

Stands for workbooks where the form is cut into sheets: '封面' (title, unit and date only), '项目基本信息'
(key/value rows with the budget in 元 as a number) and '绩效指标' (the indicator table alone, with no
project name on the sheet). On the indicator sheet the 一级 is merged down, the 二级 is written on every
row, and the value is split into 指标值 (a number) | 计量单位 with a 指标方向 column (正向/反向) after it.
Composed; texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/chongqing-tongliang-shichangjianguan-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import FIXED_TIME, C, Layout, place  # noqa: E402

COVER: list[list[C | str | int | float]] = [
    ["重庆市铜梁区2024年项目支出绩效目标申报表"],
    ["申报单位：重庆市铜梁区市场监督管理局（盖章）"],
    ["填报日期：2024年1月10日"],
]

INFO: list[list[C | str | int | float]] = [
    ["项目名称", "食品安全抽检监测"],
    ["主管部门", "重庆市铜梁区市场监督管理局"],
    ["实施单位", "重庆市铜梁区食品药品检验所"],
    ["项目类型", "一次性项目"],
    ["预算年度", "2024年"],
    ["项目预算（元）", 1680000],
    ["其中：区级财政资金（元）", 1680000],
    ["年度绩效目标", "完成全区食品安全抽检监测任务，及时发现和处置食品安全风险。"],
]

# (一级, [(二级, 三级, 指标值, 计量单位, 指标方向)])
TREE: list[tuple[str, list[tuple[str, str, str | int | float, str, str]]]] = [
    (
        "产出指标",
        [
            ("数量指标", "食品安全抽检批次", 2400, "批次", "正向"),
            ("数量指标", "食用农产品快检批次", 12000, "批次", "正向"),
            ("质量指标", "抽检样品覆盖食品大类比例", 100, "%", "正向"),
            ("时效指标", "不合格产品核查处置按时完成率", 100, "%", "正向"),
            ("成本指标", "每批次抽检平均成本", 650, "元", "反向"),
        ],
    ),
    ("效益指标", [("社会效益指标", "全区食品安全评价性抽检合格率", 98, "%", "正向")]),
    ("满意度指标", [("服务对象满意度指标", "群众食品安全满意度", 85, "%", "正向")]),
]


def indicator_sheet() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标方向"]]
    for first, items in TREE:
        for index, item in enumerate(items):
            lead: list[C | str | int | float] = [C(first, rs=len(items))] if index == 0 else []
            rows.append(lead + list(item))
    return rows


def fill(ws: object, layout: Layout) -> None:
    from openpyxl.styles import Alignment, Border, Side

    _, placed = place(layout)
    thin = Side(style="thin")
    for r, c, cell in placed:
        target = ws.cell(r + 1, c + 1, cell.text)  # type: ignore[attr-defined]
        target.alignment = Alignment(wrap_text=True, vertical="center")
        target.border = Border(thin, thin, thin, thin)
        if cell.cs > 1 or cell.rs > 1:
            ws.merge_cells(  # type: ignore[attr-defined]
                start_row=r + 1, start_column=c + 1, end_row=r + cell.rs, end_column=c + cell.cs
            )


def main() -> None:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "封面"
    fill(cover, COVER)
    fill(book.create_sheet("项目基本信息"), INFO)
    fill(book.create_sheet("绩效指标"), indicator_sheet())
    book.properties.creator = "jixiao corpus"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(HERE / "document.xlsx")


if __name__ == "__main__":
    main()
