"""Builds document.docx: the 四川 县级部门整体支出绩效目标申报表 of a county 文广旅局 as a Word file (2024).

Stands for the table 泸县文化广电旅游局 published for 2024 (page text in
heldout3/sichuan-luxian-wenlv-2024): '预算部门:' above the table, 总体资金情况(万元) with a two-row header
(预算支出总额 / 基本支出 / 项目支出, the last two each split into 合计 / 财政拨款 / 专户资金 / 单位资金) over
one row of amounts, 年度主要任务 as 任务名称 | 主要内容 rows, 年度部门整体支出绩效目标, then 年度绩效指标
with 一级 | 二级 | 三级 | 指标值(包含数字及文字描述). Texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout3/sichuan-luxian-wenlv-2024-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

TASKS = [
    ("基本支出:人员类、公用经费等运转类支出", "保障部门本级及下属单位人员类、公用经费等运转类支出。"),
    ("项目支出1:公共图书馆免费开放", "保障县图书馆及乡镇分馆免费开放,开展全民阅读活动。"),
    ("项目支出2:文物保护", "开展不可移动文物日常巡查和安全防护设施维护。"),
]
TREE = [
    ("产出指标", [
        ("数量指标", [("全民阅读推广活动场次", "≥50场"), ("不可移动文物巡查覆盖率", "100%")]),
        ("质量指标", [("文物安全事故发生次数", "0次")]),
        ("时效指标", [("年度任务完成时间", "2024年12月底前")]),
        ("成本指标", [("项目支出控制", "不超过预算")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("图书馆年接待读者人次", "≥12万人次")]),
        ("可持续影响指标", [("文物保护长效机制", "持续完善")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("读者满意度", "≥92%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("总体资金情况(万元)", 9)],
        [C("预算支出总额", rs=2), C("基本支出", 4), C("项目支出", 4)],
        ["合计", "财政拨款", "专户资金", "单位资金", "合计", "财政拨款", "专户资金", "单位资金"],
        ["1724.60", "1502.35", "1502.35", "", "", "222.25", "222.25", "", ""],
        [C("年度主要任务", 9)],
        [C("任务名称", 3), C("主要内容", 6)],
    ]
    rows += [[C(name, 3), C(content, 6)] for name, content in TASKS]
    rows += [
        [C("年度部门整体支出绩效目标", 3), C("保障单位正常运转;图书馆全年免费开放,开展全民阅读推广活动50场以上;文物巡查全覆盖,不发生文物安全事故。", 6)],
        [C("年度绩效指标", 9)],
        [C("一级指标", 2), C("二级指标", 2), C("三级指标", 3), C("指标值(包含数字及文字描述)", 2)],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, 2, sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, 2, len(items)))
                row += [C(name, 3), C(value, 2)]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_docx(
        [("h", "2024年县级部门整体支出绩效目标申报表"), ("p", "预算部门:泸县文化广电旅游局"), ("table", layout())],
        HERE / "document.docx",
    )
