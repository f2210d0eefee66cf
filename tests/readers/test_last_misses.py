"""Issue 11, the last misses of the development corpora, by class: 成本指标 as the old framework's 二级
of 产出 where its 二级 is written again over a second block (the 长期 block's 二级 repeated beside the
年度's, one cell per line; or an empty 年度 block that repeats only its 二级 at the row's end); a 部门整体
table named by its 部门名称, which stays its department; 广东's old template's one 二级 naming all three 效益;
a blank cell closing the last row beside an empty 长期 block.

The documents are our own, in the layouts of the real pages (a 区 education bureau's page of one cell per line
with 长期 and 年度 blocks; a 县 bureau's notice of `|` rows whose 年度 block is empty)."""

from __future__ import annotations

from jixiao.readers.text import read_text

# One cell per line with a blank line after each (the page's <td>s); the 长期 block's 二级 repeated before the
# 年度 block's 三级 and value, the 长期 三级 and value left empty.
CELL_PER_LINE_TWO_BLOCKS = "\n\n".join(
    """项目支出绩效目标表
(2024年度)
项目名称
乡镇文化站设备更新
主管部门
某县文化和旅游局
实施单位
某县文化馆
年度资金总额:
80万元
总体目标
中期目标
年度目标
完成全县文化站设备更新,提升基层文化服务能力
按计划完成12个乡镇文化站的设备更新
绩效项目指标表
一级指标
二级指标(长期)
三级指标(长期)
指标值(长期)
二级指标(年度)
三级指标(年度)
指标值(年度)
产出指标
数量指标
数量指标
更新设备的文化站数量
12个
产出指标
成本指标
成本指标
单站设备更新费用
≤6.5万元
产出指标
时效指标
时效指标
设备更新完成时间
2024年10月
满意度指标
服务对象满意度指标
服务对象满意度指标
群众满意度
≥90%""".splitlines()
)


def test_cost_under_output_stays_a_level2_when_written_again_over_the_annual_block() -> None:
    (table,), _ = read_text(CELL_PER_LINE_TWO_BLOCKS, "page.txt")
    tree = [(i.level1, i.level2, i.name) for i in table.indicators]
    assert tree == [
        ("产出指标", "数量指标", "更新设备的文化站数量"),
        ("产出指标", "成本指标", "单站设备更新费用"),
        ("产出指标", "时效指标", "设备更新完成时间"),
        ("满意度指标", "服务对象满意度指标", "群众满意度"),
    ]


# `|` rows; the 年度 block beside the 中期 one is empty but for its 二级, repeated at each row's end.
PIPE_ROWS_EMPTY_ANNUAL_BLOCK = """项目支出绩效目标申报表 | ||||||
( 2024 年度) | ||||||
项目名称 | 农村公路养护 | ||||||
主管部门及代码 | [061]某县交通运输局 | 实施单位 | 某县公路养护中心 | |||
项目资金 (万元) | 中期资金总额: | 150.00 | 年度资金总额: | 150.00 | ||
绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 养护农村公路里程 | ≥120公里 | 数量指标 | |||
时效指标 | 养护任务完成时间 | 2024年12月前 | 时效指标 | ||||
成本指标 | 每公里养护费用 | ≤1.2万元 | 成本指标 | ||||
效益指标 | 社会效益指标 | 农村公路优良路率 | ≥85% | 社会效益指标 | |||
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 服务对象满意度指标 | |||
"""


def test_cost_repeated_over_an_empty_annual_block_stays_under_output() -> None:
    (table,), _ = read_text(PIPE_ROWS_EMPTY_ANNUAL_BLOCK, "notice.txt")
    tree = [(i.level1, i.level2, i.name) for i in table.indicators]
    assert tree == [
        ("产出指标", "数量指标", "养护农村公路里程"),
        ("产出指标", "时效指标", "养护任务完成时间"),
        ("产出指标", "成本指标", "每公里养护费用"),
        ("效益指标", "社会效益指标", "农村公路优良路率"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度"),
    ]
    assert [p.level2 for p in table.placeholders] == []


# The 2021 framework in the same one-cell-per-line form: 成本指标 with its own 二级 is the 一级.
CELL_PER_LINE_2021_COST = """项目支出绩效目标表
(2024年度)
项目名称
乡镇文化站设备更新
主管部门
某县文化和旅游局
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
更新设备的文化站数量
12个
成本指标
经济成本指标
单站设备更新费用
≤6.5万元
"""


def test_cost_with_a_2021_level2_after_it_is_the_level1() -> None:
    (table,), _ = read_text(CELL_PER_LINE_2021_COST, "page.txt")
    tree = [(i.level1, i.level2, i.name) for i in table.indicators]
    assert tree == [
        ("产出指标", "数量指标", "更新设备的文化站数量"),
        ("成本指标", "经济成本指标", "单站设备更新费用"),
    ]


# A 部门整体 table of `|` rows (an 一体化 system's export): no 项目名称, the department named by 部门名称.
WHOLE_DEPARTMENT_TABLE = """| 部门整体绩效目标 | |||||
| 部门编码: | 412 | 部门名称: | 某县水利局 | ||
| 年度绩效目标 | |||||
| *年度绩效总目标 | 保障机构正常运转,完成农村饮水安全巡查和河道清淤任务。 | ||||
| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 |
| 产出指标 | 数量指标 | 河道清淤长度 | ≥ | 18 | 公里 |
| 效益指标 | 社会效益指标 | 农村饮水安全巡查覆盖率 | = | 100 | % |
"""


def test_a_whole_department_table_is_named_after_its_department_and_keeps_it() -> None:
    (table,), _ = read_text(WHOLE_DEPARTMENT_TABLE, "export.txt")
    assert (table.project.name, table.project.department) == ("某县水利局", "某县水利局")
    assert table.reading is not None and "部门整体支出绩效目标表：表名取自部门名称" in table.reading.inferred
    assert [i.name for i in table.indicators] == ["河道清淤长度", "农村饮水安全巡查覆盖率"]


# 广东's old 中期/年度 template as `|` rows: 效果指标 over the one 二级 that names all three 效益, its
# label wrapped with a space inside; the 年度 block beside the 中期 one.
GUANGDONG_OLD_TEMPLATE = """项目支出绩效目标申报表
项目名称 | 社区公园照明改造 | ||||
中期市财政预算(万元) | 900.00 | 本年度申请市财政预算资金(万元) | 300.00 | ||
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 二级指标 | 三级指标 | 年度指标值 |
预期产出指标 | 数量指标 | 改造照明灯具数量 | 3000盏 | 数量指标 | 改造照明灯具数量 | 1000盏 |
效果指标 | 社会、经济、生态效益 指标 | 照明覆盖率 | ≥98% | 社会、经济、生态效益 指标 | 照明覆盖率 | ≥90% |
可持续影响指标 | 灯具使用年限 | ≥8年 | 可持续影响指标 | 灯具使用年限 | ≥8年 |
"""


def test_the_one_level2_naming_all_three_benefits_is_a_benefit_level2() -> None:
    (table,), _ = read_text(GUANGDONG_OLD_TEMPLATE, "guangdong.txt")
    rows = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("预期产出指标", "数量指标", "改造照明灯具数量", "1000盏"),
        ("效果指标", "社会、经济、生态效益 指标", "照明覆盖率", "≥90%"),  # the label as written
        ("效果指标", "可持续影响指标", "灯具使用年限", "≥8年"),
    ]


def _page_cells(*cells: str) -> str:
    """A page's table as text: one cell per line, a blank line after each, empty cells a lone space."""
    return "\n\n".join(cells) + "\n"


_ROWS = [
    ("产出指标", "数量指标", "维修校舍面积", "3200平方米"),
    ("效益指标", "社会效益指标", "校舍安全隐患", "明显减少"),
    ("满意度指标", "服务对象满意度指标", "师生满意度", "≥92%"),
]
# The 长期 block empty (二级 only in the 年度's, the 长期 三级 and 值 lone spaces); the last row closed by
# one more empty cell before the page's 附件 line.
EMPTY_LONG_TERM_BLOCK = _page_cells(
    "项目支出绩效目标表", "2024年度)", "项目名称", "校舍维修改造", "实施单位", "某区教育局",
    "当年资金总额:", "300万元", "绩效项目指标表", "一级指标", "二级指标(长期)", "三级指标(长期)",
    "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)",
    *(cell for l1, l2, name, value in _ROWS for cell in (l1, l2, " ", " ", l2, name, value)),
    " ", "附件:",
)  # fmt: skip


def test_a_blank_cell_closing_the_last_row_leaves_its_value_the_years() -> None:
    (table,), _ = read_text(EMPTY_LONG_TERM_BLOCK, "page.txt")
    rows = [(i.name, i.annual.raw, i.period.raw) for i in table.indicators]
    assert rows == [(name, value, "") for _, _, name, value in _ROWS]
