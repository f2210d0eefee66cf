"""HTML pages: merged cells on the grid, nested tables, encodings, the target tables among others,
and hostile pages refused in bounded work (counted, never timed)."""

from __future__ import annotations

import _markupbase
import html.parser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers import html as html_reader
from jixiao.readers import merged
from jixiao.readers.detect import Format, detect_format, read_any, read_bytes
from jixiao.readers.html import decode_html, parse_tables, read_html_bytes, read_html_text
from jixiao.readers.merged import SpanCell, SpanTable, layout
from jixiao.readers.text import FILE_PROBLEM
from tests.seed import SEED_PATH
from tests.work import assert_grows_linearly, count_work

TARGET = """
<table border="1">
<tr><td>项目名称</td><td colspan="4">社区养老&amp;助餐服务</td></tr>
<tr><td>主管部门</td><td colspan="4">示范区民政局</td></tr>
<tr><td>预算金额(万元)</td><td colspan="4">250</td></tr>
<tr><td rowspan="5">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>助餐服务<br>人次</td><td>&ge;3000人次</td></tr>
<tr><td>质量指标</td><td>食品安全事故</td><td>=0起</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>老年人就餐便利度</td><td>明显提升</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>老年人满意率</td><td>&ge;90%</td></tr>
</table>
"""
FUNDS = """
<table><tr><td>收入</td><td>预算数</td></tr><tr><td>一般公共预算拨款收入</td><td>1,250.00</td></tr></table>
"""


def _page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>预算公开</title></head><body>{body}</body></html>"


def _ok(tables: list[Table], diagnostics: list[Diagnostic]) -> list[Table]:
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    return tables


def test_rowspan_and_colspan_are_laid_out_on_the_grid() -> None:
    (table,) = _ok(*read_html_text(_page(TARGET), "page.html"))
    assert table.project.name == "社区养老&助餐服务"
    assert table.project.department == "示范区民政局"
    assert table.project.budget == 2500000
    rows = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("产出指标", "数量指标", "助餐服务\n人次", "≥3000人次"),
        ("产出指标", "质量指标", "食品安全事故", "=0起"),
        ("效益指标", "社会效益指标", "老年人就餐便利度", "明显提升"),
        ("满意度指标", "服务对象满意度指标", "老年人满意率", "≥90%"),
    ]
    # each indicator knows its table and cell
    assert str(table.indicators[0].source) == "page.html!表1!B5"


def test_a_merged_cell_stands_in_its_top_left_place_and_a_heading_is_spread() -> None:
    spans = SpanTable(
        rows=[
            [SpanCell("绩效指标", rowspan=2), SpanCell("年度指标值", colspan=3)],
            [SpanCell("产出指标", rowspan=2), SpanCell("a"), SpanCell("b")],
            [SpanCell("x"), SpanCell("c"), SpanCell("d"), SpanCell("e")],
        ]
    )
    assert layout(spans, [1000]) == [
        ["绩效指标", "年度指标值", "年度指标值", "年度指标值"],
        ["", "产出指标", "a", "b"],
        ["x", "", "c", "d", "e"],
    ]


def test_the_target_table_is_chosen_among_funds_and_layout_tables() -> None:
    body = f"<table class='meta'><tr><td>[ 索引号 ]</td><td>0001</td></tr></table>{FUNDS}"
    body += f"<table width='100%'><tr><td><p>2024年项目支出绩效目标表</p>{TARGET}</td></tr></table>{FUNDS}"
    (table,) = _ok(*read_html_text(_page(body)))
    assert len(table.indicators) == 4


def test_a_project_block_and_its_indicators_in_two_tables_are_one_target_table() -> None:
    head, rest = TARGET.split('<tr><td rowspan="5">')
    body = head + "</table><p>单位：万元</p>" + FUNDS.replace("收入", "说明") + "<table>"
    body += '<tr><td rowspan="5">' + rest
    (table,) = _ok(*read_html_text(_page(body)))
    assert table.project.name == "社区养老&助餐服务" and len(table.indicators) == 4


def test_scripts_styles_and_comments_are_not_read() -> None:
    trap = "<script>var t='<table><tr><td>项目名称</td><td>假项目</td></tr></table>';</script>"
    trap += "<style>td{color:red}</style><!-- <table><tr><td>项目名称</td></tr></table> -->"
    (table,) = _ok(*read_html_text(_page(trap + TARGET)))
    assert table.project.name == "社区养老&助餐服务"


def test_gbk_pages_are_decoded_by_their_meta_charset_or_by_trying() -> None:
    for head in ('<meta http-equiv=Content-Type content="text/html; charset=gb2312">', ""):
        data = _page(TARGET, head).encode("gbk")
        (table,) = _ok(*read_html_bytes(data))
        assert table.project.department == "示范区民政局"
    assert decode_html(b"\xef\xbb\xbf<p>\xe4\xb8\xad</p>") == "<p>中</p>"


def test_html_is_known_by_its_markup_and_the_seed_text_is_not(tmp_path: Path) -> None:
    page = tmp_path / "表格.xls"  # an "xls" that is a web page, as many systems export
    page.write_text(_page(TARGET), encoding="utf-8")
    assert detect_format(page.read_bytes()) is Format.HTML
    (table,) = _ok(*read_any(page))
    assert len(table.indicators) == 4
    assert detect_format(SEED_PATH.read_bytes()) is Format.TEXT  # goal texts hold <p>, it is still text
    assert detect_format(TARGET.encode()) is Format.HTML  # a bare fragment


def test_a_page_without_target_tables_says_so_in_chinese() -> None:
    tables, (problem,) = read_html_text(_page(FUNDS + "<p>无</p>"), "funds.html")
    assert tables == []
    assert problem.code == FILE_PROBLEM and "网页中没有找到项目绩效目标表" in problem.message
    assert str(problem.source) == "funds.html"
    tables, (problem,) = read_bytes(_page("<p>没有表格</p>").encode(), "empty.html")
    assert "没有表格" in problem.message


# The modules whose work a hostile page's read is counted in (`tests.work`): no timed assertions.
_PARSING = (html.parser, _markupbase, html_reader, merged)


def _refused(text: str, words: str) -> int:
    """The work of reading a page that is refused with ``words`` in its one error."""
    (tables, (problem,)), steps = count_work(_PARSING, lambda: read_html_text(text, "hostile.html"))
    assert tables == [] and words in problem.message and problem.severity is Severity.ERROR
    return steps


def test_deep_nesting_is_refused_in_bounded_work_with_a_chinese_message() -> None:
    """Tables nested past the limit are refused at the limit: twice as deep is no more work."""
    assert_grows_linearly(
        (2_500, 5_000, 10_000), lambda depth: _refused("<table><tr><td>" * depth, "嵌套"), 1.1
    )

    def nested_in_divs(depth: int) -> int:  # deep nesting of other elements: they are not kept
        page = "<div>" * depth + TARGET + "</div>" * depth
        ((table,), _), steps = count_work(_PARSING, lambda: read_html_text(page))
        assert len(table.indicators) == 4
        return steps

    assert_grows_linearly((10_000, 20_000, 40_000), nested_in_divs)


def test_too_many_cells_are_refused_in_bounded_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells past the limit are refused as they come (the limit lowered so the test is quick), and
    cells spanning a huge area before their places are laid out: no work grows with the area."""
    monkeypatch.setattr(html_reader, "MAX_CELLS", 20_000)
    monkeypatch.setattr(merged, "MAX_CELLS", 20_000)
    many = "<table><tr>{}</table>".format
    assert_grows_linearly(
        (40_000, 80_000, 160_000), lambda cells: _refused(many("<td>1" * cells), "单元格超过"), 1.1
    )
    spans = '<tr><td colspan="1000" rowspan="5000">x</td></tr>'
    assert_grows_linearly((50, 100, 200), lambda rows: _refused(f"<table>{spans * rows}</table>", "过大"))


def test_unterminated_markup_costs_linear_work() -> None:
    """html.parser rescans the page for each unterminated ``<!--``/``<![``/``<?``/``</``: defused first."""
    for piece in ("<!--", "<![CDATA[", "<?", "<!", "</", "<!-- >", "</a b"):

        def work_at(repeats: int, piece: str = piece) -> int:
            page = TARGET + piece * repeats
            (tables, diagnostics), steps = count_work(_PARSING, lambda: read_html_text(page, "hostile.html"))
            assert len(tables) <= 1 and isinstance(diagnostics, list)
            return steps

        assert_grows_linearly((1_000, 2_000, 4_000), work_at)
    (table,) = read_html_text("<!-- <table> -->" + TARGET + "<!-- unclosed")[0]
    assert len(table.indicators) == 4


def test_parse_tables_keeps_line_breaks_and_nested_tables_in_order() -> None:
    outer, inner = parse_tables(
        "<p>2024年项目绩效目标表</p><table><tr><td>a<br>b<p>c</p><table><tr><td>内</td></tr></table>d</td></tr></table>"
    )
    assert outer.rows[0][0].text == "a\nb\nc\nd"
    assert outer.above == ["2024年项目绩效目标表"]
    assert inner.rows[0][0].text == "内"


_TAGS = st.sampled_from(
    ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan='2'>",
     "<td colspan=0>", "<td rowspan=99999>", "<br>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->",
     "&ge;", "&#x", "<![CDATA[", "项目名称", "绩效指标", "一级指标", "三级指标", "年度指标值", "产出指标",
     "数量指标", "≥90%", "<meta charset=gbk>", "<", ">", "\"", "'", "\x00"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, st.text(max_size=8)), max_size=80))
def test_arbitrary_html_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    tables, diagnostics = read_html_text(text)
    assert isinstance(tables, list) and isinstance(diagnostics, list)
    read_bytes(text.encode("utf-8", "replace"), "x.html")
