"""Builds document.docx: a 南京市高淳区档案馆 (江苏) project target table as a Word document.

Composed from the ordinary 江苏 区级 部门预算 项目支出绩效目标表 as units attach it to their budget
disclosure: a heading paragraph, '单位名称：… 单位：万元', a key/value block (项目名称, 主管部门 | 实施单位,
项目资金 with 年度资金总额 / 其中：财政拨款 / 其他资金 merged down), 年度绩效目标, then 一级 | 二级 |
三级 | 指标值 with 一级 and 二级 merged down, and a 填表人 line. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/jiangsu-gaochun-dangan-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "完成馆藏纸质档案数字化扫描和重点档案抢救修复,提升档案利用服务能力。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("馆藏档案数字化及抢救修复经费", cs=3)],
    ["主管部门", "南京市高淳区档案馆", "实施单位", "南京市高淳区档案馆"],
    [C("项目资金", rs=3), "年度资金总额", C("58.60", cs=2)],
    ["其中：财政拨款", C("58.60", cs=2)],
    ["其他资金", C("0", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "档案数字化扫描页数", "≥120万页"],
    ["抢救修复破损档案", "≥3000页"],
    ["质量指标", "数字化成果验收合格率", "≥98%"],
    ["时效指标", "项目完成时间", "2022年11月30日前"],
    ["成本指标", "每页数字化加工成本", "≤0.42元"],
    [C("效益指标", rs=2), "社会效益指标", "档案查阅利用效率", "明显提高"],
    ["可持续影响指标", "重要档案长期安全保管", "有效保障"],
    ["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%"],
]
BLOCKS: list[tuple[str, object]] = [
    ("h", "2022年度项目支出绩效目标表"),
    ("p", "单位名称：南京市高淳区档案馆                                    单位：万元"),
    ("table", LAYOUT),
    ("p", "填表人：陈晓                联系电话：025-57300000"),
]


def main() -> None:
    write_docx(BLOCKS, HERE / "document.docx")


if __name__ == "__main__":
    main()
