"""Builds document.docx: a 桦甸市教育局 (吉林) project target table as a Word attachment.

Composed from the ordinary 吉林 县级 项目支出绩效目标申报表 with amounts in 元: heading, '申报单位：…
金额单位：元', then 项目名称 / 主管部门 | 实施单位 / 项目资金（元） merged down over 年度资金总额, 其中：财政拨款,
其他资金 / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值 with 一级 merged down, and a 填报人 line. Texts and figures
are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/jilin-huadian-jiaoyu-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "利用暑期对义务教育阶段学校校舍进行维修改造，更新老旧课桌椅，改善学校办学条件，保障师生安全。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("义务教育学校校舍维修改造项目", cs=3)],
    ["主管部门", "桦甸市教育局", "实施单位", "桦甸市教育后勤服务中心"],
    [C("项目资金（元）", rs=3), "年度资金总额", C("1860000.00", cs=2)],
    ["其中：财政拨款", C("1860000.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), "数量指标", "义务教育学校校舍维修面积", "≥1.2万平方米"],
    ["数量指标", "更新学生课桌椅", "≥3000套"],
    ["质量指标", "维修工程质量验收合格率", "100%"],
    ["时效指标", "暑期维修完成时间", "2021年8月25日前"],
    ["成本指标", "校舍维修每平方米成本", "≤120元"],
    [C("效益指标", rs=2), "社会效益指标", "学校办学条件", "明显改善"],
    ["可持续影响指标", "校舍安全保障", "长期有效"],
    ["满意度指标", "服务对象满意度指标", "师生及家长满意度", "≥95%"],
]
BLOCKS: list[tuple[str, object]] = [
    ("h", "2021年项目支出绩效目标申报表"),
    ("p", "申报单位：桦甸市教育局                                金额单位：元"),
    ("table", LAYOUT),
    ("p", "填报人：王丽娜        联系电话：0432-6200000        填报日期：2021年1月15日"),
]


def main() -> None:
    write_docx(BLOCKS, HERE / "document.docx")


if __name__ == "__main__":
    main()
