"""`jixiao review FILE…` and `jixiao rules`: findings per table, a summary, the rule catalogue."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import check_paths, progress_bar, read_one
from jixiao.model import Diagnostic, Severity, Table
from jixiao.pipeline import (
    RULES,
    ProfileError,
    catalogue_markdown,
    finding_to_dict,
    load_profile,
    review_batch,
    review_to_dict,
    rule_to_dict,
)
from jixiao.service.library import NOT_BUILT, NOT_RUN

_FILES_HELP = "目标表文本文件（制表符、| 分隔或每行一格）；- 表示标准输入"
_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_OUTCOME_STYLE = {"优": "green", "良": "cyan", "中": "yellow", "差": "red"}


def _min_severity(name: str) -> Severity:
    if name not in _SEVERITIES:
        raise typer.BadParameter(f"应为 error、warning 或 info，而不是“{name}”", param_hint="--min-severity")
    return _SEVERITIES[name]


def _reading_of(
    table_index: int, tables: Sequence[Table], diagnostics: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """Reader diagnostics belonging to a table: from its first line up to the next table's."""
    starts = [t.source.line or 0 for t in tables]

    def owner(d: Diagnostic) -> int:
        line = d.source.line or 0
        return max((i for i, s in enumerate(starts) if s <= line), default=0)

    return [d for d in diagnostics if owner(d) == table_index]


@app.command()
def review(
    files: Annotated[
        list[str],
        typer.Argument(help="目标表文本文件（制表符、| 分隔或每行一格）；- 表示标准输入", show_default=False),
    ],
    profile: Annotated[
        str, typer.Option("--profile", help="审核配置：central-2021（默认）、legacy-2015 或 .json 文件")
    ] = "central-2021",
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出，每张表一个对象")] = False,
    min_severity: Annotated[
        str, typer.Option("--min-severity", help="只列出不低于此严重程度的发现：error、warning、info")
    ] = "info",
    db: Annotated[str | None, typer.Option("--db", help="用此数据库的指标库做同行比较（JX-E01–E03）")] = None,
) -> None:
    """审核项目绩效目标表：逐表列出发现（文件:行 编号 严重程度 说明），再给出汇总和审核结果。"""
    floor = _min_severity(min_severity)
    try:
        chosen = load_profile(profile)
    except ProfileError as exc:
        raise typer.BadParameter(str(exc), param_hint="--profile") from exc

    check_paths(files)
    all_tables: list[Table] = []
    reading: list[list[Diagnostic]] = []
    failed = False
    with progress_bar(len(files), "读取", enabled=len(files) > 3) as advance:
        for path in files:
            tables, diagnostics = read_one(path)
            advance()
            if not tables:
                failed = True
                for d in diagnostics:
                    typer.echo(str(d), err=True)
                continue
            for index in range(len(tables)):
                reading.append(_reading_of(index, tables, diagnostics))
            all_tables.extend(tables)

    reviews = review_batch(all_tables, chosen)
    peers, peer_note = _peer_findings(db, reviews)
    has_errors = (
        failed
        or any(f.severity is Severity.ERROR for r in reviews for f in r.findings)
        or any(d.severity is Severity.ERROR for ds in reading for d in ds)
    )

    if as_json:
        out: list[dict[str, Any]] = []
        for r, ds in zip(reviews, reading, strict=True):
            shown = [f for f in r.findings if f.severity.rank >= floor.rank]
            out.append(review_to_dict(r, chosen, shown, [d for d in ds if d.severity.rank >= floor.rank]))
            out[-1]["peer_review"] = "done" if peers is not None else "not_run"
            out[-1]["peer_review_note"] = peer_note
            if peers is not None:
                out[-1]["peer_findings"] = [finding_to_dict(f) for f in peers[len(out) - 1]]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for index, (r, ds) in enumerate(zip(reviews, reading, strict=True)):
            typer.echo(f"\n== {r.table.project.name}（{r.table.source}）审核结果：{r.outcome.value}")
            for d in sorted(ds, key=lambda d: d.source.line or 0):
                if d.severity.rank >= floor.rank:
                    typer.echo(str(d))
            for f in r.findings:
                if f.severity.rank >= floor.rank:
                    typer.echo(str(f))
            typer.echo(f"   {r.reason}")
            for f in peers[index] if peers is not None else ():
                typer.echo(f"{f}（同行比较）")
        _summary(reviews, chosen.name)
        typer.echo(peer_note, err=True)
    raise typer.Exit(1 if has_errors else 0)


def _peer_findings(db: str | None, reviews: Sequence[Any]) -> tuple[list[list[Diagnostic]] | None, str]:
    """The evidence rules' findings per table from the database's library, and what was done; None
    without a database, or when its library was never built (then the note says so)."""
    if db is None:
        return None, NOT_RUN
    from jixiao.cli.store import _service

    service = _service(db)
    if service.library_freshness()["built_at"] is None:
        return None, NOT_BUILT
    return [service.peer_findings(r.table) for r in reviews], "已用数据库中的指标库做同行比较（JX-E01–E03）"


def _summary(reviews: Sequence[Any], profile_name: str) -> None:
    console = Console()
    table = RichTable(title=f"审核汇总（配置：{profile_name}）")
    table.add_column("位置", no_wrap=True)
    table.add_column("项目", overflow="fold")
    table.add_column("结果", no_wrap=True)
    for header in ("错误", "警告", "提示"):
        table.add_column(header, justify="right", no_wrap=True)
    for r in reviews:
        style = _OUTCOME_STYLE.get(r.outcome.value, "")
        file = Path(r.table.source.file).name if r.table.source.file else "<输入>"
        table.add_row(
            f"{file}:{r.table.source.line}",
            r.table.project.name,
            f"[{style}]{r.outcome.value}[/{style}]" if style else r.outcome.value,
            str(r.count(Severity.ERROR)),
            str(r.count(Severity.WARNING)),
            str(r.count(Severity.INFO)),
        )
    console.print(table)
    grades = {g: sum(1 for r in reviews if r.outcome.value == g) for g in ("优", "良", "中", "差")}
    console.print(f"共{len(reviews)}张表：" + "，".join(f"{g} {n}" for g, n in grades.items()))


@app.command()
def rules(
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="输出规则目录页（docs/rule-catalogue.md）")
    ] = False,
    profile: Annotated[
        str, typer.Option("--profile", help="按此审核配置显示严重程度和开关")
    ] = "central-2021",
) -> None:
    """列出审核规则目录：编号、严重程度、类别、名称、依据和建议。"""
    try:
        chosen = load_profile(profile)
    except ProfileError as exc:
        raise typer.BadParameter(str(exc), param_hint="--profile") from exc
    if markdown:
        typer.echo(catalogue_markdown(), nl=False)
        return
    if as_json:
        typer.echo(json.dumps([rule_to_dict(r, chosen) for r in RULES], ensure_ascii=False, indent=2))
        return
    table = RichTable(title=f"审核规则（配置：{chosen.name}）")
    for header in ("编号", "严重程度", "类别"):
        table.add_column(header, no_wrap=True)
    for header in ("名称", "建议"):
        table.add_column(header, overflow="fold")
    for r in RULES:
        severity = chosen.severity_of(r.id, r.severity).label
        if not chosen.enabled(r.id):
            severity = "关闭"
        table.add_row(r.id, severity, r.family, r.title, r.suggestion)
    Console().print(table)
