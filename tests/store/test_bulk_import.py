"""`jixiao import` of collections: directories, zip archives, manifests, re-runs, ``--jobs``, reports."""

from __future__ import annotations

import csv
import json
import os
import signal
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner, Result

from jixiao.cli import app
from jixiao.readers.collection import count_files, iter_files, unsafe_member
from jixiao.readers.limits import UploadLimits
from jixiao.service import Service
from jixiao.service.bulk_workers import DIED_MESSAGE, ReaderPool, Task
from jixiao.store.db import get_engine
from jixiao.store.schema import audit_log, findings, imported_files, indicators, perf_tables
from tests.seed import seed_text

runner = CliRunner()


def _blocks() -> list[str]:
    """The seed cut into its 17 tables, one text each."""
    parts = seed_text().split("\n项目绩效目标表\n")
    return ["项目绩效目标表\n" + part for part in parts[1:]]


def _collection(root: Path) -> Path:
    """Six files of three (or two) tables in nested folders, an empty file, and a file to ignore."""
    blocks = _blocks()
    for n in range(6):
        folder = root / f"部门{n % 2}" / ("子目录" if n >= 4 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"表{n}.txt").write_text("\n\n".join(blocks[3 * n : 3 * n + 3]) + "\n", encoding="utf-8")
    (root / "部门1" / "空文件.txt").write_text("")
    (root / "说明.md").write_text("不是绩效目标表")
    return root


def _import(*args: str) -> Result:
    return runner.invoke(app, ["import", *args, "--json"])


def _files(result: Result) -> list[dict[str, Any]]:
    return list(json.loads(result.stdout))


def _stored(url: str) -> dict[str, Any]:
    """What the database holds, ids and time stamps aside: tables, indicators, findings by identity."""
    with get_engine(url).connect() as conn:
        identity = {
            row.id: row.identity for row in conn.execute(select(perf_tables.c.id, perf_tables.c.identity))
        }
        tables = sorted(
            (
                row.identity,
                row.name,
                row.status,
                row.current_version,
                row.outcome,
                row.errors,
                row.warnings,
                row.risk,
            )
            for row in conn.execute(select(perf_tables))
        )
        stored_indicators = sorted(
            (
                identity[row.table_id],
                row.position,
                row.level1,
                row.level2,
                row.name,
                row.period_raw,
                row.annual_raw,
            )
            for row in conn.execute(select(indicators))
        )
        stored_findings = sorted(
            (identity[row.table_id], row.code, row.severity, row.message, row.indicator or "")
            for row in conn.execute(select(findings))
        )
    return {"tables": tables, "indicators": stored_indicators, "findings": stored_findings}


def test_a_directory_with_a_bad_file_imports_the_rest_and_a_rerun_skips_them(
    db_url: str, tmp_path: Path
) -> None:
    root = _collection(tmp_path / "收集")
    report_json, report_csv = tmp_path / "报告.json", tmp_path / "报告.csv"
    first = _import(
        str(root), "--db", db_url, "--report-json", str(report_json), "--report-csv", str(report_csv)
    )
    assert first.exit_code == 1, first.output  # one file refused
    files = _files(first)
    assert len(files) == 7  # the .md file is not a table file
    by_status = {f["file"].rsplit("/", 1)[-1]: f["status"] for f in files}
    assert by_status.pop("空文件.txt") == "refused"
    assert set(by_status.values()) == {"imported"}
    refused = next(f for f in files if f["status"] == "refused")
    assert "空" in refused["reason"] and refused["problems"]
    assert sum(f["created"] for f in files) == 17
    assert "Traceback" not in first.output
    saved = json.loads(report_json.read_text(encoding="utf-8"))
    assert saved["summary"]["imported"] == 6 and saved["summary"]["refused"] == 1
    assert len(saved["files"]) == 7
    rows = list(csv.reader(report_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["文件", "结果", "原因"] and {r[1] for r in rows[1:]} == {"已导入", "已拒绝"}
    with get_engine(db_url).connect() as conn:
        assert len(conn.execute(select(imported_files)).all()) == 6
        assert len(conn.execute(select(audit_log).where(audit_log.c.action == "import")).all()) == 17
    before = _stored(db_url)

    again = _import(str(root), "--db", db_url)
    files = _files(again)
    assert [f["status"] for f in files].count("unchanged") == 6
    assert all("跳过" in f["reason"] for f in files if f["status"] == "unchanged")
    assert sum(f["unchanged"] for f in files) == 17 and sum(f["created"] + f["updated"] for f in files) == 0
    assert _stored(db_url) == before


def test_jobs_2_stores_what_jobs_1_stores(db_url: str, tmp_path: Path, sqlite_url: str) -> None:
    root = _collection(tmp_path / "收集")
    (root / "部门0" / "同名表的新版本.txt").write_text(_blocks()[0].replace("2000", "3000"), encoding="utf-8")
    one = _import(str(root), "--db", sqlite_url, "--jobs", "1", "--published")
    two = _import(str(root), "--db", db_url, "--jobs", "2", "--published")
    assert [f["file"] for f in _files(one)] == [f["file"] for f in _files(two)]  # reported in input order
    assert _stored(sqlite_url) == _stored(db_url)
    assert len(_stored(db_url)["findings"]) > 0


def test_a_zip_archive_is_read_member_by_member(sqlite_url: str, tmp_path: Path) -> None:
    archive = tmp_path / "公开.zip"
    blocks = _blocks()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("2025/甲.txt", "\n\n".join(blocks[:9]))
        zipped.writestr("2025/乙.txt", "\n\n".join(blocks[9:]))
        zipped.writestr("../逃逸.txt", blocks[0])
        zipped.writestr("内层.zip", b"PK\x05\x06" + bytes(18))
        zipped.writestr("readme.md", "ignored")
    result = _import(str(archive), "--db", sqlite_url)
    files = {f["file"].rsplit(":", 1)[-1]: f for f in _files(result)}
    assert set(files) == {"2025/甲.txt", "2025/乙.txt", "../逃逸.txt", "内层.zip"}
    assert files["2025/甲.txt"]["created"] + files["2025/乙.txt"]["created"] == 17
    assert "不安全" in files["../逃逸.txt"]["reason"] and "嵌套" in files["内层.zip"]["reason"]
    assert result.exit_code == 1


def test_a_zip_past_the_limits_is_refused_with_the_reason(tmp_path: Path) -> None:
    archive = tmp_path / "多.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for n in range(5):
            zipped.writestr(f"{n}.txt", "表" * 1000)
    few = list(iter_files([archive], limits=UploadLimits(max_zip_entries=3)))
    assert len(few) == 1 and few[0].problem and "过多" in few[0].problem
    small = list(iter_files([archive], limits=UploadLimits(max_unpacked_bytes=7000)))
    assert [item.problem is None for item in small] == [True, True, False, False, False]
    assert small[2].problem and "解压后合计超过" in small[2].problem
    one_file = list(iter_files([archive], limits=UploadLimits(max_bytes=2000)))
    assert all(item.problem and "太大" in item.problem for item in one_file)
    assert unsafe_member("/etc/passwd") and unsafe_member("a/../../b") and unsafe_member("C:\\x")
    assert not unsafe_member("a/b..c.txt")


def test_a_manifest_lists_files_folders_and_refuses_addresses(sqlite_url: str, tmp_path: Path) -> None:
    _collection(tmp_path / "收集")
    manifest = tmp_path / "清单.lst"
    manifest.write_text(
        "# 2025 年公开的表\n收集/部门0\n\n收集/部门1/表1.txt\nhttps://example.org/表.xlsx\n收集/没有这个文件.txt\n",
        encoding="utf-8",
    )
    assert count_files([], [manifest]) == 6
    result = _import("--manifest", str(manifest), "--db", sqlite_url)
    files = _files(result)
    statuses = [f["status"] for f in files]
    assert statuses.count("imported") == 4 and statuses.count("refused") == 2
    reasons = " ".join(f["reason"] for f in files)
    assert "网址" in reasons and "不存在" in reasons
    assert result.exit_code == 1


def test_a_renamed_copy_of_an_imported_file_is_skipped(sqlite_url: str, tmp_path: Path) -> None:
    first, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(seed_text(), encoding="utf-8")
    copy.write_text(seed_text(), encoding="utf-8")
    assert _import(str(first), "--db", sqlite_url).exit_code == 0
    skipped = _files(_import(str(copy), "--db", sqlite_url))[0]
    assert skipped["status"] == "unchanged" and "a.txt" in skipped["reason"] and skipped["unchanged"] == 17


def test_the_import_needs_something_to_import(sqlite_url: str) -> None:
    result = runner.invoke(app, ["import", "--db", sqlite_url])
    assert result.exit_code == 2 and "清单" in result.output


def test_a_worker_that_dies_is_replaced_and_its_file_refused() -> None:
    data = seed_text().encode("utf-8")
    with ReaderPool(1) as pool:
        pool.submit(Task(0, "被中断.txt", data))
        os.kill(pool.workers[0].process.pid, signal.SIGKILL)
        pool.submit(Task(1, "正常.txt", data))
        answers: dict[int, Any] = {}
        for _ in range(200):
            answers.update(pool.results(timeout=0.5))
            if len(answers) == 2:
                break
        assert pool.replaced == 1
    assert answers[0].problems[0].message == DIED_MESSAGE
    assert answers[1].ok and len(answers[1].tables) == 17


def test_a_file_past_its_time_is_stopped_and_the_next_one_read() -> None:
    small = seed_text().encode("utf-8")
    slow = "\n\n".join([seed_text()] * 20).encode("utf-8")  # 340 tables: far more than 0.01 s
    answers: dict[int, Any] = {}
    with ReaderPool(1, UploadLimits(parse_seconds=0.01)) as pool:
        pool.submit(Task(0, "预热.txt", small))  # a fresh worker's first file waits for it to start
        for _ in range(200):
            answers.update(pool.results(timeout=0.5))
            if answers:
                break
        pool.submit(Task(1, "慢.txt", slow))
        pool.submit(Task(2, "下一个.txt", small))
        for _ in range(200):
            answers.update(pool.results(timeout=0.5))
            if len(answers) == 3:
                break
        assert pool.replaced == 1
    assert answers[0].ok and answers[2].ok
    assert "超时" in answers[1].problems[0].message


@pytest.mark.parametrize("inputs", [2, 1])
def test_parse_of_many_files_streams_json_lines(tmp_path: Path, inputs: int) -> None:
    root = _collection(tmp_path / "收集")
    args = [str(root)] if inputs == 1 else [str(root / "部门0"), str(root / "部门1")]
    result = runner.invoke(app, ["parse", *args])
    lines = result.stdout.splitlines()
    assert len(lines) == 17 and all(json.loads(line)["format"] == "jixiao.table/1" for line in lines)
    assert result.exit_code == 1 and "空文件.txt" in result.output  # the empty file, named
    single = runner.invoke(app, ["parse", str(root / "部门0" / "表0.txt")])
    assert isinstance(json.loads(single.stdout), list)  # one file: the one JSON array, as before


def test_the_service_reports_each_file_in_order(sqlite_url: str, tmp_path: Path) -> None:
    root = _collection(tmp_path / "收集")
    seen: list[str] = []
    summary = Service(sqlite_url).import_collection(iter_files([root]), lambda o: seen.append(o.file), jobs=2)
    assert seen == [item.label for item in iter_files([root])]
    assert (summary.files, summary.imported, summary.refused, summary.tables) == (7, 6, 1, 17)
