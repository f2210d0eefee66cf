"""Issue 11, indicator-block layouts heldout12 showed, read generally (documents of our own in layouts seen
in published tables; projects, names and values are ours):

1. a two-row header: ``指标值`` merged over ``比较符 | 目标值 | 计量单位``, the other headings merged down —
   the three parts fold into one annual value, the cell as written kept as ``raw``.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.html import read_html_text

# A county bureau's 项目绩效目标表 as a portal page holds it: the value heading spans three sub-columns.
TWO_ROW_HEADER = """<html><body><p>2025年度项目绩效目标表</p>
<table border="1">
<tr><td>项目名称</td><td colspan="3">农村公路日常养护</td>
<td>主管部门</td><td colspan="3">某县交通运输局</td></tr>
<tr><td>实施单位</td><td colspan="3">某县公路养护中心</td>
<td>预算金额(万元)</td><td colspan="3">120.00</td></tr>
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td>
<td colspan="3">指标值</td><td rowspan="2">权重(%)</td><td rowspan="2">备注</td></tr>
<tr><td>比较符</td><td>目标值</td><td>计量单位</td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>日常养护里程</td><td>≥</td><td>310</td><td>公里</td>
<td>30</td><td></td></tr>
<tr><td>时效指标</td><td>养护任务完成时间</td><td>≤</td><td>2025年11月30日</td><td></td><td>20</td><td></td></tr>
<tr><td>成本指标</td><td>每公里养护补助</td><td>≤</td><td>3500</td><td>元/公里</td><td>20</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>群众出行条件</td><td></td><td>明显改善</td><td></td><td>15</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥</td><td>90</td><td>%</td><td>15</td>
<td></td></tr>
</table></body></html>"""


def test_a_value_heading_over_comparator_target_and_unit_folds_into_the_annual_value() -> None:
    (table,), _ = read_html_text(TWO_ROW_HEADER, "roads.html")
    read = [(i.name, i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators]
    assert read == [
        ("日常养护里程", "310", Op.GE, Decimal("310"), "公里"),
        ("养护任务完成时间", "2025年11月30日", Op.LE, Decimal("2025"), None),
        ("每公里养护补助", "3500", Op.LE, Decimal("3500"), "元/公里"),
        ("群众出行条件", "明显改善", None, None, None),
        ("沿线群众满意度", "90", Op.GE, Decimal("90"), "%"),
    ]
    assert [i.weight for i in table.indicators] == [Decimal(w) for w in ("30", "20", "20", "15", "15")]
    assert table.indicators[3].annual.kind is Kind.QUALITATIVE
