"""Issue 11, the layout classes heldout6 could not read: label/value pairs two to a line over a grid whose
value and unit stand in separate columns (weights last, some wrapped onto the next line); a notice in
Traditional characters whose tables are introduced by a numbered heading and label lines, not a title; the
budget as the 合计 of a 年度预算 block or of a 本年度申请资金 column, with its unit and year in header lines.

The documents are our own, in the layouts of the real pages (a 州 portal's xlsx preview, a city finance
bureau's notice re-posted in Traditional characters)."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.model import Kind, Op
from jixiao.readers.docx import read_docx_bytes
from jixiao.readers.text import read_text
from jixiao.readers.xlsx import read_xlsx_path

# A 州 portal's preview of an xlsx as page text: one row per line, single spaces; label pairs two to a
# line with the 项目名称 left empty; 指标性质 empty on quantitative rows; the 权重 of the 定性 rows alone
# on the next line.
PAIRS_AND_UNIT_COLUMN = """绩效目标表
单位信息: 518002-某县农业农村局机关 项目名称:
主管部门: 518-某县农业农村部门 项目经办人:
预算执行率权重(%):
整体目标: 完成全县耕地质量监测点布设和土壤样品检测,开展测土配方施肥技术培训。
一级指标 二级指标 三级指标 指标性质 指标值 度量单位 权重(%)
产出指标 数量指标 布设耕地质量监测点 45 个 20
产出指标 质量指标 土壤样品检测合格率 98 % 15
产出指标 成本指标 单个样品检测费用 320 元/个 15
产出指标 时效指标 完成时限 1 10
效益指标 社会效益指标 农户科学施肥意识 定性 高中低
20
满意度指标 服务对象满意度指标 农户对技术服务满意度 定性 高中低
20
"""


def test_label_pairs_and_a_unit_column_after_an_empty_nature_column_are_read_as_text() -> None:
    (table,), diagnostics = read_text(PAIRS_AND_UNIT_COLUMN, "preview.txt")
    project = table.project
    assert project.name == ""  # 项目名称: left empty in the form, never filled in by a guess
    assert [d.code for d in diagnostics] == ["JX-R14"] and diagnostics[0].source.line == 2
    assert project.department == "518-某县农业农村部门"
    assert project.unit == "518002-某县农业农村局机关"
    assert project.year is None and project.budget is None
    names = [i.name for i in table.indicators]
    assert names == [
        "布设耕地质量监测点", "土壤样品检测合格率", "单个样品检测费用", "完成时限", "农户科学施肥意识",
        "农户对技术服务满意度",
    ]  # fmt: skip
    points, rate, cost, _, sense, _ = table.indicators
    assert (points.annual.raw, points.annual.value, points.annual.unit) == ("45", Decimal("45"), "个")
    assert (rate.annual.raw, rate.annual.unit) == ("98", "%")
    assert (cost.annual.unit, cost.annual.note) == ("元/个", None)  # the 度量单位 cell whole
    assert (sense.annual.raw, sense.annual.kind) == ("高中低", Kind.QUALITATIVE)
    assert [i.weight for i in table.indicators] == [Decimal(w) for w in (20, 15, 15, 10, 20, 20)]
    assert sum(i.weight or 0 for i in table.indicators) == 100  # the wrapped weights found their rows


def test_label_pairs_with_the_value_right_after_the_colon() -> None:
    text = PAIRS_AND_UNIT_COLUMN.replace(
        "单位信息: 518002-某县农业农村局机关 项目名称:",
        "单位信息:518002-某县农业农村局机关 项目名称:耕地质量监测经费",
    ).replace("主管部门: 518", "主管部门:518")
    (table,), diagnostics = read_text(text, "preview.txt")
    assert table.project.name == "耕地质量监测经费" and not diagnostics
    assert table.project.unit == "518002-某县农业农村局机关"
    assert table.project.department == "518-某县农业农村部门"
    assert len(table.indicators) == 6


def test_a_lone_number_is_no_weight_where_the_header_has_no_weight_column() -> None:
    text = PAIRS_AND_UNIT_COLUMN.replace(" 权重(%)", "").replace(" 20\n", "\n").replace(" 15\n", "\n")
    text = text.replace(" 10\n", "\n")
    (table,), _ = read_text(text, "preview.txt")
    assert all(i.weight is None for i in table.indicators)


def test_the_same_form_as_a_workbook_with_its_name_further_along_the_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["绩效目标表"])
    sheet.append(["单位信息:", "518002-某县农业农村局机关", None, None, "项目名称:", "耕地质量监测经费"])
    sheet.append(["主管部门:", "518-某县农业农村部门", None, None, "项目经办人:", "某某"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"])
    sheet.append(["产出指标", "数量指标", "布设耕地质量监测点", None, 45, "个", 40])
    sheet.append(["产出指标", "成本指标", "单个样品检测费用", "≤", 320, "元/个", 30])
    sheet.append(["效益指标", "社会效益指标", "农户科学施肥意识", "定性", "高中低", None, 30])
    path = tmp_path / "form.xlsx"
    book.save(path)
    (table,), _ = read_xlsx_path(path)
    assert table.project.name == "耕地质量监测经费"
    assert table.project.unit == "518002-某县农业农村局机关"
    points, cost, sense = table.indicators
    assert (points.annual.raw, points.annual.unit, points.weight) == ("45", "个", Decimal("40"))
    assert (cost.annual.raw, cost.annual.op, cost.annual.unit) == ("320", Op.LE, "元/个")
    assert sense.annual.kind is Kind.QUALITATIVE


# A city finance bureau's notice re-posted in Traditional characters: a list of projects with amounts,
# then per project a numbered heading, label lines and a tab-separated table; no title, no 项目名称.
SECTIONS_IN_TRADITIONAL = """\
市財政局堅持強化預算績效目標管理,採取集中審核方式,加強項目支出績效目標審核,切實從源頭上把好關。
2024年,圍繞市委部署,現對重點項目的績效目標予以公開,涉及項目2個,財政資金980萬元。項目分別為:
1.城區公廁提升改造 600萬元;
2.老年人助餐服務補貼 380萬元。

一、城區公廁提升改造
(一)項目概況
對城區老舊公廁進行提升改造,改善群眾如廁環境。
(二)績效目標
年度資金總額:600萬元
年度目標:完成城區公廁提升改造40座,群眾滿意度達到90%以上。
一級指標\t二級指標\t三級指標\t指標值
產出指標\t數量指標\t提升改造公廁數量\t≥40座
\t時效指標\t改造完成時間\t2024年10月底前
滿意度指標\t服務對象滿意度指標\t群眾滿意度\t≥90%

二、老年人助餐服務補貼
(一)項目概況
對轄區老年人助餐點按服務人次給予補貼。
(二)績效目標
年度資金總額:380萬元
一級指標\t二級指標\t三級指標\t指標值
產出指標\t數量指標\t助餐服務人次\t≥15萬人次
效益指標\t社會效益指標\t老年人就餐便利程度\t明顯提高
"""


def test_tables_introduced_by_a_numbered_heading_in_traditional_characters() -> None:
    tables, _ = read_text(SECTIONS_IN_TRADITIONAL, "notice.txt")
    assert [t.project.name for t in tables] == ["城区公厕提升改造", "老年人助餐服务补贴"]
    toilets, meals = tables
    assert toilets.project.budget == Decimal("6000000") and toilets.project.budget_unit == "万元"
    assert meals.project.budget == Decimal("3800000")
    assert toilets.project.year == 2024 and meals.project.year == 2024
    assert toilets.reading is not None and "项目名称取自章节标题" in toilets.reading.inferred
    assert [i.name for i in toilets.indicators] == ["提升改造公厕数量", "改造完成时间", "群众满意度"]
    assert toilets.indicators[1].level2 == "时效指标" and toilets.indicators[1].level1 == "产出指标"
    assert toilets.indicators[0].annual.raw == "≥40座"
    assert [i.name for i in meals.indicators] == ["助餐服务人次", "老年人就餐便利程度"]


def test_a_heading_naming_a_part_of_the_document_never_names_a_table() -> None:
    text = SECTIONS_IN_TRADITIONAL.replace("一、城區公廁提升改造\n", "一、項目基本情況\n", 1)
    tables, _ = read_text(text, "notice.txt")
    assert [t.project.name for t in tables] == ["老年人助餐服务补贴"]


# A 河北 county budget disclosure as page text, one cell per line each ending in ' |': the unit's name,
# '预算年度:' and '单位:万元' as header lines, then a 年度预算 block whose 合计 row is the budget and
# whose 财政拨款/其他资金 rows are its parts.
BUDGET_BLOCK = """项目支出绩效目标表 |
131平山县某乡财政所 |
预算年度:2025 |
单位:万元 |
项目名称 |
乡村公共照明设施维护 |
项目单位 |
平山县某乡财政所 |
年度预算 |
合计 |
32.40 |
财政拨款 |
30.00 |
其他资金 |
2.40 |
年度绩效目标 |
完成全乡12个村公共照明设施巡检维护,保障夜间照明正常。 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
产出指标 |
数量指标 |
维护路灯数量 |
≥860盏 |
满意度指标 |
服务对象满意度指标 |
村民满意度 |
≥90% |
"""


def test_a_budget_block_takes_its_total_row_and_the_year_and_unit_of_the_header_lines() -> None:
    (table,), _ = read_text(BUDGET_BLOCK, "disclosure.txt")
    project = table.project
    assert project.name == "乡村公共照明设施维护"
    assert project.budget == Decimal("324000") and project.budget_unit == "万元"  # 合计, not 财政拨款
    assert project.year == 2025  # labelled: 预算年度, no inference
    assert table.reading is not None
    assert not any("年度" in note for note in table.reading.inferred)
    assert [i.name for i in table.indicators] == ["维护路灯数量", "村民满意度"]


def test_the_year_and_unit_on_one_header_line_above_a_printed_table() -> None:
    text = BUDGET_BLOCK.replace("预算年度:2025 |\n单位:万元 |\n", "预算年度:2025 单位:万元 |\n")
    (table,), _ = read_text(text, "printed.txt")
    assert table.project.year == 2025 and table.project.budget == Decimal("324000")


def _docx(body: str) -> bytes:
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {namespace}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def _tc(text: str = "", span: int = 1, merge: str | None = None) -> str:
    props = (f"<w:gridSpan w:val='{span}'/>" if span > 1 else "") + (
        "<w:vMerge/>" if merge == "continue" else "<w:vMerge w:val='restart'/>" if merge else ""
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def _tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def test_a_request_column_total_written_with_a_space_in_a_word_form() -> None:
    """The 湖南 申报表 as Word: 上年度安排资金 beside 本年度申请资金 (merged over two columns), a 合 计 row
    with a space, side cells merged down: the budget is the 本年度申请 total, never last year's."""
    side = _tc(merge="continue")
    funds = _tc(merge="continue")
    rows = [
        _tr(_tc("项目基本情况"), _tc("项目名称"), _tc("农村义务教育学生营养改善", span=4)),
        _tr(_tc("项目资金情况", merge="restart"), _tc("项目资金申请(万元)", merge="restart"), _tc("项 目"),
            _tc("上年度安排资金"), _tc("本年度申请资金", span=2)),
        _tr(side, funds, _tc("合 计"), _tc("310"), _tc("336", span=2)),
        _tr(side, funds, _tc("省级资金"), _tc("200"), _tc("216", span=2)),
        _tr(_tc("一级指标"), _tc("二级指标"), _tc("三级指标"), _tc("指标值", span=3)),
        _tr(_tc("产出指标"), _tc("数量指标"), _tc("受益学生人数"), _tc("≥8400人", span=3)),
        _tr(_tc("满意度指标"), _tc("服务对象满意度指标"), _tc("家长满意度"), _tc("≥90%", span=3)),
    ]  # fmt: skip
    body = _p("项目支出预算绩效目标申报表") + _p("(2024年度)") + f"<w:tbl>{''.join(rows)}</w:tbl>"
    (table,), _ = read_docx_bytes(_docx(body), "form.docx")
    assert table.project.name == "农村义务教育学生营养改善"
    assert table.project.budget == Decimal("3360000") and table.project.budget_unit == "万元"
    assert table.reading is not None
    assert "预算金额取自资金表“本年度申请”列的合计" in table.reading.inferred
