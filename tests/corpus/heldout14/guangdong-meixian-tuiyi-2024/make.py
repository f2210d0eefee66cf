"""Builds document.pdf: a 梅州市梅县区 (广东) 退役军人事务局's target table printed to PDF.

The ordinary 广东 部门预算 项目绩效目标表 as units print it: 项目名称 / 主管部门 / 项目资金 (年度资金 |
其中：财政资金 | 其他资金 side by side on one row), 总体绩效目标, then 一级指标 | 二级指标 | 三级指标 | 指标值
with 一级 merged down and 二级 written on every row. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/guangdong-meixian-tuiyi-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "为辖区内重点优抚对象按时足额发放定期抚恤补助,组织走访慰问,落实优待政策。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("重点优抚对象抚恤补助及走访慰问经费", cs=5)],
    ["主管部门", C("梅州市梅县区退役军人事务局", cs=2), "实施单位", C("梅州市梅县区退役军人服务中心", cs=2)],
    ["项目资金（万元）", "年度资金", "1265.30", "其中：财政资金", "1265.30", "其他资金：0"],
    ["总体绩效目标", C(GOAL, cs=5)],
    ["一级指标", "二级指标", C("三级指标", cs=2), C("指标值", cs=2)],
    [C("产出指标", rs=4), "数量指标", C("享受定期抚恤补助人数", cs=2), C("≥2150人", cs=2)],
    ["数量指标", C("走访慰问优抚对象户数", cs=2), C("≥600户", cs=2)],
    ["质量指标", C("抚恤补助发放准确率", cs=2), C("100%", cs=2)],
    ["时效指标", C("抚恤补助按月发放率", cs=2), C("100%", cs=2)],
    [C("效益指标", rs=2), "社会效益指标", C("优抚对象生活保障水平", cs=2), C("稳步提高", cs=2)],
    ["社会效益指标", C("拥军优属社会氛围", cs=2), C("进一步浓厚", cs=2)],
    ["满意度指标", "服务对象满意度指标", C("优抚对象满意度", cs=2), C("≥95%", cs=2)],
]
TITLE = ["2024年项目支出绩效目标表", "单位：梅州市梅县区退役军人事务局"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
