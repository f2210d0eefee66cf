"""Builds document.html: a 张家口 district 文化广电和旅游局's 项目绩效目标表 where each 一级 is a section row.

Stands for tables whose 一级 is not a column but a full-width row heading its group (see the set's README):
'一、产出指标(50分)' across all columns, then rows 二级 | 三级 | 指标值 | 分值 | 指标解释 with the 二级 merged
down; 项目基本信息 rows above with 预算数(万元) and 项目周期. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/hebei-xuanhua-wenlv-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

# (section row, [(二级, [(三级, 指标值, 分值, 指标解释)])])
SECTIONS: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str]]]]]] = [
    (
        "一、产出指标(50分)",
        [
            (
                "数量指标",
                [
                    ("送戏下乡演出场次", "≥120场", "10", "全年在各乡镇、村演出的场次"),
                    ("农村公益电影放映场次", "≥2800场", "10", "按行政村每月一场计"),
                ],
            ),
            ("质量指标", [("演出放映任务完成率", "100%", "10", "完成场次/计划场次")]),
            ("时效指标", [("演出放映任务完成时间", "2022年12月底前", "10", "")]),
            ("成本指标", [("每场送戏下乡补助", "≤3000元", "10", "按场次核定")]),
        ],
    ),
    (
        "二、效益指标(30分)",
        [
            ("社会效益指标", [("惠及农村群众人次", "≥15万人次", "15", "观看人次统计")]),
            ("可持续影响指标", [("基层公共文化服务水平", "稳步提升", "15", "")]),
        ],
    ),
    ("三、满意度指标(10分)", [("服务对象满意度指标", [("农村群众满意度", "≥90%", "10", "抽样问卷")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("项目基本信息", 5)],
        ["项目名称", C("送戏下乡及农村公益电影放映", 2), "项目周期", "2022年"],
        ["主管部门", C("张家口市宣化区文化广电和旅游局", 2), "预算数(万元)", "128.60"],
        ["实施单位", C("张家口市宣化区文化馆", 4)],
        ["项目绩效目标", C("完成送戏下乡和农村公益电影放映任务,丰富农村群众精神文化生活。", 4)],
        [C("项目绩效指标", 5)],
        ["二级指标", "三级指标", "指标值", "分值", "指标解释"],
    ]
    for section, seconds in SECTIONS:
        rows.append([C(section, 5)])
        for second, items in seconds:
            for k, (third, value, score, note) in enumerate(items):
                head: list[C | str] = [C(second, rs=len(items))] if k == 0 else []
                rows.append([*head, third, value, score, note])
    return rows


PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>宣化区文化广电和旅游局2022年部门预算项目绩效目标</title></head>
<body>
<div class="position">您当前的位置:首页 &gt; 政府信息公开 &gt; 部门预算</div>
<div class="title">宣化区文化广电和旅游局2022年部门预算项目绩效目标</div>
<div class="source">日期:2022-01-28 来源:宣化区文化广电和旅游局</div>
<div class="article">
<p align="center"><strong>2022年度部门预算项目绩效目标表</strong></p>
<table border="1" cellspacing="0" width="100%">
{rows}
</table>
<p>附件:<a href="#">2022年度部门预算项目绩效目标表.xls</a></p>
</div>
</body></html>
"""

if __name__ == "__main__":
    (HERE / "document.html").write_text(PAGE.format(rows=table_html(layout())), encoding="utf-8")
