"""Commands over the database: `db upgrade`, `import`, `serve`, `demo` (users and audit: cli/accounts.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

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
    from jixiao.service import AuditKeyError, Service, default_url

    try:
        service = Service(db or default_url())
    except AuditKeyError as why:
        err.print(f"[red]{why}[/red]")
        raise typer.Exit(2) from None
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


@db_app.command("partition")
def db_partition(
    year: Annotated[int | None, typer.Option("--year", help="年度（默认：明年）")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """PostgreSQL：为某一年度建立各业务表的分区（该年度已在默认分区中的数据随之移入）。"""
    from datetime import date

    service = _service(db)
    wanted = year if year is not None else date.today().year + 1
    made = service.create_year_partitions(wanted)
    if as_json:
        _emit_json({"database": service.url, "year": wanted, "partitions": made})
    elif made:
        typer.echo(f"已建立 {wanted} 年度的分区：{'、'.join(made)}")
    else:
        typer.echo(f"{wanted} 年度无需新建分区（已存在，或数据库是 SQLite，不分区）")


@db_app.command("check")
def db_check(db: DbOption = None, as_json: JsonOption = False) -> None:
    """检查数据库不再自动检查的引用与键：孤儿行、子表的地区码与年度、按编号查年度的索引行（分区后的
    PostgreSQL 不设外键）。有问题时退出码为 1。"""
    service = _service(db)
    problems = service.check_integrity()
    if as_json:
        _emit_json(
            {
                "database": service.url,
                "problems": [
                    {
                        "code": p.code,
                        "table": p.table,
                        "column": p.column,
                        "count": p.count,
                        "examples": list(p.examples),
                        "message": p.message,
                    }
                    for p in problems
                ],
            }
        )
    elif problems:
        for problem in problems:
            err.print(f"[red]{problem.code} {problem.message}[/red]")
        err.print(f"数据库 {service.url}：发现 {len(problems)} 类问题")
    else:
        typer.echo(f"数据库 {service.url}：引用与键均完整，没有孤儿行")
    if problems:
        raise typer.Exit(1)


@app.command("import")
def import_files(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="要导入的文件、目录（含子目录）或 .zip 压缩包（文本、Excel、PDF、JSON 等）",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    published: Annotated[
        bool, typer.Option("--published", help="作为已公开的表导入（来自公开披露的文件）")
    ] = False,
    manifest: Annotated[
        list[Path] | None, typer.Option("--manifest", help="清单文件：每行一个文件或目录路径（# 开头为注释）")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="读取与审核的工作进程数（默认：CPU 核数）")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="在 Dask 集群上读取与审核：调度器地址 tcp://主机:8786，或 local:N 在本机启动 N 个工作进程",
        ),
    ] = None,
    report_json: Annotated[
        Path | None, typer.Option("--report-json", help="逐个文件的导入报告（JSON）")
    ] = None,
    report_csv: Annotated[Path | None, typer.Option("--report-csv", help="逐个文件的导入报告（CSV）")] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason", help="目标调整理由：文件中已提交、已通过或已公开的表有变化时必填（公开的仍是原版本）"
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """读取、审核并存储项目绩效目标表：文件、目录、zip 压缩包或清单；多进程读取，每个文件一个事务。

    已导入过的文件（按内容哈希）再次运行时跳过；一个文件有问题不影响其余文件。
    """
    from jixiao.cli.import_report import ImportReporter
    from jixiao.pipeline import count_files, iter_files
    from jixiao.service import ServiceError

    paths, manifests = list(files or []), list(manifest or [])
    if not paths and not manifests:
        err.print("错误：请给出要导入的文件、目录、压缩包，或用 --manifest 给出清单")
        raise typer.Exit(2)
    service = _service(db)
    total = count_files(paths, manifests)
    reporter = ImportReporter(total, as_json, report_json, report_csv)
    with reporter:
        try:
            summary = service.import_collection(
                iter_files(paths, manifests),
                reporter.file,
                jobs=jobs,
                published=published,
                reason=reason,
                dask=dask,
            )
        except ServiceError as stopped:  # BatchStopped, or a Dask cluster that cannot be used
            reporter.finish(None)
            err.print(f"[red]{stopped.message}[/red]")
            raise typer.Exit(1) from None
        reporter.finish(summary)
    if published and not as_json:  # imports do not rebuild the 指标库 (they stay fast); say it is behind
        freshness = service.library_freshness()
        if freshness["stale"]:
            err.print(f"{freshness['note']}运行 jixiao library build --db {service.url} 增量更新。")
    raise typer.Exit(1 if summary.refused else 0)


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
