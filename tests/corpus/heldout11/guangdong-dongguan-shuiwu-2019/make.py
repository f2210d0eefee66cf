"""Builds document.html: a 东莞 municipal bureau's 财政项目支出绩效目标批复表 as its portal page holds it.

Stands for the 东莞 批复表 of 2019 (see the set's README): the title, '( 2019 年度)' and '预算单位:…' as
rows of the table itself, 项目名称 beside 中期市财政预算(万元) and 本年度申请市财政预算资金(万元), 总体目标 split
into 中期滚动目标(2019年--2021年) and 年度目标, then 一级 | 二级 | 三级 | 指标值(或计划水平) for the 中期 block and
二级 | 三级 | 计划指标值(或计划水平) for the year, with the old template's names (预期产出指标, 效果指标,
数量指标(或建筑规模指标), 预算(或投资规模)控制指标). Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout11/guangdong-dongguan-shuiwu-2019/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

# 一级 → [(中期 二级, 三级, 中期值, 年度 二级, 年度值)]
TREE = [
    (
        "预期产出指标",
        [
            ("数量指标(或建筑规模指标)", "修复污水管网长度", "120公里", "数量指标(或建筑规模指标)", "40公里"),
            ("数量指标(或建筑规模指标)", "新建检查井数量", "1500座", "数量指标(或建筑规模指标)", "500座"),
            ("质量指标", "管网修复工程验收合格率", "100%", "质量指标", "100%"),
            ("质量指标", "工程结算审核误差率", "±3%以内", "质量指标", "±3%以内"),
            (
                "时效指标(工期指标)",
                "年度修复任务完成时间",
                "2021年12月",
                "时效指标(工期指标、形象进度指标)",
                "2019年12月",
            ),
            ("预算(或投资规模)控制指标", "年度预算执行率", "≥90%", "预算(或投资规模)控制指标", "≥90%"),
        ],
    ),
    (
        "效果指标",
        [
            ("社会、经济、生态效益 指标", "片区污水集中收集率", "≥85%", "社会、经济、生态效益 指标", "≥70%"),
            ("可持续影响指标", "修复管网设计使用年限", "≥30年", "可持续影响指标", "≥30年"),
        ],
    ),
    (
        "满意度指标",
        [("社会公众或服务对象满意度指标", "沿线群众满意度", "≥85%", "社会公众或服务对象满意度指标", "≥85%")],
    ),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("东莞市财政项目支出绩效目标批复表", 9)],
        [C("( 2019 年度)", 9)],
        [C("预算单位:东莞市水务局", 9)],
        [
            "项目 名称",
            C("农村生活污水管网修复工程", 2),
            C("中期市财政预算(万元)", 2),
            "9600.00",
            C("本年度申请市财政预算资金(万元)", 2),
            "3200.00",
        ],
        [C("总体目标", rs=2), C("中期滚动目标(2019年--2021年)", 4), C("年度目标", 4)],
        [
            C("三年修复镇村污水管网120公里,新建检查井1500座,片区污水集中收集率达到85%以上。", 4),
            C("修复污水管网40公里,新建检查井500座,年度预算执行率不低于90%。", 4),
        ],
    ]
    count = sum(len(items) for _, items in TREE)
    rows.append(
        [
            C("绩效指标", rs=count + 1),
            "一级 指标",
            "二级 指标",
            "三级 指标",
            "指标值(或计划水平)",
            "二级 指标",
            "三级 指标",
            C("计划指标值(或计划水平)", 2),
        ]
    )
    for level1, items in TREE:
        for i, (mid2, name, mid, year2, year) in enumerate(items):
            lead: list[C | str] = [C(level1, rs=len(items))] if i == 0 else []
            rows.append(lead + [mid2, name, mid, year2, name, C(year, 2)])
    return rows


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>东莞市财政项目支出绩效目标批复表(农村生活污水管网修复工程)</title></head>
<body>
<div class="crumb">当前位置: 市水务局 &gt; 其他 &gt; 通知公告</div>
<ul class="meta"><li>索 引 号:011503712/2019-00862</li><li>发文机关:市水务局</li><li>发文日期:2019-05-06 10:31</li>
<li>名称:东莞市财政项目支出绩效目标批复表(农村生活污水管网修复工程)</li><li>文号:</li></ul>
<div class="content">
<table border="1" cellspacing="0" cellpadding="0">
{rows}
</table>
</div>
<div class="foot">扫一扫在手机打开当前页 【打印】【关闭】</div>
</body></html>
"""

if __name__ == "__main__":
    (HERE / "document.html").write_text(PAGE.format(rows=table_html(layout())), encoding="utf-8")
