"""Commands over the database: `db upgrade`, `import`, `serve`, `demo` (users and audit: cli/accounts.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jixiao.cli.app import app
from jixiao.cli.common import err
from jixiao.workflow import Role

db_app = typer.Typer(help="数据库：创建与升级", no_args_is_help=True)
app.add_typer(db_app, name="db")

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
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason", help="目标调整理由：文件中已提交、已通过或已公开的表有变化时必填（公开的仍是原版本）"
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """读取（文本、Excel、PDF、JSON）、审核并存储项目绩效目标表；每个文件一个事务，同一张表不重复。"""
    from jixiao.service import BUSY_MESSAGE, DATABASE_ERRORS, ServiceError, is_database_busy

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
                reports.append(service.import_path(path, published=published, reason=reason))
            except ServiceError as why:
                err.print(f"[red]{path}：{why.message}（未导入任何内容）[/red]")
                raise typer.Exit(1) from None
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
    """启动网页应用（设置取自环境变量 JIXIAO_*，见 docs/deploy-postgresql.md）。"""
    _run_server(_service(db).url, host, port, as_json, demo=False, workers=workers)


def _run_server(url: str, host: str, port: int, as_json: bool, demo: bool, workers: int = 1) -> None:
    import uvicorn

    from jixiao.web import Settings, create_app

    # every process of the server (one, or each of --workers) builds its app from the environment
    os.environ["JIXIAO_DATABASE_URL"] = url
    if demo:
        os.environ["JIXIAO_DEMO"] = "1"  # for every process of the server, however it is started
    if as_json:
        _emit_json({"url": f"http://{host}:{port}", "database": url, "demo": demo, "workers": workers})
    else:
        mode = "（演示模式）" if demo else ""
        typer.echo(f"jixiao 网页应用：http://{host}:{port}（数据库 {url}，{workers} 个工作进程）{mode}")
    if workers == 1:
        uvicorn.run(create_app(Settings.from_environment()), host=host, port=port, log_level="warning")
        return
    os.environ["JIXIAO_MIGRATE"] = "0"  # migrated once, by _service, before any worker starts
    uvicorn.run(
        "jixiao.web:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning"
    )


# The demo users' passwords are published (README, user guide): they are marked as demo users and
# can log in only to a server started by `jixiao demo` (or with JIXIAO_DEMO=1), never to `jixiao serve`.
DEMO_USERS = (
    ("tianbao", "Tb-demo-2025", Role.FILLER, "东莞市妇女联合会", ()),
    ("shenhe", "Sh-demo-2025", Role.REVIEWER, None, ("东莞市妇女联合会",)),
    ("guanli", "Gl-demo-2025", Role.ADMIN, None, ()),
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
    """演示：建库、导入为已公开、创建各角色演示用户并以演示模式启动网页应用。"""
    service = _service(db)
    users = service.users()
    real = [u.username for u in users if not u.demo]
    if real:
        err.print(
            f"[red]数据库 {service.url} 已有正式用户（{'、'.join(real[:3])}），"
            "不在其中创建密码公开的演示用户；请用新的数据库演示（--db 另一个文件）[/red]"
        )
        raise typer.Exit(1)
    report = service.import_path(file, published=True)
    if not report.ok:
        for problem in report.problems:
            err.print(f"[red]{file}：{problem.message}[/red]")
        raise typer.Exit(1)
    existing = {u.username for u in users}
    for username, password, role, unit, departments in DEMO_USERS:
        if username in existing:
            service.set_password(username, password)
        else:
            service.add_user(username, password, role, unit, departments, demo=True)
    shown = [{"username": u, "password": p, "role": r.label} for u, p, r, _, _ in DEMO_USERS]
    if as_json:
        _emit_json(
            {
                "database": service.url,
                "created": report.created,
                "unchanged": report.unchanged,
                "users": shown,
            }
        )
    else:
        typer.echo(f"已导入 {file}：新建 {report.created} 张，未变 {report.unchanged} 张（已公开）")
        typer.echo("演示用户（用户名 / 密码 / 角色；只能登录演示模式的服务）：")
        for user in shown:
            typer.echo(f"  {user['username']} / {user['password']} / {user['role']}")
    if not no_serve:
        _run_server(service.url, host, port, as_json, demo=True)
