# ruff: noqa: E501  (a flattened PDF page is one long line of words)
"""Issue 11, the layout classes heldout10 could not read.

1. A 部门整体支出绩效目标申报表 whose PDF text is one run of words in two-column reading order (two
   labels, then their values; 总体资金情况 closed by agreeing 合计 amounts, the budget): page
   footers between dashes (``— 1 —``), the merged label ``年度 绩效 指标`` falling inside the indicator
   block, values broken at a space (``≥150 件``, ``≤20 分钟``, ``较上年 只减不增``) and a 二级 wrapped
   (``服务对象 满意度指标``). A unit or the rest of a phrase must never become an indicator.

2. A 中央财政…转移支付区域绩效目标表 as PDF text aligned by runs of spaces, full-width brackets and
   colons, its head labelled 专项（一般）转移支付名称 / 地方主管部门 / 资金使用单位, the 资金情况（万元）
   label in the middle of its three rows, the goal and a 二级 wrapped onto the next line.
3. A 部门(单位)整体支出绩效目标批复表 in `` | `` rows padded with ``||||``: its title says 部门(单位)整体,
   its 年度主要任务 amounts closed by a 金额合计 row holding the total and its parts (the budget is the
   total), 中期指标值 before 年度指标值 (the annual value is the 年度 one).
4. Budgets: a 部门整体 table in a portal's ``<table>`` whose 年度预算申请(万元) cell spans two rows, the
   amount labels (资金总额 | 财政拨款 | 其他资金) beside it and the figures on the next row; a court's
   page whose tables each open with a code+unit line (``213104某法院 | 单位:万元``) and name no other
   organisation — that coded organisation is the department.

The documents are our own, in the layouts of the real tables (a 湖北 county office's 申报表 PDF, 2021; a 广东
city library's 批复表 page, 2022; an 安徽 county's 区域绩效目标表 PDF, 2023; a 贵州
prefecture bureau's portal page, 2019; a 天津 district court's page, 2023).
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import SourceRef
from jixiao.readers.cells import Cell
from jixiao.readers.head_parts import value_cell
from jixiao.readers.html import read_html_text
from jixiao.readers.task_totals import TaskTotals
from jixiao.readers.text import read_text
from jixiao.readers.valuetails import value_tail_joins

# A county bureau's 部门整体支出绩效目标申报表 as a mirror site's PDF text: the whole form on one line.
FLATTENED_WHOLE_UNIT = (
    "附件 3: 部门整体支出绩效目标申报表 填报日期:2022 年 2 月 10 日 部门(单位) 名称 填报人 某县信访局 王某 "
    "财政拨款 收入构成 支出构成 1234567 联系电话 总体资金情况 部门总体 资金情况 单位:万元 当年 金额 占比 "
    "312.40 其他资金 合计 312.40 100% 基本支出 250.00 80.0% 项目支出 62.40 20.0% 合计 312.40 100% "
    "(一)受理群众来信来访。 (二)协调处理信访事项。 部门职能概述 — 1 — (三)督办信访事项落实。 "
    "年度 主要 任务 任务一:受理来信来访 任务二:化解信访积案 部门整体 绩效目标 及时受理群众诉求,化解积案。 "
    "一级指标 二级指标 三级指标 指标值 产出指标 数量指标 受理群众来信件数 ≥150 件 接待来访批次 ≥300 批次 "
    "质量指标 信访事项按期办结率 ≥95% 时效指标 网上信访受理时限 ≤20 分钟 成本指标 公务用车运行费 较上年 只减不增 "
    "年度 绩效 指标 效益指标 社会效益 指标 信访积案化解率 ≥80% 满意度指标 服务对象 满意度指标 "
    "来访群众满意度 ≥90% — 2 —"
)


def test_a_flattened_whole_unit_form_invents_no_indicator_from_a_unit_cell() -> None:
    (table,), _ = read_text(FLATTENED_WHOLE_UNIT, "申报表.txt")
    assert table.project.name == "某县信访局"  # 部门(单位)名称 | 填报人 | 某县信访局 | 王某: read across
    assert (table.project.budget, table.project.budget_unit) == (Decimal("3124000.00"), "万元")  # the 合计
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "受理群众来信件数", "≥150 件"),
        ("产出指标", "数量指标", "接待来访批次", "≥300 批次"),
        ("产出指标", "质量指标", "信访事项按期办结率", "≥95%"),
        ("产出指标", "时效指标", "网上信访受理时限", "≤20 分钟"),
        ("产出指标", "成本指标", "公务用车运行费", "较上年 只减不增"),
        ("效益指标", "社会效益指标", "信访积案化解率", "≥80%"),
        ("满意度指标", "服务对象满意度指标", "来访群众满意度", "≥90%"),
    ]
    letters, visits = table.indicators[:2]
    assert (letters.annual.value, letters.annual.unit) == (Decimal("150"), "件")
    assert (visits.annual.value, visits.annual.unit) == (Decimal("300"), "批次")
    assert table.indicators[3].annual.unit == "分钟"


def test_a_value_takes_only_a_whole_unit_or_phrase_as_its_tail() -> None:
    assert value_tail_joins("≥120", "件")
    assert value_tail_joins("较上年", "只减不增")
    assert not value_tail_joins("≥120", "受理群众来信件数")  # the next indicator's name
    assert not value_tail_joins("100%", "件")  # the value has its unit already
    assert not value_tail_joins("持续提高", "件")
    assert not value_tail_joins("较上年", "公务用车运行费")


# A city museum's 批复表 as its portal page's text: `` | `` rows with ``||||`` tails.
WHOLE_UNIT_APPROVAL = """部门(单位)整体支出绩效目标批复表 | |||||||||
( 2023 年度) | |||||||||
批复单位:某市财政局 | 预算单位:某市博物馆 | ||||||||
部门(单位)名称 | 某市博物馆2023年部门整体绩效目标 | ||||||||
年度 主要 任务 |
任务名称 | 主要内容 | 年度预算金额(万元) | ||||||
小计 | 市财政拨款 | 其他资金 | |||||||
人员经费 | 在编人员30人。 | 820.50 | |||||||
陈列展览 | 举办临时展览12个。 | 179.50 | |||||||
金额合计 | * | 0 | 1000.00 | 0 | |||||
总体目标 | 中期滚动目标(2023年--2025年) | 年度目标 | |||||||
目标1:建成智慧博物馆。 | 目标1:完成年度展览任务。 | |||||||
年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 | |||||
产出指标 | 数量指标 | 举办临时展览个数 | ≥36个 | ≥12个 | |||||
产出指标 | 质量指标 | 藏品完好率 | 100% | 100% | |||||
效益指标 | 社会效益指标 | 年接待观众人次 | ≥120万人次 | ≥40万人次 | |||||
满意度指标 | 服务对象满意度指标 | 观众满意度 | ≥90% | ≥92% | |||||
备注:批复后的绩效目标应在部门预算公开时一并公开。 | |||||||||
"""


def test_a_whole_unit_approval_table_reads_its_annual_values_and_its_task_total() -> None:
    (table,), _ = read_text(WHOLE_UNIT_APPROVAL, "批复表.txt")
    assert table.project.name == "某市博物馆2023年部门整体绩效目标"
    assert table.project.year == 2023
    assert (table.project.budget, table.project.budget_unit) == (Decimal("10000000.00"), "万元")
    read = [(i.name, i.annual.raw, i.period.raw if i.period else None) for i in table.indicators]
    assert read == [
        ("举办临时展览个数", "≥12个", "≥36个"),
        ("藏品完好率", "100%", "100%"),
        ("年接待观众人次", "≥40万人次", "≥120万人次"),
        ("观众满意度", "≥92%", "≥90%"),
    ]


def test_a_task_total_is_the_largest_amount_of_its_row_and_only_after_the_tasks_label() -> None:
    tasks = TaskTotals()
    assert tasks.total(["合计", "500.00"]) is None  # no 年度主要任务 above: not this block's total
    assert tasks.total(["年度主要任务", "任务名称", "预算金额(万元)", "总额", "财政拨款"]) is None
    assert tasks.total(["保障运转", "612.40", "612.40"]) is None
    assert tasks.total(["金额合计", "*", "697.40", "650.00", "47.40"]) == ("697.40", "万元")
    assert TaskTotals().total(["年度主要任务", "金额合计", "*", "0"]) is None  # nothing to take


# A county's 区域绩效目标表 as PDF text: columns kept by runs of spaces, 一级/二级 written once per group.
REGION_TABLE_BY_SPACES = """附件1

2024年中央财政林业草原转移支付区域绩效目标表

（2024年度）

专项（一般）转移支付名称        林业草原转移支付资金
中央主管部门                    国家林业和草原局
地方主管部门      某县林业局              资金使用单位      某县林业局
                  年度金额：                       210
资金情况（万元）  其中：中央补助                   180
                  地方资金                         30
年度总体目标      完成森林抚育和林业有害生物防治任务，巩固生态保护修复
                  成果。
绩效指标  一级指标    二级指标        三级指标                      指标值
          产出指标    数量指标        森林抚育面积                  ≥3000 亩
                                      有害生物防治面积              ≥1.5 万亩
                      时效指标        任务完成时间                  2024 年 11 月 30 日前
          效益指标    生态效益指标    林业有害生物成灾率            ≤3‰
          满意度指标  服务对象满意    林农满意度                    ≥90%
                      度指标
                                                                  — 2 —
"""


def test_a_region_table_aligned_by_spaces_reads_its_head_and_every_indicator() -> None:
    (table,), _ = read_text(REGION_TABLE_BY_SPACES, "区域绩效目标表.txt")
    project = table.project
    assert (project.name, project.year) == ("林业草原转移支付资金", 2024)
    assert (project.department, project.unit) == ("某县林业局", "某县林业局")
    assert (project.budget, project.budget_unit) == (Decimal("2100000"), "万元")  # 年度金额, not its parts
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "森林抚育面积", "≥3000 亩"),
        ("产出指标", "数量指标", "有害生物防治面积", "≥1.5 万亩"),
        ("产出指标", "时效指标", "任务完成时间", "2024 年 11 月 30 日前"),
        ("效益指标", "生态效益指标", "林业有害生物成灾率", "≤3‰"),
        ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%"),
    ]
    assert table.indicators[1].annual.unit == "万亩"
    assert table.goals.annual.startswith("完成森林抚育和林业有害生物防治任务")  # 年度总体目标, wrapped
    assert table.goals.annual.endswith("成果。")


# A prefecture bureau's 部门整体支出绩效目标表 on its portal, as a real ``<table>`` with merged cells.
WHOLE_DEPARTMENT_PAGE = """<html><head><meta charset="utf-8"><title>某州气象局2020年部门整体支出绩效目标</title></head>
<body><div class="crumb">首页 &gt; 政务公开 &gt; 部门预算</div>
<p align="center"><b>部门整体支出绩效目标表</b></p><p align="center">(2020年度)</p>
<table border="1">
<tr><td>部门名称</td><td colspan=5>某州气象局</td></tr>
<tr><td rowspan=2>年度预算申请(万元)</td><td>资金总额</td><td colspan=2>财政拨款</td><td colspan=2>其他资金</td></tr>
<tr><td>152.60</td><td colspan=2>140.00</td><td colspan=2>12.60</td></tr>
<tr><td rowspan=2>年度主要任务</td><td>任务名称</td><td colspan=2>主要内容</td><td colspan=2>预算金额(万元)</td></tr>
<tr><td>气象观测</td><td colspan=2>自动气象站运行维护</td><td colspan=2>152.60</td></tr>
<tr><td>年度总体目标</td><td colspan=5>保障气象观测站网稳定运行。</td></tr>
<tr><td rowspan=3>年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值说明</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>自动气象站数量</td><td>≥48个</td><td>全州站点</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>公众气象服务满意度</td><td>≥85%</td><td></td></tr>
</table></body></html>
"""


def test_a_whole_department_budget_with_its_figures_on_the_next_row_is_the_total() -> None:
    (table,), _ = read_html_text(WHOLE_DEPARTMENT_PAGE, "page.html")
    assert (table.project.name, table.project.year) == ("某州气象局", 2020)
    assert (table.project.budget, table.project.budget_unit) == (Decimal("1526000.00"), "万元")
    assert [(i.name, i.annual.raw) for i in table.indicators] == [
        ("自动气象站数量", "≥48个"),
        ("公众气象服务满意度", "≥85%"),
    ]


# A district court's page: each project table opens with its budget code and name beside the money unit.
CODED_COURT_TABLES = """某区人民法院
项目支出绩效目标表
(2023年)
1.法院信息化运维-2023区级绩效目标表
213109某区人民法院 | 单位:万元 | |||||
项目名称 | 信息化系统运维 | |||||
预算规模及资金用途 | 预算数 | 42.00 | 其中:财政 资金 | 42.00 | 其他资金 | |
用于审判信息系统运行维护 | ||||||
绩效目标 | 1.保障审判信息系统稳定运行。 |
一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
产出指标 | 数量指标 | 运维系统数量 | 运维系统数量 | ≥12个 |
满意度指标 | 服务对象满意度指标 | 干警满意度 | 干警满意度 | ≥95百分比 |
"""


def test_a_coded_organisation_over_a_table_naming_no_other_is_its_department() -> None:
    (table,), _ = read_text(CODED_COURT_TABLES, "court.txt")
    assert table.project.department == "213109某区人民法院"
    assert table.project.budget == Decimal("420000")
    named = CODED_COURT_TABLES.replace(
        "项目名称 | 信息化系统运维 |", "主管部门 | 某市高级人民法院 | |||||\n项目名称 | 信息化系统运维 |"
    )
    (labelled,), _ = read_text(named, "court.txt")
    assert labelled.project.department == "某市高级人民法院"  # a labelled department wins


def test_a_funds_section_total_is_taken_only_when_its_totals_agree() -> None:
    agreeing = [
        "部门整体支出绩效目标申报表",
        "总体资金情况",
        "合计",
        "312.40",
        "100%",
        "合计",
        "312.40",
        "部门职能概述",
    ]
    assert TaskTotals().total(agreeing) == ("312.40", None)
    assert TaskTotals().total([*agreeing[:6], "300.00"]) is None  # income and spending disagree
    assert TaskTotals().total(agreeing[1:]) is None  # not a 部门整体 table


def test_a_label_left_empty_before_a_contact_label_takes_no_value_from_it() -> None:
    row = [Cell(text, SourceRef("form.txt"), None) for text in ("实施单位", "负责人", "张三")]
    assert value_cell(row, 0) == (row[1], 0)  # 实施单位's own cell was empty: never 张三
    across = [
        Cell(text, SourceRef("form.txt"), None) for text in ("部门(单位)名称", "填报人", "某县信访局", "王某")
    ]
    assert value_cell(across, 0) == (across[2], 1)
