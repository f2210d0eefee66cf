"""Builds document.pdf: a 项目支出绩效自评表 of a 温州市瓯海区 department, printed to PDF (portrait).

Stands for the central 项目支出绩效自评表 as a 浙江 district unit prints it: two 数量指标 rows under one
二级 cell, a 自评结论 row under 总分 whose sentence repeats the total and the grade, and 填报人 / 联系电话 at
the foot. No stored page held a 瓯海区 table; rows and figures are ours. Composed contradiction (of the kind
issue 12 reports from real tables): an over-completed row scored in proportion above its weight (16.5 of
15), carried into a 总分 above 100.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/zhejiang-wenzhou-ouhai-wenlv-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

UNIT = "温州市瓯海区文化广电旅游局"
GOAL = "保障区文化馆、图书馆等公共文化场馆免费开放，开展公益文化活动，丰富群众精神文化生活。"
DONE = "场馆全年免费开放330天，举办公益文化活动126场。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("公共文化场馆免费开放经费", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("温州市瓯海区文化馆", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "60.00", "60.00", "58.20", "10", "97%", "9.7"],
        ["其中：当年财政拨款", "60.00", "60.00", "58.20", "—", "97%", "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "文化场馆免费开放天数", "≥300天", "330天", "15", "16.5", ""],
        ["公益文化活动场次", "≥120场", "126场", "15", "15", ""],
        ["质量指标", "活动方案审核通过率", "100%", "100%", "10", "10", ""],
        ["时效指标", "活动按计划完成率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "群众文化获得感", "明显增强", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "公共文化服务体系", "持续完善", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "参与群众满意度", "≥90%", "95%", "10", "10", ""],
        [C("总分", 6), "100", "101.2", ""],
        [C("自评结论", 2), C("经自评，本项目综合得分101.2分，自评等级为优。", 7)],
        [C("填报人：　　　　联系电话：　　　　填报日期：2024年3月", 9)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "（2023年度）"))
