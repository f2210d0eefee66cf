"""A 自评表 whose indicator rows run together with their 分值 and 得分 (the 宁夏 专项 form as a document
site's OCR text) is cut into rows only where the table's arithmetic allows exactly one cut: the 分值
falling on each 一级 weight, every 得分 at most its 分值, the 得分 making the printed 项目总得分."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.readers.selfeval_published import read_published_path, read_published_text


def ningxia(printed_total: str = "99", satisfaction: str = "服务对象满意度农户满意度20290%95%20") -> str:
    """Our own 深松整地 project in the OCR text's form: run together, amounts on lines of their own."""
    return (
        "还剩1页未读,继续阅读\n文本内容:\n"
        f"农机深松整地作业补助项目绩效目标自评表(2023年度)项目总得分{printed_total}分项目名称农机深松整地"
        "作业补助项目实施单位/项目负责人某县农机推广中心/王某资金情况(万元)年度资金总额全年预算数(A)"
        "全年执行数(B)执行率(B/A)其中自治区补助120万元\n117.6万元\n"
        "98%市县资金绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施"
        "产出指标(50分)数量指标指标1深松整地作业面积206万亩6.1万亩20质量指标指标1深松作业合格率15295%$96%15"
        "时效指标指标1作业完成时限1510月底前10月20日15\n"
        "效益指标(30分)经济效益指标指标1亩均增产155%5%14部分地块墒情差社会效益指标指标1带动农户数量15300户"
        f"310户15满意度指标(20分){satisfaction}总分100\n"
    )


def test_rows_are_cut_where_the_sums_allow_one_cut() -> None:
    (table,) = read_published_text(ningxia(), "深松.txt")
    rows = [(i.level1, i.name, i.weight, i.target, i.actual, i.score) for i in table.indicators]
    assert rows == [
        ("产出指标", "深松整地作业面积", 20, "6万亩", "6.1万亩", 20),
        ("产出指标", "深松作业合格率", 15, "", "", 15),  # 295%$96%: OCR damage, not split
        ("产出指标", "作业完成时限", 15, "", "", 15),  # two dates: no unit in common to cut at
        ("效益指标", "亩均增产", 15, "5%", "5%", 14),
        ("效益指标", "带动农户数量", 15, "300户", "310户", 15),
        ("满意度指标", "农户满意度", 20, "", "95%", 20),  # 290%: OCR's ≥90%, not read as a target
    ]
    assert table.indicators[3].reason == "部分地块墒情差"
    assert [i.source.line for i in table.indicators] == [5, 5, 5, 6, 6, 6]  # each row's own line
    assert table.project == "农机深松整地作业补助项目" and table.total == Decimal(99)


def test_the_ocr_damage_is_said_with_its_text_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "深松.txt"
    path.write_text(ningxia(), encoding="utf-8")
    tables, diagnostics = read_published_path(path)
    assert len(tables) == 1
    assert [(d.code, d.source.line) for d in diagnostics] == [("JX-R09", 5)]
    assert "“15295%$96%”" in diagnostics[0].message


def test_scores_that_do_not_make_the_printed_total_leave_the_table_unread() -> None:
    assert read_published_text(ningxia(printed_total="98"), "深松.txt") == []


def test_a_reason_before_an_unmarked_row_is_two_cuts_and_leaves_the_table_unread() -> None:
    two_rows = "服务对象满意度农户满意度10290%95%9回访不足农机手满意度10290%96%10"
    assert read_published_text(ningxia(printed_total="98", satisfaction=two_rows), "深松.txt") == []


_PIECES = st.sampled_from(
    ["产出指标(50分)", "效益指标(30分)", "满意度指标(20分)", "数量指标", "指标1", "指标2", "面积",
     "农户满意度", "20", "15", "10", "6万亩", "95%", "290%", "5%", "$", "部分地块墒情差", "是", "基本达到"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30), st.integers(min_value=0, max_value=120))
def test_whatever_is_cut_adds_up_as_the_table_prints(pieces: list[str], printed: int) -> None:
    """Arbitrary run-together rows never raise; a table read from them has 分值 on each group's weight,
    every 得分 within its 分值 and 得分 making the printed total."""
    text = (
        f"自评表项目总得分{printed}分项目名称某项目实施单位某单位绩效指标一级指标二级指标三级指标分值年度指标值"
        "全年实际值得分未完成原因及改进措施" + "".join(pieces) + "总分100\n"
    )
    for table in read_published_text(text, "x.txt"):
        for level1, stated in table.group_weights:
            assert sum(i.weight or 0 for i in table.indicators if i.level1 == level1) == stated
        assert all(
            i.score is not None and i.weight is not None and i.score <= i.weight for i in table.indicators
        )
        assert sum(i.score or 0 for i in table.indicators) == table.total == printed
