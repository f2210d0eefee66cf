"""The classes of the ninth held-out set (tests/corpus/selfeval_heldout9), on tables of our own.

1. An 执行率 printed as an unformatted fraction (``0.9625`` for 96.25%) is read as the percentage where the
   row's own amounts confirm it (154 ÷ 160 = 0.9625); where they do not, the figure stays as printed and
   JX-A04 says so.
2. A total and a grade printed on a line under a table with no 总分 row (``自评得分：95.5分　　自评等级：优``)
   are its published total and grade; a 总分 row of the table wins over the line.
3. A 部门整体 table printing its money by income (按收入性质分：财政拨款, 其他资金) and by expenditure
   (按支出性质分：基本支出, 项目支出): both groups are read, each must sum to the total on its own (JX-A03),
   and the budget score comes from one breakdown, never from both added together.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit


def _road_table(total_rate: str, source_rate: str) -> str:
    return f"""项目支出绩效自评表
（2022年度）
项目名称\t某镇农村公路养护\t\t\t\t\t\t
主管部门\t某区交通运输局\t\t实施单位\t某镇人民政府\t\t\t
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t160\t160\t154\t10\t{total_rate}\t9.63
\t其中：当年财政拨款\t160\t160\t154\t—\t{source_rate}\t—
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t养护农村公路里程\t≥42公里\t42公里\t30\t30\t
\t质量指标\t路面技术状况优良率\t≥80%\t83%\t20\t20\t
效益指标\t社会效益指标\t群众出行条件\t明显改善\t明显改善\t30\t30\t
满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\t93%\t10\t10\t
总分\t\t\t\t\t100\t99.63\t
"""


def test_a_fraction_the_amounts_confirm_is_read_as_a_percentage() -> None:
    (table,) = read_published_text(_road_table("0.9625", "0.9625"), "road.txt")
    assert [f.rate for f in table.funds] == [Decimal("96.25"), Decimal("96.25")]
    assert "JX-A04" not in audit(table).codes()


def test_a_fraction_the_amounts_do_not_confirm_is_kept_and_flagged() -> None:
    (table,) = read_published_text(_road_table("0.85", "96.25%"), "road.txt")
    assert [f.rate for f in table.funds] == [Decimal("0.85"), Decimal("96.25")]
    assert "JX-A04" in audit(table).codes()


def _training_table(footer: str) -> str:
    return f"""项目支出绩效自评表
（2022年度）
项目名称\t某县教师培训经费\t\t\t\t\t\t
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t50\t50\t45\t10\t90%\t9
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t培训教师人次\t≥600人次\t612人次\t40\t40\t
效益指标\t社会效益指标\t教师教学能力\t有效提升\t有效提升\t40\t40\t
满意度指标\t服务对象满意度指标\t参训教师满意度\t≥90%\t88%\t10\t9.5\t问卷回收偏少
{footer}
"""


def test_a_total_and_grade_on_a_line_under_the_table_are_read() -> None:
    (table,) = read_published_text(_training_table("自评得分：98.5分　　自评等级：优"), "training.txt")
    assert (table.total, table.grade) == (Decimal("98.5"), "优")
    assert {name for name, _ in table.cells} >= {"total", "grade"}


def test_a_total_row_wins_over_the_line_under_it() -> None:
    footer = "总分\t\t\t\t\t100\t98.5\t\n自评得分：97分　　自评等级：良"
    (table,) = read_published_text(_training_table(footer), "training.txt")
    assert (table.total, table.grade) == (Decimal("98.5"), "良")


def _department_table(project_executed: str) -> str:
    return f"""部门整体支出绩效自评表
（2022年度）
部门（单位）名称\t某区疾病预防控制中心\t\t\t\t\t\t
年度预算资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t900.00\t1000.00\t980.00\t10\t98%\t9.8
\t按收入性质分：财政拨款\t900.00\t1000.00\t980.00\t—\t\t—
\t其他资金\t\t\t\t—\t\t—
\t按支出性质分：基本支出\t600.00\t640.00\t640.00\t—\t\t—
\t项目支出\t300.00\t360.00\t{project_executed}\t—\t\t—
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t免疫规划疫苗接种人次\t≥5万人次\t5.2万人次\t40\t40\t
效益指标\t社会效益指标\t甲乙类传染病报告发病率\t≤200/10万\t180/10万\t40\t40\t
满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10\t
总分\t\t\t\t\t100\t99.8\t
"""


def test_income_and_expenditure_breakdowns_are_two_views_of_one_total() -> None:
    (table,) = read_published_text(_department_table("340.00"), "department.txt")
    assert [(f.label, f.budget, f.executed) for f in table.funds] == [
        ("年度资金总额", Decimal(1000), Decimal(980)),
        ("财政拨款", Decimal(1000), Decimal(980)),
        ("其他资金", None, None),
        ("基本支出", Decimal(640), Decimal(640)),
        ("项目支出", Decimal(360), Decimal(340)),
    ]
    report = audit(table)
    assert not {"JX-A03", "JX-A05", "JX-A11"} & set(report.codes())
    assert report.result.total == Decimal("99.80")


def test_a_breakdown_that_does_not_sum_to_the_total_is_flagged() -> None:
    (table,) = read_published_text(_department_table("330.00"), "department.txt")
    findings = [d for d in audit(table).diagnostics if d.code == "JX-A03"]
    assert len(findings) == 1 and "970" in findings[0].message
