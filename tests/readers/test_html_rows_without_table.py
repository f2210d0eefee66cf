"""HTML pages whose table rows have no ``<table>`` around them (a CMS or a copy-paste that dropped the
element and kept its ``<tr>``/``<td>``): the rows are read as the table they were, for target tables and
published 自评表 alike (first seen on tests/corpus/selfeval_heldout6, a 决算 page of the central form).
The pages are our own, in the layout such disclosure pages print."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.html import parse_tables, read_html_text
from jixiao.readers.selfeval_published import read_published_bytes

TARGET_ROWS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>预算公开</title></head><body>
<h2>2024年项目支出绩效目标表</h2>
<tr><td>项目名称</td><td colspan="4">社区助餐服务</td></tr>
<tr><td>主管部门</td><td colspan="4">示范区民政局</td></tr>
<tr><td rowspan="4">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>助餐服务人次</td><td>&ge;3000人次</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>老年人就餐便利度</td><td>明显提升</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>老年人满意率</td><td>&ge;90%</td></tr>
<p>联系电话:0000-0000000</p>
<table><tr><td>收入</td><td>预算数</td></tr></table>
</body></html>"""


def test_rows_without_a_table_element_are_one_table_ended_by_the_next_block() -> None:
    rows_table, funds = parse_tables(TARGET_ROWS)
    assert rows_table.above == ["2024年项目支出绩效目标表"]
    assert len(rows_table.rows) == 6
    assert rows_table.rows[-1][-1].text == "≥90%"
    assert [c.text for c in funds.rows[0]] == ["收入", "预算数"]
    assert funds.above == ["联系电话:0000-0000000"]


def test_a_target_table_without_its_table_element_is_read() -> None:
    tables, _ = read_html_text(TARGET_ROWS, "page.html")
    (table,) = tables
    assert table.project.name == "社区助餐服务"
    assert [i.name for i in table.indicators] == ["助餐服务人次", "老年人就餐便利度", "老年人满意率"]


def _cells(*texts: str | tuple[str, int]) -> str:
    out = []
    for text in texts:
        value, span = text if isinstance(text, tuple) else (text, 1)
        out.append(f"<td colspan={span}>{value}</td>" if span > 1 else f"<td>{value}</td>")
    return "<tr>" + "".join(out) + "</tr>\n"


INDICATOR_HEADS = ("年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
SELFEVAL_ROWS = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n'
    "<h1>某区农业农村局2023年度部门决算</h1>\n<h2>附件:项目支出绩效自评表</h2>\n"
    + _cells(("项目支出绩效自评表<br>(2023年度)", 9))
    + _cells("项目名称", ("农田管护补助", 8))
    + _cells("主管部门", ("某区农业农村局", 3), "实施单位", ("某区农业农村局", 4))
    + _cells("项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", ("得分", 2))
    + _cells("", "年度资金总额", "40.00", "40.00", "36.00", "10", "90%", ("9", 2))
    + _cells("", "其中:当年财政拨款", "40.00", "40.00", "36.00", "—", "90%", ("—", 2))
    + _cells("绩效指标", "一级指标", "二级指标", "三级指标", *INDICATOR_HEADS)
    + _cells("", "产出指标(50分)", "数量指标", "管护面积", "≥1000亩", "1000亩", "50", "50", "")
    + _cells("", "效益指标(30分)", "经济效益指标", "亩均增产", "≥20公斤", "18公斤", "30", "27", "遇旱情")
    + _cells("", "满意度指标(10分)", "服务对象满意度指标", "农户满意度", "≥90%", "92%", "10", "10", "")
    + _cells(("总分", 6), "100", "96", "")
    + "<p>填报单位(盖章):某区农业农村局</p>\n</body></html>"
)


def test_a_published_self_evaluation_without_its_table_element_is_read_as_printed() -> None:
    (table,) = read_published_bytes(SELFEVAL_ROWS.encode("utf-8"), "决算.html")
    assert table.project == "农田管护补助"
    assert table.budget_score == Decimal(9)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("管护面积", "≥1000亩", "1000亩", Decimal(50), Decimal(50)),
        ("亩均增产", "≥20公斤", "18公斤", Decimal(30), Decimal(27)),
        ("农户满意度", "≥90%", "92%", Decimal(10), Decimal(10)),
    ]
    assert table.total == Decimal(96)
