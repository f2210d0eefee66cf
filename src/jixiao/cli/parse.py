"""`jixiao parse` and `jixiao show`: read tables and print them as data or as trees."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from jixiao.cli.app import app
from jixiao.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    check_paths,
    err,
    out,
    print_diagnostics,
    progress_bar,
    read_inputs,
    read_one,
    write_output,
)
from jixiao.formats.table_json import dumps_tables, table_to_dict
from jixiao.model import Diagnostic, Kind, Severity, SourceRef, Table, Target
from jixiao.pipeline import (
    FILE_PROBLEM,
    budget_text,
    count_files,
    iter_files,
    print_tables,
    read_bytes,
    write_csv,
)
from jixiao.values import format_target


class OutputFormat(StrEnum):
    """The output formats of ``jixiao parse``: JSON, CSV or plain text."""

    JSON = "json"
    CSV = "csv"
    TEXT = "text"


Files = Annotated[
    list[str],
    typer.Argument(help="文本、Excel（.xlsx）、PDF 或 JSON 文件；- 表示标准输入", show_default=False),
]


@app.command()
def parse(
    files: Files,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="输出格式：json（开放数据）、csv（每行一个指标）、text"),
    ] = OutputFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件，默认标准输出")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="等同于 --format json")] = False,
) -> None:
    """读取项目绩效目标表，输出结构化数据（JSON/CSV/规范文本）。

    多个文件、目录或 zip 压缩包：逐个文件读取并立即输出（JSON 为每行一张表的 JSON Lines），
    内存占用不随文件数增长。
    """
    check_paths(files)
    fmt = OutputFormat.JSON if as_json else output_format
    if len(files) > 1 or any(Path(f).is_dir() or f.lower().endswith(".zip") for f in files if f != "-"):
        failed = _stream(files, fmt, output)
        raise typer.Exit(EXIT_PROBLEM if failed else EXIT_OK)
    result = read_inputs(files)
    print_diagnostics(result.diagnostics)
    if fmt is OutputFormat.JSON:
        write_output(dumps_tables(result.tables) + "\n", output)
    elif fmt is OutputFormat.CSV:
        write_output(write_csv(result.tables), output, bom=output is not None)
    else:
        write_output(print_tables(result.tables), output)
    raise typer.Exit(EXIT_PROBLEM if result.failed else EXIT_OK)


def _stream(files: list[str], fmt: OutputFormat, output: Path | None) -> bool:
    """Read the inputs one file at a time and write each file's tables at once; True if any failed.

    JSON is JSON Lines (one table an object a line), CSV has its header once; nothing is kept."""
    failed = False
    sink: IO[str] = sys.stdout
    try:
        if output is not None:
            sink = output.open("w", encoding="utf-8-sig" if fmt is OutputFormat.CSV else "utf-8")
    except OSError as exc:
        err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
        raise typer.Exit(EXIT_PROBLEM) from exc
    paths = [f for f in files if f != "-"]
    total = count_files(paths) + (len(files) - len(paths))
    header = True
    try:
        with progress_bar(total, "读取", enabled=total > 3 and output is not None) as advance:
            for tables, diagnostics in _each_file(files):
                print_diagnostics(diagnostics)
                failed = failed or any(d.severity is Severity.ERROR for d in diagnostics)
                if fmt is OutputFormat.JSON:
                    sink.writelines(json.dumps(table_to_dict(t), ensure_ascii=False) + "\n" for t in tables)
                elif fmt is OutputFormat.CSV:
                    sink.write(write_csv(tables, header=header))
                    header = False
                elif tables:
                    sink.write(print_tables(tables))
                advance()
    finally:
        if sink is not sys.stdout:
            sink.close()
    return failed


def _each_file(files: list[str]) -> Iterator[tuple[list[Table], list[Diagnostic]]]:
    """Each input file's tables and diagnostics in turn (directories and archives opened)."""
    for name in files:
        if name == "-":
            yield read_one(name)
            continue
        for item in iter_files([name]):
            if item.problem is not None:
                yield [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, item.problem, SourceRef(item.label))]
            else:
                tables, diagnostics = read_bytes(item.data, item.label)
                yield tables, diagnostics


_KIND_STYLE = {
    Kind.QUANTITATIVE: "green",
    Kind.QUALITATIVE: "cyan",
    Kind.DEADLINE: "magenta",
    Kind.RANGE: "blue",
    Kind.UNKNOWN: "bold red",
}
_KIND_LABEL = {
    Kind.QUANTITATIVE: "定量",
    Kind.QUALITATIVE: "定性",
    Kind.DEADLINE: "时限",
    Kind.RANGE: "区间",
    Kind.UNKNOWN: "未识别",
}


def _target_text(target: Target) -> Text:
    if target.is_empty:
        return Text("（空）", style="dim")
    return Text(format_target(target), style=_KIND_STYLE[target.kind])


def table_tree(table: Table) -> Tree:
    """One table as a tree: project, goals, 一级 → 二级 → 三级 with both values coloured by kind."""
    p = table.project
    budget = budget_text(table)
    head = Text.assemble(
        (p.name, "bold"), f"  {p.year or ''}年  预算 {budget}{p.budget_unit}  ", (str(table.source), "dim")
    )
    tree = Tree(head)
    if table.reading is not None:
        inferred = "；".join(table.reading.inferred) or "无"
        tree.add(
            Text.assemble(
                ("读取可信度 ", "dim"), f"{table.reading.confidence:.0%}", ("  推断：", "dim"), inferred
            )
        )
    if p.total_funds is not None:
        tree.add(Text.assemble(("项目资金总额（多年） ", "dim"), f"{p.total_funds:,.2f}元"))
    period = f"{p.period_start or '?'}–{p.period_end or '?'}"
    tree.add(f"{p.type or '类型未填'} · {p.level or '等级未填'} · {p.unit or '单位未填'} · 实施周期 {period}")
    goals = tree.add("总体绩效目标")
    goals.add(Text.assemble(("实施周期：", "dim"), table.goals.period or "（空）"))
    goals.add(Text.assemble(("年度：", "dim"), table.goals.annual or "（空）"))
    branches: dict[tuple[str, str], Tree] = {}
    level1_nodes: dict[str, Tree] = {}
    for ind in table.indicators:
        l1 = level1_nodes.get(ind.level1) or tree.add(Text(ind.level1 or "（无一级指标）", style="bold"))
        level1_nodes[ind.level1] = l1
        l2 = branches.get((ind.level1, ind.level2)) or l1.add(ind.level2 or "（无二级指标）")
        branches[(ind.level1, ind.level2)] = l2
        baseline = ("  基期 " + ind.baseline.raw) if not ind.baseline.is_empty else ""
        l2.add(Text.assemble(
            ind.name, "  ", ("周期 ", "dim"), _target_text(ind.period), "  ", ("年度 ", "dim"),
            _target_text(ind.annual), (baseline, "dim"),
            (f"  :{ind.source.line}" if ind.source.line else "", "dim"),
        ))  # fmt: skip
    return tree


@app.command()
def show(
    files: Files,
    summary: Annotated[bool, typer.Option("--summary", help="每个表格一行的概览")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """以树形显示每个表格（指标值按类型着色），诊断信息以“文件:行: 信息”列出。"""
    check_paths(files)
    result = read_inputs(files)
    if as_json:
        payload = {
            "tables": [table_to_dict(t) for t in result.tables],
            "diagnostics": [
                {"code": d.code, "severity": d.severity.value, "message": d.message, "file": d.source.file,
                 "line": d.source.line}
                for d in result.diagnostics
            ],
        }  # fmt: skip
        out.print_json(json.dumps(payload, ensure_ascii=False))
    elif summary:
        out.print(summary_table(result.tables))
    else:
        for table in result.tables:
            out.print(table_tree(table))
            out.print()
    print_diagnostics(result.diagnostics)
    if not as_json:
        n = sum(len(t.indicators) for t in result.tables)
        err.print(f"共 {len(result.tables)} 个表格，{n} 个指标，{len(result.diagnostics)} 条诊断信息")
    raise typer.Exit(EXIT_PROBLEM if result.failed else EXIT_OK)


def summary_table(tables: list[Table]) -> RichTable:
    """A Rich summary of the tables read: name, type, period, budget, counts of 定量/定性/other indicators."""
    grid = RichTable(title="项目绩效目标表", show_lines=False)
    for column in ("#", "项目名称", "类型", "实施周期", "预算", "指标数", "定量", "定性", "其他"):
        grid.add_column(
            column, justify="right" if column in ("#", "预算", "指标数", "定量", "定性", "其他") else "left"
        )
    for n, t in enumerate(tables, start=1):
        kinds = [i.annual.kind for i in t.indicators]
        quantitative = sum(k is Kind.QUANTITATIVE for k in kinds)
        qualitative = sum(k is Kind.QUALITATIVE for k in kinds)
        p = t.project
        others = len(kinds) - quantitative - qualitative
        period = f"{p.period_start}–{p.period_end}"
        budget = f"{budget_text(t)}{p.budget_unit}"
        counts = (str(len(t.indicators)), str(quantitative), str(qualitative), str(others))
        grid.add_row(str(n), p.name, p.type or "", period, budget, *counts)
    return grid
