"""Issue 11, layout classes the development corpora (publishers, heldout, heldout2) missed: each test is a
small document of one class, written in that class's own form, and fails without the rule that reads it."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.text import read_text

# A province's 一体化 system page: a 部门整体 block headed 部门整体绩效目标 (no 支出, no 表), the
# 部门名称 label third on its row after 部门编码, starred required labels, and a 指标值说明 text column.
WHOLE_DEPARTMENT_BLOCK = """| 部门整体绩效目标 | |||||||
| 基本信息 | |||||||
| 部门编码: | 208 | 部门名称: | 某县水利局 | *联系人: | 王工 | ||
| *年度绩效总目标 | 保障机构运转,完成河道管护和农村供水工程维护任务。 | ||||||
| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |
| 产出指标 | 数量指标 | 河道管护长度(公里) | ≥ | 85 | 公里 | 按年度计划设定 | |
| 农村供水工程维护处数(处) | = | 12 | 处 | 按年度计划设定 | |||
| 满意度指标 | 服务对象满意度指标 | 群众满意度(%) | ≥ | 90 | % | 按年度计划设定 | |
"""


def test_a_whole_department_block_with_its_name_mid_row_is_read_as_a_table() -> None:
    tables, diagnostics = read_text(WHOLE_DEPARTMENT_BLOCK, "bumen.txt")
    (table,) = tables
    assert table.project.name == "某县水利局"  # a 部门整体 table is named by its department
    assert [i.name for i in table.indicators] == [
        "河道管护长度(公里)",
        "农村供水工程维护处数(处)",
        "群众满意度(%)",
    ]
    first = table.indicators[0].annual
    assert (first.raw, first.kind, first.op, first.value, first.unit) == (
        "85",
        Kind.QUANTITATIVE,
        Op.GE,
        Decimal("85"),
        "公里",
    )
    assert table.indicators[1].level2 == "数量指标"
    assert not [d for d in diagnostics if d.code == "JX-R03"]  # 指标值说明 is text, not an extra cell
