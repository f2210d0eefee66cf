"""Builds document.docx: the 安徽 部门整体支出绩效自评表 of a 金寨 county centre as the Word file behind its page.

Stands for the table 金寨县茶谷和美丽乡村建设服务中心 published for 2023 (see ../anhui-jinzhai-chagu-2023 for
the page text): 部门 row, 预算资金 block with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 (the 得分
of the total row left empty while the rate is over 100%), 绩效指标 merged down the left, '指标1:' names.
Figures are our own (a second year's table of the same centre, 2024 budget figures of our own).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout3/anhui-jinzhai-chagu-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

ROWS = [
    ("产出指标", 6, "数量指标", 3, "指标1:开展精品示范村建设数量", "≥2", "2", "10", "10"),
    (None, 0, None, 0, "指标2:整治美丽宜居自然村庄数量", "≥150", "152", "15", "15"),
    (None, 0, None, 0, "指标3:完成农村户用卫生厕所改造数量", "≥1500", "1380", "15", "13"),
    (None, 0, "质量指标", 1, "指标1:户用卫生厕所改造验收通过率", "≥95%", "98%", "10", "10"),
    (None, 0, "时效指标", 1, "指标1:完成改厕验收时间", "11月前", "11月", "5", "5"),
    (None, 0, "成本指标", 1, "指标1:户用卫生厕所改造补助标准", "≤1200元/户", "1200元/户", "5", "5"),
    ("效益指标", 2, "社会效益指标", 1, "指标1:农村卫生厕所普及率提升", "≥2个百分点", "2.1个百分点", "10", "10"),
    (None, 0, "可持续影响指标", 1, "指标1:改厕后续管护机制", "健全", "健全", "10", "10"),
    ("满意度指标", 1, "服务对象满意度指标", 1, "指标1:受益群众满意度", "≥90%", "95%", "10", "10"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["部门", C("金寨县茶谷和美丽乡村建设服务中心", 8)],
        [C("预算资金 (万元)", rs=5), C("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [C("年度资金总额", 2), "312.00", "312.00", "318.24", "10", "102.00%", ""],
        [C("其中:当年财政拨款", 2), "312.00", "312.00", "318.24", "—", "102.00%", "—"],
        [C("上年结转资金", 2), "", "—", "", "", "", "—"],
        [C("其他资金", 2), "", "—", "", "", "", "—"],
        [C("年度总体目标", rs=2), C("预期目标", 4), C("实际完成情况", 4)],
        [
            C("1.建设精品示范村;2.整治美丽宜居自然村庄;3.推进农村改厕。", 4),
            C("1.建成2个精品示范村;2.整治自然村庄152个;3.完成改厕1380户,受冬季施工影响未全部完成。", 4),
        ],
        [C("绩 效 指 标", rs=len(ROWS) + 1), "一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ]
    for level1, span1, level2, span2, name, target, actual, weight, score in ROWS:
        row: list[C | str] = []
        if level1:
            row.append(C(level1, rs=span1))
        if level2:
            row.append(C(level2, rs=span2))
        row += [name, target, actual, weight, score, ""]
        rows.append(row)
    rows.append([C("总分", 6), "100", "98", ""])
    return rows


if __name__ == "__main__":
    write_docx(
        [("h", "部门整体支出绩效自评表"), ("h", "(2024年度)"), ("table", layout())],
        HERE / "document.docx",
        landscape=True,
    )
