"""Real publishers' layouts, each as a small table in its own text form (issue 11).

Each test is one layout class seen in several published tables, written here with our own project
names and values: the one value column is the annual value, explanatory and baseline columns are
never values, the project block under other labels, amounts in 万元, the text forms (``|`` per line,
one cell per line, single spaces, Traditional characters), the tree variants, and the footers.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.formats.table_json import table_to_dict
from jixiao.model import Kind, Op
from jixiao.readers.text import read_text


def one(text: str):  # type: ignore[no-untyped-def]
    tables, _ = read_text(text, "t.txt")
    assert len(tables) == 1, tables
    return tables[0]


ONE_VALUE_COLUMN = """2023年项目支出绩效目标申报表
填报单位：（盖章）\t单位：万元
项目支出名称\t社区养老驿站运营
预算部门\t某区民政局
年度本级预算金额\t250万
绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t绩效标准\t备注
\t产出指标\t数量指标\t服务老人人次\t≥1200人次\t计划标准\t
\t\t时效指标\t完成时间\t2023年12月\t计划标准\t
\t满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t行业标准\t抽样调查
填表人：某某\t联系电话：00000000
"""


def test_the_one_value_column_is_the_annual_value() -> None:
    table = one(ONE_VALUE_COLUMN)
    names = [i.name for i in table.indicators]
    assert names == ["服务老人人次", "完成时间", "老人满意度"]  # header and footer cells are not indicators
    first = table.indicators[0]
    assert first.period.is_empty
    assert (first.annual.raw, first.annual.op, first.annual.value, first.annual.unit) == (
        "≥1200人次",
        Op.GE,
        Decimal("1200"),
        "人次",
    )
    assert first.notes == (("绩效标准", "计划标准"),)
    assert table.indicators[2].notes == (("绩效标准", "行业标准"), ("备注", "抽样调查"))


def test_the_project_block_under_other_labels_and_the_budget_in_yuan() -> None:
    p = one(ONE_VALUE_COLUMN).project
    assert (p.name, p.department, p.year) == ("社区养老驿站运营", "某区民政局", 2023)
    assert (p.budget, p.budget_unit) == (Decimal("2500000"), "万元")  # 250万 → 元; the unit as written


CELL_PER_LINE = """项目支出绩效目标表 |
|||
( 2024 年度) |
项目名称 |
乡村道路养护 |
主管部门及代码 |
[301001]某县交通运输局 |
项目资金(万元) |
中期资金总额: |
|
年度资金总额: |
86.5 |
||
绩效指标 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
产出指标 |
数量指标 |
养护里程 |
≥120公里 |
||
|
质量指标 |
养护合格率 |
100% |
|||
满意度指标 |
服务对象满意度指标 |
群众满意度 |
≥90% |
||
扫一扫在手机打开当前页
"""


def test_one_cell_per_line_ending_in_a_bar() -> None:
    table = one(CELL_PER_LINE)
    assert table.project.year == 2024  # from the title
    assert table.project.budget == Decimal("865000")  # the year's amount, 万元 from the section label
    assert table.project.department == "[301001]某县交通运输局"
    assert [(i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("数量指标", "养护里程", "≥120公里"),
        ("质量指标", "养护合格率", "100%"),
        ("服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    assert all(i.period.is_empty for i in table.indicators)


SPACES = """绩效目标申报表
项目名称 2022年茶园提质改造 项目负责人及电话 某某
主管部门 某镇人民政府 实施单位 [610003]某茶叶专业合作社
资金情况(万元) 年度资金总额: 15
其中:财政拨款 15
绩效指标 一级指标 二级指标 三级指标 指标值 备注
产出指标 数量指标 改造茶园面积 >=80亩
新建产业基地数量( ≥**个 ) >=2个
成本指标 苗木采购成本 <=1.5元/株
效益指标 社会效益指标 带动务工人次 >=300人次
财政部门初审意见 (盖章)
"""


def test_cells_separated_by_single_spaces_and_cost_under_output() -> None:
    table = one(SPACES)
    assert table.project.budget == Decimal("150000")
    assert table.project.unit == "[610003]某茶叶专业合作社"
    assert table.project.year == 2022  # only the project name says it: inferred, and said so
    assert table.reading is not None and "预算年度取自项目名称" in table.reading.inferred
    rows = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("产出指标", "数量指标", "改造茶园面积", ">=80亩"),
        ("产出指标", "数量指标", "新建产业基地数量( ≥**个 )", ">=2个"),
        ("产出指标", "成本指标", "苗木采购成本", "<=1.5元/株"),  # the old framework: 成本 under 产出
        ("效益指标", "社会效益指标", "带动务工人次", ">=300人次"),
    ]
    assert table.indicators[0].annual.op is Op.GE


SIDE_BY_SIDE = """项目支出绩效目标表
项目名称|农村公路督导
年度预算资金总额(万元)|30
绩效指标|一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值|
产出指标|数量指标|督导检查次数|36次|数量指标|督导检查次数|12次|
时效指标|完成时间|2023年12月底前|时效指标|完成时间|2021年12月底前||
"""


def test_blocks_side_by_side_give_the_period_and_the_annual_value() -> None:
    table = one(SIDE_BY_SIDE)
    assert table.project.budget == Decimal("300000")
    first = table.indicators[0]
    assert (first.name, first.period.raw, first.annual.raw) == ("督导检查次数", "36次", "12次")
    assert table.indicators[1].level2 == "时效指标"


BASELINE = """项目绩效目标表
项目名称\t校园安全改造
2024年预算金额(元)\t1,200,000.00
绩效指标\t一级指标\t二级指标\t三级指标\t2023年实际实现值\t预期2024年实现值
\t产出指标\t数量指标\t改造学校数量\t12所\t15所
"""


def test_a_baseline_column_is_kept_apart_from_the_target() -> None:
    indicator = one(BASELINE).indicators[0]
    assert indicator.annual.raw == "15所"
    assert indicator.baseline.raw == "12所"
    assert indicator.period.is_empty
    assert table_to_dict(one(BASELINE))["indicators"][0]["baseline"]["raw"] == "12所"


TRADITIONAL = """績效目標(biāo)表 | |
(2018年度) | |
專項名稱 | 助學(xué)金補助 |
績效指標(biāo) | 一級指標(biāo) | 二級指標(biāo) | 三級指標(biāo) | 指標(biāo)值 |
產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 受助學(xué)生數(shù) | 100% | |
滿意度指標(biāo) | 服務對象滿意度指標(biāo) | 受助學(xué)生滿意度 | ≥90% | |
"""


def test_traditional_characters_with_pinyin_read_as_simplified() -> None:
    table = one(TRADITIONAL)
    assert table.project.name == "助学金补助"
    assert [(i.level1, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出指标", "受助学生数", "100%"),
        ("满意度指标", "受助学生满意度", "≥90%"),
    ]


def test_a_level1_written_after_its_group_keeps_the_group() -> None:
    text = "\n".join(
        [
            "项目绩效目标表", "项目名称", "图书馆数字化", "绩效指标", "一级指标", "二级指标", "三级指标",
            "指标值", "数量指标", "数字化图书册数", "≥5000册", "产出指标", "上线平台数", "1个", "质量指标",
            "验收合格率", "100%",
        ]
    )  # fmt: skip
    table = one(text)
    assert [(i.level1, i.level2) for i in table.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
    ]
    assert table.reading is not None and "一级指标由二级指标推断" in table.reading.inferred


def test_the_json_carries_the_new_fields_and_reads_back() -> None:
    from jixiao.formats.table_json_read import table_from_dict

    table = one(ONE_VALUE_COLUMN)
    data = table_to_dict(table)
    assert data["project"]["budget"] == "2500000.00" and data["project"]["budget_unit"] == "万元"
    assert data["indicators"][0]["notes"] == {"绩效标准": "计划标准"}
    assert "confidence" in data["source"]
    back = table_from_dict(data)
    assert back == table and back.indicators[0].notes == table.indicators[0].notes
    assert back.reading is not None and table.reading is not None
    assert back.reading.inferred == table.reading.inferred


def test_a_value_column_with_qualitative_grades_stays_qualitative() -> None:
    table = one(CELL_PER_LINE.replace("100% |", "良好 |"))
    assert table.indicators[1].annual.kind is Kind.QUALITATIVE


RUN_TOGETHER = """绩效目标表
(2020年度)
项目名称校舍维修改造补助资金
项目主管部门某区教育局项目执行单位某某小学
年度资金总额:24
绩效指标一级指标二级指标指标内容指标值
产出指标数量指标维修改造学校数3所
质量指标维修改造质量合格率100%
效益指标可持续影响指标办学条件持续改善
"""


def test_cells_run_together_are_split_only_where_the_grammar_is_sure() -> None:
    table = one(RUN_TOGETHER)
    p = table.project
    assert (p.name, p.department, p.unit, p.year) == ("校舍维修改造补助资金", "某区教育局", "某某小学", 2020)
    rows = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows[:2] == [("数量指标", "维修改造学校数", "3所"), ("质量指标", "维修改造质量合格率", "100%")]
    # a grade run into its name is cut only where its words compose it whole (持续 + 改善: value_words)
    assert rows[2] == ("可持续影响指标", "办学条件", "持续改善")


DAMAGED = """项目绩效目标表
项目名称\t农村饮水安全巩固提升
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t受益人数(≥**人)\t(≥**人)
\t\t时效指标\t实施时间\t20246-202516
\t满意度指标\t服务对象满意度指标\t群众满意度\t292%
"""


def test_damaged_values_keep_their_text_and_are_never_repaired() -> None:
    tables, diagnostics = read_text(DAMAGED, "t.txt")
    (table,) = tables
    for indicator in table.indicators:
        assert indicator.annual.kind is Kind.UNKNOWN and indicator.annual.value is None
    assert [i.annual.raw for i in table.indicators] == ["(≥**人)", "20246-202516", "292%"]
    damaged = [(d.code, d.source.line) for d in diagnostics if d.code == "JX-R09"]
    assert damaged == [("JX-R09", 4), ("JX-R09", 5), ("JX-R09", 6)]
    assert "“≥”被识别成了“2”" in next(d.message for d in diagnostics if d.source.line == 6)


def test_a_self_evaluation_table_is_named_with_the_command_to_use() -> None:
    text = (
        "2023年度项目支出绩效自评表\n项目名称\t社区养老驿站运营\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
    )
    tables, diagnostics = read_text(text, "t.txt")
    assert tables == []
    (other,) = [d for d in diagnostics if d.code == "JX-R10"]
    assert other.source.line == 1 and "jixiao evaluate" in other.message


def test_side_by_side_blocks_with_the_long_term_block_left_empty() -> None:
    cells = [
        "项目支出绩效目标表", "项目名称", "校园安防改造", "一级指标", "二级指标(长期)", "三级指标(长期)",
        "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)",
        "产出指标", "数量指标", " ", " ", "数量指标", "改造学校数量", "15",
        "产出指标", "质量指标", " ", " ", "质量指标", "验收合格率", "100%",
    ]  # fmt: skip
    table = one("\n\n".join(cells))
    assert [(i.level2, i.name, i.period.raw, i.annual.raw) for i in table.indicators] == [
        ("数量指标", "改造学校数量", "", "15"),
        ("质量指标", "验收合格率", "", "100%"),
    ]
