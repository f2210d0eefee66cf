"""`jixiao library build|show|suggest`: mine the 指标库 from tables, look an entry up, suggest entries.

The library is a ``jixiao.library/1`` JSON file (default ``library.json``). ``build`` reads tables from
files (any format the readers take) or, with ``--db``, the published tables of a database through the
service, and extends the file given with ``-o`` when it already holds a library: tables mined before
are skipped, earlier groups kept, entry codes stable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, out, print_diagnostics, read_one
from jixiao.library import (
    Entry,
    Library,
    LibraryFormatError,
    TableRows,
    build_library,
    entry_to_dict,
    find,
    library_from_dict,
    library_to_dict,
    reason,
    rows_from_document,
    rows_from_table,
    suggest,
    typical_value,
)
from jixiao.library.entries import DIRECTION_LABELS, VALUE_TYPE_LABELS
from jixiao.library.suggest import OP_SYMBOLS
from jixiao.model import Severity

library_app = typer.Typer(help="指标库：从已公开的表中挖掘、查看、推荐绩效指标", no_args_is_help=True)
app.add_typer(library_app, name="library")

DEFAULT_LIBRARY = Path("library.json")
JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON")]
LibraryOption = Annotated[Path, typer.Option("--library", "-l", help="指标库文件（jixiao.library/1 JSON）")]
DbOption = Annotated[str | None, typer.Option("--db", help="使用数据库中的指标库（数据库 URL）")]


def _emit(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _load(path: Path) -> Library:
    try:
        return library_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        err.print(f"[red]{path}：指标库文件不存在，请先运行 jixiao library build[/red]")
    except (json.JSONDecodeError, LibraryFormatError, UnicodeDecodeError) as why:
        err.print(f"[red]{path}：{getattr(why, 'args', [why])[0]}[/red]")
    raise typer.Exit(EXIT_USAGE)


def _file_tables(files: list[str], diagnostics: list[Any], advance: Any) -> Iterator[TableRows]:
    for path in files:
        tables, found = read_one(path)
        diagnostics.extend(d for d in found if d.severity is Severity.ERROR)
        for table in tables:
            yield rows_from_table(table)
        advance(1)


def _stored_tables(db: str, advance: Any) -> Iterator[TableRows]:
    # `_service` opens (and migrates) the database as every database command does.
    from jixiao.cli.store import _service

    for document in _service(db).published_documents():
        yield rows_from_document(document)
        advance(1)


@library_app.command("build")
def build(
    files: Annotated[list[str] | None, typer.Argument(help="表格文件（文本、Excel、PDF、JSON）")] = None,
    db: Annotated[str | None, typer.Option("--db", help="从数据库中已公开的表挖掘（数据库 URL）")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="指标库文件（默认 library.json）；已存在时在其基础上增量构建"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """从表格文件或数据库挖掘指标库（已挖掘过的表跳过，条目编号保持不变）。

    只给 --db 时，指标库建在数据库中（条目为草稿，供网页、审核和推荐使用）；同时给 -o 时写入文件。
    """
    files = files or []
    if not files and not db:
        err.print("错误：请给出表格文件，或用 --db 指定数据库")
        raise typer.Exit(EXIT_USAGE)
    if db and not files and output is None:
        from jixiao.cli.library_db import build_in_database

        build_in_database(db, as_json)
        return
    output = output or DEFAULT_LIBRARY
    missing = [f for f in files if f != "-" and not Path(f).exists()]
    for path in missing:
        err.print(f"{path}: 错误：文件不存在")
    if missing:
        raise typer.Exit(EXIT_USAGE)
    previous = _load(output) if output.exists() else None
    before = {e.code for e in previous.entries} if previous else set()
    diagnostics: list[Any] = []
    columns = (TextColumn("[bold]挖掘指标库"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("", total=len(files) or None)

        def advance(n: int) -> None:
            bar.advance(task, n)

        source = _stored_tables(db, advance) if db else _file_tables(files, diagnostics, advance)
        library = build_library(source, previous)
    output.write_text(json.dumps(library_to_dict(library), ensure_ascii=False) + "\n", encoding="utf-8")
    new = [e for e in library.entries if e.code not in before]
    summary = {
        "library": str(output),
        "tables_added": library.added_tables,
        "tables_skipped": library.skipped_tables,
        "rows_added": library.added_rows,
        "tables": library.tables,
        "rows": library.rows,
        "entries": len(library.entries),
        "new_entries": len(new),
        "merged_groups": sum(1 for e in library.entries if len(e.members) > 1),
        "placement_conflicts": [
            {"code": e.code, "name": e.name,
             "placements": [[p.level1, p.level2, p.count] for p in e.placements]}
            for e in library.conflicts
        ],
    }  # fmt: skip
    if as_json:
        _emit(summary)
    else:
        print_diagnostics(diagnostics)
        typer.echo(
            f"{output}：新挖掘 {library.added_tables} 张表、{library.added_rows} 个指标"
            f"（跳过已挖掘的 {library.skipped_tables} 张）；指标库共 {library.tables} 张表、"
            f"{library.rows} 个指标，{len(library.entries)} 个条目（新增 {len(new)} 个，"
            f"合并近似名称的 {summary['merged_groups']} 个）"
        )
        if library.conflicts:
            typer.echo(f"二级归属冲突 {len(library.conflicts)} 个（同一指标出现在不同二级指标下）：")
            for e in library.conflicts[:20]:
                where = "、".join(f"{p.level2 or '（空）'} {p.count} 次" for p in e.placements)
                typer.echo(f"  {e.code} {e.name}：{where}")
    raise typer.Exit(EXIT_PROBLEM if diagnostics else EXIT_OK)


def _print_entry(entry: Entry) -> None:
    p = entry.provenance
    out.print(f"[bold]{entry.name}[/bold]  {entry.code}（{entry.status}，第 {entry.version} 版）")
    if entry.synonyms:
        out.print(f"其他写法：{'、'.join(entry.synonyms[:12])}")
    placements = "；".join(f"{x.level1}/{x.level2} {x.count} 次" for x in entry.placements)
    out.print(
        f"归属：{placements}" + ("  [yellow]（二级归属冲突）[/yellow]" if entry.placement_conflict else "")
    )
    out.print(
        f"方向：{DIRECTION_LABELS[entry.direction]}；值类型：{VALUE_TYPE_LABELS[entry.value_type]}；"
        f"单位：{entry.unit or '（无）'}"
    )
    years = "、".join(f"{y}年 {n} 张" for y, n in p.years) or "（未知）"
    out.print(f"使用：{reason(entry)}；年度：{years}")
    if p.distributions:
        grid = RichTable("单位", "个数", "中位数", "最低", "最高", "常见符号", "中位数出处")
        for d in p.distributions:
            grid.add_row(d.unit or "（无）", str(d.count), str(d.median), str(d.low), str(d.high),
                         OP_SYMBOLS.get(d.common_op) or "（无）", d.median_source)  # fmt: skip
        out.print(grid)
    if p.grades:
        out.print("定性取值：" + "、".join(f"{g} {n} 次" for g, n in p.grades))
    if len(entry.members) > 1:
        out.print("合并的写法（相似度）：" + "、".join(f"{m.key} {m.similarity:g}" for m in entry.members))
    out.print("出处（部分）：" + "、".join(p.sources[:10]))


@library_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="条目编号（ZB-…）或指标名称")],
    library_path: LibraryOption = DEFAULT_LIBRARY,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """显示一个条目及其来源：使用的表和单位、年度、目标值分布。"""
    if db:
        from jixiao.cli.library_db import show_in_database

        show_in_database(db, name, as_json)
        return
    library = _load(library_path)
    entry = find(library.entries, name)
    if entry is None:
        err.print(f"[red]指标库中没有“{name}”；可用 jixiao library suggest 查找相近的指标[/red]")
        raise typer.Exit(EXIT_PROBLEM)
    if as_json:
        _emit(entry_to_dict(entry))
    else:
        _print_entry(entry)


@library_app.command("suggest")
def suggest_command(
    name: Annotated[str, typer.Argument(help="正在填写的三级指标名称")],
    level2: Annotated[str | None, typer.Option("--level2", help="所在二级指标，例如 数量指标")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="最多列出几条")] = 10,
    library_path: LibraryOption = DEFAULT_LIBRARY,
    db: DbOption = None,
    project: Annotated[
        str | None, typer.Option("--project", help="与 --db 同用：按项目名称推荐同类项目使用的指标")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """为填报人推荐指标库中的条目（按相似度和使用广度排序），并给出同行常用的目标值。"""
    if db:
        from jixiao.cli.library_db import suggest_in_database

        suggest_in_database(db, name, level2, limit, project, as_json)
        return
    library = _load(library_path)
    found = suggest(library.entries, name, level2, limit)
    if as_json:
        _emit(
            [
                {"code": s.entry.code, "name": s.entry.name, "level1": s.entry.level1,
                 "level2": s.entry.level2, "unit": s.entry.unit or None,
                 "typical_value": typical_value(s.entry) or None, "score": s.score,
                 "similarity": s.similarity, "reason": s.reason}
                for s in found
            ]
        )  # fmt: skip
        return
    if not found:
        err.print(f"指标库中没有与“{name}”相近的指标")
        raise typer.Exit(EXIT_PROBLEM)
    grid = RichTable("编号", "指标", "二级指标", "建议值", "依据")
    for s in found:
        grid.add_row(s.entry.code, s.entry.name, s.entry.level2, typical_value(s.entry), s.reason)
    out.print(grid)


@library_app.command("list")
def list_entries(
    level2: Annotated[str | None, typer.Option("--level2", help="只列出此二级指标下的条目")] = None,
    conflicts: Annotated[bool, typer.Option("--conflicts", help="只列出二级归属冲突的条目")] = False,
    merged: Annotated[
        bool, typer.Option("--merged", help="只列出合并了多种写法的条目（待人工确认）")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="最多列出几条")] = 50,
    library_path: LibraryOption = DEFAULT_LIBRARY,
    db: DbOption = None,
    query: Annotated[
        str, typer.Option("--search", "-q", help="与 --db 同用：按名称、写法、二级、行业搜索")
    ] = "",
    status: Annotated[str, typer.Option("--status", help="与 --db 同用：draft、active 或 retired")] = "",
    as_json: JsonOption = False,
) -> None:
    """列出指标库条目（使用最多的在前），可按二级指标、归属冲突、合并的写法筛选。"""
    if db:
        from jixiao.cli.library_db import list_in_database

        list_in_database(db, query, status, level2 or "", limit, as_json)
        return
    from jixiao.library.normalise import level2_key

    entries = _load(library_path).entries
    if level2:
        entries = tuple(
            e for e in entries if any(level2_key(p.level2) == level2_key(level2) for p in e.placements)
        )
    if conflicts:
        entries = tuple(e for e in entries if e.placement_conflict)
    if merged:
        entries = tuple(e for e in entries if len(e.members) > 1)
    shown = entries[:limit]
    if as_json:
        _emit({"total": len(entries), "entries": [entry_to_dict(e) for e in shown]})
        return
    grid = RichTable(
        "编号", "指标", "二级指标", "表数", "单位数", "常用值", "写法数", title=f"共 {len(entries)} 个条目"
    )
    for e in shown:
        conflict = "（冲突）" if e.placement_conflict else ""
        p = e.provenance
        grid.add_row(e.code, e.name, e.level2 + conflict, str(p.tables), str(p.publishers),
                     typical_value(e), str(len(e.members)))  # fmt: skip
    out.print(grid)


@library_app.command("export")
def export(
    db: Annotated[str, typer.Option("--db", help="数据库 URL")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="输出文件；扩展名 .json、.csv 或 .xlsx 决定格式")
    ],
    status: Annotated[str, typer.Option("--status", help="只导出 draft、active 或 retired 的条目")] = "",
) -> None:
    """把数据库中的指标库导出为开放数据（JSON、CSV 或 Excel；文字一律按文字写出）。"""
    from jixiao.cli.library_db import export_from_database

    export_from_database(db, output, status)


@library_app.command("import")
def import_open_data(
    file: Annotated[Path, typer.Argument(help="指标库开放数据文件（.json、.csv 或 .xlsx，格式同 export）")],
    db: Annotated[str, typer.Option("--db", help="数据库 URL")],
    as_json: JsonOption = False,
) -> None:
    """导入指标库开放数据：与库中不同的条目逐条提出新增、修改或停用申请（经两级审批后生效）。"""
    from jixiao.cli.library_db import import_into_database

    import_into_database(db, file, as_json)
