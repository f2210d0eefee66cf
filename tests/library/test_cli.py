"""`jixiao library build|show|suggest`, on the seed, from files and from a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from jixiao.cli import app
from tests.library.tables import table
from tests.seed import SEED_PATH

runner = CliRunner()


def _build(tmp_path: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["library", "build", *args, "-o", str(tmp_path / "lib.json"), "--json"])
    assert result.exit_code == 0, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def test_build_show_suggest_on_the_seed(tmp_path: Path) -> None:
    summary = _build(tmp_path, str(SEED_PATH))
    assert (summary["tables_added"], summary["tables"]) == (17, 17)
    assert summary["entries"] == summary["new_entries"] > 50
    lib = str(tmp_path / "lib.json")
    shown = runner.invoke(app, ["library", "show", "预算控制数", "-l", lib, "--json"])
    assert shown.exit_code == 0, shown.output
    entry = json.loads(shown.stdout)
    assert entry["status"] == "draft" and entry["direction_label"] == "反向"
    assert entry["provenance"]["tables"] == 14
    assert entry["provenance"]["values"][0]["median"] == "204000"
    assert entry["provenance"]["values"][0]["sources"]["min"].startswith(str(SEED_PATH))
    by_code = runner.invoke(app, ["library", "show", entry["code"], "-l", lib])
    assert by_code.exit_code == 0 and "预算控制数" in by_code.stdout and "反向" in by_code.stdout
    suggested = runner.invoke(app, ["library", "suggest", "满意度", "-l", lib, "--json"])
    assert suggested.exit_code == 0, suggested.output
    names = [s["name"] for s in json.loads(suggested.stdout)]
    assert names and all("满意度" in name for name in names[:3])
    first = json.loads(suggested.stdout)[0]
    assert first["typical_value"] and "张表使用" in first["reason"]


def test_suggest_prefers_the_level2_asked_for_and_the_same_measure(tmp_path: Path) -> None:
    rows = """
 | 产出指标 | 数量指标 | 培训人次 | ≥300人次 | ≥300人次
 |  |  | 培训次数 | ≥4次 | ≥4次
 | 效益指标 | 社会效益 | 年均培训人次 | ≥200人次 | ≥200人次
"""
    (tmp_path / "a.txt").write_text(table(rows), encoding="utf-8")
    _build(tmp_path, str(tmp_path / "a.txt"))
    result = runner.invoke(
        app,
        [
            "library",
            "suggest",
            "培训人次",
            "--level2",
            "数量指标",
            "-l",
            str(tmp_path / "lib.json"),
            "--json",
        ],
    )
    found = json.loads(result.stdout)
    assert [s["name"] for s in found][:1] == ["培训人次"]
    assert found[0]["typical_value"] == "≥300人次"
    assert "1 个单位的 1 张表使用，目标值中位数 ≥300人次" in found[0]["reason"]
    assert [s["name"] for s in found].index("培训次数") > [s["name"] for s in found].index("年均培训人次")


def test_build_again_only_adds(tmp_path: Path) -> None:
    _build(tmp_path, str(SEED_PATH))
    again = _build(tmp_path, str(SEED_PATH))
    assert (again["tables_added"], again["tables_skipped"], again["new_entries"]) == (0, 17, 0)


def test_build_from_a_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite'}"
    imported = runner.invoke(app, ["import", str(SEED_PATH), "--db", url, "--published", "--json"])
    assert imported.exit_code == 0, imported.output
    summary = _build(tmp_path, "--db", url)
    assert summary["tables_added"] == 17
    shown = runner.invoke(app, ["library", "show", "预算控制数", "-l", str(tmp_path / "lib.json"), "--json"])
    assert json.loads(shown.stdout)["provenance"]["sources"][0].startswith("table:")


def test_usage_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["library", "build", "-o", str(tmp_path / "x.json")]).exit_code == 2
    missing = runner.invoke(
        app, ["library", "build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.json")]
    )
    assert missing.exit_code == 2
    no_library = runner.invoke(app, ["library", "show", "预算控制数", "-l", str(tmp_path / "none.json")])
    assert no_library.exit_code == 2 and "不存在" in no_library.output
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    bad = runner.invoke(app, ["library", "suggest", "x", "-l", str(tmp_path / "bad.json")])
    assert bad.exit_code == 2 and "不是 jixiao 指标库文件" in bad.output


def test_list_filters_conflicts_and_merged_groups(tmp_path: Path) -> None:
    rows = """
 | 产出指标 | 数量指标 | 工作任务完成率 | 100% | 100%
 |  |  | 培训场次 | 4场 | 4场
 |  |  | 开展培训场次 | 4场 | 4场
 |  | 时效指标 | 工作任务完成率 | 100% | 100%
"""
    (tmp_path / "a.txt").write_text(table(rows), encoding="utf-8")
    _build(tmp_path, str(tmp_path / "a.txt"))
    lib = str(tmp_path / "lib.json")
    conflicts = json.loads(runner.invoke(app, ["library", "list", "--conflicts", "-l", lib, "--json"]).stdout)
    assert [e["name"] for e in conflicts["entries"]] == ["工作任务完成率"]
    merged = json.loads(runner.invoke(app, ["library", "list", "--merged", "-l", lib, "--json"]).stdout)
    assert [len(e["members"]) for e in merged["entries"]] == [2]
    listed = runner.invoke(app, ["library", "list", "--level2", "时效", "-l", lib, "--json"])
    assert [e["name"] for e in json.loads(listed.stdout)["entries"]] == ["工作任务完成率"]
    assert runner.invoke(app, ["library", "list", "-l", lib]).exit_code == 0


def test_the_library_in_a_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite'}"
    imported = runner.invoke(app, ["import", str(SEED_PATH), "--db", url, "--published", "--json"])
    assert imported.exit_code == 0, imported.output
    built = runner.invoke(app, ["library", "build", "--db", url, "--json"])
    assert built.exit_code == 0, built.output
    summary = json.loads(built.stdout)
    assert summary["database"] and summary["tables_added"] == 17 and summary["new_entries"] > 50
    again = json.loads(runner.invoke(app, ["library", "build", "--db", url, "--json"]).stdout)
    assert again["tables_added"] == 0 and again["new_entries"] == 0
    listed = json.loads(runner.invoke(app, ["library", "list", "--db", url, "-q", "满意度", "--json"]).stdout)
    assert listed["total"] >= 3 and listed["entries"][0]["status"] == "draft"
    shown = runner.invoke(app, ["library", "show", "预算控制数", "--db", url, "--json"])
    entry = json.loads(shown.stdout)
    assert entry["name"] == "预算控制数" and entry["tables_using_total"] == 14
    assert "预算控制数" in runner.invoke(app, ["library", "show", entry["code"], "--db", url]).stdout
    offered = json.loads(runner.invoke(app, ["library", "suggest", "满意度", "--db", url, "--json"]).stdout)
    assert offered and offered[0]["reason"]
    project = runner.invoke(
        app, ["library", "suggest", "", "--project", "购买社工岗位服务经费", "--db", url, "--json"]
    )
    assert json.loads(project.stdout) and "类项目使用" in json.loads(project.stdout)[0]["reason"]
    for suffix in ("json", "csv", "xlsx"):
        exported = runner.invoke(
            app, ["library", "export", "--db", url, "-o", str(tmp_path / f"lib.{suffix}")]
        )
        assert exported.exit_code == 0, exported.output
    assert (
        runner.invoke(app, ["library", "export", "--db", url, "-o", str(tmp_path / "lib.pdf")]).exit_code == 2
    )
    reviewed = runner.invoke(app, ["review", str(SEED_PATH), "--db", url, "--json"])
    assert all(r["peer_review"] == "done" for r in json.loads(reviewed.stdout))
    alone = runner.invoke(app, ["review", str(SEED_PATH), "--json"])
    assert all(r["peer_review"] == "not_run" for r in json.loads(alone.stdout))
    assert "未做同行比较" in runner.invoke(app, ["review", str(SEED_PATH)]).output


def test_review_with_the_database_before_and_after_a_build(sqlite_url: str, tmp_path: Path) -> None:
    from jixiao.service import Service
    from tests.review.tabletext import row
    from tests.review.tabletext import table as peer_format
    from tests.review.test_peers import PEER_ROWS, SATISFACTION, _peer_table

    service = Service(sqlite_url)
    for n, value in enumerate(("85", "90", "95", "90", "88", "92")):
        path = tmp_path / f"peer{n}.txt"
        path.write_text(_peer_table(f"东莞市第{n}单位", value), encoding="utf-8")
        assert service.import_path(path, published=True).created == 1
    low = tmp_path / "low.txt"
    low.write_text(peer_format(PEER_ROWS.replace(SATISFACTION, "学员满意度 | ≥60% | ≥60%")), encoding="utf-8")

    before = runner.invoke(app, ["review", str(low), "--db", sqlite_url, "--json"])
    [item] = json.loads(before.stdout)
    assert item["peer_review"] == "not_run" and "指标库尚未构建" in item["peer_review_note"]
    assert "指标库尚未构建" in runner.invoke(app, ["review", str(low), "--db", sqlite_url]).output

    assert runner.invoke(app, ["library", "build", "--db", sqlite_url]).exit_code == 0
    after = runner.invoke(app, ["review", str(low), "--db", sqlite_url, "--json"])
    [item] = json.loads(after.stdout)
    assert item["peer_review"] == "done"
    assert [(f["rule"], f["line"]) for f in item["peer_findings"]] == [("JX-E01", row(7))]  # 学员满意度
    assert "6 个单位的 6 张表" in item["peer_findings"][0]["message"]

    late = tmp_path / "late.txt"
    late.write_text(_peer_table("东莞市第9单位", "91"), encoding="utf-8")
    imported = runner.invoke(app, ["import", str(late), "--db", sqlite_url, "--published"])
    assert imported.exit_code == 0, imported.output  # the import does not build the library, it says so
    assert "上次构建后又有 1 张表公开" in imported.output and "jixiao library build --db" in imported.output
