"""A self-evaluation that is not a grid (issue 12, selfeval_heldout8's first class), on texts of our own:
a 自评表 saved as comma-separated values, and a 自评报告 that writes each figure in a sentence named by its
label — read where every figure's role is stated, said with its line (JX-R32) where it is not."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.readers.selfeval_prose import FROM_SENTENCES, PROSE_UNREAD
from jixiao.readers.selfeval_published import read_published_path, read_published_text
from jixiao.scoring.audit import audit

CSV = """"项目支出绩效自评表",,,,,,,,
"项目名称","社区卫生服务补助",,,,,,,
"项目资金（万元）",,"年初预算数","全年预算数","全年执行数","分值","执行率","得分",
,"年度资金总额","60.00","60.00","57.00","10","95.00%","9.5"
,"其中：当年财政拨款","60.00","60.00","57.00","—","95.00%","—"
"一级指标","二级指标","三级指标","年度指标值","实际完成值","分值","得分","偏差原因分析及改进措施",
"产出指标","数量指标","家庭医生签约服务人数","≥5,000人","5,120人","40","40",
"效益指标","社会效益指标","慢病患者规范管理率","≥60%","63%","40","40",
"满意度指标","服务对象满意度指标","签约居民满意度","≥90%","91%","10","10",
"总分",,,,,"100","99.5",,
"""

PROSE = """某县水利局2023年度河道清淤项目支出绩效自评报告

二、预算执行情况（10分）
项目全年预算数80.00万元，全年执行数76.00万元，预算执行率95%，该项得分9.5分。

三、绩效指标完成情况（90分）
（一）产出指标（50分）
1.数量指标：清淤河道长度，年度指标值≥12,000米，实际完成值12,500米，分值30分，得分30分。
2.质量指标：清淤工程验收合格率，年度指标值100%，实际完成值100%，分值20分，自评得分20分。
（二）效益指标（30分）
1.社会效益指标：河道行洪能力，年度指标值明显提升，实际完成值达成年度指标，分值30分，得分30分。
（三）满意度指标（10分）
服务对象满意度指标：沿河群众满意度，年度指标值≥90%，实际完成值81%，分值10分，得分9分。偏差原因：施工期噪声影响。

四、自评结论
该项目自评得分为97.5分，自评等级为优。
"""


def test_a_table_saved_as_comma_separated_values_is_read_in_its_columns() -> None:
    (table,) = read_published_text(CSV, "table.csv")
    assert [(f.label, f.budget, f.executed, f.score) for f in table.funds] == [
        ("年度资金总额", Decimal("60.00"), Decimal("57.00"), Decimal("9.5")),
        ("当年财政拨款", Decimal("60.00"), Decimal("57.00"), None),
    ]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("家庭医生签约服务人数", "≥5,000人", "5,120人", Decimal(40), Decimal(40)),
        ("慢病患者规范管理率", "≥60%", "63%", Decimal(40), Decimal(40)),
        ("签约居民满意度", "≥90%", "91%", Decimal(10), Decimal(10)),
    ]
    assert table.total == Decimal("99.5")
    assert table.indicators[1].source.line == 8


def test_a_report_whose_sentences_name_every_figure_is_read_as_its_table(tmp_path: Path) -> None:
    (table,) = read_published_text(PROSE, "report.txt")
    assert (table.project, table.year) == ("河道清淤项目", 2023)
    (funds,) = table.funds
    assert (funds.budget, funds.executed, funds.weight, funds.rate, funds.score) == (
        Decimal("80.00"),
        Decimal("76.00"),
        Decimal(10),
        Decimal(95),
        Decimal("9.5"),
    )
    assert [(i.level1, i.name, i.weight, i.score) for i in table.indicators] == [
        ("产出指标", "清淤河道长度", Decimal(30), Decimal(30)),
        ("产出指标", "清淤工程验收合格率", Decimal(20), Decimal(20)),
        ("效益指标", "河道行洪能力", Decimal(30), Decimal(30)),
        ("满意度指标", "沿河群众满意度", Decimal(10), Decimal(9)),
    ]
    assert (table.indicators[0].target, table.indicators[0].actual) == ("≥12,000米", "12,500米")
    assert table.indicators[3].reason == "偏差原因：施工期噪声影响"
    assert table.indicators[0].source.line == 8  # each figure keeps the line of its sentence
    assert (table.total, table.grade) == (Decimal("97.5"), "优")
    result = audit(table)
    assert "JX-A01" in result.codes()  # 9.5 + 80 + 9 = 98.5, the conclusion states 97.5


def test_a_report_with_a_figure_no_label_names_is_unread_and_says_where(tmp_path: Path) -> None:
    unnamed = PROSE.replace("实际完成值12,500米，分值30分", "实际完成值12,500米，30分")
    path = tmp_path / "report.txt"
    path.write_text(unnamed, encoding="utf-8")
    tables, diagnostics = read_published_path(path)
    assert tables == []
    (why,) = [d for d in diagnostics if d.code == PROSE_UNREAD]
    assert why.source.line == 8
    assert "无法确定每个数字的作用" in why.message


def test_a_report_read_from_its_sentences_says_so_where_a_table_does_not(tmp_path: Path) -> None:
    report, table = tmp_path / "report.txt", tmp_path / "table.csv"
    report.write_text(PROSE, encoding="utf-8")
    table.write_text(CSV, encoding="utf-8")
    (_table,), notes = read_published_path(report)
    (note,) = [d for d in notes if d.code == FROM_SENTENCES]
    assert note.source.line == 8  # the first indicator sentence
    result = CliRunner().invoke(app, ["evaluate", "--json", str(report)])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.output)
    assert [d["code"] for d in entry["diagnostics"]][:1] == [FROM_SENTENCES]
    _, csv_notes = read_published_path(table)
    assert FROM_SENTENCES not in {d.code for d in csv_notes}


def test_a_quoted_cell_may_break_over_two_lines_of_a_csv() -> None:
    broken = CSV.replace(
        '"满意度指标","服务对象满意度指标","签约居民满意度","≥90%","91%","10","10",',
        '"满意度指标","服务对象满意度指标","签约居民满意度","≥90%","91%","10","10","回访\n覆盖全部签约户"',
    )
    (table,) = read_published_text(broken, "table.csv")
    assert table.indicators[2].reason == "回访 覆盖全部签约户"
    assert table.total == Decimal("99.5")
    assert table.where("total").line == 11  # the 总分 row, one line further down
