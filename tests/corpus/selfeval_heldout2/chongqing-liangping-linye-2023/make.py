"""Builds document.docx: a 重庆 district bureau's 部门整体绩效自评表 (2023) as the Word file it publishes.

Stands for the table 重庆市梁平区林业局 published for 2023: title, 主管部门 / 部门联系人 / 联系电话 and
自评总分(分) on the first rows, a funds block 年初预算数 / 全年(调整)预算数 / 全年执行数 / 执行率 / 执行率权重 /
执行率得分 with 年度总金额 and 其中财政拨款 rows, 年初绩效目标 / 全年(调整)绩效目标 / 全年目标实际完成情况
side by side, then a flat indicator list with no 一级/二级 columns: 指标名称 | 计量单位 | 指标性质 | 指标值 |
指标权重(分) | 全年完成值 | 指标得分(分) | 说明. Figures and texts are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout2/chongqing-liangping-linye-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

ROWS = [
    ("天然林和公益林管护任务完成率", "%", "≥", "90", "10", "100", "10", ""),
    ("国家级公益林管护面积", "万亩", "≥", "28", "10", "28", "10", ""),
    ("森林抚育面积", "万亩", "≥", "2", "10", "2.1", "10", ""),
    ("森林火灾受害率", "‰", "≤", "1", "10", "0.85", "10", ""),
    ("主要林业有害生物成灾率", "‰", "≤", "4", "10", "3.6", "10", ""),
    ("退耕还林补助兑现率", "%", "=", "100", "10", "100", "10", ""),
    ("新增造林面积", "万亩", "≥", "1.5", "10", "1.2", "8", ""),
    ("林长制巡林覆盖率", "%", "≥", "95", "10", "98", "10", ""),
    ("服务对象满意度", "%", "≥", "90", "10", "96", "10", ""),
]
GOAL = "保护森林和湿地资源,完成新增造林1.5万亩、森林抚育2万亩,森林火灾受害率和林业有害生物成灾率控制在指标内,落实林长制。"
DONE = "完成森林抚育2.1万亩,新增造林1.2万亩;全年未发生重大森林火灾,林业有害生物成灾率3.6‰,林长制巡林全覆盖。"


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["主管部门", C("重庆市梁平区林业局", 4), "部门联系人", "刘敏", "联系电话", "53220000"],
        [C("自评总分(分)", 2), C("97.65", 7)],
        [C("", 3), "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
        [C("年度总金额", 3), "5820.32", "6432.06", "6208.50", "96.52%", "10", "9.65"],
        [C("其中财政拨款", 3), "5820.32", "6432.06", "6208.50", "96.52%", "", ""],
        [C("当年绩效目标", rs=2), C("年初绩效目标", 2), C("全年(调整)绩效目标", 3), C("全年目标实际完成情况", 3)],
        [C(GOAL, 2), C(GOAL, 3), C(DONE, 3)],
        [C("绩效指标", rs=len(ROWS) + 1), "指标名称", "计量单位", "指标性质", "指标值", "指标权重(分)", "全年完成值", "指标得分(分)", "说明"],
    ]
    for row in ROWS:
        rows.append(list(row))
    return rows


if __name__ == "__main__":
    write_docx(
        [("h", "重庆市梁平区林业局2023年度部门整体绩效自评表"), ("table", layout())],
        HERE / "document.docx",
        landscape=True,
    )
