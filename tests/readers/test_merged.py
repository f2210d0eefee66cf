"""Which of a document's tables make up its target tables (`merged.choose`)."""

from __future__ import annotations

from jixiao.readers.merged import choose, title_lines

NAME = [["项目名称", "河道保洁"]]
HEADER = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "长度", "≥4公里"]]
BOTH = NAME + HEADER
GOALS = [["项目概况", "……"], ["长期目标", "年度目标"]]
FUNDS = [["收入", "预算数"], ["一般公共预算拨款收入", "1,250.00"]]
LIST = [["项目名称", "预算金额（元）"], ["河道保洁", "380,000.00"]]  # a funds table that says 项目名称


def test_a_whole_target_table_among_funds_tables() -> None:
    assert choose([FUNDS, BOTH, FUNDS]) == [(1, True)]


def test_a_form_cut_into_tables_is_one_target_table_and_its_page_titles_are_dropped() -> None:
    assert choose([NAME, GOALS, HEADER, HEADER, FUNDS]) == [(0, True), (1, False), (2, False), (3, False)]


def test_a_project_list_never_followed_by_indicators_is_skipped() -> None:
    assert choose([LIST, BOTH, LIST, GOALS]) == [(1, True)]
    assert choose([NAME, GOALS, GOALS, GOALS, GOALS, HEADER]) == [(5, True)]  # too far apart


def test_two_target_tables_and_an_orphan_indicator_table() -> None:
    assert choose([BOTH, FUNDS, HEADER, BOTH]) == [(0, True), (2, True), (3, True)]


def test_title_lines_are_the_short_naming_lines_just_above() -> None:
    lines = ["一、部门职责：负责……" * 8, "三、项目绩效目标", "2024年项目支出绩效目标表", "单位：万元"]
    assert title_lines(lines) == ["2024年项目支出绩效目标表", "单位：万元"]
    assert title_lines(["单位：万元", "以下为本部门的全部项目。"]) == []
