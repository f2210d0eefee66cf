"""The classes of the eighth held-out set (tests/corpus/selfeval_heldout8), on tables of our own.

1. Fund rows under the labels of other forms: 中央补助 / 地方配套 (the 转移支付区域 form) and 基本支出 /
   项目支出 (the 部门整体 form) are the total's sources, read and added up like 财政拨款 / 其他资金;
   a group's 小计 row is no indicator.
2. A total and a grade printed only in the 自评结论 sentence (``自评得分99.17分，自评等级为优``) are the
   table's published total and grade, at the conclusion's place; a 总分 row of the table wins over them.
3. A quantitative score above its weight: JX-A10 (by the rule it earns its weight) beside JX-A02 in every
   golden alike (rules.md §6.3).
4. A rate per population (``3.2/10万`` against ``≤5/10万``) is a number with a unit: scored by the
   formula, no JX-A23.
"""

from __future__ import annotations

import json
from decimal import Decimal

from benchmarks.selfeval_fidelity import CORPUS

from jixiao.evaluation.numbers import read_amount
from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit

TRANSFER = """中央对地方转移支付区域绩效自评表
（2022年度）
转移支付名称\t某县畜牧发展资金\t\t\t
中央主管部门\t农业农村部\t地方主管部门\t某县农业农村局\t
资金情况（万元）\t\t全年预算数\t全年执行数\t执行率
\t年度资金总额\t500\t480\t96%
\t其中：中央补助\t400\t400\t100%
\t地方配套\t100\t100\t100%
一级指标\t二级指标\t三级指标\t指标值\t全年实际完成值
产出指标\t数量指标\t动物强制免疫数量\t≥20万头\t21万头
效益指标\t社会效益指标\t重大动物疫情发生次数\t0次\t0次
满意度指标\t服务对象满意度指标\t养殖户满意度\t≥90%\t94%
"""

WHOLE_DEPARTMENT = """部门整体支出绩效自评表
（2023年度）
部门（单位）名称\t某县卫生健康局\t\t\t\t\t\t
年度预算执行情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t1,000.00\t1,200.00\t1,140.00\t10\t95.00%\t9.5
\t其中：基本支出\t700.00\t800.00\t800.00\t—\t100.00%\t—
\t项目支出\t300.00\t400.00\t340.00\t—\t85.00%\t—
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标（50分）\t数量指标\t家庭医生签约人数\t≥8000人\t8200人\t25\t25\t
\t时效指标\t疫苗针对传染病报告发病率\t≤5/10万\t3.2/10万\t25\t25\t
产出指标小计\t\t\t\t\t50\t50\t
效益指标（30分）\t社会效益指标\t孕产妇系统管理率\t≥90%\t93%\t30\t30\t
效益指标小计\t\t\t\t\t30\t30\t
满意度指标（10分）\t服务对象满意度指标\t群众满意度\t≥90%\t92%\t10\t10\t
满意度指标小计\t\t\t\t\t10\t10\t
总分\t\t\t\t\t100\t99.5\t
"""


def _funds(text: str, name: str) -> list[tuple[str, bool, Decimal | None, Decimal | None]]:
    (table,) = read_published_text(text, name)
    return [(f.label, f.is_total, f.budget, f.executed) for f in table.funds]


def test_central_and_local_sources_of_a_transfer_are_its_fund_rows() -> None:
    assert _funds(TRANSFER, "transfer.txt") == [
        ("年度资金总额", True, Decimal(500), Decimal(480)),
        ("中央补助", False, Decimal(400), Decimal(400)),
        ("地方配套", False, Decimal(100), Decimal(100)),
    ]
    (table,) = read_published_text(TRANSFER, "transfer.txt")
    assert "JX-A03" in audit(table).codes()  # 400 + 100 = 500 executed, the total row says 480


def test_basic_and_project_spending_are_a_department_tables_fund_rows() -> None:
    assert _funds(WHOLE_DEPARTMENT, "department.txt") == [
        ("年度资金总额", True, Decimal(1200), Decimal(1140)),
        ("基本支出", False, Decimal(800), Decimal(800)),
        ("项目支出", False, Decimal(400), Decimal(340)),
    ]


def test_subtotal_rows_are_no_indicators() -> None:
    (table,) = read_published_text(WHOLE_DEPARTMENT, "department.txt")
    names = [i.name for i in table.indicators]
    assert names == ["家庭医生签约人数", "疫苗针对传染病报告发病率", "孕产妇系统管理率", "群众满意度"]
    assert table.group_weights == (
        ("产出指标", Decimal(50)),
        ("效益指标", Decimal(30)),
        ("满意度指标", Decimal(10)),
    )


def test_a_rate_per_population_is_a_number_with_its_unit() -> None:
    (table,) = read_published_text(WHOLE_DEPARTMENT, "department.txt")
    result = audit(table)
    assert "JX-A23" not in result.codes()
    rate = next(scored for scored in result.result.lines if "发病率" in scored.line.name)
    assert rate.score.value == Decimal("25.00")  # 3.2 of at most 5 per 100,000: met, full marks
    assert result.result.total == Decimal("99.50")
    assert set(result.codes()) == {"JX-A21"}  # the table agrees with itself: no arithmetic finding


_NO_TOTAL_ROW = """项目支出绩效自评表
（2022年度）
项目名称\t某县残疾人康复补助\t\t\t\t\t\t
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t50.00\t50.00\t50.00\t10\t100%\t10
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t康复补助人数\t≥300人\t312人\t50\t50\t
效益指标\t社会效益指标\t残疾人康复服务覆盖率\t≥85%\t88%\t30\t30\t
满意度指标\t服务对象满意度指标\t受助对象满意度\t≥90%\t95%\t10\t10\t
"""


def test_a_total_and_grade_stated_only_in_the_conclusion_are_read_there() -> None:
    text = _NO_TOTAL_ROW + "自评结论\t本项目2022年度自评得分99.5分，自评等级为优。\t\t\t\t\t\t\n"
    (table,) = read_published_text(text, "conclusion.txt")
    assert (table.total, table.grade) == (Decimal("99.5"), "优")
    assert table.where("total").line == 10
    codes = audit(table).codes()
    assert "JX-A01" in codes  # 10 + 90 = 100, not the 99.5 the sentence states
    (unstated,) = read_published_text(_NO_TOTAL_ROW, "unstated.txt")
    assert (unstated.total, unstated.grade) == (None, "")


def test_a_total_row_wins_over_the_conclusion_sentence() -> None:
    text = _NO_TOTAL_ROW + "总分\t\t\t\t\t100\t100\t\n" + "自评结论\t自评得分为98分，等级为良。\t\t\t\t\t\t\n"
    (table,) = read_published_text(text, "both.txt")
    assert table.total == Decimal(100)
    assert table.grade == "良"  # the table prints no grade of its own: the sentence's is the only one


def test_every_golden_lists_a_rescore_beside_a_quantitative_score_above_its_weight() -> None:
    # rules.md §6.3: a score never exceeds its weight, so by the rule a met row earns its weight; the
    # goldens of all selfeval sets list JX-A10 (how many points high) beside JX-A02 alike.
    above = []
    for golden in sorted(CORPUS.parent.glob("selfeval*/*/expected.json")):
        for table in json.loads(golden.read_text(encoding="utf-8"))["tables"]:
            for row in table.get("published", {}).get("indicators", []):
                weight, score = read_amount(row.get("weight") or ""), read_amount(row.get("score") or "")
                quantitative = any(c.isdigit() for c in row.get("target") or "")
                if weight is not None and score is not None and score > weight and quantitative:
                    above.append((golden.parent.name, "JX-A10" in table["findings"]))
    assert len(above) >= 3
    assert all(listed for _, listed in above), above
