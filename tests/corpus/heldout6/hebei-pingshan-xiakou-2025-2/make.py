"""Builds document.pdf: a 河北 乡镇 unit's 项目支出绩效目标表 printed to PDF, as the budget disclosure attaches it.

Stands for the form 平山县下口镇财政所 published (see ../hebei-pingshan-xiakou-2025 for the page text): the
heading lines '项目支出绩效目标表', '920平山县下口镇财政所', '预算年度:2025', '单位:万元' above a four-column grid:
项目名称 / 项目单位 / 项目类别, 年度预算 merged down its 合计 / 财政拨款 / 其他资金 parts, 年度绩效目标, then
一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down their groups. Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout6/hebei-pingshan-xiakou-2025-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

# (一级, 二级, 三级, 指标值)
ROWS = [
    ("产出指标", "数量指标", "补贴耕地面积", "≥3.1万亩"),
    ("产出指标", "数量指标", "补贴农户户数", "≥5200户"),
    ("产出指标", "质量指标", "补贴资金兑付准确率", "100%"),
    ("产出指标", "时效指标", "补贴资金兑付时间", "2025年6月底前"),
    ("产出指标", "成本指标", "每亩补贴标准", "=95元/亩"),
    ("效益指标", "经济效益指标", "带动农户户均增收", "≥560元"),
    ("效益指标", "可持续影响指标", "耕地地力保护意识", "逐步增强"),
    ("满意度指标", "服务对象满意度指标", "补贴农户满意度", "≥92%"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("耕地地力保护补贴资金发放", 3)],
        ["项目单位", C("平山县下口镇财政所", 3)],
        ["项目类别", C("专项资金项目", 3)],
        [C("年度预算", rs=3), "合计", C("294.50", 2)],
        ["财政拨款", C("294.50", 2)],
        ["其他资金", C("", 2)],
        ["年度绩效目标", C("按时足额将耕地地力保护补贴资金兑付到户,保护耕地地力,稳定农民种粮收益。", 3)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    done: set[tuple[str, ...]] = set()
    for level1, level2, name, value in ROWS:
        cells: list[C | str] = []
        if (level1,) not in done:
            done.add((level1,))
            cells.append(C(level1, rs=sum(1 for r in ROWS if r[0] == level1)))
        if (level1, level2) not in done:
            done.add((level1, level2))
            cells.append(C(level2, rs=sum(1 for r in ROWS if r[:2] == (level1, level2))))
        cells += [name, value]
        rows.append(cells)
    return rows


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=["项目支出绩效目标表", "920平山县下口镇财政所", "预算年度:2025          单位:万元"],
    )
