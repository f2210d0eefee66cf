"""Builds document.xlsx: a 项目支出绩效自评表 of a 盐城市亭湖区 department as the Excel sheet it is attached as.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 江苏 district units attach it to their
决算: title and '(2022年度)' above the grid, 项目名称 / 主管部门 / 实施单位, 项目资金(万元) with 年初预算数 /
全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 (Excel numbers), 预期目标 / 实际完成情况, 一级 with its points
in brackets, one row short of its target with the reason filled in, 总分. No stored page held a 亭湖区 table;
the rows and figures are ours in that form, and they agree with each other.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout6/jiangsu-yancheng-tinghu-jiaoyu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "落实家庭经济困难学生资助政策,做到应助尽助,资助资金按时足额发放。"
DONE = "全年资助家庭经济困难学生3120人次,个别学生因转学未能在本区领取。"
REASON = "2名学生年中转学外地,由转入地资助;今后及时核对学籍变动"


def layout() -> list[list[C | str | int | float]]:
    return [
        [C("项目名称", 2), C("家庭经济困难学生资助", 8)],
        [C("主管部门", 2), C("盐城市亭湖区教育局", 3), "实施单位", C("盐城市亭湖区教育局", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", 356, 356, 342.5, 10, "96.21%", C(9.62, 2)],
        ["其中:当年财政拨款", 356, 356, 342.5, "—", "96.21%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "资助学生人次", "≥3000人次", "3120人次", 15, 15, C("", 2)],
        ["质量指标", "资助对象认定准确率", "100%", "100%", 15, 15, C("", 2)],
        ["时效指标", "资助资金按时发放率", "100%", "100%", 10, 10, C("", 2)],
        ["成本指标", "资助资金总额", "≤356万元", "342.5万元", 10, 10, C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "应助学生资助覆盖率", "100%", "98%", 10, 9.8, C(REASON, 2)],
        ["可持续影响指标", "家庭经济困难学生辍学人数", "0人", "0人", 20, 20, C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "受助学生及家长满意度", "≥90%", "95%", 10, 10, C("", 2)],
        [C("总分", 6), 100, 99.42, C("", 2)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
