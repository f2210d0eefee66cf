"""A unit's list of projects whose text lost every cell separator (湖南 预算一体化 disclosure pages as
stored: the header cells run together over two lines, a unit line with its total, each project line
with its code, name, amount, year and goal run together, the indicator lines below it). The cells are cut
only where the form's column order and its own sums leave one reading; anything else keeps JX-R13."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Severity, Table
from jixiao.readers.detect import read_bytes
from jixiao.readers.labels import NAME_INFERENCES, SPLIT_NAME
from jixiao.readers.listrun import split_value

HEADER = """→ 您的位置: 首页 >> 信息公开
示范县农技中心2024项目支出绩效目标表公开
发布时间:2024-03-01 09:00:00  点击次数:88

2024年项目支出绩效目标表公开

部门:612_示范县农业农村局金额单位:万元
单位代码单位(专项)名称资金总额实施期绩效目标绩效指标
一级指标二级指标三级指标指标值指标值内容评(扣分标准) 度量单位指标值类型备注
"""

PROJECTS = """612003示范县农技推广中心{total}



  612003  基层农技推广补助36.502024年培训农技人员,推广主导品种和主推技术。
产出指标数量指标培训农技人员120反映培训人数完成得10分,每少5人扣1分人定量
示范基地建设不少于6个反映基地建设数量完成得10分-定量
时效指标培训完成时间2024年10月31日前反映完成时间按期完成得10分-定量
生态环境成本指标



-定性
效益指标社会效益指标农户技术水平明显提高反映技术水平提高情况较好得10分,一般得5分-定性
满意度指标服务对象满意度指标农户满意度90%以上农户满意程度90%以上得10分,每降低1%扣1分-定性
  612003  农产品质量抽检11.502024年完成例行抽检。
成本指标经济成本指标单批次抽检成本≤300元/批次反映抽检成本不超标准得10分-定量
产出指标质量指标抽检合格率98%以上抽检合格批次/抽检批次98%得10分-定量


返回】
"""


def _read(total: str) -> tuple[list[Table], list[tuple[str, Severity, int | None, str]]]:
    text = HEADER + PROJECTS.format(total=total)
    tables, diagnostics = read_bytes(text.encode("utf-8"), "list.txt")
    return tables, [(d.code, d.severity, d.source.line, d.message) for d in diagnostics]


def test_a_list_whose_sums_agree_is_cut_into_one_table_per_project() -> None:
    tables, diagnostics = _read("48.00")
    first, second = tables
    assert [t.project.name for t in tables] == ["基层农技推广补助", "农产品质量抽检"]
    assert (first.project.budget, first.project.budget_unit, first.project.year) == (
        Decimal("365000.00"),
        "万元",
        2024,
    )
    assert second.project.budget == Decimal("115000.00")
    assert first.project.department == "612_示范县农业农村局" and first.project.unit == "示范县农技推广中心"
    rows = [(i.level1, i.level2, i.name, i.annual.raw, i.annual.kind) for i in first.indicators]
    assert rows == [
        ("产出指标", "数量指标", "培训农技人员", "120", Kind.QUANTITATIVE),
        ("产出指标", "数量指标", "示范基地建设", "不少于6个", Kind.QUANTITATIVE),
        ("产出指标", "时效指标", "培训完成时间", "2024年10月31日前", Kind.DEADLINE),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "90%以上", Kind.QUANTITATIVE),
    ]  # the empty 生态环境成本指标 is no indicator; the value in words is not cut (below)
    assert first.indicators[0].annual.unit == "人"  # the 度量单位 column
    assert [(i.name, i.annual.raw) for i in second.indicators] == [
        ("单批次抽检成本", "≤300元/批次"),
        ("抽检合格率", "98%以上"),
    ]
    assert first.reading is not None and NAME_INFERENCES[SPLIT_NAME] in first.reading.inferred
    unread = [d for d in diagnostics if d[0] == "JX-R13"]
    assert [(line, severity) for _, severity, line, _ in unread] == [
        (23, Severity.WARNING),  # 明显提高…较好得10分: a value in words has no visible end
        (30, Severity.INFO),  # 返回】 after the list
    ]
    assert "农户技术水平明显提高" in unread[0][3] and "未读取" in unread[0][3]


def test_a_list_whose_projects_do_not_add_up_to_the_unit_is_not_cut() -> None:
    tables, diagnostics = _read("50.00")
    assert tables == []
    assert [code for code, *_ in diagnostics] == ["JX-R13"]  # the whole text stays run together


def test_the_value_is_cut_only_where_its_end_is_visible() -> None:
    assert split_value("培训农技人员120反映培训人数") == ("培训农技人员", "120", "反映培训人数")
    assert split_value("补助标准15元/人.每天反映标准") == ("补助标准", "15元/人.每天", "反映标准")
    assert split_value("巩固率大于95%反映巩固情况") == ("巩固率", "大于95%", "反映巩固情况")
    assert split_value("负担有所减轻对负担情况较大得10分") is None  # a score would be the value
    assert split_value("PM2.5浓度下降5%反映空气") is None  # digits in the name: no single reading
    assert split_value("完成率100%") is None  # nothing after the value: the columns are not there
    # no explanation opening as the form's do, and the number not restated: the cut is not confirmed
    assert split_value("第2批次抽检合格率98%以上抽检合格批次") is None
    assert split_value("合格率98%以上抽检合格批次/抽检批次98%得10分") is not None  # restated: confirmed
