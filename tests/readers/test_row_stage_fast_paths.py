"""The row stages' cheap whole-row tests (perf14) pass on exactly the rows the per-cell work would:
a label spaced out inside its cell, a word split over two cells, a header repeated with its spaces."""

from __future__ import annotations

from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.coverlines import split_cover_lines
from jixiao.readers.levelfunds import read_level_funds
from jixiao.readers.repeatedheaders import without_repeated_headers
from jixiao.readers.task_totals import TaskTotals
from jixiao.readers.text import read_text


def _rows(text: str) -> list[Row]:
    lines = enumerate(text.splitlines(), start=1)
    return [Row(tuple(line.split("\t")), SourceRef("t.txt", n)) for n, line in lines]


def test_a_spaced_tasks_label_still_opens_the_block() -> None:
    tasks = TaskTotals()  # 年度 主要 任务: the key drops the spaces, the cheap test looks for 务 alone
    lines = "年度 主要 任务\t任务名称\t预算金额(万元)\n保障运转\t工资\t612.40\n金额合计\t*\t697.40"
    found = [tasks.total(list(row.cells)) for row in _rows(lines)]
    assert found[-1] == ("697.40", "万元")


def test_a_cover_line_is_cut_and_a_line_without_colon_passes() -> None:
    rows = _rows("项 目 名 称：某某项目\n项目概况 某某项目")
    cut = list(split_cover_lines(rows))
    assert cut[0].cells == ("项目名称", "某某项目")
    assert cut[1] is rows[1]


def test_a_word_split_over_two_cells_is_no_funds_heading() -> None:
    rows = _rows("资\t金\t中央\n100\t60\t40")  # 资 | 金: no cell says 资金
    assert [row.cells for row in read_level_funds(rows)] == [row.cells for row in rows]


def test_a_repeated_header_with_spaces_is_left_out() -> None:
    text = "指标编码\t一级指标\t二级指标\t三级指标\t指标值\nA1\t产出指标\t数量指标\t培训人数\t100人\n"
    text += "指标 编码\t一级指标\t二级指标\t三级指标\t指标值\nA2\t产出指标\t质量指标\t合格率\t95%"
    rows = _rows(text)
    kept = without_repeated_headers(rows)
    assert [row.cells[0] for row in kept] == ["指标编码", "A1", "A2"]


def test_a_template_note_in_a_category_cell_is_still_dropped() -> None:
    text = (
        "项目名称\t某某项目\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标 (必填)\t培训人数\t100人\n"
    )
    tables, _ = read_text(text, "t.txt")
    assert [i.level2 for i in tables[0].indicators] == ["数量指标"]
