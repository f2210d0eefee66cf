"""Builds document.xlsx: a 兴国县水利局 (江西) project target table, two targets bounded on both sides.

Composed from the ordinary 江西 县级 项目支出绩效目标表 as an Excel attachment: title, '单位：万元', 项目名称 /
主管部门 | 实施单位 / 项目资金 with 年度资金总额 | 其中：财政拨款 | 其他资金 as pairs on one row / 年度绩效目标 /
一级 | 二级 | 三级 | 指标值 with 一级 merged down. Two values are bounded on both sides and joined by '且'
('≥90%且≤100%'). Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/jiangxi-xingguo-shuili-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "完成小型水库除险加固和山塘维修养护，消除病险隐患，保障下游群众生命财产安全。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("小型水库除险加固及山塘维修养护项目", cs=6)],
    ["主管部门", C("兴国县水利局", cs=2), "实施单位", C("兴国县水利工程管理站", cs=3)],
    ["项目资金", "年度资金总额", 210, "其中：财政拨款", 210, "其他资金", 0],
    ["年度绩效目标", C(GOAL, cs=6)],
    ["一级指标", "二级指标", C("三级指标", cs=3), C("指标值", cs=2)],
    [C("产出指标", rs=6), "数量指标", C("完成小型水库除险加固", cs=3), C("≥6座", cs=2)],
    ["数量指标", C("维修养护山塘", cs=3), C("≥25座", cs=2)],
    ["质量指标", C("工程验收合格率", cs=3), C("100%", cs=2)],
    ["时效指标", C("主体工程完工时间", cs=3), C("2025年5月底前", cs=2)],
    ["时效指标", C("年度预算执行率", cs=3), C("≥90%且≤100%", cs=2)],
    ["成本指标", C("每立方米土石方工程造价", cs=3), C("≥28元且≤35元", cs=2)],
    [C("效益指标", rs=2), "社会效益指标", C("保护下游人口", cs=3), C("≥1.8万人", cs=2)],
    ["可持续影响指标", C("工程运行管护机制", cs=3), C("长效运行", cs=2)],
    ["满意度指标", "服务对象满意度指标", C("受益群众满意度", cs=3), C("≥90%", cs=2)],
]
TITLE = ["2025年度项目支出绩效目标表", "单位：万元"]


def main() -> None:
    write_xlsx(LAYOUT, HERE / "document.xlsx", TITLE)


if __name__ == "__main__":
    main()
