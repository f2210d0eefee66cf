"""结构 rules: names in the wrong column, rows outside the tree, wrong categories, duplicates."""

from __future__ import annotations

from jixiao.review import PROFILES
from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

TIMELINESS_ROW = " |  | 时效指标 | 培训完成时间 | 2025年12月 | 2025年12月"
QUALITY_ROW = " |  | 质量指标 | 培训出勤率 | ≥95% | ≥95%"


def test_s01_second_level_name_in_the_first_level_column() -> None:
    # seed line 26: '时效指标' in the 一级 column, the indicator's name in the 二级 column
    rows = GOOD_ROWS.replace(TIMELINESS_ROW, " | 时效指标 | 培训完成时间 |  | 2025年12月 | 2025年12月")
    assert_fires("JX-S01", table(rows), [row(4)])
    assert_silent("JX-S01", table())


def test_s01_whole_row_shifted_into_the_head_column_and_a_placeholder() -> None:
    # seed lines 90 and 347: '满意度指标' and '生态效益' in the 绩效指标 column
    rows = GOOD_ROWS.replace(
        " | 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90%",
        "生态效益 |  |  |  |  | \n满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90% | ",
    )
    assert_fires("JX-S01", table(rows), [row(6), row(7)])


def test_s01_silent_without_columns() -> None:
    # one cell per line (text from a PDF): no layout, so no layout findings
    rows = GOOD_ROWS.replace(TIMELINESS_ROW, " | 时效指标 | 培训完成时间 |  | 2025年12月 | 2025年12月")
    one_cell_per_line = "\n".join(c for c in table(rows).replace("\t", "\n").split("\n") if c.strip())
    assert_silent("JX-S01", one_cell_per_line)


def test_s02_indicator_name_in_the_second_level_column() -> None:
    # seed line 452: a 三级 name in the 二级 column, values shifted left
    rows = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  | 信访咨询案件办结率 | 100% | 100% | ")
    assert_fires("JX-S02", table(rows), [row(4)])
    assert_silent("JX-S02", table())


def test_s03_trailing_row_outside_the_tree() -> None:
    # seed line 31: '服务对象满意度(%)' in the 绩效指标 column after the last category
    rows = GOOD_ROWS.rstrip("\n") + "\n服务对象满意度(%) |  |  |  | ≥85% | ≥85%"
    assert_fires("JX-S03", table(rows), [row(7)])
    assert_silent("JX-S03", table())


def test_s04_satisfaction_under_quality_and_money_under_output() -> None:
    rows = GOOD_ROWS.replace(
        QUALITY_ROW, " |  | 质量指标 | 学员满意度调查 | ≥90% | ≥90%\n |  |  | 教材印制费 | ≤5000元 | ≤5000元"
    )
    assert_fires("JX-S04", table(rows), [row(3), row(4)])
    assert_silent("JX-S04", table())


def test_s05_cost_as_first_level_is_not_in_the_legacy_framework() -> None:
    assert_fires("JX-S05", table(), [row(1)], PROFILES["legacy-2015"])
    assert_silent("JX-S05", table())


def test_s06_duplicate_indicator() -> None:
    rows = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  |  | 培训出勤率 | ≥90% | ≥90%")
    assert_fires("JX-S06", table(rows), [row(4)])
    assert_silent("JX-S06", table())


def test_s07_empty_categories_one_info_per_table() -> None:
    rows = GOOD_ROWS.replace(
        " | 产出指标 |", " |  | 社会成本指标 |  |  | \n |  | 生态环境成本指标 |  |  | \n | 产出指标 |"
    )
    assert_fires("JX-S07", table(rows), [row(2)])
    assert_silent("JX-S07", table())


def test_s08_the_same_project_twice_in_one_batch() -> None:
    first = table()
    second_start = first.count("\n") + 2  # one blank line between the tables
    text = first + "\n" + table()
    assert_fires("JX-S08", text, [second_start + 2])
    assert_silent("JX-S08", first + "\n" + table(name="另一个项目"))
