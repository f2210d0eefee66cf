"""Issue 11, indicator-block layouts heldout12 showed, read generally (documents of our own in layouts seen
in published tables; projects, names and values are ours):

1. a two-row header: ``指标值`` merged over ``比较符 | 目标值 | 计量单位``, the other headings merged down —
   the three parts fold into one annual value, the cell as written kept as ``raw``.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.html import read_html_text
from jixiao.readers.namecells import numbered_items
from jixiao.readers.outline import category_behind_number
from jixiao.readers.prose import PROSE_TARGETS
from jixiao.readers.prose_inline import is_inline_prose
from jixiao.readers.text import read_text
from jixiao.readers.yearcolumns import YEAR_COLUMNS

# A county bureau's 项目绩效目标表 as a portal page holds it: the value heading spans three sub-columns.
TWO_ROW_HEADER = """<html><body><p>2025年度项目绩效目标表</p>
<table border="1">
<tr><td>项目名称</td><td colspan="3">农村公路日常养护</td>
<td>主管部门</td><td colspan="3">某县交通运输局</td></tr>
<tr><td>实施单位</td><td colspan="3">某县公路养护中心</td>
<td>预算金额(万元)</td><td colspan="3">120.00</td></tr>
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td>
<td colspan="3">指标值</td><td rowspan="2">权重(%)</td><td rowspan="2">备注</td></tr>
<tr><td>比较符</td><td>目标值</td><td>计量单位</td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>日常养护里程</td><td>≥</td><td>310</td><td>公里</td>
<td>30</td><td></td></tr>
<tr><td>时效指标</td><td>养护任务完成时间</td><td>≤</td><td>2025年11月30日</td><td></td><td>20</td><td></td></tr>
<tr><td>成本指标</td><td>每公里养护补助</td><td>≤</td><td>3500</td><td>元/公里</td><td>20</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>群众出行条件</td><td></td><td>明显改善</td><td></td><td>15</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥</td><td>90</td><td>%</td><td>15</td>
<td></td></tr>
</table></body></html>"""


def test_a_value_heading_over_comparator_target_and_unit_folds_into_the_annual_value() -> None:
    (table,), _ = read_html_text(TWO_ROW_HEADER, "roads.html")
    read = [(i.name, i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators]
    assert read == [
        ("日常养护里程", "310", Op.GE, Decimal("310"), "公里"),
        ("养护任务完成时间", "2025年11月30日", Op.LE, Decimal("2025"), None),
        ("每公里养护补助", "3500", Op.LE, Decimal("3500"), "元/公里"),
        ("群众出行条件", "明显改善", None, None, None),
        ("沿线群众满意度", "90", Op.GE, Decimal("90"), "%"),
    ]
    assert [i.weight for i in table.indicators] == [Decimal(w) for w in ("30", "20", "20", "15", "15")]
    assert table.indicators[3].annual.kind is Kind.QUALITATIVE


# A district bureau's table on a portal page (layout of 河北 county 部门预算 pages): no 一级 column,
# each 一级 a section row across the table, numbered and scored, above its 二级 | 三级 | 指标值 rows.
SECTION_ROWS = """<html><body><table border="1">
<tr><td colspan="4">项目基本信息</td></tr>
<tr><td>项目名称</td><td>城乡环境卫生保洁</td><td>预算数(万元)</td><td>76.40</td></tr>
<tr><td>主管部门</td><td>某区城市管理局</td><td>实施单位</td><td>某区环境卫生服务中心</td></tr>
<tr><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>指标解释</td></tr>
<tr><td colspan="4">一、产出指标(50分)</td></tr>
<tr><td rowspan="2">数量指标</td><td>保洁道路面积</td><td>≥42万平方米</td><td>主次干道</td></tr>
<tr><td>垃圾清运量</td><td>≥9000吨</td><td></td></tr>
<tr><td>成本指标</td><td>每平方米保洁费用</td><td>≤1.8元</td><td></td></tr>
<tr><td colspan="4">二、效益指标(30分)</td></tr>
<tr><td>社会效益指标</td><td>城乡环境面貌</td><td>明显改善</td><td></td></tr>
<tr><td colspan="4">三、满意度指标(10分)</td></tr>
<tr><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td><td>问卷</td></tr>
</table></body></html>"""


def test_numbered_section_rows_give_the_level1_of_the_rows_below_them() -> None:
    (table,), _ = read_html_text(SECTION_ROWS, "sanitation.html")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "保洁道路面积", "≥42万平方米"),
        ("产出指标", "数量指标", "垃圾清运量", "≥9000吨"),
        ("产出指标", "成本指标", "每平方米保洁费用", "≤1.8元"),
        ("效益指标", "社会效益指标", "城乡环境面貌", "明显改善"),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"),
    ]


# A county bureau's 项目支出绩效目标表 printed from a budget system (layout of 云南 county PDFs), as
# tab-separated text: the tree an outline in a 指标编码 column, categories on rows of their own.
CODE_COLUMN = """2024年项目支出绩效目标表
项目名称\t乡村学校饮水设施改造\t主管部门\t某县教育体育局
实施单位\t某县教育体育局\t资金总额(万元)\t312.00
指标编码\t指标名称\t指标性质\t目标值\t计量单位\t权重(%)
1\t产出指标\t\t\t\t
1.1\t数量指标\t\t\t\t
1.1.1\t改造学校数量\t定量\t≥14\t所\t20
1.4\t成本指标\t\t\t\t
1.4.1\t校均改造费用\t定量\t≤22.3\t万元\t20
2\t效益指标\t\t\t\t
2.1\t社会效益指标\t\t\t\t
2.1.1\t师生饮水安全\t定性\t有效保障\t\t30
3\t满意度指标\t\t\t\t
3.1\t服务对象满意度指标\t\t\t\t
3.1.1\t师生满意度\t定量\t≥90\t%\t30
"""


def test_an_outline_code_column_gives_the_tree_by_depth() -> None:
    (table,), _ = read_text(CODE_COLUMN, "water.txt")
    read = [(i.level1, i.level2, i.name, i.annual.raw, i.annual.unit) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "改造学校数量", "≥14", "所"),
        ("产出指标", "成本指标", "校均改造费用", "≤22.3", "万元"),  # 1.4: a 二级 under 1, not a 一级
        ("效益指标", "社会效益指标", "师生饮水安全", "有效保障", None),
        ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90", "%"),
    ]
    assert [i.weight for i in table.indicators] == [Decimal(w) for w in ("20", "20", "30", "30")]


# The same outline with each code before its name in one cell (a name column only).
CODE_IN_NAME = """2024年项目支出绩效目标表
项目名称\t乡村学校饮水设施改造\t主管部门\t某县教育体育局
指标名称\t年度指标值\t权重(%)
1 产出指标\t\t
1.1 数量指标\t\t
1.1.1 改造学校数量\t≥14所\t30
1.2 成本指标\t\t
1.2.1 校均改造费用\t≤22万元\t20
2 满意度指标\t\t
2.1 服务对象满意度指标\t\t
2.1.1 师生满意度\t≥90%\t50
"""


def test_outline_codes_before_the_names_are_dropped() -> None:
    (table,), _ = read_text(CODE_IN_NAME, "water.txt")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "改造学校数量", "≥14所"),
        ("产出指标", "成本指标", "校均改造费用", "≤22万元"),  # 1.2: a 二级 under 1 by its depth
        ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"),
    ]


def test_a_numbered_heading_that_names_no_category_is_left_as_written() -> None:
    assert category_behind_number("一、产出指标(50分)") == "产出指标(50分)"
    assert category_behind_number("1.2 质量指标") == "质量指标"
    assert category_behind_number("一、项目基本情况") is None
    assert category_behind_number("二、项目绩效指标") is None
    assert category_behind_number("产出指标") is None  # no number: nothing to drop


# A county bureau's table flattened from its portal page into `` | `` rows (layout of 江西 county pages of
# 2019): the names and values of a 二级 numbered together in one cell.
NAME_VALUE_CELLS = """项目支出绩效目标表 |
(2020年度) |
项目名称 | 农村人居环境整治 | 项目负责人 | 王** |
主管部门 | 某县农业农村局 | 实施单位 | 某县农村环境整治中心 |
绩效指标 | 一级指标 | 二级指标 | 三级指标及指标值 |
| 产出指标 | 数量指标 | 1.改造户用厕所：≥800户；2.新建垃圾收集点：45个 |
| | 时效指标 | 1.改造完成时间：2020年10月底前 |
| 效益指标 | 社会效益指标 | 1.村庄环境：明显改善 |
| 满意度指标 | 服务对象满意度指标 | 1.农户满意度：≥90% |
填表人：王** 联系电话：0797-***** |
"""


def test_a_numbered_cell_of_names_and_values_gives_one_indicator_each() -> None:
    (table,), _ = read_text(NAME_VALUE_CELLS, "villages.txt")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "改造户用厕所", "≥800户"),
        ("产出指标", "数量指标", "新建垃圾收集点", "45个"),
        ("产出指标", "时效指标", "改造完成时间", "2020年10月底前"),
        ("效益指标", "社会效益指标", "村庄环境", "明显改善"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"),
    ]


def test_a_cell_not_wholly_a_numbered_list_is_not_split() -> None:
    assert numbered_items("1.改造户用厕所：≥800户；2.新建垃圾收集点：45个。") == [
        ("改造户用厕所", "≥800户"),
        ("新建垃圾收集点", "45个"),
    ]
    assert numbered_items("1.改造户用厕所：≥800户；3.新建垃圾收集点：45个") is None  # 2 is missing
    assert numbered_items("1.改造户用厕所≥800户；2.新建垃圾收集点：45个") is None  # no colon in 1
    assert numbered_items("改造户用厕所：≥800户") is None  # not numbered


# A department's budget statement on a portal page (layout of 贵州 county 部门预算公开说明 pages), two
# projects, each with its fields on lines of their own and its targets in sentences.
INLINE_PROSE = """某县农业农村局2024年部门预算公开说明
第二部分 2024年部门预算情况说明
七、预算绩效情况说明
2024年我局实行绩效目标管理的项目2个。项目绩效目标如下：
（一）耕地地力保护补贴项目
项目资金：860.50万元。
实施单位：某县农业农村局。
绩效目标：按时足额发放耕地地力保护补贴，保护耕地地力。
1.产出指标。数量指标：补贴发放面积≥41.3万亩；补贴农户数≥52000户。时效指标：补贴发放完成时间2024年6月底前。
2.效益指标。经济效益指标：亩均补贴标准=105元。可持续影响指标：耕地地力持续提升。
3.满意度指标。服务对象满意度指标：补贴农户满意度≥90%。
（二）农作物病虫害防控经费
项目资金：35.00万元。
实施单位：某县植保植检站。
1.产出指标。数量指标：病虫害监测点数量≥12个。
2.效益指标。社会效益指标：农作物病虫害损失明显降低。
3.满意度指标。服务对象满意度指标：种植户满意度≥85%。
第三部分 名词解释
"""


def test_inline_prose_targets_of_several_projects_give_one_table_each() -> None:
    tables, diagnostics = read_text(INLINE_PROSE, "statement.txt")
    assert [(t.project.name, t.project.year, t.project.budget) for t in tables] == [
        ("耕地地力保护补贴项目", 2024, Decimal("8605000")),
        ("农作物病虫害防控经费", 2024, Decimal("350000")),
    ]
    first, second = ([(i.level1, i.level2, i.name, i.annual.raw) for i in t.indicators] for t in tables)
    assert first == [
        ("产出指标", "数量指标", "补贴发放面积", "≥41.3万亩"),
        ("产出指标", "数量指标", "补贴农户数", "≥52000户"),
        ("产出指标", "时效指标", "补贴发放完成时间", "2024年6月底前"),
        ("效益指标", "经济效益指标", "亩均补贴标准", "=105元"),
        ("效益指标", "可持续影响指标", "耕地地力", "持续提升"),  # the clause split before its phrase
        ("满意度指标", "服务对象满意度指标", "补贴农户满意度", "≥90%"),
    ]
    assert second == [
        ("产出指标", "数量指标", "病虫害监测点数量", "≥12个"),
        ("效益指标", "社会效益指标", "农作物病虫害损失", "明显降低"),
        ("满意度指标", "服务对象满意度指标", "种植户满意度", "≥85%"),
    ]
    assert any(d.code == PROSE_TARGETS for d in diagnostics)  # the user checks the splits


def test_a_report_with_category_headings_alone_is_no_inline_prose() -> None:
    report = [
        "（四）绩效指标完成情况分析。",
        "1.产出指标。",
        "数量指标。领取人数年初任务数98650人,全年完成值99372人。",
        "2.效益指标。",
        "3.满意度指标。",
    ]
    assert not is_inline_prose(report)
    assert is_inline_prose([line.replace("。", "。数量指标：人数≥10人。", 1) for line in report[1:2] * 3])


# A county's 中期财政规划 form as tab-separated text (layout of 浙江 county plan tables): a target column per
# year of the plan; this table's budget year (the title's) is the middle one.
YEAR_COLUMN_TABLE = """某县{year}年度项目绩效目标表
编制单位：某县林业局\t\t\t\t单位：万元
项目名称\t国土绿化提升工程\t\t项目期限\t{year}年
主管部门\t某县林业局\t\t实施单位\t某县林业技术推广站
一级指标\t二级指标\t三级指标\t2021年目标值\t2022年目标值\t2023年目标值
产出指标\t数量指标\t新造林面积\t1200亩\t1500亩\t1800亩
\t质量指标\t造林成活率\t≥85%\t≥88%\t≥90%
效益指标\t生态效益指标\t森林覆盖率\t提高0.2个百分点\t提高0.3个百分点\t提高0.3个百分点
满意度指标\t服务对象满意度指标\t林农满意度\t≥90%\t≥90%\t≥92%
"""


def test_the_budget_years_column_of_per_year_targets_is_the_annual_value() -> None:
    (table,), diagnostics = read_text(YEAR_COLUMN_TABLE.format(year=2022), "plan.txt")
    assert table.project.year == 2022
    read = [(i.name, i.annual.raw, i.notes) for i in table.indicators]
    assert read[:2] == [
        ("新造林面积", "1500亩", (("2021年目标值", "1200亩"), ("2023年目标值", "1800亩"))),
        ("造林成活率", "≥88%", (("2021年目标值", "≥85%"), ("2023年目标值", "≥90%"))),
    ]
    assert [i.annual.raw for i in table.indicators[2:]] == ["提高0.3个百分点", "≥90%"]
    assert not any(d.code == YEAR_COLUMNS for d in diagnostics)
    (first_year,), _ = read_text(YEAR_COLUMN_TABLE.format(year=2021), "plan.txt")
    assert [i.annual.raw for i in first_year.indicators] == ["1200亩", "≥85%", "提高0.2个百分点", "≥90%"]


def test_per_year_targets_without_the_budget_year_give_no_annual_value_and_a_diagnostic() -> None:
    (table,), diagnostics = read_text(YEAR_COLUMN_TABLE.format(year=2025), "plan.txt")
    assert [i.annual.raw for i in table.indicators] == ["", "", "", ""]
    assert table.indicators[0].notes == (
        ("2021年目标值", "1200亩"),
        ("2022年目标值", "1500亩"),
        ("2023年目标值", "1800亩"),
    )
    (warning,) = [d for d in diagnostics if d.code == YEAR_COLUMNS]
    assert "2025" in warning.message and warning.source.line == 5
