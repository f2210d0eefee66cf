"""Builds document.html: a 科尔沁右翼前旗 (内蒙古) 林业和草原局's target table with half-year and full-year targets.

Stands for portal tables written with <thead>/<th> and <tbody> and a value split in time: 上半年目标值 |
全年目标值 side by side (the annual value is the full-year one), the 一级 and 二级 merged down with
rowspan inside <tbody>, a <caption> for the title and a 备注 column. Composed; texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/neimenggu-keyouqianqi-linye-2024/make.py``
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (一级, [(二级, [(三级, 上半年目标值, 全年目标值, 备注)])])
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str]]]]]] = [
    (
        "产出指标",
        [
            ("数量指标", [("人工造林面积", "≥0.6万亩", "≥1.5万亩", "春秋两季"), ("退化草原修复面积", "≥2万亩", "≥5万亩", "")]),
            ("质量指标", [("造林成活率", "—", "≥85%", "秋季核查")]),
            ("时效指标", [("补助资金兑付率", "≥50%", "100%", "")]),
            ("成本指标", [("人工造林亩均补助", "≤500元/亩", "≤500元/亩", "")]),
        ],
    ),
    (
        "效益指标",
        [
            ("生态效益指标", [("森林覆盖率", "—", "较上年提高", "")]),
            ("社会效益指标", [("带动农牧民务工人数", "≥300人", "≥800人", "")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("农牧民群众满意度", "—", "≥90%", "年末问卷")])]),
]


def rows() -> str:
    out: list[str] = []
    for first, seconds in TREE:
        first_span = sum(len(items) for _, items in seconds)
        first_cell = f'<td rowspan="{first_span}">{html.escape(first)}</td>'
        for second, items in seconds:
            second_cell = f'<td rowspan="{len(items)}">{html.escape(second)}</td>'
            for name, half, full, note in items:
                cells = "".join(f"<td>{html.escape(text)}</td>" for text in (name, half, full, note))
                out.append(f"<tr>{first_cell}{second_cell}{cells}</tr>")
                first_cell = second_cell = ""
    return "\n".join(out)


def page() -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>科右前旗林业和草原局2024年项目绩效目标</title></head>
<body>
<div class="crumb">首页 &gt; 政务公开 &gt; 预决算公开 &gt; 部门预算</div>
<h2>科尔沁右翼前旗林业和草原局2024年项目支出绩效目标表</h2>
<div class="meta">发布时间：2024-01-26　来源：旗林草局</div>
<table class="info" border="1">
<tr><th>项目名称</th><td colspan="3">林草生态保护修复项目</td></tr>
<tr><th>主管部门</th><td>科尔沁右翼前旗林业和草原局</td><th>实施单位</th><td>科尔沁右翼前旗林业工作站</td></tr>
<tr><th>项目资金</th><td colspan="3">年度资金总额 612.00 万元，其中财政拨款 612.00 万元</td></tr>
<tr><th>年度绩效目标</th><td colspan="3">完成人工造林和退化草原修复任务，巩固生态建设成果。</td></tr>
</table>
<table class="kpi" border="1">
<caption>项目绩效指标</caption>
<thead>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>上半年目标值</th><th>全年目标值</th><th>备注</th></tr>
</thead>
<tbody>
{rows()}
</tbody>
</table>
<p class="foot">（此表由科尔沁右翼前旗林业和草原局编制）</p>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
