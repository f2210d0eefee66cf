"""Builds document.xlsx: a 项目支出绩效自评表 of 湖州市吴兴区交通运输局 as an Excel export with merged cells.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 浙江 district unit exports it: 一级
指标 labels carrying their group weight ('产出指标（50分）') merged down their rows, 二级 labels merged, the
绩效指标 label merged down the whole block. No stored page held a 吴兴区 table; rows and figures are ours.
Composed contradiction (of the kind issue 12 asks the audit to catch): the weights printed in the 一级 labels
(产出 50, 效益 30) are not the sums of the rows under them (40 and 40), though all weights still add to 100.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/zhejiang-huzhou-wuxing-jiaotong-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "湖州市吴兴区交通运输局"
GOAL = "完成农村公路养护320公里以上，整治公路安全隐患，保持农村公路优良中等路率80%以上。"
DONE = "全年养护农村公路326公里，优良中等路率82%，安全隐患整治率85.5%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("农村公路养护工程补助", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("湖州市吴兴区公路与运输管理中心", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "650.00", "650.00", "624.00", "10", "96%", "9.6"],
        ["其中：当年财政拨款", "650.00", "650.00", "624.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=9), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标（50分）", rs=4), "数量指标", "农村公路养护里程", "≥320公里", "326公里", "15", "15", ""],
        ["质量指标", "养护工程验收合格率", "100%", "100%", "10", "10", ""],
        ["时效指标", "养护任务完成及时率", "≥95%", "96%", "10", "10", ""],
        ["成本指标", "每公里养护成本", "≤2万元", "1.9万元", "5", "5", ""],
        [C("效益指标（30分）", rs=3), C("社会效益指标", rs=2), "农村公路优良中等路率", "≥80%", "82%", "20", "20", ""],
        ["公路安全隐患整治率", "≥90%", "85.5%", "10", "9.5", "三处隐患路段涉及桥梁改建，纳入下年计划"],
        ["可持续影响指标", "群众出行条件", "持续改善", "达成年度指标", "10", "10", ""],
        ["满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "91%", "10", "10", ""],
        [C("总分", 6), "100", "99.1", ""],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "（2023年度）"))
