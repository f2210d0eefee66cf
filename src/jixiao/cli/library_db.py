"""`jixiao library … --db`: the 指标库 kept in a database (built from its published tables, governed
on the web), through the service — build, list, show, suggest, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table as RichTable

from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, out
from jixiao.permissions import OPERATOR


def _emit(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _service(db: str) -> Any:
    from jixiao.cli.store import _service as open_service

    return open_service(db)


def build_in_database(db: str, as_json: bool) -> None:
    """Mine the database's published tables into its library (only tables not mined before)."""
    summary = _service(db).build_library(OPERATOR)
    if as_json:
        _emit({"database": True, **summary})
        raise typer.Exit(EXIT_OK)
    typer.echo(
        f"数据库指标库：新挖掘 {summary['tables_added']} 张表、{summary['rows_added']} 个指标；"
        f"共 {summary['tables']} 张表、{summary['rows']} 个指标，{summary['entries']} 个条目"
        f"（新增草稿 {summary['new_entries']} 个，合并近似名称的 {summary['merged_groups']} 个）"
    )
    conflicts = summary["placement_conflicts"]  # the first ones; all are counted
    if conflicts:
        total = summary.get("placement_conflicts_total", len(conflicts))
        typer.echo(f"二级归属冲突 {total} 个（同一指标出现在不同二级指标下）：")
        for c in conflicts[:20]:
            where = "、".join(f"{p[1] or '（空）'} {p[2]} 次" for p in c["placements"])
            typer.echo(f"  {c['code']} {c['name']}：{where}")


def list_in_database(db: str, query: str, status: str, level2: str, limit: int, as_json: bool) -> None:
    """List the stored entries (search by name, synonym, 二级, sector)."""
    if status and status not in ("draft", "active", "retired"):
        err.print(f"[red]状态“{status}”无效，可选：draft、active、retired[/red]")
        raise typer.Exit(EXIT_USAGE)
    found = _service(db).library_list(query, status, level2, 1, limit)
    if as_json:
        _emit(found)
        return
    grid = RichTable(
        "编号", "指标", "二级指标", "状态", "表数", "单位数", "常用值", title=f"共 {found['total']} 个条目"
    )
    for e in found["entries"]:
        counts = (str(e["tables"]), str(e["publishers"]))
        grid.add_row(e["code"], e["name"], e["level2"], e["status_label"], *counts, e["typical_value"])
    out.print(grid)


def show_in_database(db: str, name: str, as_json: bool) -> None:
    """One stored entry by code (or the best match of a name), with versions and the tables using it."""
    from jixiao.service import NotFound

    service = _service(db)
    code = name.strip().upper()
    if not code.startswith("ZB-"):
        offered = service.library_suggest(name, None, 1)
        code = offered[0]["code"] if offered else code
    try:
        entry = service.library_entry(code)
    except NotFound as why:
        err.print(f"[red]{why}[/red]")
        raise typer.Exit(EXIT_PROBLEM) from None
    if as_json:
        _emit(entry)
        return
    fields = entry["fields"]
    out.print(
        f"[bold]{entry['name']}[/bold]  {entry['code']}（{entry['status_label']}，第 {entry['version']} 版）"
    )
    out.print(
        f"归属：{entry['level1']}/{entry['level2']}；单位：{fields.get('unit') or '（无）'}；"
        f"{entry['reason']}"
    )
    if fields.get("explanation"):
        out.print(f"指标解释：{fields['explanation']}")
    out.print(
        "版本："
        + "；".join(f"第 {v['number']} 版 {v['status']} {v['created_at'][:10]}" for v in entry["versions"])
    )
    out.print(f"使用它的表（{entry['tables_using_total']} 张）：" + "、".join(
        f"{t['name']}（{t['unit'] or ''}，第 {t['version']} 版）" for t in entry["tables_using"][:10]
    ))  # fmt: skip


def suggest_in_database(
    db: str, name: str, level2: str | None, limit: int, project: str | None, as_json: bool
) -> None:
    """Suggestions from the stored library: by the name being typed, or for a project (--project)."""
    service = _service(db)
    found = (
        service.library_recommend(project, limit)["entries"]
        if project
        else service.library_suggest(name, level2, limit)
    )
    if as_json:
        _emit(found)
        return
    if not found:
        err.print(f"指标库中没有与“{project or name}”相近的指标")
        raise typer.Exit(EXIT_PROBLEM)
    grid = RichTable("编号", "指标", "二级指标", "建议值", "依据")
    for s in found:
        grid.add_row(s["code"], s["name"], s["level2"], s["suggested_value"], s["reason"])
    out.print(grid)


def export_from_database(db: str, output: Path, status: str) -> None:
    """Write the database's library as open data; the format from the file's extension."""
    from jixiao.service import Invalid

    fmt = output.suffix.lstrip(".").lower()
    try:
        data, _ = _service(db).library_export(fmt, status)
    except Invalid as why:
        err.print(f"[red]{why}[/red]")
        raise typer.Exit(EXIT_USAGE) from None
    output.write_bytes(data)
    typer.echo(f"{output}：已导出指标库（{len(data)} 字节）")


def import_into_database(db: str, path: Path, as_json: bool) -> None:
    """File one request per entry of an open-data file that differs from the database's library."""
    from jixiao.service import Invalid

    if not path.is_file():
        err.print(f"[red]{path}：文件不存在[/red]")
        raise typer.Exit(EXIT_USAGE)
    try:
        done = _service(db).library_import(OPERATOR, path.read_bytes(), path.name)
    except Invalid as why:
        err.print(f"[red]{why}[/red]")
        raise typer.Exit(EXIT_PROBLEM) from None
    if as_json:
        _emit(done)
        return
    filed = done["requests"]
    typer.echo(
        f"{path}：{done['entries']} 个条目，未变化 {done['unchanged']} 个；"
        f"已提出申请：新增 {len(filed['add'])} 项、"
        f"修改 {len(filed['modify'])} 项、停用 {len(filed['retire'])} 项（经部门审核、财政审定后生效）"
    )
