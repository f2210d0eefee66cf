"""Issue 11, the layout classes heldout15 showed, read generally (documents of our own; projects, names
and values are ours):

1. quarterly (序时) targets ``第一季度 … 第四季度`` before the year's ``全年目标值``: the annual value is the
   year's column, the quarters' values kept as the indicator's notes, never the annual value;
2. a value followed by a bracketed note (``≥95%（以验收报告为准）``), the note carrying a number of its own
   or not: the value is the value, the note kept; a bracket that may be another value is not guessed;
3. a space between the comparator and the number inside one value cell (``≥ 3 条/日``);
4. cells a PDF wrapped over lines in one-cell-per-line text: the comparator alone on a line, a unit or a
   date going on, a name before its value, a head value;
5. head rows pairing several labels and values, opening with a pair the table is not about
   (``一级项目名称 | … | 二级项目名称 | …``);
6. ``/`` placeholder rows of a template's 二级 with no indicator set;
7. a hidden worksheet column of system codes, a ``上年实际值`` baseline column, a nested Word table.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
from openpyxl import Workbook

from jixiao.model import Kind, Op
from jixiao.readers.detect import read_any
from jixiao.readers.linewraps import WRAPPED_BY_WIDTH, join_wrapped_lines
from jixiao.readers.text import read_text
from jixiao.readers.unreadpairs import unread_pairs_end
from jixiao.values import parse_target

HEAD = "项目名称\t某县应急培训项目\n主管部门\t某县应急管理局\n年度资金总额\t30.00\n"

QUARTERS = (
    HEAD + "一级指标\t二级指标\t三级指标\t一季度\t二季度\t三季度\t四季度\t全年目标值\n"
    "产出指标\t数量指标\t培训场次\t≥2场\t≥4场\t≥4场\t≥2场\t≥12场\n"
    "\t质量指标\t考核合格率\t—\t≥90%\t—\t≥90%\t≥90%\n"
    "效益指标\t社会效益指标\t应急能力\t—\t—\t—\t—\t逐步提高\n"
)


def test_quarter_columns_before_the_year_s_leave_the_annual_value_to_the_year_s_column() -> None:
    (table,), _ = read_text(QUARTERS, "quarters.txt")
    values = {i.name: i.annual.raw for i in table.indicators}
    assert values == {"培训场次": "≥12场", "考核合格率": "≥90%", "应急能力": "逐步提高"}
    first = table.indicators[0]
    quarters = {"第一季度": "≥2场", "第二季度": "≥4场", "第三季度": "≥4场", "第四季度": "≥2场"}
    assert dict(first.notes) == quarters
    assert first.annual.value == Decimal(12) and first.annual.op is Op.GE


def test_half_year_columns_in_pipe_text_are_notes_too() -> None:
    text = (
        "项目名称 | 某县档案数字化项目 |\n年度资金总额 | 12.00 |\n"
        "一级指标 | 二级指标 | 三级指标 | 上半年 | 下半年 | 全年指标值 |\n"
        "产出指标 | 数量指标 | 数字化档案卷数 | ≥500卷 | ≥700卷 | ≥1200卷 |\n"
    )
    (table,), _ = read_text(text, "halves.txt")
    (indicator,) = table.indicators
    assert indicator.annual.raw == "≥1200卷"
    assert dict(indicator.notes) == {"上半年": "≥500卷", "下半年": "≥700卷"}


def test_a_bracketed_note_after_the_value_is_a_note_even_with_a_number_in_it() -> None:
    counted = parse_target("≥99.9%（全年停播累计不超过8小时）")
    assert (counted.kind, counted.op, counted.value) == (Kind.QUANTITATIVE, Op.GE, Decimal("99.9"))
    assert counted.unit == "%"
    assert counted.note is not None and "8小时" in counted.note
    plain = parse_target("≥95%（以验收报告为准）")
    assert (plain.kind, plain.value, plain.unit) == (Kind.QUANTITATIVE, Decimal(95), "%")


def test_a_bracket_that_may_be_another_value_is_not_guessed() -> None:
    assert parse_target("95%（98%）").kind is Kind.UNKNOWN
    assert parse_target("≥90%，其中2个≥95%").kind is Kind.UNKNOWN


def test_a_table_keeps_the_value_with_its_note_as_written() -> None:
    text = HEAD + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t质量指标\t合格率\t≥95%（以验收报告为准）\n"
    (table,), _ = read_text(text, "note.txt")
    (indicator,) = table.indicators
    assert indicator.annual.raw == "≥95%（以验收报告为准）"
    assert indicator.annual.value == Decimal(95)


def test_a_space_between_the_comparator_and_the_number_in_one_cell() -> None:
    target = parse_target("≥ 3 条/日")
    assert (target.kind, target.op, target.value) == (Kind.QUANTITATIVE, Op.GE, Decimal(3))
    assert target.unit == "条/日"
    text = HEAD + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t每日发布新闻条数\t≥ 3 条/日\n"
    (table,), _ = read_text(text, "space.txt")
    assert table.indicators[0].annual.raw == "≥ 3 条/日"
    assert table.indicators[0].annual.value == Decimal(3)


# A PDF flattened one cell a line, its narrow columns wrapping names, values and a head value.
WRAPPED = """某县2024年项目支出绩效目标表
单位：万元
项目名称
妇女儿童维权服务经费
主管部门
某县妇女联合会机关服务中
心
实施单位
某县妇女联合会机关服务中
心
项目资金
年度资金总额
18.00
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
妇女维权法律咨询服务
人次
≥300人
次
婚姻家庭纠纷调解成功
率
≥
85%
时效指标
维权案件受理办结及时
率
100%
成本指标
人均咨询服务成本
≤30元/
人
效益指标
社会效益指标
妇女儿童合法权益保障
水平
进一步
提高
满意度指标
服务对象满意度指标
咨询群众满意度
≥
90%
"""


def test_cells_a_pdf_wrapped_over_lines_are_joined_back() -> None:
    (table,), diagnostics = read_text(WRAPPED, "women.txt")
    assert table.project.department == "某县妇女联合会机关服务中心"
    assert table.project.unit == "某县妇女联合会机关服务中心"
    values = {i.name: i.annual.raw for i in table.indicators}
    assert values == {
        "妇女维权法律咨询服务人次": "≥300人次",
        "婚姻家庭纠纷调解成功率": "≥85%",
        "维权案件受理办结及时率": "100%",
        "人均咨询服务成本": "≤30元/人",
        "妇女儿童合法权益保障水平": "进一步提高",
        "咨询群众满意度": "≥90%",
    }
    assert table.indicators[0].annual.unit == "人次"
    by_width = [(d.code, d.source.line) for d in diagnostics if d.code == WRAPPED_BY_WIDTH]
    assert by_width == [(WRAPPED_BY_WIDTH, 38), (WRAPPED_BY_WIDTH, 40)]  # only the joins widths decided


def test_two_text_indicators_of_a_wrapped_table_are_not_joined_when_the_value_column_says_nothing() -> None:
    lines = [
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标",
        "妇女维权法律咨询服务", "人次", "300", "效益指标", "社会效益指标",
        "妇女儿童合法权益保障", "明显提升", "家庭服务水平", "持续提高", "满意度指标",
    ]  # fmt: skip
    joined = join_wrapped_lines(lines)
    assert joined[6] == "妇女维权法律咨询服务人次"  # before its value: one name
    assert joined[11:15] == lines[11:15]  # no wrapped value measured the value column: left as written


def test_a_date_broken_inside_is_one_deadline() -> None:
    lines = [
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "时效指标", "完成时间", "2024年6", "月底前",
    ]  # fmt: skip
    joined = join_wrapped_lines(lines)
    assert joined[7] == "2024年6月底前" and joined[8] == "" and len(joined) == len(lines)


def test_lines_are_not_joined_where_no_grammar_settles_it() -> None:
    lines = [
        "一级指标", "二级指标", "三级指标", "指标值", "效益指标", "社会效益指标",
        "群众满意度", "明显提升", "服务水平", "持续提高",
    ]  # fmt: skip
    assert join_wrapped_lines(lines) == lines
    with_remarks = ["一级指标", "二级指标", "三级指标", "指标值", "备注", "产出指标", "数量指标", "≥", "4次"]
    assert join_wrapped_lines(with_remarks) == with_remarks  # not one value column: left as written
    empty_value = [
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标",
        "培训场次", " ", "培训人数", "≥3人",
    ]  # fmt: skip
    assert join_wrapped_lines(empty_value) == empty_value  # a lone space is an empty cell, not a gap


PAIRED_HEAD = (
    "部门预算项目支出绩效目标表\n(2024年度)\n"
    "一级项目名称\t公共就业服务专项资金\t\t二级项目名称\t某县就业见习补贴\t\n"
    "项目类型\t延续项目\t项目分类\t专项工作经费\t资金用途\t业务类项目\n"
    "主管部门\t某县人力资源和社会保障局\t项目开始日期\t2024-01-01\t项目完成日期\t2024-12-31\n"
    "其他资金\t0万元\t预算申报数\t50万元\t资金性质\t一般公共预算\n"
    "组织实施单位\t某县人力资源和社会保障局\t监督管理单位\t某县财政局\t项目实施单位\t某县就业服务中心\n"
    "一级指标\t二级指标\t三级指标\t指标目标值\n"
    "产出指标\t数量指标\t见习人数\t≥100人\n"
)


def test_a_head_row_opening_with_a_pair_the_table_is_not_about_still_names_the_project() -> None:
    (table,), _ = read_text(PAIRED_HEAD, "trainees.txt")
    assert table.project.name == "某县就业见习补贴"
    assert table.project.unit == "某县就业服务中心"
    assert table.project.department == "某县人力资源和社会保障局"
    assert table.project.budget == Decimal("500000.00")
    assert [i.name for i in table.indicators] == ["见习人数"]


def test_only_rows_opening_with_an_unread_label_are_cut() -> None:
    assert unread_pairs_end(("一级项目名称", "某专项", "二级项目名称", "某项目")) == 2
    assert unread_pairs_end(("项目名称", "某项目", "主管部门", "某局")) is None
    assert unread_pairs_end(("一级项目名称", "某专项", "资金性质", "一般公共预算")) is None


PLACEHOLDERS = (
    HEAD + "一级指标\t二级指标\t三级指标\t指标值\n"
    "产出指标\t数量指标\t培训人数\t≥200人\n"
    "成本指标\t经济成本指标\t人均培训成本\t≤150元\n"
    "\t社会成本指标\t/\t/\n"
    "\t生态环境成本指标\t/\t/\n"
    "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n"
)


def test_slash_placeholder_rows_are_no_indicators() -> None:
    (table,), _ = read_text(PLACEHOLDERS, "placeholders.txt")
    assert [i.name for i in table.indicators] == ["培训人数", "人均培训成本", "学员满意度"]


def test_a_hidden_column_of_system_codes_is_not_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ["项目名称", "某县诉讼服务经费", "", "", "", ""],
        ["年度资金总额", 200000, "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标ID"],
        ["产出指标", "数量指标", "诉讼服务人次", "≥", 3000, "人次", "1B2F0C9A7D"],
        ["满意度指标", "服务对象满意度指标", "当事人满意度", "≥", 90, "%", "1B2F0C9A7E"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["G"].hidden = True
    path = tmp_path / "codes.xlsx"
    book.save(path)
    (table,), _ = read_any(path)
    assert [(i.name, i.annual.value, i.annual.unit) for i in table.indicators] == [
        ("诉讼服务人次", Decimal(3000), "人次"),
        ("当事人满意度", Decimal(90), "%"),
    ]
    assert not any("1B2F0C9A7D" in text for i in table.indicators for _, text in i.notes)


def test_a_last_year_s_actual_column_is_the_baseline() -> None:
    text = (
        "项目名称 | 某县残疾人康复项目 |\n年度资金总额 | 40.00 |\n"
        "一级指标 | 二级指标 | 三级指标 | 上年实际值 | 年度指标值 |\n"
        "产出指标 | 数量指标 | 康复服务人数 | 420人 | ≥450人 |\n"
    )
    (table,), _ = read_text(text, "rehab.txt")
    (indicator,) = table.indicators
    assert indicator.annual.raw == "≥450人"
    assert indicator.baseline.raw == "420人"


def test_an_indicator_grid_nested_in_a_word_form_s_cell(tmp_path: Path) -> None:
    document = docx.Document()
    form = document.add_table(rows=4, cols=2)
    head = (("项目名称", "某区科普活动经费"), ("主管部门", "某区科学技术协会"), ("年度资金总额", "20.00万元"))
    for row, (label, value) in zip(form.rows[:3], head, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    form.rows[3].cells[0].text = "绩效指标"
    grid = form.rows[3].cells[1].add_table(rows=3, cols=4)
    for row, cells in zip(
        grid.rows,
        (
            ("一级指标", "二级指标", "三级指标", "指标值"),
            ("产出指标", "数量指标", "科普讲座场次", "≥20场"),
            ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
        ),
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "nested.docx"
    document.save(str(path))
    (table,), _ = read_any(path)
    assert table.project.name == "某区科普活动经费"
    read = [(i.name, i.annual.raw) for i in table.indicators]
    assert read == [("科普讲座场次", "≥20场"), ("听众满意度", "≥90%")]
