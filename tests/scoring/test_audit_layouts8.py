"""The two classes of the seventh held-out set (tests/corpus/selfeval_heldout7), on tables of our own.

1. A 部门整体 自评表 copied as `` | `` text: the merged 绩效指标, 一级 and 二级 cells of a group's later
   rows come out as runs of empty cells, and a line that opens with `` | `` loses its first one when the
   text is cut into cells. Each row is placed under the header by its count and by what its cells hold;
   a row that fits two placements equally is read in the header's columns and said (JX-R31).
   Rows that kept no empty cell in front and open with a 二级 that is no catalogue category, or with
   a 二级 carrying its points (``成本指标5分``), are placed the same way.
2. An actual that copies a target which says only "met" (``达标`` under ``达标``, ``完成`` under ``完成``)
   reports nothing (JX-A22, as a target that only repeats its name); one copied qualitative statement
   (``明显改善``) stays an ordinary completion, as the earlier goldens have it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from benchmarks.selfeval_fidelity import CORPUS
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.evaluation.published import PublishedSelfEvaluation
from jixiao.readers.selfeval_published import file_rows, read_published_path, read_published_text
from jixiao.scoring.audit import audit

_HEAD = """部门整体支出绩效自评表 | | | | | | | |
（2024年度） | | | | | | | |
部门（单位）名称 | 某县林业局 | | | | | | |
年度部门整体支出预算（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 | 年度资金总额 | 500.00 | 520.00 | 494.00 | 10 | 95.00% | 9.5
 | 其中：基本支出 | 300.00 | 300.00 | 300.00 | — | 100.00% | —
 | 项目支出 | 200.00 | 220.00 | 194.00 | — | 88.18% | —
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
"""

# Each later row of a group opens with empty cells for the merged 绩效指标/一级/二级 cells; the text
# kept all but the first (a line opening with ' | ').
MERGED_CELLS = (
    _HEAD
    + """ | 产出指标（50分） | 数量指标 | 森林防火巡护里程 | ≥1200公里 | 1260公里 | 20 | 20 |
 | | | 防火检查次数 | ≥24次 | 24次 | 10 | 10 |
 | | 质量指标 | 造林成活率 | ≥85% | 88% | 10 | 10 |
 | | 成本指标 | 每亩造林成本 | ≤1500元 | 1480元 | 10 | 10 |
 | 效益指标（30分） | 生态效益指标 | 森林覆盖率 | ≥62% | 62.3% | 30 | 30 |
 | 满意度指标（10分） | 服务对象满意度指标 | 林农满意度 | ≥90% | 93% | 10 | 10 |
总分 | | | | | | 100 | 99.5 |
"""
)

_READ = [
    ("产出指标", "数量指标", "森林防火巡护里程", "≥1200公里", "1260公里", "20", "20"),
    ("产出指标", "数量指标", "防火检查次数", "≥24次", "24次", "10", "10"),
    ("产出指标", "质量指标", "造林成活率", "≥85%", "88%", "10", "10"),
    ("产出指标", "成本指标", "每亩造林成本", "≤1500元", "1480元", "10", "10"),
    ("效益指标", "生态效益指标", "森林覆盖率", "≥62%", "62.3%", "30", "30"),
    ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "93%", "10", "10"),
]


def _rows(text: str, name: str) -> list[tuple[str, ...]]:
    (table,) = read_published_text(text, name)
    return [
        (i.level1, i.level2, i.name, i.target, i.actual, str(i.weight), str(i.score))
        for i in table.indicators
    ]


def test_rows_opening_with_merged_cells_are_read_under_their_own_columns() -> None:
    assert _rows(MERGED_CELLS, "merged.txt") == _READ
    (table,) = read_published_text(MERGED_CELLS, "merged.txt")
    assert table.ambiguous_rows == ()
    result = audit(table)
    assert result.result.total == Decimal("99.5")
    assert set(result.codes()) == {"JX-A21"}  # the weights add up: no JX-A06 on a table that agrees


def test_rows_that_keep_every_cell_stay_in_the_headers_columns() -> None:
    # The same table with tabs between cells: nothing was dropped, each row keeps the header's columns.
    tabbed = "\n".join("\t".join(c.strip() for c in line.split("|")) for line in MERGED_CELLS.splitlines())
    assert _rows(tabbed, "merged_tabs.txt") == _READ
    # and as a Markdown table, whose rows open and close with '|'
    markdown = "\n".join("| " + line for line in MERGED_CELLS.splitlines())
    assert _rows(markdown, "merged.md") == _READ
    # and with the merged 绩效指标 label written again on every indicator row (rowspans filled in)
    head, rows = MERGED_CELLS.split("偏差原因分析及改进措施\n")
    repeated = (
        head
        + "偏差原因分析及改进措施\n"
        + rows.replace("\n | ", "\n绩效指标 | ").replace(" | 产出", "绩效指标 | 产出", 1)
    )
    assert repeated.count("绩效指标 |") == 7
    assert _rows(repeated, "repeated.txt") == _READ


# A row with no name and no target whose four figures fit ≥5 | 6 | 10 | 10 as target, actual, 分值, 得分
# and, one column to the left, as actual, 分值, 得分 and a reason: both readings are as good.
AMBIGUOUS = (
    _HEAD
    + """ | 产出指标（50分） | 数量指标 | 森林防火巡护里程 | ≥1200公里 | 1260公里 | 40 | 40 |
 | | | | | ≥5 | 6 | 10 | 10 |
 | 效益指标（30分） | 生态效益指标 | 森林覆盖率 | ≥62% | 62.3% | 30 | 30 |
 | 满意度指标（10分） | 服务对象满意度指标 | 林农满意度 | ≥90% | 93% | 10 | 10 |
总分 | | | | | | 100 | 99.5 |
"""
)


def test_a_row_that_fits_two_placements_is_read_in_the_headers_columns_and_said(tmp_path: Path) -> None:
    # every line opens with a border (Markdown-like), so the row's leading | is a border and the row
    # has one cell fewer than its header; where lines open with their first cell, a leading | is an
    # empty first cell kept (textforms._bordered) and the row is read as written, as with tabs below
    bordered = "\n".join(line if line.startswith(" |") else "| " + line for line in AMBIGUOUS.splitlines())
    document = tmp_path / "ambiguous.txt"
    document.write_text(bordered + "\n", encoding="utf-8")
    (table,), diagnostics = read_published_path(document)
    second = table.indicators[1]
    read = (second.target, second.actual, second.weight, second.score)
    assert read == ("≥5", "6", Decimal(10), Decimal(10))
    (said,) = [d for d in diagnostics if d.code == "JX-R31"]
    assert said.source.line == 10 and "第10行" in said.message and "请对照原表核对" in said.message
    assert [d.code for d in read_published_path(_written(tmp_path, MERGED_CELLS))[1]] == []

    # with tabs the row keeps every cell, as many as its header: nothing was dropped, nothing to say
    tabbed = "\n".join("\t".join(c.strip() for c in line.split("|")) for line in AMBIGUOUS.splitlines())
    (table,), diagnostics = read_published_path(_written(tmp_path, tabbed))
    second = table.indicators[1]
    assert (second.target, second.actual, second.weight, second.score) == ("", "≥5", Decimal(6), Decimal(10))
    assert [d.code for d in diagnostics] == []

    output = CliRunner().invoke(app, ["evaluate", "--json", str(document)]).output
    (entry,) = json.loads(output[output.index("[") : output.rindex("]") + 1])
    assert [d["where"] for d in entry["diagnostics"] if d["code"] == "JX-R31"] == [f"{document}:10"]


def _written(folder: Path, text: str) -> Path:
    path = folder / "merged.txt"
    path.write_text(text, encoding="utf-8")
    return path


_COPIES = """项目支出绩效自评表
( 2024年度)
项目名称 委员履职服务经费 主管部门 某县政协 实施单位 某县政协办公室
项目资金
(万元)
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 40 40 40 10 100% 10
其中:当年财政拨款 40 40 40 — —
绩
效
指
标
一级
指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 委员视察调研次数 ≥10次 11次 30 30
质量指标 提案办复率 100% 100% 20 20
时效指标 履职活动完成情况 {target} {actual} 20 20
效益指标 社会效益指标 委员履职成效 明显提升 明显提升 10 10
满意度指标 服务对象满意度指标 委员满意度 ≥90% 95% 10 10
总分 100 100
"""


def _copy_codes(target: str, actual: str) -> set[str]:
    (table,) = read_published_text(_COPIES.format(target=target, actual=actual), "copies.txt")
    return set(audit(table).codes())


def test_an_actual_copying_a_target_that_only_says_met_is_raised() -> None:
    for word in ("达标", "完成", "达到目标"):
        codes = _copy_codes(word, word)
        assert "JX-A22" in codes, word
        assert "JX-A23" not in codes  # a qualitative row: no number was asked for
    (table,) = read_published_text(_COPIES.format(target="达标", actual="达标"), "copies.txt")
    (copied,) = [d for d in audit(table).diagnostics if d.code == "JX-A22"]
    assert "“履职活动完成情况”" in copied.message and "写“达标”" in copied.message


def test_one_copied_qualitative_statement_is_an_ordinary_completion() -> None:
    # '明显提升' under '明显提升' alone (the 效益 row) says what was reached; so does a real answer to 达标
    assert "JX-A22" not in _copy_codes("按期完成", "6月底前完成")
    assert "JX-A22" not in _copy_codes("达标", "全部达到验收标准")


# A 四级 评价指标体系 as ' | ' text, 一级 cells merged: rows open with a 二级 that is no catalogue
# category (项目立项, 可持续性), and a 二级 with its points (成本指标5分) under a merged 产出 cell.
FRAMEWORK = """项目支出绩效自评表 | | | | | | |
项目名称 | 乡村学校校舍维修 | | | | | |
项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | 80 | 80 | 80 | 10 | 100% | 10
一级指标 | 二级指标 | 三级指标 | 分值 | 指标值（A） | 全年实际值（B） | 得分 | 未完成原因分析及改进措施
决策 | 项目立项 | 立项依据充分性 | 5 | — | 符合教育发展规划 | 5 |
 | 绩效目标 | 目标明确性 | 5 | — | 目标细化量化 | 5 |
产出指标 | 数量指标 | 维修校舍面积 | 40 | ≥3000平方米 | 3200平方米 | 40 |
 | 成本指标5分 | 每平方米维修成本 | 5 | ≤260元 | 250元 | 5 |
效益指标 | 可持续性 | 校舍安全使用年限 | 25 | ≥10年 | 10年 | 25 |
满意度指标 | 服务对象满意度指标 | 师生满意度 | 10 | ≥90% | 94% | 10 |
总分 | | | 100 | | | 100 |
"""


def test_rows_opening_with_a_second_level_that_is_no_category_keep_their_columns() -> None:
    (table,) = read_published_text(FRAMEWORK, "framework.txt")
    read = [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert read == [
        ("项目立项", "立项依据充分性", "—", "符合教育发展规划", Decimal(5), Decimal(5)),
        ("绩效目标", "目标明确性", "—", "目标细化量化", Decimal(5), Decimal(5)),
        ("数量指标", "维修校舍面积", "≥3000平方米", "3200平方米", Decimal(40), Decimal(40)),
        ("成本指标5分", "每平方米维修成本", "≤260元", "250元", Decimal(5), Decimal(5)),
        ("可持续性", "校舍安全使用年限", "≥10年", "10年", Decimal(25), Decimal(25)),
        ("服务对象满意度指标", "师生满意度", "≥90%", "94%", Decimal(10), Decimal(10)),
    ]


# The 自评表 the corpora hold as workbooks, Word, HTML and PDF tables, each row written out as ' | ' text
# the way a page copy gives it: a row's empty first cell then opens its line with ' | ' and is lost when
# the line is cut (fund rows under a label spanning columns too, and a header opening with blank cells);
# a name that reads like a category (服务对象满意度) stays a name; a merged label the grid repeats on every
# row (绩效指标) is no indicator.


def test_grid_tables_of_the_corpora_read_the_same_as_pipe_text() -> None:
    documents = sorted(
        path
        for suffix in ("xlsx", "docx", "html", "pdf")
        for path in CORPUS.parent.glob(f"selfeval*/*/document.{suffix}")
    )
    assert 30 <= len(documents) <= 80
    for document in documents:
        tables, _ = read_published_path(document)
        rows, _ = file_rows(document)
        lines = []
        for row in rows:
            cells = [c.replace("\n", "") for c in row.cells]
            while cells and not cells[-1].strip():
                cells.pop()
            lines.append(" | ".join(cells))
        as_text = read_published_text("\n".join(lines), f"{document.parent.name}.txt")
        assert [_printed(t) for t in as_text] == [_printed(t) for t in tables], document


def _printed(table: PublishedSelfEvaluation) -> tuple[object, ...]:
    """What a table printed: its fund rows, indicator rows, total and grade."""
    funds = [(f.label, f.initial, f.budget, f.executed, f.weight, f.rate, f.score) for f in table.funds]
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    return (funds, rows, table.total, table.grade)


# The funds block of the central form copied as ' | ' text: 项目资金（万元） spans three columns, each
# fund row's label two, and every fund row lost its first (empty) cell.
SPANNED_FUNDS = """项目支出绩效自评表 | | | | | | | |
项目名称 | 森林防火专项 | | | | | | |
项目资金（万元） | | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 | 年度资金总额 | | 60 | 60 | 57 | 10 | 95% | 9.5
 | 其中：当年财政拨款 | | 60 | 60 | 57 | — | 95% | —
 | 上年结转资金 | | | | | — | | —
""" + MERGED_CELLS[MERGED_CELLS.index("绩效指标 |") :]


def test_fund_rows_under_a_label_spanning_columns_keep_their_amounts_in_place() -> None:
    (table,) = read_published_text(SPANNED_FUNDS, "spanned_funds.txt")
    total, granted = table.funds[:2]
    figures = (total.initial, total.budget, total.executed, total.weight, total.rate, total.score)
    assert figures == (Decimal(60), Decimal(60), Decimal(57), Decimal(10), Decimal(95), Decimal("9.5"))
    assert (granted.budget, granted.executed, granted.rate) == (Decimal(60), Decimal(57), Decimal(95))
    assert _rows(SPANNED_FUNDS, "spanned_funds.txt") == _READ
    assert {"JX-A04", "JX-A05", "JX-A03"}.isdisjoint(audit(table).codes())
