"""Users and the audit log from the command line: `user add/list/passwd/role/disable/enable/logout`,
`audit verify/archive/list`.

Passwords are never arguments (they would stay in the shell history and in ``ps``): they are asked
for twice without echo, or read from the first line of standard input with ``--password-stdin``.
The command line acts as the operator of the local database; the audit log records the
operating-system user who ran it (see `jixiao.cli.app`).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import err
from jixiao.cli.store import ROLE_NAMES, DbOption, JsonOption, _emit_json, _service

user_app = typer.Typer(help="用户：添加、列出、修改密码、角色、停用与启用", no_args_is_help=True)
audit_app = typer.Typer(help="审计日志：校验哈希链、归档超过保留期的记录", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(audit_app, name="audit")

StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help="从标准输入的第一行读入密码（用于脚本），不交互询问")
]


def _read_password(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            err.print("[red]标准输入中没有密码[/red]")
            raise typer.Exit(2)
        return line.rstrip("\r\n")
    answer: str = typer.prompt(prompt, hide_input=True, confirmation_prompt="再次输入以确认")
    return answer


def _fail(why: Any, code: int = 1) -> NoReturn:
    err.print(f"[red]{why.message}[/red]")
    raise typer.Exit(code)


def _role(name: str) -> Any:
    if name not in ROLE_NAMES:
        err.print(f"[red]未知角色 {name}；可选：filler、reviewer、admin[/red]")
        raise typer.Exit(2)
    return ROLE_NAMES[name]


RoleOption = Annotated[str, typer.Option("--role", help="filler/填报人、reviewer/审核人、admin/管理员")]
UnitOption = Annotated[str | None, typer.Option("--unit", help="填报人所属单位")]
DepartmentOption = Annotated[
    list[str] | None, typer.Option("--department", help="审核人负责的主管部门，可重复")
]


@user_app.command("add")
def user_add(
    username: str,
    role: RoleOption,
    unit: UnitOption = None,
    department: DepartmentOption = None,
    password_stdin: StdinOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """添加用户（密码交互输入两次，或 --password-stdin）。"""
    from jixiao.service import ServiceError

    kind = _role(role)
    service = _service(db)
    password = _read_password(password_stdin, "密码")
    try:
        user_id = service.add_user(username, password, kind, unit, department or [], temporary=True)
    except ServiceError as why:
        _fail(why)
    if as_json:
        _emit_json({"id": user_id, "username": username, "role": kind.value})
    else:
        typer.echo(f"已添加用户 {username}（{kind.label}）；该用户首次登录后须先修改这个密码")


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
                    "disabled": u.disabled,
                    "demo": u.demo,
                }
                for u in users
            ]
        )
        return
    table = RichTable("用户名", "角色", "单位", "负责部门", "状态")
    for u in users:
        state = "已停用" if u.disabled else ("演示用户" if u.demo else "正常")
        table.add_row(u.username, u.role.label, u.unit or "", "、".join(u.departments), state)
    Console().print(table)


@user_app.command("passwd")
def user_passwd(
    username: str, password_stdin: StdinOption = False, db: DbOption = None, as_json: JsonOption = False
) -> None:
    """修改用户密码；该用户所有已登录的会话随即失效，下次登录后须先改为自己的密码。"""
    from jixiao.service import ServiceError

    service = _service(db)
    password = _read_password(password_stdin, "新密码")
    try:
        service.set_password(username, password, temporary=True)
    except ServiceError as why:
        _fail(why)
    if as_json:
        _emit_json({"username": username, "changed": True})
    else:
        typer.echo(f"已修改 {username} 的密码（其已登录的会话已全部退出；下次登录后须先改为自己的密码）")


@user_app.command("role")
def user_role(
    username: str,
    role: RoleOption,
    unit: UnitOption = None,
    department: DepartmentOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """修改用户的角色、所属单位（填报人）和负责的主管部门（审核人）。"""
    from jixiao.service import ServiceError

    try:
        user = _service(db).set_user_role(username, _role(role), unit, department or [])
    except ServiceError as why:
        _fail(why)
    if as_json:
        _emit_json({"username": user.username, "role": user.role.value, "unit": user.unit,
                    "departments": list(user.departments)})  # fmt: skip
    else:
        where = user.unit or "、".join(user.departments)
        typer.echo(f"{user.username} 现为{user.role.label}{f'（{where}）' if where else ''}")


def _set_disabled(username: str, disabled: bool, db: str | None, as_json: bool) -> None:
    from jixiao.service import ServiceError

    try:
        _service(db).set_user_disabled(username, disabled)
    except ServiceError as why:
        _fail(why)
    if as_json:
        _emit_json({"username": username, "disabled": disabled})
    else:
        typer.echo(f"已停用 {username}（其会话已全部退出）" if disabled else f"已启用 {username}")


@user_app.command("disable")
def user_disable(username: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """停用用户：不能登录，已登录的会话随即失效。"""
    _set_disabled(username, True, db, as_json)


@user_app.command("enable")
def user_enable(username: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """重新启用已停用的用户。"""
    _set_disabled(username, False, db, as_json)


@user_app.command("logout")
def user_logout(username: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """让用户在所有设备上退出登录（例如设备丢失）。"""
    from jixiao.service import ServiceError

    try:
        count = _service(db).revoke_user_sessions(username)
    except ServiceError as why:
        _fail(why)
    if as_json:
        _emit_json({"username": username, "sessions": count})
    else:
        typer.echo(f"已退出 {username} 的 {count} 个会话")


@audit_app.command("verify")
def audit_verify(
    archive: Annotated[
        Path | None, typer.Option("--archive", help="校验一个归档文件（而不是数据库中的日志）")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """校验审计日志的哈希链：发现被修改、删除或截去的记录时列出并以 1 退出。"""
    from jixiao.service import verify_audit_archive

    if archive is not None:
        try:
            with archive.open(encoding="utf-8") as lines:
                report = verify_audit_archive(lines)
        except (OSError, ValueError, KeyError) as why:
            err.print(f"[red]无法读取归档文件 {archive}：{why}[/red]")
            raise typer.Exit(2) from None
    else:
        report = _service(db).audit_verify()
    if as_json:
        _emit_json(report.as_dict())
        raise typer.Exit(0 if report.ok else 1)
    if not report.keyed:
        err.print(
            "[yellow]未配置审计密钥（JIXIAO_AUDIT_KEY）：哈希链不能防止有数据库写权限的人改写记录后重算，"
            "请配置密钥（见 docs/security.md）[/yellow]"
        )
    elif report.unkeyed_rows:
        typer.echo(
            f"其中 {report.unkeyed_rows} 条写于启用密钥之前（最后一条：第 {report.last_unkeyed_seq} 条）"
        )
    if report.ok:
        keyed = "密钥签名" if report.keyed else "哈希链"
        typer.echo(f"审计日志完整：{report.rows} 条记录，{keyed}无误（链头第 {report.head_seq} 条）")
    else:
        for problem in report.problems:
            err.print(f"[red]{problem.message}[/red]")
        err.print(f"[red]审计日志校验未通过：{len(report.problems)} 处问题[/red]")
    raise typer.Exit(0 if report.ok else 1)


@audit_app.command("archive")
def audit_archive(
    before: Annotated[str, typer.Option("--before", help="归档此日期（YYYY-MM-DD，UTC）之前的记录")],
    output: Annotated[Path, typer.Option("-o", "--output", help="归档文件（JSON Lines），不覆盖已有文件")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """把超过保留期（至少 180 天）的审计记录移入归档文件；数据库中余下的记录仍可校验。"""
    from jixiao.service import ServiceError

    try:
        moment = datetime.strptime(before, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        err.print(f"[red]日期应为 YYYY-MM-DD，而不是“{before}”[/red]")
        raise typer.Exit(2) from None
    if output.exists():
        err.print(f"[red]{output} 已存在，不覆盖；请另选文件名[/red]")
        raise typer.Exit(2)
    service = _service(db)
    try:
        with output.open("x", encoding="utf-8") as out:
            count = service.audit_archive(moment, out)
    except ServiceError as why:
        output.unlink(missing_ok=True)
        _fail(why)
    if count == 0:
        output.unlink(missing_ok=True)
    if as_json:
        _emit_json({"archived": count, "file": str(output) if count else None, "before": before})
    else:
        typer.echo(f"已归档 {count} 条记录到 {output}" if count else f"{before} 之前没有可归档的记录")
