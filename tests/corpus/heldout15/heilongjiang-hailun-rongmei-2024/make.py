"""Builds document.pdf: a 海伦市融媒体中心 (黑龙江) target table printed to PDF, values with notes.

Composed from the ordinary 项目支出绩效目标表 (项目名称 / 主管部门 | 实施单位 / 项目资金 with 年度资金总额 |
其中：财政拨款 | 其他资金 / 年度目标 / 一级 | 二级 | 三级 | 指标值), filled as many units fill it: a space
after the comparator ('≥ 3 条/日') and an explanatory note in brackets after the value in the same cell
('≥95%（以抽样调查结果为准）', '≤30分钟（突发事件首发）'). Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/heilongjiang-hailun-rongmei-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "做好本地新闻宣传和应急信息发布,保障融媒体平台和县级广播电视节目安全播出。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("新闻宣传及融媒体平台运行维护经费", cs=4)],
    ["主管部门", "中共海伦市委宣传部", "实施单位", C("海伦市融媒体中心", cs=2)],
    ["项目资金（万元）", "年度资金总额：138.00", "其中：财政拨款：138.00", C("其他资金：0", cs=2)],
    ["年度目标", C(GOAL, cs=4)],
    ["一级指标", "二级指标", C("三级指标", cs=2), "指标值"],
    [C("产出指标", rs=6), "数量指标", C("本地新闻稿件发布数量", cs=2), "≥ 3 条/日"],
    ["数量指标", C("自办电视新闻节目期数", cs=2), "≥ 250 期"],
    ["质量指标", C("广播电视节目安全播出率", cs=2), "≥99.9%（全年停播累计不超过8小时）"],
    ["质量指标", C("新闻差错率", cs=2), "≤0.1%（以审读记录为准）"],
    ["时效指标", C("应急信息发布时限", cs=2), "≤30分钟（突发事件首发）"],
    ["成本指标", C("平台运维费用", cs=2), "≤45万元"],
    [C("效益指标", rs=2), "社会效益指标", C("主流舆论阵地影响力", cs=2), "持续增强"],
    ["社会效益指标", C("新媒体平台粉丝数", cs=2), "≥12万人（含抖音、快手）"],
    ["满意度指标", "服务对象满意度指标", C("受众满意度", cs=2), "≥95%（以抽样调查结果为准）"],
]
TITLE = ["项目支出绩效目标表", "（2024年度）", "填报单位：海伦市融媒体中心"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
