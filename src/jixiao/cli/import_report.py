"""What `jixiao import` tells while and after it works: progress with rate and ETA, one line or one
JSON object per file, and the per-file report as JSON and CSV files.

Everything is written as each file is stored (nothing is kept per file), so a batch of 300,000 files
reports in flat memory, and a report cut short by Ctrl-C still lists every file stored before it.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao.cli.common import err
from jixiao.pipeline import csv_row
from jixiao.service import STATUS_LABELS, BatchSummary, FileOutcome

CSV_COLUMNS = ("文件", "结果", "原因", "表数", "新建", "新版本", "未变", "发现问题", "sha256")
JSON_PROGRESS_SECONDS = 5.0


def outcome_dict(outcome: FileOutcome) -> dict[str, Any]:
    """One file's line of the report (the ``--json`` output and the JSON report file)."""
    return {
        "file": outcome.file,
        "ok": outcome.ok,
        "status": outcome.status,
        "reason": outcome.reason,
        "tables": outcome.tables,
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "findings": outcome.findings,
        "sha256": outcome.sha256,
        "problems": [
            {"code": p.code, "message": p.message, "source": str(p.source)} for p in outcome.problems
        ],
    }


def summary_dict(summary: BatchSummary) -> dict[str, Any]:
    """The batch's totals, with its rate in files and tables per second."""
    seconds = max(summary.seconds, 1e-9)
    return {
        "files": summary.files,
        "imported": summary.imported,
        "unchanged": summary.unchanged,
        "refused": summary.refused,
        "tables": summary.tables,
        "seconds": round(summary.seconds, 3),
        "files_per_second": round(summary.files / seconds, 1),
        "tables_per_second": round(summary.tables / seconds, 1),
        "workers_replaced": summary.workers_replaced,
        "writer_cpu_seconds": round(summary.writer_cpu_seconds, 3),
        "reader_cpu_seconds": round(summary.reader_cpu_seconds, 3),
    }


class ImportReporter:
    """Progress on standard error, each file on standard output, and the report files."""

    def __init__(self, total: int, as_json: bool, report_json: Path | None, report_csv: Path | None) -> None:
        self.total = total
        self.as_json = as_json
        self.started = time.perf_counter()
        self.files = self.tables = 0
        self._last_json_progress = self.started
        self._first = True
        self._json_file: IO[str] | None = None
        self._csv_file: IO[str] | None = None
        self._csv: Any = None
        self._first_in_report = True
        self._report_paths = (report_json, report_csv)
        self._finished = False
        self._progress = Progress(
            TextColumn("[bold]导入"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeRemainingColumn(),
            console=err,
            disable=as_json or not err.is_terminal,
        )
        self._task = self._progress.add_task("", total=total)

    def __enter__(self) -> ImportReporter:
        report_json, report_csv = self._report_paths
        try:
            if report_json is not None:
                self._json_file = report_json.open("w", encoding="utf-8")
                self._json_file.write('{"files": [\n')
            if report_csv is not None:
                self._csv_file = report_csv.open("w", encoding="utf-8-sig", newline="")
                self._csv = csv.writer(self._csv_file, lineterminator="\n")
                self._csv.writerow(CSV_COLUMNS)
        except OSError as why:
            err.print(f"[red]无法写入导入报告：{why.filename}（{why.strerror}）[/red]")
            raise typer.Exit(1) from None
        if self.as_json:
            typer.echo("[")
        self._progress.start()
        return self

    def file(self, outcome: FileOutcome) -> None:
        """Tell of one file as soon as it is stored (or skipped, or refused)."""
        self.files += 1
        self.tables += outcome.tables
        item = outcome_dict(outcome)
        if self.as_json:
            typer.echo(("" if self._first else ",\n") + json.dumps(item, ensure_ascii=False), nl=False)
            self._first = False
            self._json_progress()
        elif outcome.status == "refused":
            self._progress.console.print(
                f"{outcome.file}：{outcome.reason}（未导入任何内容）", style="red", markup=False
            )
        else:
            counts = f"新建 {outcome.created} 张，新版本 {outcome.updated} 张，未变 {outcome.unchanged} 张"
            skipped = f"（{outcome.reason}）" if outcome.reason and outcome.status == "unchanged" else ""
            line = f"{outcome.file}：{counts}；发现问题 {outcome.findings} 条{skipped}"
            if outcome.selfevaluations and not outcome.tables:  # a published 自评表, not a target table
                line = (
                    f"{outcome.file}：已公开的自评表 {outcome.selfevaluations} 份，"
                    f"其中自评结果不能自洽 {outcome.inconsistent} 份（jixiao evaluate 可查看每条发现）"
                )
            if not self._progress.live.is_started:
                typer.echo(line)
            elif self.total <= 20:  # above the bar; a large batch shows the bar and the summary only
                self._progress.console.print(line, markup=False, highlight=False)
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = f"{self.tables / elapsed:,.0f} 张表/秒，{self.files / elapsed:,.1f} 个文件/秒"
        self._progress.update(self._task, advance=1, description=rate)
        if self._json_file is not None:
            prefix = "" if self._first_in_report else ",\n"
            self._json_file.write(prefix + json.dumps(item, ensure_ascii=False))
        if self._csv is not None:
            cells = [outcome.file, STATUS_LABELS[outcome.status], outcome.reason, outcome.tables]
            cells += [outcome.created, outcome.updated, outcome.unchanged, outcome.findings, outcome.sha256]
            self._csv.writerow(csv_row(cells))
        self._first_in_report = False

    def _json_progress(self) -> None:
        now = time.perf_counter()
        if now - self._last_json_progress < JSON_PROGRESS_SECONDS:
            return
        self._last_json_progress = now
        elapsed = now - self.started
        rate = self.files / elapsed if elapsed else 0.0
        left = (self.total - self.files) / rate if rate else None
        progress = {
            "files": self.files,
            "total": self.total,
            "tables": self.tables,
            "tables_per_second": round(self.tables / elapsed, 1) if elapsed else 0.0,
            "eta_seconds": round(left, 1) if left is not None else None,
        }
        err.print(json.dumps({"progress": progress}, ensure_ascii=False), markup=False, highlight=False)

    def finish(self, summary: BatchSummary | None) -> None:
        """Close the outputs; ``summary`` is None when the batch stopped early."""
        self._finished = True
        self._progress.stop()
        totals = summary_dict(summary) if summary is not None else None
        if self.as_json:
            typer.echo("\n]")
            if totals is not None:
                err.print(json.dumps({"summary": totals}, ensure_ascii=False), markup=False, highlight=False)
        elif totals is not None and (self.total > 1 or totals["refused"]):
            err.print(
                f"共 {totals['files']} 个文件：导入 {totals['imported']} 个，未变 {totals['unchanged']} 个，"
                f"拒绝 {totals['refused']} 个；{totals['tables']} 张表，用时 {totals['seconds']:.1f} 秒"
                f"（{totals['tables_per_second']:,.0f} 张表/秒）",
                highlight=False,
            )
        if self._json_file is not None:
            self._json_file.write("\n],\n" + f'"summary": {json.dumps(totals, ensure_ascii=False)}' + "}\n")
            self._json_file.close()
        if self._csv_file is not None:
            self._csv_file.close()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if not self._finished:
            self.finish(None)
