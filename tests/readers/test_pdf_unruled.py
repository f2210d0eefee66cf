"""PDF tables printed without ruled lines: columns rebuilt from the word positions.

The documents are made here with WeasyPrint (as `writers.pdf` does) with CSS borders off, the way
Word without grid lines and finance-system printouts publish them: wrapped 三级指标 names and values,
tall merged 一级/二级 cells centred (or top-aligned) over their rows, an empty 二级 cell under a
merged block, a table cut by a page break with and without its header repeated. Every golden is
written by hand from the HTML below.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from weasyprint import HTML

from jixiao.model import Severity, Table
from jixiao.readers.pdf import read_pdf_bytes
from jixiao.readers.pdf_unruled import AMBIGUOUS_COLUMN, UnruledTables, unruled_rows
from jixiao.readers.pdf_unruled_rows import Fragment
from jixiao.readers.selfeval_published import read_published_bytes
from jixiao.writers.pdf import render_html
from tests.seed import seed_tables

_STYLE = """
@page {{ size: {page}; margin: 10mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; }}
h1 {{ text-align: center; font-size: 13pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: none; padding: 3pt 4pt; vertical-align: {align}; font-weight: normal; }}
tr {{ break-inside: avoid; }}
"""


def _pdf(body: str, *, page: str = "A4 landscape", align: str = "middle") -> bytes:
    style = _STYLE.format(page=page, align=align)
    html = f'<html><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>'
    return bytes(HTML(string=html).write_pdf())


def _td(text: str, rows: int = 1, width: str = "") -> str:
    span = f' rowspan="{rows}"' if rows > 1 else ""
    style = f' style="width: {width}"' if width else ""
    return f"<td{span}{style}>{text}</td>"


# A target table of our own: (一级 with its rowspan, 二级 with its rowspan, 三级, 指标值); "" where a
# merged cell above covers the row, None where the 二级 cell is printed empty.
_TARGET_ROWS: tuple[tuple[tuple[str, int] | str, tuple[str, int] | str | None, str, str], ...] = (
    (("产出指标", 6), ("数量指标", 2), "托管服务覆盖社区数量", "≥12个"),
    ("", "", "参加托管儿童人数（含寒暑假期间临时托管的儿童）", "≥860人"),
    ("", ("质量指标", 1), "托管场所安全检查合格率", "100%"),
    ("", None, "托管老师持证上岗率", "≥95%"),
    ("", ("时效指标", 2), "服务按期完成率", "按学期完成，每学期结束前完成家长满意度回访并形成书面报告"),
    ("", "", "资金拨付及时率", "≥98%"),
    (("效益指标", 2), ("社会效益指标", 1), "双职工家庭接送压力缓解程度", "明显缓解"),
    ("", ("可持续影响指标", 1), "社区托管服务长效机制建立情况", "建立"),
    (("满意度指标", 2), ("服务对象满意度指标", 2), "家长满意度", "≥90%"),
    ("", "", "儿童满意度", "≥90%"),
)
_TARGET_GOLDEN = (
    ("产出指标", "数量指标", "托管服务覆盖社区数量", "≥12个"),
    ("产出指标", "数量指标", "参加托管儿童人数（含寒暑假期间临时托管的儿童）", "≥860人"),
    ("产出指标", "质量指标", "托管场所安全检查合格率", "100%"),
    ("产出指标", "质量指标", "托管老师持证上岗率", "≥95%"),
    ("产出指标", "时效指标", "服务按期完成率", "按学期完成，每学期结束前完成家长满意度回访并形成书面报告"),
    ("产出指标", "时效指标", "资金拨付及时率", "≥98%"),
    ("效益指标", "社会效益指标", "双职工家庭接送压力缓解程度", "明显缓解"),
    ("效益指标", "可持续影响指标", "社区托管服务长效机制建立情况", "建立"),
    ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"),
    ("满意度指标", "服务对象满意度指标", "儿童满意度", "≥90%"),
)


def _target_table(*, repeat_header: bool) -> str:
    header = "".join(
        _td(h, width=w)
        for h, w in (("一级指标", "14%"), ("二级指标", "18%"), ("三级指标", "22%"), ("指标值", "22%"))
    )
    head = f"<thead><tr>{header}</tr></thead>" if repeat_header else f"<tr>{header}</tr>"
    body = []
    for level1, level2, name, value in _TARGET_ROWS:
        cells = ""
        if isinstance(level1, tuple):
            cells += _td(level1[0], level1[1])
        if isinstance(level2, tuple):
            cells += _td(level2[0], level2[1])
        elif level2 is None:
            cells += _td("")
        body.append(f"<tr>{cells}{_td(name)}{_td(value)}</tr>")
    return f"""<h1>2025年项目支出绩效目标表</h1>
<table>
<tr><td>项目名称</td><td colspan="3">社区儿童课后托管服务补助</td></tr>
<tr><td>主管部门</td><td>某区教育局</td><td>实施单位</td><td>某区青少年活动中心</td></tr>
</table>
<p></p>
<table style="table-layout: fixed">{head}<tbody>{"".join(body)}</tbody></table>"""


def _indicators(table: Table) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]


@pytest.mark.parametrize("align", ["middle", "top"])
def test_an_unruled_target_table_reads_with_wrapped_and_merged_cells(align: str) -> None:
    data = _pdf(_target_table(repeat_header=False), align=align)
    (table,), diagnostics = read_pdf_bytes(data, "plain.pdf")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert table.project.name == "社区儿童课后托管服务补助"
    assert table.project.department == "某区教育局"
    assert _indicators(table) == list(_TARGET_GOLDEN)


@pytest.mark.parametrize("repeat_header", [True, False])
def test_an_unruled_table_cut_by_a_page_break_goes_on(repeat_header: bool) -> None:
    """On an A6 page the table runs onto a second and third page, with its header repeated
    (a <thead>) or not (the columns of the page before go on)."""
    data = _pdf(_target_table(repeat_header=repeat_header), page="148mm 105mm")
    (table,), diagnostics = read_pdf_bytes(data, "cut.pdf")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    pages = {i.source.page for i in table.indicators}
    assert len(pages) >= 2  # the table really is cut
    assert _indicators(table) == list(_TARGET_GOLDEN)


def test_the_seed_printed_without_borders_reads_like_the_ruled_one() -> None:
    seed = seed_tables()
    html = render_html(list(seed)).replace("border: 0.6pt solid #000;", "border: none;")
    data = HTML(string=html.replace('content="jixiao"', 'content="other"')).write_pdf()
    back, diagnostics = read_pdf_bytes(data, "plain.pdf")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert [t.project for t in back] == [t.project for t in seed]
    assert [t.indicators for t in back] == [t.indicators for t in seed]  # 136 of 136, values and tree
    assert sum(len(t.indicators) for t in back) == 136
    # A goal text wrapped over several lines beside the table joins back without a space.
    for read, ruled in zip(back[1:4], seed[1:4], strict=True):
        assert (read.goals.period, read.goals.annual) == (ruled.goals.period, ruled.goals.annual)


# A published 自评表 of our own in the central layout: funds block, 分值 after 年度指标值, wrapped
# names and reasons, merged 一级 cells with their weights in the label.
_SELFEVAL_FUNDS = (
    ("年度资金总额", "80.00", "80.00", "72.00", "10", "90.00%", "9.00"),
    ("其中：当年财政拨款", "80.00", "80.00", "72.00", "—", "—", "—"),
    ("上年结转资金", "0", "0", "0", "—", "—", "—"),
)
_SELFEVAL_ROWS = (
    (
        ("产出指标（50分）", 3),
        "数量指标",
        "完成老旧小区加装电梯可行性评估的小区数量",
        "≥20个",
        "22个",
        "20",
        "20",
        "",
    ),
    (
        "",
        "质量指标",
        "评估报告一次性通过专家评审率",
        "≥90%",
        "85%",
        "15",
        "14.17",
        "2份报告因图纸资料不全需补充后再审",
    ),
    ("", "时效指标", "评估完成及时率", "100%", "100%", "15", "15", ""),
    (("效益指标（30分）", 1), "社会效益指标", "居民出行条件改善情况", "有效改善", "有效改善", "30", "30", ""),
    (("满意度指标（10分）", 1), "服务对象满意度指标", "小区居民满意度", "≥90%", "93%", "10", "10", ""),
)


def _selfeval_html() -> str:
    funds = "".join(
        "<tr>" + _td(label) + "".join(_td(c) for c in rest) + _td("") + "</tr>"
        for label, *rest in _SELFEVAL_FUNDS
    )
    rows = []
    for level1, level2, name, target, actual, weight, score, reason in _SELFEVAL_ROWS:
        first = _td(level1[0], level1[1]) if isinstance(level1, tuple) else ""
        cells = "".join(_td(c) for c in (level2, name, target, actual, weight, score, reason))
        rows.append(f"<tr>{first}{cells}</tr>")
    widths = ("12%", "12%", "18%", "10%", "10%", "8%", "8%", "22%")
    header = (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    head = "".join(_td(h, width=w) for h, w in zip(header, widths, strict=True))
    fund_head = "".join(
        _td(h)
        for h in ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "")
    )
    return f"""<h1>项目支出绩效自评表</h1><p style="text-align:center">（2024年度）</p>
<table style="table-layout: fixed">
<tr>{_td("项目名称")}<td colspan="7">老旧小区加装电梯可行性评估经费</td></tr>
<tr>{_td("主管部门")}<td colspan="3">某市住房和城乡建设局</td>
{_td("实施单位")}<td colspan="3">某市城市更新服务中心</td></tr>
<tr>{fund_head}</tr>{funds}
<tr>{head}</tr>{"".join(rows)}
<tr><td colspan="6">总分</td>{_td("98.17")}{_td("")}</tr>
<tr>{_td("自评等级")}<td colspan="7">优</td></tr>
</table>"""


def test_an_unruled_published_self_evaluation_reads_with_its_funds_and_scores() -> None:
    data = _pdf(_selfeval_html())
    (table,) = read_published_bytes(data, "zp.pdf")
    assert (table.project, table.department, table.unit) == (
        "老旧小区加装电梯可行性评估经费",
        "某市住房和城乡建设局",
        "某市城市更新服务中心",
    )
    assert (str(table.total), table.grade, table.year) == ("98.17", "优", 2024)
    funds = [(f.label, str(f.budget), str(f.executed), str(f.rate), str(f.score)) for f in table.funds]
    assert funds[0] == ("年度资金总额", "80.00", "72.00", "90.00", "9.00")
    assert [f.label for f in table.funds] == ["年度资金总额", "当年财政拨款", "上年结转资金"]
    read = [
        (i.level1, i.level2, i.name, i.target, i.actual, str(i.weight), str(i.score), i.reason)
        for i in table.indicators
    ]
    assert read == [
        ("产出指标", "数量指标", "完成老旧小区加装电梯可行性评估的小区数量", "≥20个", "22个", "20", "20", ""),
        ("产出指标", "质量指标", "评估报告一次性通过专家评审率", "≥90%", "85%", "15", "14.17",
         "2份报告因图纸资料不全需补充后再审"),
        ("产出指标", "时效指标", "评估完成及时率", "100%", "100%", "15", "15", ""),
        ("效益指标", "社会效益指标", "居民出行条件改善情况", "有效改善", "有效改善", "30", "30", ""),
        ("满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "93%", "10", "10", ""),
    ]  # fmt: skip


def test_a_word_standing_across_two_columns_gets_a_diagnostic() -> None:
    """A value printed on one line wider than its column runs under the next header: its column
    cannot be told from its place, so the reader says so (and where)."""
    long_value = "按学期完成并于每学期结束前十个工作日内完成全部家长满意度回访"
    body = _target_table(repeat_header=False).replace(
        "<td>≥98%</td>", f'<td style="white-space: nowrap">{long_value}</td>'
    )
    body = body.replace(
        '<td style="width: 22%">指标值</td>',
        '<td style="width: 22%">指标值</td><td style="width: 20%">备注</td>',
    )
    _, diagnostics = read_pdf_bytes(_pdf(body), "wide.pdf")
    found = [d for d in diagnostics if d.code == AMBIGUOUS_COLUMN]
    assert found, diagnostics
    assert {d.source.page for d in found} == {1}
    assert any(long_value[:6] in d.message and "“备注”" in d.message for d in found)
    assert all(d.severity is Severity.WARNING for d in found)


def test_a_ruled_free_table_without_a_stray_word_gets_no_diagnostic() -> None:
    _, diagnostics = read_pdf_bytes(_pdf(_target_table(repeat_header=False)), "plain.pdf")
    assert [d for d in diagnostics if d.code == AMBIGUOUS_COLUMN] == []


_WORDS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "分值",
    "得分",
    "产出指标",
    "数量指标",
    "≥90%",
    "10",
    "合计",
    "项目名称",
)


@st.composite
def _page_lines(draw: st.DrawFn) -> list[list[Fragment]]:
    """Lines of pieces at arbitrary places: header words, values, overlaps, repeated tops."""
    lines = []
    top = 20.0
    for _ in range(draw(st.integers(0, 14))):
        top += draw(st.sampled_from((0.0, 3.0, 9.0, 14.0, 21.0)))
        pieces = []
        for _ in range(draw(st.integers(0, 6))):
            text = draw(st.sampled_from(_WORDS) | st.text("中文值 %≥A1", min_size=1, max_size=12))
            x0 = draw(st.floats(0, 700, allow_nan=False))
            width = draw(st.floats(0, 200, allow_nan=False))
            gaps = ((text.index(" "), x0 + 1, x0 + 4),) if " " in text.strip() else ()
            pieces.append(Fragment(text, x0, x0 + width, top, top + 9, 9.0, gaps))
        lines.append(sorted(pieces, key=lambda f: f.x0))
    return lines


@settings(max_examples=80, deadline=None)
@given(_page_lines(), st.booleans())
def test_unruled_rows_never_raise_and_lose_no_word(lines: list[list[Fragment]], carried: bool) -> None:
    state = UnruledTables("p.pdf")
    if carried:  # a table left open at the foot of the page before
        unruled_rows([[Fragment("三级指标", 10, 50, 0, 9, 9.0), Fragment("指标值", 100, 130, 0, 9, 9.0)],
                      [Fragment("分值", 200, 220, 0, 9, 9.0)]], 1, state)  # fmt: skip
    pieces, used = unruled_rows(lines, 2, state)
    assert len(set(used)) == len(used)
    written = sorted("".join(c for _, row in pieces for c in row.cells).replace(" ", ""))
    given_text = sorted("".join(f.text for at in used for f in lines[at]).replace(" ", ""))
    assert written == given_text


@pytest.mark.parametrize("align", ["middle", "top"])
def test_header_cells_wrapped_in_narrow_columns_still_head_their_columns(align: str) -> None:
    """A4 portrait: 项目资金(万元), 偏差原因分析及改进措施 … wrap in their narrow columns."""
    data = _pdf(_selfeval_html(), page="A4 portrait", align=align)
    (table,) = read_published_bytes(data, "narrow.pdf")
    read = [(i.name, i.target, i.actual, str(i.weight), str(i.score)) for i in table.indicators]
    assert read == [
        ("完成老旧小区加装电梯可行性评估的小区数量", "≥20个", "22个", "20", "20"),
        ("评估报告一次性通过专家评审率", "≥90%", "85%", "15", "14.17"),
        ("评估完成及时率", "100%", "100%", "15", "15"),
        ("居民出行条件改善情况", "有效改善", "有效改善", "30", "30"),
        ("小区居民满意度", "≥90%", "93%", "10", "10"),
    ]
    assert table.indicators[1].reason == "2份报告因图纸资料不全需补充后再审"
    assert (str(table.total), table.funds[0].score) == ("98.17", Decimal("9.00"))


def test_a_header_band_reaching_back_never_takes_a_line_twice() -> None:
    """Found by the property above in CI: lines of header words at one height make a later header
    band reach back over lines an earlier table already used."""
    word = Fragment("一级指标", 0.0, 0.0, 20.0, 29.0, 9.0)
    lines = [[word, word, word], [word], [word, word, word], [word], [word, word], [word]]
    pieces, used = unruled_rows(lines, 1, UnruledTables("p.pdf"))
    assert len(set(used)) == len(used)
    written = sorted("".join(c for _, row in pieces for c in row.cells).replace(" ", ""))
    assert written == sorted("".join(f.text for at in used for f in lines[at]))
