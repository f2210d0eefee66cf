"""Builds document.xlsx: a 永春县人民法院 (福建) target table exported from a budget system, one column hidden.

Composed from the exports of the provincial 预算管理一体化 systems that units publish as they come out of
the system: project facts as label/value rows in 元 (预算单位, 年度预算金额(元) as numbers), then 一级 |
二级 | 三级 | 指标性质 (≥ ≤ = 定性) | 指标值 (a number) | 计量单位 | 指标值说明, and a last column '指标ID'
holding the system's indicator codes, HIDDEN in Excel as the export leaves it. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/fujian-yongchun-fayuan-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "依法高效办理执行案件,及时足额发放司法救助金,保障当事人合法权益。"
ROWS: list[tuple[str, str, str, str, str | int, str, str]] = [
    ("产出指标", "数量指标", "审结执行案件数", "≥", 2600, "件", "全年执结案件"),
    ("产出指标", "数量指标", "发放司法救助人数", "≥", 45, "人", ""),
    ("产出指标", "质量指标", "执行案件法定审限内结案率", "≥", 95, "%", "法定审限内结案数/结案总数"),
    ("产出指标", "时效指标", "司法救助金发放时限", "≤", 15, "个工作日", "自决定救助之日起"),
    ("产出指标", "成本指标", "人均司法救助金额", "≤", 8000, "元", ""),
    ("效益指标", "社会效益指标", "当事人合法权益", "定性", "有效保障", "", ""),
    ("效益指标", "可持续影响指标", "执行难问题", "定性", "持续缓解", "", ""),
    ("满意度指标", "服务对象满意度指标", "当事人满意度", "≥", 90, "%", "抽样回访"),
]
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("执行案件办理及司法救助经费", cs=6), ""],
    ["预算单位", C("永春县人民法院", cs=2), "主管部门", C("永春县人民法院", cs=3), ""],
    ["年度预算金额(元)", C(1480000, cs=2), "其中：财政拨款(元)", C(1480000, cs=3), ""],
    ["年度绩效目标", C(GOAL, cs=6), ""],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标值说明", "指标ID"],
]
for number, (level1, level2, name, nature, value, unit, note) in enumerate(ROWS, start=1):
    LAYOUT.append([level1, level2, name, nature, value, unit, note, f"ZB2023035{number:04d}"])
TITLE = ["2023年度项目支出绩效目标表"]


def main() -> None:
    path = HERE / "document.xlsx"
    write_xlsx(LAYOUT, path, TITLE, sheet="绩效目标")
    book = load_workbook(path)
    book.active.column_dimensions["H"].hidden = True
    book.properties.modified = book.properties.created
    book.save(path)


if __name__ == "__main__":
    main()
