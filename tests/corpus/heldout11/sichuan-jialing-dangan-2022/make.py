"""Builds document.pdf: a 四川 district 档案馆's 项目支出绩效目标表 printed to PDF from its budget file.

Stands for the 财政部 template as a 四川 district unit prints it with its 部门预算 (see the set's README):
a title, '(2022年度)' and '单位:万元' above the table, 项目名称 and 部门(单位), 项目资金(万元) merged over
年度资金总额 / 财政拨款 / 其他资金 (empty), 年度目标, then 绩效指标 merged down beside 一级 | 二级 | 三级 |
指标值 with 一级 and 二级 merged down, the comparators typed full-width as some units do ('＝100%',
'≥2000卷'), and a qualitative value. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout11/sichuan-jialing-dangan-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

# 一级 → [(二级, [(三级, 指标值)])]
TREE = [
    (
        "产出指标",
        [
            ("数量指标", [("接收进馆档案卷数", "≥2000卷"), ("馆藏档案数字化页数", "≥15万页")]),
            ("质量指标", [("档案整理规范率", "＝100%")]),
            ("时效指标", [("数字化成果验收时间", "2022年10月31日前")]),
            ("成本指标", [("数字化加工单价", "≤0.45元/页")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("档案查阅利用服务", "便捷高效")]),
            ("可持续影响指标", [("档案数字资源安全保管年限", "≥30年")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("查档利用者满意度", "≥90%")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("档案接收进馆及数字化加工", 4)],
        ["部门(单位)", C("南充市嘉陵区档案馆", 4)],
        [C("项目资金\n(万元)", rs=3), "年度资金总额", C("24.60", 3)],
        ["财政拨款", C("24.60", 3)],
        ["其他资金", C("", 3)],
        ["年度目标", C("接收到期档案2000卷以上进馆,完成馆藏档案数字化15万页,提升档案利用服务能力。", 4)],
    ]
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows.append([C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值"])
    for level1, groups in TREE:
        first = True
        span1 = sum(len(items) for _, items in groups)
        for level2, items in groups:
            for i, item in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=span1))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                rows.append(row + list(item))
    return rows


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效目标表", "(2022年度)", "单位:万元"))
