"""Classes of budget misses across the corpora (issue 11, read8): each a small document of its own in
the layout of the real tables it stands for, and what the project block must give."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook

from jixiao.readers.text import read_text
from jixiao.readers.xlsx import read_xlsx_bytes

# A city's bid for a central 示范项目 (海南 三亚, 2023): no year in any label or title, one amount for a
# programme whose goals run over three years — the amount is the programme's, no year's budget.
NO_YEAR_BID = """绩效目标表 |
申报城市:示范省示范市 | | |
项目名称 | 城市医疗服务能力提升示范项目 | |
中央主管部门 | 财政部、国家卫生健康委 | |
项目资金(万元) | 96000 | 申请中央补助资金(万元) | 40000 |
总体目标 | 1.2023年底,组建医疗集团。2.2024年底,改革取得突破。3.2025年底,分级诊疗基本建立。 | |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 医疗集团建设数量 | ≥2个 |
满意度指标 | 服务对象满意度指标 | 门诊患者满意度 | ≥90% |
"""

# The same amount row where the title names the year: then it is the year's budget.
YEAR_IN_TITLE = NO_YEAR_BID.replace("绩效目标表 |", "2023年绩效目标表 |", 1)


def test_an_amount_of_a_table_that_names_no_year_is_the_total_funds_not_a_budget() -> None:
    (table,), _ = read_text(NO_YEAR_BID, "bid.txt")
    project = table.project
    assert (project.year, project.budget) == (None, None)
    assert project.total_funds == Decimal("960000000")
    assert table.reading is not None
    assert any("未写预算年度" in note for note in table.reading.inferred)


def test_the_same_amount_is_the_budget_once_the_title_names_the_year() -> None:
    (table,), _ = read_text(YEAR_IN_TITLE, "bid.txt")
    project = table.project
    assert (project.year, project.budget, project.budget_unit) == (2023, Decimal("960000000"), "万元")
    assert project.total_funds is None


# A county department's workbook sheet (重庆 石柱, 2022): '单位:万元' once over the sheet, then one
# project after another, each with 当年预算 as a bare number.
SHEET_OF_PROJECTS = """编制单位: | 316-示范县民政局 | 单位:万元 |
专项资金名称 | 城乡困难群众取暖补贴 |
业务主管部门 | 316-示范县民政局 |
当年预算 | 125.50 |
当年绩效目标 | 按时足额发放取暖补贴 |
指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 |
补贴发放人数 | 50 | 人 | ≥ | 3000 |
受助群众满意度 | 50 | % | ≥ | 90 |
专项资金名称 | 社区养老服务站补助 |
业务主管部门 | 316-示范县民政局 |
当年预算 | 42.00 |
当年绩效目标 | 保障养老服务站正常运营 |
指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 |
补助服务站数量 | 50 | 个 | ≥ | 12 |
入住老人满意度 | 50 | % | ≥ | 92 |
"""


def test_a_header_lines_unit_holds_for_every_table_after_it_in_the_document() -> None:
    tables, _ = read_text(SHEET_OF_PROJECTS, "sheet.txt")
    assert [(t.project.name, t.project.budget, t.project.budget_unit) for t in tables] == [
        ("城乡困难群众取暖补贴", Decimal("1255000.00"), "万元"),
        ("社区养老服务站补助", Decimal("420000.00"), "万元"),
    ]
    reading = tables[1].reading
    assert reading is not None
    assert any("上一张表的表头" in note for note in reading.inferred)


def test_the_sheets_unit_line_holds_for_its_later_tables_in_a_workbook() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "表十三"
    sheet.append(["表十三"])
    sheet.append(["2022年项目支出绩效目标表"])
    for line in SHEET_OF_PROJECTS.splitlines():
        sheet.append([cell.strip() for cell in line.split("|") if cell.strip()])
    buffer = io.BytesIO()
    book.save(buffer)
    tables, _ = read_xlsx_bytes(buffer.getvalue(), "sheet.xlsx")
    assert [(t.project.year, t.project.budget, t.project.budget_unit) for t in tables] == [
        (2022, Decimal("1255000.00"), "万元"),
        (2022, Decimal("420000.00"), "万元"),
    ]


def test_a_later_tables_own_unit_line_replaces_the_one_before() -> None:
    text = SHEET_OF_PROJECTS.replace("专项资金名称 | 社区养老", "单位:元 |\n专项资金名称 | 社区养老", 1)
    tables, _ = read_text(text, "sheet.txt")
    assert [(t.project.budget, t.project.budget_unit) for t in tables] == [
        (Decimal("1255000.00"), "万元"),
        (Decimal("42.00"), "元"),
    ]


# A school's 项目申报表 printed from the 预算管理一体化 system (湖北 广水, 2023): the funds block is a
# heading row of amount labels over a row of amounts, under 项目资金(万元).
FUNDS_UNDER_LABELS = """示范镇中心中学项目申报表 | | | |
项目基本信息 | | | |
二级项目名称 | 义务教育学校公用经费省级资金 | 二级项目代码 | |
主管部门 | 155-示范市教育局 | 单位 | 155009001示范镇中心中学 |
项目开始年度 | 2023 | 项目期限 | 1年 |
项目资金(万元) | | | |
资金总额 | 本年预算 | 其中:财政拨款 | 其他资金 |
52.30 | 50.80 | 50.80 | 0.00 |
年度绩效目标 | 保障学校日常运转。 | | |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 保障在校学生人数 | ≥1180人 |
满意度指标 | 服务对象满意度指标 | 学生及家长满意度 | ≥90% |
"""


def test_amounts_in_the_row_under_their_labels_are_read_by_position() -> None:
    (table,), _ = read_text(FUNDS_UNDER_LABELS, "school.txt")
    project = table.project
    assert (project.year, project.budget, project.budget_unit) == (2023, Decimal("508000.00"), "万元")
    assert project.total_funds == Decimal("523000.00")


def test_a_row_under_amount_labels_that_is_not_all_amounts_gives_no_budget() -> None:
    text = FUNDS_UNDER_LABELS.replace("52.30 | 50.80 | 50.80 | 0.00 |", "见附件 | 50.80 | 50.80 | 0.00 |")
    (table,), _ = read_text(text, "school.txt")
    assert table.project.budget is None


# A 上海 财政支出项目绩效目标申报表 as a document-sharing site's text: label and value run together, the
# 项目预算(万元) block's 合计 and its parts on one line.
RUN_TOGETHER_TOTAL = """上海市财政支出项目绩效目标申报表
申报单位名称:示范服务中心
项目名称示范社团培训经费
开始时间2019/1/1结束时间2019/12/31
项目预算(万元)
合计37.20其中:财政拨款37.20其他资金0
项目绩效目标
年度绩效目标全年举办培训班3期。
一级指标二级指标三级指标指标值
产出指标数量指标培训班期数3期
满意度指标服务对象满意度指标参加人员满意度≥90%
"""


def test_a_total_run_together_with_its_parts_is_the_budget() -> None:
    (table,), _ = read_text(RUN_TOGETHER_TOTAL, "shanghai.txt")
    project = table.project
    assert (project.name, project.year) == ("示范社团培训经费", 2019)
    assert (project.budget, project.budget_unit) == (Decimal("372000.00"), "万元")


def test_a_run_together_total_with_more_after_its_amount_gives_no_budget() -> None:
    text = RUN_TOGETHER_TOTAL.replace("合计37.20其中", "合计37.20另有12.00其中", 1)
    (table,), _ = read_text(text, "shanghai.txt")
    assert table.project.budget is None


# A county bureau's notice setting a project's targets in prose (宁夏 同心, 2025): the money only in the
# paragraph above the targets, beside a rate per trainee that is no budget.
PROSE_NOTICE = """标 题: | 示范县2025年奶牛养殖技术培训项目绩效目标设定 |
县人民政府:
按照有关文件要求,安排示范县2025年奶牛养殖技术培训资金18万元。培训标准500元/人,培训期限2天。
一、产出指标
(一)数量指标
奶牛养殖户培训≧360人;
(二)质量指标
参训人员培训合格率≥95%;
二、效益指标
(一)社会效益指标
养殖户科学养殖技术水平,提高;
三、满意度指标
参训养殖户满意度≥95%。
示范县农业农村局
"""


def test_the_one_amount_a_prose_notice_names_as_the_projects_money_is_its_budget() -> None:
    (table,), diagnostics = read_text(PROSE_NOTICE, "notice.txt")
    project = table.project
    assert (project.name, project.year) == ("示范县2025年奶牛养殖技术培训项目", 2025)
    assert (project.budget, project.budget_unit) == (Decimal("180000"), "万元")
    assert any("18万元" in d.message and d.source.line == 3 for d in diagnostics)


def test_a_rate_per_head_in_a_prose_notice_is_no_budget() -> None:
    text = PROSE_NOTICE.replace("安排示范县2025年奶牛养殖技术培训资金18万元", "按人均培训经费500元安排", 1)
    (table,), _ = read_text(text, "notice.txt")
    assert table.project.budget is None


def test_a_prose_notice_naming_two_different_amounts_gives_no_budget() -> None:
    text = PROSE_NOTICE.replace("培训标准500元/人", "另安排配套经费6万元", 1)
    (table,), _ = read_text(text, "notice.txt")
    assert table.project.budget is None


# A 甘肃 省级部门预算项目支出绩效目标表 as a sharing site's text: the title's year in brackets opens the
# next cell, run on into the form's first label (``(2023年度)一*级``); no year anywhere else.
TITLE_YEAR_RUN_ON = """省级部门预算项目支出绩效目标表 | (2023年度)一*级 |
项目名称 | 示范场馆免费开放补助资金 |
项目开始日期 | 2023-01-01项目完成H期 |
预算申报数 | 32万元 |
一级指标 | 二级指标 | 三级指标 | 指标目标值 |
产出指标 | 数量指标 | 免费开放天数 | =290天 |
满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥95% |
"""


def test_the_year_opening_the_cell_after_the_title_is_the_tables_year() -> None:
    (table,), _ = read_text(TITLE_YEAR_RUN_ON, "gansu.txt")
    project = table.project
    assert (project.name, project.year) == ("示范场馆免费开放补助资金", 2023)
    assert project.budget == Decimal("320000")


def test_a_year_inside_the_cell_after_the_title_is_not_taken() -> None:
    text = TITLE_YEAR_RUN_ON.replace("(2023年度)一*级", "一*级(2023年度)", 1)
    (table,), _ = read_text(text, "gansu.txt")
    assert table.project.year is None


# The same 甘肃 form where the extraction ran the funds row together after the first amount: the year's
# 预算申报数 is inside the cell after 项目总投资.
FUNDS_RUN_ON = """省级部门预算项目支出绩效目标表(2023年度) |
项目名称 | 示范排练厅改造项目 |
项目总投资 | 52.80万元中央补助安排0省级财政安排52.80万元其他资金0预算申报数52.80万元资金性质一般公共预算 |
一级指标 | 二级指标 | 三级指标 | 指标目标值 |
产出指标 | 数量指标 | 改造排练厅面积 | =420平方米 |
满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥95% |
"""


def test_amount_labels_run_on_after_an_amount_are_read_as_their_own_cells() -> None:
    (table,), _ = read_text(FUNDS_RUN_ON, "gansu.txt")
    project = table.project
    assert (project.year, project.budget, project.budget_unit) == (2023, Decimal("528000"), "万元")
    assert project.total_funds == Decimal("528000")


def test_a_run_on_cell_with_no_amount_label_and_amount_in_it_gives_the_total_only() -> None:
    text = FUNDS_RUN_ON.replace("预算申报数52.80万元", "", 1)
    (table,), _ = read_text(text, "gansu.txt")
    assert (table.project.budget, table.project.total_funds) == (None, Decimal("528000"))
