"""Builds document.pdf: a 凤冈县卫生健康局 (贵州) project target table printed to PDF.

Composed from the ordinary 贵州 县级 项目支出绩效目标表: title, '（2020年度）', '填报单位：…'; 项目名称 / 主管部门 |
实施单位 / 项目资金（万元） with 年度资金总额 and 其中：财政拨款 on one row / 年度目标 / 一级 | 二级 | 三级 | 指标值
with 一级 merged down. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/guizhou-fenggang-weijian-2020/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "为城乡居民免费提供基本公共卫生服务，做好居民健康档案、老年人和慢性病患者健康管理。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("基本公共卫生服务项目", cs=4)],
    ["主管部门", "凤冈县卫生健康局", "实施单位", C("凤冈县疾病预防控制中心", cs=2)],
    ["项目资金（万元）", "年度资金总额", "312.60", "其中：财政拨款", "312.60"],
    ["年度目标", C(GOAL, cs=4)],
    ["一级指标", "二级指标", C("三级指标", cs=2), "指标值"],
    [C("产出指标", rs=5), "数量指标", C("居民电子健康档案建档人数", cs=2), "≥26万人"],
    ["数量指标", C("老年人健康管理人数", cs=2), "≥2.1万人"],
    ["质量指标", C("高血压患者规范管理率", cs=2), "≥60%"],
    ["时效指标", C("资金拨付及时率", cs=2), "100%"],
    ["成本指标", C("人均基本公共卫生服务补助标准", cs=2), "74元"],
    ["效益指标", "社会效益指标", C("城乡居民公共卫生服务差距", cs=2), "不断缩小"],
    ["满意度指标", "服务对象满意度指标", C("居民满意度", cs=2), "≥85%"],
]
TITLE = ["项目支出绩效目标表", "（2020年度）", "填报单位：凤冈县卫生健康局"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
