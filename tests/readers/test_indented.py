"""Text forms read before the grid: the 批复表 outline written by indentation, a label and its value one
space apart, rows separated by single spaces among run-together lines, categories wrapped onto the next
line, and a table's number on a line of its own. Each on a small table of our own in that form."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.catalog import canonical
from jixiao.model import Op
from jixiao.readers.furniture import is_furniture, split_labelled
from jixiao.readers.indented import indented_rows, is_indented_tree
from jixiao.readers.runtogether import split_run_together
from jixiao.readers.text import read_text
from jixiao.readers.textforms import text_rows

# A 批复表 printed as an outline (宁夏's system): 单位 1 space in, 项目 2, 一级 3, 二级 4, 三级 5; every value
# unindented on a line of its own, blank lines between; the 二级 carry the template's notes.
OUTLINE = """某市2021年项目绩效目标批复表

单位:元

项目

指标值

绩效金额

 某市动物疫病预防控制中心

  重大动物疫病强制免疫

420000

   产出指标

    数量指标(必填硬性指标)

     免疫动物数量

≥12万头

     开展免疫效果监测次数

4次

    质量指标(必填)

     免疫密度

≥90%

   效益指标

    社会效益指标(必填)

     重大动物疫情发生情况

不发生

   满意度指标

    服务对象满意度指标(必填)

     养殖户满意度

≥85%

附件下载:
"""


def test_an_outline_is_recognised_by_its_categories_and_header() -> None:
    lines = OUTLINE.splitlines()
    assert is_indented_tree(lines)
    flat = [line.strip() for line in lines]  # the same text with the indentation gone: no tree to read
    assert not is_indented_tree(flat)


def test_an_outline_becomes_the_rows_of_a_table() -> None:
    rows = [row.cells for row in indented_rows(OUTLINE.splitlines(), "批复表.txt")]
    assert ("项目名称", "重大动物疫病强制免疫") in rows
    assert ("预算单位", "某市动物疫病预防控制中心") in rows
    assert ("年度预算金额", "420000") in rows
    assert ("产出指标", "数量指标", "免疫动物数量", "≥12万头") in rows  # the template note dropped
    assert ("满意度指标", "服务对象满意度指标", "养殖户满意度", "≥85%") in rows
    assert ("附件下载:",) in rows  # lines after the tree pass on as they are


def test_an_outline_reads_as_a_table_with_its_year_unit_and_budget() -> None:
    tables, _ = read_text(OUTLINE, "批复表.txt")
    assert len(tables) == 1
    table = tables[0]
    assert table.project.name == "重大动物疫病强制免疫"
    assert table.project.unit == "某市动物疫病预防控制中心"
    assert table.project.year == 2021
    assert table.project.budget == Decimal("420000")
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == [
        ("产出指标", "数量指标", "免疫动物数量"),
        ("产出指标", "数量指标", "开展免疫效果监测次数"),
        ("产出指标", "质量指标", "免疫密度"),
        ("效益指标", "社会效益指标", "重大动物疫情发生情况"),
        ("满意度指标", "服务对象满意度指标", "养殖户满意度"),
    ]
    density = table.indicators[2].annual
    assert density.raw == "≥90%" and density.op is Op.GE and density.value == Decimal("90")
    assert table.indicators[2].source.line == OUTLINE.splitlines().index("     免疫密度") + 1


def test_an_indicator_with_no_value_line_keeps_an_empty_value() -> None:
    text = OUTLINE.replace("\n4次\n", "\n")
    rows = [row.cells for row in indented_rows(text.splitlines())]
    assert ("产出指标", "数量指标", "开展免疫效果监测次数", "") in rows


# A 申报明细表 as page text: cells of a row apart by runs of spaces, but a label and its value by one.
SPACED = """2020年度项目支出绩效目标申报明细表
(2020年度)
       项目名称 农村饮水安全工程维修养护
      项目类型    部门预算 □              切块预算 □
项目总预算(万元) 150.00      项目当年预算(万元) 50.00
绩效指标      一级指标      二级指标              三级指标                                  指标值
产出指标      数量指标              维修养护供水工程处数                      ≥35处
              质量指标              维修工程验收合格率                        100%
满意度指标    服务对象满意度指标    受益群众满意度                            ≥90%
"""


def test_a_label_and_its_value_one_space_apart_are_two_cells() -> None:
    assert split_labelled("项目名称 农村饮水安全工程维修养护") == ["项目名称", "农村饮水安全工程维修养护"]
    assert split_labelled("一级指标 二级指标 三级指标 指标值") == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
    ]
    assert split_labelled("维修养护 供水工程处数") == ["维修养护 供水工程处数"]  # a name with a space


def test_space_separated_text_with_labels_one_space_from_values_reads() -> None:
    tables, _ = read_text(SPACED, "明细表.txt")
    assert len(tables) == 1
    project = tables[0].project
    assert (project.name, project.year, project.budget) == (
        "农村饮水安全工程维修养护",
        2020,
        Decimal("500000"),
    )
    assert [i.annual.raw for i in tables[0].indicators] == ["≥35处", "100%", "≥90%"]


# Rows whose cells stand one space apart, among run-together lines; categories wrapped onto the next line.
WORDS = """项目支出绩效目标表
项目名称 老年人意外伤害保险补助
年度资金总额 24
绩效指标 一级指标 二级指标 三级指标 指标值
项目完成
指标
数量指标 参保老年人人数 1800人
时效指标 保费拨付时间 2022年1月-6月
项目效益
指标
社会效益
指标
老年人意外风险保障水平 有效提升
满意度指标 服务对象满意度指标 参保老人满意度 ≥90%
"""


def test_wrapped_categories_are_joined_and_never_read_as_indicators() -> None:
    tables, _ = read_text(WORDS, "目标表.txt")
    assert len(tables) == 1
    found = [(canonical(i.level1), i.level2, i.name, i.annual.raw) for i in tables[0].indicators]
    assert found == [
        ("产出指标", "数量指标", "参保老年人人数", "1800人"),
        ("产出指标", "时效指标", "保费拨付时间", "2022年1月-6月"),
        ("效益指标", "社会效益指标", "老年人意外风险保障水平", "有效提升"),
        ("满意度指标", "服务对象满意度指标", "参保老人满意度", "≥90%"),
    ]


def test_a_table_number_on_its_own_line_is_furniture_not_a_cell() -> None:
    assert is_furniture("表十二 |") and is_furniture("附表3") and is_furniture("表 2")
    assert not is_furniture("表彰先进个人数量 |") and not is_furniture("表十二月完成")


def test_page_numbers_between_dashes_and_a_colophon_are_furniture_but_a_bare_number_is_a_cell() -> None:
    assert is_furniture("- 1 -") and is_furniture("— 2 —") and is_furniture("第1页 共3页")
    assert is_furniture("第 1 页") and is_furniture("第2页 |") and not is_furniture("第1页完成率")
    assert is_furniture("某县财政局办公室 2025年12月16日印发")
    assert not is_furniture("12") and not is_furniture("-5%") and not is_furniture("2025年12月16日前印发完成")


_OUTLINE_WORDS = st.sampled_from(
    [
        "项目",
        "指标值",
        "绩效金额",
        "产出指标",
        "数量指标",
        "效益指标",
        "社会效益指标",
        "免疫密度",
        "≥90%",
        "100",
        "",
    ]
)


@given(st.lists(st.tuples(st.integers(0, 6), st.one_of(_OUTLINE_WORDS, st.text(max_size=6))), max_size=80))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_outline_stage_never_raises_and_every_row_keeps_its_line(lines: list[tuple[int, str]]) -> None:
    text_lines = [" " * depth + word for depth, word in lines]
    for row in indented_rows(text_lines, "x.txt"):
        assert row.source.line is not None and 1 <= row.source.line <= len(text_lines)
    read_text("\n".join(text_lines))


# A whole table run together on one line where names, explanations and values have nothing between them.
GLUED = (
    "某市2022年市直部门预算项目支出绩效目标表项目名称机关大楼安保服务项目类别本级支出项目项目性质持续性项目"
    "立项依据机关事务管理职责绩效指标一级指标二级指标绩效标准当年预期实现值数量指标大楼安保巡查次数"
    "反映大楼安保巡查情况365次门岗值守天数反映门岗值守情况365天质量指标安保事故发生次数反映安保质量情况0次"
    "设备巡检合格率反映设备巡检质量情况98%时效指标报警响应及时率反映报警响应情况100%成本指标人均安保成本"
    "反映人均成本情况4万元效益指标社会效益指标办公秩序反映大楼秩序情况良好满意度指标服务对象满意度指标"
    "入驻单位满意度反映入驻单位满意程度95%"
)


def test_a_table_run_together_that_cannot_be_cut_is_reported_with_its_line_not_guessed() -> None:
    tables, diagnostics = read_text("某市机关事务服务中心\n" + GLUED + "\n", "glued.txt")
    assert tables == []
    (glued,) = [d for d in diagnostics if d.code == "JX-R13"]
    assert glued.source.file == "glued.txt" and glued.source.line == 2
    assert "无法可靠拆分" in glued.message


def test_run_together_words_are_cut_only_where_a_long_label_or_category_opens_them() -> None:
    text = (
        "绩效指标 一级指标二级指标三级指标 指标值\n产出指标数量指标开展巡查次数12次\n"
        "成本指标 成本控制 严格按标准支出\n"
    )
    cells = [row.cells[0] for row in text_rows(text)]
    assert cells[:5] == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]
    assert cells[-3:] == ["成本指标", "成本控制", "严格按标准支出"]  # 成本 stays in its name
    assert split_run_together("生态环境成本指标") == ["生态环境成本指标"]


_LABEL_WORDS = st.sampled_from(["项目名称", "实施单位", "一级指标", "指标值", "健康管理", "≥90%", " ", "  "])


@given(st.lists(st.one_of(_LABEL_WORDS, st.text(max_size=6)), max_size=30).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_splitting_labelled_words_loses_no_text(cell: str) -> None:
    cells = split_labelled(cell)
    assert "".join(cells).replace(" ", "") == cell.replace(" ", "")
    assert all(part.strip() for part in cells) or cells == [cell]


# Each row's cells run together with no separator, names glued to values and to their explanations.
GLUED_ROWS = """某校2023年项目支出绩效目标表
一级指标二级指标三级指标指标值指标值内容评分标准
产出指标数量指标资助学生人数156反映资助人数发放到位得10分
产出指标质量指标资助发放准确率反映发放准确情况准确得10分
效益指标社会效益指标学生家庭负担有所减轻对家庭负担减轻情况较大得10分
"""


def test_rows_run_together_with_nothing_to_cut_by_say_why_no_table_was_read() -> None:
    tables, diagnostics = read_text(GLUED_ROWS, "glued_rows.txt")
    assert tables == []
    (why,) = [d for d in diagnostics if d.code == "JX-R13"]
    assert why.source.line == 3  # the first indicator row run together
    assert "无法可靠拆分" in why.message


# A `|` table whose value column is 目标值 with the comparator in 指标值类型 and the unit in 度量单位.
UNIT_COLUMN = """项目支出绩效目标表
项目名称 | 公共场所卫生监督抽检 |
年度资金总额 | 24 |
一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容 |
成本指标 | 经济成本指标 | 抽检经费 | ≤ | 24 | 万元 | 反映经费控制情况。 |
产出指标 | 数量指标 | 双随机抽检单位数 | ≥ | 260 | 家 | 反映抽检单位数。 |
"""


def test_a_unit_column_is_read_with_its_value_never_dropped() -> None:
    tables, _ = read_text(UNIT_COLUMN, "抽检.txt")
    found = [(i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in tables[0].indicators]
    assert found == [("24", Op.LE, Decimal("24"), "万元"), ("260", Op.GE, Decimal("260"), "家")]


def test_an_outline_in_traditional_characters_or_indented_by_tabs_reads_the_same() -> None:
    traditional = OUTLINE.replace("项目绩效目标批复表", "項目績效目標批復表").replace("产出指标", "產出指標")
    traditional = traditional.replace("绩效金额", "績效金額").replace("满意度指标", "滿意度指標")
    tabbed = "\n".join(
        "\t" * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") for line in OUTLINE.splitlines()
    )
    for text in (traditional, tabbed):
        tables, _ = read_text(text, "批复表.txt")
        assert [i.name for i in tables[0].indicators] == [i.name for i in read_text(OUTLINE)[0][0].indicators]
        assert tables[0].project.budget == Decimal("420000")


# One cell per line with blank lines between: a 二级 wrapped over two lines, a notice's signature below.
BLANK_LINES = """项目支出绩效目标表

项目名称

农田水利设施提升

年度资金总额

120

绩效指标

一级指标

二级指标

三级指标

指标值

效益指标

经济效益

指标

年增粮食

2800公斤

满意度指标

服务对象满意度指标

受益群众满意度

≥90%


某区农业农村局

2022年5月16日
"""


def test_a_wrapped_category_across_a_blank_line_joins_and_a_signature_is_no_indicator() -> None:
    tables, _ = read_text(BLANK_LINES, "通知.txt")
    found = [(i.level2, i.name, i.annual.raw) for i in tables[0].indicators]
    assert found == [
        ("经济效益指标", "年增粮食", "2800公斤"),
        ("服务对象满意度指标", "受益群众满意度", "≥90%"),
    ]


def test_a_page_number_under_a_published_self_evaluation_is_not_an_indicator() -> None:
    from jixiao.readers.selfeval_published import read_published_text

    text = "\n".join(
        [
            "项目支出绩效自评表",
            "项目名称 救助补助资金",
            "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
            "年度资金总额 100.00 100.00 95.00 10 95% 9.5",
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
            "产出指标 数量指标 救助人数 ≥500人 520人 45 45",
            "效益指标 社会效益指标 基本生活保障水平 有效保障 有效保障 45 45",
            "总分 100 99.5",
            "第 1 页",
        ]
    )
    (table,) = read_published_text(text)
    assert [row.name for row in table.indicators] == ["救助人数", "基本生活保障水平"]
