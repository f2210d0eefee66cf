"""Rows of a 自评表 whose text lost its columns (a PDF's text flattened, one cell per line) and whose
cells do not sit with certainty under their header (issue 12: no arithmetic finding on a table whose
numbers agree). Such a row is said with its line (JX-R34) and no finding rests on its figures; rows
read in their columns are audited as before. Texts of our own, in the flattened form."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.readers.selfeval_published import read_published_path, read_published_text
from jixiao.readers.selfeval_unsure import UNSURE_COLUMNS
from jixiao.scoring.audit import audit

# The header names 分值 before 执行率 while the rows print 执行率 first (the header's wrapped words
# put back in the template's order): the row's own figures agree (48 ÷ 50 = 96 %, × 10 = 9.6).
RATE_FIRST = """项目支出绩效自评表
项目名称 乡村公路日常养护
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 50.00 50.00 48.00 96% 10 9.6
其中：当年财政拨款 50.00 50.00 48.00 96% — —
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标 数量指标 养护农村公路里程 ≥300公里 310公里 40 40
质量指标 公路养护合格率 ≥95% 96% 10 10
效益指标 社会效益指标 群众出行条件 明显改善 明显改善 30 30
满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 93% 10 10
总分 100 99.6
"""


def test_a_fund_row_read_out_of_its_columns_raises_no_arithmetic_finding(tmp_path: Path) -> None:
    (table,) = read_published_text(RATE_FIRST, "t.txt")
    total = table.total_row
    assert total is not None and "96%" in total.unsure
    assert (total.weight, total.rate) == (Decimal(96), Decimal(10))  # read as the header says, kept
    codes = audit(table).codes()
    assert not {"JX-A04", "JX-A05", "JX-A06", "JX-A11"} & set(codes), codes
    # the same figures taken as certain give the findings the misplaced columns make up
    certain = replace(table, funds=tuple(replace(f, unsure="") for f in table.funds))
    assert {"JX-A04", "JX-A05", "JX-A06"} <= set(audit(certain).codes())
    path = tmp_path / "t.txt"
    path.write_text(RATE_FIRST, encoding="utf-8")
    _tables, problems = read_published_path(path)
    said = [p for p in problems if p.code == UNSURE_COLUMNS]
    assert [p.source.line for p in said] == [4, 5], said
    assert "第4行" in said[0].message and "96%" in said[0].message
    output = CliRunner().invoke(app, ["evaluate", "--json", str(path)]).output
    (entry,) = json.loads(output[output.index("[") : output.rindex("]") + 1])
    codes = [d["code"] for d in entry["diagnostics"]]
    assert codes.count(UNSURE_COLUMNS) == 2 and not {"JX-A04", "JX-A05", "JX-A06"} & set(codes), codes


def test_an_indicator_whose_name_is_a_figure_is_said_and_not_audited() -> None:
    # 质量指标's row lost its name's line: its first cell after the 二级 is the target
    text = RATE_FIRST.replace("96% 10 9.6", "10 96% 9.6").replace("96% — —", "— 96% —")
    text = text.replace("质量指标 公路养护合格率 ≥95% 96% 10 10", "质量指标 ≥95% 96% 10 6")
    (table,) = read_published_text(text, "t.txt")
    assert not any(f.unsure for f in table.funds)
    unsure = [i for i in table.indicators if i.unsure]
    assert [i.source.line for i in unsure] == [8] and "≥95%" in unsure[0].unsure
    codes = audit(table).codes()
    assert not {"JX-A01", "JX-A10", "JX-A11", "JX-A24"} & set(codes), codes


def test_rows_read_in_their_columns_are_audited_as_before() -> None:
    text = RATE_FIRST.replace("96% 10 9.6", "10 96% 9.6").replace("96% — —", "— 96% —")
    text = text.replace("≥90% 93% 10 10", "≥90% 93% 10 8").replace("总分 100 99.6", "总分 100 97.6")
    (table,) = read_published_text(text, "t.txt")
    assert not any(i.unsure for i in table.indicators) and not any(f.unsure for f in table.funds)
    codes = audit(table).codes()
    assert {"JX-A10", "JX-A11", "JX-A24"} <= set(codes), codes  # a met target marked down, no reason


def test_the_forms_own_note_wrapped_over_lines_is_no_unfilled_instruction() -> None:
    fixed = RATE_FIRST.replace("96% 10 9.6", "10 96% 9.6").replace("96% — —", "— 96% —")
    note = "注：1.预算执行率=全年执行数/全年预算数，预算执行率未达到90%的需说明\n"
    wrapped = note + "原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由。\n"
    (table,) = read_published_text(fixed + wrapped, "t.txt")
    assert "JX-A26" not in audit(table).codes()
    unfilled = fixed + "评价结论\n结合自评情况，对项目绩效作出评价(200字以内)\n"
    (table,) = read_published_text(unfilled, "t.txt")
    assert "JX-A26" in audit(table).codes()


# The 得分 header wrapped over three lines (``得`` / … / ``分``) so the reader knows 分值 (权重) but no
# 得分 column, while the table prints its total (合计 100 100): the rows' scores were lost, not absent.
SCORE_HEADER_LOST = """项目支出绩效自评表
项目名称 村级组织运转经费
预算执 预算执行
预算执行情况(10分) 年度预算数(万元) 年初预算 调整后预算数 权重 得分 原因
行数 率
总额 310.50 322.80 322.80 100.00% 10 10
未完成
指标性 度量 得
绩效指标(90分) 一级指标 二级指标 三级指标 指标值 完成值 权重 原因分
质 单位 分
析
产出指标 数量指标 保障村(社区)数量 = 9 个 9 30 30
时效指标 报酬按月发放率 = 100 % 100 20 20
质量指标 经费使用合规性 定性 合规 合规 20 20
效益指标 社会效益指标 基层组织运转保障 定性 有效保障 正常运转 10 10
满意度指标 服务对象满意度指标 村(社区)干部满意度 ≥ 90 % 95 10 10
合计 100 100
"""


def test_rows_with_points_but_no_score_under_a_printed_total_are_unsure_and_raise_no_rescore() -> None:
    (table,) = read_published_text(SCORE_HEADER_LOST, "t.txt")
    assert table.total is not None and not any(i.score is not None for i in table.indicators)
    assert table.indicators and all(i.unsure for i in table.indicators)
    assert "JX-A11" not in audit(table).codes()
    # the same rows taken as certain: the lost scores count 0 and the total looks 30 points too high
    certain = replace(table, indicators=tuple(replace(i, unsure="") for i in table.indicators))
    assert "JX-A11" in audit(certain).codes()
