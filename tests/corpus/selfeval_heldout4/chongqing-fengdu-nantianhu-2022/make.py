"""Builds document.xlsx: a 项目支出绩效自评表 of a 丰都县 township as the Excel sheet it is attached as.

Stands for the form 丰都县南天湖镇人民政府 publishes with its 2022年度部门决算 (the central 项目支出绩效自评表
of 财预〔2020〕10号): title and '(2022年度)' above the grid, 项目名称 / 主管部门 / 实施单位, 项目资金(万元)
with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, 预期目标 / 实际完成情况, then 一级 (with its
points in brackets) / 二级 / 三级 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施 and 总分.
Project and figures are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout4/chongqing-fengdu-nantianhu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "完成全镇农村公路日常养护,保持路面整洁、边沟畅通,保障群众安全出行。"
DONE = "全年养护农村公路85公里,路况优良率82%,未发生因养护不到位引起的安全事故。"


def layout() -> list[list[C | str | int | float]]:
    return [
        [C("项目名称", 2), C("南天湖镇农村公路日常养护", 8)],
        [C("主管部门", 2), C("丰都县南天湖镇人民政府", 3), "实施单位", C("丰都县南天湖镇人民政府", 4)],
        [C("项目资金\n(万元)", 2, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", 60, 60, 60, 10, "100%", C(10, 2)],
        ["其中:当年财政拨款", 60, 60, 60, "—", "", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "养护农村公路里程", "≥85公里", "85公里", 20, 20, C("", 2)],
        ["质量指标", "路况优良率", "≥80%", "82%", 10, 10, C("", 2)],
        ["时效指标", "养护任务完成及时率", "100%", "100%", 10, 10, C("", 2)],
        ["成本指标", "每公里养护成本", "≤0.7万元", "0.7万元", 10, 10, C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "因路况引发的交通安全事故", "0起", "0起", 15, 15, C("", 2)],
        ["可持续影响指标", "农村公路使用年限延长", "≥2年", "2年", 15, 15, C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10, C("", 2)],
        [C("总分", 6), 100, 100, C("", 2)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
