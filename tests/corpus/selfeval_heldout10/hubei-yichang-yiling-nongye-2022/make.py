"""Builds document.xlsx: a 湖北-style 项目支出绩效自评表 of a 宜昌市夷陵区 department as an Excel workbook.

Stands for the 湖北 self-evaluation form (预算执行 20 + 年度绩效目标 40 + 40; rules.md §6.8) as a district
unit keeps it in Excel: one fund row scored '得分(20分*执行率)', two 年度绩效目标 blocks each under its own
header row with 年初目标值(A) / 实际完成值(B), no reason column, 总分 in a merged cell. No stored page held a
夷陵区 table; rows and figures are ours. The table agrees with itself; composed practice defects: every row at
full marks, and a row completed 1.28 times over with no reason given (the form leaves no place for one).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/hubei-yichang-yiling-nongye-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

HEAD = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"]


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("农机购置与应用补贴", 3), "主管部门", "宜昌市夷陵区农业农村局", "实施单位", "宜昌市夷陵区农业机械化服务中心"],
        [C("预算执行情况(万元)(20分)", 2), "预算数(A)", C("执行数(B)", 2), "执行率(B/A)", C("得分(20分*执行率)", 2)],
        [C("年度财政资金总额", 2), "120", C("114", 2), "95%", C("19", 2)],
        [C("年度绩效目标1(40分)", rs=4), *HEAD],
        ["产出指标", "数量指标", "补贴机具数量", "≥500台", "640台", "15", "15"],
        ["产出指标", "质量指标", "补贴机具核验合格率", "100%", "100%", "10", "10"],
        ["产出指标", "时效指标", "补贴资金兑付及时率", "100%", "100%", "15", "15"],
        [C("年度绩效目标2(40分)", rs=3), *HEAD],
        ["效益指标", "经济效益指标", "农作物耕种收综合机械化率", "≥75%", "76%", "20", "20"],
        ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "94%", "20", "20"],
        [C("总分", 6), C("99", 2)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
