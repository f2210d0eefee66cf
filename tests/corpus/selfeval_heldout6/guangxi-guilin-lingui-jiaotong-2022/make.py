"""Builds document.xlsx: a 项目支出绩效自评表 of a 桂林市临桂区 department as the Excel sheet it is attached as.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 广西 district units attach it: title and
'(2022年度)', the fund block with amounts as Excel numbers and the rate as text, 一级 with '(50分)', the
偏差原因 column empty throughout, 总分 and a 自评等级 line. No stored page held a 临桂区 table; the rows and
figures are ours. The table adds up (7.5 + 88 = 95.5) but one met row is scored 8 of 10 with no reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout6/guangxi-guilin-lingui-jiaotong-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "完成农村公路日常养护,保持路况良好,保障群众安全便捷出行。"
DONE = "完成农村公路养护里程486公里,部分资金因项目结算滞后未支付。"


def layout() -> list[list[C | str | int | float]]:
    return [
        [C("项目名称", 2), C("农村公路日常养护经费", 8)],
        [C("主管部门", 2), C("桂林市临桂区交通运输局", 3), "实施单位", C("桂林市临桂区交通运输局", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", 200, 200, 150, 10, "75%", C(7.5, 2)],
        ["其中:当年财政拨款", 200, 200, 150, "—", "75%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "农村公路养护里程", "≥480公里", "486公里", 20, 20, C("", 2)],
        ["质量指标", "列养路段优良中等路率", "≥80%", "82%", 10, 10, C("", 2)],
        ["时效指标", "水毁路段抢通及时率", "100%", "100%", 10, 8, C("", 2)],
        ["成本指标", "每公里养护成本", "≤0.42万元", "0.40万元", 10, 10, C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "农村公路安全通行保障", "有效保障", "有效保障", 15, 15, C("", 2)],
        ["可持续影响指标", "路面使用寿命", "有效延长", "有效延长", 15, 15, C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "沿线群众满意度", "≥85%", "88%", 10, 10, C("", 2)],
        [C("总分", 6), 100, 95.5, C("", 2)],
        [C("自评等级", 2), C("优", 8)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
