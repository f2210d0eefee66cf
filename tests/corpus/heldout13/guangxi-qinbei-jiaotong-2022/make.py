"""Builds document.docx: a 钦州市钦北区 (广西) 交通运输局's target table whose indicators are grouped by goal.

Stands for Word forms where the 年度绩效目标 is split into numbered goals and each goal carries its own
indicators: a first column '年度目标' merged down over each goal's rows ('目标1：…'), then 一级 | 二级 |
三级 | 指标值, the 一级 starting again under every goal (产出指标 appears under two goals). Project rows
above with merged cells. Composed; texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/guangxi-qinbei-jiaotong-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# (目标, [(一级, 二级, 三级, 指标值)])
GOALS: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    (
        "目标1：完成全区农村公路日常养护，路况保持稳定。",
        [
            ("产出指标", "数量指标", "农村公路日常养护里程", "≥860公里"),
            ("产出指标", "质量指标", "农村公路优良中等路比例", "≥80%"),
            ("产出指标", "成本指标", "每公里年养护补助", "≤7000元"),
        ],
    ),
    (
        "目标2：实施危桥改造，消除通行安全隐患。",
        [
            ("产出指标", "数量指标", "危桥改造座数", "4座"),
            ("产出指标", "时效指标", "危桥改造工程按期完工率", "100%"),
            ("效益指标", "社会效益指标", "群众出行安全条件", "明显改善"),
        ],
    ),
    (
        "目标3：建立管养长效机制，群众满意。",
        [
            ("效益指标", "可持续影响指标", "农村公路管养长效机制", "持续完善"),
            ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"),
        ],
    ),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("农村公路养护及危桥改造", 4)],
        ["主管部门", C("钦州市钦北区交通运输局", 2), "实施单位", "钦北区农村公路管理所"],
        [C("项目资金\n（万元）", rs=2), "年度资金总额", "735.50", "财政拨款", "735.50"],
        ["其他资金", "0", "实施期限", "2022年1月—12月"],
        ["年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ]
    for goal, items in GOALS:
        for index, (first, second, third, value) in enumerate(items):
            lead: list[C | str] = [C(goal, rs=len(items))] if index == 0 else []
            rows.append(lead + [first, second, third, value])
    return rows


def main() -> None:
    blocks: list[tuple[str, object]] = [
        ("h", "2022年项目支出绩效目标表"),
        ("p", "填报单位（盖章）：钦州市钦北区交通运输局"),
        ("table", layout()),
        ("p", "填表人：黄**    联系电话：0777-*******"),
    ]
    write_docx(blocks, HERE / "document.docx")


if __name__ == "__main__":
    main()
