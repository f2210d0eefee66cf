"""Builds document.docx: a 万宁市 (海南) 妇幼保健院's target table with one Word table per 一级.

Stands for Word documents where the indicator block is cut into one small table per 一级, each under a
numbered paragraph heading ('（一）产出指标', '（二）效益指标', '（三）满意度指标'), the tables holding only
二级 (merged down) | 三级 | 指标值; the project facts in a key/value table before them. Composed; texts
and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/hainan-wanning-fuyou-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# (heading, [(二级, [(三级, 指标值)])])
GROUPS: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]] = [
    (
        "（一）产出指标",
        [
            ("数量指标", [("孕产妇系统管理人数", "≥3200人"), ("0-6岁儿童健康管理人数", "≥21000人")]),
            ("质量指标", [("孕产妇系统管理率", "≥90%"), ("3岁以下儿童系统管理率", "≥85%")]),
            ("时效指标", [("新生儿访视及时率", "≥95%")]),
        ],
    ),
    (
        "（二）效益指标",
        [("社会效益指标", [("孕产妇死亡率", "≤10/10万"), ("婴儿死亡率", "≤5‰")])],
    ),
    ("（三）满意度指标", [("服务对象满意度指标", [("孕产妇及儿童家长满意度", "≥90%")])]),
]


def group_table(seconds: list[tuple[str, list[tuple[str, str]]]]) -> list[list[C | str]]:
    rows: list[list[C | str]] = [["二级指标", "三级指标", "指标值"]]
    for second, items in seconds:
        for index, (name, value) in enumerate(items):
            lead: list[C | str] = [C(second, rs=len(items))] if index == 0 else []
            rows.append(lead + [name, value])
    return rows


def main() -> None:
    blocks: list[tuple[str, object]] = [
        ("h", "万宁市妇幼保健院2023年项目支出绩效目标表"),
        ("p", "一、项目基本情况"),
        (
            "table",
            [
                ["项目名称", "孕产妇和儿童健康管理服务"],
                ["主管部门", "万宁市卫生健康委员会"],
                ["实施单位", "万宁市妇幼保健院"],
                ["项目资金", "96.40万元（市级财政资金）"],
                ["年度目标", "为辖区孕产妇和0-6岁儿童提供规范的健康管理服务，降低孕产妇和婴儿死亡率。"],
            ],
        ),
        ("p", "二、绩效指标"),
    ]
    for heading, seconds in GROUPS:
        blocks.append(("p", heading))
        blocks.append(("table", group_table(seconds)))
    blocks.append(("p", "填报日期：2023年2月8日"))
    write_docx(blocks, HERE / "document.docx")


if __name__ == "__main__":
    main()
