"""Builds document.docx: a 江西 county 项目支出绩效目标表 typed in Word, with 实施期 and 年度 columns.

Stands for the form 崇义县卫生健康委员会 uses for its 2023 project tables (see the set's README): the
title and '(2023年度)', 项目名称 / 主管部门 / 实施单位, 项目资金(万元) with 实施期资金总额 and 年度资金总额
side by side over 财政拨款 / 其他资金, 总体目标 split into 实施期目标 | 年度目标, then 绩效指标 with
一级 | 二级 | 三级 | 实施期指标值 | 年度指标值, 一级 and 二级 merged down, and a footer line for the
填报人. Projects, texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout9/jiangxi-chongyi-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# 一级 → [(二级, [(三级, 实施期指标值, 年度指标值)])]
TREE = [
    (
        "产出指标",
        [
            ("数量指标", [("村卫生室标准化改造数量", "≥45个", "≥15个"), ("乡村医生轮训人次", "≥600人次", "≥200人次")]),
            ("质量指标", [("改造项目验收合格率", "100%", "100%")]),
            ("时效指标", [("年度改造任务完成时间", "2025年12月底前", "2023年12月底前")]),
            ("成本指标", [("单个村卫生室改造补助", "≤6万元", "≤6万元")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("群众就近就医率", "≥65%", "≥60%")]),
            ("可持续影响指标", [("村级医疗服务能力", "持续提升", "逐步提升")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("就诊群众满意度", "≥92%", "≥90%")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("村卫生室标准化建设及乡村医生能力提升", 5)],
        ["主管部门", C("崇义县卫生健康委员会", 2), "实施单位", C("崇义县基层卫生服务中心", 2)],
        [C("项目资金\n(万元)", rs=3), "", "实施期资金总额", C("年度资金总额", 3)],
        ["财政拨款", "270.00", C("90.00", 3)],
        ["其他资金", "0", C("0", 3)],
        [C("总体目标", rs=2), C("实施期目标", 2), C("年度目标", 3)],
        [C("三年完成全县45个村卫生室标准化改造,乡村医生全员轮训。", 2), C("完成15个村卫生室改造,轮训乡村医生200人次。", 3)],
    ]
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows.append([C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"])
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, period, annual) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, period, annual]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效目标表"),
            ("p", "(2023年度)"),
            ("table", layout()),
            ("p", "填报人:        联系电话:        填报日期:2023年2月"),
        ],
        HERE / "document.docx",
    )
