"""Issue 11 §3, text extracted from a table column by column (a document of our own in the layout of a
provincial 专项资金 table re-posted as PDF text by a document site): the value header alone on its line
over all of its column's values. Pairing names and values by position is a guess, so nothing is read and
the reader says why, citing the line.
"""

from __future__ import annotations

from jixiao.readers.text import read_text

COLUMN_BY_COLUMN = """绩效目标表
资金名称 省级业务主管部
门 资金类型 实施周期
农村饮水安全专项资金
某省水利厅 专项资金 2022年-2024年
一级指标 二级指标
产出指标 数量指标
质量指标
三级指标 新建集中供水工程(处) 受益人口(万人)
水质达标率(%)
年度目标值
45 12.5 95%
实施周期目标值
120 30 95%
"""


def test_a_table_extracted_column_by_column_is_not_read_and_says_why() -> None:
    tables, diagnostics = read_text(COLUMN_BY_COLUMN, file="columns.txt")
    assert tables == []
    cited = [(d.code, d.source.line) for d in diagnostics if "按列导出" in d.message]
    assert cited == [("JX-R13", 11)]


ONE_CELL_PER_LINE = """项目名称
乡村供水维护经费
一级指标
二级指标
三级指标
年度指标值
产出指标
数量指标
维护供水工程
45处
"""


def test_a_value_header_alone_over_one_value_is_a_cell_per_line_form() -> None:
    tables, diagnostics = read_text(ONE_CELL_PER_LINE, file="cells.txt")
    assert [i.annual.raw for t in tables for i in t.indicators] == ["45处"]
    assert not any("按列导出" in d.message for d in diagnostics)
