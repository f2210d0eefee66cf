"""Issue 11, the failure classes heldout11 showed, read generally (documents of our own in the layouts of
real published tables; projects, names and values are ours):

1. a value column split by a sub-header row, ``2021年实际实现值 | 预期2022年实现值`` (or ``上年实际值`` beside
   the year's target): the year before's value is the indicator's baseline, the expected one its annual
   target, and a row with one value gives the target;
2. template rows (``本项目不适用此指标 | 无``) are no indicators, and a sentence-length 三级 name wrapped
   over lines in the one-cell-per-line form is one name;
3. budgets whose 万元 stands only in a label (a column heading ``年初安排金额(万元)`` over ``资金总额 | 12``,
   ``项目资金(万元) | 36``), and a budget label split around its value by a PDF's text
   (``年度本级`` / ``180万`` / ``预算金额``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.model import Kind, Severity
from jixiao.readers.detect import read_any
from jixiao.readers.templaterows import TEMPLATE_ROW
from jixiao.readers.text import read_text

# A 湖北 city unit's 批复表 flattened from HTML into `` | `` rows with ``|||`` tails (layout of the 黄石
# 批复表 pages): 指标值 over the sub-header ``2021年实际实现值 | 预期2022年实现值``; the merged cells lost,
# so the rows are shifted left; some rows give only the 2022 value, one with its 2021 cell kept empty.
APPROVAL_WITH_BASELINE = """项目支出绩效目标批复表 | ||||||
(2022年度) | ||||||
项目名称 | 社区图书流动服务 | 项目负责人 | ||||
项目金额 | 40万元 | 其中:当年市级财政资金 | 40万元 | |||
项目主管部门 | 某市文化和旅游局 | 实施单位 | 某市图书馆 | |||
年度绩效目标(文字) | 全年流动服务点45个,借阅图书3.6万册次;提升社区阅读服务水平。 | |||||
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标标准或依据 | |
2021年实际实现值 | 预期2022年实现值 | |||||
数量指标 | 流动服务点数量 | 38个 | 45个 | |||
借阅图书册次 | 3万册次 | 3.6万册次 | ||||
产出指标 | 图书更新数量 | 4000册 | ||||
时效指标 | 图书配送按期完成率 | | 100% | |||
效益指标 | 社会效益指标 | 社区阅读服务水平 | | 持续提升 | ||
满意度指标 | 服务对象满意度指标 | 读者满意度 | 90% | ≥92% | ||
财政资金管理科室(盖章) 年 月 日 | 财政绩效管理科室(盖章) 年 月 日 |
"""


def test_a_sub_header_splits_the_value_column_into_the_baseline_and_the_annual_target() -> None:
    (table,), diagnostics = read_text(APPROVAL_WITH_BASELINE, "approval.txt")
    read = [(i.name, i.annual.raw, i.baseline.raw) for i in table.indicators]
    assert read == [
        ("流动服务点数量", "45个", "38个"),
        ("借阅图书册次", "3.6万册次", "3万册次"),
        ("图书更新数量", "4000册", ""),  # one value: the target, the 2021 cell lost in flattening
        ("图书配送按期完成率", "100%", ""),
        ("社区阅读服务水平", "持续提升", ""),
        ("读者满意度", "≥92%", "90%"),
    ]
    points, _, _, _, _, satisfaction = table.indicators
    assert (points.annual.kind, points.annual.value, points.annual.unit) == (
        Kind.QUANTITATIVE,
        Decimal("45"),
        "个",
    )
    assert (points.baseline.value, points.baseline.unit) == (Decimal("38"), "个")
    assert (satisfaction.annual.op, satisfaction.annual.value) == (">=", Decimal("92"))
    assert not [d for d in diagnostics if "多出的单元格" in d.message]


# The same form as a page flattened one cell a line (each cell's line ending `` |``): the sub-header's
# cells come in the stream after the header's.
APPROVAL_CELL_PER_LINE = """项目支出绩效目标批复表 |
(2023年度) |
项目名称 |
乡镇文化站设备更新 |
项目金额 |
25万元 |
项目主管部门 |
某县文化和旅游局 |
实施单位 |
某县文化馆 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
上年实际值 |
本年目标值 |
产出指标 |
数量指标 |
更新设备文化站数量 |
8个 |
12个 |
质量指标 |
设备验收合格率 |
100% |
满意度指标 |
服务对象满意度指标 |
群众满意度 |
88% |
≥90% |
"""


def test_a_baseline_sub_header_in_a_stream_of_cells() -> None:
    (table,), _ = read_text(APPROVAL_CELL_PER_LINE, "stream.txt")
    read = [(i.name, i.annual.raw, i.baseline.raw) for i in table.indicators]
    assert read == [
        ("更新设备文化站数量", "12个", "8个"),
        ("设备验收合格率", "100%", ""),  # the next cell is a category: no second value
        ("群众满意度", "≥90%", "88%"),
    ]


def test_a_baseline_sub_header_in_a_spreadsheet_keeps_its_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("项目支出绩效目标表",),
        ("项目名称", "农村饮水水质检测"),
        ("主管部门", "某县水利局", None, "实施单位", "某县农村供水站"),
        ("年度资金总额(万元)", 18),
        ("一级指标", "二级指标", "三级指标", "指标值", None, "备注"),
        (None, None, None, "2023年实际完成值", "预期2024年实现值"),
        ("产出指标", "数量指标", "水质检测次数", "20次", "24次", "每季度不少于6次"),
        (None, "质量指标", "水样检测合格率", None, "≥95%"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "91%", "≥90%"),
    ):
        sheet.append(row)
    path = tmp_path / "water.xlsx"
    book.save(path)
    (table,), _ = read_any(path)
    read = [(i.name, i.annual.raw, i.baseline.raw) for i in table.indicators]
    assert read == [
        ("水质检测次数", "24次", "20次"),
        ("水样检测合格率", "≥95%", ""),  # the 2023 cell empty under its own column
        ("受益群众满意度", "≥90%", "91%"),
    ]
    assert table.project.budget == Decimal("180000")


# An 安徽 county bureau's table as page text, one cell a line ending `` |`` (layout of the 六安/霍邱
# pages): the form prints every 二级, and the unit filled those that do not apply with a sentence; a
# 效益 name of sentence length wrapped over two lines.
TEMPLATE_LEFTOVERS = """项目支出绩效目标表 |
(2025年度) |
项目名称 |
乡村学校少年宫活动补助 |
主管部门 |
某县教育局 |
实施单位 |
某县教育局 |
年度资金总额: |
30.00 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
产出指标 |
数量指标 |
补助少年宫数量 |
≥10个 |
效益指标 |
经济效益指标 |
本项目不适用此指标 |
无 |
社会效益指标 |
丰富农村学生课余文化生活,促进农村学生
综合素质全面发展 |
效果明显 |
生态效益指标 |
不涉及 |
/ |
满意度指标 |
服务对象满意度指标 |
学生满意度 |
≥90% |
"""


def test_template_rows_are_no_indicators_and_a_wrapped_sentence_name_is_one_name() -> None:
    (table,), diagnostics = read_text(TEMPLATE_LEFTOVERS, "leftovers.txt")
    read = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("数量指标", "补助少年宫数量", "≥10个"),
        ("社会效益指标", "丰富农村学生课余文化生活,促进农村学生综合素质全面发展", "效果明显"),
        ("服务对象满意度指标", "学生满意度", "≥90%"),
    ]
    template = [d for d in diagnostics if d.code == TEMPLATE_ROW]
    assert [(d.severity, d.source.line) for d in template] == [(Severity.INFO, 21), (Severity.INFO, 28)]
    assert "本项目不适用此指标 | 无" in template[0].message and "经济效益指标" in template[0].message
    assert {p.level2 for p in table.placeholders} >= {"经济效益指标", "生态效益指标"}


# The same leftovers in `` | `` rows with ``||`` tails: the row of the sentence name broken inside its
# 三级 cell, the line stopping without its closing ``|``.
BROKEN_PIPE_ROW = """项目支出绩效目标表 | ||||
(2024年度) | ||||
项目名称 | 村级文化活动补助 | |||
主管部门 | 某县文化旅游局 | 实施单位 | 某县文化馆 |
年度资金总额 | 20万元 | |||
一级指标 | 二级指标 | 三级指标 | 指标值 | ||
产出指标 | 数量指标 | 补助村数量 | 40个 | ||
效益指标 | 社会效益指标 | 丰富农村群众精神文化生活,提升基层公共文化服务
均等化水平 | 效果良好 | ||
经济效益指标 | 本项目不适用此指标 | 无 | ||
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | ||
"""


def test_a_pipe_row_broken_inside_its_name_is_one_row() -> None:
    (table,), diagnostics = read_text(BROKEN_PIPE_ROW, "broken.txt")
    read = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("数量指标", "补助村数量", "40个"),
        ("社会效益指标", "丰富农村群众精神文化生活,提升基层公共文化服务均等化水平", "效果良好"),
        ("服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    assert [d.source.line for d in diagnostics if d.code == TEMPLATE_ROW] == [10]


def test_a_pipe_row_that_only_lost_its_closing_bar_stays_a_row() -> None:
    lost_bar = BROKEN_PIPE_ROW.replace(
        "补助村数量 | 40个 | ||\n", "补助村数量 | 40个\n补助户数 | 30户 | ||\n"
    )
    assert "补助村数量 | 40个\n补助户数" in lost_bar
    (table,), _ = read_text(lost_bar, "lost.txt")
    assert [(i.name, i.annual.raw) for i in table.indicators][:2] == [
        ("补助村数量", "40个"),
        ("补助户数", "30户"),
    ]


# A form printed with the template's own rows left unfilled (指标1, 指标2, ……) under filled ones.
UNFILLED_TEMPLATE = """2024年项目支出绩效目标表 |
项目名称 | 村级文化活动补助 |
年度资金总额 | 20万元 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 补助村数量 | 40个 |
产出指标 | 数量指标 | 指标2 | |
产出指标 | 质量指标 | 指标1 | |
产出指标 | 时效指标 | …… | …… |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
"""


def test_unfilled_template_rows_are_no_indicators() -> None:
    (table,), diagnostics = read_text(UNFILLED_TEMPLATE, "unfilled.txt")
    assert [(i.name, i.annual.raw) for i in table.indicators] == [
        ("补助村数量", "40个"),
        ("群众满意度", "≥90%"),
    ]
    template = [d for d in diagnostics if d.code == TEMPLATE_ROW]
    assert [d.source.line for d in template] == [6, 7, 8]
    assert all("未填写" in d.message for d in template)


# A real indicator whose target is 无 (no accidents) is kept: only a row that says it does not apply goes.
ZERO_TARGET = """项目名称 | 校车安全运营补助 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 质量指标 | 校车安全责任事故 | 无 |
效益指标 | 社会效益指标 | 本项目无此类指标 | - |
"""


def test_an_indicator_with_the_target_none_is_kept() -> None:
    (table,), _ = read_text(ZERO_TARGET, "zero.txt")
    assert [(i.name, i.annual.raw) for i in table.indicators] == [("校车安全责任事故", "无")]


# A 湖南 district unit's 申报表 printed to PDF and flattened to text aligned by spaces: the two-line label
# cell 年度本级 / 预算金额 with its amount centred between the halves; 单位:万元 above.
SPLIT_BUDGET_LABEL = """                              2024年项目支出绩效目标申报表
 填报单位:(盖章)                                                              单位:万元
 项目支出名称      城区公厕保洁服务
 预算部门          某区环境卫生服务中心
 年度本级
                   96万                  该项目支出上级资金         0
 预算金额
 项目支出实施期    2024.01-2024.12
                   一级指标   二级指标        三级指标                     指标值及单位      绩效标准
                   产出指标   数量指标        保洁公厕数量                 32座              计划标准
                   满意度指标 服务对象满意度  如厕群众满意度               ≥90%              计划标准
"""


def test_a_budget_label_split_around_its_amount_is_read() -> None:
    (table,), _ = read_text(SPLIT_BUDGET_LABEL, "split.txt")
    assert (table.project.name, table.project.year) == ("城区公厕保洁服务", 2024)
    assert (table.project.budget, table.project.budget_unit) == (Decimal("960000"), "万元")


def test_a_budget_label_wrapped_below_its_amount_is_read() -> None:
    top_aligned = SPLIT_BUDGET_LABEL.replace(" 年度本级\n                   96万", " 年度本级         96万")
    assert "年度本级         96万" in top_aligned
    (table,), _ = read_text(top_aligned, "top.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("960000"), "万元")


# A split label with text (not an amount) between its halves is left alone.
GOAL_AROUND_LABEL = """2024年项目支出绩效目标表
项目名称          示范项目
年度本级
                   完成示范任务
预算金额          12万元
一级指标   二级指标   三级指标   指标值
产出指标   数量指标   示范点数量   3个
"""


def test_text_between_label_halves_is_not_joined() -> None:
    (table,), _ = read_text(GOAL_AROUND_LABEL, "goal.txt")
    assert table.project.budget == Decimal("120000")


# A 内蒙古 unit's xlsx (layout of the 乌海 tables): 投入目标 (万元) over a funds block whose column is
# headed 年初安排金额(万元), the amounts bare numbers in the rows below.
def test_the_unit_of_a_column_heading_holds_for_the_amounts_under_it(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("项目绩效目标表",),
        ("(2022年)",),
        ("项目名称", "档案库房温湿度监控维护"),
        ("主管部门", "(512)某区档案馆(部门)"),
        ("实施单位", "(512001)某区档案馆"),
        ("投入目标 (万元)", "资金来源", None, "年初安排金额(万元)"),
        (None, "资金总额", None, 7.5),
        (None, "其中: 财政拨款数", None, 7.5),
        ("一级指标", "二级指标", "三级指标", "目标值"),
        ("产出指标", "数量指标", "维护监控设备台数", "≥16台"),
    ):
        sheet.append(row)
    path = tmp_path / "archive.xlsx"
    book.save(path)
    (table,), _ = read_any(path)
    assert (table.project.budget, table.project.budget_unit) == (Decimal("75000.0"), "万元")


FUNDS_LABEL_UNIT = """2023年项目支出绩效目标表 |
项目名称 | 农家书屋图书补充 |
主管部门 | 某县委宣传部 |
项目资金(万元) | 36 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 补充图书书屋数量 | 60个 |
"""


def test_funds_with_the_unit_only_in_the_label() -> None:
    (table,), _ = read_text(FUNDS_LABEL_UNIT, "books.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("360000"), "万元")
