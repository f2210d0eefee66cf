"""Builds document.pdf: a 北流市农业农村局 (广西) target table printed to PDF, with '/' placeholder rows.

Composed from the 2021 central template as 广西 counties fill it: every 二级 of the template kept as a row,
and where the project sets no indicator the 三级 and 指标值 cells hold a slash '/' (社会成本指标 | / | /,
生态环境成本指标 | / | /, 生态效益指标 | / | /). 项目资金 as 年度资金总额 | 其中：财政资金 | 其他资金 in 万元,
'单位：万元' under the title. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/guangxi-beiliu-nongye-2026/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "开展农作物重大病虫害统防统治和绿色防控示范,减少粮食因病虫害造成的损失。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("农作物重大病虫害统防统治项目", cs=3)],
    ["主管部门", "北流市农业农村局", "实施单位", "北流市植保植检站"],
    [C("项目资金", rs=3), "年度资金总额", C("166.00", cs=2)],
    ["其中：财政资金", C("166.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=4), "数量指标", "统防统治作业面积", "≥8万亩"],
    ["数量指标", "绿色防控示范区", "≥5个"],
    ["质量指标", "统防统治防治效果", "≥85%"],
    ["时效指标", "防治作业完成时间", "2026年10月底前"],
    [C("成本指标", rs=3), "经济成本指标", "亩均统防统治补助", "≤18元"],
    ["社会成本指标", "/", "/"],
    ["生态环境成本指标", "/", "/"],
    [C("效益指标", rs=4), "经济效益指标", "挽回粮食损失", "≥3000吨"],
    ["社会效益指标", "病虫害防控技术到位率", "≥90%"],
    ["生态效益指标", "/", "/"],
    ["可持续影响指标", "统防统治服务组织", "稳定运行"],
    ["满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%"],
]
TITLE = ["2026年项目支出绩效目标表", "单位：万元"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
