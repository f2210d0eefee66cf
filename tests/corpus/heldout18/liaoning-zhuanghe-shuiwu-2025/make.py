"""Builds document.pdf: a 庄河市水务局 (辽宁) project target table printed to PDF.

Composed from the ordinary 辽宁 县级 项目支出绩效目标表: title, '（2025年度）', '单位：万元'; 项目名称 / 主管部门 |
实施单位 / 项目资金（万元） merged down over 年度资金总额, 其中：财政拨款, 其他资金 / 年度绩效目标 / 一级 | 二级 |
三级 | 指标值 with 一级 and 二级 merged down. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/liaoning-zhuanghe-shuiwu-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "对农村集中供水工程开展维修养护和水质检测，保障农村饮水安全和工程长效运行。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("农村供水工程维修养护项目", cs=3)],
    ["主管部门", "庄河市水务局", "实施单位", "庄河市农村供水服务站"],
    [C("项目资金（万元）", rs=3), "年度资金总额", C("210.00", cs=2)],
    ["其中：财政拨款", C("210.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=6), C("数量指标", rs=2), "农村供水工程维修养护处数", "≥45处"],
    ["水质检测频次", "≥4次/年"],
    ["质量指标", "农村集中供水工程水质达标率", "≥90%"],
    ["时效指标", "维修养护完成时限", "2025年10月底前"],
    [C("成本指标", rs=2), "单处工程平均维修费用", "≤4.5万元"],
    ["水质检测单次费用", "≤0.3万元"],
    [C("效益指标", rs=2), "社会效益指标", "农村自来水普及率", "≥93%"],
    ["可持续影响指标", "供水工程长效运行", "持续保障"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
]
TITLE = ["项目支出绩效目标表", "（2025年度）", "单位：万元"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
