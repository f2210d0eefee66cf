"""Builds document.xlsx: a 项目支出绩效自评表 of a 保山市 department as the Excel sheet it is attached as.

Stands for the table behind 保山市卫生健康委员会's 2022年度项目绩效自评报告(春节慰问经费项目), in the
central 项目支出绩效自评表 of 财预〔2020〕10号 as 云南 units fill it: title and '(2022年度)' above the grid,
项目名称 / 主管部门 / 实施单位, 项目资金(万元) with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
得分, 预期目标 / 实际完成情况, 一级 with its points in brackets, 总分 and a 评价等级 line. Amounts are Excel
numbers. The published figures are kept (120 人慰问, 300 元/人, 3.6 万元 all paid, 满意度 90 %, 自评 100
分 优); the weights, the indicator wording and the prose are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout5/yunnan-baoshan-weijian-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "春节期间慰问全市一线医务工作者120人,每人300元,营造尊医重卫的社会氛围。"
DONE = "春节前完成120名一线医务工作者慰问,慰问金全部发放到位。"


def layout() -> list[list[C | str | int | float]]:
    return [
        [C("项目名称", 2), C("春节慰问经费", 8)],
        [C("主管部门", 2), C("保山市卫生健康委员会", 3), "实施单位", C("保山市卫生健康委员会", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", 3.6, 3.6, 3.6, 10, "100%", C(10, 2)],
        ["其中:当年财政拨款", 3.6, 3.6, 3.6, "—", "100%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "慰问一线医务工作者人数", "≥120人", "120人", 20, 20, C("", 2)],
        ["质量指标", "慰问标准", "300元/人", "300元/人", 10, 10, C("", 2)],
        ["时效指标", "慰问金春节前发放到位率", "100%", "100%", 10, 10, C("", 2)],
        ["成本指标", "慰问经费总额", "≤3.6万元", "3.6万元", 10, 10, C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "尊医重卫社会氛围", "有效营造", "有效营造", 15, 15, C("", 2)],
        ["可持续影响指标", "医务人员工作积极性", "持续提升", "提升", 15, 15, C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "慰问对象满意度", "≥90%", "90%", 10, 10, C("", 2)],
        [C("总分", 6), 100, 100, C("", 2)],
        [C("评价等级", 2), C("优", 8)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
