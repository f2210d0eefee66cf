"""Builds document.docx: a 宾川县农业农村局 (云南) project target table as a Word attachment.

Composed from the ordinary 云南 县级 项目支出绩效目标申报表: heading, '单位：万元', then 项目名称 / 主管部门 |
实施单位 / 项目资金 merged down over 年度资金总额, 其中：财政拨款, 其他资金 / 年度绩效目标 / 一级 | 二级 | 三级 |
指标值 with 一级 merged down, and a 填报人 line. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/yunnan-binchuan-nongye-2019/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "建设标准化葡萄种植基地，开展新型职业农民技术培训，推动高原特色葡萄产业提质增效、带动农户增收。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("高原特色葡萄产业发展项目", cs=3)],
    ["主管部门", "宾川县农业农村局", "实施单位", "宾川县经济作物技术推广站"],
    [C("项目资金", rs=3), "年度资金总额", C("95.00", cs=2)],
    ["其中：财政拨款", C("95.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), "数量指标", "建设标准化葡萄种植基地", "≥2000亩"],
    ["数量指标", "培训新型职业农民", "≥300人次"],
    ["质量指标", "技术培训考核合格率", "≥90%"],
    ["时效指标", "项目完成时限", "2019年12月底前"],
    ["成本指标", "每亩基地建设补助", "≤400元"],
    [C("效益指标", rs=2), "经济效益指标", "带动农户增收", "≥1500元/户"],
    ["可持续影响指标", "高原特色产业发展", "持续推进"],
    ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"],
]
BLOCKS: list[tuple[str, object]] = [
    ("h", "2019年项目支出绩效目标申报表"),
    ("p", "填报单位（盖章）：宾川县农业农村局                          单位：万元"),
    ("table", LAYOUT),
    ("p", "填报人：杨丽芬        联系电话：0872-7100000        填报日期：2019年1月20日"),
]


def main() -> None:
    write_docx(BLOCKS, HERE / "document.docx")


if __name__ == "__main__":
    main()
