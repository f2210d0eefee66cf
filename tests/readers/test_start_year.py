"""A budget year given only as the project's start year (issue 11, heldout7): a 预算管理一体化 申报表's
项目基本信息 grid names ``项目开始年度 | 2024`` and no end year, the 申报日期 falling in the year before."""

from __future__ import annotations

from jixiao.model import Severity
from jixiao.readers.text import read_text

APPLICATION = """示范镇中心小学项目申报表 |
申报日期: 2023年12月28日 |
项目名称 | 义务教育学校公用经费 | 项目编码 | |
项目属性 | 01-持续性项目 | 主管部门 | 201-示范县教育局 |
项目开始年度 | 2024 | 项目期限 | 1年 |
年度绩效目标 | 保障学校日常运转。 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 保障在校学生人数 | ≥640人 |
满意度指标 | 服务对象满意度指标 | 学生及家长满意度 | ≥90% |
"""


def test_the_start_year_alone_is_the_budget_year_and_recorded_as_an_inference() -> None:
    tables, diagnostics = read_text(APPLICATION, "apply.txt")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    (table,) = tables
    assert (table.project.name, table.project.year) == ("义务教育学校公用经费", 2024)
    assert table.reading is not None
    assert "预算年度取自项目开始年度（未写结束年度）" in table.reading.inferred
