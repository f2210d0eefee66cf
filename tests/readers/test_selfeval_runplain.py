"""A 自评表 with no 分值 or 得分 column whose cells run together (the 武汉 区级 form as a mirror's text) is
read only where the template's fixed column order and the grammar of its values leave exactly one cut:
the reason column's text ends every row, each row is a name then one or two values, a fund row's
amounts are cut where exactly one cut makes its printed 执行率. Anything else stays unread (JX-R13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.readers.selfeval_published import read_published_path, read_published_text
from jixiao.scoring.audit import audit

HEAD = (
    "2022年度区级古树名木保护专项经费项目绩效自评表单位名称:某区园林局填报日期:2023年3月1日项目名称区级古树"
    "名木保护专项经费主管部门区园林局项目实施单位区园林局预算执行情况(万元)资金来源预算数(A)执行数(B)执行率"
    "(B/A)一般预算内拨款{funds}合计{funds}年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值"
    "未完成原因及改进措施"
)
ROWS = (
    "产出指标产出数量古树复壮株数≥40株42株达成预期指标古树巡查覆盖率100%36处达成预期指标"
    "产出质量复壮成活率不低于90%达成预期指标产出时效复壮完成时限11月底前达成预期指标"
    "产出成本复壮成本(万元)20达成预期指标效益指标生态效益古树保存率100%达成预期指标"
    "满意度指标社会公众满意度≥90%达成预期指标"
)


def wuhan(rows: str = ROWS, funds: str = "2019.698%") -> str:
    """Our own 古树名木 project in the mirror's form: furniture lines, then the table on one line."""
    return "下载本文档\n文档简介\n" + HEAD.format(funds=funds) + rows + "\n"


def test_rows_are_cut_where_the_column_order_and_the_value_grammar_leave_one_cut() -> None:
    (table,) = read_published_text(wuhan(), "古树.txt")
    rows = [(i.level1, i.level2, i.name, i.target, i.actual, i.reason) for i in table.indicators]
    assert rows == [
        ("产出指标", "产出数量", "古树复壮株数", "≥40株", "42株", "达成预期指标"),
        ("产出指标", "产出数量", "古树巡查覆盖率", "100%", "36处", "达成预期指标"),
        ("产出指标", "产出质量", "复壮成活率", "不低于90%", "达成预期指标", ""),  # 不低于 is one sign
        ("产出指标", "产出时效", "复壮完成时限", "11月底前", "达成预期指标", ""),
        ("产出指标", "产出成本", "复壮成本(万元)", "20", "达成预期指标", ""),  # digits never cut
        ("效益指标", "生态效益", "古树保存率", "100%", "达成预期指标", ""),
        ("满意度指标", "", "社会公众满意度", "≥90%", "达成预期指标", ""),
    ]
    assert all(i.weight is None and i.score is None for i in table.indicators)
    assert [i.source.line for i in table.indicators] == [3] * 7
    assert table.project == "区级古树名木保护专项经费" and table.total is None
    funds = [(f.label, f.is_total, f.budget, f.executed, f.rate) for f in table.funds]
    assert funds == [
        ("一般预算内拨款", False, Decimal(20), Decimal("19.6"), Decimal(98)),
        ("合计", True, Decimal(20), Decimal("19.6"), Decimal(98)),
    ]


def test_the_audit_questions_the_word_actuals_and_raises_no_arithmetic_finding() -> None:
    (table,) = read_published_text(wuhan(), "古树.txt")
    codes = set(audit(table).codes())
    assert "JX-A23" in codes  # quantitative rows answered with 达成预期指标 instead of a figure
    assert not codes & {"JX-A01", "JX-A02", "JX-A03", "JX-A04", "JX-A05"}  # nothing printed to add up


def test_a_fund_row_no_cut_of_which_makes_its_rate_is_left_out(tmp_path: Path) -> None:
    (table,) = read_published_text(wuhan(funds="2019.690%"), "古树.txt")
    assert table.funds == () and len(table.indicators) == 7


def _unread(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "古树.txt"
    path.write_text(text, encoding="utf-8")
    tables, diagnostics = read_published_path(path)
    assert tables == []
    return [d.code for d in diagnostics]


def test_a_row_whose_reason_differs_leaves_the_table_unread_and_says_so(tmp_path: Path) -> None:
    rows = ROWS.replace("不低于90%达成预期指标", "不低于90%部分成活")
    assert _unread(tmp_path, wuhan(rows)) == ["JX-R13", "JX-A00"]


def test_a_name_that_could_end_in_two_places_leaves_the_table_unread(tmp_path: Path) -> None:
    # 巡查覆盖率100% then 36处 or 100%36 …: a target written as 1003处 joins two figures with no sign
    rows = ROWS.replace("100%36处", "1003处36处").replace("古树巡查覆盖率", "古树巡查点数")
    assert _unread(tmp_path, wuhan(rows.replace("(万元)20", "(万元)2020"))) == ["JX-R13", "JX-A00"]


def test_a_scored_header_is_not_this_form(tmp_path: Path) -> None:
    text = wuhan().replace("实际完成值未完成原因", "实际完成值得分未完成原因")
    assert _unread(tmp_path, text)[0] == "JX-R13"
