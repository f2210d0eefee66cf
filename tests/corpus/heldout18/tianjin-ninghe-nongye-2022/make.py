"""Builds document.xlsx: a 天津市宁河区农业农村委员会 (天津) project target table as an Excel attachment.

Composed from the ordinary 天津 区级 项目支出绩效目标表: a title row, '预算单位：… 单位：万元', 项目名称 /
主管部门 | 实施单位 / 项目资金 merged down over 年度资金总额, 其中：财政拨款, 其他资金 (amounts as numbers
shown '#,##0.00'), 年度绩效目标, then 一级 | 二级 | 三级 | 指标值 with 一级 merged down and 二级 repeated.
Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/tianjin-ninghe-nongye-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

GOAL = "新建高标准农田，配套建设灌排渠道和田间道路，提高耕地质量和粮食综合生产能力。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("高标准农田建设项目", cs=3)],
    ["主管部门", "天津市宁河区农业农村委员会", "实施单位", "天津市宁河区农田建设服务中心"],
    [C("项目资金", rs=3), "年度资金总额", C(7500, cs=2)],
    ["其中：财政拨款", C(7500, cs=2)],
    ["其他资金", C(0, cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), "数量指标", "高标准农田建设面积", "≥2.5万亩"],
    ["数量指标", "新建改造农田灌排渠道", "≥38公里"],
    ["质量指标", "工程验收合格率", "100%"],
    ["时效指标", "工程完工时间", "2022年11月30日前"],
    ["成本指标", "亩均建设投资", "≤3000元"],
    [C("效益指标", rs=2), "经济效益指标", "项目区粮食亩均增产", "≥50公斤"],
    ["生态效益指标", "农田灌溉水有效利用系数", "≥0.72"],
    ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"],
]
TITLE = ["2022年项目支出绩效目标表", "预算单位：天津市宁河区农业农村委员会                        单位：万元"]


def main() -> None:
    path = HERE / "document.xlsx"
    write_xlsx(LAYOUT, path, TITLE, sheet="绩效目标表")
    book = load_workbook(path)
    sheet = book.active
    for row in (5, 6, 7):
        sheet.cell(row, 3).number_format = "#,##0.00"
    book.properties.modified = book.properties.created
    book.save(path)


if __name__ == "__main__":
    main()
