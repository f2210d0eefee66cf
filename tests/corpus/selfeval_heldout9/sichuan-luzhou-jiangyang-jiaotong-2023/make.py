"""Builds document.xlsx: a 四川 510000_0013zp 部门预算项目支出绩效自评表 of a 泸州市江阳区 department in Excel.

Stands for the 四川 form (报表编号:510000_0013zp — 指标性质 / 指标值 / 度量单位 split, 权重 and 未完成原因分析,
the 原因 cell holding the template's filling note, 合计 / 评价结论 / 存在问题 / 改进措施 rows) as the budget
system exports it to a workbook, where the other corpora hold it as page text. The layout follows the form
as a stored 四川 county page shows it; no stored page held a 江阳区 table, and rows and figures are ours.
Composed contradiction (of the kind issue 12 reports from a real table): the 合计 (96.75) is one point above
the sum of its own scores (95.75).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/sichuan-luzhou-jiangyang-jiaotong-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

NOTE = (
    "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
    "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款."
)
HEAD = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("51050223T000006612018-农村公路安全生命防护工程", 10)],
        ["主管部门", C("泸州市江阳区交通运输局本级", 4), "实施单位 (盖章)", C("泸州市江阳区交通运输局", 5)],
        [C("项目基本情况", rs=4), C("1.项目年度目标完成情况", 10)],
        [C("项目年度目标", 5), C("年度目标完成情况", 5)],
        [C("完成农村公路安全隐患路段整治25公里，工程验收合格，降低道路交通事故发生率。", 5),
         C("完成隐患路段整治26公里，全部验收合格，事故起数同比下降4%。", 5)],
        [C("2.项目实施内容及过程概述", 3), C("对临水临崖、急弯陡坡路段增设护栏、标志标线和减速设施。", 7)],
        [C("预算执行情况(10分)", rs=6), "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", C("原因", 3)],
        ["总额", "30.00", "36.00", "35.10", "97.50%", "10", "9.75", C(NOTE, 3, 5)],
        ["其中:财政资金", "30.00", "36.00", "35.10", "97.50%", "/", "/"],
        ["财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
        ["单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
        ["其他资金", "", "", "", "", "/", "/"],
        [C("绩效指标(90分)", rs=6), *HEAD],
        ["产出指标", "数量指标", "农村公路安全隐患整治里程", "≥", "25", "公里", "26", "30", "30", ""],
        ["产出指标", "质量指标", "整治工程验收合格率", "=", "100", "%", "100", "20", "20", ""],
        ["产出指标", "成本指标", "每公里平均整治成本", "≤", "1.4", "万元", "1.35", "10", "10", ""],
        ["效益指标", "社会效益指标", "道路交通事故起数下降率", "≥", "5", "%", "4", "20", "16", "部分路段车流量增长较快，下年增设监控和警示设施"],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "92", "10", "10", ""],
        [C("合计", 8), "100", "96.75", ""],
        ["评价结论", C("项目按计划完成隐患路段整治，工程质量合格，通行安全条件明显改善。", 10)],
        ["存在问题", C("事故起数下降率未达到年度目标。", 10)],
        ["改进措施", C("加强重点路段巡查，完善警示和监控设施。", 10)],
        [C("项目负责人:", 5), C("财务负责人:", 6)],
    ]


if __name__ == "__main__":
    write_xlsx(
        layout(),
        HERE / "document.xlsx",
        title=("报表编号:510000_0013zp", "部门预算项目支出绩效自评表(2023年度)"),
        sheet="510000_0013zp",
    )
