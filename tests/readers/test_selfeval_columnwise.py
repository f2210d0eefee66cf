"""The central 附件1 自评表 as a document site extracts a workbook: one line, single spaces, cells column
by column, so the indicator names stand apart from their figures and the last rows' figures come before
their names. The n-th name takes the n-th group of four figures only where the table's own arithmetic
confirms it (as many names as groups; the 分值 falling on each 一级 weight; 分值 and budget adding up
to the 100 of the 总分 row)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.readers.selfeval_published import read_published_text


def columnwise(first_row: str = "200 196 25 24", satisfaction: str = "指标1:是否满意 ") -> str:
    """Our own 乡村公益岗位 table in the extracted form (the first row's figures split by header words)."""
    target, actual, weight, score = first_row.split()
    return (
        "某县项目支出绩效自评表 (2022年度) 项目名称 乡村公益岗位补贴资金 主管部门 某县人力资源和社会保障局 "
        "项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 "
        "全年预算数 全年执行数 分值 执行率 得分 "
        "40.00 39.20 10 98% 10 40.00 39.20 — 98% — 上年结转资金 — — 其他资金 — — 年度总 体目标 一级 指标 "
        "二级指标 三级指标 数量指标 指标1:公益岗位人数 绩 效 指 标 某县就业服务中心 产出 指标 (50分 ) 实际 "
        f"指标值 完成值 {target} 分值 得分 偏差原因分析及改进措 施 {actual} {weight} {score} 有人员中途离岗 "
        "质量指标 指标1:补贴是否按月 发放 100% 100% 25 25 95% 95% 30 30 95% 95% 10 10 100 99 "
        "效益指 标(30 分) 社会效益 指标1:是否增加脱贫人口收入 满意度 指标 服务对象满 "
        f"{satisfaction}(10分 意度指标 ) 总分\n"
    )


def test_names_take_their_figures_where_the_weights_confirm_the_pairing() -> None:
    (table,) = read_published_text(columnwise(), "岗位.txt")
    rows = [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert rows == [
        ("产出指标", "指标1:公益岗位人数", "200", "196", 25, 24),
        ("产出指标", "指标1:补贴是否按月发放", "100%", "100%", 25, 25),
        ("效益指标", "指标1:是否增加脱贫人口收入", "95%", "95%", 30, 30),
        ("满意度指标", "指标1:是否满意", "95%", "95%", 10, 10),
    ]
    assert table.indicators[0].reason == "有人员中途离岗"
    assert table.total == Decimal(99) and table.budget_score == Decimal(10)
    assert dict(table.group_weights) == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


def test_weights_off_the_group_weights_leave_the_block_unread() -> None:
    (table,) = read_published_text(columnwise(first_row="200 196 20 19"), "岗位.txt")
    assert table.indicators == () and table.total is None


def test_a_name_missing_leaves_the_block_unread() -> None:
    (table,) = read_published_text(columnwise(satisfaction=""), "岗位.txt")
    assert table.indicators == ()


_HEAD = columnwise().split(" 三级指标 ")[0] + " 三级指标 "
_WORDS = st.sampled_from(
    ["指标1:公益岗位人数", "指标2:是否满意", "绩", "效", "产出", "指标", "(50分", ")", "效益指", "标(30",
     "分)", "满意度", "(10分", "(20分", "10", "20", "25", "30", "50", "100", "99", "95%", "100%", "200人",
     "—", "有人员中途离岗", "质量指标", "总分", "转"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40))
def test_whatever_is_read_column_by_column_adds_up_as_the_table_states(words: list[str]) -> None:
    """Arbitrary words after the header never raise; indicators read from them always have 分值 that,
    with the budget's 10, make 100, and fall on each group's stated weight."""
    tables = read_published_text(_HEAD + " ".join(words) + "\n", "岗位.txt")
    for table in tables:
        if not table.indicators:
            continue
        weights = [i.weight or Decimal(0) for i in table.indicators]
        assert sum(weights) + (table.printed_budget_weight or 0) == 100
        for level1, stated in table.group_weights:
            assert sum(i.weight or 0 for i in table.indicators if i.level1 == level1) == stated


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=60))
def test_the_first_rows_weight_is_read_only_where_the_sums_confirm_it(weight: int, score: int) -> None:
    """Only a 分值 of 25 makes 产出 50 with the second row's 25 (and the whole 100): any other leaves
    the block unread."""
    (table,) = read_published_text(columnwise(first_row=f"200 196 {weight} {score}"), "岗位.txt")
    assert bool(table.indicators) == (weight == 25)
