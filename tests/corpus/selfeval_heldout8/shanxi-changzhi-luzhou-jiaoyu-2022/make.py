"""Builds document.pdf: a 部门整体支出绩效自评表 of a 长治市潞州区 department, printed to PDF (landscape).

Stands for the 部门整体 self-evaluation as 山西 county-level departments attach it to their 决算: 部门（单位）
名称 in place of 项目名称, a 年度预算执行情况 block whose sources are 基本支出 and 项目支出 (amounts with
thousands separators), 年度履职目标 / 年度主要任务完成情况 rows, then 产出 / 效益 / 满意度 indicators with
分值 and 得分, a 总分 row and a 自评等级 row. No stored page held a 潞州区 table; rows and figures are ours.
Composed contradiction: the 执行率 printed 98.00 % and the score 9.8, where the amounts give 12,345.60 ÷
12,860.00 = 96 % and 9.6.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/shanxi-changzhi-luzhou-jiaoyu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

DUTY = "保障全区义务教育阶段学校正常运转，落实学生资助政策，开展教师培训，提升教育教学质量。"
DONE = "全区义务教育在校生5.31万人，巩固率99.5%，培训教师3260人次，资助资金按时发放。"


def layout() -> list[list[C | str]]:
    return [
        [C("部门（单位）名称", 2), C("长治市潞州区教育局", 7)],
        [C("年度预算执行情况（万元）", 2, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "12,400.00", "12,860.00", "12,345.60", "10", "98.00%", "9.8"],
        ["其中：基本支出", "9,200.00", "9,460.00", "9,460.00", "—", "100.00%", "—"],
        ["项目支出", "3,200.00", "3,400.00", "2,885.60", "—", "84.87%", "—"],
        [C("年度履职目标", 2), C(DUTY, 3), C("年度主要任务完成情况", 1), C(DONE, 3)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "义务教育阶段在校学生数", "≥5.2万人", "5.31万人", "15", "15", ""],
        ["教师培训人次", "≥3000人次", "3260人次", "10", "10", ""],
        ["质量指标", "义务教育巩固率", "≥99%", "99.5%", "15", "15", ""],
        ["时效指标", "学生资助资金发放及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "教育教学质量", "稳步提升", "达成年度指标", "15", "15", ""],
        ["可持续影响指标", "办学条件", "持续改善", "达成年度指标", "15", "15", ""],
        ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "92%", "10", "10", ""],
        [C("总分", 6), "100", "99.8", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=("长治市潞州区教育局2022年度部门决算附件", "部门整体支出绩效自评表", "（2022年度）"),
        landscape=True,
    )
