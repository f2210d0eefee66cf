"""`jixiao backup` and `jixiao restore`: the whole database to one file and back (SQLite, PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import app
from jixiao.cli.common import err

DbOption = Annotated[
    str | None, typer.Option("--db", help="数据库 URL（默认 JIXIAO_DATABASE_URL 或 var/jixiao.sqlite）")
]


@app.command("backup")
def backup_command(
    output: Annotated[
        Path, typer.Argument(help="备份文件（SQLite 为数据库副本，PostgreSQL 为 pg_dump 文件）")
    ],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """在线备份整个数据库（服务运行时也可备份）。请把备份文件另存到异地。"""
    from jixiao.service import BackupError, backup_database, default_url

    try:
        result = backup_database(db or default_url(), output)
    except BackupError as why:
        err.print(f"[red]备份失败：{why.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        info = {
            "database": result.database,
            "file": str(result.file),
            "bytes": result.size,
            "kind": result.kind,
        }
        typer.echo(json.dumps(info, ensure_ascii=False))
    else:
        typer.echo(f"已备份 {result.database} → {result.file}（{result.size / 1024 / 1024:.1f} MB）")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="jixiao backup 写出的备份文件")],
    db: DbOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="确认用备份覆盖目标数据库的全部内容")] = False,
) -> None:
    """用备份文件覆盖目标数据库的全部内容（请先停止网页服务）。"""
    from jixiao.service import BackupError, default_url, restore_database

    url = db or default_url()
    if not yes:
        err.print("[red]恢复会覆盖目标数据库的全部内容；确认无误后加 --yes 再运行[/red]")
        raise typer.Exit(2)
    try:
        restore_database(url, source)
    except BackupError as why:
        err.print(f"[red]恢复失败：{why.message}[/red]")
        raise typer.Exit(1) from None
    typer.echo(f"已从 {source} 恢复数据库")
