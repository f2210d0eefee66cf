"""Builds document.docx: a 项目支出绩效自评表 of a 济宁市任城区 department as the Word attachment it is.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 山东 district units attach it to their
决算: an '附件' line, title and '(2022年度)' as paragraphs, a ruled table, 一级 with '(50分)', a reverse cost
row, 总分 and a 填报人 line. No stored page held a 任城区 table; rows and figures are ours. The printed
figures add up (10 + 90 = 100), but four quantitative actuals copy their targets ('≥30处', '≥95%'), so
nothing shows how far they were met, and every row carries full marks.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/shandong-jining-rencheng-shuiwu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "做好农村集中供水工程日常维护和水质检测,保障农村群众安全饮水。"
DONE = "完成年度农村供水工程维护任务,供水水质稳定达标。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("农村饮水工程运行维护补助", 8)],
        [C("主管部门", 2), C("济宁市任城区水务局", 3), "实施单位", C("济宁市任城区农村供水服务中心", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "65.00", "65.00", "65.00", "10", "100%", C("10", 2)],
        ["其中:当年财政拨款", "65.00", "65.00", "65.00", "—", "100%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "维护农村集中供水工程数量", "≥30处", "≥30处", "15", "15", C("", 2)],
        ["质量指标", "供水水质检测合格率", "≥95%", "≥95%", "15", "15", C("", 2)],
        ["时效指标", "工程故障维修及时率", "≥90%", "≥90%", "10", "10", C("", 2)],
        ["成本指标", "工程维护总成本", "≤65万元", "65万元", "10", "10", C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "农村供水受益人口", "≥8万人", "8.2万人", "15", "15", C("", 2)],
        ["可持续影响指标", "农村供水保证率", "≥95%", "≥95%", "15", "15", C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "100", C("", 2)],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("p", "附件3"),
            ("h", "项目支出绩效自评表"),
            ("p", "(2022年度)"),
            ("table", layout()),
            ("p", "填报人:孔令涛        联系电话:0537-0000000        填报日期:2023年4月"),
        ],
        HERE / "document.docx",
    )
