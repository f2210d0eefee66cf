"""Builds document.docx: a 重庆 town government's 项目支出绩效目标审批表 typed in Word.

Stands for the 重庆 county 审批表 (see the set's README): the title with the project in it, '(   2024年度)',
'预算单位: …' and '金额单位:万元' paragraphs, then a table with 项目分类, 建设周期, 业务主管部门, 项目审批,
项目总体概况, 年度主要目标和成果, a 项目资金/预算执行/10分 block (项目总预算, 当年年度预算, 其中:财政资金,
其中:其它资金, 年度预算执行率 | 分值), and 年度绩效目标(90分) over 一级 | 二级 | 三级 | 指标值 | 分值 | 指标解释
with 成本指标 first, the 一级 carrying its score range ('产出指标\\n(40-50)分'), 一级 and 二级 merged down, and
empty 二级 rows the template keeps (社会成本指标, 生态环境成本指标, 生态效益指标). Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout11/chongqing-wushan-dachang-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# 一级 → [(二级, [(三级, 指标值, 分值, 指标解释)])]; an empty list is a template row left empty
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str]]]]]] = [
    (
        "成本指标(0-20)分",
        [
            ("经济成本指标", [("项目建设成本", "≤48万元", "10", "反映项目建设成本控制情况")]),
            ("社会成本指标", []),
            ("生态环境成本指标", []),
        ],
    ),
    (
        "产出指标\n(40-50)分",
        [
            (
                "数量指标",
                [
                    ("硬化产业路长度", "≥3.2公里", "10", "反映硬化道路建设规模"),
                    ("路面宽度", "≥4.5米", "5", "反映道路建设标准"),
                ],
            ),
            ("质量指标", [("工程验收合格率", "100%", "10", "反映工程质量")]),
            ("时效指标", [("项目完工时间", "2024年11月底前", "10", "反映项目实施进度")]),
        ],
    ),
    (
        "效益指标\n(20-30)分",
        [
            ("经济效益指标", [("降低柑橘运输成本", "≥80元/吨", "10", "反映道路建成后的运输节约")]),
            (
                "社会效益指标",
                [
                    ("受益农户", "≥260户", "10", "反映项目受益范围"),
                    ("其中:脱贫户和监测户", "≥45户", "5", "反映项目对脱贫人口的带动"),
                ],
            ),
            ("生态效益指标", []),
        ],
    ),
    ("满意度指标\n(0-10)分", [("服务对象满意度指标", [("受益群众满意度", "≥95%", "10", "问卷调查")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("2024年大昌镇柑橘产业路硬化项目", 3), "项目分类", C("基础设施类--道路类", 2)],
        ["建设周期", C("2024年3月-2024年11月", 3), "业务主管部门", C("县乡村振兴局", 2)],
        ["实施单位", C("大昌镇人民政府", 2), "项目负责人", "(略)", "联系电话", "(略)"],
        ["项目审批", C("巫山县乡村振兴局《关于下达2024年度衔接推进乡村振兴补助资金项目计划的通知》", 6)],
        [
            "项目总体概况",
            C(
                "硬化柑橘产业路3.2公里,路面宽4.5米,C25混凝土,厚20cm。建成后受益农户260户(含脱贫户和监测户45户),"
                "柑橘运输成本每吨降低80元以上;群众满意度95%以上。",
                6,
            ),
        ],
        ["年度主要目标 和成果", C("硬化柑橘产业路3.2公里,路面宽4.5米,C25混凝土,厚20cm。", 6)],
        [
            C("项目资金\n预算执行\n10分", rs=5),
            "项目总预算",
            C("48", 2),
            "财政资金预算分类",
            C("一般公共预算", 2),
        ],
        ["当年年度预算", C("48", 2), C("", 3)],
        ["其中:财政资金", C("48", 2), "财政资金科目代码", C("21305", 2)],
        ["其中:其它资金", C("0", 2), C("", 3)],
        ["年度预算执行率", C("100%", 2), "分值", C("10分", 2)],
    ]
    count = sum(max(len(items), 1) for _, groups in TREE for _, items in groups)
    rows.append(
        [
            C("年度绩效目标(90分)", rs=count + 1),
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "分值",
            "指标解释",
        ]
    )
    for level1, groups in TREE:
        first = True
        span1 = sum(max(len(items), 1) for _, items in groups)
        for level2, items in groups:
            for i, item in enumerate(items or [("", "", "", "")]):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=span1))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=max(len(items), 1)))
                rows.append(row + list(item))
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "2024年大昌镇柑橘产业路硬化项目支出绩效目标审批表"),
            ("p", "(   2024年度)"),
            ("p", "预算单位: 巫山县大昌镇人民政府"),
            ("p", "金额单位:万元"),
            ("table", layout()),
        ],
        HERE / "document.docx",
    )
