"""The text-form stages before the grid reader, each on a small table of our own in that form."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import Kind, Op
from jixiao.readers.damage import DAMAGED_VALUE
from jixiao.readers.runs import split_long_run
from jixiao.readers.text import read_text
from jixiao.readers.textforms import Layout, detect_layout, text_rows

# A table flattened so that every cell is followed by a line holding only "|" and a second "|" line
# closes the row; merged labels are written one character per line, a label wraps over two lines.
SEPARATED = """项目支出绩效目标表
|
|
(2024年度)
|
|
项目名称
|
社区老年食堂运营补助
|
|
主管部门及代码
|
某区民政局
|
实施单位
|
某区民政局
|
|
项目资金
(万元)
|
年度资金总额:
|
48万
|
|
绩
效
指
标
|
一级
指标
|
二级指标
|
三级指标
|
指标值
|
|
产
出
指
标
|
数量指标
|
老年食堂运营数量
|
12个
|
|
质量指标
|
食品安全检查合格率
|
100%
|
|
满
意
度
指
标
|
服务对象满意度指标
|
就餐老人满意度
|
≥90%
|
|
"""


def test_separator_pipes_are_detected() -> None:
    assert detect_layout(SEPARATED.splitlines()) == Layout.SEP_PIPES
    # the cell-per-line form where each cell ends in " |" stays what it was
    ended = ["项目名称 |", "某项目 |", "|", "主管部门 |", "某局 |", "|"] * 3
    assert detect_layout(ended) == Layout.CELL_PIPES


def test_separator_pipes_give_rows_with_wrapped_and_vertical_labels_joined() -> None:
    rows = [row.cells for row in text_rows(SEPARATED)]
    assert ("项目名称", "社区老年食堂运营补助") in rows
    assert ("项目资金(万元)", "年度资金总额:", "48万") in rows
    assert ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值") in rows
    assert ("产出指标", "数量指标", "老年食堂运营数量", "12个") in rows


def test_separator_pipes_read_as_a_table() -> None:
    tables, _ = read_text(SEPARATED, "x.txt")
    assert len(tables) == 1
    table = tables[0]
    assert table.project.name == "社区老年食堂运营补助"
    assert table.project.year == 2024
    assert [i.name for i in table.indicators] == ["老年食堂运营数量", "食品安全检查合格率", "就餐老人满意度"]
    satisfaction = table.indicators[-1]
    assert satisfaction.level1 == "满意度指标"
    assert satisfaction.annual.op is Op.GE and str(satisfaction.annual.value) == "90"


UNFILLED = """2020年专项资金绩效目标表

专项(项目)名称

河道堤防加固专项

具体实施单位

某区水利局

绩效指标

一级指标

二级指标

三级指标

指标值

产出指标

数量指标

新建堤防长度

公里

质量指标

工程验收合格率

≧ %

时效指标

项目完工时间

年 月

"""


def test_unfilled_placeholders_are_kept_raw_and_reported_not_read_as_text() -> None:
    tables, diagnostics = read_text(UNFILLED, "x.txt")
    assert len(tables) == 1
    table = tables[0]
    assert table.project.name == "河道堤防加固专项"
    assert table.project.unit == "某区水利局"
    values = {i.name: i.annual for i in table.indicators}
    assert values["新建堤防长度"].raw == "公里"
    assert values["工程验收合格率"].raw == "≧ %"
    assert values["项目完工时间"].raw == "年 月"
    assert all(v.kind is Kind.UNKNOWN and v.value is None for v in values.values())
    damaged = [d for d in diagnostics if d.code == DAMAGED_VALUE]
    assert len(damaged) == 3 and all("未填写" in d.message for d in damaged)


def test_a_qualitative_value_is_not_taken_for_a_placeholder() -> None:
    text = UNFILLED.replace("公里\n", "明显提升\n")
    tables, _ = read_text(text, "x.txt")
    value = next(i.annual for i in tables[0].indicators if i.name == "新建堤防长度")
    assert value.kind is Kind.QUALITATIVE and value.raw == "明显提升"


# A table flattened with no separator at all: each row's cells run together on one line.
RUN_TOGETHER = """某街道办事处2022年重点项目绩效目标表
预算单位某街道办事处项目主管部门某街道办事处项目名称社区养老驿站运营经费
项目当年绩效目标保障6个社区养老驿站正常运营。
绩效指标指标类型指标名称指标值
产出指标数量指标养老驿站运营数量6个
助餐服务人次12000人次
时效指标驿站建设完成时间2022年10月底前
成本指标驿站运营补助标准3万元/站/年
满意度指标服务对象满意度指标老人满意度≥90%
"""


def test_rows_run_together_are_split_at_categories_header_cells_and_the_value() -> None:
    assert detect_layout(RUN_TOGETHER.splitlines()) == Layout.LINES
    cells = [row.cells[0] for row in text_rows(RUN_TOGETHER)]
    assert cells[cells.index("绩效指标") + 1 : cells.index("绩效指标") + 4] == [
        "指标类型",
        "指标名称",
        "指标值",
    ]
    assert cells[cells.index("驿站建设完成时间") :][:2] == ["驿站建设完成时间", "2022年10月底前"]
    assert cells[cells.index("驿站运营补助标准") :][:2] == ["驿站运营补助标准", "3万元/站/年"]
    tables, _ = read_text(RUN_TOGETHER, "x.txt")
    values = {i.name: i.annual.raw for i in tables[0].indicators}
    assert values == {
        "养老驿站运营数量": "6个",
        "助餐服务人次": "12000人次",
        "驿站建设完成时间": "2022年10月底前",
        "驿站运营补助标准": "3万元/站/年",
        "老人满意度": "≥90%",
    }


def test_lines_that_are_whole_category_names_do_not_make_text_run_together() -> None:
    lines = [
        "可持续影响指标",
        "社会效益指标",
        "服务对象满意度指标",
        "产出指标",
        "数量指标",
        "受益人数",
        "≥90人",
    ] * 2
    assert detect_layout(lines) == Layout.LINES
    assert [row.cells[0] for row in text_rows("\n".join(lines))][:3] == [
        "可持续影响指标",
        "社会效益指标",
        "服务对象满意度指标",
    ]


# Flattened HTML with | between cells and a tail of empty cells on each row; some rows are broken
# over lines right after a label cell (``项目 名称 |`` / the header's ``二级 指标 |``).
BROKEN_PIPES = """某市财政项目支出绩效目标批复表 | |||||
( 2020 年度) | |||||
项目 名称 |
城市道路照明维护 | 年度预算资金(万元) | 320.00 | ||
年度目标 | 维护城区路灯12000盏,亮灯率保持在98%以上。 | ||||
绩效指标 | 一级 指标 |
二级 指标 |
三级 指标 |
指标值 | |
产出指标 | 数量指标 | 维护路灯数量 | 12000盏 | |
质量指标 | 路灯亮灯率 | ≥98% | ||
满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% | |
"""


def test_pipe_rows_broken_after_a_label_are_joined() -> None:
    rows = [tuple(c.strip() for c in row.cells if c.strip()) for row in text_rows(BROKEN_PIPES)]
    assert ("项目 名称", "城市道路照明维护", "年度预算资金(万元)", "320.00") in rows
    assert ("绩效指标", "一级 指标", "二级 指标", "三级 指标", "指标值") in rows
    tables, _ = read_text(BROKEN_PIPES, "x.txt")
    table = tables[0]
    assert table.project.name == "城市道路照明维护"
    assert [(i.name, i.annual.raw) for i in table.indicators] == [
        ("维护路灯数量", "12000盏"),
        ("路灯亮灯率", "≥98%"),
        ("市民满意度", "≥90%"),
    ]


def test_pipe_rows_ending_in_one_bar_are_rows_when_no_row_has_a_tail() -> None:
    text = "\n".join(
        ("| 项目名称 | 道路照明 |", "| 绩效指标 | 一级指标 |", "| 产出指标 | 数量 |", "| 质量 | 合格 |")
    )
    assert [len([c for c in row.cells if c.strip()]) for row in text_rows(text)] == [2, 2, 2, 2]


def test_template_notes_on_category_cells_are_dropped_not_on_names() -> None:
    text = "\n".join(
        (
            "项目支出绩效目标申报表 | ||||",
            "项目名称 | 草原围栏建设 | |||",
            "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
            "产出指标 | 数量指标 (必填硬性指标) | 新建围栏长度(公里) | 35 | |",
            "质量指标 (必填) | 围栏验收合格率 | 100% | ||",
            "效益指标 | 生态效益 指标 (选填) | 植被盖度提高(必填) | 明显 | |",
        )
    )
    tables, _ = read_text(text, "x.txt")
    got = [(i.level1, i.level2, i.name) for i in tables[0].indicators]
    assert got == [
        ("产出指标", "数量指标", "新建围栏长度(公里)"),
        ("产出指标", "质量指标", "围栏验收合格率"),
        ("效益指标", "生态效益指标", "植被盖度提高(必填)"),
    ]


def test_a_header_ending_in_one_bar_is_not_joined_to_the_row_under_it() -> None:
    text = "\n".join(
        (
            "某区人民法院 | 单位:万元 | |||",
            "项目名称 | 法庭设备更新 | |||",
            "预算规模及资金用途 | 预算数 | 36.50 | |",
            "一级指标 | 二级指标 | 三级指标 | 指标值 |",
            "产出指标 | 数量指标 | 更新法庭数量 | ≥6个 |",
            "质量指标 | 设备验收合格率 | ≥98% | |",
            "满意度指标 | 服务对象满意度指标 | 审判人员满意度 | ≥95% |",
        )
    )
    rows = [tuple(c.strip() for c in row.cells if c.strip()) for row in text_rows(text)]
    assert ("一级指标", "二级指标", "三级指标", "指标值") in rows
    tables, _ = read_text(text, "x.txt")
    assert [i.name for i in tables[0].indicators] == ["更新法庭数量", "设备验收合格率", "审判人员满意度"]


def test_the_unit_line_above_the_next_project_belongs_to_that_table() -> None:
    block = "\n".join(
        (
            "某区人民法院 | 单位:万元 | |||",
            "项目名称 | {name} | |||",
            "预算规模及资金用途 | 预算数 | {amount} | |",
            "一级指标 | 二级指标 | 三级指标 | 指标值 |",
            "产出指标 | 数量指标 | {indicator} | ≥6个 |",
        )
    )
    text = "项目支出绩效目标表\n(2023年)\n" + "\n".join(
        block.format(name=name, amount=amount, indicator=indicator)
        for name, amount, indicator in (
            ("法庭设备更新", "36.50", "更新法庭数量"),
            ("书记员服务", "58.00", "书记员人数"),
        )
    )
    tables, _ = read_text(text, "x.txt")
    assert [(t.project.name, str(t.project.budget), t.project.budget_unit) for t in tables] == [
        ("法庭设备更新", "365000.00", "万元"),
        ("书记员服务", "580000.00", "万元"),
    ]
    assert [len(t.indicators) for t in tables] == [1, 1]  # the unit line is no indicator of the first


def test_a_word_row_ending_at_its_nature_takes_the_value_and_weight_below() -> None:
    text = "\n".join(
        (
            "表11 项目绩效目标表",
            "单位:元",
            "项目名称 项目单位 项目类别 预算数 年度绩效目标 一级指标 二级指标 三级指标 指标性质 指标方向"
            " 目标值 计量单位 分值",
            "办案装备购置 某县人民检察院 专项资金项目 300,000.00 补充办案装备 产出指标 数量指标"
            " 装备购置数量 正向 大于等于 6 台 20",
            "质量指标 装备验收合格率 正向 等于 100 % 20",
            "时效指标 采购完成时间 定性",
            "10月底之前",
            "10",
            "效益指标 社会效益 办案效率提升情况 定性",
            "明显提升",
            "15",
            "可持续影响 装备管理规范化水平 定性",
            "持续提高",
            "15",
            "满意度指标 服务对象满意度 干警满意度 正向 大于等于 95 % 10",
        )
    )
    rows = [row.cells for row in text_rows(text)]
    assert ("效益指标", "社会效益", "办案效率提升情况", "定性", "明显提升", "15") in rows
    tables, _ = read_text(text, "x.txt")
    values = {i.name: i.annual for i in tables[0].indicators}
    assert values["办案效率提升情况"].raw == "明显提升"
    assert values["办案效率提升情况"].kind is Kind.QUALITATIVE
    assert values["装备管理规范化水平"].raw == "持续提高"


def test_a_run_together_line_ending_in_an_amount_label_gives_the_label_its_value_below() -> None:
    text = RUN_TOGETHER.replace(
        "项目当年绩效目标",
        "项目预计开始时间1/1/2022预计完成时间12/31/2022项目申报金额\n(万元)\n18.60\n项目当年绩效目标",
    )
    tables, _ = read_text(text, "x.txt")
    assert (str(tables[0].project.budget), tables[0].project.budget_unit) == ("186000.00", "万元")
    assert len(tables[0].indicators) == 5


# --- the new stages never raise on arbitrary text built from the words that trigger them ------------

_STAGE_WORDS = st.sampled_from(
    [
        "一、产出指标", "(一)数量指标", "满意度指标", "数量指标:", "项目名称", "绩效指标", "一级指标",
        "三级指标", "指标值", "≥", ">=", "=", "≧90%", "100百分比", "2024年10月底前", "定性", "持续提升",
        ",", ";", "。",
        "|", "||", "| |", "\n", "\n|\n", " ", "  ", "(必填)", "用于", "项目由", "标 题:", "万元", "公里",
        "项目申报金额", "(万元)", "单位:万元", "产出指标数量指标", "12个", "元/人·年",
    ]
)  # fmt: skip


@given(st.lists(st.one_of(_STAGE_WORDS, st.text(max_size=8)), max_size=120).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_text_form_stages_never_raise(text: str) -> None:
    tables, diagnostics = read_text(text)
    assert isinstance(tables, list) and isinstance(diagnostics, list)
    long_line = (text.replace("\n", "") + "项目名称项目类型主管部门") * 3
    assert split_long_run(long_line) is None or all(
        isinstance(c, str) for c in split_long_run(long_line) or []
    )
