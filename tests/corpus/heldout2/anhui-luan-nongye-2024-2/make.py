"""Builds document.pdf: the 安徽 项目支出绩效目标申报表 of 六安市农业农村局 (2024) as the PDF a unit attaches.

Stands for the table 六安市农业农村局 published for its 2024 projects (its page text is
heldout2/anhui-luan-nongye-2024): '(2024年度)', 项目责任人/单位(盖章), 项目名称, 主管部门及代码 '[066]…' beside
实施单位, 项目属性/项目期, 项目资金(万元) merged over three rows with 中期 and 年度 amounts side by side (each
with 财政拨款/其他资金), 中期目标(2024年—2026年) | 年度目标, then 绩效指标 merged down the indicator rows and two
blocks per row: 一级|二级|三级|指标值 (中期) and 二级|三级|指标值 (年度). Texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout2/anhui-luan-nongye-2024-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

NAME = "保障运转类-六安市农产品质量安全监测工作经费"
TREE = [
    ("产出指标", [
        ("数量指标", [("农产品质量安全定量检测样品数", "≥3600批次", "≥1200批次"),
                      ("农药残留快速检测数", "≥30000批次", "≥10000批次")]),
        ("质量指标", [("监测任务完成率", "100%", "100%")]),
        ("时效指标", [("监测结果报送及时率", "≥95%", "≥95%")]),
        ("成本指标", [("项目总成本", "≤62.4万元", "≤20.8万元")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("主要农产品监测合格率", "≥98%", "≥98%")]),
        ("可持续影响指标", [("农产品质量安全监管长效机制", "持续完善", "逐步完善")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("生产经营主体满意度", "≥90%", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        [C("项目名称", 2), C(NAME, 6)],
        [C("主管部门及代码", 2), C("[066]六安市农业农村局", 2), "实施单位", C("六安市农产品质量安全检测中心", 3)],
        [C("项目属性", 2), C("常年项目", 2), "项目期", C("3年", 3)],
        [C("项目资金\n(万元)", 2, 3), "中期资金总额:", "62.40", C("年度资金总额:", 2), C("20.80", 2)],
        ["其中:财政拨款", "62.40", C("其中:财政拨款", 2), C("20.80", 2)],
        ["其他资金", "0.00", C("其他资金", 2), C("0.00", 2)],
        [C("总体目标", rs=2), C("中期目标(2024年—2026年)", 3), C("年度目标", 4)],
        [
            C("三年内完成农产品质量安全定量检测3600批次以上,快速检测3万批次以上,主要农产品监测合格率稳定在98%以上。", 3),
            C("2024年完成定量检测1200批次以上、快速检测1万批次以上,及时报送监测结果,监测合格率保持在98%以上。", 4),
        ],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, mid, year) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, mid]
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, year]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=["项目支出绩效目标申报表", "(  2024  年度)", "项目责任人(签字):                单位(盖章):"],
        landscape=True,
    )
