"""Builds document.docx: a 南平 district library's 项目绩效目标 in a Word file of two separate tables.

Stands for Word forms whose project block and indicator block are two tables (see the set's README): a
heading, a '一、项目基本情况' paragraph and a two-column key/value table (项目名称, 主管部门, 实施单位,
项目属性, 实施期限 '2023年1月—2023年12月', 资金来源 with 年度资金总额 '42万元'), then '二、项目绩效指标' and a
second table 一级 | 二级 | 三级 | 指标值 | 指标值说明 with 一级 and 二级 merged down, and a 填报人 paragraph.
Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/fujian-jianyang-tushuguan-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

PROJECT: list[list[C | str]] = [
    ["项目名称", "全民阅读推广及数字图书馆运维"],
    ["主管部门", "南平市建阳区文体和旅游局"],
    ["实施单位", "南平市建阳区图书馆"],
    ["项目属性", "经常性项目"],
    ["实施期限", "2023年1月—2023年12月"],
    ["年度资金总额", "42万元"],
    ["其中：财政拨款", "42万元"],
    ["其他资金", "0万元"],
    ["年度绩效目标", "开展全民阅读活动,保障数字图书馆平台稳定运行,提升公共阅读服务效能。"],
]

# 一级 → [(二级, [(三级, 指标值, 指标值说明)])]
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str]]]]]] = [
    (
        "产出指标",
        [
            (
                "数量指标",
                [
                    ("举办阅读推广活动场次", "≥80场", "含讲座、展览、亲子阅读"),
                    ("新增数字资源容量", "≥6TB", "电子图书、期刊及音视频"),
                ],
            ),
            ("质量指标", [("数字图书馆平台正常运行率", "≥99%", "全年平台可用时长占比")]),
            ("时效指标", [("运维服务响应时间", "≤2小时", "故障报修至响应")]),
            ("成本指标", [("平台年度运维费用", "≤15万元", "按合同价控制")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("年度到馆及线上读者人次", "≥30万人次", "到馆与平台访问合计")]),
            ("可持续影响指标", [("全民阅读氛围", "持续增强", "")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("读者满意度", "≥95%", "问卷调查")])]),
]


def indicator_table() -> list[list[C | str]]:
    rows: list[list[C | str]] = [["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"]]
    for first, seconds in TREE:
        span = sum(len(items) for _, items in seconds)
        for j, (second, items) in enumerate(seconds):
            for k, (third, value, note) in enumerate(items):
                row: list[C | str] = []
                if j == 0 and k == 0:
                    row.append(C(first, rs=span))
                if k == 0:
                    row.append(C(second, rs=len(items)))
                rows.append([*row, third, value, note])
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "2023年度项目绩效目标表"),
            ("p", "填报单位(盖章):南平市建阳区图书馆"),
            ("p", "一、项目基本情况"),
            ("table", PROJECT),
            ("p", "二、项目绩效指标"),
            ("table", indicator_table()),
            ("p", "填报人:吴**    审核人:张**    联系电话:0599-58*****    填报日期:2023年1月16日"),
        ],
        HERE / "document.docx",
    )
