"""Workflow on the command line: `table findings` (with ids, places and dismissals) and `table submit`,
which follows the same rule as the web and the API: 错误 findings need a fix, a reviewer's dismissal
or an explanation each (``--explain ID=理由``)."""

from __future__ import annotations

from typing import Annotated

import typer

from jixiao.cli.app import app
from jixiao.cli.common import err
from jixiao.cli.store import DbOption, JsonOption, _emit_json, _service

table_app = typer.Typer(help="存储的表：审核发现、提交审核", no_args_is_help=True)
app.add_typer(table_app, name="table")

ExplainOption = Annotated[
    list[str] | None, typer.Option("--explain", help="对一条“错误”的说明：发现编号=理由，可重复")
]


@table_app.command("findings")
def findings(table_id: int, db: DbOption = None, as_json: JsonOption = False) -> None:
    """列出一张表的审核发现：编号、位置、是否已被审核人驳回。"""
    from jixiao.permissions import OPERATOR
    from jixiao.service import ServiceError

    try:
        found = _service(db).table_view(OPERATOR, table_id).findings
    except ServiceError as why:
        err.print(f"[red]{why.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        _emit_json(
            [
                {key: getattr(f, key) for key in ("id", "code", "severity", "place", "message")}
                | {"dismissed": (f.dismissed or {}).get("reason")}
                for f in found
            ]
        )
        return
    for f in found:
        dismissed = f"（已驳回：{f.dismissed['reason']}）" if f.dismissed else ""
        typer.echo(f"{f.id}\t{f.code}\t{f.severity}\t{f.place}\t{f.message}{dismissed}")


@table_app.command("submit")
def submit(
    table_id: int,
    comment: Annotated[str, typer.Option("--comment", help="提交说明")] = "",
    explain: ExplainOption = None,
    db: DbOption = None,
) -> None:
    """提交审核；有未驳回的“错误”时，须用 --explain 逐条说明（编号见 table findings）。"""
    from jixiao.permissions import OPERATOR
    from jixiao.service import ServiceError
    from jixiao.workflow import Action

    explanations: dict[int, str] = {}
    for item in explain or []:
        number, _, text = item.partition("=")
        if not number.strip().isdigit() or not text.strip():
            err.print(f"[red]--explain 应写成“发现编号=理由”，而不是“{item}”[/red]")
            raise typer.Exit(2)
        explanations[int(number)] = text
    try:
        status = _service(db).act(OPERATOR, table_id, Action.SUBMIT, comment, explanations)
    except ServiceError as why:
        err.print(f"[red]{why.message}[/red]")
        raise typer.Exit(1) from None
    typer.echo(f"已提交表 {table_id}，当前状态：{status.label}")
