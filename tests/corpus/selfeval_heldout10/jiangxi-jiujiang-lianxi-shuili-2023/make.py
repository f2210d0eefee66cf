"""Builds document.pdf: a 项目支出绩效自评表 of a 九江市濂溪区 department, printed to PDF (portrait).

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 江西 district unit prints it, with a
全年预算数 above the 年初预算数 (funds added during the year) and a 自评等级 row under 总分. No stored page
held a 濂溪区 table; rows and figures are ours. Composed contradiction (of the kind issue 12 reports from
real tables): an over-completed row scored in proportion above its weight (17.25 of 15), carried into a
总分 above 100.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/jiangxi-jiujiang-lianxi-shuili-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

UNIT = "九江市濂溪区水利局"
GOAL = "维修养护农村饮水工程60处以上，保障农村群众饮水安全。"
DONE = "全年维修养护农村饮水工程69处，农村供水保证率96%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("农村饮水工程维修养护补助", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("九江市濂溪区农村供水服务站", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "420.00", "450.00", "441.00", "10", "98%", "9.8"],
        ["其中：当年财政拨款", "420.00", "450.00", "441.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), "数量指标", "维修养护农村饮水工程处数", "≥60处", "69处", "15", "17.25", ""],
        ["质量指标", "维修工程验收合格率", "100%", "100%", "15", "15", ""],
        ["时效指标", "维修任务完成及时率", "≥95%", "96%", "10", "10", ""],
        ["成本指标", "每处平均维修成本", "≤7万元", "6.4万元", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "农村供水保证率", "≥95%", "96%", "20", "20", ""],
        ["可持续影响指标", "饮水工程长效运行", "长期", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10", ""],
        [C("总分", 6), "100", "102.05", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "（2023年度）"))
