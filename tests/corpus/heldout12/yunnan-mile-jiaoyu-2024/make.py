"""Builds document.pdf: a 红河 county 教育体育局's 项目绩效目标表 printed from a table whose tree is an outline.

Stands for tables where the indicator tree is written as numbered outline rows in one column (see the set's
README): '指标编码 | 指标名称 | 指标性质 | 目标值 | 计量单位 | 权重(%)', the 一级 on its own row ('1 | 产出指标'),
the 二级 on its own row ('1.1 | 数量指标'), each 三级 on a row coded '1.1.1'; 指标性质 定量/定性; values with
the comparator ('≥23500') and the unit in its own column. Printed to PDF (landscape). Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/yunnan-mile-jiaoyu-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

# 一级 → [(二级, [(三级, 指标性质, 目标值, 计量单位, 权重)])]
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str, str]]]]]] = [
    (
        "产出指标",
        [
            (
                "数量指标",
                [
                    ("营养膳食补助受益学生人数", "定量", "≥23500", "人", "10"),
                    ("补助学校数量", "定量", "=86", "所", "10"),
                ],
            ),
            ("质量指标", [("补助资金专款专用率", "定量", "=100", "%", "10")]),
            ("时效指标", [("补助资金拨付及时率", "定量", "≥95", "%", "10")]),
            ("成本指标", [("生均每天补助标准", "定量", "=5", "元", "10")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("学生营养健康状况", "定性", "持续改善", "", "20")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("学生家长满意度", "定量", "≥90", "%", "10")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("农村义务教育学生营养改善计划", 2), "主管部门", C("弥勒市教育体育局", 2)],
        ["实施单位", C("弥勒市教育体育局", 2), "项目类型", C("民生类项目", 2)],
        ["资金总额(万元)", C("2,561.00", 2), "其中:中央及省级补助", C("2,561.00", 2)],
        ["年度绩效目标", C("保障农村义务教育阶段学生营养膳食补助按标准足额发放,改善学生营养健康状况。", 5)],
        ["指标编码", "指标名称", "指标性质", "目标值", "计量单位", "权重(%)"],
    ]
    for i, (first, seconds) in enumerate(TREE, start=1):
        rows.append([str(i), first, "", "", "", ""])
        for j, (second, items) in enumerate(seconds, start=1):
            rows.append([f"{i}.{j}", second, "", "", "", ""])
            for k, item in enumerate(items, start=1):
                rows.append([f"{i}.{j}.{k}", *item])
    return rows


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=("2024年项目支出绩效目标表", "预算单位:弥勒市教育体育局"),
        landscape=True,
    )
