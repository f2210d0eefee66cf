"""The project block under its many labels and places, and the layouts that carry it (issue 11 item 2):
a list of projects with their block in columns, the title beside a nested table, the filling unit,
the year of the table before, a publisher's own 二级, the comparator and baseline columns by header."""

from __future__ import annotations

from decimal import Decimal

from jixiao import catalog
from jixiao.model import Diagnostic, Op, Severity, Table
from jixiao.readers.html import read_html_text
from jixiao.readers.text import read_text

# 湖南 (湘西州) disclosure: one table for a unit's projects, the project block in columns spanning two
# header rows, a unit's total row above its projects, 二级 rows left empty by the template.
PROJECT_LIST = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p align="center"><b>2024年项目支出绩效目标表公开</b></p>
<p>部门:612_示范县农业农村局&nbsp;&nbsp;&nbsp;&nbsp;金额单位:万元</p>
<table border="1">
<tr><td rowspan="2">单位代码</td><td rowspan="2">单位(专项)名称</td><td rowspan="2">资金总额</td>
<td rowspan="2">实施期</td><td rowspan="2">绩效目标</td><td colspan="6">绩效指标</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>度量单位</td><td>指标值类型</td></tr>
<tr><td>612003</td><td>示范县农技推广中心</td><td>48.00</td><td></td><td></td>
<td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="5">612003</td><td rowspan="5">基层农技推广补助</td><td rowspan="5">36.50</td>
<td rowspan="5">2024年</td><td rowspan="5">培训农技人员,推广主导品种和主推技术。</td>
<td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>培训农技人员</td><td>120</td><td>人</td>
<td>定量</td></tr>
<tr><td>示范基地建设</td><td>6</td><td>个</td><td>定量</td></tr>
<tr><td>效益指标</td><td>生态效益指标</td><td></td><td></td><td></td><td>定性</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>农户满意度</td><td>90%以上</td><td>-</td><td>定性</td></tr>
<tr><td rowspan="3">612003</td><td rowspan="3">农产品质量抽检</td><td rowspan="3">11.50</td>
<td rowspan="3">2024年</td><td rowspan="3">完成例行抽检。</td>
<td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>抽检批次</td><td>400</td><td>批次</td><td>定量</td></tr>
<tr><td>产出指标</td><td>质量指标</td><td>抽检合格率</td><td>98%以上</td><td>-</td><td>定量</td></tr>
</table></body></html>"""


def _ok(tables: list[Table], diagnostics: list[Diagnostic]) -> list[Table]:
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    return tables


def test_a_list_of_projects_with_the_block_in_columns_gives_one_table_per_project() -> None:
    first, second = _ok(*read_html_text(PROJECT_LIST, "list.html"))
    assert [t.project.name for t in (first, second)] == ["基层农技推广补助", "农产品质量抽检"]
    assert (first.project.year, first.project.budget, first.project.budget_unit) == (2024, 365000, "万元")
    assert second.project.budget == Decimal("115000.00")
    assert first.project.department == "612_示范县农业农村局"
    assert first.project.unit == second.project.unit == "示范县农技推广中心"  # the unit's total row
    rows = [(i.level2, i.name, i.annual.raw) for i in first.indicators]
    assert rows == [
        ("数量指标", "培训农技人员", "120"),
        ("数量指标", "示范基地建设", "6"),
        ("服务对象满意度指标", "农户满意度", "90%以上"),
    ]  # the empty 生态效益指标 row is a category without an indicator, never one named 定性
    assert [p.level2 for p in first.placeholders] == ["生态效益指标"]


def test_the_title_beside_a_table_nested_in_a_layout_table_gives_the_year() -> None:
    page = (
        "<p>三、项目支出绩效目标情况</p><table><tr><td><p>2023年项目支出绩效目标表</p><table border=1>"
        "<tr><td>项目名称</td><td>村道养护</td></tr><tr><td>年度资金总额(万元)</td><td>80</td></tr>"
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
        "<tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥40公里</td></tr>"
        "</table></td></tr></table>"
    )
    (table,) = _ok(*read_html_text(page, "page.html"))
    assert (table.project.year, table.project.budget) == (2023, 800000)
    assert table.reading is not None and "预算年度取自标题" in table.reading.inferred


def _text(*rows: str) -> str:
    return "\n".join("\t".join(c.strip() for c in row.split("|")) for row in rows) + "\n"


def test_the_filling_unit_stands_for_the_unit_only_where_none_is_named() -> None:
    head = (
        "2025年项目支出绩效目标表",
        "填报单位(盖章):示范县疾控中心 | 金额单位:万元",
        "项目支出名称 | 病媒监测",
    )
    tail = (
        "年度本级预算金额 | 12.00",
        "一级指标 | 二级指标 | 三级指标 | 目标值",
        "产出指标 | 数量指标 | 监测点 | 20个",
    )
    (alone,) = read_text(_text(*head, *tail), "a.txt")[0]
    assert alone.project.unit == "示范县疾控中心"
    assert alone.reading is not None and "实施单位取自填报单位" in alone.reading.inferred
    (named,) = read_text(_text(*head, "实施单位 | 示范县卫健局", *tail), "b.txt")[0]
    assert named.project.unit == "示范县卫健局"
    stamp = ("2025年项目支出绩效目标表", "申报单位名称: | (盖章)", "项目支出名称 | 病媒监测")
    (stamped,) = read_text(_text(*stamp, *tail), "c.txt")[0]
    assert stamped.project.unit is None  # the stamp's place is no unit


def test_tables_under_one_title_take_its_year_and_the_unit_beside_the_money_line() -> None:
    block = (
        "207101示范区人民法院 | 单位:万元",
        "项目名称 | {name}",
        "预算数 | 36.50",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 更新设备 | ≥6个",
    )
    text = _text("项目支出绩效目标表", "(2023年)", *block) + _text(*block).replace("{name}", "诉讼服务")
    first, second = read_text(text.replace("{name}", "法庭设备"), "court.txt")[0]
    assert [(t.project.name, t.project.year) for t in (first, second)] == [
        ("法庭设备", 2023),
        ("诉讼服务", 2023),
    ]
    assert first.project.unit == second.project.unit == "207101示范区人民法院"
    assert second.reading is not None and "预算年度取自同一文件中上一张表" in second.reading.inferred


def test_a_comparator_column_headed_zhibiaozhi_leixing_folds_into_the_value() -> None:
    text = _text(
        "2025年项目支出绩效目标表",
        "项目支出名称 | 饮用水监督",
        "年度本级预算金额 | 24.00",
        "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容",
        "产出指标 | 数量指标 | 监测点 | ≥ | 18 | 个 | 反映监测点数量。",
        "成本指标 | 经济成本指标 | 抽检经费 | ≤ | 24 | 万元 | 反映经费控制。",
    )
    (table,) = read_text(text, "w.txt")[0]
    values = [
        (i.name, i.annual.raw, i.annual.op and i.annual.op.value, i.annual.unit) for i in table.indicators
    ]
    assert values == [("监测点", "18", ">=", "个"), ("抽检经费", "24", "<=", "万元")]
    assert [n for n, _ in table.indicators[0].notes] == ["指标解释"]  # an explanatory column, never a value


def test_a_publishers_own_second_level_under_a_sub_header_and_the_baseline_column() -> None:
    text = _text(
        "项目支出绩效目标申报表",
        "项目名称 | 执法记录设备更新",
        "绩效指标 | 指标名称 | 指标名称 | 上年度实际水平 | 本年度计划水平",
        " | 二级指标 | 三级指标 | 上年度实际水平 | 本年度计划水平",  # 绩效指标 merged down the rows
        " | 目标完成程度 | 记录仪配备数量 | 420台 | 400台",
        " |  | 验收合格率 | 100% | 100%",
    )
    (table,) = read_text(text, "d.txt")[0]
    rows = [(i.level2, i.name, i.annual.raw, i.baseline.raw) for i in table.indicators]
    assert rows == [
        ("目标完成程度", "记录仪配备数量", "400台", "420台"),
        ("目标完成程度", "验收合格率", "100%", "100%"),
    ]


def test_the_budget_is_the_total_under_the_years_request_in_a_funds_table() -> None:
    text = _text(
        "项目支出预算绩效目标申报表",
        "项目名称 | 统计监测工作经费",
        "项目资金情况 | 项目资金申请(万元) | 项 目 | 上年度安排资金 | 本年度申请资金",
        "合计 | 80 | 150",
        "区级资金 | 80 | 150",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 监测报告 | ≥12期",
    )
    (table,) = read_text(text, "f.txt")[0]
    assert (table.project.budget, table.project.budget_unit) == (1500000, "万元")  # never last year's 80
    assert table.reading is not None and "预算金额取自资金表“本年度申请”列的合计" in table.reading.inferred


def test_the_local_department_of_several_levels_and_the_signature_after_the_table() -> None:
    text = (
        _text(
            "2020年水利发展资金绩效目标表",
            "专项(项目)名称 | 山洪沟治理专项",
            "市级财政部门 | 示范市财政局 | 市级主管部门 | 示范市水利局",
            "区级财政部门 | 示范区财政局 | 区级主管部门 | 示范区水利局",
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 治理长度 | ≥3公里",
        )
        + "示范区财政局\n2020年7月16日\n"
    )
    (table,) = read_text(text, "n.txt")[0]
    assert table.project.department == "示范区水利局"  # never the finance bureaus
    assert [i.name for i in table.indicators] == ["治理长度"]  # the signature is no indicator


def test_the_written_comparator_wins_over_the_direction_word() -> None:
    text = _text(
        "2021年项目支出绩效目标表",
        "项目名称 | 化肥储备监管",
        "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 目标值 | 计量单位",
        "产出指标 | 数量指标 | 监管企业数 | 正向 | = | 3 | 家",
        "产出指标 | 成本指标 | 单次检查成本 | 反向 | ≤ | 0.3 | 万元/次",
    )
    (table,) = read_text(text, "o.txt")[0]
    ops = [(i.annual.op and i.annual.op.value, i.annual.value, i.annual.unit) for i in table.indicators]
    assert ops == [("=", Decimal(3), "家"), ("<=", Decimal("0.3"), "万元/次")]


def test_a_template_left_in_the_name_gives_a_bare_number_its_comparator_and_unit() -> None:
    text = _text(
        "2022年项目支出绩效目标表",
        "项目名称 | 草原补播改良",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 质量指标 | 补播出苗率(≥**%) | 80",
        "产出指标 | 成本指标 | 项目总投入(≤**万元) | ≤1860万元",
    )
    (table,) = read_text(text, "t.txt")[0]
    first, second = table.indicators
    assert (first.annual.raw, first.annual.op, first.annual.value, first.annual.unit) == (
        "80",
        Op.GE,
        80,
        "%",
    )
    assert (second.annual.op, second.annual.unit) == (Op.LE, "万元")  # what the value writes is kept
    assert table.reading is not None and any("模板" in note for note in table.reading.inferred)


def test_an_amount_without_unit_takes_wan_yuan_only_from_the_same_amount_in_the_text_above() -> None:
    def read(prose: str) -> Table:
        text = (
            prose
            + "\n"
            + _text(
                "项目支出绩效目标表",
                "项目名称 | 全民健身赛事补助",
                "项目资金 | 年度资金总额: | 12.00",
                "一级指标 | 二级指标 | 三级指标 | 指标值",
                "产出指标 | 数量指标 | 举办赛事 | ≥12项",
            )
        )
        (table,) = read_text(text, "m.txt")[0]
        return table

    same = read("(6)年度预算安排。全民健身赛事补助经费预算安排12万元。")
    assert (same.project.budget, same.project.budget_unit) == (120000, "万元")
    other = read("(6)年度预算安排。其他项目预算安排30万元。")
    assert (other.project.budget, other.project.budget_unit) == (12, "元")  # no guess from another sum


def test_a_second_level_with_other_names_in_brackets_is_the_catalogues() -> None:
    assert catalog.canonical("时效指标(工期指标、形象进度指标)") == "时效指标"
    assert catalog.canonical("数量指标(或建筑规模指标)") == "数量指标"
    assert catalog.canonical("效益指标(经济效益指标)") == "效益指标"
    assert catalog.canonical("服务对象满意度指标") == "服务对象满意度指标"  # no brackets: unchanged


def test_a_first_level_name_where_the_column_holds_second_levels_stands_for_its_one_second_level() -> None:
    text = _text(
        "2022年市直部门预算项目支出绩效目标表",
        "项目名称 | 机关食堂运营保障",
        "绩效指标 |  |  |  | 保障绩效目标实现措施",
        " | 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值",
        " | 数量指标 | 日均供餐人次 | 反映供餐规模 | 1800人次",
        " | 满意度指标 | 就餐人员满意度 | 反映满意程度 | ≥90%",
    )
    (table,) = read_text(text, "e.txt")[0]
    levels = [(i.level1, i.level2, i.name) for i in table.indicators]
    assert levels[-1] == ("满意度指标", "服务对象满意度指标", "就餐人员满意度")
