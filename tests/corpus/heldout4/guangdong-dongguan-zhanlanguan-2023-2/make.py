"""Builds document.xlsx: the 东莞市财政项目支出绩效目标表 of a 东莞 museum as the Excel sheet behind its page.

Stands for the table 东莞展览馆 published (see ../guangdong-dongguan-zhanlanguan-2022 for the page text): 预算单位
line, '项目 名称' beside 本年度申请市财政预算资金(万元), 实施周期总目标 beside 年度目标, and two indicator blocks
side by side on each row — 二级/三级/实施周期指标值 left, 二级/三级/当年度指标值 right — with 一级 merged down the
left. Project, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout4/guangdong-dongguan-zhanlanguan-2023-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# (一级, 二级, 三级, 实施周期指标值, 当年度指标值)
ROWS = [
    ("产出指标", "数量指标", "安防设备维护数量", "≥1200台(套)", "≥400台(套)"),
    ("产出指标", "数量指标", "消防设施检测次数", "12次", "4次"),
    ("产出指标", "质量指标", "安防系统完好率", "≥98%", "≥98%"),
    ("产出指标", "时效指标", "故障响应时间", "≤2小时", "≤2小时"),
    ("产出指标", "成本指标", "年度运维费用", "≤136.8万元", "≤45.6万元"),
    ("效益指标", "社会效益指标", "场馆安全责任事故", "0起", "0起"),
    ("效益指标", "可持续影响指标", "场馆安全运行保障", "长期", "长期"),
    ("满意度指标", "服务对象满意度指标", "观众安全感满意度", "≥90%", "≥90%"),
]
PERIOD_GOAL = "2023年至2025年保障场馆安防、消防系统全天候稳定运行,设备完好率保持在98%以上,杜绝安全责任事故。"
YEAR_GOAL = "2023年完成安防设备维护400台(套)以上,消防设施检测4次,全年无安全责任事故。"


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("预算单位:东莞展览馆", 9)],
        ["项目 名称", C("场馆安防系统运维支出", 4), C("本年度申请市财政预算资金(万元)", 2), C("45.6", 2)],
        [C("总体目标", rs=2), C("实施周期总目标(2023年--2025年)", 4), C("年度目标", 4)],
        [C(PERIOD_GOAL, 4), C(YEAR_GOAL, 4)],
        [
            C("绩效指标", rs=len(ROWS) + 1),
            "一级 指标",
            "二级 指标",
            "三级 指标",
            "实施周期指标值",
            "二级 指标",
            "三级 指标",
            C("当年度指标值", 2),
        ],
    ]
    seen: set[str] = set()
    for level1, level2, name, period, annual in ROWS:
        cells: list[C | str] = []
        if level1 not in seen:
            seen.add(level1)
            cells.append(C(level1, rs=sum(1 for row in ROWS if row[0] == level1)))
        cells += [level2, name, period, level2, name, C(annual, 2)]
        rows.append(cells)
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("东莞市财政项目支出绩效目标表", "( 2023 年度)"))
