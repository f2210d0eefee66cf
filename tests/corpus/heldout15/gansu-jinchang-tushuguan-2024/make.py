"""Builds document.pdf: a 金昌市 (甘肃) 图书馆 target table in the 甘肃 部门预算项目支出绩效目标表 form.

Reproduces the 甘肃 form seen (as PDF-extracted text) for another city's culture bureau, 2023年度: 一级项目名称
and 二级项目名称 side by side, 项目类型 / 项目分类 / 资金用途, 项目开始日期 / 项目完成日期, 项目总投资 with
中央补助安排 / 省级财政安排 / 其他资金, 预算申报数 and 资金性质, 年度绩效目标, then 一级 | 二级 | 三级 |
指标目标值 with values written '=300天', '=100百分比', 成本指标 as an 一级 with 经济 / 社会 / 生态环境成本指标.
Here printed to a PDF file as the unit publishes it. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/gansu-jinchang-tushuguan-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "全年免费开放不少于300天,举办公益讲座和展览,提升全民阅读服务水平。"
LAYOUT: list[list[C | str | int | float]] = [
    ["一级项目名称", C("公共文化服务体系建设专项资金", cs=2), "二级项目名称", C("图书馆免费开放补助资金", cs=2)],
    ["项目类型", "延续项目", "项目分类", "专项工作经费", "资金用途", "业务类项目"],
    ["主管部门", "金昌市文化和旅游局", "项目开始日期", "2024-01-01", "项目完成日期", "2024-12-31"],
    ["项目总投资", "36万元", "中央补助安排", "20万元", "省级财政安排", "10万元"],
    ["其他资金", "6万元", "预算申报数", "36万元", "资金性质", "一般公共预算"],
    ["基本情况", C("保障市图书馆免费开放和基本服务正常运行。", cs=5)],
    ["组织实施单位", "金昌市文化和旅游局", "监督管理单位", "金昌市文化和旅游局", "项目实施单位", "金昌市图书馆"],
    ["年度绩效目标", C(GOAL, cs=5)],
    ["一级指标", "二级指标", C("三级指标", cs=3), "指标目标值"],
    [C("产出指标", rs=4), "数量指标", C("免费开放天数", cs=3), "=300天"],
    ["数量指标", C("举办公益讲座和展览", cs=3), "≥24场"],
    ["质量指标", C("免费开放服务工作完成率", cs=3), "=100百分比"],
    ["时效指标", C("各项服务按时完成率", cs=3), "≥99百分比"],
    [C("成本指标", rs=3), "经济成本指标", C("补助资金使用效率", cs=3), "=100百分比"],
    ["社会成本指标", C("对当地文化传承的影响", cs=3), "长远"],
    ["生态环境成本指标", C("馆内节能降耗水平", cs=3), "持续改善"],
    [C("效益指标", rs=2), "社会效益指标", C("年接待读者人次", cs=3), "≥150000人次"],
    ["可持续影响指标", C("全民阅读氛围", cs=3), "长期保持"],
    ["满意度指标", "服务对象满意度指标", C("读者满意度", cs=3), "≥95百分比"],
]
TITLE = ["部门预算项目支出绩效目标表", "(2024年度)"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
