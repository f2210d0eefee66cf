"""Builds document.docx: a 西宁市湟中区文化馆 (青海) target table as a Word document, 2019 form.

Composed from the ordinary 2019 项目支出绩效目标申报表 as provinces issued it before the 2021 central
template: title and '(2019年度)' paragraphs, 项目名称, 主管部门 | 实施单位, 项目属性 with checkbox glyphs,
项目资金（万元） with 年度资金总额 / 其中：财政拨款 / 其他资金, 年度目标, then '年度绩效指标' merged down
beside 一级 | 二级 | 三级 | 指标值, and a 审核意见 row. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/qinghai-huangzhong-wenhuaguan-2019/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "开展送文化下乡和群众文艺辅导,组织民间艺术展演,丰富城乡群众精神文化生活。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("群众文化活动及送文化下乡经费", cs=4)],
    ["主管部门", "湟中县文化旅游体育局", "实施单位", C("湟中县文化馆", cs=2)],
    ["项目属性", C("持续性项目☑  新增性项目□", cs=4)],
    [C("项目资金\n（万元）", rs=3), "年度资金总额：", C("45.00", cs=3)],
    ["其中：财政拨款", C("45.00", cs=3)],
    ["其他资金", C("", cs=3)],
    ["年度目标", C(GOAL, cs=4)],
    [C("年度绩效指标", rs=10), "一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), "数量指标", "送文化下乡场次", "≥60场"],
    ["数量指标", "群众文艺骨干辅导人次", "≥400人次"],
    ["质量指标", "演出节目审查通过率", "100%"],
    ["时效指标", "送文化下乡完成时间", "2019年10月底前"],
    ["成本指标", "每场下乡演出补助", "≤4500元"],
    [C("效益指标", rs=2), "社会效益指标", "受惠群众人次", "≥3万人次"],
    ["可持续影响指标", "农村文化阵地作用", "持续发挥"],
    [C("满意度指标", rs=2), "服务对象满意度指标", "基层群众满意度", "≥90%"],
    ["服务对象满意度指标", "文艺骨干满意度", "≥90%"],
    ["主管部门审核意见", C("（盖章）\n年  月  日", cs=4)],
]
BLOCKS: list[tuple[str, object]] = [
    ("h", "项目支出绩效目标申报表"),
    ("p", "(2019年度)"),
    ("table", LAYOUT),
]


def main() -> None:
    write_docx(BLOCKS, HERE / "document.docx")


if __name__ == "__main__":
    main()
