"""`jixiao evaluate` on published self-evaluations: audited, explained, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.selfeval_fidelity import CORPUS
from typer.testing import CliRunner

from jixiao.cli import app
from tests.seed import SEED_PATH

runner = CliRunner()
CHIZHOU = CORPUS / "anhui-chizhou-tangxi-2022" / "document.xlsx"
HONGHE = CORPUS / "yunnan-honghe-shuju-2024" / "document.txt"
DAYING = CORPUS / "sichuan-daying-sifaju-2023" / "document.txt"


def test_a_published_table_is_scored_again_and_its_findings_listed() -> None:
    result = runner.invoke(app, ["evaluate", str(HONGHE)])
    assert result.exit_code == 0, result.output
    assert "“数说红河”展厅运维经费" in result.output
    assert "表中总分：88.92" in result.output and "97.92" in result.output
    assert "JX-A11" in result.output and f"{HONGHE}:" in result.output


def test_json_gives_published_computed_and_diagnostics() -> None:
    result = runner.invoke(app, ["evaluate", "--json", str(CHIZHOU), str(DAYING)])
    assert result.exit_code == 0, result.output
    start = result.output.index("[")
    tables = json.loads(result.output[start : result.output.rindex("]") + 1])
    assert [t["project"][:4] for t in tables] == ["镇级工程", "5109", "5109"]
    chizhou = tables[0]
    assert chizhou["published"]["budget_score"] == "0" and chizhou["published"]["total"] == "90"
    assert chizhou["published"]["funds"][1]["budget"] == "58.6"
    assert chizhou["budget"]["score"] == "10.00" and chizhou["total"] == "100.00" and chizhou["grade"] == "优"
    assert chizhou["difference"] == "-10"
    codes = {d["code"] for d in chizhou["diagnostics"]}
    assert {"JX-A03", "JX-A05", "JX-A11", "JX-A21"} == codes
    first = chizhou["diagnostics"][0]
    assert set(first) >= {"code", "severity", "message", "where", "kind", "basis", "suggestion"}
    assert first["where"].endswith("!Sheet1!C7")
    assert tables[1]["profile"] == "sichuan" and any(
        "510000" in c or "四川" in c for c in tables[1]["choices"]
    )


def test_a_target_table_is_named_and_pointed_to_review() -> None:
    result = runner.invoke(app, ["evaluate", str(SEED_PATH)])
    assert result.exit_code == 1
    assert "这是项目绩效目标表" in result.output and "jixiao review" in result.output


def test_an_asked_profile_is_used_and_named() -> None:
    result = runner.invoke(app, ["evaluate", "--json", "--profile", "legacy-80/50", str(HONGHE)])
    assert result.exit_code == 0, result.output
    tables = json.loads(result.output[result.output.index("[") : result.output.rindex("]") + 1])
    assert tables[0]["profile"] == "legacy-80/50" and "按要求" in tables[0]["choices"][0]


def test_outputs_are_refused_for_published_tables(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(HONGHE), "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert not (tmp_path / "x.xlsx").exists()


def test_a_file_with_no_table_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n今天讨论了预算。\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert "没有找到项目支出绩效自评表" in result.output


def test_a_filled_template_among_published_tables_is_sent_to_its_own_run(tmp_path: Path) -> None:
    template = tmp_path / "自评.xlsx"
    made = runner.invoke(
        app, ["evaluate-template", str(SEED_PATH), "--project", "白玉兰", "-o", str(template)]
    )
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["evaluate", str(template), str(HONGHE)])
    assert result.exit_code == 1
    assert "请单独评分" in result.output and "“数说红河”展厅运维经费" in result.output


def test_json_lists_the_files_that_hold_no_self_evaluation() -> None:
    result = runner.invoke(app, ["evaluate", "--json", str(SEED_PATH), str(HONGHE)])
    assert result.exit_code == 1
    entries = json.loads(result.output[result.output.index("[") : result.output.rindex("]") + 1])
    assert entries[0]["published"] is None and entries[0]["diagnostics"][0]["code"] == "JX-A00"
    assert "jixiao review" in entries[0]["diagnostics"][0]["message"]
    assert entries[1]["project"] == "“数说红河”展厅运维经费"


def test_a_table_read_without_its_indicators_carries_the_readers_reason(tmp_path: Path) -> None:
    from tests.readers.test_selfeval_unread import SCRAMBLED  # not confirmed: read without indicators

    path = tmp_path / "自评表.txt"
    path.write_text(SCRAMBLED, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--json", str(path)])
    (entry,) = json.loads(result.output[result.output.index("[") : result.output.rindex("]") + 1])
    assert entry["diagnostics"][0]["code"] == "JX-R04"
    assert entry["published"]["indicators"] == []


def test_a_file_not_read_gives_every_reason_the_reader_found(tmp_path: Path) -> None:
    from tests.readers.test_selfeval_unread import OCR_RUN

    path = tmp_path / "自评表.txt"
    path.write_text(OCR_RUN, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--json", str(path)])
    assert result.exit_code == 1
    (entry,) = json.loads(result.output[result.output.index("[") : result.output.rindex("]") + 1])
    assert [d["code"] for d in entry["diagnostics"]] == ["JX-R13", "JX-R09"]
