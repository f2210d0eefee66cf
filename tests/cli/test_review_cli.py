"""`jixiao review` and `jixiao rules` as a user runs them: output, JSON, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.review import RULES
from jixiao.review.report import catalogue_markdown

SEED = Path(__file__).parent.parent / "corpus" / "dongguan_fulian_2025.txt"
runner = CliRunner()

CLEAN = """项目绩效目标表
项目名称\t妇女干部培训经费
项目类型\t其他特定目标类（部门职能类）
项目等级\t二级项目
主管部门\t东莞市妇女联合会
用款单位\t东莞市妇女联合会
实施周期\t起始年度\t2025\t到期年度\t2025
2025年预算金额(元)\t100,000.00
总体绩效目标\t实施周期总目标
\t举办妇女干部培训班2期。
\t2025年度目标
\t举办妇女干部培训班2期。
绩效指标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值
\t成本指标\t经济成本指标\t预算控制数\t≤100000元\t≤100000元
\t产出指标\t数量指标\t举办培训班\t≥2期\t≥2期
\t\t质量指标\t培训出勤率\t≥95%\t≥95%
\t\t时效指标\t培训完成时间\t2025年12月\t2025年12月
\t效益指标\t社会效益\t培训人次\t≥300人次\t≥300人次
\t满意度指标\t服务对象满意度\t学员满意度\t≥90%\t≥90%
"""


def test_review_of_the_seed_lists_findings_by_file_and_line_and_exits_1() -> None:
    result = runner.invoke(app, ["review", str(SEED)])
    assert result.exit_code == 1
    assert f"{SEED}:52: JX-G01 错误 " in result.output
    assert f"{SEED}:389: JX-B01 错误 " in result.output
    assert "审核汇总" in result.output and "共17张表" in result.output


def test_min_severity_hides_lesser_findings() -> None:
    result = runner.invoke(app, ["review", str(SEED), "--min-severity", "error"])
    lines = [line for line in result.output.splitlines() if ": JX-" in line]
    assert lines and all(" 错误 " in line for line in lines)
    assert len(lines) == 2


def test_json_is_one_object_per_table() -> None:
    result = runner.invoke(app, ["review", str(SEED), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert len(data) == 17
    second = data[1]
    assert second["project"] == "购买白玉兰家庭服务项目" and second["outcome"] == "中"
    goal = next(f for f in second["findings"] if f["rule"] == "JX-G01")
    assert goal["severity"] == "error" and goal["line"] == 52 and goal["indicator"] == "社区活动数(场次)"
    assert goal["basis"] and goal["suggestion"] and goal["message"]
    assert {f["severity"] for t in data for f in t["findings"]} == {"error", "warning", "info"}


def test_a_clean_table_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 0, result.output
    assert "审核结果：优" in result.output


def test_a_missing_file_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert "文件不存在" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["review", str(SEED), "--profile", "nowhere"]).exit_code == 2
    assert runner.invoke(app, ["review", str(SEED), "--min-severity", "loud"]).exit_code == 2


def test_legacy_profile_changes_the_findings() -> None:
    result = runner.invoke(app, ["review", str(SEED), "--profile", "legacy-2015", "--json"])
    data = json.loads(result.output)
    assert data[0]["profile"] == "legacy-2015"
    assert any(f["rule"] == "JX-S05" for f in data[0]["findings"])


def test_rules_lists_the_catalogue() -> None:
    result = runner.invoke(app, ["rules", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [r["id"] for r in data] == [r.id for r in RULES]
    assert runner.invoke(app, ["rules", "--markdown"]).output == catalogue_markdown()
    assert "JX-B01" in runner.invoke(app, ["rules"]).output
