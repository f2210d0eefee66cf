"""Commands over the database: `db upgrade`, `import`, `user add/list/passwd`, `serve`, `demo`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import err
from jixiao.workflow import Role

db_app = typer.Typer(help="数据库：创建与升级", no_args_is_help=True)
user_app = typer.Typer(help="用户：添加、列出、修改密码", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")

DbOption = Annotated[
    str | None, typer.Option("--db", help="数据库 URL（默认 JIXIAO_DATABASE_URL 或 var/jixiao.sqlite）")
]
JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON")]
ROLE_NAMES = {
    "filler": Role.FILLER,
    "填报人": Role.FILLER,
    "reviewer": Role.REVIEWER,
    "审核人": Role.REVIEWER,
    "admin": Role.ADMIN,
    "管理员": Role.ADMIN,
}


def _service(db: str | None, migrate: bool = True) -> Any:
    from jixiao.service import Service, default_url

    service = Service(db or default_url())
    if migrate:
        try:
            service.upgrade()
        except Exception as why:  # a wrong URL or an unreachable server: say so, no traceback
            err.print(f"[red]无法打开数据库 {service.url}：{why}[/red]")
            raise typer.Exit(1) from None
    return service


def _emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None, as_json: JsonOption = False) -> None:
    """创建数据库或升级到最新结构。"""
    service = _service(db)
    revision = service.revision()
    if as_json:
        _emit_json({"database": service.url, "revision": revision})
    else:
        typer.echo(f"数据库已是最新结构（{revision}）：{service.url}")


@app.command("import")
def import_files(
    files: Annotated[
        list[Path], typer.Argument(help="要导入的文件（文本、Excel、PDF、JSON）", show_default=False)
    ],
    db: DbOption = None,
    published: Annotated[
        bool, typer.Option("--published", help="作为已公开的表导入（来自公开披露的文件）")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """读取（文本、Excel、PDF、JSON）、审核并存储项目绩效目标表；每个文件一个事务，同一张表不重复。"""
    from jixiao.service import BUSY_MESSAGE, DATABASE_ERRORS, is_database_busy

    service = _service(db)
    reports = []
    with Progress(
        TextColumn("[bold]导入"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=as_json,
    ) as progress:
        task = progress.add_task("", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                reports.append(service.import_path(path, published=published))
            except DATABASE_ERRORS as why:
                if not is_database_busy(why):
                    raise
                err.print(f"[red]{path}：{BUSY_MESSAGE}（未导入任何内容）[/red]")
                raise typer.Exit(1) from None
            progress.advance(task)
    failed = [r for r in reports if not r.ok]
    if as_json:
        _emit_json(
            [
                {
                    "file": r.file,
                    "ok": r.ok,
                    "created": r.created,
                    "updated": r.updated,
                    "unchanged": r.unchanged,
                    "findings": r.finding_count,
                    "problems": [
                        {"code": p.code, "message": p.message, "source": str(p.source)} for p in r.problems
                    ],
                }
                for r in reports
            ]
        )
    else:
        for r in reports:
            if r.ok:
                counts = f"新建 {r.created} 张，新版本 {r.updated} 张，未变 {r.unchanged} 张"
                typer.echo(f"{r.file}：{counts}；发现问题 {r.finding_count} 条")
            else:
                for problem in r.problems:
                    err.print(f"[red]{r.file}：{problem.message}（未导入任何内容）[/red]")
    raise typer.Exit(1 if failed else 0)


@user_app.command("add")
def user_add(
    username: str,
    role: Annotated[str, typer.Option("--role", help="filler/填报人、reviewer/审核人、admin/管理员")],
    password: Annotated[
        str, typer.Option("--password", prompt="密码", hide_input=True, confirmation_prompt=True)
    ],
    unit: Annotated[str | None, typer.Option("--unit", help="填报人所属单位")] = None,
    department: Annotated[
        list[str] | None, typer.Option("--department", help="审核人负责的主管部门，可重复")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """添加用户。"""
    from jixiao.service import ServiceError

    if role not in ROLE_NAMES:
        err.print(f"[red]未知角色 {role}；可选：filler、reviewer、admin[/red]")
        raise typer.Exit(2)
    service = _service(db)
    try:
        user_id = service.add_user(username, password, ROLE_NAMES[role], unit, department or [])
    except ServiceError as why:
        err.print(f"[red]{why.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        _emit_json({"id": user_id, "username": username, "role": ROLE_NAMES[role].value})
    else:
        typer.echo(f"已添加用户 {username}（{ROLE_NAMES[role].label}）")


@user_app.command("list")
def user_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """列出用户。"""
    users = _service(db).users()
    if as_json:
        _emit_json(
            [
                {
                    "id": u.id,
                    "username": u.username,
                    "role": u.role.value,
                    "unit": u.unit,
                    "departments": list(u.departments),
                }
                for u in users
            ]
        )
        return
    table = RichTable("用户名", "角色", "单位", "负责部门")
    for u in users:
        table.add_row(u.username, u.role.label, u.unit or "", "、".join(u.departments))
    Console().print(table)


@user_app.command("passwd")
def user_passwd(
    username: str,
    password: Annotated[
        str, typer.Option("--password", prompt="新密码", hide_input=True, confirmation_prompt=True)
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """修改用户密码（同时解除锁定）。"""
    from jixiao.service import ServiceError

    try:
        _service(db).set_password(username, password)
    except ServiceError as why:
        err.print(f"[red]{why.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        _emit_json({"username": username, "changed": True})
    else:
        typer.echo(f"已修改 {username} 的密码")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="工作进程数（多核服务器上可设为 CPU 核数）")
    ] = 1,
    as_json: JsonOption = False,
) -> None:
    """启动网页应用（设置取自环境变量 JIXIAO_*，见 docs/web.md）。"""
    import os

    import uvicorn

    from jixiao.web import Settings, create_app

    service = _service(db)  # migrated once here, before any worker starts
    os.environ["JIXIAO_DATABASE_URL"] = service.url
    if as_json:
        _emit_json({"url": f"http://{host}:{port}", "database": service.url, "workers": workers})
    else:
        typer.echo(f"jixiao 网页应用：http://{host}:{port}（数据库 {service.url}，{workers} 个工作进程）")
    if workers == 1:
        app_ = create_app(Settings.from_environment())
        uvicorn.run(app_, host=host, port=port, log_level="warning")
        return
    # each worker process builds its own app (and engine) from the environment
    os.environ["JIXIAO_MIGRATE"] = "0"
    uvicorn.run(
        "jixiao.web:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning"
    )


DEMO_USERS = (
    ("tianbao", "tianbao-2025", Role.FILLER, "东莞市妇女联合会", ()),
    ("shenhe", "shenhe-2025", Role.REVIEWER, None, ("东莞市妇女联合会",)),
    ("guanli", "guanli-2025", Role.ADMIN, None, ()),
)


@app.command()
def demo(
    file: Annotated[Path, typer.Argument(help="作为已公开导入的表，例如种子文件")],
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="只准备数据，不启动服务")] = False,
    as_json: JsonOption = False,
) -> None:
    """演示：建库、导入为已公开、创建各角色演示用户并启动网页应用。"""
    service = _service(db)
    report = service.import_path(file, published=True)
    if not report.ok:
        for problem in report.problems:
            err.print(f"[red]{file}：{problem.message}[/red]")
        raise typer.Exit(1)
    existing = {u.username for u in service.users()}
    for username, password, role, unit, departments in DEMO_USERS:
        if username in existing:
            service.set_password(username, password)
        else:
            service.add_user(username, password, role, unit, departments)
    users = [{"username": u, "password": p, "role": r.label} for u, p, r, _, _ in DEMO_USERS]
    if as_json:
        _emit_json(
            {
                "database": service.url,
                "created": report.created,
                "unchanged": report.unchanged,
                "users": users,
            }
        )
    else:
        typer.echo(f"已导入 {file}：新建 {report.created} 张，未变 {report.unchanged} 张（已公开）")
        typer.echo("演示用户（用户名 / 密码 / 角色）：")
        for user in users:
            typer.echo(f"  {user['username']} / {user['password']} / {user['role']}")
    if not no_serve:
        serve(host=host, port=port, db=service.url, workers=1, as_json=as_json)
