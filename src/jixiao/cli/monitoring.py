"""`jixiao monitor-template` and `jixiao monitor`: in-year monitoring (1–N月) on the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, out, print_diagnostics
from jixiao.cli.evaluate import ProfileOption, pick_table, profile_named, tables_of
from jixiao.model import Severity
from jixiao.pipeline import monitor as run_monitoring
from jixiao.pipeline import (
    monitoring_to_dict,
    read_monitoring_xlsx,
    snapshot_from_table,
    table_key,
    write_monitoring_xlsx,
)

_LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "bold red"}


@app.command("monitor-template")
def monitor_template(
    table_file: Annotated[str, typer.Argument(help="绩效目标表文件", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="写入的监控表模板（.xlsx）")],
    project: Annotated[
        str | None, typer.Option("--project", help="项目名称（多张表时必填，可写部分名称）")
    ] = None,
    months: Annotated[
        int | None, typer.Option("--months", "-n", help="监控期间1-N月（默认按方案，中央为7）")
    ] = None,
    profile: ProfileOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出结果摘要")] = False,
) -> None:
    """下载运行监控表模板：按年度指标预填，单位填写1-N月执行数和完成值后用 monitor 分析。"""
    chosen = profile_named(profile)
    if months is not None and not 1 <= months <= 12:
        err.print("错误：--months 应在1至12之间")
        raise typer.Exit(EXIT_USAGE)
    table = pick_table(table_file, project)
    snapshot = snapshot_from_table(table, months, chosen)
    try:
        write_monitoring_xlsx(replace(snapshot, table_key=table_key(table)), chosen, output)
    except OSError as exc:
        err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
        raise typer.Exit(EXIT_PROBLEM) from exc
    summary = {
        "project": table.project.name,
        "profile": chosen.name,
        "months": snapshot.months,
        "indicators": len(snapshot.lines),
        "table_key": table_key(table),
        "output": str(output),
    }
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False))
    else:
        out.print(
            f"已写入 {output}：{table.project.name}，1-{snapshot.months}月，{len(snapshot.lines)}个年度指标"
        )


@app.command()
def monitor(
    file: Annotated[Path, typer.Argument(help="填好的监控表模板（.xlsx）", show_default=False)],
    profile: ProfileOption = None,
    table_file: Annotated[
        str | None, typer.Option("--table", help="核对模板属于该文件中的绩效目标表")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写出带预警灯的监控表（.xlsx）")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出监控结果")] = False,
) -> None:
    """分析填好的监控表：执行率、进度指数、红黄绿灯、资金与产出进度预警；有错误时不写文件。"""
    if not file.exists():
        err.print(f"{file}: 错误：文件不存在")
        raise typer.Exit(EXIT_USAGE)
    if profile is not None:
        profile_named(profile)
    expected = None
    if table_file is not None:
        keys = {table_key(t) for t in tables_of(table_file)}
        key = read_monitoring_xlsx(file).table_key
        expected = key if key in keys else "—"
    upload = read_monitoring_xlsx(file, expected)
    print_diagnostics(upload.diagnostics)
    if upload.snapshot is None or upload.has_errors:
        err.print("监控表有错误，未分析，也未写出任何文件。请按上面的单元格位置修改后重新提交。")
        raise typer.Exit(EXIT_PROBLEM)
    chosen = profile_named(profile, upload.profile)
    result = run_monitoring(upload.snapshot, chosen)
    print_diagnostics(result.diagnostics)
    if as_json:
        out.print_json(json.dumps(monitoring_to_dict(result, upload.snapshot.project), ensure_ascii=False))
    else:
        table = RichTable(title=f"{upload.snapshot.project} 1-{result.months}月运行监控（{chosen.name}）")
        for header in ("项目", "灯", "说明"):
            table.add_column(header, overflow="fold")
        light = result.funds.light
        table.add_row("预算执行", f"[{_LIGHT_STYLE[light.value]}]{light.label}[/]", result.funds.explanation)
        for lp in result.lines:
            light = lp.progress.light
            table.add_row(
                lp.line.label, f"[{_LIGHT_STYLE[light.value]}]{light.label}[/]", lp.progress.explanation
            )
        out.print(table)
        out.print(f"总体：{result.light.label}")
    if any(d.severity is Severity.ERROR for d in result.diagnostics):
        err.print("监控发现错误（见上），未写出文件。")
        raise typer.Exit(EXIT_PROBLEM)
    if output is not None:
        try:
            write_monitoring_xlsx(upload.snapshot, chosen, output, result)
        except OSError as exc:
            err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
            raise typer.Exit(EXIT_PROBLEM) from exc
        err.print(f"已写入 {output}")
    raise typer.Exit(EXIT_OK)
