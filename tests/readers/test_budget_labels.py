"""Budget and department labels under uncommon names, the unit written inside the label (issue 11,
heldout7): ``项目预算金额(万元) | 87.6`` beside ``主管预算部门`` in a 抗疫特别国债 table, and a 专项资金
table's ``资金金额(万元) | 1300`` under ``专项资金名称``."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Severity
from jixiao.readers.text import read_text

# 抗疫特别国债项目绩效目标表 (a district 教育局's bundled project): department and budget on one row.
SPECIAL_BOND = """抗疫特别国债项目绩效目标表(打捆项目) | ||||
(2021年度) | ||||
项目名称 | 示范区公办学校防疫物资补助 | |||
主管预算部门 | 示范区教育局 | 项目预算金额(万元) | 42.5 | |
绩 效 目 标 | 对公办学校购置消毒用品和测温设备给予补助,保障开学复课。 | |||
绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 补助学校数量 | 18所 | |
满意度指标 | 服务对象满意度指标 | 受益学校满意度 | ≥90% |
"""

# A city 财政局's notice annex: the fund named, then its amount with the unit in the label.
SPECIAL_FUND = """2022年示范市农村学校改善资金绩效目标表 |
专项资金名称 | 农村学校改善资金 |
|
主管部门 | 示范市教育局 | 资金使用单位 | 有关县(市、区)教育局 |
资金金额(万元) | 760 |
|
总体目标 | 改善农村学校运动和卫生条件。 |
|
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 改造学校厕所 | ≥6个 |
满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90% |
"""


def test_project_budget_amount_with_its_unit_in_the_label_and_the_budget_department() -> None:
    tables, diagnostics = read_text(SPECIAL_BOND, "bond.txt")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    (table,) = tables
    project = table.project
    assert (project.name, project.year) == ("示范区公办学校防疫物资补助", 2021)
    assert (project.budget, project.budget_unit) == (Decimal("425000.00"), "万元")
    assert project.department == "示范区教育局"


def test_a_special_fund_amount_labelled_with_its_unit_is_the_budget() -> None:
    tables, diagnostics = read_text(SPECIAL_FUND, "fund.txt")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    (table,) = tables
    project = table.project
    assert (project.name, project.year) == ("农村学校改善资金", 2022)
    assert (project.budget, project.budget_unit) == (Decimal("7600000.00"), "万元")
    assert project.department == "示范市教育局"
