"""Builds document.xlsx: a 如皋市图书馆 (江苏) project target table as an Excel attachment.

Composed from the ordinary 江苏 县级 项目支出绩效目标表: a title row, '单位名称：… 金额单位：万元', 项目名称 /
主管部门 | 实施单位 / 项目资金 merged down over 年度资金总额, 其中：财政拨款 and 其他资金 (amounts as numbers
shown '0.00'), 年度绩效目标, then 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down. Texts and
figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/jiangsu-rugao-tushuguan-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

GOAL = "举办全民阅读推广活动，采购电子图书和数据库资源，提升公共图书馆服务效能。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("全民阅读推广及数字资源购置经费", cs=3)],
    ["主管部门", "如皋市文化广电和旅游局", "实施单位", "如皋市图书馆"],
    [C("项目资金", rs=3), "年度资金总额", C(42.8, cs=2)],
    ["其中：财政拨款", C(42.8, cs=2)],
    ["其他资金", C(0, cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "举办阅读推广活动场次", "≥60场"],
    ["新增数字资源容量", "≥8TB"],
    ["质量指标", "图书外借册次", "≥35万册次"],
    ["时效指标", "数字资源采购完成时间", "2024年10月底前"],
    ["成本指标", "数字资源采购成本", "≤26万元"],
    ["效益指标", "社会效益指标", "市民综合阅读率", "逐步提高"],
    ["满意度指标", "服务对象满意度指标", "读者满意度", "≥95%"],
]
TITLE = ["2024年度项目支出绩效目标表", "单位名称：如皋市图书馆                              金额单位：万元"]


def main() -> None:
    path = HERE / "document.xlsx"
    write_xlsx(LAYOUT, path, TITLE, sheet="项目绩效目标")
    book = load_workbook(path)
    sheet = book.active
    for row in (5, 6, 7):
        sheet.cell(row, 3).number_format = "0.00"
    book.properties.modified = book.properties.created
    book.save(path)


if __name__ == "__main__":
    main()
