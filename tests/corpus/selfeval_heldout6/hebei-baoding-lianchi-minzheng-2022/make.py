"""Builds document.html: a 项目支出绩效自评表 inside a 保定市莲池区 department's 决算 page.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 河北 district pages carry it: the page
heading and a 发布日期 line, a '附件' heading, then the table as HTML with merged cells, '(2022年度)' in the
title cell. No stored page held a 莲池区 table; the rows and figures are ours. What it carries is a practice
pattern of real published tables: five of seven actuals copy the target text ('≥500人'), and every row is at
full marks; the numbers themselves agree (10 + 90 = 100).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout6/hebei-baoding-lianchi-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "为辖区特困供养人员发放基本生活补助,保障其基本生活。"
DONE = "按月足额发放特困人员基本生活补助。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目支出绩效自评表\n(2022年度)", 10)],
        [C("项目名称", 2), C("特困人员救助供养补助", 8)],
        [C("主管部门", 2), C("保定市莲池区民政局", 3), "实施单位", C("保定市莲池区民政局", 4)],
        [C("项目资金(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "85.00", "85.00", "85.00", "10", "100%", C("10", 2)],
        ["其中:当年财政拨款", "85.00", "85.00", "85.00", "—", "100%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "救助供养特困人员人数", "≥500人", "≥500人", "20", "20", C("", 2)],
        ["质量指标", "救助对象认定准确率", "≥98%", "≥98%", "10", "10", C("", 2)],
        ["时效指标", "补助资金按月发放率", "100%", "100%", "10", "10", C("", 2)],
        ["成本指标", "基本生活补助标准", "≥1050元/人·月", "≥1050元/人·月", "10", "10", C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "特困人员基本生活保障率", "100%", "100%", "20", "20", C("", 2)],
        ["可持续影响指标", "兜底保障长效机制", "逐步健全", "逐步健全", "10", "10", C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "特困供养人员满意度", "≥90%", "≥90%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "100", C("", 2)],
    ]


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>保定市莲池区民政局2022年度部门决算</title></head>
<body>
<h1>保定市莲池区民政局2022年度部门决算</h1>
<p>发布日期:2023-09-15 来源:保定市莲池区民政局</p>
<h2>附件:项目支出绩效自评表</h2>
{table_html(layout())}
<p>填报单位(盖章):保定市莲池区民政局</p>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
