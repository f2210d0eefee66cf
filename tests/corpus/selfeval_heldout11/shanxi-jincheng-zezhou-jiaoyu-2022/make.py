"""Builds document.pdf: a 部门整体支出绩效自评表 of 晋城市泽州县教育局, printed to PDF (portrait).

Stands for the 部门整体 self-evaluation as a 山西 county department prints it to PDF: 部门（单位）名称,
年度预算资金 with a 财政拨款 and an empty 其他资金 row, 年度主要任务 beside 年度履职目标完成情况, the central
indicator columns, 总分 and 自评等级 rows. No stored page held a 泽州县 table; rows and figures are ours. The
table agrees with itself: one row scored in proportion, with its reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/shanxi-jincheng-zezhou-jiaoyu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

UNIT = "晋城市泽州县教育局"
TASKS = "落实学生资助政策，实施校舍维修改造，巩固义务教育普及成果，推进县域义务教育优质均衡发展。"
DONE = "全年资助义务教育阶段学生3265人，改造校舍1.35万平方米，义务教育巩固率99.6%。"


def layout() -> list[list[C | str]]:
    return [
        [C("部门（单位）名称", 2), C(UNIT, 7)],
        [C("年度预算资金（万元）", 2, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "18600.00", "19420.00", "18837.40", "10", "97%", "9.7"],
        ["其中：财政拨款", "18600.00", "19420.00", "18837.40", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("年度主要任务", 4), C("年度履职目标完成情况", 4)],
        [C(TASKS, 4), C(DONE, 4)],
        [C("年度绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "义务教育阶段学生资助人数", "≥3200人", "3265人", "15", "15", ""],
        ["校舍维修改造面积", "≥1.5万平方米", "1.35万平方米", "10", "9", "一所学校改造因设计变更推迟开工，下年上半年完工"],
        ["质量指标", "义务教育巩固率", "≥99%", "99.6%", "15", "15", ""],
        ["时效指标", "资助资金发放及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "适龄儿童入学率", "100%", "100%", "15", "15", ""],
        ["可持续影响指标", "县域义务教育均衡发展水平", "持续提升", "达成年度指标", "15", "15", ""],
        ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "94%", "10", "10", ""],
        [C("总分", 6), "100", "98.7", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("部门整体支出绩效自评表", "（2022年度）"))
