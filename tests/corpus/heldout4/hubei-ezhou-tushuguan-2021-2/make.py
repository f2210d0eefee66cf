"""Builds document.docx: a 鄂州 city library's 市直部门预算项目支出绩效目标表 as the Word file it publishes.

Stands for the form 鄂州市图书馆 published (see ../hubei-ezhou-tushuguan-2020 for the page text): title with the
year, 申报单位 and 金额单位:万元 as paragraphs, 项目名称 / 项目类别 / 项目性质 / 立项依据, a 项目预算 block of cost
lines (成本构成 / 金额 / 测算(公式)依据 / two years of 实际执行数) with a 合计 row, then 绩效目标 and the indicator
block with one 指标值 column. Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout4/hubei-ezhou-tushuguan-2021-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

COSTS = [
    ("古籍修复材料费", "6.00", "1.修复用纸200刀*150=30000元\n2.修复工具及耗材30000元", "4.20", "5.10"),
    ("古籍数字化扫描", "14.00", "1.扫描2000拍*50=100000元\n2.图像处理及著录40000元", "", "9.60"),
    ("合计", "20.00", "", "4.20", "14.70"),
]
# (一级, 二级, 三级, 指标值)
ROWS = [
    ("产出指标", "数量指标", "修复破损古籍册数", "≥120册"),
    ("产出指标", "数量指标", "古籍数字化扫描拍数", "2000拍"),
    ("产出指标", "质量指标", "修复质量验收合格率", "100%"),
    ("产出指标", "时效指标", "项目完成时间", "2021年12月底前"),
    ("产出指标", "成本指标", "单拍扫描成本", "≤50元/拍"),
    ("效益指标", "社会效益指标", "古籍数字资源线上访问量", "≥5000人次"),
    ("效益指标", "可持续影响指标", "古籍保护利用水平", "逐步提升"),
    ("满意度指标", "服务对象满意度指标", "读者满意度", "≥95%"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("古籍保护与数字化专项经费", 3), "项目类别", "运行维护类"],
        ["项目性质", C("常年性项目", 5)],
        ["立项依据", C("1、《公共图书馆法》《古籍保护工作实施方案》。2、湖北省古籍保护中心关于开展古籍普查和数字化的要求。", 5)],
        [C("项目预算", rs=len(COSTS) + 1), "成本构成", "金额", "测算(公式)依据", "2019年实际执行数", "2020年实际执行数"],
    ]
    rows += [list(cost) for cost in COSTS]
    rows.append(["绩效目标", C("修复破损古籍120册以上,完成馆藏地方文献古籍扫描2000拍并上线,提升古籍保护和利用水平。", 5)])
    rows.append([C("绩效指标", rs=len(ROWS) + 1), "一级指标", "二级指标", "三级指标", C("指标值", 2)])
    seen: set[str] = set()
    for level1, level2, name, value in ROWS:
        cells: list[C | str] = []
        if level1 not in seen:
            seen.add(level1)
            cells.append(C(level1, rs=sum(1 for row in ROWS if row[0] == level1)))
        cells += [level2, name, C(value, 2)]
        rows.append(cells)
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "鄂州市2021年市直部门预算项目支出绩效目标表"),
            ("p", "申报单位: 鄂州市图书馆        金额单位:万元"),
            ("table", layout()),
            ("p", "主管部门审核意见:                单位公章:    年  月  日"),
        ],
        HERE / "document.docx",
    )
