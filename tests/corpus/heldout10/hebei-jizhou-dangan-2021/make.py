"""Builds document.docx: a 河北 district 档案馆's 项目支出绩效目标表 typed in Word.

Stands for the form a 河北 district unit publishes with its budget (see the set's README): a heading,
'(2021年度)' and '填报单位:…(盖章)' above the table, 项目名称 / 主管部门 / 实施单位, 项目资金(万元)
merged over 年度资金总额 / 其中:财政拨款 / 其他资金, 年度绩效目标, then 年度绩效指标 merged down beside
一级 | 二级 | 三级 | 指标值 | 备注, with 一级 merged down and 二级 given on every row; a 备注 column that
carries 计算口径 texts; a footer paragraph for the 填报人. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout10/hebei-jizhou-dangan-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# 一级 → [(二级, 三级, 指标值, 备注)]
TREE = [
    (
        "产出指标",
        [
            ("数量指标", "馆藏档案数字化扫描页数", "≥30万页", "按合同验收页数计"),
            ("数量指标", "修裱破损档案卷数", "≥400卷", ""),
            ("质量指标", "数字化成果抽检合格率", "≥99%", "抽检比例不低于5%"),
            ("时效指标", "数字化加工完成时间", "2021年11月30日前", ""),
            ("成本指标", "每页扫描加工单价", "≤0.35元", ""),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", "档案在线查阅服务人次", "≥3000人次", ""),
            ("可持续影响指标", "档案资源长期安全保存", "长期有效", ""),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", "查档群众满意度", "≥95%", "问卷调查")]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("馆藏档案数字化及抢救修复", 5)],
        ["主管部门", C("衡水市冀州区档案馆", 2), "实施单位", C("衡水市冀州区档案馆", 2)],
        [C("项目资金\n(万元)", rs=3), C("年度资金总额", 2), C("16.50", 3)],
        [C("其中:财政拨款", 2), C("16.50", 3)],
        [C("其他资金", 2), C("0.00", 3)],
        ["年度绩效目标", C("完成馆藏重点档案数字化30万页,修复破损档案400卷,提升档案利用服务水平。", 5)],
    ]
    count = sum(len(items) for _, items in TREE)
    rows.append([C("年度绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值", "备注"])
    for level1, items in TREE:
        for i, item in enumerate(items):
            lead: list[C | str] = [C(level1, rs=len(items))] if i == 0 else []
            rows.append(lead + list(item))
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效目标表"),
            ("p", "(2021年度)"),
            ("p", "填报单位:衡水市冀州区档案馆(盖章)                    单位:万元"),
            ("table", layout()),
            ("p", "填报人:              联系电话:              填报日期:2021年1月"),
        ],
        HERE / "document.docx",
    )
