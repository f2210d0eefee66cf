"""Builds document.pdf: a 项目支出绩效自评表 of a 哈尔滨市道里区 department, printed to PDF (portrait).

Stands for the central 项目支出绩效自评表 in an order some 黑龙江 district units print it: the indicator block
comes right after the fund block and the 年度总体目标 rows (预期目标 / 实际完成情况) come after the 总分 row, at
the foot; a 自评等级 row under them. No stored page held a 道里区 table; rows and figures are ours. Composed
contradiction: the 产出 rows hold 45 and the 效益 rows 20, so the weights add up to 10 + 85 = 95 under a
total column meant for 100 — every row met and scored, the printed total is 95.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/heilongjiang-harbin-daoli-chengguan-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "完成城区主次干道积雪清运，保障冬季道路通行。"
DONE = "全冬清运积雪186万立方米，主干道雪后24小时内通行。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("冬季清冰雪作业经费", 6)],
        [C("主管部门", 2), C("哈尔滨市道里区城市管理局", 2), "实施单位", C("哈尔滨市道里区环境卫生服务中心", 3)],
        [C("项目资金（万元）", 1, 3), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "640.00", "640.00", "640.00", "10", "100%", "10"],
        ["其中：当年财政拨款", "640.00", "640.00", "640.00", "—", "100%", "—"],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [C("产出指标", rs=3), "数量指标", "积雪清运量", "≥180万立方米", "186万立方米", "20", "20"],
        ["质量指标", "主干道机械化除雪率", "≥90%", "92%", "15", "15"],
        ["时效指标", "雪后主干道恢复通行时限", "≤24小时", "24小时", "10", "10"],
        [C("效益指标", rs=2), "社会效益指标", "冬季道路通行保障", "有效保障", "达成年度指标", "10", "10"],
        ["可持续影响指标", "清冰雪长效机制", "持续运行", "达成年度指标", "10", "10"],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88%", "20", "20"],
        [C("总分", 6), "95", "95"],
        [C("年度总体目标", 1, 2), C("预期目标", 3), C("实际完成情况", 4)],
        [C(GOAL, 3), C(DONE, 4)],
        [C("自评等级", 2), C("优", 6)],
    ]


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=("项目支出绩效自评表", "（2021年度）"),
    )
