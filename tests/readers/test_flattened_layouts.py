"""Issue 11, the classes heldout8 and heldout exposed, each as a small document of its layout: a PDF
flattened to one run of words (or a line per page) with page numbers and running headers between them,
a running header beside page numbers in paged or laid-out text, a glued 甘肃 form whose labels contain
other labels and whose head breaks over lines, and a document's next section after a table."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Kind, Op
from jixiao.readers.flatpdf import (
    flattened_cells,
    join_broken_words,
    page_number_places,
    running_header_lines,
)
from jixiao.readers.runs import continued_runs
from jixiao.readers.text import read_text

# A 部门预算 PDF re-posted as one run of words: page numbers 1…5 left between words (one inside the
# indicator block), the running header '某县某镇人民政府 2023 年部门预算' after each page number from
# page 2 on, '( 2023 年度)' and '产出 指标' broken by spaces, the next part of the document after the table.
FLATTENED_PDF = (
    "某县某镇人民政府 2023 年部门预算 1 目 录 第一部分 部门概况 第二部分 部门预算报表 一、收支总表 "
    "二、项目支出绩效表 三、部门整体支出绩效目标表 2 某县某镇人民政府 2023 年部门预算 第一部分 部门概况 "
    "一、部门职责 负责辖区 3 个社区的公共服务和 12 个村的基础设施管护。 二、机构设置 镇政府内设 4 个办公室。 "
    "3 某县某镇人民政府 2023 年部门预算 三、部门整体支出绩效目标表 部门整体支出绩效目标表 ( 2023 年度) "
    "部门名称 某县某镇人民政府 年度总体目标 保障机关运转,完成村道管护和垃圾清运任务。 年度绩效指标 "
    "一级指标 二级指标 三级指标 指标值 产出 指标 数量指标 管护村道里程 ≥45公里 垃圾清运村数 12个 "
    "质量指标 村道完好率 ≥95% 4 某县某镇人民政府 2023 年部门预算 时效指标 清运及时率 100% "
    "效益指标 社会效益指标 村容村貌 明显改善 满意度指标 服务对象满意度指标 村民满意度 ≥90% "
    "5 某县某镇人民政府 2023 年部门预算 第三部分 预算情况说明 一、收支预算总体情况 2023 年收入预算 "
    "356.20 万元,支出预算 356.20 万元。"
)


def test_a_flattened_pdf_gives_its_table_with_page_furniture_dropped() -> None:
    (table,), _ = read_text(FLATTENED_PDF, "zhen.txt")
    assert table.project.name == "某县某镇人民政府"
    assert table.project.year == 2023
    rows = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("产出指标", "数量指标", "管护村道里程", "≥45公里"),
        ("产出指标", "数量指标", "垃圾清运村数", "12个"),
        ("产出指标", "质量指标", "村道完好率", "≥95%"),
        ("产出指标", "时效指标", "清运及时率", "100%"),  # page 4 and its header between 质量 and 时效
        ("效益指标", "社会效益指标", "村容村貌", "明显改善"),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%"),  # 第三部分 ends the table
    ]
    first = table.indicators[0].annual
    assert (first.kind, first.op, first.value, first.unit) == (
        Kind.QUANTITATIVE,
        Op.GE,
        Decimal("45"),
        "公里",
    )


def test_page_numbers_are_the_numbers_that_count_up_and_other_numbers_stay() -> None:
    words = ["标题", "1", "甲", "3", "个", "2", "乙", "12", "个", "3", "丙", "丁", "戊", "4", "己"]
    places = page_number_places(words)
    assert [words[i] for i in places] == ["1", "2", "3", "4"]
    assert places == [1, 5, 9, 13]  # the '3 个' before page 2 and '12 个' are cells
    assert page_number_places(["甲", "1", "乙", "2", "丙"]) == []  # two numbers are no evidence of pages


def test_broken_words_join_only_where_the_result_is_certain() -> None:
    words = ["(", "2023", "年度)", "产出", "指标", "村道", "管护", "612.40", "612.40"]
    assert join_broken_words(words) == ["(2023年度)", "产出指标", "村道", "管护", "612.40", "612.40"]


def test_a_score_before_a_reason_that_opens_with_a_calendar_word_stays_apart() -> None:
    words = ["15", "13", "年内有自然减员及外出", "12", "月底前"]
    assert join_broken_words(words) == ["15", "13", "年内有自然减员及外出", "12月底前"]


def test_a_running_header_is_kept_where_it_is_the_document_title_only() -> None:
    words = [
        "某镇",
        "部门预算",
        "1",
        "正文",
        "2",
        "某镇",
        "部门预算",
        "数量指标",
        "3",
        "某镇",
        "部门预算",
        "质量指标",
    ]
    assert flattened_cells(" ".join(words)) == ["某镇", "部门预算", "正文", "数量指标", "质量指标"]


# The 甘肃 省级部门预算项目支出绩效目标表 with every cell glued: labels holding other labels (一级项目名称,
# 组织实施单位, 监督管理单位) and a qualitative value glued to a name closing on 的影响.
GLUED_FORM = (
    "省级部门预算项目支出绩效目标表(2023年度)一级项目名称公共卫生服务二级项目名称慢病随访补助项目类型"
    "延续项目项目分类专项工作经费主管部门某市卫生健康委员会项目开始日期2023-01-01项目完成日期2023-12-31"
    "项目总投资30万元预算申报数30万元资金性质一般公共预算组织实施单位某社区卫生服务中心监督管理单位"
    "某市卫生健康委员会项目实施单位某社区卫生服务中心政策依据某卫发〔2022〕8号年度绩效目标完成慢病患者随访"
    "一级指标二级指标三级指标指标目标值产出指标数量指标随访患者人数>=1500人质量指标规范随访率>=90百分比"
    "成本指标社会成本指标对患者就医负担的影响减轻效益指标社会效益指标患者血压控制率>=60百分比"
    "满意度指标服务对象满意度患者满意度>=90百分比\n"
)


def test_a_glued_form_keeps_labels_that_hold_other_labels_whole() -> None:
    (table,), _ = read_text(GLUED_FORM, "gansu.txt")
    assert table.project.name == "慢病随访补助"  # not the 一级项目名称's 公共卫生服务
    assert table.project.type == "延续项目"
    assert table.project.unit == "某社区卫生服务中心"  # not the 监督管理单位
    values = {i.name: i.annual.raw for i in table.indicators}
    assert values["对患者就医负担的影响"] == "减轻"
    assert values["规范随访率"] == ">=90百分比"
    assert len(values) == 5


# A one-cell-per-line page: the table, then the document's next section (三、名词解释).
NEXT_SECTION = """2021年项目支出绩效目标表

项目名称

农村供水维修养护

一级指标

二级指标

三级指标

指标值

产出指标

数量指标

维修工程处数

≥20处

满意度指标

服务对象满意度指标

受益群众满意度

≥90%

  三、名词解释

  1.财政拨款收入:指财政当年拨付的资金。
"""


def test_the_next_section_of_the_document_ends_the_table() -> None:
    (table,), _ = read_text(NEXT_SECTION, "section.txt")
    assert [i.name for i in table.indicators] == ["维修工程处数", "受益群众满意度"]
    numbered = NEXT_SECTION.replace("\n满意度指标\n", "\n二、满意度指标\n")  # a numbered category: no end
    (table,), _ = read_text(numbered, "section-numbered.txt")
    assert table.indicators[-1].name == "受益群众满意度"


# Text extracted page by page, one cell per line: each page ends in its number and the next opens with
# the running header, in the middle of the indicator block; the document's title on page 1 is the same.
PAGED_LINES = """某县交通局2023年部门预算
2023年项目支出绩效目标表
项目名称
农村公路养护经费
预算金额(万元)
120.00
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
养护里程
≥45公里
3
某县交通局2023年部门预算
质量指标
道路完好率
≥95%
4
某县交通局2023年部门预算
满意度指标
服务对象满意度指标
群众满意度
≥90%
5
"""


def test_a_running_header_beside_page_numbers_is_not_an_indicator() -> None:
    (table,), _ = read_text(PAGED_LINES, "paged.txt")
    assert [(i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("数量指标", "养护里程", "≥45公里"),
        ("质量指标", "道路完好率", "≥95%"),
        ("服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    assert running_header_lines(PAGED_LINES.splitlines()) == {15, 20}  # page 1's title is kept


def test_a_line_repeated_away_from_page_numbers_is_kept() -> None:
    lines = ["标题", "甲", "重复的话", "乙", "重复的话", "丙", "1", "丁", "2"]
    assert running_header_lines(lines) == set()


# Two 甘肃 glued forms back to back as a document site prints a scan: a stray mark inside '一*级项目名称',
# and the second form's head broken over lines after '项目总投资' (its amounts on the next line).
GLUED_FORMS_BROKEN = (
    "省级部门预算项目支出绩效目标表(2024年度)一*级项目名称体育事业发展专项资金二级项目名称全民健身器材补助"
    "项目类型新增项目项目分类专项工作经费主管部门某市体育局项目总投资20万元预算申报数20万元项目实施单位"
    "某市体育中心年度绩效目标更新社区健身器材一级指标二级指标三级指标指标目标值产出指标数量指标更新器材套数"
    "=40套质量指标器材验收合格率=100百分比满意度指标服务对象满意度居民满意度>=90百分比"
    "省级部门预算项目支出绩效目标表(2024年度)一*级项目名称体育事业发展专项资金二级项目名称青少年足球训练补助"
    "项目类型延续项目项目分类专项工作经费主管部门某市体育局项目总投资\n"
    "58.50万元中央补助安排0省级财政安排0其他资金0预算申报数58.50万元资金性质一般公共预算项目实施单位"
    "某市青少年体育学校政策依据某体发\n"
    "[2023]5号年度绩效目标开展青少年足球训练一级指标二级指标三级指标指标目标值产出指标数量指标训练学员人数"
    ">=300人效益指标社会效益指标青少年体质达标率>=92百分比满意度指标服务对象满意度家长满意度>=90百分比\n"
)


def test_a_glued_form_broken_inside_its_head_goes_on_as_the_same_run() -> None:
    tables, _ = read_text(GLUED_FORMS_BROKEN, "gansu2.txt")
    heads = [(t.project.name, t.project.year, t.project.budget, t.project.unit) for t in tables]
    assert heads == [  # no table named after the 一级项目 (the stray mark kept that label whole)
        ("全民健身器材补助", 2024, Decimal("200000"), "某市体育中心"),
        ("青少年足球训练补助", 2024, Decimal("585000.00"), "某市青少年体育学校"),
    ]
    assert [i.name for i in tables[1].indicators] == ["训练学员人数", "青少年体质达标率", "家长满意度"]


def test_only_a_run_that_ends_in_a_head_goes_on_over_the_next_line() -> None:
    head_run = "某某" * 90 + "项目支出绩效目标表项目名称某项目主管部门某局项目总投资"
    block_run = "项目支出绩效目标表项目名称某项目主管部门某局项目总投资一级指标" + "某某" * 90
    next_line = "58.50万元中央补助安排0省级财政安排0其他资金0预算申报数58.50万元"
    assert continued_runs([head_run, next_line]) == {1}
    assert continued_runs([block_run, next_line]) == set()
    assert continued_runs([head_run, "", next_line, "一级指标" + next_line, next_line]) == {2, 3}


def test_a_flattened_pdf_broken_into_a_line_per_page_reads_as_one_run() -> None:
    pages = FLATTENED_PDF.replace(" 3 某县", " 3\n某县").replace(" 质量指标 村道", " 质量指标\n村道")
    assert len(pages.splitlines()) == 3  # the indicator block runs over two lines
    (table,), _ = read_text(pages, "zhen-pages.txt")
    assert [i.name for i in table.indicators] == [
        "管护村道里程",
        "垃圾清运村数",
        "村道完好率",
        "清运及时率",
        "村容村貌",
        "村民满意度",
    ]
    assert table.project.year == 2023


_WORDS = st.sampled_from(
    ["1", "2", "3", "4", "12", "(", ")", "2023", "年度)", "产出", "指标", "数量指标", "质量指标", "效益指标",
     "满意度指标", "一级指标", "某镇", "部门预算", "≥90%", "38人", "个", "612.40", "第三部分"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=80))
def test_flattened_cells_only_drop_and_join_words_never_invent(words: list[str]) -> None:
    cells = flattened_cells(" ".join(words))
    text = iter("".join(words))
    assert all(char in text for char in "".join(cells))  # the cells' characters in order, none added
    assert all(cell and " " not in cell for cell in cells)


# A PDF's text as laid out (cells between runs of spaces), its running header printed after each page
# number in the middle of the indicator block.
LAID_OUT_PAGES = """某县交通局2023年部门预算
              2023年项目支出绩效目标表
项目名称        农村公路养护经费
预算金额(万元)  120.00
一级指标    二级指标    三级指标        指标值
产出指标    数量指标    养护里程        ≥45公里
            质量指标    道路完好率      ≥95%
                                   3
某县交通局2023年部门预算
            时效指标    养护完成时间    2023年12月底前
                                   4
某县交通局2023年部门预算
满意度指标  服务对象满意度指标  群众满意度  ≥90%
                                   5
"""


def test_a_running_header_in_laid_out_pdf_text_is_not_an_indicator() -> None:
    (table,), _ = read_text(LAID_OUT_PAGES, "laid-out.txt")
    assert [(i.level2, i.name) for i in table.indicators] == [
        ("数量指标", "养护里程"),
        ("质量指标", "道路完好率"),
        ("时效指标", "养护完成时间"),
        ("服务对象满意度指标", "群众满意度"),
    ]
