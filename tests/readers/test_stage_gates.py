"""Issue 15: the text reader's stages skip what a cheap test proves they cannot change. Each test here
gives a stage the signal its gate looks for, in the text form it comes in, and checks the stage still
changes the rows: a gate closed by mistake fails here, not silently in a published document."""

from __future__ import annotations

from jixiao.model import SourceRef
from jixiao.readers.categorytails import join_category_tails
from jixiao.readers.cells import Row, segments
from jixiao.readers.flatpdf import join_flattened_pages, running_header_lines
from jixiao.readers.furniture import is_furniture
from jixiao.readers.joinedlevels import split_joined_levels
from jixiao.readers.outline import without_outline_numbers
from jixiao.readers.repeatedheaders import TREE_SIGNS, without_repeated_headers
from jixiao.readers.roles import SYNONYMS, TREE_ROLES
from jixiao.readers.runs import LONG_RUN, continued_runs
from jixiao.readers.splitlabels import labels_around_values
from jixiao.readers.text import read_text
from jixiao.readers.textforms import text_rows

_RUN = (
    "项目支出绩效目标表项目名称乡村道路养护工程主管部门某县交通运输局实施单位某县公路养护中心"
    "项目总投资45万元一级指标二级指标三级指标指标值产出指标数量指标养护里程=45公里质量指标道路完好率"
    ">=95%满意度指标服务对象满意度指标群众满意度>=90%" + "效益指标" * 30
)


def test_a_whole_table_on_one_long_line_is_still_cut_among_short_lines() -> None:
    """Gate: a line shorter than a run is never tried as a whole table (`text_rows`, lines form)."""
    assert len(_RUN) >= LONG_RUN
    text = "\n".join(["附件", "单位:万元", _RUN, "某县财政局"])
    rows = list(text_rows(text, "run.txt"))
    cut = [row.cells[0] for row in rows if row.source.line == 3]
    assert cut[:4] == ["项目支出绩效目标表", "项目名称", "乡村道路养护工程", "主管部门"]
    assert "养护里程" in cut and "=45公里" in cut


def test_a_run_broken_after_its_head_goes_on_over_short_lines_between() -> None:
    """Gate: a short line is skipped while no run is open (`continued_runs`)."""
    head_run = "某某" * 90 + "项目支出绩效目标表项目名称某项目主管部门某局项目总投资"
    rest = "58.50万元中央补助安排0省级财政安排0其他资金0预算申报数58.50万元"
    assert continued_runs(["短行", head_run, rest, "短行", rest]) == {2}


def test_page_numbers_with_white_space_around_them_mark_a_running_header() -> None:
    """Gate: page numbers are found by one search over the lines joined (`running_header_lines`)."""
    lines = [
        "标题",
        "正文一",
        "  1  ",
        "某局预算",
        "正文二",
        "\u30002\u3000",
        "某局预算",
        "",
        "正文三",
        "\t3",
        "某局预算",
    ]
    assert running_header_lines(lines) == {3, 6, 10}
    paged = ["正文一", " 1 ", "某局预算", "正文二", "第2页 共3页", "某局预算"]
    assert running_header_lines(paged) == {2, 5}
    assert (
        running_header_lines([*paged[:4], "第 2 页 , 共 3 页", "某局预算"]) == set()
    )  # too long a page line
    assert running_header_lines(["正文", "1", "某局预算", "正文"]) == set()  # one page number: no header


def test_a_flattened_page_is_joined_where_only_its_lines_hold_words() -> None:
    """Gate: only lines with several spaces are tried as a flattened PDF's pages (`join_flattened_pages`)."""
    words = "一级指标 二级指标 三级指标 指标值 产出指标 数量指标 养护里程 45公里 质量指标 道路完好率 ≥95% "
    page1, page2 = (words * 3).strip(), ("满意度指标 服务对象满意度指标 群众满意度 ≥90% " * 5).strip()
    joined = join_flattened_pages(["标题", page1, page2, "单位"])
    assert joined == ["标题", f"{page1} {page2}", "", "单位"]


def _rows(*cells: tuple[str, ...]) -> list[Row]:
    return [Row(row, SourceRef("split.txt", n)) for n, row in enumerate(cells, start=1)]


def test_an_amount_label_split_around_its_amount_is_joined() -> None:
    """Gates: both halves lone texts, the amount opening with a digit or ``¥`` (`labels_around_values`)."""
    for amount in ("96万", "¥96", "９６万"):
        rows = list(labels_around_values(_rows(("年度本级",), (amount, "上级资金", "0"), ("预算金额",))))
        assert [row.cells for row in rows] == [("年度本级预算金额", amount, "上级资金", "0")]
    rows = list(labels_around_values(_rows(("项目名称", "某项目"), ("年度本级", "96万"), ("预算金额",))))
    assert [row.cells for row in rows] == [("项目名称", "某项目"), ("年度本级预算金额", "96万")]
    rows = list(labels_around_values(_rows(("年度本级",), ("完成任务",), ("预算金额",))))
    assert len(rows) == 3  # text, not an amount, between the halves: left alone


def test_furniture_lines_are_still_dropped() -> None:
    """Gate: a line opening with no furniture mark, holding neither 备 nor 印发, is none (`is_furniture`)."""
    furniture = [
        "- 扫一扫在手机打开当前页",
        "\u3000表十二 |",
        "续表",
        "— 2 —",
        "第 3 页 共 5 页",
        "某局办公室 2025年12月16日印发",
        "京ICP备12345678号",
        "主办：某区人民政府",
        "• 【打印本页】",
    ]
    assert [line for line in furniture if not is_furniture(line)] == []
    assert not any(map(is_furniture, ["主管部门", "项目名称 | 某项目", "表彰先进人数", "1"]))


def test_a_pipe_row_broken_after_a_label_is_still_joined() -> None:
    """Gate: a line with more than three | is never a row broken after its label (`_pipe_rows`)."""
    text = "\n".join(
        [
            "| 项目名称 | 某项目 | | | |",
            "| 绩效指标 | 一级 指标 |",
            "二级 指标 | 三级指标 | 年度指标值 | | |",
            "| | 产出指标 | 数量指标 | 培训人数 | 30人 | | |",
            "| | 效益指标 | 社会效益指标 | 受益人数 | 100人 | | |",
            "| | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% | | |",
        ]
    )
    rows = list(text_rows(text, "broken.txt"))
    assert [cell.strip() for cell in rows[1].cells[1:6]] == [
        "绩效指标",
        "一级 指标",
        "二级 指标",
        "三级指标",
        "年度指标值",
    ]
    assert len(rows) == 5


def test_a_category_tail_under_its_row_is_still_joined() -> None:
    """Gate: only a row of one cell is a tail (`join_category_tails`)."""
    rows = _rows(
        ("满意度指标", "服务对象满意", "救助对象满意度", "≥90%"), ("度指标",), ("质量指标", "合格率", "100%")
    )
    assert [row.cells for row in join_category_tails(rows)] == [
        ("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"),
        ("质量指标", "合格率", "100%"),
    ]


def test_joined_levels_are_still_split() -> None:
    """Gate: a row holding no hyphen has no joined levels (`split_joined_levels`)."""
    rows = _rows(("指标类别", "指标名称", "目标值"), ("产出指标－数量指标", "培训人数", "30人"))
    assert [row.cells for row in split_joined_levels(rows)] == [
        ("一级指标", "二级指标", "指标名称", "目标值"),
        ("产出指标", "数量指标", "培训人数", "30人"),
    ]


def test_categories_behind_outline_numbers_are_still_read() -> None:
    """Gate: a row with no cell opening with a number has no category behind one (`outline`)."""
    rows = _rows(
        ("一级指标", "二级指标", "三级指标", "指标值"),
        (" 一、产出指标(50分)", "", "", ""),
        ("", "（二）质量指标", "合格率", "100%"),
        ("", "1.1 数量指标", "培训人数", "30人"),
    )
    assert [row.cells[:2] for row in without_outline_numbers(rows)] == [
        ("一级指标", "二级指标"),
        ("产出指标", ""),
        ("", "质量指标"),
        ("", "数量指标"),
    ]


def test_a_template_note_is_dropped_where_the_text_holds_fill() -> None:
    """Gate: a text without 填 skips `without_template_notes` inside `fold_columns`; with it, it runs."""
    text = (
        "项目名称\t某某项目\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t质量指标（选填）\t合格率\t100%\n效益指标\t社会效益 指标(必填硬性指标)\t受益人数\t100人\n"
    )
    (table,), _ = read_text(text, "notes.txt")
    assert [i.level2 for i in table.indicators] == ["质量指标", "社会效益指标"]


def test_every_tree_header_holds_a_sign_the_repeated_header_gate_looks_for() -> None:
    """Gate: a row holding none of `TREE_SIGNS` is no indicator header (`without_repeated_headers`)."""
    tree_keys = [key for role in TREE_ROLES for key in SYNONYMS[role]]
    assert [key for key in tree_keys if not any(sign in key for sign in TREE_SIGNS)] == []
    header = ("指标 编码", "一级指标", "二级指标", "三级指标", "指标值")
    rows = _rows(header, ("A1", "产出指标", "数量指标", "培训人数", "100人"), header)
    assert len(without_repeated_headers(rows)) == 2


def test_name_and_value_cells_level_funds_and_a_code_column_are_still_read() -> None:
    """Gates: 及/和 before the name-and-value heading (`split_name_value_cells`), three cells at least for
    a funds heading (`read_level_funds`), 编/序号 before a code column (`without_outline_numbers`)."""
    rows = _rows(
        ("专项资金情况", "本年度预计投入(万元)", "财政资金(万元)", "其他"),
        ("中央", "省级", "市级资金", "本级"),
        ("57", "42", "15", "0", "0", "0"),
        ("一级指标", "二级指标", "三级指标及指标值"),
        ("产出指标", "数量指标", "1.培训人数：100人；2.培训天数：5天"),
    )
    assert [row.cells for row in without_outline_numbers(rows)] == [
        ("本年度预计投入(万元)", "57"),
        ("一级指标", "二级指标", "三级指标", "指标值"),
        ("产出指标", "数量指标", "培训人数", "100人"),
        ("", "", "培训天数", "5天"),
    ]
    coded = _rows(("指标编码", "指标名称", "指标值"), ("1", "产出指标", ""), ("1.1.1", "培训人数", "100人"))
    assert [row.cells for row in without_outline_numbers(coded)] == [
        ("一级指标", "二级指标", "指标名称", "指标值"),
        ("产出指标", "", "培训人数", "100人"),
    ]


def test_a_head_row_opening_with_unread_pairs_is_still_cut() -> None:
    """Gate: only a row whose first cell opens as an unread label is looked at (`segments`)."""
    rows = _rows(
        ("一级项目名称", "公共文化服务", "二级项目名称", "图书馆免费开放"),
        ("项目名称", "图书馆免费开放"),
        ("一级指标", "二级指标", "三级指标", "指标值"),
        ("产出指标", "数量指标", "开放天数", "300天"),
    )
    runs = [[row.cells for row in run] for run in segments(rows)]
    assert runs[0] == [("一级项目名称", "公共文化服务"), ("二级项目名称", "图书馆免费开放")]
    assert [cells[0] for cells in runs[1]] == ["项目名称", "一级指标", "产出指标"]


def test_wrapped_labels_are_joined_wherever_they_stand_in_a_stream() -> None:
    """Gate: a join is tried only at a cell that may open a wrapped label or stands before a wrapped
    tail (`join_wrapped_labels`); labels wrapped late in a stream, after plain cells, are still joined."""
    from jixiao.readers.cells import Cell
    from jixiao.readers.labelwraps import join_wrapped_labels

    texts = ["某项目", "道路养护", "主管部门", "及编码", "某局", "≥95%", "2025年预算金", "额(元)", "1000"]
    cells = [Cell(text, SourceRef("wrap.txt", n), None) for n, text in enumerate(texts, start=1)]
    joined = join_wrapped_labels(cells)
    assert [c.text for c in joined] == [
        "某项目",
        "道路养护",
        "主管部门及编码",
        "某局",
        "≥95%",
        "2025年预算金额(元)",
        "1000",
    ]
    assert [c.source.line for c in joined] == [1, 2, 3, 5, 6, 7, 9]
    plain = cells[:2] + cells[4:6]
    assert [c.text for c in join_wrapped_labels(plain)] == ["某项目", "道路养护", "某局", "≥95%"]
