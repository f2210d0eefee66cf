"""`jixiao org`: the hierarchy 财政区划 → 主管部门 → 用款单位 that reviewers' scopes follow."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import err
from jixiao.cli.store import DbOption, JsonOption, _emit_json, _service

org_app = typer.Typer(
    help="单位与部门：财政区划 → 主管部门 → 用款单位 的层级（审核人的范围是其所辖的整棵子树）",
    no_args_is_help=True,
)
app.add_typer(org_app, name="org")

KIND_NAMES = {"region": "region", "区划": "region", "department": "department", "部门": "department"}
KIND_NAMES |= {"unit": "unit", "单位": "unit"}


@org_app.command("list")
def org_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """列出所有区划、部门和单位及其上级。"""
    found = _service(db).hierarchy()
    if as_json:
        _emit_json(
            [
                {"name": o.name, "kind": o.kind.value if o.kind else None, "parent": o.parent, "code": o.code}
                for o in found
            ]
        )
        return
    table = RichTable("名称", "类别", "上级", "区划代码")
    for o in found:
        table.add_row(o.name, o.kind.label if o.kind else "（未分类）", o.parent or "", o.code or "")
    Console().print(table)


@org_app.command("place")
def org_place(
    name: str,
    kind: Annotated[
        str, typer.Option("--kind", help="类别：region（区划）、department（部门）、unit（单位）")
    ],
    parent: Annotated[
        str | None, typer.Option("--parent", help="上级的名称（部门的上级是区划，单位的上级是部门）")
    ] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="财政区划代码（区划，6 位数字；未知为 000000）")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """新建或移动一个区划、部门或单位（记入审计日志）。"""
    from jixiao.service import OrgKind, ServiceError

    if kind.strip() not in KIND_NAMES:
        err.print(f"[red]类别应为 region、department 或 unit：{kind}[/red]")
        raise typer.Exit(2)
    try:
        org = _service(db).place_org(name, OrgKind(KIND_NAMES[kind.strip()]), parent, code)
    except ServiceError as why:
        err.print(f"[red]{why.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        _emit_json({"name": org.name, "kind": org.kind.value if org.kind else None, "parent": org.parent})
    else:
        kind_label = org.kind.label if org.kind else ""
        typer.echo(f"已将 {org.name}（{kind_label}）置于 {org.parent or '最上层'}")
